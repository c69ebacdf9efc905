// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticcache.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

class TestSyntheticCache final : public QObject
{
    Q_OBJECT

private:
    const synthetic::SyntheticGenerator m_generator {{5, QDate(2026, 11, 27)}};

    static QByteArray digestOf(const QString &path)
    {
        store::Database database;
        if (database.open(path, store::workbenchCacheSchema()))
            return {};
        return store::WorkItemStore(database).contentDigest();
    }

private Q_SLOTS:
    void writesACompleteCacheAndReportsProgress()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"synthetic.db"_s);
        QList<qint64> progress;
        const store::StoreError error
            = synthetic::writeSyntheticCache(path, 12'345, m_generator, [&](qint64 done) { progress.append(done); });
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(progress.constLast(), qint64(12'345));
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        // Nothing is left beside the cache: no partial file, no write-ahead log.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"synthetic.db"_s});
        store::Database database;
        QVERIFY(!database.open(path, store::workbenchCacheSchema()));
        store::WorkItemStore items(database);
        QCOMPARE(items.itemCount(), qint64(12'345));
        QCOMPARE(items.users().size(), m_generator.users().size());
        QCOMPARE(items.item(u"WI-00012345"_s), std::optional(m_generator.item(12'344)));
    }

    void theSameSeedTwiceGivesTheSameContent()
    {
        QTemporaryDir dir;
        QVERIFY(!synthetic::writeSyntheticCache(dir.filePath(u"a.db"_s), 3000, m_generator));
        QVERIFY(!synthetic::writeSyntheticCache(dir.filePath(u"b.db"_s), 3000, m_generator));
        const QByteArray first = digestOf(dir.filePath(u"a.db"_s));
        QVERIFY(!first.isEmpty());
        QCOMPARE(digestOf(dir.filePath(u"b.db"_s)), first);
        // Writing again over a synthetic cache replaces it.
        QVERIFY(!synthetic::writeSyntheticCache(dir.filePath(u"a.db"_s), 3000, m_generator));
        QCOMPARE(digestOf(dir.filePath(u"a.db"_s)), first);
    }

    void neverReplacesACacheOfRealWorkNorTouchesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"real.db"_s);
        {
            // An older build's cache of real work.
            store::Database database;
            QVERIFY(!database.open(path, store::workbenchCacheSchema().upTo(1)));
            QVERIFY(!store::WorkItemStore(database).upsertItems(m_generator.items(0, 10)));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        const store::StoreError error = synthetic::writeSyntheticCache(path, 100, m_generator);
        QCOMPARE(error.code(), store::StoreError::Code::ForeignDatabase);
        QVERIFY2(error.message().contains(u"real work"_s), qPrintable(error.message()));
        // Looking did not upgrade, convert or otherwise change it.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {u"real.db"_s});
    }

    void neverReplacesACacheThatIsOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"open.db"_s);
        QVERIFY(!synthetic::writeSyntheticCache(path, 100, m_generator));
        store::Database workbench; // a workbench has it open
        QVERIFY(!workbench.open(path, store::workbenchCacheSchema()));
        QVERIFY(!store::WorkItemStore(workbench).upsertItems(m_generator.items(0, 1)));
        const store::StoreError error = synthetic::writeSyntheticCache(path, 100, m_generator);
        QCOMPARE(error.code(), store::StoreError::Code::Busy);
        QCOMPARE(store::WorkItemStore(workbench).itemCount(), qint64(100));
    }

    void aFullDiskLeavesNoHalfWrittenFile()
    {
        // A file-size limit makes writes fail with EFBIG past 2 MiB, as a full disk would
        // with ENOSPC, and works for every user, root included.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"full.db"_s);
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit original {};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &original), 0);
        rlimit limited = original;
        limited.rlim_cur = 2 * 1024 * 1024;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const store::StoreError error = synthetic::writeSyntheticCache(path, 50'000, m_generator);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &original), 0);
        QVERIFY(error.isError());
        QVERIFY(!error.message().isEmpty());
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyntheticCache)
#include "test_syntheticcache.moc"
