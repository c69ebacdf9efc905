// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/server/gatewayfixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using testing::GatewayFixture;
using testing::HttpClient;
using testing::HttpReply;

class TestGatewaySync final : public QObject
{
    Q_OBJECT

private:
    /// Every visible item as the server has it now, by id -> version.
    static QHash<QString, qint64> serverView(GatewayFixture &gateway, const QString &username)
    {
        const auto viewer = gateway.store().authenticate(username, u"demo"_s);
        QHash<QString, qint64> view;
        qint64 after = 0;
        for (;;) {
            const auto page = gateway.store().changes(*viewer, after, 1000);
            for (const auto &change : page->changes) {
                if (change.deleted)
                    view.remove(change.item.id);
                else
                    view.insert(change.item.id, change.item.version);
            }
            after = page->lastSequence;
            if (!page->hasMore)
                return view;
        }
    }

private Q_SLOTS:
    void aFullSyncSeesEveryChangeOnceWhileWritesHappenBetweenPages()
    {
        GatewayFixture gateway(1500);
        QVERIFY(gateway.isReady());
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"supervisor"_s));

        QHash<QString, qint64> cache; // what a client would hold
        QSet<QPair<QString, qint64>> delivered;
        QString cursor;
        int page = 0;
        bool hasMore = true;
        while (hasMore) {
            const HttpReply reply
                = client.get(u"/work-items?limit=100"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(reply.status, 200);
            for (const QJsonValue &value : reply.json().value(u"items"_s).toArray()) {
                const QJsonObject item = value.toObject();
                const QString id = item.value(u"id"_s).toString();
                if (item.value(u"deleted"_s).toBool()) {
                    cache.remove(id);
                    continue;
                }
                const qint64 version = item.value(u"version"_s).toInteger();
                QVERIFY2(!delivered.contains({id, version}), qPrintable(u"delivered twice: "_s + id));
                delivered.insert({id, version});
                cache.insert(id, version);
            }
            cursor = reply.json().value(u"nextCursor"_s).toString();
            hasMore = reply.json().value(u"hasMore"_s).toBool();
            // Between pages, others work: change an item already delivered and one not yet.
            if (++page % 3 == 0) {
                const QString seen = cache.keys().constFirst();
                const auto item = gateway.store().item(seen);
                QVERIFY(item);
                const HttpReply acted = client.act(seen, {{u"type"_s, u"note"_s}, {u"text"_s, u"between pages"_s}},
                                                   item->version, u"between-%1-0001"_s.arg(page));
                QCOMPARE(acted.status, 200);
                const QString unseen = u"WI-%1"_s.arg(1500 - page, 8, 10, QChar(u'0'));
                if (!cache.contains(unseen))
                    QVERIFY(!gateway.store().removeItem(unseen));
                hasMore = true; // there may be more now
            }
        }
        // The cursor from the last page brings nothing new once writes stop.
        const HttpReply after = client.get(u"/work-items?cursor="_s + cursor);
        QCOMPARE(after.status, 200);
        QVERIFY(after.json().value(u"items"_s).toArray().isEmpty());
        QCOMPARE(after.json().value(u"hasMore"_s).toBool(), false);
        QCOMPARE(cache, serverView(gateway, u"supervisor"_s));
    }

    void aDeltaBringsOnlyWhatChangedIncludingRemovals()
    {
        GatewayFixture gateway(300);
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"supervisor"_s));
        QString cursor;
        for (bool more = true; more;) {
            const HttpReply reply
                = client.get(u"/work-items?limit=2000"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            cursor = reply.json().value(u"nextCursor"_s).toString();
            more = reply.json().value(u"hasMore"_s).toBool();
        }
        const auto item = gateway.store().item(u"WI-00000010"_s);
        QCOMPARE(client.act(item->id, {{u"type"_s, u"escalate"_s}}, item->version, u"delta-escalate-1"_s).status, 200);
        QVERIFY(!gateway.store().removeItem(u"WI-00000020"_s));

        const QJsonArray changes = client.get(u"/work-items?cursor="_s + cursor).json().value(u"items"_s).toArray();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0)[u"id"_s].toString(), u"WI-00000010"_s);
        QCOMPARE(changes.at(0)[u"status"_s].toString(), u"escalated"_s);
        QCOMPARE(changes.at(1).toObject(), (QJsonObject {{u"id"_s, u"WI-00000020"_s}, {u"deleted"_s, true}}));
        // A removed item is gone from single reads too.
        QCOMPARE(client.get(u"/work-items/WI-00000020"_s).status, 404);
    }

    void aRoleSeesOnlyItsQueues()
    {
        GatewayFixture gateway(600);
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"authspec"_s));
        const QJsonArray items = client.get(u"/work-items?limit=2000"_s).json().value(u"items"_s).toArray();
        QVERIFY(!items.isEmpty());
        for (const QJsonValue &item : items)
            QCOMPARE(item[u"queue"_s].toString(), u"authorization"_s);
        QCOMPARE(qsizetype(items.size()), serverView(gateway, u"authspec"_s).size());
    }

    void anOldCursorAfterAPurgeAsksForAResync()
    {
        GatewayFixture gateway(100);
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"supervisor"_s));
        const QString start = client.get(u"/work-items?limit=10"_s).json().value(u"nextCursor"_s).toString();
        QVERIFY(!gateway.store().removeItem(u"WI-00000050"_s));
        QVERIFY(!gateway.store().purgeTombstones(QDateTime::currentDateTimeUtc().addSecs(60)));
        const HttpReply reply = client.get(u"/work-items?cursor="_s + start);
        QCOMPARE(reply.status, 410);
        QVERIFY(reply.json().value(u"type"_s).toString().endsWith(u"/resync-required"_s));
        // A full sync still works, without the purged item.
        const HttpReply full = client.get(u"/work-items?limit=2000"_s);
        QCOMPARE(full.status, 200);
        QCOMPARE(full.json().value(u"items"_s).toArray().size(), 99);
    }

    void aCursorAheadOfARestoredServerAsksForAResync()
    {
        // Before the backup: the client syncs, then sees two more changes.
        GatewayFixture original(100);
        HttpClient client(original.url(QString()));
        QVERIFY(client.signIn(u"supervisor"_s));
        const QString atBackup = client.get(u"/work-items?limit=2000"_s).json().value(u"nextCursor"_s).toString();
        for (const QString &id : {u"WI-00000010"_s, u"WI-00000011"_s}) {
            const auto item = original.store().item(id);
            QCOMPARE(client.act(id, {{u"type"_s, u"escalate"_s}}, item->version, u"before-restore-"_s + id).status,
                     200);
        }
        const HttpReply delta = client.get(u"/work-items?cursor="_s + atBackup);
        QCOMPARE(delta.json().value(u"items"_s).toArray().size(), 2);
        const QString ahead = delta.json().value(u"nextCursor"_s).toString();

        // The same gateway restored from the backup: it never numbered those two changes.
        GatewayFixture restored(100);
        HttpClient again(restored.url(QString()));
        QVERIFY(again.signIn(u"supervisor"_s));
        const HttpReply reply = again.get(u"/work-items?cursor="_s + ahead);
        QCOMPARE(reply.status, 410);
        QCOMPARE(reply.headers.value("content-type"), QByteArray("application/problem+json"));
        QVERIFY(reply.json().value(u"type"_s).toString().endsWith(u"/problems/resync-required"_s));
        // A cursor the restored server did hand out still works, and brings nothing new.
        const HttpReply current = again.get(u"/work-items?cursor="_s + atBackup);
        QCOMPARE(current.status, 200);
        QVERIFY(current.json().value(u"items"_s).toArray().isEmpty());
    }

    void theCursorOfAnEmptyViewStaysValidAfterAPurge()
    {
        GatewayFixture gateway(0);
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"biller"_s));
        const HttpReply empty = client.get(u"/work-items"_s);
        QCOMPARE(empty.json().value(u"items"_s).toArray().size(), 0);
        // As if tombstones up to change 5 had been purged since.
        QVERIFY(!gateway.database().execute(u"UPDATE meta SET value = 5 WHERE key = 'purged_through_seq'"_s));
        QCOMPARE(gateway.store().purgedThrough(), qint64(5));
        QCOMPARE(client.get(u"/work-items?cursor="_s + empty.json().value(u"nextCursor"_s).toString()).status, 200);
    }

    void badCursorsAndLimitsAreRefused_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("type");
        QTest::newRow("garbage cursor") << u"cursor=%%%"_s << u"invalid-cursor"_s;
        QTest::newRow("cursor of another format") << u"cursor=MTIz"_s << u"invalid-cursor"_s;
        QTest::newRow("limit zero") << u"limit=0"_s << u"invalid-limit"_s;
        QTest::newRow("limit too large") << u"limit=100000"_s << u"invalid-limit"_s;
        QTest::newRow("limit not a number") << u"limit=many"_s << u"invalid-limit"_s;
    }

    void badCursorsAndLimitsAreRefused()
    {
        QFETCH(QString, query);
        QFETCH(QString, type);
        GatewayFixture gateway(10);
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"biller"_s));
        const HttpReply reply = client.get(u"/work-items?"_s + query);
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.json().value(u"type"_s).toString().endsWith(u"/"_s + type));
    }
};

QTEST_GUILESS_MAIN(TestGatewaySync)
#include "test_gatewaysync.moc"
