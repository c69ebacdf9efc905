// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/outboxstore.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::store;

/// A released migration must keep its effect: caches already on users' disks were made by
/// it, and a new build upgrades them from there. Each released step's SQL is pinned by its
/// SHA-256 (statements joined by NUL); a change of schema is a new migration instead.
class TestCacheSchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releasedMigrationsAreUnchanged_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QByteArray>("sha256");
        QTest::newRow("1 tables") << 1 << "eb428d3255de309cd37c7b8aad651d72b8422509d7522b062a467b9fe24a6380"_ba;
        QTest::newRow("2 queue indexes") << 2 << "220c38abe2d47d170b9cea66d92036f2c8b500e719e3cdaa6e2536f5352e79f4"_ba;
        QTest::newRow("3 search") << 3 << "f8bf2e90362274cac708b55819b64f5fb810f88f390910288d7ddc79547291fe"_ba;
        QTest::newRow("4 sync and outbox")
            << 4 << "e00296daee6ad808e60a21cdd82368a4a09672c985d57d067ff7ca8c4fab414a"_ba;
        QTest::newRow("5 countable status")
            << 5 << "7680f18d9805c8e7254bb4c21fb6ee4bfb0938ee89c14649c5b91c4a6c337dce"_ba;
        QTest::newRow("6 item history") << 6 << "39ae5b2e517e844df9d06d1f530812c404a284a10b83169f57dd517b64685635"_ba;
        QTest::newRow("7 sort indexes") << 7 << "c1e2c36ae69c736ef5dbcc6f33b133bb35b3ec4818577f0776c0c6221415196a"_ba;
        QTest::newRow("8 item payments") << 8 << "7f4db39105620c614d4adb5098dabb1fd196501f5862510eda614a71babfc5f6"_ba;
        QTest::newRow("9 pending exports")
            << 9 << "13fe6bfe85a724afb8f964fee5276b482cd765be0a9b4a757b0327b6fd220e61"_ba;
        QTest::newRow("10 outbox authors")
            << 10 << "617ef0fe1e839aee1fd59750219314502e099901adfe6d987125d32d30af208c"_ba;
    }

    void releasedMigrationsAreUnchanged()
    {
        QFETCH(int, version);
        QFETCH(QByteArray, sha256);
        const QList<Migration> &migrations = workbenchCacheSchema().migrations;
        const auto step = std::find_if(migrations.cbegin(), migrations.cend(),
                                       [version](const Migration &each) { return each.version == version; });
        QVERIFY(step != migrations.cend());
        const QByteArray sql = step->statements.join(QChar(0)).toUtf8();
        QCOMPARE(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex(), sha256);
    }

    void aPendingActionFromBeforeAuthorsWaitsForReviewAndIsNobodysToSend()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"cache.db"_s);
        {
            // A cache as version 9 left it: one action waiting to be sent, one in conflict.
            Database old;
            QVERIFY(!old.open(path, workbenchCacheSchema().upTo(9)));
            QVERIFY(!old.execute(
                u"INSERT INTO outbox (idempotency_key, work_item_id, action_json, base_version, state, created_at) "
                "VALUES ('rcm-legacy-1', 'WI-00000001', '{\"type\":\"take\"}', 3, 'pending', "
                "'2026-11-30T08:00:00.000Z'), ('rcm-legacy-2', 'WI-00000002', '{\"type\":\"take\"}', 5, "
                "'conflict', '2026-11-30T08:01:00.000Z')"_s));
            old.close();
        }
        Database cache;
        QVERIFY(!cache.open(path, workbenchCacheSchema()));
        QSqlQuery version(cache.connection());
        QVERIFY(version.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s) && version.next());
        QCOMPARE(version.value(0).toInt(), 10);
        version.finish();
        OutboxStore outbox(cache);
        const QList<rcm::models::OutboxEntry> entries = outbox.entries();
        QCOMPARE(entries.size(), 2);
        // Nobody can say who wrote the pending one: it is not sent until a person retries it.
        QCOMPARE(entries.at(0).state, rcm::models::OutboxEntry::State::Review);
        QCOMPARE(entries.at(0).lastError,
                 u"Written before the outbox recorded who wrote it: check it and retry to send "
                 "it as yourself."_s);
        QVERIFY(entries.at(0).authorId.isEmpty());
        QVERIFY(entries.at(0).server.isEmpty());
        QCOMPARE(entries.at(1).state, rcm::models::OutboxEntry::State::Conflict);
        // Whoever signs in sees them, to check; retrying makes one theirs.
        const rcm::models::OutboxAuthor coder {u"DEMO-CODER"_s, u"http://127.0.0.1:8080/v1"_s};
        QCOMPARE(outbox.entries(coder).size(), 2);
        QCOMPARE(outbox.count(rcm::models::OutboxEntry::State::Pending, coder), 0);
        QVERIFY(!outbox.returnToPending(entries.at(0).id, QDateTime::currentDateTimeUtc(), coder));
        QCOMPARE(outbox.entries().at(0).author(), coder);
        QCOMPARE(outbox.count(rcm::models::OutboxEntry::State::Pending, coder), 1);
    }
};

QTEST_GUILESS_MAIN(TestCacheSchema)
#include "test_cacheschema.moc"
