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

SyncEngine::SyncEngine(store::Database &cache, api::ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
{
    qRegisterMetaType<Progress>();
    qRegisterMetaType<Result>();
}

SyncEngine::~SyncEngine() = default;

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

StoreError SyncEngine::applyPage(const api::ChangesRequest &page, bool resyncing)
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = m_items->upsertItems(page.items))
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
    ++m_pages;
    if (m_pageObserver)
        m_pageObserver(m_pages, PageStage::Written);
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

void SyncEngine::start(RemovalPolicy policy)
{
    Q_ASSERT(!m_running);
    m_running = true;
    ++m_run;
    m_policy = policy;
    m_result = Result();
    m_renewed = false;
    m_pages = 0;
    m_timer.start();
    // A first sync into a cache that already holds items is a resync: items the server
    // does not list any more must go, but only once the whole list has been read.
    if (cursor().isEmpty() && state(u"resync"_s).toInt() == 0 && count(u"SELECT count(*) FROM work_items"_s) > 0) {
        if ((m_result.storeError = startResync()))
            return fail();
    }
    // A first sync into an empty cache is a bulk load: indexes and search are built once
    // at the end instead of row by row (a crash in between is repaired on the next open).
    m_bulkLoad = cursor().isEmpty() && count(u"SELECT count(*) FROM work_items"_s) == 0;
    m_items = std::make_unique<store::WorkItemStore>(m_cache);
    if (m_bulkLoad) {
        if ((m_result.storeError = m_items->beginBulkLoad())) {
            m_bulkLoad = false;
            return fail();
        }
    }
    requestPage(cursor());
}

store::StoreError SyncEngine::endBulkLoad()
{
    if (!m_bulkLoad)
        return {};
    m_bulkLoad = false;
    return m_items->endBulkLoad();
}

void SyncEngine::requestPage(const QString &cursor)
{
    auto page = std::make_shared<api::ChangesRequest>(cursor, pageSize);
    m_client.send(page, this, [this, page, run = m_run](const api::ApiError &error) {
        if (run == m_run && m_running)
            pageArrived(page, error);
    });
}

void SyncEngine::pageArrived(const std::shared_ptr<api::ChangesRequest> &page, const api::ApiError &error)
{
    if (error) {
        if (error.kind == api::ApiError::Kind::Unauthorized && !m_renewed && m_renewSignIn) {
            m_renewed = true;
            m_renewSignIn([this, page, error, run = m_run](bool renewed) {
                if (run != m_run || !m_running)
                    return;
                if (renewed) {
                    requestPage(page->cursor());
                } else {
                    m_result.apiError = error;
                    fail();
                }
            });
            return;
        }
        if (error.kind == api::ApiError::Kind::Refused && error.problemType == u"resync-required"_s
            && !m_result.resynced) {
            qCInfo(lcSync) << "The server asks for a full resync; unsent actions are kept";
            m_result.resynced = true;
            if ((m_result.storeError = startResync()))
                return fail();
            return requestPage(QString());
        }
        m_result.apiError = error;
        return fail();
    }
    m_renewed = false;
    qCDebug(lcSync) << "page received after" << m_timer.elapsed() << "ms:" << page->items.size() << "items";
    // The next page downloads while this one is written. If writing fails, its answer is
    // dropped and the saved cursor still points before this page.
    if (page->hasMore)
        requestPage(page->nextCursor);
    if ((m_result.storeError = applyPage(*page, state(u"resync"_s).toInt() == 1)))
        return fail();
    if (m_pageObserver)
        m_pageObserver(m_pages, PageStage::Committed);
    m_result.itemsReceived += page->items.size() + page->removedIds.size();
    Q_EMIT progressed({m_result.itemsReceived, -1});
    if (!page->hasMore)
        pagesDone();
}

void SyncEngine::pagesDone()
{
    if ((m_result.storeError = endBulkLoad()))
        return fail();
    qCDebug(lcSync) << "pages done after" << m_timer.elapsed() << "ms";
    // The team, for owner names: small, so fetched whole each time.
    auto team = std::make_shared<api::UsersRequest>();
    m_client.send(team, this, [this, team, run = m_run](const api::ApiError &error) {
        if (run == m_run && m_running)
            teamArrived(team, error);
    });
}

void SyncEngine::teamArrived(const std::shared_ptr<api::UsersRequest> &team, const api::ApiError &error)
{
    if (error) {
        m_result.apiError = error;
        return fail();
    }
    if ((m_result.storeError = m_items->upsertUsers(team->users)))
        return fail();
    if (state(u"resync"_s).toInt() == 1) {
        m_result.resynced = true;
        if ((m_result.storeError = sweepAfterResync()))
            return fail();
    }
    qCDebug(lcSync) << "team and sweep done after" << m_timer.elapsed() << "ms";
    complete(finish(m_policy, m_result));
}

void SyncEngine::fail()
{
    if (const StoreError error = endBulkLoad(); error && !m_result.storeError && !m_result.apiError)
        m_result.storeError = error;
    m_result.outcome = Result::Outcome::Failed;
    m_result.cachedItems = count(u"SELECT count(*) FROM work_items"_s);
    qCWarning(lcSync).noquote() << m_result.message();
    complete(m_result);
}

void SyncEngine::complete(Result result)
{
    qCDebug(lcSync) << "finished after" << m_timer.elapsed() << "ms";
    ++m_run; // answers still on their way belong to a run that is over
    m_running = false;
    m_items.reset();
    Q_EMIT finished(result);
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
