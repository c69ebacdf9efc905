// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// dashboard.*: the supervisor's dashboard over a 1,000,000-item cache: the first paint when
// nothing is kept yet (the cache's figures computed first), the first paint of a later
// opening (the kept result), and a refresh after a sync, each beside the report engine's own
// time for the same figures (reports::computeCacheDashboard on one connection).
#include "services/api/session.h"
#include "services/reports/dashboard.h"
#include "services/store/cacheschema.h"
#include "services/synthetic/syntheticcache.h"
#include "tests/bench/benchmark.h"
#include "ui/dashboardview.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 itemCount = 1'000'000;

/// Milliseconds from start (show(), invalidate()) until signal, with the frame it paints.
template<typename Signal>
double timeUntil(ui::DashboardView &view, Signal signal, const std::function<void()> &start)
{
    QEventLoop loop;
    bool arrived = false;
    const QMetaObject::Connection connection = QObject::connect(&view, signal, &loop, [&]() {
        arrived = true;
        loop.quit();
    });
    QTimer::singleShot(120'000, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    start();
    if (!arrived)
        loop.exec();
    QObject::disconnect(connection);
    if (!arrived)
        qFatal("dashboard: no result within two minutes");
    view.repaint(); // the frame that shows it
    return double(timer.nsecsElapsed()) / 1e6;
}

void wait(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

QList<bench::BenchmarkResult> dashboardBenchmarks()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cache.db"_s);
    const synthetic::SyntheticGenerator generator({7, QDate::currentDate()});
    if (synthetic::writeSyntheticCache(path, itemCount, generator))
        qFatal("dashboard: cannot write the cache");
    const models::User supervisor {u"DEMO-SUPERVISOR"_s, u"supervisor"_s, u"Sue Supervisor"_s, models::Role::Supervisor,
                                   true};

    QElapsedTimer timer;
    timer.start();
    {
        store::Database cache;
        if (cache.open(path, store::workbenchCacheSchema()))
            qFatal("dashboard: cannot open the cache");
        QString error;
        reports::ReportParameters parameters;
        parameters.from = QDate::currentDate().addDays(-89);
        parameters.to = QDate::currentDate();
        if (!reports::computeCacheDashboard(cache, parameters, {supervisor.id, supervisor.displayName, true},
                                            QDateTime::currentDateTimeUtc(), &error))
            qFatal("dashboard: %s", qPrintable(error));
    }
    const double engine = double(timer.nsecsElapsed()) / 1e6;

    api::Session session {QUrl()}; // offline: the cache's figures
    double cold = 0;
    double refresh = 0;
    {
        ui::DashboardView view(path, session);
        view.setViewer(supervisor);
        view.resize(1500, 950);
        cold = timeUntil(view, &ui::DashboardView::computed, [&view]() { view.show(); });
        refresh = timeUntil(view, &ui::DashboardView::computed, [&view]() { view.invalidate(); });
    }
    // The kept result is written on a worker.
    for (int tries = 0; tries < 100; ++tries) {
        store::Database cache;
        if (!cache.open(path, store::workbenchCacheSchema()) && reports::loadDashboard(cache, supervisor.username))
            break;
        wait(100);
    }
    double kept = 0;
    {
        ui::DashboardView view(path, session);
        view.setViewer(supervisor);
        view.resize(1500, 950);
        kept = timeUntil(view, &ui::DashboardView::drawn, [&view]() { view.show(); });
        if (view.isComputing())
            timeUntil(view, &ui::DashboardView::computed, []() {});
    }
    err << "  dashboard: engine " << engine << " ms; first paint, nothing kept " << cold << " ms; later opening "
        << kept << " ms; refresh after a sync " << refresh << " ms\n";
    return {
        {u"dashboard.first_paint_1m_nothing_kept"_s, cold, u"ms"_s, engine, false},
        {u"dashboard.first_paint_1m_kept"_s, kept, u"ms"_s, 1000, false},
        {u"dashboard.refresh_after_sync_1m"_s, refresh, u"ms"_s, engine, false},
    };
}

const bench::BenchmarkRegistration registration(u"dashboard"_s,
                                                u"the dashboard over 1,000,000 items beside the report engine"_s,
                                                dashboardBenchmarks, bench::Benchmark::Application::Widgets);

} // namespace
