// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The one-time re-judging of open remittance items raised by the posting rules before
// schema 4: items written as the old rules wrote them (their explanations word for word),
// then re-judged; only those the current rules would not raise are resolved, each with a
// note in its audited history.
#include "server/postingrejudge.h"
#include "tests/server/gatewayfixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;

class TestPostingRejudge final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;

    void raiseOld(const QString &id, models::Queue queue, const QString &kind, const QString &payer,
                  const QString &group, const QString &carc, const QString &explanation)
    {
        models::WorkItem item;
        item.id = id;
        item.queue = queue;
        item.claimNumber = u"OLD-"_s + id;
        item.accountNumber = u"ACCT"_s;
        item.patientDisplayName = u"(not matched)"_s;
        item.payerId = payer;
        item.payerName = payer;
        item.facilityId = u"RGH"_s;
        item.groupCode = group;
        item.carc = carc;
        item.balance = Money::fromCents(1000);
        item.createdAt = item.updatedAt = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
        QVERIFY(!store::WorkItemStore(m_gateway->database()).upsertItems({&item, 1}));
        QSqlQuery record(m_gateway->database().connection());
        record.prepare(u"INSERT INTO remittance_exceptions (work_item_id, remittance_id, kind, segment_number, "
                       "explanation) VALUES (?, 1, ?, 10, ?)"_s);
        record.addBindValue(id);
        record.addBindValue(kind);
        record.addBindValue(explanation);
        QVERIFY(record.exec());
    }

    models::WorkItemStatus statusOf(const QString &id) { return m_gateway->store().item(id)->status; }
    QByteArray lastNote(const QString &id) { return m_gateway->store().history(id).constLast().detailsJson; }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(20);
        QVERIFY(m_gateway->isReady());
        QVERIFY(
            QSqlQuery(m_gateway->database().connection())
                .exec(u"INSERT INTO remittances (id, trace_number, payer_id, payment_cents, method, claim_count, "
                      "balanced, file_sha256, received_at, received_by) VALUES (1, 'OLD-1', '1MCR', 0, 'ACH', 1, 1, "
                      "'x', '2026-11-02T09:00:00Z', 'DEMO-POSTER')"_s));
    }

    void onlyWhatTheCurrentRulesWouldNotRaiseIsResolved()
    {
        using models::Queue;
        // What the old rules raised, in their words.
        raiseOld(u"ERA-1-1"_s, Queue::Remittance, u"denied"_s, u"MCD"_s, u"OA"_s, u"23"_s,
                 u"The payer paid nothing on line 1 (99213, $120.00) of claim OLD-1, giving reason OA-23."_s);
        raiseOld(u"ERA-1-1-D"_s, Queue::Denial, u"denied"_s, u"MCD"_s, u"OA"_s, u"23"_s,
                 u"The payer paid nothing on line 1 (99213, $120.00) of claim OLD-1, giving reason OA-23."_s);
        raiseOld(u"ERA-1-2"_s, Queue::Remittance, u"denied"_s, u"BSH"_s, u"CO"_s, u"24"_s,
                 u"The payer paid nothing on line 1 (99396, $210.00) of claim OLD-2, giving reason CO-24."_s);
        raiseOld(u"ERA-1-3"_s, Queue::Remittance, u"underpaid"_s, u"MCR"_s, QString(), QString(),
                 u"Line 1 (99214) of claim OLD-3 was paid $78.40; the contract allows $100.00 less the patient's share "
                 "of $20.00, so $80.00 was expected: $1.60 short."_s);
        raiseOld(u"ERA-1-4"_s, Queue::Remittance, u"underpaid"_s, u"MCR"_s, QString(), QString(),
                 u"Line 1 (99214) of claim OLD-4 was paid $70.00; the contract allows $100.00 less the patient's share "
                 "of $20.00, so $80.00 was expected: $10.00 short."_s);
        raiseOld(u"ERA-1-5"_s, Queue::Remittance, u"underpaid"_s, u"BSH"_s, QString(), QString(),
                 u"Claim OLD-5 was paid $78.40, but the contract allows $100.00 less the patient's share of $20.00: "
                 "$80.00 expected, $1.60 short."_s);
        raiseOld(u"ERA-1-6"_s, Queue::Remittance, u"unknown-reason-code"_s, u"MCR"_s, QString(), QString(),
                 u"Reason codes to look up before posting: CARC 253 is not in the reason-code catalogue: kept as sent, "
                 "to be looked up."_s);
        raiseOld(u"ERA-1-7"_s, Queue::Remittance, u"unknown-reason-code"_s, u"MCR"_s, QString(), QString(),
                 u"Reason codes to look up before posting: CARC Z99 is not in the reason-code catalogue: kept as sent, "
                 "to be looked up."_s);
        raiseOld(u"ERA-1-8"_s, Queue::Denial, u"denied"_s, u"BSH"_s, u"CO"_s, u"50"_s,
                 u"The payer paid nothing on line 1 (97110, $100.00) of claim OLD-8, giving reason CO-50."_s);

        store::StoreError error;
        const server::PostingRejudge::Outcome outcome
            = server::PostingRejudge(m_gateway->store()).run(QDateTime::currentDateTimeUtc(), &error);
        QVERIFY2(!error, qPrintable(error.message()));
        QVERIFY(outcome.ran);
        QCOMPARE(outcome.resolved, 5);
        QCOMPARE(outcome.byReason.value(u"prior-payer"_s), 2);
        QCOMPARE(outcome.byReason.value(u"capitation"_s), 1);
        QCOMPARE(outcome.byReason.value(u"sequestration"_s), 1);
        QCOMPARE(outcome.byReason.value(u"reason-code-known"_s), 1);

        using models::WorkItemStatus;
        for (const QString &resolved : {u"ERA-1-1"_s, u"ERA-1-1-D"_s, u"ERA-1-2"_s, u"ERA-1-3"_s, u"ERA-1-6"_s})
            QCOMPARE(statusOf(resolved), WorkItemStatus::Resolved);
        QVERIFY(lastNote(u"ERA-1-1"_s).contains("prior payer"));
        QVERIFY(lastNote(u"ERA-1-3"_s).contains("sequestration"));
        QVERIFY(lastNote(u"ERA-1-6"_s).contains("CARC 253 is now in the reason-code catalogue"));
        // Ten dollars short is short; a commercial payer does not sequester; Z99 is still
        // unknown; a medical-necessity denial is a denial.
        for (const QString &open : {u"ERA-1-4"_s, u"ERA-1-5"_s, u"ERA-1-7"_s, u"ERA-1-8"_s})
            QCOMPARE(statusOf(open), WorkItemStatus::New);
        QVERIFY(m_gateway->store().verifyAudit().intact);

        // Once per database.
        QVERIFY(!server::PostingRejudge(m_gateway->store()).run(QDateTime::currentDateTimeUtc()).ran);
    }
};

QTEST_GUILESS_MAIN(TestPostingRejudge)
#include "test_postingrejudge.moc"
