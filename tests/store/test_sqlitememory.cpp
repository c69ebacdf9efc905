// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// SQLite's page caches in one block of memory: reserved before SQLite's first use, drawn
// from by every connection, and when it is full the caches recycle their pages and go on.
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/sqlitememory.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

class TestSqliteMemory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // First, before anything in this process opens a database.
        m_reason = store::reserveSqlitePageMemory(blockMebibytes);
        if (m_reason == u"transparent huge pages are not available"_s)
            QSKIP("This machine gives no transparent huge pages; the block is not set up");
        QVERIFY2(m_reason.isEmpty(), qPrintable(m_reason));
    }

    void cachePagesComeFromTheBlockAndOutgrowItSafely()
    {
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        store::WorkItemStore items(cache);
        const synthetic::SyntheticGenerator generator({3, QDate(2026, 11, 1)});
        QVERIFY(!items.upsertItems(generator.items(0, 500)));
        int used = 0;
        int highest = 0;
        QCOMPARE(sqlite3_status(SQLITE_STATUS_PAGECACHE_USED, &used, &highest, 0), SQLITE_OK);
        QVERIFY2(used > 0, "no cache page came from the block");

        // Far more pages than the block holds (4 MiB: about 500): the caches recycle.
        for (qint64 first = 500; first < 30'000; first += 5000)
            QVERIFY(!items.upsertItems(generator.items(first, 5000)));
        QCOMPARE(items.itemCount(), qint64(30'500));
        QVERIFY(!cache.checkIntegrity());
        QCOMPARE(items.item(u"WI-00030500"_s), std::optional(generator.items(30'499, 1).constFirst()));
    }

    void itCannotBeSetUpOnceSqliteIsInUse()
    {
        QCOMPARE(store::reserveSqlitePageMemory(blockMebibytes), u"SQLite is already in use"_s);
    }

private:
    static constexpr int blockMebibytes = 4;
    QString m_reason;
};

QTEST_GUILESS_MAIN(TestSqliteMemory)
#include "test_sqlitememory.moc"
