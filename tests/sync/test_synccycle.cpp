// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/exportregister.h"
#include "services/api/requests.h"
#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/sync/synccycle.h"
#include "tests/server/gatewayfixture.h"
#include "tests/testwait.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using sync::SyncCycle;
using sync::SyncEngine;
using testing::GatewayFixture;

namespace {

api::ApiError signIn(api::Session &session, const QString &username)
{
    api::ApiError result;
    QEventLoop loop;
    session.signIn(username, u"demo"_s, &loop, [&](const api::ApiError &error) {
        result = error;
        loop.quit();
    });
    loop.exec();
    return result;
}

SyncCycle::Summary runCycle(SyncCycle &cycle, SyncCycle::Scope scope = SyncCycle::Scope::OutboxAndChanges)
{
    QSignalSpy finished(&cycle, &SyncCycle::finished);
    cycle.start(SyncEngine::RemovalPolicy::AskAboveThreshold, scope);
    if (finished.isEmpty())
        finished.wait(60'000);
    return finished.isEmpty() ? SyncCycle::Summary() : finished.constFirst().constFirst().value<SyncCycle::Summary>();
}

/// A gateway, a cache synced from it as the demo biller, and one note waiting in the outbox.
struct World
{
    World()
    {
        ready = gateway.isReady() && !cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema())
            && !signIn(session, u"biller"_s);
        ready = ready && runCycle(cycle).sync.outcome == SyncEngine::Result::Outcome::Completed;
        QSqlQuery query(cache.connection());
        ready = ready
            && query.exec(u"SELECT id FROM work_items WHERE owner_id = 'DEMO-BILLER' AND status = 'in_progress' "
                          "ORDER BY id LIMIT 1"_s)
            && query.next();
        itemId = query.value(0).toString();
        query.finish();
        ready = ready
            && sync::Outbox(cache).enqueue(itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"called"_s}}, biller());
    }
    /// The demo biller, writing for this gateway.
    sync::OutboxAuthor biller() const { return {u"DEMO-BILLER"_s, gateway.url(QString()).toString()}; }
    void expireEverySession()
    {
        QVERIFY(!gateway.database().execute(u"UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'"_s));
    }

    QTemporaryDir dir;
    GatewayFixture gateway {300};
    store::Database cache;
    api::Session session {gateway.url(QString())};
    SyncCycle cycle {cache, session};
    QString itemId;
    bool ready = false;
};

models::ExportRecord exportOf(char digit)
{
    models::ExportRecord record;
    record.sha256 = QString(64, QChar::fromLatin1(digit));
    record.report = u"deadlines"_s;
    record.format = models::ExportFormat::Pdf;
    record.parameters = {{u"to"_s, u"2026-11-30"_s}};
    record.exportedAt = QDateTime(QDate(2026, 11, 30), QTime(7, 45), Qt::UTC);
    return record;
}

/// Who the gateway says exported the file with this hash; empty if it never registered it.
QString exporterOf(GatewayFixture &gateway, const QString &sha256)
{
    const server::ExportRegister::Answer answer = server::ExportRegister(gateway.store()).lookUp(sha256);
    return answer.problem ? QString() : answer.body.value(u"exportedBy"_s).toObject().value(u"username"_s).toString();
}

} // namespace

class TestSyncCycle final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anotherPersonsSyncSendsNothingOfTheFirstPersonsAndTheAuthorsSendsItOnce()
    {
        World world; // the biller's note waits in the outbox
        QVERIFY(world.ready);
        const qint64 versionBefore = world.gateway.store().item(world.itemId)->version;
        const qsizetype historyBefore = world.gateway.store().history(world.itemId).size();
        // The coder signs in on the same workstation (same cache, same gateway) and syncs.
        api::Session coder {world.gateway.url(QString())};
        QVERIFY(!signIn(coder, u"coder"_s));
        SyncCycle coderCycle {world.cache, coder};
        const SyncCycle::Summary theirs = runCycle(coderCycle);
        QCOMPARE(theirs.sync.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(theirs.sent.sent, 0);
        QCOMPARE(theirs.sent.failed + theirs.sent.conflicts + theirs.sent.flaggedForReview, 0);
        QCOMPARE(theirs.pendingActions, 0); // nothing of theirs waits; the biller's is not theirs to hear of
        QCOMPARE(world.gateway.store().item(world.itemId)->version, versionBefore);
        QCOMPARE(world.gateway.store().history(world.itemId).size(), historyBefore);
        const QList<sync::OutboxEntry> waiting = sync::Outbox(world.cache).entries();
        QCOMPARE(waiting.size(), 1);
        QCOMPARE(waiting.constFirst().state, sync::OutboxEntry::State::Pending);
        QCOMPARE(waiting.constFirst().attempts, 0);
        QCOMPARE(waiting.constFirst().authorId, u"DEMO-BILLER"_s);
        QVERIFY(sync::Outbox(world.cache).entries(world.biller()).size() == 1);
        QVERIFY(sync::Outbox(world.cache).entries({u"DEMO-CODER"_s, world.biller().server}).isEmpty());

        // Under the biller's own session it goes, once, as theirs.
        const SyncCycle::Summary mine = runCycle(world.cycle);
        QCOMPARE(mine.sent.sent, 1);
        QCOMPARE(mine.pendingActions, 0);
        const auto history = world.gateway.store().history(world.itemId);
        QCOMPARE(history.size(), historyBefore + 1);
        QCOMPARE(history.constLast().actorId, u"DEMO-BILLER"_s);
        QCOMPARE(runCycle(world.cycle).sent.sent, 0);
        QCOMPARE(runCycle(coderCycle).sent.sent, 0);
        QCOMPARE(world.gateway.store().history(world.itemId).size(), historyBefore + 1);
    }

    void anActionWrittenForAnotherGatewayIsNotSentToThisOne()
    {
        World world;
        QVERIFY(world.ready);
        const qsizetype historyBefore = world.gateway.store().history(world.itemId).size();
        // The same person, the same user id, but written while signed in to another gateway.
        const sync::OutboxAuthor elsewhere {u"DEMO-BILLER"_s, u"https://gateway.other.example/v1"_s};
        QVERIFY(sync::Outbox(world.cache).enqueue(world.itemId, {{u"type"_s, u"hold"_s}}, elsewhere));
        const SyncCycle::Summary summary = runCycle(world.cycle);
        QCOMPARE(summary.sent.sent, 1); // the note written for this gateway, not the hold
        QCOMPARE(summary.pendingActions, 0);
        const auto history = world.gateway.store().history(world.itemId);
        QCOMPARE(history.size(), historyBefore + 1);
        QCOMPARE(history.constLast().actionType, models::ActionType::Note);
        const QList<sync::OutboxEntry> left = sync::Outbox(world.cache).entries();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.constFirst().author(), elsewhere);
        QCOMPARE(left.constFirst().state, sync::OutboxEntry::State::Pending);
        QCOMPARE(left.constFirst().attempts, 0);
    }

    void anExpiredSessionIsRenewedWithThePasswordKeptForTheRunAndTheActionGoesOut()
    {
        World world;
        QVERIFY(world.ready);
        const qsizetype historyBefore = world.gateway.store().history(world.itemId).size();
        world.expireEverySession();
        world.session.keepPasswordForThisRun(u"demo"_s);
        const SyncCycle::Summary summary = runCycle(world.cycle);
        QCOMPARE(summary.sync.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(summary.sent.sent, 1);
        QCOMPARE(summary.pendingActions, 0);
        QVERIFY(!summary.signInRequired());
        QCOMPARE(world.gateway.store().history(world.itemId).size(), historyBefore + 1);
        QVERIFY(world.session.isSignedIn());
    }

    void anOutboxOnlyCycleRenewsTheSessionSendsTheActionAndFetchesNothing()
    {
        World world;
        QVERIFY(world.ready);
        const qsizetype historyBefore = world.gateway.store().history(world.itemId).size();
        world.expireEverySession();
        world.session.keepPasswordForThisRun(u"demo"_s);
        const SyncCycle::Summary summary = runCycle(world.cycle, SyncCycle::Scope::OutboxOnly);
        QCOMPARE(summary.sent.sent, 1);
        QVERIFY(!summary.sent.stoppedBy);
        QCOMPARE(summary.pendingActions, 0);
        QCOMPARE(summary.sync.itemsReceived, 0); // the action's new version comes with the next sync
        QCOMPARE(world.gateway.store().history(world.itemId).size(), historyBefore + 1);
    }

    void anExpiredSessionWithoutAPasswordAsksThePersonAndKeepsTheirOutbox()
    {
        World world;
        QVERIFY(world.ready);
        world.expireEverySession();
        QSignalSpy asked(&world.session, &api::Session::signInRequired);
        const SyncCycle::Summary summary = runCycle(world.cycle);
        QCOMPARE(summary.sync.outcome, SyncEngine::Result::Outcome::Failed);
        QVERIFY(summary.signInRequired());
        QCOMPARE(asked.size(), 1);
        QVERIFY(!world.session.isSignedIn()); // the expired token is dropped, and no password was kept
        QCOMPARE(summary.pendingActions, 1);
        QCOMPARE(sync::Outbox(world.cache).count(sync::OutboxEntry::State::Pending), 1);

        // Once the person signs in again, the next cycle sends what waited.
        QVERIFY(!signIn(world.session, u"biller"_s));
        const SyncCycle::Summary again = runCycle(world.cycle);
        QCOMPARE(again.sync.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(again.sent.sent, 1);
        QCOMPARE(again.pendingActions, 0);
    }

    void anExportKeptOfflineIsRegisteredAtTheNextSyncUnderItsExportersOwnSession()
    {
        World world;
        QVERIFY(world.ready);
        sync::ExportRegistrations exports(world.cache);
        QVERIFY(!exports.keep(exportOf('a'), u"biller"_s));
        QVERIFY(!exports.keep(exportOf('b'), u"coder"_s)); // someone else's: not under the biller's session
        const SyncCycle::Summary summary = runCycle(world.cycle);
        QCOMPARE(summary.sync.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(summary.exports.registered, 1);
        QCOMPARE(summary.exportsWaiting, 1);
        QVERIFY2(summary.message().contains(u"1 report export(s) registered"_s), qPrintable(summary.message()));
        QCOMPARE(exporterOf(world.gateway, QString(64, u'a')), u"biller"_s);
        QVERIFY(exporterOf(world.gateway, QString(64, u'b')).isEmpty());
        // Sent once: the next cycle has nothing to register.
        QCOMPARE(runCycle(world.cycle).exports.registered, 0);
    }

    void anExportTheGatewayRefusesIsKeptWithItsReasonAndNotSentAgain()
    {
        World world;
        QVERIFY(world.ready);
        // Finance registered these bytes first: the biller's registration is refused (409).
        api::Session finance(world.gateway.url(QString()));
        QVERIFY(!signIn(finance, u"finance"_s));
        api::RegisterExportRequest first(exportOf('c'));
        QVERIFY(!testing::execute(finance.client(), first));
        sync::ExportRegistrations exports(world.cache);
        QVERIFY(!exports.keep(exportOf('c'), u"biller"_s));
        const SyncCycle::Summary summary = runCycle(world.cycle);
        QCOMPARE(summary.sync.outcome, SyncEngine::Result::Outcome::Completed);
        QCOMPARE(summary.exports.refused, 1);
        QCOMPARE(summary.exports.registered, 0);
        QCOMPARE(summary.exportsWaiting, 0);
        QCOMPARE(exporterOf(world.gateway, QString(64, u'c')), u"finance"_s);
        QSqlQuery query(world.cache.connection());
        QVERIFY(query.exec(u"SELECT refused FROM pending_exports"_s) && query.next());
        QVERIFY2(query.value(0).toString().contains(u"someone else"_s), qPrintable(query.value(0).toString()));
        query.finish();
        QCOMPARE(runCycle(world.cycle).exports.refused, 0); // not sent again
    }

    void anExpiredSessionMetByTheExportsIsRenewedToo()
    {
        World world;
        QVERIFY(world.ready);
        sync::Outbox outbox(world.cache);
        QVERIFY(!outbox.discard(outbox.entries().constFirst().id)); // the exports meet the 401 first
        QVERIFY(!sync::ExportRegistrations(world.cache).keep(exportOf('d'), u"biller"_s));
        world.expireEverySession();
        world.session.keepPasswordForThisRun(u"demo"_s);
        const SyncCycle::Summary summary = runCycle(world.cycle, SyncCycle::Scope::OutboxOnly);
        QCOMPARE(summary.sent.sent, 0);
        QVERIFY(!summary.signInRequired());
        QCOMPARE(summary.exports.registered, 1);
        QCOMPARE(exporterOf(world.gateway, QString(64, u'd')), u"biller"_s);
    }

    void aClientOnItsOwnThreadAnswersInTheThreadThatAsked()
    {
        GatewayFixture gateway(10);
        QVERIFY(gateway.isReady());
        api::Session session(gateway.url(QString()), api::Session::ClientThread::Own);
        QVERIFY(session.client().thread() != QThread::currentThread());
        QThread *answeredIn = nullptr;
        QEventLoop loop;
        session.signIn(u"biller"_s, u"demo"_s, &loop, [&](const api::ApiError &error) {
            QVERIFY(!error);
            answeredIn = QThread::currentThread();
            loop.quit();
        });
        loop.exec();
        QCOMPARE(answeredIn, QThread::currentThread());
        QVERIFY(session.isSignedIn());
        QCOMPARE(session.user().username, u"biller"_s);
    }
};

QTEST_GUILESS_MAIN(TestSyncCycle)
#include "test_synccycle.moc"
