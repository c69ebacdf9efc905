// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// gateway.report_*_1m: each report the gateway computes (GatewayReports::run and the JSON
// it answers with) over 1,000,000 work items and their history, beside its floor: the
// bare SQL aggregates over the same tables, without the joins, the rebuilt balances or
// the JSON. The history is written with SQL in bulk (about 1.5 million audit entries,
// 1,000 remittances paying every item's claim), not through the API, to keep the
// seeding to seconds; its hashes are not chained, which no report reads.
#include "server/demodata.h"
#include "server/gatewayreports.h"
#include "server/gatewayschema.h"
#include "server/gatewaystore.h"
#include "services/store/transactionguard.h"
#include "tests/bench/benchmark.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 itemCount = 1'000'000;
constexpr int runs = 3; // the best of three, for both figure and floor

/// Every statement of the history: each batch of events is written after the one before,
/// so an item's entries are in the order they happened.
const QStringList historyStatements = {
    // 1,000 remittances over 90 days; every item's claim paid on one, one in ten denied.
    u"WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
    "INSERT INTO remittances (id, trace_number, payer_id, payment_cents, method, payment_date, claim_count, "
    "balanced, file_sha256, received_at, received_by) SELECT i + 1, 'BENCH-' || i, '1999999999', 0, 'ACH', "
    "date('now', '-' || (i % 90) || ' days'), 1000, 1, 'bench', "
    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i % 90) || ' days'), 'DEMO-POSTER' FROM n"_s,
    u"INSERT INTO claim_payments (remittance_id, claim_number, patient_control_number, status_code, charge_cents, "
    "paid_cents, patient_responsibility_cents) SELECT 1 + (row_id - 1) % 1000, claim_number, claim_number, "
    "CASE WHEN row_id % 10 = 0 THEN '4' ELSE '1' END, billed_cents, "
    "CASE WHEN row_id % 10 = 0 THEN 0 ELSE billed_cents * 7 / 10 END, 0 FROM work_items"_s,
    u"UPDATE remittances SET payment_cents = paid.total + 100 FROM (SELECT remittance_id, sum(paid_cents) AS total "
    "FROM claim_payments GROUP BY remittance_id) AS paid WHERE paid.remittance_id = remittances.id"_s,
    u"INSERT INTO remittance_exceptions (work_item_id, remittance_id, kind, segment_number, explanation) "
    "SELECT id, 1 + (row_id - 1) % 1000, CASE WHEN row_id % 3 = 0 THEN 'denied' ELSE 'underpaid' END, 1, 'bench' "
    "FROM work_items WHERE queue = 'remittance'"_s,
    // Half the items taken a day after they opened, the other half noted by the poster.
    u"INSERT INTO audit_log (work_item_id, actor_id, action_type, resulting_version, occurred_at, details_json, "
    "previous_hash, hash) SELECT id, coalesce(owner_id, 'DEMO-BILLER'), CASE WHEN row_id % 2 = 0 THEN 'take' "
    "ELSE 'note' END, 0, strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+1 day'), '{}', '', '' FROM work_items"_s,
    // A quarter resolved two hours after being taken; denials of another quarter appealed.
    u"INSERT INTO audit_log (work_item_id, actor_id, action_type, resulting_version, occurred_at, details_json, "
    "previous_hash, hash) SELECT id, coalesce(owner_id, 'DEMO-BILLER'), 'appeal', 0, "
    "strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+1 day', '+1 hour'), '{\"text\":\"bench\"}', '', '' "
    "FROM work_items WHERE row_id % 4 = 2 AND queue = 'denial'"_s,
    u"INSERT INTO audit_log (work_item_id, actor_id, action_type, resulting_version, occurred_at, details_json, "
    "previous_hash, hash) SELECT id, coalesce(owner_id, 'DEMO-BILLER'), 'resolve', 0, "
    "strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+1 day', '+2 hours'), '{\"resolution\":\"paid\"}', '', '' "
    "FROM work_items WHERE row_id % 4 = 0"_s,
    // One in twenty written off in part, and approved.
    u"INSERT INTO audit_log (work_item_id, actor_id, action_type, resulting_version, occurred_at, details_json, "
    "previous_hash, hash) SELECT id, coalesce(owner_id, 'DEMO-BILLER'), 'request_writeoff', 0, "
    "strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+1 day', '+3 hours'), "
    "'{\"amount\":\"1.00\",\"text\":\"bench\"}', '', '' FROM work_items WHERE row_id % 20 = 2"_s,
    u"INSERT INTO audit_log (work_item_id, actor_id, action_type, resulting_version, occurred_at, details_json, "
    "previous_hash, hash) SELECT id, 'DEMO-SUPERVISOR', 'approve_writeoff', 0, "
    "strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+1 day', '+5 hours'), '{}', '', '' "
    "FROM work_items WHERE row_id % 20 = 2"_s,
};

/// The floor of each report: the plain GROUP BYs over the tables it reads, with its period
/// (joined where the report's own grouping needs a column of another table: a claim's
/// payer, a write-off's item family).
struct ReportFloor
{
    QString report;
    QStringList statements; ///< ? is the period's first day
};

const QList<ReportFloor> floors = {
    {u"denials"_s,
     {u"SELECT payer_id, denial_category, count(*), sum(billed_cents) FROM work_items WHERE queue = 'denial' "
      "AND created_at >= ? GROUP BY 1, 2"_s,
      u"SELECT c.payer_id, count(*) FROM claim_payments AS p JOIN remittances AS r ON r.id = p.remittance_id "
      "JOIN claims AS c ON c.claim_number = p.claim_number WHERE r.payment_date >= ? GROUP BY 1"_s,
      u"SELECT work_item_id, min(occurred_at) FROM audit_log WHERE action_type = 'appeal' AND occurred_at >= ? "
      "GROUP BY 1"_s}},
    {u"productivity"_s,
     {u"SELECT actor_id, substr(occurred_at, 1, 10), count(*) FROM audit_log WHERE occurred_at >= ? "
      "GROUP BY 1, 2"_s}},
    {u"write-offs"_s,
     {u"SELECT w.denial_category, q.actor_id, count(*), sum(json_extract(q.details_json, '$.amount')) "
      "FROM audit_log AS q JOIN work_items AS w ON w.id = q.work_item_id "
      "WHERE q.action_type = 'request_writeoff' AND q.occurred_at >= ? GROUP BY 1, 2"_s}},
    {u"remittance-reconciliation"_s,
     {u"SELECT r.trace_number, r.payment_cents, sum(p.paid_cents) FROM claim_payments AS p JOIN remittances AS r "
      "ON r.id = p.remittance_id WHERE r.payment_date >= ? GROUP BY p.remittance_id"_s}},
    {u"remittance-exceptions"_s,
     {u"SELECT e.kind, count(*), sum(i.balance_cents) FROM remittance_exceptions AS e JOIN remittances AS r "
      "ON r.id = e.remittance_id JOIN work_items AS i ON i.id = e.work_item_id WHERE r.payment_date >= ? "
      "GROUP BY 1"_s}},
    {u"open-dollars"_s,
     {u"SELECT substr(created_at, 1, 10), count(*), sum(balance_cents) FROM work_items WHERE created_at >= ? "
      "GROUP BY 1"_s,
      u"SELECT substr(occurred_at, 1, 10), count(*) FROM audit_log WHERE action_type IN ('resolve', "
      "'approve_writeoff', 'reopen') AND occurred_at >= ? GROUP BY 1"_s}},
};

void writeHistory(store::Database &database)
{
    store::TransactionGuard transaction(database.connection());
    for (const QString &statement : historyStatements) {
        QSqlQuery query(database.connection());
        if (!query.exec(statement))
            qFatal("cannot write the history: %s", qPrintable(query.lastError().text()));
    }
    if (transaction.commit())
        qFatal("cannot commit the history");
}

double bestSeconds(const std::function<void()> &work)
{
    double best = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        work();
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        best = run == 0 ? seconds : std::min(best, seconds);
    }
    return best;
}

double floorSeconds(store::Database &database, const ReportFloor &floor, const QDate &from)
{
    return bestSeconds([&] {
        for (const QString &statement : floor.statements) {
            QSqlQuery query(database.connection());
            query.setForwardOnly(true);
            query.prepare(statement);
            query.addBindValue(from.toString(Qt::ISODate));
            if (!query.exec())
                qFatal("floor failed: %s", qPrintable(query.lastError().text()));
            while (query.next()) { }
        }
    });
}

QList<bench::BenchmarkResult> reportsOverAMillionItems()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    store::Database database;
    if (database.open(dir.filePath(u"gateway.db"_s), server::gatewaySchema()))
        qFatal("cannot create the gateway database");
    server::GatewayStore store(database);
    store.setAuditKey(server::AuditKey::generate()); // entries are signed; nothing here verifies them
    store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // the demo sign-ins
    QElapsedTimer timer;
    timer.start();
    if (server::seedDemoData(store, itemCount, 7, 1000))
        qFatal("cannot seed the gateway database");
    err << "  seeded " << itemCount << " items in " << double(timer.restart()) / 1000.0 << " s\n";
    writeHistory(database);
    QSqlQuery count(database.connection());
    count.exec(u"SELECT (SELECT count(*) FROM audit_log), (SELECT count(*) FROM claim_payments)"_s);
    count.next();
    err << "  wrote " << count.value(0).toLongLong() << " audit entries and " << count.value(1).toLongLong()
        << " claim payments in " << double(timer.elapsed()) / 1000.0 << " s\n";
    count.finish();

    const auto supervisor = store.user(u"DEMO-SUPERVISOR"_s);
    const QDate to = QDate::currentDate().addDays(10);
    const QDate from = to.addDays(-119);
    QUrlQuery period;
    period.addQueryItem(u"from"_s, from.toString(Qt::ISODate));
    period.addQueryItem(u"to"_s, to.toString(Qt::ISODate));
    QList<bench::BenchmarkResult> results;
    server::GatewayReports reports(database);
    for (const ReportFloor &floor : floors) {
        qsizetype rows = 0;
        const double seconds = bestSeconds([&] {
            const server::GatewayReports::Outcome outcome = reports.run(floor.report, period, *supervisor);
            if (!outcome.result)
                qFatal("%s failed: %s", qPrintable(floor.report), qPrintable(outcome.problem->detail));
            rows = outcome.result->toJson().value(u"rows"_s).toArray().size(); // as the gateway answers
        });
        const double floorTime = floorSeconds(database, floor, from);
        err << "  " << floor.report << ": " << rows << " rows in " << seconds << " s (floor " << floorTime << " s)\n";
        // The remittance reports go by their second word, to fit the results table.
        static const QString remittance = u"remittance-"_s;
        const QString name = floor.report.startsWith(remittance) ? floor.report.mid(remittance.size()) : floor.report;
        results.append(
            {u"gateway.report_%1_1m"_s.arg(QString(name).replace(u'-', u'_')), seconds, u"s"_s, floorTime, false});
    }
    return results;
}

const bench::BenchmarkRegistration registration(u"gateway.reports_1m"_s,
                                                u"each gateway report over 1,000,000 items' history vs. the bare "
                                                "SQL aggregates"_s,
                                                reportsOverAMillionItems);

} // namespace
