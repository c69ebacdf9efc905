#include "services/sync/syncengine.h"

#include "services/api/requests.h"
#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"
#include "services/store/workitemstore.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::sync {

Q_LOGGING_CATEGORY(lcSync, "rcm.sync", QtWarningMsg)

using store::StoreError;

QString SyncEngine::Result::message() const
{
    switch (outcome) {
    case Outcome::Completed:
        return u"Synced: %1 changes received, %2 items removed, %3 items cached%4"_s.arg(itemsReceived)
            .arg(removed)
            .arg(cachedItems)
            .arg(resynced ? u" (after a full resync)"_s : QString());
    case Outcome::NeedsConfirmation:
        return u"The server no longer lists %1 of %2 cached items (more than 5%). Nothing was removed; confirm "
               "to remove them."_s.arg(pendingRemovals)
                   .arg(cachedItems);
    case Outcome::Failed:
        return u"Sync stopped, nothing lost (it resumes where it stopped): "_s
            + (apiError ? apiError.message() : storeError.message());
    }
    return {};
}

SyncEngine::SyncEngine(store::Database &cache, api::ApiClient &client)
    : m_cache(cache)
    , m_client(client)
{ }

namespace {

QVariant readState(store::Database &cache, const QString &key)
{
    QSqlQuery query(cache.connection());
    query.prepare(u"SELECT value FROM sync_state WHERE key = ?"_s);
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0) : QVariant();
}

} // namespace

QVariant SyncEngine::state(const QString &key)
{
    return readState(m_cache, key);
}

StoreError SyncEngine::setState(const QString &key, const QVariant &value)
{
    QSqlQuery query(m_cache.connection());
    query.prepare(u"INSERT INTO sync_state (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(key);
    query.addBindValue(value);
    return query.exec() ? StoreError() : StoreError(StoreError::Code::Query, query.lastError().text());
}

QString SyncEngine::readCursor(store::Database &cache)
{
    return readState(cache, u"cursor"_s).toString();
}

QDateTime SyncEngine::readLastSync(store::Database &cache)
{
    return QDateTime::fromString(readState(cache, u"last_sync"_s).toString(), Qt::ISODateWithMs);
}

qint64 SyncEngine::count(const QString &statement)
{
    QSqlQuery query(m_cache.connection());
    return query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
}

StoreError SyncEngine::startResync()
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = m_cache.execute(u"DELETE FROM resync_seen"_s))
        return error;
    if (StoreError error = setState(u"cursor"_s, QString()))
        return error;
    if (StoreError error = setState(u"resync"_s, 1))
        return error;
    return transaction.commit();
}

StoreError SyncEngine::applyPage(const api::ChangesRequest &page, bool resyncing, qint64 pageNumber)
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    store::WorkItemStore items(m_cache);
    if (StoreError error = items.upsertItems(page.items))
        return error;
    QSqlQuery seen(m_cache.connection());
    seen.prepare(u"INSERT OR IGNORE INTO resync_seen (id) VALUES (?)"_s);
    QSqlQuery revived(m_cache.connection());
    revived.prepare(u"DELETE FROM pending_removals WHERE id = ?"_s);
    for (const models::WorkItem &item : page.items) {
        revived.bindValue(0, item.id);
        if (!revived.exec())
            return StoreError(StoreError::Code::Query, revived.lastError().text());
        if (resyncing) {
            seen.bindValue(0, item.id);
            if (!seen.exec())
                return StoreError(StoreError::Code::Query, seen.lastError().text());
        }
    }
    QSqlQuery removal(m_cache.connection());
    removal.prepare(u"INSERT OR IGNORE INTO pending_removals (id) VALUES (?)"_s);
    for (const QString &id : page.removedIds) {
        removal.bindValue(0, id);
        if (!removal.exec())
            return StoreError(StoreError::Code::Query, removal.lastError().text());
    }
    // The cursor moves in the same transaction as the rows it covers.
    if (StoreError error = setState(u"cursor"_s, page.nextCursor))
        return error;
    if (m_pageObserver)
        m_pageObserver(pageNumber, PageStage::Written);
    return transaction.commit();
}

StoreError SyncEngine::sweepAfterResync()
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    const QStringList statements = {
        u"INSERT OR IGNORE INTO pending_removals (id) SELECT id FROM work_items "
        "WHERE id NOT IN (SELECT id FROM resync_seen)"_s,
        u"DELETE FROM resync_seen"_s,
    };
    for (const QString &statement : statements) {
        if (StoreError error = m_cache.execute(statement))
            return error;
    }
    if (StoreError error = setState(u"resync"_s, 0))
        return error;
    return transaction.commit();
}

SyncEngine::Result SyncEngine::run(RemovalPolicy policy)
{
    Result result;
    auto failed = [&](Result failure) {
        failure.outcome = Result::Outcome::Failed;
        failure.cachedItems = count(u"SELECT count(*) FROM work_items"_s);
        qCWarning(lcSync).noquote() << failure.message();
        return failure;
    };
    // A first sync into a cache that already holds items is a resync: items the server
    // does not list any more must go, but only once the whole list has been read.
    if (cursor().isEmpty() && state(u"resync"_s).toInt() == 0 && count(u"SELECT count(*) FROM work_items"_s) > 0) {
        if ((result.storeError = startResync()))
            return failed(result);
    }
    // A first sync into an empty cache is a bulk load: indexes and search are built once
    // at the end instead of row by row (a crash in between is repaired on the next open).
    const bool bulkLoad = cursor().isEmpty() && count(u"SELECT count(*) FROM work_items"_s) == 0;
    store::WorkItemStore items(m_cache);
    if (bulkLoad) {
        if ((result.storeError = items.beginBulkLoad()))
            return failed(result);
    }
    const auto endBulkLoad = [&]() {
        return bulkLoad ? items.endBulkLoad() : StoreError();
    };
    QElapsedTimer timer;
    timer.start();
    bool reauthenticated = false;
    qint64 pagesApplied = 0;
    // One page ahead: while a page is written, the next one downloads.
    auto page = std::make_unique<api::ChangesRequest>(cursor(), pageSize);
    std::unique_ptr<QNetworkReply> inFlight = m_client.start(*page);
    for (;;) {
        const bool resyncing = state(u"resync"_s).toInt() == 1;
        if (api::ApiError error = m_client.finish(*page, std::move(inFlight))) {
            if (error.kind == api::ApiError::Kind::Unauthorized && !reauthenticated && m_reauthenticate
                && m_reauthenticate()) {
                reauthenticated = true;
                page = std::make_unique<api::ChangesRequest>(cursor(), pageSize);
                inFlight = m_client.start(*page);
                continue;
            }
            if (error.kind == api::ApiError::Kind::Refused && error.problemType == u"resync-required"_s
                && !result.resynced) {
                qCInfo(lcSync) << "The server asks for a full resync; unsent actions are kept";
                result.resynced = true;
                if ((result.storeError = startResync())) {
                    endBulkLoad();
                    return failed(result);
                }
                page = std::make_unique<api::ChangesRequest>(cursor(), pageSize);
                inFlight = m_client.start(*page);
                continue;
            }
            result.apiError = error;
            endBulkLoad();
            return failed(result);
        }
        reauthenticated = false;
        qCDebug(lcSync) << "page received after" << timer.elapsed() << "ms:" << page->items.size() << "items";
        std::unique_ptr<api::ChangesRequest> next;
        if (page->hasMore) {
            // The next page's cursor is this page's; if writing this page fails, the next
            // is dropped and the saved cursor still points before this one.
            next = std::make_unique<api::ChangesRequest>(page->nextCursor, pageSize);
            inFlight = m_client.start(*next);
        }
        if ((result.storeError = applyPage(*page, resyncing, ++pagesApplied))) {
            inFlight.reset();
            endBulkLoad();
            return failed(result);
        }
        if (m_pageObserver)
            m_pageObserver(pagesApplied, PageStage::Committed);
        result.itemsReceived += page->items.size() + page->removedIds.size();
        if (m_progress)
            m_progress({result.itemsReceived, -1});
        if (!next)
            break;
        page = std::move(next);
    }
    if ((result.storeError = endBulkLoad()))
        return failed(result);
    qCDebug(lcSync) << "pages done after" << timer.elapsed() << "ms";
    // The team, for owner names: small, so fetched whole each time.
    api::UsersRequest team;
    if (api::ApiError error = m_client.execute(team)) {
        result.apiError = error;
        return failed(result);
    }
    if ((result.storeError = items.upsertUsers(team.users)))
        return failed(result);
    if (state(u"resync"_s).toInt() == 1) {
        result.resynced = true;
        if ((result.storeError = sweepAfterResync()))
            return failed(result);
    }
    qCDebug(lcSync) << "team and sweep done after" << timer.elapsed() << "ms";
    result = finish(policy, result);
    qCDebug(lcSync) << "finished after" << timer.elapsed() << "ms";
    return result;
}

SyncEngine::Result SyncEngine::finish(RemovalPolicy policy, Result result)
{
    const qint64 cached = count(u"SELECT count(*) FROM work_items"_s);
    const qint64 pending = count(u"SELECT count(*) FROM pending_removals WHERE id IN (SELECT id FROM work_items)"_s);
    if (pending > 0 && policy == RemovalPolicy::AskAboveThreshold
        && double(pending) > removalThreshold * double(cached)) {
        result.outcome = Result::Outcome::NeedsConfirmation;
        result.pendingRemovals = pending;
        result.cachedItems = cached;
        qCWarning(lcSync).noquote() << result.message();
        return result;
    }
    store::TransactionGuard transaction(m_cache.connection());
    if ((result.storeError = transaction.beginError()))
        return result.outcome = Result::Outcome::Failed, result;
    for (const QString &statement : {u"DELETE FROM work_items WHERE id IN (SELECT id FROM pending_removals)"_s,
                                     u"DELETE FROM pending_removals"_s}) {
        if ((result.storeError = m_cache.execute(statement)))
            return result.outcome = Result::Outcome::Failed, result;
    }
    result.storeError
        = setState(u"last_sync"_s, QString::fromLatin1(store::isoTimestamp(QDateTime::currentDateTimeUtc())));
    if (!result.storeError)
        result.storeError = transaction.commit();
    if (result.storeError)
        return result.outcome = Result::Outcome::Failed, result;
    result.removed = pending;
    result.cachedItems = cached - pending;
    qCInfo(lcSync).noquote() << result.message();
    return result;
}

} // namespace rcm::sync
