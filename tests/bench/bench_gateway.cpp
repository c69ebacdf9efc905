// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// gateway.full_sync_1m_items: a client paging through 1,000,000 work items from the
// gateway over HTTP on loopback (server in its own thread), beside the floor: the same
// pages read from the gateway's store directly, without HTTP or JSON.
// gateway.post_5000_claims: one 835 of 5,000 claims (125 transactions paying the demo
// items) posted over HTTP (spooled to disk, read, matched, written), beside the floor:
// the same bytes only read into remittances (RemittanceReader).
#include "server/demodata.h"
#include "server/gatewayschema.h"
#include "server/gatewayserver.h"
#include "server/gatewaystore.h"
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/remittancereader.h"
#include "services/x12/remittancewriter.h"
#include "tests/bench/benchmark.h"
#include "tests/bench/gatewaythread.h"

#include <QBuffer>
#include <QFile>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 itemCount = 1'000'000;
constexpr int pageSize = 1000;

double floorSeconds(const QString &path)
{
    store::Database database;
    if (database.open(path, server::gatewaySchema()))
        qFatal("cannot open the gateway database");
    server::GatewayStore store(database);
    store.setAuditKey(server::AuditKey::generate()); // entries are signed; nothing here verifies them
    store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // the demo sign-ins
    const auto supervisor = store.authenticate(u"supervisor"_s, u"demo"_s);
    QElapsedTimer timer;
    timer.start();
    qint64 after = 0;
    qint64 seen = 0;
    for (bool more = true; more;) {
        const auto page = store.changes(*supervisor, after, pageSize);
        seen += page->changes.size();
        after = page->lastSequence;
        more = page->hasMore;
    }
    if (seen != itemCount)
        qFatal("the floor saw %lld items", static_cast<long long>(seen));
    return double(timer.nsecsElapsed()) / 1e9;
}

double httpSeconds(quint16 port)
{
    QNetworkAccessManager network;
    auto call = [&](QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return QJsonDocument::fromJson(body).object();
    };
    const QString base = u"http://127.0.0.1:%1/v1"_s.arg(port);
    QNetworkRequest signIn(QUrl(base + u"/session"_s));
    signIn.setRawHeader("Content-Type", "application/json");
    const QString token
        = call(network.post(signIn, R"({"username":"supervisor","password":"demo"})")).value(u"token"_s).toString();
    QElapsedTimer timer;
    timer.start();
    QString cursor;
    qint64 seen = 0;
    for (bool more = true; more;) {
        QNetworkRequest request(QUrl(base + u"/work-items?limit=%1"_s.arg(pageSize)
                                     + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor)));
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        const QJsonObject page = call(network.get(request));
        seen += page.value(u"items"_s).toArray().size();
        cursor = page.value(u"nextCursor"_s).toString();
        more = page.value(u"hasMore"_s).toBool();
    }
    if (seen != itemCount)
        qFatal("the client saw %lld items", static_cast<long long>(seen));
    return double(timer.nsecsElapsed()) / 1e9;
}

QList<bench::BenchmarkResult> fullSync()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"gateway.db"_s);
    {
        QElapsedTimer timer;
        timer.start();
        store::Database database;
        if (database.open(path, server::gatewaySchema()))
            qFatal("cannot create the gateway database");
        server::GatewayStore store(database);
        store.setAuditKey(server::AuditKey::generate()); // entries are signed; nothing here verifies them
        store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // the demo sign-ins
        if (server::seedDemoData(store, itemCount, 7, 1000))
            qFatal("cannot seed the gateway database");
        err << "  seeded " << itemCount << " items in " << double(timer.elapsed()) / 1000.0 << " s\n";
    }
    const double floor = floorSeconds(path);
    err << "  store pages: " << floor << " s\n";
    bench::GatewayThread gateway(path);
    gateway.start();
    gateway.ready.acquire();
    const double http = httpSeconds(gateway.port());
    err << "  HTTP pages: " << http << " s\n";
    gateway.quit();
    gateway.wait();
    return {{u"gateway.full_sync_1m_items"_s, double(itemCount) / http, u"items/s"_s, double(itemCount) / floor, true}};
}

const bench::BenchmarkRegistration registration(u"gateway.full_sync_1m_items"_s,
                                                u"page 1,000,000 items over HTTP vs. from the store"_s, fullSync);

constexpr int postedClaims = 5000;
constexpr int postRepetitions = 3;

/// 125 transactions of 40 claims paying demo items 0 to 4,999 (seed 7, as of today),
/// and how many claim payments they carry (a few reversals come on top of the 5,000).
std::pair<QByteArray, qint64> fiveThousandClaims()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const synthetic::SyntheticRemittances generator({7, QDate::currentDate(), 40});
    x12::RemittanceWriter writer(&buffer, {});
    qint64 payments = 0;
    for (qint64 first = 0; first < postedClaims / 40; first += 25) {
        QList<x12::Remittance> batch;
        for (qint64 index = first; index < first + 25; ++index) {
            batch.append(generator.transaction(index));
            payments += batch.constLast().claims.size();
        }
        writer.writeInterchange(batch);
    }
    return {buffer.data(), payments};
}

double parseSeconds(const QByteArray &file, qint64 payments)
{
    QElapsedTimer timer;
    timer.start();
    QBuffer buffer;
    buffer.setData(file);
    buffer.open(QIODevice::ReadOnly);
    x12::RemittanceReader reader(&buffer);
    x12::Remittance remittance;
    qint64 claims = 0;
    while (reader.readNext(remittance))
        claims += remittance.claims.size();
    if (claims != payments)
        qFatal("the parse saw %lld claim payments", static_cast<long long>(claims));
    return double(timer.nsecsElapsed()) / 1e9;
}

double postSeconds(quint16 port, const QByteArray &file)
{
    QNetworkAccessManager network;
    auto call = [&](QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply;
    };
    const QString base = u"http://127.0.0.1:%1/v1"_s.arg(port);
    QNetworkRequest signIn(QUrl(base + u"/session"_s));
    signIn.setRawHeader("Content-Type", "application/json");
    const QString token
        = QJsonDocument::fromJson(call(network.post(signIn, R"({"username":"poster","password":"demo"})"))->readAll())
              .object()
              .value(u"token"_s)
              .toString();
    QNetworkRequest upload(QUrl(base + u"/remittances"_s));
    upload.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    upload.setRawHeader("Content-Type", "application/edi-x12");
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = call(network.post(upload, file));
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const QJsonObject report = QJsonDocument::fromJson(reply->readAll()).object();
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 201
        || report.value(u"postedTransactions"_s).toInt() != postedClaims / 40)
        qFatal("the gateway did not post the 5,000 claims");
    return seconds;
}

QList<bench::BenchmarkResult> postFiveThousandClaims()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString seeded = dir.filePath(u"seeded.db"_s);
    {
        store::Database database;
        if (database.open(seeded, server::gatewaySchema()))
            qFatal("cannot create the gateway database");
        server::GatewayStore store(database);
        store.setAuditKey(server::AuditKey::generate()); // entries are signed; nothing here verifies them
        store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // the demo sign-ins
        if (server::seedDemoData(store, postedClaims, 7, 1000))
            qFatal("cannot seed the gateway database");
    }
    const auto [file, payments] = fiveThousandClaims();
    err << "  " << postedClaims << " claims (" << payments << " claim payments) in "
        << double(file.size()) / (1024.0 * 1024.0) << " MB\n";
    double bestParse = 1e9;
    double bestPost = 1e9;
    for (int repetition = 0; repetition < postRepetitions; ++repetition) {
        // Each post goes to a fresh copy: posting the same file again would be a duplicate.
        const QString path = dir.filePath(u"run-%1.db"_s.arg(repetition));
        if (!QFile::copy(seeded, path))
            qFatal("cannot copy the gateway database");
        bench::GatewayThread gateway(path);
        gateway.start();
        gateway.ready.acquire();
        const double post = postSeconds(gateway.port(), file);
        gateway.quit();
        gateway.wait();
        const double parse = parseSeconds(file, payments);
        err << "  run " << repetition + 1 << ": post over HTTP " << post << " s, parse " << parse << " s\n";
        bestPost = std::min(bestPost, post);
        bestParse = std::min(bestParse, parse);
    }
    return {{u"gateway.post_5000_claims"_s, bestPost, u"s"_s, bestParse, false}};
}

const bench::BenchmarkRegistration postRegistration(u"gateway.post_5000_claims"_s,
                                                    u"post a 5,000-claim 835 over HTTP vs. parse the same bytes"_s,
                                                    postFiveThousandClaims);

} // namespace
