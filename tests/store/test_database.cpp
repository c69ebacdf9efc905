// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/transactionguard.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::store;

namespace {

unsigned modeOf(const QString &path)
{
    struct stat status
    {
    };
    if (stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_mode & 0777u;
}

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

int scalar(Database &database, const QString &statement)
{
    QSqlQuery query(database.connection());
    if (!query.exec(statement) || !query.next())
        return -1;
    return query.value(0).toInt();
}

/// A three-step schema whose third step fails after its first statement succeeded.
Schema schemaWithBrokenStep()
{
    Schema schema;
    schema.name = u"test database"_s;
    schema.applicationId = 0x54455354;
    schema.migrations = {
        {1, u"accounts"_s, {u"CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"_s}},
        {2, u"balances"_s, {u"ALTER TABLE accounts ADD COLUMN balance_cents INTEGER NOT NULL DEFAULT 0"_s}},
        {3,
         u"half-way failure"_s,
         {u"CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)"_s,
          u"UPDATE accounts SET balance_cents = balance_cents + 100"_s,
          u"CREATE INDEX broken ON no_such_table (id)"_s}},
    };
    return schema;
}

const rcm::synthetic::SyntheticGenerator &generator()
{
    static const rcm::synthetic::SyntheticGenerator instance({3, QDate(2026, 11, 1)});
    return instance;
}

} // namespace

class TestDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsAFreshCacheOwnerOnlyInWalMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"nested/folder/cache.db"_s);
        Database database;
        const StoreError error = database.open(path, workbenchCacheSchema());
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(database.schemaVersion(), workbenchCacheSchema().latestVersion());
        QCOMPARE(modeOf(path), 0600u);

        QSqlQuery query(database.connection());
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"wal"_s);
        query.finish();
        QCOMPARE(scalar(database, u"PRAGMA foreign_keys"_s), 1);
        QCOMPARE(scalar(database, u"PRAGMA application_id"_s), workbenchCacheSchema().applicationId);
        QCOMPARE(scalar(database, u"SELECT value FROM meta WHERE key = 'schema_version'"_s),
                 workbenchCacheSchema().latestVersion());

        // Write something so the WAL file exists, then check it is owner-only too.
        WorkItemStore store(database);
        const StoreError writeError = store.upsertItems(generator().items(0, 3));
        QVERIFY2(!writeError, qPrintable(writeError.message()));
        QVERIFY(QFile::exists(path + u"-wal"_s));
        QCOMPARE(modeOf(path + u"-wal"_s), 0600u);
    }

    void restrictsAnExistingFileThatOthersCouldRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.db"_s);
        {
            Database database;
            QVERIFY(!database.open(path, workbenchCacheSchema()));
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        Database database;
        QVERIFY(!database.open(path, workbenchCacheSchema()));
        QCOMPARE(modeOf(path), 0600u);
    }

    void upgradesFromEveryEarlierVersionKeepingData_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int version = 1; version < workbenchCacheSchema().latestVersion(); ++version)
            QTest::addRow("from version %d", version) << version;
    }

    void upgradesFromEveryEarlierVersionKeepingData()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.db"_s);
        const auto items = generator().items(0, 50);
        {
            // An older build made this file and wrote work into it.
            Database database;
            QVERIFY(!database.open(path, workbenchCacheSchema().upTo(fromVersion)));
            QCOMPARE(database.schemaVersion(), fromVersion);
            QVERIFY(!WorkItemStore(database).upsertItems(items));
        }
        Database database;
        const StoreError error = database.open(path, workbenchCacheSchema());
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(database.schemaVersion(), workbenchCacheSchema().latestVersion());
        WorkItemStore store(database);
        QCOMPARE(store.itemCount(), qint64(50));
        QCOMPARE(store.item(items.at(17).id), std::optional(items.at(17)));
        // Rows written before search existed are found by it after the upgrade.
        QCOMPARE(store.search(items.at(5).claimNumber, 5), QStringList {items.at(5).id});
    }

    void aMigrationThatFailsHalfWayRollsBackAndLeavesTheOldVersionUsable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"test.db"_s);
        const Schema schema = schemaWithBrokenStep();
        {
            Database database;
            QVERIFY(!database.open(path, schema.upTo(2)));
            QVERIFY(!database.execute(u"INSERT INTO accounts (name, balance_cents) VALUES ('a', 500)"_s));
        }
        {
            Database database;
            const StoreError error = database.open(path, schema);
            QCOMPARE(error.code(), StoreError::Code::MigrationFailed);
            QVERIFY2(error.message().contains(u"version 3"_s), qPrintable(error.message()));
            QVERIFY2(error.message().contains(u"still at version 2"_s), qPrintable(error.message()));
            QVERIFY(!database.isOpen());
        }
        // The build that knows version 2 opens the file as if nothing had happened.
        Database database;
        QVERIFY(!database.open(path, schema.upTo(2)));
        QCOMPARE(database.schemaVersion(), 2);
        QCOMPARE(scalar(database, u"SELECT balance_cents FROM accounts"_s), 500);
        QCOMPARE(scalar(database, u"SELECT count(*) FROM sqlite_master WHERE name = 'notes'"_s), 0);
    }

    void aCorruptFileIsReportedAndLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("text file") << QByteArray("claim,amount\nCLM1,100.00\n").repeated(200);
        QTest::newRow("random bytes") << QByteArray(8192, '\xA5');
        QByteArray header("SQLite format 3");
        header.append('\0');
        header.append(QByteArray(84, '\xFF')); // a header that lies about everything
        QTest::newRow("damaged header") << header.leftJustified(4096, '\0');
    }

    void aCorruptFileIsReportedAndLeftUntouched()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.db"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        const QByteArray before = fileDigest(path);

        Database database;
        const StoreError error = database.open(path, workbenchCacheSchema());
        QVERIFY(error.isError());
        QVERIFY2(error.code() == StoreError::Code::NotADatabase || error.code() == StoreError::Code::ForeignDatabase,
                 qPrintable(error.message()));
        QVERIFY2(error.message().contains(u"not been changed"_s), qPrintable(error.message()));
        QVERIFY(!database.isOpen());
        QCOMPARE(fileDigest(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void aTruncatedCacheIsReportedWhenRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.db"_s);
        {
            Database database;
            QVERIFY(!database.open(path, workbenchCacheSchema()));
            QVERIFY(!WorkItemStore(database).upsertItems(generator().items(0, 2000)));
        }
        QFile file(path);
        QVERIFY(file.resize(file.size() / 3));
        const QByteArray before = fileDigest(path);
        Database database;
        StoreError error = database.open(path, workbenchCacheSchema());
        if (!error)
            error = database.checkIntegrity();
        QVERIFY2(error.code() == StoreError::Code::NotADatabase, qPrintable(error.message()));
        database.close();
        QCOMPARE(fileDigest(path), before);
    }

    void someOtherProgramsDatabaseIsNotTakenOver()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"other.db"_s);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery(other).exec(u"CREATE TABLE photos (id INTEGER PRIMARY KEY)"_s);
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other"_s);
        const QByteArray before = fileDigest(path);
        Database database;
        const StoreError error = database.open(path, workbenchCacheSchema());
        QCOMPARE(error.code(), StoreError::Code::ForeignDatabase);
        QCOMPARE(fileDigest(path), before);
    }

    void aFileFromANewerBuildIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cache.db"_s);
        Schema newer = workbenchCacheSchema();
        newer.migrations.append(
            {newer.latestVersion() + 1, u"from the future"_s, {u"CREATE TABLE future (id INTEGER PRIMARY KEY)"_s}});
        {
            Database database;
            QVERIFY(!database.open(path, newer));
        }
        Database database;
        const StoreError error = database.open(path, workbenchCacheSchema());
        QCOMPARE(error.code(), StoreError::Code::TooNew);
        QVERIFY2(error.message().contains(u"newer version"_s), qPrintable(error.message()));
    }

    void aTransactionGuardRollsBackUnlessCommitted()
    {
        QTemporaryDir dir;
        Database database;
        QVERIFY(!database.open(dir.filePath(u"cache.db"_s), workbenchCacheSchema()));
        {
            TransactionGuard transaction(database.connection());
            QVERIFY(transaction.isActive());
            QVERIFY(!database.execute(u"INSERT INTO facilities VALUES ('X', 'Rolled back', 0)"_s));
        }
        QCOMPARE(scalar(database, u"SELECT count(*) FROM facilities"_s), 0);
        {
            TransactionGuard transaction(database.connection());
            QVERIFY(!database.execute(u"INSERT INTO facilities VALUES ('Y', 'Kept', 0)"_s));
            QVERIFY(!transaction.commit());
        }
        QCOMPARE(scalar(database, u"SELECT count(*) FROM facilities"_s), 1);
    }

    void twoProcessesWriteOneFileWithoutLosingRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"shared.db"_s);
        constexpr int perWriter = 600;
        QList<QProcess *> writers;
        for (int writer = 0; writer < 2; ++writer) {
            auto *process = new QProcess(this);
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->start(QStringLiteral(CACHE_WRITER_HELPER),
                           {path, QString::number(writer * perWriter), QString::number(perWriter)});
            writers.append(process);
        }
        // Meanwhile this process reads the same file, as the workbench would during a sync.
        Database reader;
        QVERIFY(!reader.open(path, workbenchCacheSchema()));
        WorkItemStore readerStore(reader);
        qint64 lastSeen = 0;
        for (QProcess *process : std::as_const(writers)) {
            while (!process->waitForFinished(20)) {
                const qint64 seen = readerStore.itemCount();
                QVERIFY(seen >= lastSeen); // committed rows never disappear
                lastSeen = seen;
            }
            QCOMPARE(process->exitStatus(), QProcess::NormalExit);
            QCOMPARE(process->exitCode(), 0);
        }
        QCOMPARE(readerStore.itemCount(), qint64(2 * perWriter));
        QVERIFY(!reader.checkIntegrity());
        const auto expected = rcm::synthetic::SyntheticGenerator({42, QDate(2026, 11, 1)}).item(2 * perWriter - 1);
        QCOMPARE(readerStore.item(expected.id), std::optional(expected));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
