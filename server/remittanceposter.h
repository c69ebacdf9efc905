// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "server/remittancematcher.h"

#include <QDateTime>
#include <QJsonObject>

class QIODevice;

namespace rcm::server {

class GatewayStore;

/// Imports an 835 file into the gateway: reads it one transaction at a time (so a file
/// of any size posts in flat memory), plans each (RemittanceMatcher) and posts it before
/// reading the next, all in one database transaction: the remittance, its claim payments
/// (reversals linked to what they undo), its provider-level adjustments, and a work item
/// for each exception, whose first history entry explains it. A transaction posted
/// before (same trace number and payer) is never posted again; one out of balance is
/// held until a person releases it. A preview does all of it but the writing.
class RemittancePoster final
{
public:
    enum class Mode { Preview, Post };
    struct Options
    {
        posting::TestInterchanges testInterchanges = posting::TestInterchanges::Refuse;
    };
    struct Result
    {
        enum class Outcome { Posted, Previewed, AllDuplicates, Unreadable, Failed, NotFound, NotHeld };
        Outcome outcome = Outcome::Failed;
        QJsonObject report; ///< what was found and done, per transaction
        QString error; ///< for Failed: why the database refused; for Unreadable: the first reason
    };

    explicit RemittancePoster(GatewayStore &store);
    RemittancePoster(GatewayStore &store, Options options);

    Result import(const QByteArray &x12, const models::User &by, Mode mode,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// The same from a file (an upload spooled to disk): read once for its digest, then
    /// again transaction by transaction. The device must be open and seekable.
    Result import(QIODevice *file, const models::User &by, Mode mode,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// Posts a held transaction as it was sent, accepting its difference as a provider-level
    /// adjustment, and closes its item with the person's note (audited).
    Result release(qint64 remittanceId, const models::User &by, const QString &note,
                   const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    struct Planned
    {
        const x12::CheckedRemittance &checked;
        RemittancePlan &plan;
    };
    store::StoreError post(Planned entry, const QByteArray &digest, const models::User &by, const QDateTime &now,
                           QJsonObject &report);
    store::StoreError postPayments(Planned entry, qint64 remittanceId);
    store::StoreError hold(Planned entry, qint64 remittanceId, const QString &workItemId);
    store::StoreError raiseAll(Planned entry, qint64 remittanceId, const models::User &by, const QDateTime &now,
                               QJsonObject &report);
    store::StoreError raise(const RemittanceException &exception, const x12::Remittance &remittance,
                            qint64 remittanceId, int number, const models::User &by, const QDateTime &now,
                            QStringList *workItemIds);
    store::StoreError closeHeldItem(qint64 remittanceId, const models::User &by, const QString &note,
                                    const QDateTime &now);

    GatewayStore &m_store;
    Options m_options;
};

} // namespace rcm::server
