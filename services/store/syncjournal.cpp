// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/syncjournal.h"

#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"

#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

namespace {

constexpr auto cursorKey = "cursor";
constexpr auto lastSyncKey = "last_sync";
constexpr auto resyncKey = "resync";

} // namespace

SyncJournal::SyncJournal(Database &database)
    : m_database(database)
    , m_selectState(u"SELECT value FROM sync_state WHERE key = ?"_s)
    , m_upsertState(u"INSERT INTO sync_state (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s)
    , m_clearSeen(u"DELETE FROM resync_seen"_s)
    , m_anyRemovals(u"SELECT EXISTS (SELECT 1 FROM pending_removals)"_s)
    , m_markRemoval(u"INSERT OR IGNORE INTO pending_removals (id) VALUES (?)"_s)
    , m_markUnseenForRemoval(u"INSERT OR IGNORE INTO pending_removals (id) SELECT id FROM work_items "
                             "WHERE id NOT IN (SELECT id FROM resync_seen)"_s)
    // Driven by the few pending ids, each looked up in the item index: "id IN (SELECT id
    // FROM work_items)" read every cached id first (0.27 s with a million items).
    , m_countRemovals(u"SELECT count(*) FROM pending_removals AS pending WHERE EXISTS "
                      "(SELECT 1 FROM work_items WHERE work_items.id = pending.id)"_s)
    , m_removeItems(u"DELETE FROM work_items WHERE id IN (SELECT id FROM pending_removals)"_s)
    , m_clearRemovals(u"DELETE FROM pending_removals"_s)
{ }

QVariant SyncJournal::state(const QString &key, StoreError *error)
{
    QSqlQuery *query = m_selectState.get(m_database.connection(), error);
    if (!query)
        return {};
    const auto done = qScopeGuard([query]() { query->finish(); });
    query->bindValue(0, key);
    if (!query->exec()) {
        setError(error, queryFailure(*query, u"Reading the sync state"));
        return {};
    }
    return query->next() ? query->value(0) : QVariant();
}

StoreError SyncJournal::setState(const QString &key, const QVariant &value)
{
    StoreError error;
    QSqlQuery *query = m_upsertState.get(m_database.connection(), &error);
    if (!query)
        return error;
    query->bindValue(0, key);
    query->bindValue(1, value);
    return query->exec() ? StoreError() : queryFailure(*query, u"Writing the sync state");
}

StoreError SyncJournal::run(PreparedQuery &statement, QStringView what)
{
    StoreError error;
    QSqlQuery *query = statement.get(m_database.connection(), &error);
    if (!query)
        return error;
    return query->exec() ? StoreError() : queryFailure(*query, what);
}

QString SyncJournal::cursor(StoreError *error)
{
    return state(QString::fromLatin1(cursorKey), error).toString();
}

QDateTime SyncJournal::lastSync(StoreError *error)
{
    return QDateTime::fromString(state(QString::fromLatin1(lastSyncKey), error).toString(), Qt::ISODateWithMs);
}

bool SyncJournal::isResyncing(StoreError *error)
{
    return state(QString::fromLatin1(resyncKey), error).toInt() == 1;
}

StoreError SyncJournal::startResync()
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = run(m_clearSeen, u"Starting a resync"))
        return error;
    if (StoreError error = setState(QString::fromLatin1(cursorKey), QString()))
        return error;
    if (StoreError error = setState(QString::fromLatin1(resyncKey), 1))
        return error;
    return transaction.commit();
}

StoreError SyncJournal::recordPage(std::span<const models::WorkItem> items, const QStringList &removedIds,
                                   const QString &nextCursor, Seen seen)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    StoreError error;
    QSqlQuery *removal = m_markRemoval.get(m_database.connection(), &error);
    QSqlQuery *anyRemovals = m_anyRemovals.get(m_database.connection(), &error);
    if (!removal || !anyRemovals)
        return error;
    // An item that comes back is no longer to be removed: only looked for while removals
    // wait for confirmation, not for every item of every page.
    if (!anyRemovals->exec() || !anyRemovals->next())
        return queryFailure(*anyRemovals, u"Recording a page");
    const bool removalsPending = anyRemovals->value(0).toBool();
    anyRemovals->finish();
    if (removalsPending && !m_unmarkRemoval.isPrepared()) {
        if ((error = m_unmarkRemoval.prepare(m_database.connection(), u"DELETE FROM pending_removals WHERE id = ?"_s)))
            return error;
    }
    if (seen == Seen::Tracked && !m_markSeen.isPrepared()) {
        if ((error
             = m_markSeen.prepare(m_database.connection(), u"INSERT OR IGNORE INTO resync_seen (id) VALUES (?)"_s)))
            return error;
    }
    for (const models::WorkItem &item : items) {
        if (removalsPending) {
            m_unmarkRemoval.bindText(1, item.id);
            if ((error = m_unmarkRemoval.step()))
                return StoreError(error.code(), u"Recording a page: "_s + error.message());
        }
        if (seen == Seen::Tracked) {
            m_markSeen.bindText(1, item.id);
            if ((error = m_markSeen.step()))
                return StoreError(error.code(), u"Recording a page: "_s + error.message());
        }
    }
    for (const QString &id : removedIds) {
        removal->bindValue(0, id);
        if (!removal->exec())
            return queryFailure(*removal, u"Recording a page");
    }
    // The cursor moves in the same transaction as the rows it covers.
    if (StoreError stateError = setState(QString::fromLatin1(cursorKey), nextCursor))
        return stateError;
    return transaction.commit();
}

StoreError SyncJournal::finishResync()
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = run(m_markUnseenForRemoval, u"Sweeping after a resync"))
        return error;
    if (StoreError error = run(m_clearSeen, u"Sweeping after a resync"))
        return error;
    if (StoreError error = setState(QString::fromLatin1(resyncKey), 0))
        return error;
    return transaction.commit();
}

qint64 SyncJournal::pendingRemovalCount(StoreError *error)
{
    QSqlQuery *query = m_countRemovals.get(m_database.connection(), error);
    if (!query)
        return -1;
    const auto done = qScopeGuard([query]() { query->finish(); });
    if (!query->exec() || !query->next()) {
        setError(error, queryFailure(*query, u"Counting pending removals"));
        return -1;
    }
    return query->value(0).toLongLong();
}

StoreError SyncJournal::completeRun(const QDateTime &syncedAt)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = run(m_removeItems, u"Removing items"))
        return error;
    if (StoreError error = run(m_clearRemovals, u"Removing items"))
        return error;
    if (StoreError error = setState(QString::fromLatin1(lastSyncKey), QString::fromLatin1(isoTimestamp(syncedAt))))
        return error;
    return transaction.commit();
}

} // namespace rcm::store
