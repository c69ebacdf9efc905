// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "server/remittancematcher.h"

#include <QDateTime>
#include <QJsonObject>

namespace rcm::server {

class GatewayStore;

/// Imports an 835 file into the gateway: reads it transaction by transaction, plans each
/// (RemittanceMatcher), and posts the file's new transactions in one database
/// transaction: the remittance, its claim payments (reversals linked to what they undo)
/// and a work item for each exception, whose first history entry explains it. A
/// transaction posted before (same trace number and payer) is never posted again. A
/// preview does all of it but the writing.
class RemittancePoster final
{
public:
    enum class Mode { Preview, Post };
    struct Result
    {
        enum class Outcome { Posted, Previewed, AllDuplicates, Unreadable, Failed };
        Outcome outcome = Outcome::Failed;
        QJsonObject report; ///< what was found and done, per transaction
        QString error; ///< for Failed: why the database refused
    };

    explicit RemittancePoster(GatewayStore &store);

    Result import(const QByteArray &x12, const models::User &by, Mode mode,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// The same from a file (an upload spooled to disk): read once for its digest, then
    /// again transaction by transaction. The device must be open and seekable.
    Result import(QIODevice *file, const models::User &by, Mode mode,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    struct Planned
    {
        x12::CheckedRemittance checked;
        RemittancePlan plan;
    };
    store::StoreError post(QList<Planned> &planned, const QByteArray &digest, const models::User &by,
                           const QDateTime &now, QList<QJsonObject> &reports);
    store::StoreError raise(const RemittanceException &exception, const x12::Remittance &remittance,
                            qint64 remittanceId, int number, const models::User &by, const QDateTime &now,
                            QStringList *workItemIds);

    GatewayStore &m_store;
};

} // namespace rcm::server
