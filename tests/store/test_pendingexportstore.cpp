// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/pendingexportstore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using store::PendingExportStore;

namespace {

models::ExportRecord record(char digit, const QDateTime &exportedAt)
{
    models::ExportRecord result;
    result.sha256 = QString(64, QChar::fromLatin1(digit));
    result.report = u"open-work"_s;
    result.format = models::ExportFormat::Xlsx;
    result.parameters = {{u"to"_s, u"2026-11-30"_s}, {u"payer"_s, u"P-MCR"_s}};
    result.exportedAt = exportedAt;
    return result;
}

} // namespace

/// The cache's list of exports the gateway has not registered yet.
class TestPendingExportStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    store::Database m_database;
    const QDateTime m_morning {QDate(2026, 11, 30), QTime(8, 15, 0, 250), Qt::UTC};

private Q_SLOTS:
    void init()
    {
        m_database.close();
        QFile::remove(m_dir.filePath(u"cache.db"_s));
        const store::StoreError error = m_database.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema());
        QVERIFY2(!error, qPrintable(error.message()));
    }

    void aKeptExportComesBackWholeForItsExporterOnly()
    {
        PendingExportStore store(m_database);
        const models::ExportRecord kept = record('a', m_morning);
        QVERIFY(!store.keep(kept, u"finance"_s));
        QVERIFY(!store.keep(record('b', m_morning.addSecs(60)), u"biller"_s));
        const QList<models::ExportRecord> finance = store.waiting(u"finance"_s);
        QCOMPARE(finance.size(), 1);
        QCOMPARE(finance.constFirst(), kept);
        QCOMPARE(store.waiting(u"biller"_s).size(), 1);
        QVERIFY(store.waiting(u"coder"_s).isEmpty());
        QCOMPARE(store.waitingCount(), 2);
    }

    void keepingTheSameFileTwiceKeepsItOnce()
    {
        PendingExportStore store(m_database);
        QVERIFY(!store.keep(record('a', m_morning), u"finance"_s));
        QVERIFY(!store.keep(record('a', m_morning.addSecs(5)), u"finance"_s));
        QCOMPARE(store.waiting(u"finance"_s).size(), 1);
        QCOMPARE(store.waiting(u"finance"_s).constFirst().exportedAt, m_morning); // the first keeps its time
    }

    void aRefusedExportStaysWithItsReasonButIsNotSentAgain()
    {
        PendingExportStore store(m_database);
        QVERIFY(!store.keep(record('a', m_morning), u"finance"_s));
        QVERIFY(!store.recordAttempt(QString(64, u'a')));
        QVERIFY(!store.recordRefusal(QString(64, u'a'), u"Registered by someone else"_s));
        QVERIFY(store.waiting(u"finance"_s).isEmpty());
        QCOMPARE(store.waitingCount(), 0);
        QSqlQuery query(m_database.connection());
        QVERIFY(query.exec(u"SELECT attempts, refused FROM pending_exports"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(query.value(1).toString(), u"Registered by someone else"_s);
    }

    void aRegisteredExportLeaves()
    {
        PendingExportStore store(m_database);
        QVERIFY(!store.keep(record('a', m_morning), u"finance"_s));
        QVERIFY(!store.remove(QString(64, u'a')));
        QCOMPARE(store.waitingCount(), 0);
    }

    void aClosedCacheIsAnErrorNotACrash()
    {
        m_database.close();
        PendingExportStore store(m_database);
        QVERIFY(store.keep(record('a', m_morning), u"finance"_s));
        store::StoreError error;
        QVERIFY(store.waiting(u"finance"_s, &error).isEmpty());
        QVERIFY(error);
        QCOMPARE(store.waitingCount(), -1);
    }
};

QTEST_GUILESS_MAIN(TestPendingExportStore)
#include "test_pendingexportstore.moc"
