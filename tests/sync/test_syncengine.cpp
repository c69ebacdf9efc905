// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/requests.h"
#include "services/store/cacheschema.h"
#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "services/sync/syncengine.h"
#include "tests/server/gatewayfixture.h"
#include "tests/sync/faultproxy.h"
#include "tests/testwait.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using sync::SyncEngine;
using testing::FaultProxy;
using testing::GatewayFixture;
using Fault = FaultProxy::Fault;

namespace {

api::ApiClient::Options quickRetries()
{
    api::ApiClient::Options options;
    options.timeout = std::chrono::milliseconds(1500);
    options.maximumAttempts = 3;
    options.firstRetryDelay = std::chrono::milliseconds(20);
    options.maximumRetryDelay = std::chrono::milliseconds(100);
    return options;
}

bool signIn(api::ApiClient &client, const QString &username = u"supervisor"_s)
{
    api::SignInRequest request(username, u"demo"_s);
    if (testing::execute(client, request))
        return false;
    client.setToken(request.token);
    return true;
}

/// The cache holds exactly the items the server shows the user, each at the same version
/// and with the same content.
void verifyCacheMatchesServer(store::Database &cache, GatewayFixture &gateway, const QString &username)
{
    const auto viewer = gateway.store().authenticate(username, u"demo"_s);
    QVERIFY(viewer);
    QHash<QString, models::WorkItem> server;
    qint64 after = 0;
    for (bool more = true; more;) {
        const auto page = gateway.store().changes(*viewer, after, 2000);
        for (const auto &change : page->changes) {
            if (change.deleted)
                server.remove(change.item.id);
            else
                server.insert(change.item.id, change.item);
        }
        after = page->lastSequence;
        more = page->hasMore;
    }
    store::WorkItemStore items(cache);
    QCOMPARE(items.itemCount(), qint64(server.size()));
    for (const models::WorkItem &item : std::as_const(server))
        QCOMPARE(items.item(item.id), std::optional(item));
}

/// A cache, a client signed in as the supervisor, and an engine over them.
struct Syncing
{
    Syncing(const QString &cachePath, const QUrl &server)
        : client(server, quickRetries())
    {
        ready = !cache.open(cachePath, store::workbenchCacheSchema()) && signIn(client);
    }
    store::Database cache;
    api::ApiClient client;
    SyncEngine engine {cache, client};
    bool ready = false;
};

QByteArray cacheDigest(store::Database &cache)
{
    return store::WorkItemStore(cache).contentDigest();
}

} // namespace

class TestSyncEngine final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_cacheNumber = 0;

    QString newCachePath() { return m_dir.filePath(u"cache-%1.db"_s.arg(++m_cacheNumber)); }

private Q_SLOTS:
    void aFirstSyncFillsTheCacheAndTheNextBringsOnlyChanges()
    {
        GatewayFixture gateway(2500);
        Syncing syncing(newCachePath(), gateway.url(QString()));
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        QList<qint64> progress;
        connect(&engine, &SyncEngine::progressed, this,
                [&](const SyncEngine::Progress &p) { progress.append(p.itemsReceived); });
        const SyncEngine::Result first = testing::run(engine);
        QCOMPARE(first.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(first.itemsReceived, qint64(2500));
        QCOMPARE(progress.size(), 3); // pages of 1000
        QVERIFY(engine.lastSync().isValid());
        verifyCacheMatchesServer(cache, gateway, u"supervisor"_s);
        // The team comes along, for owner names.
        QCOMPARE(store::WorkItemStore(cache).users().size(), gateway.store().usersWithOpenWork().size());

        const auto item = gateway.store().item(u"WI-00000042"_s);
        testing::HttpClient other(gateway.url(QString()));
        QVERIFY(other.signIn(u"supervisor"_s));
        QCOMPARE(other.act(item->id, {{u"type"_s, u"escalate"_s}}, item->version, u"other-escalate-1"_s).status, 200);
        const SyncEngine::Result second = testing::run(engine);
        QCOMPARE(second.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(second.itemsReceived, qint64(1));
        verifyCacheMatchesServer(cache, gateway, u"supervisor"_s);
    }

    void removalsAboveFivePercentWaitForConfirmation()
    {
        GatewayFixture gateway(200);
        Syncing syncing(newCachePath(), gateway.url(QString()));
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        QCOMPARE(testing::run(engine).outcome, SyncEngine::Result::Outcome::Completed);
        // 5 of 200 (2.5%) go through on their own.
        for (int index = 1; index <= 5; ++index)
            QVERIFY(!gateway.store().removeItem(u"WI-%1"_s.arg(index, 8, 10, QChar(u'0'))));
        SyncEngine::Result result = testing::run(engine);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(result.removed, qint64(5));
        // 20 of 195 (over 10%) stop before removing anything.
        for (int index = 100; index < 120; ++index)
            QVERIFY(!gateway.store().removeItem(u"WI-%1"_s.arg(index, 8, 10, QChar(u'0'))));
        const QByteArray before = cacheDigest(cache);
        result = testing::run(engine);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::NeedsConfirmation);
        QCOMPARE(result.pendingRemovals, qint64(20));
        QVERIFY(result.message().contains(u"Nothing was removed"_s));
        QCOMPARE(cacheDigest(cache), before);
        // Confirmed, they go; the cache then equals the server.
        result = testing::run(engine, SyncEngine::RemovalPolicy::Confirmed);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(result.removed, qint64(20));
        verifyCacheMatchesServer(cache, gateway, u"supervisor"_s);
    }

    void anEmptyListingIsNotTakenAsEverythingDeleted()
    {
        GatewayFixture gateway(100);
        Syncing syncing(newCachePath(), gateway.url(QString()));
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        QCOMPARE(testing::run(engine).outcome, SyncEngine::Result::Outcome::Completed);
        // The server has lost its data (or points at an empty database): a full resync
        // sees nothing, and the sweep would remove everything.
        QVERIFY(!gateway.database().execute(u"UPDATE work_items SET deleted = 1"_s));
        QVERIFY(!gateway.store().purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(60)));
        const QByteArray before = cacheDigest(cache);
        const SyncEngine::Result result = testing::run(engine);
        QVERIFY(result.resynced);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::NeedsConfirmation);
        QCOMPARE(result.pendingRemovals, qint64(100));
        QCOMPARE(cacheDigest(cache), before);
    }

    void resyncRequiredKeepsUnsentActions()
    {
        GatewayFixture gateway(300);
        Syncing syncing(newCachePath(), gateway.url(QString()));
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        QCOMPARE(testing::run(engine).outcome, SyncEngine::Result::Outcome::Completed);
        sync::Outbox outbox(cache);
        QVERIFY(outbox.enqueue(u"WI-00000007"_s, {{u"type"_s, u"note"_s}, {u"text"_s, u"keep me"_s}},
                               {u"DEMO-SUPERVISOR"_s, u"http://127.0.0.1:1/v1"_s}));
        QVERIFY(!gateway.store().removeItem(u"WI-00000300"_s));
        QVERIFY(!gateway.store().purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(60)));
        const SyncEngine::Result result = testing::run(engine);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Completed);
        QVERIFY(result.resynced);
        QCOMPARE(result.removed, qint64(1));
        QCOMPARE(outbox.count(sync::OutboxEntry::State::Pending), qint64(1));
        verifyCacheMatchesServer(cache, gateway, u"supervisor"_s);
    }

    void aGatewayRestoredFromABackupIsResyncedKeepingUnsentActions()
    {
        const QString cachePath = newCachePath();
        {
            GatewayFixture original(300);
            Syncing syncing(cachePath, original.url(QString()));
            QVERIFY(syncing.ready);
            auto &[cache, client, engine, ready] = syncing;
            QCOMPARE(testing::run(engine).outcome, SyncEngine::Result::Outcome::Completed);
            // After the backup is taken, work goes on and the cache sees it.
            testing::HttpClient other(original.url(QString()));
            QVERIFY(other.signIn(u"supervisor"_s));
            for (const QString &id : {u"WI-00000010"_s, u"WI-00000011"_s, u"WI-00000012"_s}) {
                const auto item = original.store().item(id);
                QCOMPARE(other.act(id, {{u"type"_s, u"escalate"_s}}, item->version, u"lost-in-restore-"_s + id).status,
                         200);
            }
            const SyncEngine::Result seen = testing::run(engine);
            QCOMPARE(seen.outcome, SyncEngine::Result::Outcome::Completed);
            QCOMPARE(seen.itemsReceived, qint64(3));
            sync::Outbox outbox(cache);
            QVERIFY(outbox.enqueue(u"WI-00000007"_s, {{u"type"_s, u"note"_s}, {u"text"_s, u"keep me"_s}},
                                   {u"DEMO-SUPERVISOR"_s, u"http://127.0.0.1:1/v1"_s}));
        }
        // The gateway is restored from that backup (the three escalations are gone) and work
        // goes on there: its next change is numbered below the cache's cursor.
        GatewayFixture restored(300);
        testing::HttpClient other(restored.url(QString()));
        QVERIFY(other.signIn(u"supervisor"_s));
        const auto item = restored.store().item(u"WI-00000020"_s);
        QCOMPARE(other.act(item->id, {{u"type"_s, u"escalate"_s}}, item->version, u"after-restore-1"_s).status, 200);

        Syncing syncing(cachePath, restored.url(QString()));
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        const SyncEngine::Result result = testing::run(engine);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Completed);
        QVERIFY(result.resynced);
        QCOMPARE(result.removed, qint64(0));
        sync::Outbox outbox(cache);
        QCOMPARE(outbox.count(sync::OutboxEntry::State::Pending), qint64(1));
        QCOMPARE(outbox.entries().constFirst().workItemId, u"WI-00000007"_s);
        verifyCacheMatchesServer(cache, restored, u"supervisor"_s);
        QCOMPARE(store::WorkItemStore(cache).item(u"WI-00000010"_s)->version,
                 restored.store().item(u"WI-00000010"_s)->version);
    }

    void faultsLeaveTheCacheConsistent_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("faultyRequests"); ///< how many list requests in a row misbehave
        QTest::addColumn<bool>("completes");
        QTest::newRow("one 500") << int(Fault::ServerError) << 1 << true;
        QTest::newRow("503 with Retry-After") << int(Fault::Unavailable) << 1 << true;
        QTest::newRow("reply cut mid-body") << int(Fault::CutMidBody) << 1 << true;
        QTest::newRow("no answer") << int(Fault::NoAnswer) << 1 << true;
        QTest::newRow("a page delivered twice") << int(Fault::ReplayPrevious) << 1 << true;
        QTest::newRow("500s beyond the retries") << int(Fault::ServerError) << 3 << false;
        QTest::newRow("cut off beyond the retries") << int(Fault::CutMidBody) << 3 << false;
        QTest::newRow("HTML 404 from a proxy") << int(Fault::HtmlNotFound) << 1 << false;
    }

    void faultsLeaveTheCacheConsistent()
    {
        QFETCH(int, fault);
        QFETCH(int, faultyRequests);
        QFETCH(bool, completes);
        GatewayFixture gateway(2300);
        FaultProxy proxy(gateway.url(QString()));
        // Page requests: 0 the first page, 1 the second, ... The second page misbehaves (the
        // team's request goes beside the pages, in no fixed place among them).
        proxy.setPlan([&, pageRequests = 0](const QByteArray &, const QByteArray &target, int) mutable {
            if (!target.startsWith("/v1/work-items"))
                return Fault::Pass;
            const int index = pageRequests++;
            return index >= 1 && index < 1 + faultyRequests ? Fault(fault) : Fault::Pass;
        });
        Syncing syncing(newCachePath(), proxy.url());
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        const SyncEngine::Result result = testing::run(engine);
        if (completes) {
            QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Completed);
            verifyCacheMatchesServer(cache, gateway, u"supervisor"_s);
            return;
        }
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Failed);
        QVERIFY(!result.message().isEmpty());
        // The first page stays, with its cursor; the next run resumes from it.
        QCOMPARE(store::WorkItemStore(cache).itemCount(), qint64(1000));
        const QString cursor = engine.cursor();
        QVERIFY(!cursor.isEmpty());
        proxy.setPlan({});
        const SyncEngine::Result resumed = testing::run(engine);
        QCOMPARE(resumed.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(resumed.itemsReceived, qint64(1300));
        verifyCacheMatchesServer(cache, gateway, u"supervisor"_s);
    }

    void aTransactionSqliteUndidLeavesNoGap()
    {
        GatewayFixture gateway(3500); // four pages
        Syncing syncing(newCachePath(), gateway.url(QString()));
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        // As SQLite does on its own after SQLITE_FULL or an I/O error: the whole open
        // transaction rolled back, with any page that shared it and their cursor.
        bool undone = false;
        engine.setPageObserver([&](qint64 page, SyncEngine::PageStage stage) {
            if (page == 2 && stage == SyncEngine::PageStage::Written && !undone)
                undone = !cache.execute(u"ROLLBACK"_s);
        });
        const SyncEngine::Result result = testing::run(engine);
        QVERIFY(undone);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Failed);
        QVERIFY2(result.message().contains(u"fetched again"_s), qPrintable(result.message()));
        QCOMPARE(store::WorkItemStore(cache).itemCount() % 1000, qint64(0));
        // The next run fetches what was undone: no page is missing.
        const SyncEngine::Result resumed = testing::run(engine);
        QCOMPARE(resumed.outcome, SyncEngine::Result::Outcome::Completed);
        verifyCacheMatchesServer(cache, gateway, u"supervisor"_s);
    }

    void anHtmlErrorPageSaysSoAndChangesNothing()
    {
        GatewayFixture gateway(50);
        FaultProxy proxy(gateway.url(QString()));
        Syncing syncing(newCachePath(), proxy.url());
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        proxy.setPlan([](const QByteArray &, const QByteArray &, int) { return Fault::HtmlNotFound; });
        const SyncEngine::Result result = testing::run(engine);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Failed);
        QCOMPARE(result.apiError.kind, api::ApiError::Kind::BadReply);
        QVERIFY2(result.message().contains(u"text/html"_s), qPrintable(result.message()));
        QCOMPARE(store::WorkItemStore(cache).itemCount(), qint64(0));
    }

    void anExpiredSessionIsRenewedOnceForPagesAndTeam_data()
    {
        QTest::addColumn<int>("expireAfterPages");
        // The first page meets the expired session; the team, asked for later, does not.
        QTest::newRow("expired before the sync") << 0;
        // The second page and the team, asked for together, both meet it.
        QTest::newRow("expired after the first page") << 1;
    }

    void anExpiredSessionIsRenewedOnceForPagesAndTeam()
    {
        QFETCH(int, expireAfterPages);
        GatewayFixture gateway(2100);
        Syncing syncing(newCachePath(), gateway.url(QString()));
        QVERIFY(syncing.ready);
        auto &[cache, client, engine, ready] = syncing;
        const auto expireSessions = [&gateway]() {
            return !gateway.database().execute(u"UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'"_s);
        };
        if (expireAfterPages == 0)
            QVERIFY(expireSessions());
        int pages = 0;
        connect(&engine, &SyncEngine::progressed, this, [&](const SyncEngine::Progress &) {
            if (++pages == expireAfterPages)
                QVERIFY(expireSessions());
        });
        int signIns = 0;
        engine.setSignInRenewal([&](const std::function<void(bool)> &done) {
            ++signIns;
            done(signIn(client));
        });
        const SyncEngine::Result result = testing::run(engine);
        QCOMPARE(result.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(signIns, 1);
        verifyCacheMatchesServer(cache, gateway, u"supervisor"_s);
        QVERIFY(!store::WorkItemStore(cache).users().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "test_syncengine.moc"
