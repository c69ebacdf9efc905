// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Work items from a source (docs/work-items-in.md):
// - ingest.batch_100k: 100,000 new items sent as ten batches of 10,000 over HTTP to a
//   gateway in its own thread (validated, looked up by external id, written, audited one
//   by one), in items per second, beside the floor of writing the same items straight into
//   an empty gateway store (WorkItemStore::upsertItems, batches of 10,000); then the same
//   batches sent again (every row unchanged), beside the same floor.
// - ingest.csv_1m: rcmctl items import of a 1,000,000-row extract against that gateway:
//   its time beside the time the store takes to write as many items, and rcmctl's peak
//   memory beside its peak on a --preview of the same file (reading and checking every row,
//   sending nothing).
#include "server/auditkey.h"
#include "server/demodata.h"
#include "server/gatewayschema.h"
#include "server/gatewaystore.h"
#include "services/api/workitemjson.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"
#include "tests/bench/benchmark.h"
#include "tests/bench/childprocess.h"
#include "tests/bench/gatewaythread.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 batchItems = 100'000;
constexpr qint64 batchSize = 10'000;
constexpr qint64 csvRows = 1'000'000;
constexpr int repetitions = 3;

/// The source's wire form of a generated item: what it owns, nothing of the workflow.
QJsonObject sourceItemOf(const models::WorkItem &item, qint64 number)
{
    QJsonObject object = api::toJson(item);
    for (const QString &workflow : {u"id"_s, u"status"_s, u"ownerId"_s, u"version"_s, u"createdAt"_s, u"updatedAt"_s})
        object.remove(workflow);
    for (auto it = object.begin(); it != object.end();)
        it = it.value().isNull() ? object.erase(it) : std::next(it);
    object.insert(u"externalId"_s, u"X-%1"_s.arg(number, 7, 10, QLatin1Char('0')));
    return object;
}

/// A gateway database with the demo sign-ins and no items.
void createGateway(const QString &path)
{
    store::Database database;
    if (database.open(path, server::gatewaySchema()))
        qFatal("cannot create the gateway database");
    server::GatewayStore store(database);
    store.setAuditKey(server::AuditKey::generate());
    store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed);
    if (server::seedDemoData(store, 0, 7, 1000))
        qFatal("cannot seed the gateway database");
}

/// Seconds the store takes to write items into an empty gateway database, batch by batch.
double storeSeconds(const QString &path, const QList<models::WorkItem> &items)
{
    store::Database database;
    if (database.open(path, server::gatewaySchema()))
        qFatal("cannot create the floor's database");
    store::WorkItemStore store(database);
    QElapsedTimer timer;
    timer.start();
    for (qint64 first = 0; first < items.size(); first += batchSize) {
        const qsizetype count = qsizetype(std::min<qint64>(batchSize, items.size() - first));
        if (store.upsertItems(std::span(items).subspan(size_t(first), size_t(count))))
            qFatal("the floor could not write its items");
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

class IngestClient final
{
public:
    explicit IngestClient(quint16 port)
        : m_base(u"http://127.0.0.1:%1/v1"_s.arg(port))
    {
        QNetworkRequest signIn(QUrl(m_base + u"/session"_s));
        signIn.setRawHeader("Content-Type", "application/json");
        m_token = call(m_network.post(signIn, R"({"username":"supervisor","password":"demo"})"))
                      .value(u"token"_s)
                      .toString()
                      .toLatin1();
    }

    /// Sends the batches; the counts of each outcome.
    QJsonObject send(const QList<QByteArray> &batches)
    {
        QJsonObject total;
        for (const QByteArray &body : batches) {
            QNetworkRequest request(QUrl(m_base + u"/sources/bench/work-items:batch"_s));
            request.setRawHeader("Content-Type", "application/json");
            request.setRawHeader("Authorization", "Bearer " + m_token);
            request.setTransferTimeout(600'000);
            const QJsonObject counts = call(m_network.post(request, body)).value(u"counts"_s).toObject();
            for (auto it = counts.begin(); it != counts.end(); ++it)
                total.insert(it.key(), total.value(it.key()).toInteger() + it.value().toInteger());
        }
        return total;
    }

private:
    QJsonObject call(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return QJsonDocument::fromJson(body).object();
    }

    QNetworkAccessManager m_network;
    QString m_base;
    QByteArray m_token;
};

struct IngestRun
{
    double created = 0; ///< seconds to send every batch the first time
    double unchanged = 0; ///< seconds to send them all again
};

IngestRun ingestOnce(const QString &path, const QList<QByteArray> &batches)
{
    createGateway(path);
    bench::GatewayThread gateway(path);
    gateway.start();
    gateway.ready.acquire();
    IngestClient client(gateway.port());
    QElapsedTimer timer;
    timer.start();
    const QJsonObject created = client.send(batches);
    IngestRun run;
    run.created = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    const QJsonObject replayed = client.send(batches);
    run.unchanged = double(timer.nsecsElapsed()) / 1e9;
    gateway.quit();
    gateway.wait();
    if (created.value(u"created"_s).toInteger() != batchItems
        || replayed.value(u"unchanged"_s).toInteger() != batchItems)
        qFatal("the gateway did not take every item: %s / %s", QJsonDocument(created).toJson().constData(),
               QJsonDocument(replayed).toJson().constData());
    return run;
}

QList<bench::BenchmarkResult> batchIngest()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const synthetic::SyntheticGenerator generator({7, QDate(2026, 11, 27)});
    const QList<models::WorkItem> items = generator.items(0, batchItems);
    QList<QByteArray> batches;
    for (qint64 first = 0; first < batchItems; first += batchSize) {
        QJsonArray batch;
        for (qint64 index = first; index < first + batchSize; ++index)
            batch.append(sourceItemOf(items.at(index), index));
        batches.append(QJsonDocument(QJsonObject {{u"items"_s, batch}}).toJson(QJsonDocument::Compact));
    }
    // Three rounds, each the floor and then the gateway, side by side: a 2-core virtual
    // machine's speed drifts more between minutes than the differences that matter here, so
    // each round is judged against its own floor and the round with the median ratio is
    // reported.
    struct Round
    {
        double floor = 0;
        IngestRun run;
    };
    QList<Round> rounds;
    for (int repetition = 0; repetition < repetitions; ++repetition) {
        Round round;
        round.floor = storeSeconds(dir.filePath(u"floor-%1.db"_s.arg(repetition)), items);
        round.run = ingestOnce(dir.filePath(u"gateway-%1.db"_s.arg(repetition)), batches);
        err << "  round " << repetition + 1 << ": store " << round.floor << " s; batches created in "
            << round.run.created << " s (" << round.run.created / round.floor << "x), sent again (unchanged) in "
            << round.run.unchanged << " s (" << round.run.unchanged / round.floor << "x)\n";
        rounds.append(round);
    }
    const auto median = [&rounds](auto seconds) {
        QList<Round> sorted = rounds;
        std::sort(sorted.begin(), sorted.end(),
                  [&](const Round &a, const Round &b) { return seconds(a) / a.floor < seconds(b) / b.floor; });
        return sorted.at(sorted.size() / 2);
    };
    const Round created = median([](const Round &round) { return round.run.created; });
    const Round unchanged = median([](const Round &round) { return round.run.unchanged; });
    return {
        {u"ingest.batch_100k_created"_s, double(batchItems) / created.run.created, u"items/s"_s,
         double(batchItems) / created.floor, true},
        {u"ingest.batch_100k_unchanged"_s, double(batchItems) / unchanged.run.unchanged, u"items/s"_s,
         double(batchItems) / unchanged.floor, true},
    };
}

const bench::BenchmarkRegistration
    batchRegistration(u"ingest.batch_100k"_s,
                      u"100,000 source items in batches of 10,000 over HTTP (new, then again) vs. the store"_s,
                      batchIngest);

/// A nightly denial worklist of rows rows in the sample layout (docs/extracts/), synthetic.
void writeWorklist(const QString &path, qint64 rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QByteArray chunk = "Denial ID,Account #,Claim #,Patient,Payer ID,Payer Name,Facility,Svc From,Svc To,Billed,"
                       "Balance,Denial Code,Remark Codes,Appeal By,Priority,Status,Worklist,Last Activity,Notes\n";
    static const char *const codes[] = {"CO-197", "CO-50", "CO-16", "PR-204", "CO-45", "OA-23"};
    static const char *const priorities[] = {"HIGH", "MED", "LOW", "STAT"};
    for (qint64 row = 0; row < rows; ++row) {
        const QByteArray number = QByteArray::number(row);
        const qint64 cents = 5'000 + (row * 7'919) % 2'000'000;
        const QByteArray amount = QByteArray::number(cents / 100) + '.' + QByteArray::number(100 + cents % 100).mid(1);
        const QByteArray day = QByteArray::number(row % 28 + 1).rightJustified(2, '0');
        chunk += "DNL-" + number + ",A" + number + ",RGH" + number + ",\"TESTPATIENT, N" + number + "\",9990"
            + QByteArray::number(row % 4 + 1) + ",SYNTHETIC HEALTH PLAN,RGH,09/" + day + "/2026,09/" + day + "/2026,\"$"
            + amount + "\"," + amount + ',' + codes[row % 6] + ",N54,12/" + day + "/2026," + priorities[row % 4]
            + ",OPEN,DENIALS-HB,2026-11-30 14:02,\"Called payer, waiting\"\n";
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            chunk.clear();
        }
    }
    file.write(chunk);
}

struct ImportRun
{
    double seconds = 0;
    double peakMegabytes = 0;
};

ImportRun rcmctlImport(quint16 port, const QString &csv, const QString &home, bool preview)
{
    const QString password = home + u"/password"_s;
    QFile input(password);
    if (!input.open(QIODevice::WriteOnly) || input.write("demo\n") != 5)
        qFatal("cannot write %s", qPrintable(password));
    input.close();
    QStringList arguments {u"items"_s,
                           u"import"_s,
                           csv,
                           u"--source"_s,
                           u"worklist"_s,
                           u"--mapping"_s,
                           QStringLiteral(RCM_EXTRACTS_DIR "/denial-worklist.mapping.json"),
                           u"--server"_s,
                           u"http://127.0.0.1:%1"_s.arg(port),
                           u"--user"_s,
                           u"supervisor"_s,
                           u"--password-stdin"_s,
                           u"--cache"_s,
                           home + u"/cache.db"_s,
                           u"--batch-size"_s,
                           u"10000"_s};
    if (preview)
        arguments << u"--preview"_s;
    qputenv("HOME", home.toLocal8Bit()); // rcmctl's settings stay in the run's folder
    bench::ChildProcess rcmctl(QStringLiteral(RCMCTL), arguments, bench::ChildProcess::Output::Discard, password);
    const int exitCode = rcmctl.wait();
    if (exitCode != 0)
        qFatal("rcmctl items import%s ended with %d", preview ? " --preview" : "", exitCode);
    return {rcmctl.seconds(), rcmctl.peakMegabytes()};
}

QList<bench::BenchmarkResult> csvImport()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString csv = dir.filePath(u"worklist.csv"_s);
    writeWorklist(csv, csvRows);
    err << "  wrote " << csvRows << " rows, " << QFileInfo(csv).size() / (1024 * 1024) << " MB\n";
    // The floor's time: the store writing as many items, from its rate on 100,000.
    const synthetic::SyntheticGenerator generator({7, QDate(2026, 11, 27)});
    const double storeRate
        = double(batchItems) / storeSeconds(dir.filePath(u"floor.db"_s), generator.items(0, batchItems));
    const double floorSeconds = double(csvRows) / storeRate;

    const QString path = dir.filePath(u"gateway.db"_s);
    createGateway(path);
    bench::GatewayThread gateway(path);
    gateway.start();
    gateway.ready.acquire();
    const QByteArray home = qgetenv("HOME");
    const ImportRun preview = rcmctlImport(gateway.port(), csv, dir.path(), true);
    const ImportRun import = rcmctlImport(gateway.port(), csv, dir.path(), false);
    qputenv("HOME", home);
    gateway.quit();
    gateway.wait();
    err << "  rcmctl items import: " << import.seconds << " s, peak " << import.peakMegabytes << " MB; --preview "
        << preview.seconds << " s, peak " << preview.peakMegabytes << " MB; the store writes as many items in "
        << floorSeconds << " s\n";
    return {
        {u"ingest.csv_1m_import"_s, import.seconds, u"s"_s, floorSeconds, false},
        {u"ingest.csv_1m_peak_memory"_s, import.peakMegabytes, u"MB"_s, preview.peakMegabytes, false},
    };
}

const bench::BenchmarkRegistration
    csvRegistration(u"ingest.csv_1m"_s,
                    u"rcmctl items import of a 1,000,000-row worklist: time vs. the store writing as many items, "
                    "peak memory vs. --preview of the same file"_s,
                    csvImport);

} // namespace
