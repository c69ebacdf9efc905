// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/syncjournal.h"
#include "services/store/transactionguard.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::models;
using namespace rcm::store;

using Seen = SyncJournal::Seen;

class TestSyncJournal final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;
    QList<WorkItem> m_items; ///< ten items, in the cache at the start of each test
    rcm::synthetic::SyntheticGenerator m_generator {{5, QDate(2026, 11, 1)}};

    QString path() const { return m_dir.filePath(u"cache.db"_s); }

    QStringList cachedIds()
    {
        QStringList ids;
        WorkItemStore items(m_database);
        for (const WorkItem &item : std::as_const(m_items)) {
            if (items.item(item.id))
                ids << item.id;
        }
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(path());
        const StoreError error = m_database.open(path(), workbenchCacheSchema());
        QVERIFY2(!error, qPrintable(error.message()));
        m_items = m_generator.items(0, 10);
        QVERIFY(!WorkItemStore(m_database).upsertItems(m_items));
    }

    void cleanup() { m_database.close(); }

    void aNewCacheHasNoCursorNoLastSyncAndNoResync()
    {
        SyncJournal journal(m_database);
        StoreError error;
        QVERIFY(journal.cursor(&error).isEmpty());
        QVERIFY(!journal.lastSync(&error).isValid());
        QVERIFY(!journal.isResyncing(&error));
        QCOMPARE(journal.pendingRemovalCount(&error), qint64(0));
        QVERIFY2(!error, qPrintable(error.message()));
    }

    void aPageMovesTheCursorPastItAndTheCursorSurvivesAReopen()
    {
        {
            SyncJournal journal(m_database);
            QVERIFY(!journal.recordPage(m_items.mid(0, 3), {}, u"c-3"_s, Seen::NotTracked));
            QCOMPARE(journal.cursor(), u"c-3"_s);
        }
        m_database.close();
        QVERIFY(!m_database.open(path(), workbenchCacheSchema()));
        QCOMPARE(SyncJournal(m_database).cursor(), u"c-3"_s);
    }

    void aPageRolledBackWithItsRowsLeavesTheCursorWhereItWas()
    {
        SyncJournal journal(m_database);
        QVERIFY(!journal.recordPage({}, {}, u"c-1"_s, Seen::NotTracked));
        {
            TransactionGuard transaction(m_database.connection());
            QVERIFY(!journal.recordPage(m_items, {m_items.at(0).id}, u"c-2"_s, Seen::NotTracked));
            transaction.rollback(); // as when writing the page's rows fails
        }
        QCOMPARE(journal.cursor(), u"c-1"_s);
        QCOMPARE(journal.pendingRemovalCount(), qint64(0));
    }

    void pendingRemovalsCountOnlyItemsStillCached_data()
    {
        QTest::addColumn<QStringList>("tombstones");
        QTest::addColumn<QStringList>("listedAgain");
        QTest::addColumn<qint64>("pending");
        const QString first = m_generator.items(0, 1).at(0).id;
        const QString second = m_generator.items(1, 1).at(0).id;
        QTest::newRow("nothing removed") << QStringList() << QStringList() << qint64(0);
        QTest::newRow("two tombstones") << QStringList {first, second} << QStringList() << qint64(2);
        QTest::newRow("a tombstone twice counts once") << QStringList {first, first} << QStringList() << qint64(1);
        QTest::newRow("an item never cached is not counted")
            << QStringList {first, u"WI-NOT-CACHED"_s} << QStringList() << qint64(1);
        QTest::newRow("an item listed again is no longer pending")
            << QStringList {first, second} << QStringList {second} << qint64(1);
    }

    void pendingRemovalsCountOnlyItemsStillCached()
    {
        QFETCH(QStringList, tombstones);
        QFETCH(QStringList, listedAgain);
        QFETCH(qint64, pending);
        SyncJournal journal(m_database);
        QVERIFY(!journal.recordPage({}, tombstones, u"c-1"_s, Seen::NotTracked));
        QList<WorkItem> again;
        for (const WorkItem &item : std::as_const(m_items)) {
            if (listedAgain.contains(item.id))
                again << item;
        }
        QVERIFY(!journal.recordPage(again, {}, u"c-2"_s, Seen::NotTracked));
        QCOMPARE(journal.pendingRemovalCount(), pending);
    }

    void completingARunRemovesThePendingItemsAndRecordsWhen()
    {
        SyncJournal journal(m_database);
        QVERIFY(!journal.recordPage({}, {m_items.at(2).id, m_items.at(7).id}, u"c-1"_s, Seen::NotTracked));
        const QDateTime syncedAt(QDate(2026, 11, 3), QTime(8, 15, 0, 250), Qt::UTC);
        QVERIFY(!journal.completeRun(syncedAt));
        QCOMPARE(journal.lastSync(), syncedAt);
        QCOMPARE(journal.pendingRemovalCount(), qint64(0));
        QCOMPARE(cachedIds().size(), 8);
        QVERIFY(!cachedIds().contains(m_items.at(2).id));
        QVERIFY(!cachedIds().contains(m_items.at(7).id));
    }

    void aResyncStartsFromTheBeginning()
    {
        SyncJournal journal(m_database);
        QVERIFY(!journal.recordPage({}, {}, u"c-9"_s, Seen::NotTracked));
        QVERIFY(!journal.startResync());
        QVERIFY(journal.isResyncing());
        QVERIFY(journal.cursor().isEmpty());
    }

    void aResyncRemovesOnlyTheItemsItDidNotSee()
    {
        SyncJournal journal(m_database);
        QVERIFY(!journal.startResync());
        // The server lists every item but the fourth and the ninth, over two pages.
        QList<WorkItem> listed = m_items;
        const QString gone[] = {m_items.at(3).id, m_items.at(8).id};
        listed.removeAt(8);
        listed.removeAt(3);
        QVERIFY(!journal.recordPage(listed.mid(0, 4), {}, u"c-4"_s, Seen::Tracked));
        QVERIFY(!journal.recordPage(listed.mid(4), {}, u"c-8"_s, Seen::Tracked));
        QVERIFY(!journal.finishResync());
        QVERIFY(!journal.isResyncing());
        QCOMPARE(journal.pendingRemovalCount(), qint64(2));
        QVERIFY(!journal.completeRun(QDateTime::currentDateTimeUtc()));
        QCOMPARE(cachedIds().size(), 8);
        for (const QString &id : gone)
            QVERIFY(!cachedIds().contains(id));
    }

    void aResyncStartedAgainForgetsWhatTheFirstOneSaw()
    {
        SyncJournal journal(m_database);
        QVERIFY(!journal.startResync());
        QVERIFY(!journal.recordPage(m_items, {}, u"c-10"_s, Seen::Tracked));
        QVERIFY(!journal.startResync()); // the server asked for another one
        QVERIFY(!journal.recordPage(m_items.mid(0, 5), {}, u"c-5"_s, Seen::Tracked));
        QVERIFY(!journal.finishResync());
        QCOMPARE(journal.pendingRemovalCount(), qint64(5));
    }

    void itemsOnADeltaPageAreNotCountedAsSeenByALaterResync()
    {
        SyncJournal journal(m_database);
        QVERIFY(!journal.recordPage(m_items, {}, u"c-10"_s, Seen::NotTracked));
        QVERIFY(!journal.startResync());
        QVERIFY(!journal.finishResync());
        QCOMPARE(journal.pendingRemovalCount(), qint64(10));
    }
};

QTEST_GUILESS_MAIN(TestSyncJournal)
#include "test_syncjournal.moc"
