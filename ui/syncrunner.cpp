// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/syncrunner.h"

#include "services/api/session.h"
#include "services/reports/dashboard.h"
#include "services/store/cacheschema.h"
#include "services/store/syncjournal.h"
#include "services/store/workitemstore.h"
#include "services/sync/itemdetailsfetch.h"
#include "services/sync/synccycle.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/yieldtothewindow.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

/// The worker thread's side: its own cache connection, the sync cycle and the detail
/// fetches, all answering through signals that reach the window queued.
class SyncWorker final : public QObject
{
    Q_OBJECT

public:
    SyncWorker(QString cachePath, api::Session &session)
        : m_cachePath(std::move(cachePath))
        , m_session(session)
    { }

    void sync(const SyncViewer &viewer, const QString &server, bool confirmRemovals)
    {
        m_viewer = viewer;
        if (const QString problem = open(); !problem.isEmpty()) {
            SyncSummary summary;
            summary.outcome = SyncSummary::Outcome::Failed;
            summary.message = problem;
            Q_EMIT synced(summary);
            return;
        }
        // Who signed in, and where, as the window knew it when it asked: the session itself
        // is the window's thread's to read. Only their own actions are sent.
        m_cycle->start(confirmRemovals ? sync::SyncEngine::RemovalPolicy::Confirmed
                                       : sync::SyncEngine::RemovalPolicy::AskAboveThreshold,
                       sync::SyncCycle::Scope::OutboxAndChanges, viewer.user ? viewer.user->username : QString(),
                       sync::OutboxAuthor {viewer.user ? viewer.user->id : QString(), server});
    }

    void fetchDetails(const QString &itemId)
    {
        if (open().isEmpty())
            m_details->fetch(itemId);
    }

Q_SIGNALS:
    void progressed(qint64 itemsReceived);
    void synced(const rcm::ui::SyncSummary &summary);
    void detailsFetched(const QString &itemId);

private:
    QString open()
    {
        if (m_cache.isOpen())
            return {};
        if (const store::StoreError error = m_cache.open(m_cachePath, store::workbenchCacheSchema()))
            return error.message();
        m_cycle = std::make_unique<sync::SyncCycle>(m_cache, m_session);
        connect(m_cycle.get(), &sync::SyncCycle::progressed, this, &SyncWorker::progressed);
        connect(m_cycle.get(), &sync::SyncCycle::finished, this, &SyncWorker::cycleFinished);
        m_details = std::make_unique<sync::ItemDetailsFetch>(m_cache, m_session.client());
        // Shown from the window's own connection at once: never inside a sync's open transaction.
        m_details->setBeforeWrite([this]() { m_cycle->engine().commitPending(); });
        connect(m_details.get(), &sync::ItemDetailsFetch::fetched, this, &SyncWorker::detailsFetched);
        return {};
    }

    void cycleFinished(const sync::SyncCycle::Summary &cycle)
    {
        SyncSummary summary;
        summary.message = cycle.message();
        switch (cycle.sync.outcome) {
        case sync::SyncEngine::Result::Outcome::Completed:
            summary.outcome = SyncSummary::Outcome::Completed;
            break;
        case sync::SyncEngine::Result::Outcome::NeedsConfirmation:
            summary.outcome = SyncSummary::Outcome::NeedsConfirmation;
            break;
        case sync::SyncEngine::Result::Outcome::Failed:
            summary.outcome = SyncSummary::Outcome::Failed;
            break;
        }
        summary.pendingActions = cycle.pendingActions;
        summary.conflicts = cycle.conflicts;
        summary.signInRequired = cycle.signInRequired();
        // The window shows new counts after a sync: counted here, off the window's thread.
        summary.navigationCounts = NavigationCounts::count(m_cache, m_viewer.user);
        summary.queue = m_viewer.queue;
        store::WorkQueueQuery(m_cache).read(summary.queue, itemmodels::WorkQueueModel::pageSize);
        store::WorkItemStore items(m_cache);
        store::StoreError error;
        summary.payersInUse = items.payersInUse(&error);
        summary.team = items.users();
        if (error)
            summary.payersInUse.reset();
        store::StoreError facilitiesError;
        summary.facilitiesInUse = items.facilitiesInUse(&facilitiesError);
        if (facilitiesError)
            summary.facilitiesInUse.reset();
        Q_EMIT synced(summary);
        if (summary.outcome == SyncSummary::Outcome::Completed)
            keepFirstDashboard();
    }

    /// The first time (nothing kept for this person yet), the dashboard's own figures are
    /// computed here too, once the window has the sync's result: the dashboard's first
    /// opening then shows them at once instead of waiting on a scan of every item. Later
    /// syncs leave it to the dashboard, which computes again when it is next looked at.
    void keepFirstDashboard()
    {
        if (!m_viewer.user || reports::loadDashboard(m_cache, m_viewer.user->username))
            return;
        const models::User &user = *m_viewer.user;
        reports::ReportParameters parameters; // the dashboard's own defaults
        parameters.from = QDate::currentDate().addDays(-89);
        parameters.to = QDate::currentDate();
        const bool everyone = user.role == models::Role::Supervisor || user.role == models::Role::Finance;
        if (const auto dashboard = reports::computeCacheDashboard(
                m_cache, parameters, {user.id, user.displayName, everyone}, store::SyncJournal(m_cache).lastSync()))
            reports::saveDashboard(m_cache, user.username, *dashboard);
    }

    QString m_cachePath;
    api::Session &m_session;
    store::Database m_cache; // members below use it: declared first, destroyed last
    std::unique_ptr<sync::SyncCycle> m_cycle;
    std::unique_ptr<sync::ItemDetailsFetch> m_details;
    SyncViewer m_viewer;
};

SyncRunner::SyncRunner(QString cachePath, api::Session &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_worker(new SyncWorker(std::move(cachePath), session))
{
    qRegisterMetaType<SyncSummary>();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progressed, this, &SyncRunner::progress);
    connect(m_worker, &SyncWorker::detailsFetched, this, &SyncRunner::historyReady);
    connect(m_worker, &SyncWorker::synced, this, [this](const SyncSummary &summary) {
        m_running = false;
        Q_EMIT finished(summary);
    });
    m_thread.setObjectName(u"sync"_s);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, []() { yieldToTheWindow(); });
}

SyncRunner::~SyncRunner()
{
    m_thread.quit();
    m_thread.wait();
}

void SyncRunner::start(const SyncViewer &viewer, bool confirmRemovals)
{
    if (m_running)
        return;
    m_running = true;
    QMetaObject::invokeMethod(m_worker,
                              [worker = m_worker, viewer, server = m_session.server().toString(), confirmRemovals]() {
                                  worker->sync(viewer, server, confirmRemovals);
                              });
}

void SyncRunner::fetchHistory(const QString &itemId)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, itemId]() { worker->fetchDetails(itemId); });
}

} // namespace rcm::ui

#include "syncrunner.moc"
