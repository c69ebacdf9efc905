// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/exportrecord.h"
#include "services/store/database.h"
#include "services/store/preparedquery.h"
#include "services/store/storeerror.h"

#include <QList>

namespace rcm::store {

/// Report exports the gateway has not registered yet, kept in the exporter's cache until
/// the next sync sends them (a file written offline is still provably unedited once it
/// is registered). One row per file hash; a row leaves when the gateway has it. A row the
/// gateway refused stays, with the reason, for a person to see; it is not sent again.
/// Statements are prepared once; destroy it before closing its Database.
class PendingExportStore final
{
public:
    explicit PendingExportStore(Database &database);
    Q_DISABLE_COPY_MOVE(PendingExportStore)

    /// Keeps record (sha256, report, format, parameters, exportedAt) for username to
    /// register. Keeping the same file again changes nothing.
    StoreError keep(const models::ExportRecord &record, const QString &username);
    /// What waits to be sent under username's session, oldest first (refused rows excluded).
    QList<models::ExportRecord> waiting(const QString &username, StoreError *error = nullptr);
    /// Counts a send before it happens.
    StoreError recordAttempt(const QString &sha256);
    /// The gateway has the file: its row leaves.
    StoreError remove(const QString &sha256);
    /// The gateway refused the registration (not a network failure): the row stays with why.
    StoreError recordRefusal(const QString &sha256, const QString &reason);
    /// Rows waiting (refused ones excluded) for anyone; -1 if it cannot be read.
    qint64 waitingCount(StoreError *error = nullptr);

private:
    StoreError run(PreparedQuery &statement, const QVariantList &values, QStringView what);

    Database &m_database;
    PreparedQuery m_insert;
    PreparedQuery m_selectWaiting;
    PreparedQuery m_markAttempt;
    PreparedQuery m_delete;
    PreparedQuery m_markRefused;
    PreparedQuery m_countWaiting;
};

} // namespace rcm::store
