// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::models;
using namespace rcm::store;

class TestWorkItemStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;
    rcm::synthetic::SyntheticGenerator m_generator {{11, QDate(2026, 11, 1)}};

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"cache.db"_s));
        const StoreError error = m_database.open(m_dir.filePath(u"cache.db"_s), workbenchCacheSchema());
        QVERIFY2(!error, qPrintable(error.message()));
    }

    void cleanup() { m_database.close(); }

    void itemsRoundTripExactly()
    {
        WorkItemStore store(m_database);
        const QList<WorkItem> items = m_generator.items(0, 300);
        QVERIFY(!store.upsertItems(items));
        QCOMPARE(store.itemCount(), qint64(300));
        for (const WorkItem &item : items)
            QCOMPARE(store.item(item.id), std::optional(item));
        QCOMPARE(store.item(u"WI-99999999"_s), std::nullopt);
    }

    void emptyOptionalFieldsRoundTrip()
    {
        WorkItemStore store(m_database);
        WorkItem item;
        item.id = u"WI-EMPTY"_s;
        item.claimNumber = u"C1"_s;
        item.accountNumber = u"A1"_s;
        item.patientDisplayName = u"Zztest, Ana"_s;
        item.payerId = u"SELF"_s;
        item.payerName = u"Self-pay"_s;
        item.facilityId = u"RGH"_s;
        item.createdAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        item.updatedAt = item.createdAt;
        QVERIFY(!store.upsertItems({&item, 1}));
        QCOMPARE(store.item(item.id), std::optional(item));
    }

    void upsertReplacesByIdAndKeepsSearchInStep()
    {
        WorkItemStore store(m_database);
        QList<WorkItem> items = m_generator.items(0, 20);
        QVERIFY(!store.upsertItems(items));
        WorkItem changed = items.at(4);
        const QString oldClaim = changed.claimNumber;
        changed.claimNumber = u"RGH2REWRITTEN1"_s;
        changed.status = WorkItemStatus::Resolved;
        changed.version += 1;
        QVERIFY(!store.upsertItems({&changed, 1}));
        QCOMPARE(store.itemCount(), qint64(20));
        QCOMPARE(store.item(changed.id), std::optional(changed));
        QCOMPARE(store.search(u"RGH2REWRITTEN1"_s, 10), QStringList {changed.id});
        QVERIFY(store.search(oldClaim, 10).isEmpty());
    }

    void mergeEndsWhereUpsertEndsAndWritesOnlyWhatChanged()
    {
        QList<WorkItem> items = m_generator.items(0, 200);
        // What both stores hold first, then the same page: new items, changed ones (every
        // column in turn, fields emptied and filled) and unchanged ones.
        QList<WorkItem> page = m_generator.items(150, 100);
        for (qsizetype index = 0; index < 50; ++index) {
            WorkItem &item = page[index];
            switch (index % 10) {
            case 0:
                item.priority = Priority::Urgent;
                break;
            case 1:
                item.ownerId = item.ownerId.isEmpty() ? u"U-0042"_s : QString();
                break;
            case 2:
                item.patientDisplayName = u"Zztest, Renamed \"Q\""_s;
                break;
            case 3:
                item.dueDate = item.dueDate.isValid() ? QDate() : QDate(2026, 12, 24);
                break;
            case 4:
                item.balance = Money::fromCents(item.balance.cents() - 1);
                break;
            case 5:
                item.rarcs = item.rarcs.isEmpty() ? QStringList {u"N130"_s, u"MA01"_s} : QStringList();
                break;
            case 6:
                item.status = WorkItemStatus::Resolved;
                break;
            case 7:
                item.updatedAt = item.updatedAt.addMSecs(1);
                break;
            case 8:
                item.queue = Queue::Authorization;
                break;
            default:
                break; // unchanged
            }
            if (index % 10 != 9)
                item.version += 1;
        }
        const QString upsertPath = m_dir.filePath(u"upsert.db"_s);
        QFile::remove(upsertPath);
        Database upserted;
        QVERIFY(!upserted.open(upsertPath, workbenchCacheSchema()));
        QByteArray upsertDigest;
        {
            WorkItemStore reference(upserted);
            QVERIFY(!reference.upsertItems(items));
            QVERIFY(!reference.upsertItems(page));
            upsertDigest = reference.contentDigest();
        }
        WorkItemStore store(m_database);
        QVERIFY(!store.upsertItems(items));
        ItemRowWriter::Counts counts;
        QVERIFY(!store.mergeItems(page, &counts));
        QCOMPARE(counts.inserted, qint64(50));
        QCOMPARE(counts.updated, qint64(45));
        QCOMPARE(counts.unchanged, qint64(5));
        QCOMPARE(store.contentDigest(), upsertDigest);
        for (const WorkItem &item : page)
            QCOMPARE(store.item(item.id), std::optional(item));
        // The search index followed the renames and nothing else.
        QCOMPARE(store.search(u"Renamed"_s, 100).size(), 5);
        QVERIFY(!m_database.execute(u"INSERT INTO work_items_search (work_items_search) VALUES ('integrity-check')"_s));
        // The same page again changes nothing.
        QVERIFY(!store.mergeItems(page, &counts));
        QCOMPARE(counts.unchanged, qint64(100));
        QCOMPARE(store.contentDigest(), upsertDigest);
    }

    void aFailedMergeWritesNothing()
    {
        WorkItemStore store(m_database);
        QList<WorkItem> items = m_generator.items(0, 10);
        QVERIFY(!store.upsertItems(items.mid(0, 5)));
        const QByteArray before = store.contentDigest();
        for (WorkItem &item : items)
            item.version += 1;
        QVERIFY(!m_database.execute(u"CREATE TRIGGER refuse BEFORE INSERT ON work_items WHEN new.id = '%1' "
                                    "BEGIN SELECT RAISE(ABORT, 'refused'); END"_s.arg(items.at(8).id)));
        const StoreError error = store.mergeItems(items);
        QVERIFY2(error.message().contains(u"refused"_s), qPrintable(error.message()));
        QCOMPARE(store.contentDigest(), before);
    }

    void aFailedBatchWritesNothing()
    {
        WorkItemStore store(m_database);
        QList<WorkItem> items = m_generator.items(0, 10);
        QVERIFY(!store.upsertItems(items.mid(0, 3)));
        // A trigger refuses the ninth row, after the batch has already written eight.
        QVERIFY(!m_database.execute(u"CREATE TRIGGER refuse BEFORE INSERT ON work_items WHEN new.id = '%1' "
                                    "BEGIN SELECT RAISE(ABORT, 'refused'); END"_s.arg(items.at(8).id)));
        const StoreError error = store.upsertItems(items);
        QCOMPARE(error.code(), StoreError::Code::Query);
        QVERIFY2(error.message().contains(u"refused"_s), qPrintable(error.message()));
        QCOMPARE(store.itemCount(), qint64(3));
    }

    void searchMatchesEveryWordAsAPrefix_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expression");
        QTest::newRow("one word") << u"garcia"_s << u"\"garcia\"*"_s;
        QTest::newRow("two words") << u"Garcia  Maria"_s << u"\"Garcia\"* \"Maria\"*"_s;
        QTest::newRow("fts syntax is neutralised") << u"NEAR(\"a\" OR b*)"_s << u"\"NEAR\"* \"a\"* \"OR\"* \"b\"*"_s;
        QTest::newRow("blank") << u"   "_s << QString();
    }

    void searchMatchesEveryWordAsAPrefix()
    {
        QFETCH(QString, text);
        QFETCH(QString, expression);
        QCOMPARE(WorkItemStore::searchExpression(text), expression);
    }

    void searchFindsByClaimAccountPatientAndPayer()
    {
        WorkItemStore store(m_database);
        const QList<WorkItem> items = m_generator.items(0, 500);
        QVERIFY(!store.upsertItems(items));
        const WorkItem &target = items.at(123);
        QCOMPARE(store.search(target.claimNumber, 10), QStringList {target.id});
        QCOMPARE(store.search(target.accountNumber.left(8), 1000).contains(target.id), true);

        const QString surname = target.patientDisplayName.section(u',', 0, 0);
        const QStringList byName = store.search(surname, 1000);
        QVERIFY(byName.contains(target.id));
        for (const QString &id : byName)
            QVERIFY(store.item(id)->patientDisplayName.startsWith(surname));

        const qsizetype payerCount = std::count_if(
            items.begin(), items.end(), [&](const WorkItem &item) { return item.payerName == target.payerName; });
        QCOMPARE(store.search(target.payerName, 1000).size(), payerCount);
        QVERIFY(store.search(u"nosuchpatientanywhere"_s, 10).isEmpty());
    }

    void referenceDataRoundTrips()
    {
        WorkItemStore store(m_database);
        QVERIFY(!store.upsertPayers(m_generator.payers()));
        QVERIFY(!store.upsertUsers(m_generator.users()));
        QList<Payer> expected = m_generator.payers();
        std::sort(expected.begin(), expected.end(), [](const Payer &a, const Payer &b) { return a.id < b.id; });
        QCOMPARE(store.payers(), expected);
        QCOMPARE(store.users(), m_generator.users());
    }

    void digestChangesWithContent()
    {
        WorkItemStore store(m_database);
        QVERIFY(!store.upsertItems(m_generator.items(0, 50)));
        const QByteArray before = store.contentDigest();
        QCOMPARE(before.size(), 64);
        QCOMPARE(store.contentDigest(), before);
        WorkItem changed = m_generator.item(7);
        changed.balance += Money::fromCents(1);
        QVERIFY(!store.upsertItems({&changed, 1}));
        QVERIFY(store.contentDigest() != before);
    }
};

QTEST_GUILESS_MAIN(TestWorkItemStore)
#include "test_workitemstore.moc"
