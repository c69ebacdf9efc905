#include "ui/syncrunner.h"

#include "services/api/requests.h"
#include "services/store/cacheschema.h"
#include "services/store/itemhistorystore.h"
#include "services/sync/outbox.h"
#include "services/sync/syncengine.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

namespace {

SyncSummary runOnce(const QString &cachePath, const QUrl &server, const QString &token, bool confirmRemovals,
                    const std::function<void(qint64)> &progress)
{
    SyncSummary summary;
    store::Database cache;
    if (const store::StoreError error = cache.open(cachePath, store::workbenchCacheSchema())) {
        summary.outcome = SyncSummary::Outcome::Failed;
        summary.message = error.message();
        return summary;
    }
    api::ApiClient client(server);
    client.setToken(token);
    sync::Outbox outbox(cache);
    const sync::Outbox::SendResult sent = outbox.send(client);
    sync::SyncEngine engine(cache, client);
    engine.setProgressObserver([&](const sync::SyncEngine::Progress &p) { progress(p.itemsReceived); });
    const sync::SyncEngine::Result result
        = engine.run(confirmRemovals ? sync::SyncEngine::RemovalPolicy::Confirmed
                                     : sync::SyncEngine::RemovalPolicy::AskAboveThreshold);
    summary.message = result.message();
    summary.outcome = result.outcome == sync::SyncEngine::Result::Outcome::Completed ? SyncSummary::Outcome::Completed
        : result.outcome == sync::SyncEngine::Result::Outcome::NeedsConfirmation
        ? SyncSummary::Outcome::NeedsConfirmation
        : SyncSummary::Outcome::Failed;
    if (sent.stoppedBy && summary.outcome == SyncSummary::Outcome::Completed)
        summary.message += u"; actions not sent: "_s + sent.stoppedBy.message();
    summary.pendingActions = outbox.count(sync::OutboxEntry::State::Pending);
    summary.conflicts = outbox.count(sync::OutboxEntry::State::Conflict);
    return summary;
}

} // namespace

SyncRunner::SyncRunner(QString cachePath, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
{
    qRegisterMetaType<SyncSummary>();
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(u"sync"_s);
    m_thread.start();
}

SyncRunner::~SyncRunner()
{
    m_thread.quit();
    m_thread.wait();
}

void SyncRunner::start(const QUrl &server, const QString &token, bool confirmRemovals)
{
    if (m_running)
        return;
    m_running = true;
    const QString cachePath = m_cachePath;
    runOnWorker([this, cachePath, server, token, confirmRemovals]() {
        const SyncSummary summary = runOnce(cachePath, server, token, confirmRemovals, [this](qint64 items) {
            Q_EMIT progress(items); // queued to the window's thread
        });
        QMetaObject::invokeMethod(this, [this, summary]() {
            m_running = false;
            Q_EMIT finished(summary);
        });
    });
}

void SyncRunner::runOnWorker(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_worker, [this, job = std::move(job)]() {
        if (m_workerBusy) { // called from inside a running job's nested event loop
            m_waitingJobs.append(job);
            return;
        }
        m_workerBusy = true;
        job();
        while (!m_waitingJobs.isEmpty())
            m_waitingJobs.takeFirst()();
        m_workerBusy = false;
    });
}

void SyncRunner::fetchHistory(const QUrl &server, const QString &token, const QString &itemId)
{
    const QString cachePath = m_cachePath;
    runOnWorker([this, cachePath, server, token, itemId]() {
        api::ApiClient client(server);
        client.setToken(token);
        api::HistoryRequest request(itemId);
        if (client.execute(request))
            return; // offline or refused: what the cache holds stays
        api::PaymentsRequest payments(itemId);
        const bool havePayments = !client.execute(payments);
        store::Database cache;
        if (cache.open(cachePath, store::workbenchCacheSchema()))
            return;
        store::ItemHistoryStore history(cache);
        const store::StoreError error = havePayments
            ? history.replaceHistoryAndPayments(itemId, request.entries, payments.payments)
            : history.replaceHistory(itemId, request.entries);
        if (error)
            return;
        QMetaObject::invokeMethod(this, [this, itemId]() { Q_EMIT historyReady(itemId); });
    });
}

} // namespace rcm::ui
