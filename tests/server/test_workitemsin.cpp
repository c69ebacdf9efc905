// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Work items from upstream systems through a real gateway on loopback
// (docs/work-items-in.md): created and updated by the source's own ids, one at a time and
// in batches, replayed without effect, bad rows refused beside good ones, and the
// workflow a biller set (owner, status) surviving every update the source sends, also
// when the update lands between the biller's sync and their queued action.
#include "server/useradministration.h"
#include "services/api/apiclient.h"
#include "services/api/requests.h"
#include "services/store/cacheschema.h"
#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "services/sync/syncengine.h"
#include "tests/server/gatewayfixture.h"
#include "tests/testwait.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr auto feedPassword = "amber-kestrel-lighthouse-42";

QJsonObject denial(const QString &externalId, const QString &balance = u"1250.00"_s)
{
    return QJsonObject {{u"externalId"_s, externalId},
                        {u"queue"_s, u"denial"_s},
                        {u"claimNumber"_s, QString(u"C-"_s + externalId)},
                        {u"accountNumber"_s, QString(u"A-"_s + externalId)},
                        {u"patientDisplayName"_s, u"TESTPATIENT, ALPHA"_s},
                        {u"payerId"_s, u"BSH"_s},
                        {u"serviceFrom"_s, u"2026-10-01"_s},
                        {u"serviceTo"_s, u"2026-10-01"_s},
                        {u"billed"_s, u"1800.00"_s},
                        {u"balance"_s, balance},
                        {u"groupCode"_s, u"CO"_s},
                        {u"carc"_s, u"197"_s},
                        {u"rarcs"_s, QJsonArray {u"N54"_s}},
                        {u"appealDeadline"_s, u"2027-02-01"_s}};
}

QJsonObject without(QJsonObject object, const QString &key)
{
    object.remove(key);
    return object;
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

QJsonObject batchOf(const QJsonArray &items)
{
    return QJsonObject {{u"items"_s, items}};
}

/// The demo biller's workbench: a cache of its own, synced from the gateway.
struct BillersWorkbench
{
    BillersWorkbench(testing::GatewayFixture &gateway, const QString &token, const QString &cachePath)
        : client(gateway.url(QString()))
    {
        opened = !cache.open(cachePath, store::workbenchCacheSchema());
        client.setToken(token);
        engine = std::make_unique<sync::SyncEngine>(cache, client);
    }

    bool sync() { return opened && testing::run(*engine).outcome == sync::SyncEngine::Result::Outcome::Completed; }

    store::Database cache;
    api::ApiClient client;
    std::unique_ptr<sync::SyncEngine> engine; ///< destroyed before the cache closes
    bool opened = false;
};

} // namespace

class WorkItemsInTest final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    std::unique_ptr<testing::HttpClient> m_feed;
    std::unique_ptr<testing::HttpClient> m_biller;

    testing::HttpReply put(const QString &source, const QJsonObject &item)
    {
        return m_feed->putJson(u"/sources/%1/work-items/%2"_s.arg(source, item.value(u"externalId"_s).toString()),
                               item);
    }

    testing::HttpReply batch(const QString &source, const QJsonArray &items)
    {
        return m_feed->postJson(u"/sources/%1/work-items:batch"_s.arg(source), batchOf(items));
    }

    QJsonObject item(const QString &id) { return m_biller->get(u"/work-items/"_s + id).json(); }

    QStringList historyTypes(const QString &id)
    {
        QStringList types;
        for (const QJsonValue &entry :
             m_biller->get(u"/work-items/%1/history"_s.arg(id)).json().value(u"history"_s).toArray())
            types << entry[u"type"_s].toString();
        return types;
    }

    QString lastHistoryText(const QString &id)
    {
        const QJsonArray entries
            = m_biller->get(u"/work-items/%1/history"_s.arg(id)).json().value(u"history"_s).toArray();
        return entries.isEmpty() ? QString() : entries.last()[u"details"_s][u"text"_s].toString();
    }

private Q_SLOTS:
    void init()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(20);
        QVERIFY(m_gateway->isReady());
        server::UserAdministration administration(m_gateway->store(), u"test"_s, {}, 1000);
        const auto added = administration.addUser(u"denialfeed"_s, u"Nightly denial feed"_s, models::Role::Integration,
                                                  QString::fromLatin1(feedPassword));
        QVERIFY(added.value);
        m_feed = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_feed->signIn(u"denialfeed"_s, QString::fromLatin1(feedPassword)));
        m_biller = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_biller->signIn(u"biller"_s));
    }

    void cleanup()
    {
        m_feed.reset();
        m_biller.reset();
        m_gateway.reset();
    }

    void anItemIsCreatedOnceAndTheSameItemSentAgainChangesNothing()
    {
        const testing::HttpReply created = put(u"epic"_s, denial(u"D-100"_s));
        QVERIFY2(created.status == 201, created.body.constData());
        QCOMPARE(created.json().value(u"outcome"_s).toString(), u"created"_s);
        const QString id = created.json().value(u"workItemId"_s).toString();
        QVERIFY(id.startsWith(u"SRC-"_s));

        const QJsonObject stored = item(id);
        QCOMPARE(stored.value(u"status"_s).toString(), u"new"_s);
        QCOMPARE(stored.value(u"balance"_s).toString(), u"1250.00"_s);
        QCOMPARE(stored.value(u"payerName"_s).toString(), u"Bluestone Health Plan"_s); // from the payer list
        QCOMPARE(stored.value(u"denialCategory"_s).toString(), u"authorization"_s); // CARC 197
        QCOMPARE(stored.value(u"dueDate"_s).toString(), u"2027-01-25"_s); // a week before the appeal deadline
        QCOMPARE(historyTypes(id), QStringList {u"source_created"_s});

        const testing::HttpReply again = put(u"epic"_s, denial(u"D-100"_s));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"outcome"_s).toString(), u"unchanged"_s);
        QCOMPARE(again.json().value(u"workItemId"_s).toString(), id);
        QCOMPARE(item(id).value(u"version"_s).toInteger(), 1);
        QCOMPARE(historyTypes(id).size(), 1);

        // The same external id from another source is another item.
        const testing::HttpReply other = put(u"clearinghouse"_s, denial(u"D-100"_s));
        QCOMPARE(other.status, 201);
        QVERIFY(other.json().value(u"workItemId"_s).toString() != id);
    }

    void aBatchAnswersEveryRowAndTakesTheGoodOnesBesideTheBad()
    {
        const QJsonArray items {
            denial(u"B-1"_s),
            with(denial(u"B-2"_s), u"billed"_s, u"12,34x"_s),
            without(denial(u"B-3"_s), u"queue"_s),
            QJsonValue(u"not an object"_s),
            with(denial(u"B-5"_s), u"ownerId"_s, u"DEMO-BILLER"_s),
            denial(u"B-6"_s),
            with(denial(u"B-7"_s), u"status"_s, u"closed"_s),
        };
        const testing::HttpReply first = batch(u"epic"_s, items);
        QVERIFY2(first.status == 200, first.body.constData());
        const QJsonArray results = first.json().value(u"results"_s).toArray();
        QCOMPARE(results.size(), items.size());
        const QStringList expected {u"created"_s, u"refused"_s, u"refused"_s,  u"refused"_s,
                                    u"refused"_s, u"created"_s, u"unchanged"_s};
        for (qsizetype i = 0; i < results.size(); ++i) {
            QCOMPARE(results.at(i)[u"index"_s].toInteger(), i);
            QCOMPARE(results.at(i)[u"outcome"_s].toString(), expected.at(i));
        }
        QVERIFY(results.at(1)[u"reason"_s].toString().startsWith(u"billed must be a decimal amount"_s));
        QCOMPARE(results.at(2)[u"reason"_s].toString(), u"a new item needs queue"_s);
        QCOMPARE(results.at(3)[u"reason"_s].toString(), u"each item must be a JSON object"_s);
        QVERIFY(results.at(4)[u"reason"_s].toString().startsWith(u"ownerId is not a field a source sends"_s));
        QCOMPARE(first.json()[u"counts"_s][u"created"_s].toInt(), 2);
        QCOMPARE(first.json()[u"counts"_s][u"refused"_s].toInt(), 4);

        // Replayed as is: nothing changes, the refused stay refused for the same reasons.
        const testing::HttpReply replay = batch(u"epic"_s, items);
        QCOMPARE(replay.status, 200);
        QCOMPARE(replay.json()[u"counts"_s][u"created"_s].toInt(), 0);
        QCOMPARE(replay.json()[u"counts"_s][u"unchanged"_s].toInt(), 3);
        QCOMPARE(replay.json()[u"counts"_s][u"refused"_s].toInt(), 4);
        QSqlQuery count(m_gateway->database().connection());
        QVERIFY(count.exec(u"SELECT count(*) FROM work_item_sources WHERE source = 'epic'"_s) && count.next());
        QCOMPARE(count.value(0).toInt(), 2);
        count.finish();
        // The audit chain's record of the first batch counts every row, the unreadable ones too.
        QVERIFY(count.exec(u"SELECT details_json FROM audit_log WHERE action_type = 'source_batch_received' "
                           "ORDER BY sequence LIMIT 1"_s)
                && count.next());
        const QJsonObject recorded = QJsonDocument::fromJson(count.value(0).toByteArray()).object();
        QCOMPARE(recorded.value(u"items"_s).toInt(), 7);
        QCOMPARE(recorded.value(u"refused"_s).toInt(), 4);
    }

    void aMalformedOrOversizedBatchIsRefusedWhole()
    {
        const testing::HttpReply malformed = m_feed->post(u"/sources/epic/work-items:batch"_s, "{\"items\": [",
                                                          {{"content-type", "application/json"}});
        QCOMPARE(malformed.status, 400);
        QVERIFY(malformed.json().value(u"detail"_s).toString().contains(u"nothing was taken"_s));
        const testing::HttpReply notABatch = m_feed->postJson(u"/sources/epic/work-items:batch"_s, denial(u"X"_s));
        QCOMPARE(notABatch.status, 400);

        QJsonArray tooMany;
        for (int i = 0; i < 10'001; ++i)
            tooMany.append(QJsonObject {{u"externalId"_s, u"T-%1"_s.arg(i)}});
        const testing::HttpReply refused = batch(u"epic"_s, tooMany);
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.json().value(u"type"_s).toString().section(u'/', -1), u"batch-too-large"_s);
    }

    void aFullBatchOfTenThousandIsTakenThroughTheSpooledUpload()
    {
        QJsonArray items;
        for (int i = 0; i < 10'000; ++i)
            items.append(denial(u"N-%1"_s.arg(i, 5, 10, QLatin1Char('0')), u"%1.00"_s.arg(100 + i)));
        const testing::HttpReply taken = batch(u"nightly"_s, items);
        QVERIFY2(taken.status == 200, taken.body.left(400).constData());
        QCOMPARE(taken.json()[u"counts"_s][u"created"_s].toInt(), 10'000);
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT count(*), sum(w.balance_cents) FROM work_item_sources s JOIN work_items w "
                           "ON w.id = s.work_item_id WHERE s.source = 'nightly'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 10'000);
        QCOMPARE(query.value(1).toLongLong(), (100LL * 10'000 + 9'999LL * 10'000 / 2) * 100);
        query.finish();

        // The open ones page by external id, for an extract run that closes what its file lost.
        const testing::HttpReply page = m_feed->get(u"/sources/nightly/work-items?limit=3&after=N-00100"_s);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json().value(u"externalIds"_s).toArray(),
                 (QJsonArray {u"N-00101"_s, u"N-00102"_s, u"N-00103"_s}));
        QCOMPARE(page.json().value(u"after"_s).toString(), u"N-00103"_s);
    }

    void theSourceNeverUndoesTheOwnerOrStatusABillerSet()
    {
        const QString id = put(u"epic"_s, denial(u"W-1"_s)).json().value(u"workItemId"_s).toString();

        // The biller's workbench syncs the item in and takes it.
        BillersWorkbench workbench(*m_gateway, m_biller->token(), m_dir.filePath(u"biller-w.db"_s));
        QVERIFY(workbench.sync());
        const std::optional<models::WorkItem> synced = store::WorkItemStore(workbench.cache).item(id);
        QVERIFY(synced);
        QCOMPARE(synced->claimNumber, u"C-W-1"_s);
        QCOMPARE(m_biller->act(id, {{u"type"_s, u"take"_s}}, synced->version, u"take-W-1"_s).status, 200);

        // The source's next update changes what it owns and nothing of the workflow.
        const testing::HttpReply updated = put(
            u"epic"_s, with(with(denial(u"W-1"_s, u"900.00"_s), u"priority"_s, u"urgent"_s), u"status"_s, u"open"_s));
        QCOMPARE(updated.json().value(u"outcome"_s).toString(), u"updated"_s);
        QCOMPARE(updated.json().value(u"changed"_s).toArray(), (QJsonArray {u"balance"_s, u"priority"_s}));
        QVERIFY(workbench.sync());
        const models::WorkItem after = *store::WorkItemStore(workbench.cache).item(id);
        QCOMPARE(after.ownerId, u"DEMO-BILLER"_s);
        QCOMPARE(after.status, models::WorkItemStatus::InProgress);
        QCOMPARE(after.balance.toString(), u"900.00"_s);
        QCOMPARE(after.priority, models::Priority::Urgent);
        QCOMPARE(lastHistoryText(id), u"epic updated balance, priority."_s);

        // The source closes it while the biller works it: it stays theirs, and says so.
        const testing::HttpReply closed
            = put(u"epic"_s,
                  with(with(denial(u"W-1"_s, u"900.00"_s), u"status"_s, u"closed"_s), u"closeReason"_s, u"paid"_s));
        QCOMPARE(closed.json().value(u"outcome"_s).toString(), u"updated"_s);
        const QJsonObject stillWorked = item(id);
        QCOMPARE(stillWorked.value(u"status"_s).toString(), u"in_progress"_s);
        QCOMPARE(stillWorked.value(u"ownerId"_s).toString(), u"DEMO-BILLER"_s);
        QVERIFY(historyTypes(id).endsWith(u"source_closed"_s));
        QVERIFY2(lastHistoryText(id).contains(u"(paid) while it was being worked"_s), qPrintable(lastHistoryText(id)));
    }

    void aSourceUpdateLandingBeforeABillersQueuedActionDoesNotTurnItIntoAConflict()
    {
        const QString id = put(u"epic"_s, denial(u"R-1"_s)).json().value(u"workItemId"_s).toString();
        BillersWorkbench workbench(*m_gateway, m_biller->token(), m_dir.filePath(u"biller-r.db"_s));
        QVERIFY(workbench.sync());

        // Offline, the biller takes the item and notes it (queued against version 1)...
        sync::Outbox outbox(workbench.cache);
        const sync::OutboxAuthor biller {u"DEMO-BILLER"_s, m_gateway->url(QString()).toString()};
        QVERIFY(outbox.enqueue(id, {{u"type"_s, u"take"_s}}, biller));
        QVERIFY(outbox.enqueue(id, {{u"type"_s, u"note"_s}, {u"text"_s, u"calling the payer"_s}}, biller));
        // ...while the source sends a new balance (version 2).
        QCOMPARE(put(u"epic"_s, denial(u"R-1"_s, u"400.00"_s)).json().value(u"outcome"_s).toString(), u"updated"_s);

        const sync::Outbox::SendResult sent = testing::send(outbox, workbench.client, biller);
        QCOMPARE(sent.sent, 2);
        QCOMPARE(sent.conflicts, 0);
        const QJsonObject now = item(id);
        QCOMPARE(now.value(u"ownerId"_s).toString(), u"DEMO-BILLER"_s);
        QCOMPARE(now.value(u"status"_s).toString(), u"in_progress"_s);
        QCOMPARE(now.value(u"balance"_s).toString(), u"400.00"_s);
        QCOMPARE(now.value(u"version"_s).toInteger(), 4);

        // A close from the source is not waved through: the biller must see it first.
        QVERIFY(outbox.enqueue(id, {{u"type"_s, u"hold"_s}}, biller));
        put(u"epic"_s, with(denial(u"R-1"_s, u"400.00"_s), u"status"_s, u"closed"_s));
        QCOMPARE(testing::send(outbox, workbench.client, biller).conflicts, 1);
        QCOMPARE(item(id).value(u"status"_s).toString(), u"in_progress"_s);
    }

    void aCloseResolvesAnItemNobodyTookAndAReopenOpensItAgain()
    {
        const QString id = put(u"epic"_s, denial(u"C-1"_s)).json().value(u"workItemId"_s).toString();
        put(u"epic"_s, with(denial(u"C-1"_s), u"status"_s, u"closed"_s));
        QCOMPARE(item(id).value(u"status"_s).toString(), u"resolved"_s);
        QVERIFY(lastHistoryText(id).contains(u"nobody had taken it"_s));
        put(u"epic"_s, denial(u"C-2"_s));
        const testing::HttpReply open = m_feed->get(u"/sources/epic/work-items"_s);
        QCOMPARE(open.json().value(u"externalIds"_s).toArray(), QJsonArray {u"C-2"_s});

        put(u"epic"_s, denial(u"C-1"_s)); // no status: it stays as the source last said
        QCOMPARE(item(id).value(u"status"_s).toString(), u"resolved"_s);
        put(u"epic"_s, with(denial(u"C-1"_s), u"status"_s, u"open"_s));
        QCOMPARE(item(id).value(u"status"_s).toString(), u"new"_s);
        QCOMPARE(historyTypes(id), (QStringList {u"source_created"_s, u"source_closed"_s, u"source_reopened"_s}));
    }

    void aReopenAtTheSourceNeverUndoesAResolutionAPersonMadeSinceItsClose()
    {
        const QString id = put(u"epic"_s, denial(u"P-1"_s)).json().value(u"workItemId"_s).toString();
        put(u"epic"_s, with(denial(u"P-1"_s), u"status"_s, u"closed"_s)); // resolved: nobody had taken it
        testing::HttpClient supervisor(m_gateway->url(QString()));
        QVERIFY(supervisor.signIn(u"supervisor"_s));
        const qint64 closedVersion = item(id).value(u"version"_s).toInteger();
        QCOMPARE(supervisor.act(id, {{u"type"_s, u"reopen"_s}}, closedVersion, u"reopen-P-1"_s).status, 200);
        const testing::HttpReply resolved
            = supervisor.act(id, {{u"type"_s, u"resolve"_s}, {u"resolution"_s, u"no_action_needed"_s}},
                             closedVersion + 1, u"resolve-P-1"_s);
        QVERIFY2(resolved.status == 200, resolved.body.constData());

        put(u"epic"_s, with(denial(u"P-1"_s), u"status"_s, u"open"_s));
        QCOMPARE(item(id).value(u"status"_s).toString(), u"resolved"_s);
        QVERIFY2(lastHistoryText(id).contains(u"its status stays as it was set here"_s),
                 qPrintable(lastHistoryText(id)));
    }

    void whatASourceMayNotDoIsRefusedWithTheReason_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("an owner") << u"Q-1"_s << with(denial(u"Q-1"_s), u"ownerId"_s, u"DEMO-BILLER"_s) << 422
                                  << u"ownerId is not a field a source sends"_s;
        QTest::newRow("another id in the body") << u"Q-2"_s << denial(u"Q-9"_s) << 422 << u"differs from the one"_s;
        QTest::newRow("a bad date") << u"Q-3"_s << with(denial(u"Q-3"_s), u"serviceFrom"_s, u"10/01/2026"_s) << 422
                                    << u"serviceFrom must be a date like 2026-11-27"_s;
        QTest::newRow("an unknown queue") << u"Q-4"_s << with(denial(u"Q-4"_s), u"queue"_s, u"billing"_s) << 422
                                          << u"queue must be one of denial, authorization"_s;
        QTest::newRow("an unknown status") << u"Q-5"_s << with(denial(u"Q-5"_s), u"status"_s, u"worked"_s) << 422
                                           << u"status must be \"open\" or \"closed\""_s;
        QTest::newRow("a due date cleared")
            << u"Q-7"_s << with(denial(u"Q-7"_s), u"dueDate"_s, QJsonValue()) << 422 << u"dueDate cannot be cleared"_s;
        QTest::newRow("no claim number") << u"Q-6"_s << without(denial(u"Q-6"_s), u"claimNumber"_s) << 422
                                         << u"a new item needs claimNumber"_s;
    }

    void whatASourceMayNotDoIsRefusedWithTheReason()
    {
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, detail);
        const testing::HttpReply reply = m_feed->putJson(u"/sources/epic/work-items/"_s + path, body);
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.json().value(u"detail"_s).toString().contains(detail), reply.body.constData());
        QSqlQuery count(m_gateway->database().connection());
        QVERIFY(count.exec(u"SELECT count(*) FROM work_item_sources"_s) && count.next());
        QCOMPARE(count.value(0).toInt(), 0);
    }

    void aPutThatIsNotAJsonObjectIsRefusedAndTakesNothing()
    {
        const QString path = u"/sources/epic/work-items/J-1"_s;
        const testing::HttpReply malformed = testing::HttpClient::wait(m_feed->network().put(
            m_feed->request(path, {{"Content-Type", "application/json"}}), QByteArray("{\"queue\": ")));
        QCOMPARE(malformed.status, 400);
        const testing::HttpReply notJson = testing::HttpClient::wait(
            m_feed->network().put(m_feed->request(path, {{"Content-Type", "text/csv"}}), QByteArray("J-1,denial")));
        QCOMPARE(notJson.status, 415);
        QSqlQuery count(m_gateway->database().connection());
        QVERIFY(count.exec(u"SELECT count(*) FROM work_item_sources"_s) && count.next());
        QCOMPARE(count.value(0).toInt(), 0);
    }

    void anItemCannotMoveQueueAndOnlyTheFeedOrASupervisorSendsItems()
    {
        QCOMPARE(put(u"epic"_s, denial(u"M-1"_s)).status, 201);
        const testing::HttpReply moved = put(u"epic"_s, with(denial(u"M-1"_s), u"queue"_s, u"authorization"_s));
        QCOMPARE(moved.status, 422);
        QVERIFY(moved.json().value(u"detail"_s).toString().contains(u"cannot move to authorization"_s));

        const testing::HttpReply byBiller = m_biller->putJson(u"/sources/epic/work-items/M-2"_s, denial(u"M-2"_s));
        QCOMPARE(byBiller.status, 403);
        testing::HttpClient anonymous(m_gateway->url(QString()));
        QCOMPARE(anonymous.putJson(u"/sources/epic/work-items/M-3"_s, denial(u"M-3"_s)).status, 401);
        testing::HttpClient supervisor(m_gateway->url(QString()));
        QVERIFY(supervisor.signIn(u"supervisor"_s));
        QCOMPARE(supervisor.putJson(u"/sources/epic/work-items/M-4"_s, denial(u"M-4"_s)).status, 201);
        // The feed still reads no work items.
        QCOMPARE(m_feed->get(u"/work-items"_s).status, 403);
    }
};

QTEST_GUILESS_MAIN(WorkItemsInTest)
#include "test_workitemsin.moc"
