// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/payer.h"
#include "models/user.h"
#include "services/store/workqueuequery.h"
#include "ui/queuenavigation.h"

#include <QObject>
#include <QThread>

#include <optional>

namespace rcm::api {
class Session;
}

namespace rcm::ui {

/// What a finished sync run reports to the window.
struct SyncSummary
{
    enum class Outcome { Completed, NeedsConfirmation, Failed };
    Outcome outcome = Outcome::Completed;
    QString message;
    qint64 pendingActions = 0;
    qint64 conflicts = 0;
    bool signInRequired = false; ///< the session expired: sign in, then sync again
    /// Counted by the worker once the cache is up to date, so the window need not.
    std::optional<NavigationCounts> navigationCounts;
    store::WorkQueueSnapshot queue; ///< the viewer's queue, counted with its first page
    std::optional<QList<models::Payer>> payersInUse; ///< for the filter bar's choices
    std::optional<QList<models::Facility>> facilitiesInUse; ///< the same; reading them reads every item
    QList<models::User> team;
};

/// What the window shows, so that the worker counts it after a sync.
struct SyncViewer
{
    std::optional<models::User> user;
    store::WorkQueueSnapshot queue; ///< what to read: criteria and order
};

/// Runs the sync cycle (services/sync) and item-detail fetches on a worker thread with
/// its own cache connection, so the window never waits on the network or the disk. It
/// sends through the session's one client.
class SyncRunner final : public QObject
{
    Q_OBJECT

public:
    SyncRunner(QString cachePath, api::Session &session, QObject *parent = nullptr);
    ~SyncRunner() override;

    bool isRunning() const { return m_running; }

    /// Starts a run; confirmRemovals lets it remove more than 5% of the cache (after the
    /// user said yes).
    void start(const SyncViewer &viewer, bool confirmRemovals = false);

    /// Fetches one item's history and posted payments into the cache, in the background;
    /// a failure (offline) leaves what was cached before.
    void fetchHistory(const QString &itemId);

Q_SIGNALS:
    void progress(qint64 itemsReceived);
    void historyReady(const QString &itemId);
    void finished(const rcm::ui::SyncSummary &summary);

private:
    QThread m_thread;
    api::Session &m_session; ///< read in the window's thread only
    class SyncWorker *m_worker = nullptr; ///< lives in m_thread
    bool m_running = false;
};

} // namespace rcm::ui

Q_DECLARE_METATYPE(rcm::ui::SyncSummary)
