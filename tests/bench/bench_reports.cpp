// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// reports.*: each cache report over a 1,000,000-item cache, computed into its result, beside
// its floor: the bare SQL aggregate over the same rows (a GROUP BY of the open items)
// through the SQLite C API.
#include "services/reports/cachereports.h"
#include "services/store/cacheschema.h"
#include "services/synthetic/syntheticcache.h"
#include "tests/bench/benchmark.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 itemCount = 1'000'000;
constexpr int repetitions = 3; // the best of three

double bestOf(const std::function<void()> &run)
{
    double best = 1e12;
    for (int repetition = 0; repetition < repetitions; ++repetition) {
        QElapsedTimer timer;
        timer.start();
        run();
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

void runBare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        qFatal("reports: %s", sqlite3_errmsg(db));
    while (sqlite3_step(statement) == SQLITE_ROW) {
        for (int column = 0; column < sqlite3_column_count(statement); ++column)
            sqlite3_column_int64(statement, column);
    }
    sqlite3_finalize(statement);
}

QList<bench::BenchmarkResult> reportBenchmarks()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cache.db"_s);
    const QDate asOf(2026, 11, 27);
    const synthetic::SyntheticGenerator generator({7, asOf});
    if (synthetic::writeSyntheticCache(path, itemCount, generator))
        qFatal("reports: cannot write the cache");
    store::Database cache;
    if (cache.open(path, store::workbenchCacheSchema()))
        qFatal("reports: cannot open the cache");
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);

    QList<bench::BenchmarkResult> results;
    const auto measure = [&](const QString &report, const char *floorSql) {
        reports::ReportParameters parameters;
        parameters.to = asOf;
        qsizetype rows = 0;
        const double value = bestOf([&]() {
            QString error;
            const auto result = reports::computeCacheReport(report, cache, parameters, {u"bench"_s, u"Bench"_s, true},
                                                            QDateTime::currentDateTimeUtc(), &error);
            if (!result)
                qFatal("reports: %s", qPrintable(error));
            rows = result->rows.size();
        });
        const double floor = bestOf([&]() { runBare(db, floorSql); });
        err << "  reports." << report << ": " << value << " ms for " << rows << " rows (floor " << floor << " ms)\n";
        results.append({u"reports.cache_%1"_s.arg(QString(report).replace(u'-', u'_')), value, u"ms"_s, floor, false});
    };
    measure(u"open-work"_s,
            "SELECT queue, count(*), total(balance_cents) FROM work_items WHERE status <> 'resolved' GROUP BY queue");
    measure(u"deadlines"_s,
            "SELECT owner_id, count(*), total(at_risk_cents) FROM work_items "
            "WHERE status <> 'resolved' GROUP BY owner_id");
    sqlite3_close(db);
    return results;
}

const bench::BenchmarkRegistration
    registration(u"reports"_s, u"each cache report over 1,000,000 items beside the bare SQL aggregate"_s,
                 reportBenchmarks);

} // namespace
