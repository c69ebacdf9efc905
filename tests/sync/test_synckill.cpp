#include "services/api/requests.h"
#include "services/store/cacheschema.h"
#include "services/store/workitemstore.h"
#include "services/sync/syncengine.h"
#include "tests/server/gatewayfixture.h"
#include "tests/testwait.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

class TestSyncKill final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aSyncKilledAtAnyMomentResumesWithoutGapOrDuplicate()
    {
        constexpr qint64 items = 20'000;
        testing::GatewayFixture gateway(items);
        QVERIFY(gateway.isReady());
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(u"cache.db"_s);
        QRandomGenerator random(20261127);
        int killed = 0;
        for (int round = 0; round < 8; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(QStringLiteral(SYNC_CHILD), {cachePath, gateway.url(QString()).toString(), u"supervisor"_s});
            QVERIFY(child.waitForStarted());
            // This process serves the gateway, so wait by running the event loop.
            const int delay = random.bounded(40, 700);
            QTest::qWait(delay);
            if (child.state() == QProcess::Running) {
                ::kill(pid_t(child.processId()), SIGKILL);
                ++killed;
            }
            QTRY_VERIFY_WITH_TIMEOUT(child.state() == QProcess::NotRunning, 30000);

            // Whatever the moment, the file is sound and holds whole pages only.
            store::Database cache;
            QVERIFY(!cache.open(cachePath, store::workbenchCacheSchema()));
            QVERIFY(!cache.checkIntegrity());
            const qint64 count = store::WorkItemStore(cache).itemCount();
            QVERIFY2(count % sync::SyncEngine::pageSize == 0 || count == items, qPrintable(QString::number(count)));
        }
        QVERIFY2(killed >= 3, "the child finished too fast to be killed; the test did not test");

        store::Database cache;
        QVERIFY(!cache.open(cachePath, store::workbenchCacheSchema()));
        api::ApiClient client(gateway.url(QString()));
        api::SignInRequest signIn(u"supervisor"_s, u"demo"_s);
        QVERIFY(!testing::execute(client, signIn));
        client.setToken(signIn.token);
        sync::SyncEngine engine(cache, client);
        const auto result = testing::run(engine);
        QCOMPARE(result.outcome, sync::SyncEngine::Result::Outcome::Completed);
        QCOMPARE(result.cachedItems, items);
        // Equal to the server, item by item.
        store::WorkItemStore store(cache);
        const auto viewer = gateway.store().authenticate(u"supervisor"_s, u"demo"_s);
        qint64 after = 0;
        qint64 compared = 0;
        for (bool more = true; more;) {
            const auto page = gateway.store().changes(*viewer, after, 2000);
            for (const auto &change : page->changes) {
                QCOMPARE(store.item(change.item.id), std::optional(change.item));
                ++compared;
            }
            after = page->lastSequence;
            more = page->hasMore;
        }
        QCOMPARE(compared, items);
    }
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "test_synckill.moc"
