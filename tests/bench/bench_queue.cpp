// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// queue.*: a 1,000,000-item cache in the workbench's queue model: time to the first rows
// of a queue, after a filter change, a sort change and a search, each beside its floor,
// the bare SQL the model runs (two index-only counts and the first page) through the
// SQLite C API.
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticcache.h"
#include "tests/bench/benchmark.h"
#include "ui/itemmodels/workqueuemodel.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using itemmodels::WorkQueueModel;

namespace {

constexpr qint64 itemCount = 1'000'000;
constexpr int repetitions = 5; // the best of five

const char *const selectColumns
    = "SELECT work_items.id, priority, claim_number, account_number, patient_display_name, payer_name, service_from, "
      "billed_cents, balance_cents, group_code, carc, denial_category, timely_filing_deadline, status, "
      "users.display_name, EXISTS (SELECT 1 FROM outbox WHERE outbox.work_item_id = work_items.id) FROM work_items "
      "LEFT JOIN users ON users.id = work_items.owner_id ";

/// The floor: the model's own statements, bare: open = all - resolved, then the page.
/// filter holds the view's conditions besides the status ("AND queue = 'denial'").
double floorMilliseconds(sqlite3 *db, const QByteArray &filter, const QByteArray &order)
{
    double best = 1e9;
    const QByteArray where = "WHERE 1 " + filter;
    const QList<QByteArray> statements = {
        "SELECT count(*) FROM work_items " + where,
        "SELECT count(*) FROM work_items " + where + " AND work_items.status = 'resolved'",
        QByteArray(selectColumns) + where + " AND work_items.status <> 'resolved' ORDER BY " + order + " LIMIT 200",
    };
    for (int run = 0; run < repetitions; ++run) {
        QElapsedTimer timer;
        timer.start();
        for (const QByteArray &sql : statements) {
            sqlite3_stmt *statement = nullptr;
            sqlite3_prepare_v2(db, sql.constData(), -1, &statement, nullptr);
            while (sqlite3_step(statement) == SQLITE_ROW) {
                for (int column = 0; column < sqlite3_column_count(statement); ++column)
                    sqlite3_column_text(statement, column);
            }
            sqlite3_finalize(statement);
        }
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

/// The model's time from a change to its first 50 rows' display values.
double modelMilliseconds(WorkQueueModel &model, const std::function<void()> &change, const std::function<void()> &undo)
{
    double best = 1e9;
    for (int run = 0; run < repetitions; ++run) {
        undo();
        QElapsedTimer timer;
        timer.start();
        change();
        for (int row = 0; row < std::min(50, model.rowCount()); ++row) {
            for (int column = 0; column < WorkQueueModel::ColumnCount; ++column)
                model.index(row, column).data();
        }
        best = std::min(best, double(timer.nsecsElapsed()) / 1e6);
    }
    return best;
}

QList<bench::BenchmarkResult> queueBenchmarks()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"cache.db"_s);
    const synthetic::SyntheticGenerator generator({7, QDate(2026, 11, 27)});
    if (synthetic::writeSyntheticCache(path, itemCount, generator))
        qFatal("cannot write the cache");
    store::Database cache;
    if (cache.open(path, store::workbenchCacheSchema()))
        qFatal("cannot open the cache");
    sqlite3 *db = nullptr;
    sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr);

    WorkQueueModel model(cache);
    QList<bench::BenchmarkResult> results;
    auto measure = [&](const QString &name, const QByteArray &where, const QByteArray &order,
                       const std::function<void()> &change, const std::function<void()> &undo) {
        const double value = modelMilliseconds(model, change, undo);
        const double floor = floorMilliseconds(db, where, order);
        err << "  " << name << ": " << value << " ms (floor " << floor << " ms)\n";
        results.append({name, value, u"ms"_s, floor, false});
    };
    const QByteArray open;
    const QByteArray byPriority = "work_items.priority DESC, work_items.due_date, work_items.row_id";
    measure(
        u"queue.first_rows"_s, open + "AND work_items.queue = 'denial'", byPriority,
        [&] { model.setQueue(models::Queue::Denial); }, [&] { model.setQueue(std::nullopt); });
    measure(
        u"queue.filter_change"_s, open + "AND work_items.queue = 'authorization'", byPriority,
        [&] { model.setQueue(models::Queue::Authorization); }, [&] { model.setQueue(models::Queue::Denial); });
    model.setQueue(models::Queue::Denial);
    measure(
        u"queue.sort_change"_s, open + "AND work_items.queue = 'denial'",
        "work_items.balance_cents DESC, work_items.due_date, work_items.row_id",
        [&] { model.sort(WorkQueueModel::BalanceColumn, Qt::DescendingOrder); },
        [&] { model.sort(WorkQueueModel::PriorityColumn, Qt::DescendingOrder); });
    model.sort(WorkQueueModel::PriorityColumn, Qt::DescendingOrder);
    measure(
        u"queue.search"_s,
        open
            + "AND work_items.queue = 'denial' AND work_items.row_id IN (SELECT rowid FROM work_items_search "
              "WHERE work_items_search MATCH '\"zzgarcia\"* \"maria\"*')",
        byPriority, [&] { model.setSearchText(u"zzgarcia maria"_s); }, [&] { model.setSearchText(QString()); });
    sqlite3_close(db);
    return results;
}

const bench::BenchmarkRegistration
    registration(u"queue"_s, u"first rows, filter, sort and search over 1,000,000 cached items"_s, queueBenchmarks);

} // namespace
