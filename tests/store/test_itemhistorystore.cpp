// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/itemhistorystore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::models;
using namespace rcm::store;

namespace {

HistoryEntry entry(qint64 sequence, const QString &type, const QJsonObject &details = {})
{
    return {sequence, type, u"U001"_s, QDateTime(QDate(2026, 11, 2), QTime(9, 30, int(sequence)), Qt::UTC), details};
}

PostedPayment payment(const QString &trace, qint64 paidCents)
{
    return {trace,
            QDate(2026, 10, 15),
            u"1"_s,
            Money::fromCents(25000),
            Money::fromCents(paidCents),
            Money::fromCents(2000),
            false};
}

} // namespace

Q_DECLARE_METATYPE(rcm::models::PostedPayment)

class TestItemHistoryStore final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Database m_database;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(u"cache.db"_s));
        const StoreError error = m_database.open(m_dir.filePath(u"cache.db"_s), workbenchCacheSchema());
        QVERIFY2(!error, qPrintable(error.message()));
    }

    void cleanup() { m_database.close(); }

    void anItemWithNothingCachedHasNoHistoryAndNoPayments()
    {
        ItemHistoryStore store(m_database);
        StoreError error;
        QVERIFY(store.history(u"WI-1"_s, &error).isEmpty());
        QVERIFY(store.payments(u"WI-1"_s, &error).isEmpty());
        QVERIFY2(!error, qPrintable(error.message()));
    }

    void theHistoryReadsBackOldestFirstWithItsDetails()
    {
        ItemHistoryStore store(m_database);
        const QList<HistoryEntry> entries = {
            entry(2, u"note"_s, {{u"text"_s, u"Called the payer"_s}}),
            entry(1, u"take"_s),
            entry(3, u"resolve"_s, {{u"resolution"_s, u"paid"_s}}),
        };
        QVERIFY(!store.replaceHistory(u"WI-1"_s, entries));
        QCOMPARE(store.history(u"WI-1"_s), (QList<HistoryEntry> {entries.at(1), entries.at(0), entries.at(2)}));
    }

    void aNewHistoryReplacesTheOldOneWhole()
    {
        ItemHistoryStore store(m_database);
        QVERIFY(!store.replaceHistory(u"WI-1"_s, QList {entry(1, u"take"_s), entry(2, u"note"_s)}));
        const QList<HistoryEntry> fresh = {entry(1, u"assign"_s)};
        QVERIFY(!store.replaceHistory(u"WI-1"_s, fresh));
        QCOMPARE(store.history(u"WI-1"_s), fresh);
    }

    void replacingOneItemsHistoryLeavesOtherItemsAlone()
    {
        ItemHistoryStore store(m_database);
        const QList<HistoryEntry> other = {entry(1, u"take"_s)};
        QVERIFY(!store.replaceHistory(u"WI-2"_s, other));
        QVERIFY(!store.replaceHistory(u"WI-1"_s, QList {entry(1, u"note"_s)}));
        QVERIFY(!store.replaceHistory(u"WI-1"_s, QList<HistoryEntry> {}));
        QCOMPARE(store.history(u"WI-2"_s), other);
        QVERIFY(store.history(u"WI-1"_s).isEmpty());
    }

    void aReplaceThatFailsKeepsTheHistoryCachedBefore()
    {
        ItemHistoryStore store(m_database);
        const QList<HistoryEntry> before = {entry(1, u"take"_s)};
        QVERIFY(!store.replaceHistory(u"WI-1"_s, before));
        // Two entries with one sequence number: the second cannot be written.
        QVERIFY(store.replaceHistory(u"WI-1"_s, QList {entry(1, u"note"_s), entry(1, u"assign"_s)}));
        QCOMPARE(store.history(u"WI-1"_s), before);
    }

    void aPaymentRoundTripsExactly_data()
    {
        QTest::addColumn<PostedPayment>("posted");
        QTest::newRow("a payment") << payment(u"EFT1001"_s, 18000);
        QTest::newRow("a denial pays nothing") << payment(u"EFT1002"_s, 0);
        PostedPayment reversal = payment(u"EFT1003"_s, -18000);
        reversal.statusCode = u"22"_s;
        reversal.charge = Money::fromCents(-25000);
        QTest::newRow("a reversal is negative") << reversal;
        PostedPayment reversed = payment(u"EFT1004"_s, 18000);
        reversed.reversed = true;
        QTest::newRow("a payment reversed later") << reversed;
        PostedPayment undated = payment(u"CHK77"_s, 500);
        undated.paymentDate = QDate();
        QTest::newRow("a payment without a date") << undated;
    }

    void aPaymentRoundTripsExactly()
    {
        QFETCH(PostedPayment, posted);
        ItemHistoryStore store(m_database);
        QVERIFY(!store.replacePayments(u"WI-1"_s, QList {posted}));
        QCOMPARE(store.payments(u"WI-1"_s), QList {posted});
    }

    void paymentsKeepTheOrderTheServerListedThemIn()
    {
        ItemHistoryStore store(m_database);
        const QList<PostedPayment> payments
            = {payment(u"EFT9"_s, 100), payment(u"EFT1"_s, 200), payment(u"EFT5"_s, 300)};
        QVERIFY(!store.replacePayments(u"WI-1"_s, payments));
        QCOMPARE(store.payments(u"WI-1"_s), payments);
        QVERIFY(!store.replacePayments(u"WI-1"_s, QList {payments.at(2)}));
        QCOMPARE(store.payments(u"WI-1"_s), QList {payments.at(2)});
    }

    void historyAndPaymentsAreReplacedTogether()
    {
        ItemHistoryStore store(m_database);
        QVERIFY(
            !store.replaceHistoryAndPayments(u"WI-1"_s, QList {entry(1, u"take"_s)}, QList {payment(u"EFT1"_s, 100)}));
        const QList<HistoryEntry> history = {entry(1, u"take"_s), entry(2, u"note"_s)};
        const QList<PostedPayment> payments = {payment(u"EFT2"_s, 200)};
        QVERIFY(!store.replaceHistoryAndPayments(u"WI-1"_s, history, payments));
        QCOMPARE(store.history(u"WI-1"_s), history);
        QCOMPARE(store.payments(u"WI-1"_s), payments);
    }

    void aFailedHistoryLeavesThePaymentsAsTheyWere()
    {
        ItemHistoryStore store(m_database);
        const QList<PostedPayment> before = {payment(u"EFT1"_s, 100)};
        QVERIFY(!store.replaceHistoryAndPayments(u"WI-1"_s, QList {entry(1, u"take"_s)}, before));
        QVERIFY(store.replaceHistoryAndPayments(u"WI-1"_s, QList {entry(1, u"note"_s), entry(1, u"assign"_s)},
                                                QList {payment(u"EFT2"_s, 200)}));
        QCOMPARE(store.payments(u"WI-1"_s), before);
        QCOMPARE(store.history(u"WI-1"_s), QList {entry(1, u"take"_s)});
    }
};

QTEST_GUILESS_MAIN(TestItemHistoryStore)
#include "test_itemhistorystore.moc"
