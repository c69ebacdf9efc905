// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// sync.initial_1m_items and sync.delta_10k_changes: `rcmctl sync` (a child process, so
// that its peak memory is its own; sampled every 50 ms, so a peak in its last 50 ms could
// be missed) against a gateway on loopback, beside the floor:
// the same JSON pages read from files, parsed, and their rows written with the bare
// SQLite C API into a table without indexes, in one transaction.
#include "server/demodata.h"
#include "services/api/workitemjson.h"
#include "services/store/sqlitestatement.h"
#include "tests/bench/benchmark.h"
#include "tests/bench/gatewaythread.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 itemCount = 1'000'000;
constexpr qint64 deltaCount = 10'000;

struct ChildRun
{
    double seconds = 0;
    double peakMegabytes = 0;
};

/// The child's own peak resident memory so far (VmHWM: its address space's high-water
/// mark, which starts afresh at exec, unlike getrusage's ru_maxrss, which also counts the
/// parent's pages the child carried between fork and exec).
double peakMegabytes(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return 0;
}

/// Runs rcmctl sync, watching its peak memory every 50 ms until it ends.
ChildRun rcmctlSync(quint16 port, const QString &cache)
{
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(RCMCTL),
                  {u"sync"_s, u"--server"_s, u"http://127.0.0.1:%1"_s.arg(port), u"--user"_s, u"supervisor"_s,
                   u"--password-stdin"_s, u"--cache"_s, cache});
    process.write("demo\n");
    process.closeWriteChannel();
    double peak = 0;
    while (!process.waitForFinished(50))
        peak = std::max(peak, peakMegabytes(process.processId()));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (process.exitCode() != 0)
        qFatal("rcmctl sync failed: %s", process.readAllStandardError().constData());
    return {seconds, peak};
}

/// Saves the pages a full (or delta) sync reads, for the floor to read back from files.
QStringList savePages(quint16 port, const QString &folder, const QString &startCursor, QString *endCursor)
{
    QNetworkAccessManager network;
    auto call = [&](QNetworkRequest request, const QByteArray &body = {}) {
        QNetworkReply *reply = body.isEmpty() ? network.get(request) : network.post(request, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply->readAll();
    };
    const QString base = u"http://127.0.0.1:%1/v1"_s.arg(port);
    QNetworkRequest signIn(QUrl(base + u"/session"_s));
    signIn.setRawHeader("Content-Type", "application/json");
    const QString token = QJsonDocument::fromJson(call(signIn, R"({"username":"supervisor","password":"demo"})"))
                              .object()
                              .value(u"token"_s)
                              .toString();
    QStringList files;
    QString cursor = startCursor;
    for (bool more = true; more;) {
        QNetworkRequest request(
            QUrl(base + u"/work-items?limit=1000"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor)));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        const QByteArray page = call(request);
        const QString file = QDir(folder).filePath(u"page-%1.json"_s.arg(files.size()));
        QFile out(file);
        out.open(QIODevice::WriteOnly);
        out.write(page);
        files << file;
        const QJsonObject object = QJsonDocument::fromJson(page).object();
        cursor = object.value(u"nextCursor"_s).toString();
        more = object.value(u"hasMore"_s).toBool();
    }
    *endCursor = cursor;
    return files;
}

/// The floor: read each page file, parse it, write its rows with the C API.
double floorSeconds(const QStringList &files, const QString &database)
{
    QElapsedTimer timer;
    timer.start();
    sqlite3 *db = nullptr;
    sqlite3_open(QFile::encodeName(database).constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    sqlite3_exec(
        db,
        "CREATE TABLE work_items (row_id INTEGER PRIMARY KEY, id TEXT, queue TEXT, status TEXT, priority TEXT,"
        " owner_id TEXT, due_date TEXT, claim_number TEXT, account_number TEXT, patient_display_name TEXT, "
        "payer_id TEXT, payer_name TEXT, facility_id TEXT, service_from TEXT, service_to TEXT, billed TEXT, "
        "balance TEXT, at_risk TEXT, group_code TEXT, carc TEXT, rarcs TEXT, denial_category TEXT, "
        "timely_filing_deadline TEXT, appeal_deadline TEXT, version INTEGER, created_at TEXT, updated_at TEXT)",
        nullptr, nullptr, nullptr);
    static const char *const fields[] = {"id",
                                         "queue",
                                         "status",
                                         "priority",
                                         "ownerId",
                                         "dueDate",
                                         "claimNumber",
                                         "accountNumber",
                                         "patientDisplayName",
                                         "payerId",
                                         "payerName",
                                         "facilityId",
                                         "serviceFrom",
                                         "serviceTo",
                                         "billed",
                                         "balance",
                                         "atRisk",
                                         "groupCode",
                                         "carc",
                                         "rarcs",
                                         "denialCategory",
                                         "timelyFilingDeadline",
                                         "appealDeadline",
                                         "version",
                                         "createdAt",
                                         "updatedAt"};
    sqlite3_stmt *statement = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO work_items (id, queue, status, priority, owner_id, due_date, claim_number, "
                       "account_number, patient_display_name, payer_id, payer_name, facility_id, service_from, "
                       "service_to, billed, balance, at_risk, group_code, carc, rarcs, denial_category, "
                       "timely_filing_deadline, appeal_deadline, version, created_at, updated_at) "
                       "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                       -1, &statement, nullptr);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (const QString &file : files) {
        QFile in(file);
        in.open(QIODevice::ReadOnly);
        const QJsonArray items = QJsonDocument::fromJson(in.readAll()).object().value(u"items"_s).toArray();
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            int column = 1;
            for (const char *field : fields) {
                const QJsonValue fieldValue = item.value(QLatin1StringView(field));
                if (fieldValue.isDouble()) {
                    sqlite3_bind_int64(statement, column++, fieldValue.toInteger());
                } else {
                    const QString text = fieldValue.isArray() ? QString() : fieldValue.toString();
                    sqlite3_bind_text16(statement, column++, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
                }
            }
            sqlite3_step(statement);
            sqlite3_reset(statement);
        }
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return double(timer.nsecsElapsed()) / 1e9;
}

QList<bench::BenchmarkResult> syncBenchmarks()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString gatewayPath = dir.filePath(u"gateway.db"_s);
    {
        store::Database database;
        if (database.open(gatewayPath, server::gatewaySchema()))
            qFatal("cannot create the gateway database");
        server::GatewayStore store(database);
        store.setAuditKey(server::AuditKey::generate()); // entries are signed; nothing here verifies them
        store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // the demo sign-ins
        if (server::seedDemoData(store, itemCount, 7, 1000))
            qFatal("cannot seed the gateway database");
    }
    bench::GatewayThread gateway(gatewayPath);
    gateway.start();
    gateway.ready.acquire();

    const QString cache = dir.filePath(u"cache.db"_s);
    const ChildRun initial = rcmctlSync(gateway.port(), cache);
    err << "  initial sync: " << initial.seconds << " s, peak " << initial.peakMegabytes << " MB\n";
    QDir().mkpath(dir.filePath(u"pages"_s));
    QString fullCursor;
    const QStringList fullPages = savePages(gateway.port(), dir.filePath(u"pages"_s), QString(), &fullCursor);
    const double initialFloor = floorSeconds(fullPages, dir.filePath(u"floor.db"_s));
    err << "  floor: " << initialFloor << " s over " << fullPages.size() << " pages\n";

    // 10,000 changes on the server, then a delta sync.
    {
        store::Database database;
        database.open(gatewayPath, server::gatewaySchema());
        database.execute(u"UPDATE work_items SET priority = 4, version = version + 1 WHERE row_id IN "
                         "(SELECT row_id FROM work_items ORDER BY row_id DESC LIMIT %1)"_s.arg(deltaCount));
    }
    const ChildRun delta = rcmctlSync(gateway.port(), cache);
    QDir().mkpath(dir.filePath(u"delta"_s));
    QString ignored;
    const QStringList deltaPages = savePages(gateway.port(), dir.filePath(u"delta"_s), fullCursor, &ignored);
    const double deltaFloor = floorSeconds(deltaPages, dir.filePath(u"delta-floor.db"_s));
    err << "  delta sync: " << delta.seconds << " s; floor " << deltaFloor << " s\n";
    gateway.quit();
    gateway.wait();
    return {
        {u"sync.initial_1m_items"_s, initial.seconds, u"s"_s, initialFloor, false},
        {u"sync.initial_1m_peak_memory"_s, initial.peakMegabytes, u"MB"_s, 300.0, false},
        {u"sync.delta_10k_changes"_s, delta.seconds, u"s"_s, deltaFloor, false},
    };
}

const bench::BenchmarkRegistration
    registration(u"sync"_s, u"rcmctl sync of 1,000,000 items and of 10,000 changes vs. files"_s, syncBenchmarks);

} // namespace
