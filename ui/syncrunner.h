#pragma once

#include <QObject>
#include <QThread>
#include <QUrl>

#include <functional>

namespace rcm::ui {

/// What a finished sync run reports to the window.
struct SyncSummary
{
    enum class Outcome { Completed, NeedsConfirmation, Failed };
    Outcome outcome = Outcome::Completed;
    QString message;
    qint64 pendingActions = 0;
    qint64 conflicts = 0;
};

/// Runs sync (the outbox first, then the changes) on a worker thread with its own cache
/// connection and API client, so the window never waits on the network or the disk.
class SyncRunner final : public QObject
{
    Q_OBJECT

public:
    explicit SyncRunner(QString cachePath, QObject *parent = nullptr);
    ~SyncRunner() override;

    bool isRunning() const { return m_running; }

    /// Starts a run with this server and token; confirmRemovals lets a run remove more
    /// than 5% of the cache (after the user said yes).
    void start(const QUrl &server, const QString &token, bool confirmRemovals = false);

    /// Fetches one item's history into the cache, in the background; a failure (offline)
    /// leaves the history cached before.
    void fetchHistory(const QUrl &server, const QString &token, const QString &itemId);

Q_SIGNALS:
    void progress(qint64 itemsReceived);
    void historyReady(const QString &itemId);
    void finished(const rcm::ui::SyncSummary &summary);

private:
    /// Runs job on the worker thread, one at a time. The API client waits in a nested
    /// event loop, which would otherwise start the next queued job inside the current one
    /// (a stale history could then overwrite a newer one).
    void runOnWorker(std::function<void()> job);

    QString m_cachePath;
    QThread m_thread;
    QObject *m_worker = nullptr; ///< lives in m_thread
    bool m_running = false;
    // Touched on the worker thread only.
    bool m_workerBusy = false;
    QList<std::function<void()>> m_waitingJobs;
};

} // namespace rcm::ui

Q_DECLARE_METATYPE(rcm::ui::SyncSummary)
