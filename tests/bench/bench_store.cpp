// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// store.write_1m_items: the workbench cache's batched writes of 1,000,000 synthetic work
// items with every index and the search index, beside the floor: the same rows through
// the bare SQLite C API, one prepared statement in one transaction, no indexes.
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/sqlitestatement.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"
#include "tests/bench/benchmark.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 itemCount = 1'000'000;
constexpr qint64 batchSize = 5000; // as rcmctl generate writes
constexpr int repetitions = 3; // the best of three, as this machine is shared

QByteArray dateText(const QDate &date)
{
    return date.isValid() ? store::isoDate(date) : QByteArray();
}

/// The floor: the same 26 values per row, bound with the C API into a table without
/// any index, in one transaction.
double bareApiSeconds(const QString &path, const QList<models::WorkItem> &items)
{
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(path).constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", nullptr, nullptr, nullptr);
    sqlite3_exec(db,
                 "CREATE TABLE work_items (row_id INTEGER PRIMARY KEY, id TEXT, queue TEXT, status TEXT, "
                 "priority INTEGER, owner_id TEXT, due_date TEXT, claim_number TEXT, account_number TEXT, "
                 "patient_display_name TEXT, payer_id TEXT, payer_name TEXT, facility_id TEXT, service_from TEXT, "
                 "service_to TEXT, billed_cents INTEGER, balance_cents INTEGER, at_risk_cents INTEGER, "
                 "group_code TEXT, carc TEXT, rarcs TEXT, denial_category TEXT, timely_filing_deadline TEXT, "
                 "appeal_deadline TEXT, version INTEGER, created_at TEXT, updated_at TEXT)",
                 nullptr, nullptr, nullptr);
    QElapsedTimer timer;
    timer.start();
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO work_items (id, queue, status, priority, owner_id, due_date, claim_number, "
                       "account_number, patient_display_name, payer_id, payer_name, facility_id, service_from, "
                       "service_to, billed_cents, balance_cents, at_risk_cents, group_code, carc, rarcs, "
                       "denial_category, timely_filing_deadline, appeal_deadline, version, created_at, updated_at) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       -1, &statement, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (const models::WorkItem &item : items) {
        int column = 1;
        auto text = [&](const QByteArray &value) {
            if (value.isEmpty())
                sqlite3_bind_null(statement, column++);
            else
                sqlite3_bind_text(statement, column++, value.constData(), int(value.size()), SQLITE_TRANSIENT);
        };
        auto string = [&](const QString &value) {
            if (value.isEmpty())
                sqlite3_bind_null(statement, column++);
            else
                sqlite3_bind_text16(statement, column++, value.utf16(), int(value.size() * 2), SQLITE_STATIC);
        };
        auto latin1 = [&](QLatin1StringView value) {
            sqlite3_bind_text(statement, column++, value.data(), int(value.size()), SQLITE_STATIC);
        };
        auto integer = [&](qint64 value) {
            sqlite3_bind_int64(statement, column++, value);
        };
        const QString rarcs = item.rarcs.join(u' ');
        string(item.id);
        latin1(models::wireName(item.queue));
        latin1(models::wireName(item.status));
        integer(int(item.priority));
        string(item.ownerId);
        text(dateText(item.dueDate));
        string(item.claimNumber);
        string(item.accountNumber);
        string(item.patientDisplayName);
        string(item.payerId);
        string(item.payerName);
        string(item.facilityId);
        text(dateText(item.serviceFrom));
        text(dateText(item.serviceTo));
        integer(item.billed.cents());
        integer(item.balance.cents());
        integer(item.atRisk.cents());
        string(item.groupCode);
        string(item.carc);
        string(rarcs);
        latin1(models::wireName(item.denialCategory));
        text(dateText(item.timelyFilingDeadline));
        text(dateText(item.appealDeadline));
        integer(item.version);
        text(store::isoTimestamp(item.createdAt));
        text(store::isoTimestamp(item.updatedAt));
        sqlite3_step(statement);
        sqlite3_reset(statement);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_finalize(statement);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_close(db);
    return seconds;
}

double storeSeconds(const QString &path, const QList<models::WorkItem> &items)
{
    store::Database database;
    if (const store::StoreError error = database.open(path, store::workbenchCacheSchema()))
        qFatal("%s", qPrintable(error.message()));
    store::WorkItemStore store(database);
    QElapsedTimer timer;
    timer.start();
    if (const store::StoreError error = store.beginBulkLoad())
        qFatal("%s", qPrintable(error.message()));
    for (qint64 first = 0; first < items.size(); first += batchSize) {
        const auto batch
            = std::span(items).subspan(std::size_t(first), std::size_t(std::min(batchSize, items.size() - first)));
        if (const store::StoreError error = store.upsertItems(batch))
            qFatal("%s", qPrintable(error.message()));
    }
    if (const store::StoreError error = store.endBulkLoad())
        qFatal("%s", qPrintable(error.message()));
    return double(timer.nsecsElapsed()) / 1e9;
}

QList<bench::BenchmarkResult> writeMillionItems()
{
    QTextStream err(stderr);
    QElapsedTimer timer;
    timer.start();
    const synthetic::SyntheticGenerator generator({7, QDate(2026, 11, 27)});
    const QList<models::WorkItem> items = generator.items(0, itemCount);
    err << "  generated " << items.size() << " items in " << double(timer.elapsed()) / 1000.0 << " s\n";

    double floor = 1e9;
    double store = 1e9;
    for (int run = 0; run < repetitions; ++run) {
        QTemporaryDir dir;
        const double floorRun = bareApiSeconds(dir.filePath(u"floor.db"_s), items);
        const double storeRun = storeSeconds(dir.filePath(u"store.db"_s), items);
        err << "  run " << run + 1 << ": bare C API " << floorRun << " s, store " << storeRun << " s\n";
        floor = std::min(floor, floorRun);
        store = std::min(store, storeRun);
    }
    return {{u"store.write_1m_items"_s, double(itemCount) / store, u"items/s"_s, double(itemCount) / floor, true}};
}

const bench::BenchmarkRegistration registration(u"store.write_1m_items"_s,
                                                u"write 1,000,000 work items with all indexes vs. the bare C API"_s,
                                                writeMillionItems);

} // namespace
