// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// gateway.full_sync_1m_items: a client paging through 1,000,000 work items from the
// gateway over HTTP on loopback (server in its own thread), beside the floor: the same
// pages read from the gateway's store directly, without HTTP or JSON.
#include "server/demodata.h"
#include "server/gatewayschema.h"
#include "server/gatewayserver.h"
#include "server/gatewaystore.h"
#include "tests/bench/benchmark.h"
#include "tests/bench/gatewaythread.h"

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

} // namespace
