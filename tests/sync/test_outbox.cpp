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

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using sync::Outbox;
using sync::OutboxEntry;
using testing::FaultProxy;
using testing::GatewayFixture;
using Fault = FaultProxy::Fault;

namespace {

api::ApiClient::Options quickRetries(int attempts = 3)
{
    api::ApiClient::Options options;
    options.timeout = std::chrono::milliseconds(1500);
    options.maximumAttempts = attempts;
    options.firstRetryDelay = std::chrono::milliseconds(20);
    options.maximumRetryDelay = std::chrono::milliseconds(100);
    return options;
}

bool signIn(api::ApiClient &client, const QString &username)
{
    api::SignInRequest request(username, u"demo"_s);
    if (testing::execute(client, request))
        return false;
    client.setToken(request.token);
    return true;
}

int historyLength(GatewayFixture &gateway, const QString &itemId)
{
    return int(gateway.store().history(itemId).size());
}

} // namespace

class TestOutbox final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_cacheNumber = 0;
    std::unique_ptr<GatewayFixture> m_gateway;
    std::unique_ptr<store::Database> m_cache;
    QString m_cachePath;
    QString m_itemId; ///< an in-progress denial the demo biller owns

    /// A fresh gateway and a cache synced from it as the demo biller.
    void setUpFreshWorld()
    {
        m_cache.reset();
        m_gateway = std::make_unique<GatewayFixture>(300);
        QVERIFY(m_gateway->isReady());
        m_cachePath = m_dir.filePath(u"cache-%1.db"_s.arg(++m_cacheNumber));
        m_cache = std::make_unique<store::Database>();
        QVERIFY(!m_cache->open(m_cachePath, store::workbenchCacheSchema()));
        api::ApiClient client(m_gateway->url(QString()), quickRetries());
        QVERIFY(signIn(client, u"biller"_s));
        sync::SyncEngine engine(*m_cache, client);
        QCOMPARE(testing::run(engine).outcome, sync::SyncEngine::Result::Outcome::Completed);
        QSqlQuery query(m_cache->connection());
        QVERIFY(query.exec(u"SELECT id FROM work_items WHERE owner_id = 'DEMO-BILLER' AND status = 'in_progress' "
                           "ORDER BY id LIMIT 1"_s));
        QVERIFY(query.next());
        m_itemId = query.value(0).toString();
    }

    qint64 cachedVersion(const QString &id) { return store::WorkItemStore(*m_cache).item(id)->version; }

    /// The demo biller, writing for the gateway at url (by default the fixture's own).
    sync::OutboxAuthor biller(const QUrl &url = {}) const
    {
        return {u"DEMO-BILLER"_s, (url.isEmpty() ? m_gateway->url(QString()) : url).toString()};
    }

private Q_SLOTS:
    void init() { setUpFreshWorld(); }

    void actionsReachTheServerInOrderAndOnce()
    {
        Outbox outbox(*m_cache);
        const qint64 version = cachedVersion(m_itemId);
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"called the payer"_s}}, biller()));
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"hold"_s}}, biller()));
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"release"_s}}, biller()));
        // Written before anything is sent, and based on the version the user sees.
        QCOMPARE(outbox.count(OutboxEntry::State::Pending), qint64(3));
        QCOMPARE(outbox.entries().at(2).baseVersion, version + 2);
        QVERIFY(!outbox.enqueue(u"WI-NOT-CACHED"_s, {{u"type"_s, u"take"_s}}, biller()));

        api::ApiClient client(m_gateway->url(QString()), quickRetries());
        QVERIFY(signIn(client, u"biller"_s));
        const Outbox::SendResult result = testing::send(outbox, client, biller());
        QCOMPARE(result.sent, 3);
        QVERIFY(!result.stoppedBy);
        QVERIFY(outbox.entries().isEmpty());
        QCOMPARE(cachedVersion(m_itemId), version + 3);
        QCOMPARE(m_gateway->store().item(m_itemId)->version, version + 3);
        const auto history = m_gateway->store().history(m_itemId);
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(1).actionType, models::ActionType::Hold);
    }

    void aReplyLostAfterTheServerActedIsReplayedNotRepeated()
    {
        FaultProxy proxy(m_gateway->url(QString()));
        int actionPosts = 0;
        proxy.setPlan([&](const QByteArray &method, const QByteArray &target, int) {
            if (method == "POST" && target.endsWith("/actions"))
                return ++actionPosts <= 2 ? Fault::CutAfterServer : Fault::Pass;
            return Fault::Pass;
        });
        Outbox outbox(*m_cache);
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"escalate"_s}, {u"text"_s, u"no answer in 30 days"_s}},
                               biller(proxy.url())));
        {
            // Two attempts, both cut off after the server applied the action: it stays pending.
            api::ApiClient client(proxy.url(), quickRetries(2));
            QVERIFY(signIn(client, u"biller"_s));
            const Outbox::SendResult result = testing::send(outbox, client, biller(proxy.url()));
            QCOMPARE(result.sent, 0);
            QCOMPARE(result.stoppedBy.kind, api::ApiError::Kind::Network);
            QCOMPARE(outbox.entries().constFirst().attempts, 1);
        }
        // "Restart": a new connection to the same cache, a new client; the same key goes.
        m_cache = std::make_unique<store::Database>();
        QVERIFY(!m_cache->open(m_cachePath, store::workbenchCacheSchema()));
        Outbox reopened(*m_cache);
        QCOMPARE(reopened.count(OutboxEntry::State::Pending), qint64(1));
        api::ApiClient client(proxy.url(), quickRetries());
        QVERIFY(signIn(client, u"biller"_s));
        QCOMPARE(testing::send(reopened, client, biller(proxy.url())).sent, 1);
        QCOMPARE(historyLength(*m_gateway, m_itemId), 1);
        QCOMPARE(actionPosts, 3);
    }

    void aConflictIsShownAndCanBeRetriedOnTheNewVersion()
    {
        Outbox outbox(*m_cache);
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"my note"_s}}, biller()));
        // Meanwhile the supervisor escalates the item.
        testing::HttpClient supervisor(m_gateway->url(QString()));
        QVERIFY(supervisor.signIn(u"supervisor"_s));
        const auto server = m_gateway->store().item(m_itemId);
        QCOMPARE(supervisor.act(m_itemId, {{u"type"_s, u"escalate"_s}}, server->version, u"sup-escalate-1"_s).status,
                 200);

        api::ApiClient client(m_gateway->url(QString()), quickRetries());
        QVERIFY(signIn(client, u"biller"_s));
        const Outbox::SendResult result = testing::send(outbox, client, biller());
        QCOMPARE(result.conflicts, 1);
        const OutboxEntry conflict = outbox.entries().constFirst();
        QCOMPARE(conflict.state, OutboxEntry::State::Conflict);
        QCOMPARE(conflict.conflictItem.value(u"status"_s).toString(), u"escalated"_s);
        QVERIFY(conflict.lastError.contains(u"412"_s));
        // The cache shows the server's item: nothing was overwritten either way.
        QCOMPARE(store::WorkItemStore(*m_cache).item(m_itemId)->status, models::WorkItemStatus::Escalated);

        QVERIFY(!outbox.retry(conflict.id, biller()));
        QCOMPARE(testing::send(outbox, client, biller()).sent, 1);
        QVERIFY(outbox.entries().isEmpty());
        const auto history = m_gateway->store().history(m_itemId);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(1).actionType, models::ActionType::Note);
    }

    void aRefusedActionStaysVisibleUntilDiscarded()
    {
        Outbox outbox(*m_cache);
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"release"_s}}, biller())); // not on hold: 409
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"after the refusal"_s}}, biller()));
        api::ApiClient client(m_gateway->url(QString()), quickRetries());
        QVERIFY(signIn(client, u"biller"_s));
        const Outbox::SendResult result = testing::send(outbox, client, biller());
        QCOMPARE(result.failed, 1);
        QCOMPARE(result.sent, 0); // the note waits behind the refused action of its item
        const QList<OutboxEntry> entries = outbox.entries();
        QCOMPARE(entries.at(0).state, OutboxEntry::State::Failed);
        QVERIFY(entries.at(0).lastError.contains(u"409"_s));
        QCOMPARE(entries.at(1).state, OutboxEntry::State::Pending);
        QVERIFY(!outbox.discard(entries.at(0).id)); // the note is rebased: the release never happened
        QCOMPARE(outbox.entries().constFirst().baseVersion, cachedVersion(m_itemId));
        QCOMPARE(testing::send(outbox, client, biller()).sent, 1);
        QCOMPARE(historyLength(*m_gateway, m_itemId), 1);
    }

    void anOldActionThatMayHaveBeenSentIsFlaggedForReview()
    {
        Outbox outbox(*m_cache);
        const auto id = outbox.enqueue(m_itemId, {{u"type"_s, u"escalate"_s}}, biller());
        QVERIFY(id);
        // Tried two days ago, never confirmed.
        QVERIFY(!m_cache->execute(u"UPDATE outbox SET attempts = 1, created_at = '%1'"_s.arg(
            QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODateWithMs))));
        api::ApiClient client(m_gateway->url(QString()), quickRetries());
        QVERIFY(signIn(client, u"biller"_s));
        const Outbox::SendResult result = testing::send(outbox, client, biller());
        QCOMPARE(result.flaggedForReview, 1);
        QCOMPARE(result.sent, 0);
        QCOMPARE(outbox.entries().constFirst().state, OutboxEntry::State::Review);
        QCOMPARE(historyLength(*m_gateway, m_itemId), 0);
    }

    void anActionSentInAnotherPersonsSessionIsRefusedAndSetAsideForReview()
    {
        Outbox outbox(*m_cache);
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"called the payer"_s}}, biller()));
        const qint64 version = m_gateway->store().item(m_itemId)->version;
        // A client that claims the biller as sender but holds the coder's session: the
        // gateway sees X-RCM-Author is not its session's user.
        api::ApiClient client(m_gateway->url(QString()), quickRetries());
        QVERIFY(signIn(client, u"coder"_s));
        const Outbox::SendResult result = testing::send(outbox, client, biller());
        QCOMPARE(result.flaggedForReview, 1);
        QCOMPARE(result.sent, 0);
        QVERIFY(!result.stoppedBy);
        const OutboxEntry entry = outbox.entries().constFirst();
        QCOMPARE(entry.state, OutboxEntry::State::Review);
        QVERIFY2(entry.lastError.contains(u"403"_s) && entry.lastError.contains(u"X-RCM-Author"_s),
                 qPrintable(entry.lastError));
        QCOMPARE(historyLength(*m_gateway, m_itemId), 0);
        QCOMPARE(m_gateway->store().item(m_itemId)->version, version);
        // Never again on its own: only a person's retry sends it.
        QCOMPARE(testing::send(outbox, client, biller()).flaggedForReview, 0);
        QCOMPARE(historyLength(*m_gateway, m_itemId), 0);
    }

    void aServerOutageKeepsActionsPending()
    {
        FaultProxy proxy(m_gateway->url(QString()));
        api::ApiClient client(proxy.url(), quickRetries(2));
        QVERIFY(signIn(client, u"biller"_s));
        proxy.setPlan([](const QByteArray &, const QByteArray &, int) { return Fault::Unavailable; });
        Outbox outbox(*m_cache);
        QVERIFY(outbox.enqueue(m_itemId, {{u"type"_s, u"hold"_s}}, biller(proxy.url())));
        const Outbox::SendResult result = testing::send(outbox, client, biller(proxy.url()));
        QCOMPARE(result.stoppedBy.kind, api::ApiError::Kind::Server);
        QCOMPARE(result.stoppedBy.httpStatus, 503);
        QCOMPARE(outbox.count(OutboxEntry::State::Pending), qint64(1));
        QVERIFY(outbox.entries().constFirst().lastError.contains(u"503"_s));
        proxy.setPlan({});
        QCOMPARE(testing::send(outbox, client, biller(proxy.url())).sent, 1);
        QCOMPARE(historyLength(*m_gateway, m_itemId), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "test_outbox.moc"
