#pragma once

#include "services/api/apiclient.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"
#include "services/store/syncjournal.h"
#include "services/store/workitemstore.h"

#include <QDateTime>

#include <functional>

namespace rcm::api {
class ChangesRequest;
}

namespace rcm::sync {

Q_DECLARE_LOGGING_CATEGORY(lcSync)

/// Brings the local cache up to date with the server: a full sync the first time, then
/// deltas from the saved cursor. Each page's rows and the cursor after it are committed
/// in one transaction, so a process killed at any moment resumes without a gap or a
/// duplicate. Removals (tombstones, and items a full resync no longer finds) wait until
/// the run is over and are applied only if they stay within 5% of the cache, unless the
/// user confirms. Unsent actions in the outbox are never touched.
class SyncEngine final
{
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

    SyncEngine(store::Database &cache, api::ApiClient &client);
    Q_DISABLE_COPY_MOVE(SyncEngine)

    void setProgressObserver(std::function<void(const Progress &)> observer) { m_progress = std::move(observer); }
    /// Called on 401: signs in again (and sets the client's token); true if it did.
    void setReauthenticator(std::function<bool()> reauthenticate) { m_reauthenticate = std::move(reauthenticate); }

    Result run(RemovalPolicy policy = RemovalPolicy::AskAboveThreshold);

    /// For a cache no sync is running on (status lines), store::SyncJournal says the same.
    QString cursor() { return m_journal.cursor(); }
    QDateTime lastSync() { return m_journal.lastSync(); }

private:
    store::StoreError applyPage(const api::ChangesRequest &page, bool resyncing);
    Result finish(RemovalPolicy policy, Result result);

    store::Database &m_cache;
    api::ApiClient &m_client;
    store::WorkItemStore m_items; ///< one for every run: its statements are prepared once
    store::SyncJournal m_journal;
    std::function<void(const Progress &)> m_progress;
    std::function<bool()> m_reauthenticate;
};

} // namespace rcm::sync
