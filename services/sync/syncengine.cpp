// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/sync/syncengine.h"

#include "services/api/requests.h"
#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"
#include "services/store/workitemstore.h"

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

SyncEngine::SyncEngine(store::Database &cache, api::ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
    , m_items(cache)
    , m_journal(cache)
{
    qRegisterMetaType<Progress>();
    qRegisterMetaType<Result>();
    m_commitTimer.setSingleShot(true);
    connect(&m_commitTimer, &QTimer::timeout, this, &SyncEngine::commitPending);
}

SyncEngine::~SyncEngine() = default;

namespace {

/// After SQLITE_FULL, IOERR or NOMEM, SQLite may have rolled the open transaction back.
StoreError undoneBySqlite()
{
    return StoreError(StoreError::Code::Query,
                      u"The cache undid the pages written since the last commit after an error; they will be "
                      "fetched again."_s);
}

} // namespace

StoreError SyncEngine::applyPage(const api::ChangesRequest &page, bool resyncing)
{
    if (m_transaction && !m_transaction->isOpenInSqlite()) {
        m_transaction.reset();
        return undoneBySqlite();
    }
    if (!m_transaction) {
        m_transaction.emplace(m_cache.connection());
        if (StoreError error = m_transaction->beginError()) {
            m_transaction.reset();
            return error;
        }
        m_transactionAge.start();
    }
    // A savepoint: a page that fails to write leaves the pages before it whole.
    store::TransactionGuard pageWrite(m_cache.connection());
    if (pageWrite.beginError())
        return pageWrite.beginError();
    // A bulk load fills an empty table; otherwise most items are already here.
    if (StoreError error = m_bulkLoad ? m_items.upsertItems(page.items) : m_items.mergeItems(page.items))
        return error;
    const auto seen = resyncing ? store::SyncJournal::Seen::Tracked : store::SyncJournal::Seen::NotTracked;
    // The cursor moves in the same transaction as the rows it covers.
    if (StoreError error = m_journal.recordPage(page.items, page.removedIds, page.nextCursor, seen))
        return error;
    if (StoreError error = pageWrite.commit())
        return error;
    ++m_pages;
    if (m_pageObserver)
        m_pageObserver(m_pages, PageStage::Written);
    return {};
}

StoreError SyncEngine::commitPages()
{
    m_commitTimer.stop();
    if (!m_transaction)
        return {};
    if (!m_transaction->isOpenInSqlite()) {
        m_transaction.reset();
        return undoneBySqlite();
    }
    StoreError error = m_transaction->commit();
    m_transaction.reset();
    if (error)
        return error;
    for (qint64 page = m_committedPages + 1; page <= m_pages; ++page) {
        if (m_pageObserver)
            m_pageObserver(page, PageStage::Committed);
    }
    m_committedPages = m_pages;
    return {};
}

void SyncEngine::commitPending()
{
    if (m_running && (m_result.storeError = commitPages()))
        fail();
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
    m_committedPages = 0;
    m_pagesDone = false;
    m_signInRenewed = false;
    m_timer.start();
    // A first sync into a cache that already holds items is a resync: items the server
    // does not list any more must go, but only once the whole list has been read.
    if (cursor().isEmpty() && !m_journal.isResyncing() && m_items.itemCount() > 0) {
        if ((m_result.storeError = m_journal.startResync()))
            return fail();
    }
    // A first sync into an empty cache is a bulk load: indexes and search are built once
    // at the end instead of row by row (a crash in between is repaired on the next open).
    m_bulkLoad = cursor().isEmpty() && m_items.itemCount() == 0;
    if (m_bulkLoad) {
        if ((m_result.storeError = m_items.beginBulkLoad())) {
            m_bulkLoad = false;
            return fail();
        }
    }
    m_team.reset();
    requestPage(cursor());
}

store::StoreError SyncEngine::endBulkLoad()
{
    if (!m_bulkLoad)
        return {};
    m_bulkLoad = false;
    return m_items.endBulkLoad();
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
        // The pages written so far are whole: keep them, whatever happens next.
        if ((m_result.storeError = commitPages()))
            return fail();
        if (error.kind == api::ApiError::Kind::Unauthorized && !m_renewed && m_renewSignIn) {
            m_renewed = true;
            m_renewSignIn([this, page, error, run = m_run](bool renewed) {
                if (run != m_run || !m_running)
                    return;
                if (renewed) {
                    m_signInRenewed = true;
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
            if ((m_result.storeError = m_journal.startResync()))
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
    if (page->hasMore) {
        requestPage(page->nextCursor);
        // The team comes beside the pages, asked for right after the second page so that
        // it delays neither of the first two on a server that answers one request at a time.
        if (!m_team)
            requestTeam();
    }
    if ((m_result.storeError = applyPage(*page, m_journal.isResyncing())))
        return fail();
    const qint64 age = m_transactionAge.elapsed();
    if (!page->hasMore || age >= m_transactionLimit) {
        if ((m_result.storeError = commitPages()))
            return fail();
    } else {
        m_commitTimer.start(int(m_transactionLimit - age));
    }
    m_result.itemsReceived += page->items.size() + page->removedIds.size();
    Q_EMIT progressed({m_result.itemsReceived, -1});
    if (!page->hasMore)
        pagesDone();
}

void SyncEngine::requestTeam()
{
    // The team, for owner names and open-work counts: small, so fetched whole each time.
    // Counting a large database's open work takes the server a while (43 ms for 1,000,000
    // items), so it is asked for while pages are still coming when there are several.
    m_teamAnswer.reset();
    auto team = std::make_shared<api::UsersRequest>();
    m_team = team;
    m_client.send(team, this, [this, team, run = m_run](const api::ApiError &error) {
        if (run != m_run || !m_running)
            return;
        m_teamAnswer = error;
        if (m_pagesDone)
            teamArrived();
    });
}

void SyncEngine::pagesDone()
{
    if ((m_result.storeError = endBulkLoad()))
        return fail();
    qCDebug(lcSync) << "pages done after" << m_timer.elapsed() << "ms";
    m_pagesDone = true;
    if (!m_team)
        requestTeam();
    else if (m_teamAnswer)
        teamArrived();
}

void SyncEngine::teamArrived()
{
    const api::ApiError error = *m_teamAnswer;
    // Asked before the pages renewed an expired sign-in: ask again, now that it is renewed.
    if (error.kind == api::ApiError::Kind::Unauthorized && m_signInRenewed) {
        m_signInRenewed = false;
        return requestTeam();
    }
    if (error) {
        m_result.apiError = error;
        return fail();
    }
    if ((m_result.storeError = m_items.upsertUsers(m_team->users)))
        return fail();
    if (m_journal.isResyncing()) {
        m_result.resynced = true;
        if ((m_result.storeError = m_journal.finishResync()))
            return fail();
    }
    qCDebug(lcSync) << "team and sweep done after" << m_timer.elapsed() << "ms";
    complete(finish(m_policy, m_result));
}

void SyncEngine::fail()
{
    // Whole pages written before the failure are kept (a page that failed was undone),
    // unless SQLite undid the whole transaction on its own (then so is their cursor).
    if (const StoreError error = commitPages(); error && !m_result.storeError)
        m_result.storeError = error;
    if (const StoreError error = endBulkLoad(); error && !m_result.storeError && !m_result.apiError)
        m_result.storeError = error;
    m_result.outcome = Result::Outcome::Failed;
    m_result.cachedItems = m_items.itemCount();
    qCWarning(lcSync).noquote() << m_result.message();
    complete(m_result);
}

void SyncEngine::complete(Result result)
{
    qCDebug(lcSync) << "finished after" << m_timer.elapsed() << "ms";
    ++m_run; // answers still on their way belong to a run that is over
    m_running = false;
    Q_EMIT finished(result);
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
