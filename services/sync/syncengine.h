// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/api/apiclient.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"
#include "services/store/syncjournal.h"
#include "services/store/transactionguard.h"
#include "services/store/workitemstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace rcm::api {
class ChangesRequest;
class UsersRequest;
} // namespace rcm::api

namespace rcm::sync {

Q_DECLARE_LOGGING_CATEGORY(lcSync)

/// Brings the local cache up to date with the server: a full sync the first time, then
/// deltas from the saved cursor. Each page's rows and the cursor after it are committed
/// in one transaction, so a process killed at any moment resumes without a gap or a
/// duplicate. Pages that follow each other closely share a transaction, for about
/// transactionMilliseconds (checked as each page is written): each commit writes every
/// page of the file it changed once more, and a delta's changes are spread across the
/// same index pages. Removals (tombstones, and items a full resync no
/// longer finds) wait until the run is over and are applied only if they stay within 5% of the cache, unless the user
/// confirms. Unsent actions in the outbox are never touched. Nothing waits: the engine sends a request, returns to the
/// event loop and goes on when the answer comes, one page downloading while the one before is written.
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    enum class RemovalPolicy { AskAboveThreshold, Confirmed };

    struct Progress
    {
        qint64 itemsReceived = 0;
        qint64 total = -1; ///< -1 while unknown
    };

    struct Result
    {
        enum class Outcome { Completed, NeedsConfirmation, Failed };
        Outcome outcome = Outcome::Completed;
        qint64 itemsReceived = 0;
        qint64 removed = 0;
        qint64 pendingRemovals = 0; ///< awaiting confirmation
        qint64 cachedItems = 0;
        bool resynced = false;
        api::ApiError apiError;
        store::StoreError storeError;
        QString message() const;
    };

    static constexpr double removalThreshold = 0.05;
    static constexpr int pageSize = 1000;
    /// The longest the engine keeps written pages uncommitted (holding the write lock),
    /// from the first page it writes into a transaction. Measured with 10,000 changes
    /// spread through 1,000,000 cached items: 1.34 s with a commit per page, 0.85 s in one.
    static constexpr int transactionMilliseconds = 500;

    /// Where a page is: its rows written inside its transaction, or committed.
    enum class PageStage { Written, Committed };

    /// Renews the sign-in after a 401 and then calls back with whether it did.
    using SignInRenewal = std::function<void(std::function<void(bool renewed)>)>;

    SyncEngine(store::Database &cache, api::ApiClient &client, QObject *parent = nullptr);
    ~SyncEngine() override;
    Q_DISABLE_COPY_MOVE(SyncEngine)

    void setSignInRenewal(SignInRenewal renewal) { m_renewSignIn = std::move(renewal); }
    /// How long written pages may wait for a commit (0: each page commits on its own).
    void setTransactionLimit(int milliseconds) { m_transactionLimit = milliseconds; }
    /// Called for each page (numbered from 1 in this run) as it is written and committed.
    /// Pages that share a transaction are all written before the first is committed.
    void setPageObserver(std::function<void(qint64 page, PageStage stage)> observer)
    {
        m_pageObserver = std::move(observer);
    }

    /// Commits the pages written so far now, for a writer on the same connection that must
    /// not land inside the sync's transaction (its write would wait for the sync's commit).
    void commitPending();

    /// Starts a run; finished() reports how it ended. One run at a time.
    void start(RemovalPolicy policy = RemovalPolicy::AskAboveThreshold);
    bool isRunning() const { return m_running; }

    QString cursor() { return m_journal.cursor(); }
    QDateTime lastSync() { return m_journal.lastSync(); }

Q_SIGNALS:
    void progressed(const rcm::sync::SyncEngine::Progress &progress);
    void finished(const rcm::sync::SyncEngine::Result &result);

private:
    void requestPage(const QString &cursor);
    void pageArrived(const std::shared_ptr<api::ChangesRequest> &page, const api::ApiError &error);
    void requestTeam();
    void pagesDone();
    void teamArrived();
    void fail();
    void complete(Result result);
    store::StoreError endBulkLoad();

    store::StoreError applyPage(const api::ChangesRequest &page, bool resyncing);
    /// Commits the pages written since the last commit, if any.
    store::StoreError commitPages();
    Result finish(RemovalPolicy policy, Result result);

    store::Database &m_cache;
    api::ApiClient &m_client;
    store::WorkItemStore m_items; ///< one for every run: its statements are prepared once
    store::SyncJournal m_journal;
    SignInRenewal m_renewSignIn;
    std::function<void(qint64, PageStage)> m_pageObserver;
    // The run under way.
    bool m_running = false;
    quint64 m_run = 0; ///< answers to an earlier run, or after a failure, are dropped
    RemovalPolicy m_policy = RemovalPolicy::AskAboveThreshold;
    Result m_result;
    bool m_bulkLoad = false;
    bool m_renewed = false;
    qint64 m_pages = 0;
    qint64 m_committedPages = 0;
    bool m_pagesDone = false;
    bool m_signInRenewed = false; ///< the pages renewed the sign-in in this run
    std::shared_ptr<api::UsersRequest> m_team;
    std::optional<api::ApiError> m_teamAnswer; ///< set once the team request is answered
    std::optional<store::TransactionGuard> m_transaction; ///< written pages not yet committed
    QElapsedTimer m_transactionAge;
    int m_transactionLimit = transactionMilliseconds;
    QTimer m_commitTimer; ///< commits when the next page is late
    QElapsedTimer m_timer;
};

} // namespace rcm::sync

Q_DECLARE_METATYPE(rcm::sync::SyncEngine::Progress)
Q_DECLARE_METATYPE(rcm::sync::SyncEngine::Result)
