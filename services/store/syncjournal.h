// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/workitem.h"
#include "services/store/database.h"
#include "services/store/preparedquery.h"
#include "services/store/sqlitestatement.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QStringList>

#include <span>

namespace rcm::store {

/// Where the cache's sync stands, kept in the cache itself so a killed run resumes: the
/// server's cursor, when the last run completed, whether a full resync is under way and
/// which items it has seen so far, and the removals that wait for the end of a run.
/// Statements are prepared once; destroy it before closing its Database.
class SyncJournal final
{
public:
    explicit SyncJournal(Database &database);
    Q_DISABLE_COPY_MOVE(SyncJournal)

    /// The cursor to ask for the changes after; empty before the first page.
    QString cursor(StoreError *error = nullptr);
    /// When the last run completed; invalid if none has.
    QDateTime lastSync(StoreError *error = nullptr);
    bool isResyncing(StoreError *error = nullptr);

    /// Starts a full resync: the cursor goes back to the start and nothing is seen yet.
    StoreError startResync();
    /// What one page changed besides its rows: items it lists are no longer pending
    /// removal (and, in a resync, are seen), its tombstones wait for removal, and the
    /// cursor moves past it. Call it in the transaction that writes the page's rows.
    enum class Seen { NotTracked, Tracked };
    StoreError recordPage(std::span<const models::WorkItem> items, const QStringList &removedIds,
                          const QString &nextCursor, Seen seen);
    /// Ends a full resync: every cached item it did not see waits for removal.
    StoreError finishResync();

    /// Pending removals of items still in the cache.
    qint64 pendingRemovalCount(StoreError *error = nullptr);
    /// Removes the items pending removal and records the run as completed at syncedAt,
    /// in one transaction.
    StoreError completeRun(const QDateTime &syncedAt);

private:
    QVariant state(const QString &key, StoreError *error);
    StoreError setState(const QString &key, const QVariant &value);
    StoreError run(PreparedQuery &statement, QStringView what);

    Database &m_database;
    PreparedQuery m_selectState;
    PreparedQuery m_upsertState;
    PreparedQuery m_clearSeen;
    SqliteStatement m_markSeen; ///< once per item of every resync page: the C API's binding
    SqliteStatement m_unmarkRemoval;
    PreparedQuery m_anyRemovals;
    PreparedQuery m_markRemoval;
    PreparedQuery m_markUnseenForRemoval;
    PreparedQuery m_countRemovals;
    PreparedQuery m_removeItems;
    PreparedQuery m_clearRemovals;
};

} // namespace rcm::store
