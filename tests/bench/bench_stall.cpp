// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// stall.*: how late a 16 ms heartbeat on the window's thread fires while the real
// workbench window (offscreen) signs in, syncs 100,000 items into an empty cache, previews
// a synthetic 835 of a few MB and posts it, against a gateway on a thread of its own. The
// figure of each phase is the heartbeat's worst lateness (interval - 16 ms); the floor is
// one frame: a phase at or below 1.00x never held the window up for more than a frame.
#include "server/demodata.h"
#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/remittancewriter.h"
#include "tests/bench/benchmark.h"
#include "tests/bench/gatewaythread.h"
#include "tests/bench/timedapplication.h"
#include "ui/dashboardview.h"
#include "ui/mainwindow.h"
#include "ui/queuenavigation.h"
#include "ui/remittancepreviewdialog.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <chrono>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace rcm;

namespace {

constexpr qint64 itemCount = 100'000;
constexpr qint64 transactionCount = 300; // 40 claims each: about 5 MB of 835
constexpr std::chrono::milliseconds frame = 16ms;
constexpr double frameMilliseconds = double(frame.count());

/// Beats every frame on the window's thread and keeps how late each beat came: a beat is
/// late by as long as the thread was busy with something else.
class Heartbeat final : public QObject
{
public:
    Heartbeat()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(frame);
        connect(&m_timer, &QTimer::timeout, this, &Heartbeat::beat);
    }

    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    qint64 beats() const { return m_beats; }

    struct Phase
    {
        double worstLatenessMilliseconds = 0;
        qint64 beats = 0;
        qint64 beatsLateByAFrame = 0; ///< a frame or more late: at least one frame dropped
    };
    /// What the beats since the last call saw.
    Phase takePhase() { return std::exchange(m_phase, {}); }

private:
    void beat()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const double lateness = std::max(0.0, double(now - m_last) / 1e6 - frameMilliseconds);
        m_last = now;
        ++m_beats;
        ++m_phase.beats;
        m_phase.worstLatenessMilliseconds = std::max(m_phase.worstLatenessMilliseconds, lateness);
        if (lateness >= frameMilliseconds)
            ++m_phase.beatsLateByAFrame;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_beats = 0;
    Phase m_phase;
};

/// Runs the window's event loop until done() holds (checked every millisecond: nothing
/// sleeps, the heartbeat keeps beating). Fatal after timeout: a figure for a phase that
/// never ended would be meaningless.
void runUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout, const char *what)
{
    if (done())
        return;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1ms);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&]() {
        if (done())
            loop.quit();
    });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&]() { loop.exit(1); });
    poll.start();
    deadline.start(timeout);
    if (loop.exec() != 0)
        qFatal("stall: %s did not happen within %lld s", what, qint64(timeout.count() / 1000));
}

/// One measured phase: start() kicks it off, done() says it ended. The phase also covers
/// the 100 ms after, so that the window taking in the answer (and repainting) counts.
Heartbeat::Phase measure(Heartbeat &heartbeat, const std::function<void()> &start, const std::function<bool()> &done,
                         std::chrono::milliseconds timeout, const char *what)
{
    heartbeat.takePhase();
    rcm::bench::TimedApplication::takeLongestEventMilliseconds();
    rcm::bench::TimedApplication::takeLongestWorkMilliseconds();
    start();
    runUntil(done, timeout, what);
    QElapsedTimer settle;
    settle.start();
    const qint64 beatsAtEnd = heartbeat.beats();
    runUntil([&]() { return settle.elapsed() >= 100 && heartbeat.beats() >= beatsAtEnd + 2; }, 10s, what);
    return heartbeat.takePhase();
}

void seedGateway(const QString &path)
{
    store::Database database;
    if (database.open(path, server::gatewaySchema()))
        qFatal("stall: cannot create the gateway database");
    server::GatewayStore store(database);
    store.setAuditKey(server::AuditKey::generate()); // entries are signed; nothing here verifies them
    store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // the demo sign-ins
    if (server::seedDemoData(store, itemCount, 7, 1000))
        qFatal("stall: cannot seed the gateway database");
}

/// Remittances for the gateway's own claims (the demo seed and as-of date), so that most
/// claims match and the preview shows the exceptions a real file would raise.
void writeRemittanceFile(const QString &path)
{
    const synthetic::SyntheticRemittances generator({7, QDate::currentDate(), 40});
    QList<x12::Remittance> transactions;
    for (qint64 index = 0; index < transactionCount; ++index)
        transactions << generator.transaction(index);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !x12::RemittanceWriter(&file, {}).writeInterchange(transactions))
        qFatal("stall: cannot write the 835 file");
}

QList<bench::BenchmarkResult> stallBenchmarks()
{
    QTextStream err(stderr);
    QStandardPaths::setTestModeEnabled(true); // the window's settings go to a test location
    QTemporaryDir dir;
    const QString gatewayPath = dir.filePath(u"gateway.db"_s);
    seedGateway(gatewayPath);
    const QString remittancePath = dir.filePath(u"payer.835"_s);
    writeRemittanceFile(remittancePath);
    err << "  835 file: " << QFileInfo(remittancePath).size() / 1024 << " KiB, " << transactionCount
        << " transactions\n";
    bench::GatewayThread gateway(gatewayPath);
    gateway.start();
    gateway.ready.acquire();

    QList<bench::BenchmarkResult> results;
    {
        store::Database cache;
        if (cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()))
            qFatal("stall: cannot create the cache");
        api::Session session(QUrl(), api::Session::ClientThread::Own); // as the workbench has it
        ui::MainWindow window(cache, session);
        window.show();

        Heartbeat heartbeat;
        heartbeat.start();
        runUntil([&]() { return heartbeat.beats() >= 10; }, 10s, "the window settling");

        auto report = [&](const QString &name, const Heartbeat::Phase &phase) {
            const QString longestWhat = rcm::bench::TimedApplication::longestEventDescription();
            const double longestEvent = rcm::bench::TimedApplication::takeLongestEventMilliseconds();
            const double longestWork = rcm::bench::TimedApplication::takeLongestWorkMilliseconds();
            err << "  " << name << ": worst beat " << phase.worstLatenessMilliseconds << " ms late; "
                << phase.beatsLateByAFrame << " of " << phase.beats << " beats a frame or more late; longest event "
                << longestEvent << " ms (" << longestWhat << "); longest other than drawing " << longestWork << " ms\n";
            err.flush();

            results.append({name, phase.worstLatenessMilliseconds, u"ms"_s, frameMilliseconds, false});
            results.append({name + u".longest_event"_s, longestEvent, u"ms"_s, frameMilliseconds, false});
            results.append({name + u".longest_work"_s, longestWork, u"ms"_s, frameMilliseconds, false});
        };

        std::optional<QString> signInError;
        QObject::connect(&window, &ui::MainWindow::signInFinished, &window,
                         [&](const QString &error) { signInError = error; });
        report(u"stall.sign_in"_s,
               measure(
                   heartbeat,
                   [&]() { window.signIn(u"http://127.0.0.1:%1"_s.arg(gateway.port()), u"supervisor"_s, u"demo"_s); },
                   [&]() { return signInError.has_value(); }, 30s, "the sign-in"));
        if (!signInError->isEmpty())
            qFatal("stall: sign-in failed: %s", qPrintable(*signInError));

        report(u"stall.sync_100k"_s,
               measure(
                   heartbeat, [&]() { window.syncNow(); }, [&]() { return !window.isSyncing(); }, 10min, "the sync"));
        if (const qint64 cached = store::WorkItemStore(cache).itemCount(); cached != itemCount)
            qFatal("stall: the sync left %lld items in the cache, not %lld", cached, itemCount);

        QPointer<ui::RemittancePreviewDialog> dialog;
        bool previewReady = false;
        report(u"stall.era_preview"_s,
               measure(
                   heartbeat,
                   [&]() {
                       window.importRemittance(remittancePath);
                       dialog = window.findChild<ui::RemittancePreviewDialog *>();
                       if (!dialog)
                           qFatal("stall: no remittance preview opened");
                       QObject::connect(dialog, &ui::RemittancePreviewDialog::previewReady, &window,
                                        [&]() { previewReady = true; });
                   },
                   [&]() { return previewReady; }, 5min, "the remittance preview"));
        auto *post = dialog->findChild<QPushButton *>(u"postRemittance"_s);
        if (!post || !post->isEnabled())
            qFatal("stall: the preview does not offer to post the file");

        std::optional<QString> postError;
        QObject::connect(dialog, &ui::RemittancePreviewDialog::posted, &window, [&]() { postError = QString(); });
        QObject::connect(dialog, &ui::RemittancePreviewDialog::postFailed, &window,
                         [&](const QString &message) { postError = message; });
        report(u"stall.era_post"_s,
               measure(
                   heartbeat, [&]() { post->click(); }, [&]() { return postError.has_value(); }, 10min,
                   "the remittance post"));
        if (!postError->isEmpty())
            qFatal("stall: the post failed: %s", qPrintable(*postError));
        // Posting starts a sync of the exceptions it raised; let it end before tearing down.
        runUntil([&]() { return !window.isSyncing(); }, 10min, "the sync after posting");

        // The dashboard: the cache's figures on a worker, the gateway's four reports through
        // the session's client, every chart built and drawn.
        auto *navigation = window.findChild<ui::QueueNavigation *>();
        auto *dashboard = window.findChild<ui::DashboardView *>();
        if (!navigation || !dashboard)
            qFatal("stall: the window has no dashboard");
        bool computed = false;
        QObject::connect(dashboard, &ui::DashboardView::computed, &window, [&]() { computed = true; });
        report(u"stall.dashboard"_s,
               measure(
                   heartbeat, [&]() { navigation->selectKey(QString(ui::QueueNavigation::dashboardKey)); },
                   [&]() { return computed; }, 10min, "the dashboard"));
        if (!dashboard->dashboard() || dashboard->dashboard()->reports.size() < 6)
            qFatal("stall: the dashboard did not get every report");
    }
    gateway.quit();
    gateway.wait();
    QStandardPaths::setTestModeEnabled(false);

    const auto longest = std::max_element(results.begin(), results.end(),
                                          [](const auto &left, const auto &right) { return left.value < right.value; });
    results.append({u"stall.longest"_s, longest->value, u"ms"_s, frameMilliseconds, false});
    return results;
}

const bench::BenchmarkRegistration registration(
    u"stall"_s,
    u"how late a 16 ms heartbeat fires while the window signs in, syncs 100,000 items, previews and posts an 835 "
    "and opens the dashboard"_s,
    stallBenchmarks, bench::Benchmark::Application::Widgets);

} // namespace
