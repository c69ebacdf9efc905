#include "services/sync/syncengine.h"

#include "services/api/requests.h"
#include "services/store/transactionguard.h"

#include <QElapsedTimer>

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
    , m_items(cache)
    , m_journal(cache)
{ }

StoreError SyncEngine::applyPage(const api::ChangesRequest &page, bool resyncing)
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = m_items.upsertItems(page.items))
        return error;
    const auto seen = resyncing ? store::SyncJournal::Seen::Tracked : store::SyncJournal::Seen::NotTracked;
    if (StoreError error = m_journal.recordPage(page.items, page.removedIds, page.nextCursor, seen))
        return error;
    return transaction.commit();
}

SyncEngine::Result SyncEngine::run(RemovalPolicy policy)
{
    Result result;
    auto failed = [&](Result failure) {
        failure.outcome = Result::Outcome::Failed;
        failure.cachedItems = m_items.itemCount();
        qCWarning(lcSync).noquote() << failure.message();
        return failure;
    };
    // A first sync into a cache that already holds items is a resync: items the server
    // does not list any more must go, but only once the whole list has been read.
    if (cursor().isEmpty() && !m_journal.isResyncing() && m_items.itemCount() > 0) {
        if ((result.storeError = m_journal.startResync()))
            return failed(result);
    }
    // A first sync into an empty cache is a bulk load: indexes and search are built once
    // at the end instead of row by row (a crash in between is repaired on the next open).
    const bool bulkLoad = cursor().isEmpty() && m_items.itemCount() == 0;
    if (bulkLoad) {
        if ((result.storeError = m_items.beginBulkLoad()))
            return failed(result);
    }
    const auto endBulkLoad = [&]() {
        return bulkLoad ? m_items.endBulkLoad() : StoreError();
    };
    QElapsedTimer timer;
    timer.start();
    bool reauthenticated = false;
    // One page ahead: while a page is written, the next one downloads.
    auto page = std::make_unique<api::ChangesRequest>(cursor(), pageSize);
    std::unique_ptr<QNetworkReply> inFlight = m_client.start(*page);
    for (;;) {
        const bool resyncing = m_journal.isResyncing();
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
                if ((result.storeError = m_journal.startResync())) {
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
        if ((result.storeError = applyPage(*page, resyncing))) {
            inFlight.reset();
            endBulkLoad();
            return failed(result);
        }
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
    if ((result.storeError = m_items.upsertUsers(team.users)))
        return failed(result);
    if (m_journal.isResyncing()) {
        result.resynced = true;
        if ((result.storeError = m_journal.finishResync()))
            return failed(result);
    }
    qCDebug(lcSync) << "team and sweep done after" << timer.elapsed() << "ms";
    result = finish(policy, result);
    qCDebug(lcSync) << "finished after" << timer.elapsed() << "ms";
    return result;
}

SyncEngine::Result SyncEngine::finish(RemovalPolicy policy, Result result)
{
    const qint64 cached = m_items.itemCount();
    const qint64 pending = m_journal.pendingRemovalCount();
    if (pending > 0 && policy == RemovalPolicy::AskAboveThreshold
        && double(pending) > removalThreshold * double(cached)) {
        result.outcome = Result::Outcome::NeedsConfirmation;
        result.pendingRemovals = pending;
        result.cachedItems = cached;
        qCWarning(lcSync).noquote() << result.message();
        return result;
    }
    result.storeError = m_journal.completeRun(QDateTime::currentDateTimeUtc());
    if (result.storeError)
        return result.outcome = Result::Outcome::Failed, result;
    result.removed = pending;
    result.cachedItems = cached - pending;
    qCInfo(lcSync).noquote() << result.message();
    return result;
}

} // namespace rcm::sync
