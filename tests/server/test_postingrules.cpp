// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The posting rules (docs/posting-rules.md), one test per rule, each through
// POST /v1/remittances on a real gateway: a small 835 built here for claims the test puts
// in the register, and the outcome a cash poster expects, stated from the domain.
#include "server/claimregister.h"
#include "tests/server/postingrulestesting.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;
using namespace testing::posting;

class TestPostingRules final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    std::unique_ptr<testing::HttpClient> m_poster;
    std::unique_ptr<testing::HttpClient> m_biller;
    const QDate m_day = QDate(2026, 10, 5);

    void registerClaim(const QString &number, const QString &payer, QList<models::ClaimLine> lines,
                       const QString &secondary = {}, const QString &payerClaimNumber = {})
    {
        models::Claim claim;
        claim.claimNumber = number;
        claim.accountNumber = u"ACCT-"_s + number;
        claim.payerId = payer;
        claim.secondaryPayerId = secondary;
        claim.payerClaimNumber = payerClaimNumber;
        claim.lines = std::move(lines);
        QVERIFY(!server::ClaimRegister(m_gateway->database()).addClaims({&claim, 1}));
    }

    testing::HttpReply post(const QByteArray &file)
    {
        const testing::HttpReply reply
            = m_poster->post(u"/remittances"_s, file, {{"content-type", "application/edi-x12"}});
        if (reply.status >= 400 || !kindsOf(reply).isEmpty())
            qInfo().noquote() << reply.status << kindsOf(reply) << reply.body.left(600);
        return reply;
    }
    testing::HttpReply post(const x12::Remittance &remittance) { return post(fileWith({remittance})); }

    qint64 count(const QString &statement)
    {
        QSqlQuery query(m_gateway->database().connection());
        const qint64 result = query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
        query.finish();
        return result;
    }
    QString text(const QString &statement)
    {
        QSqlQuery query(m_gateway->database().connection());
        const QString result = query.exec(statement) && query.next() ? query.value(0).toString() : u"(none)"_s;
        query.finish();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(50);
        QVERIFY(m_gateway->isReady());
        m_poster = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_poster->signIn(u"poster"_s));
        m_biller = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_biller->signIn(u"biller"_s));
    }

    // --- Not denials, not underpayments ---------------------------------------------

    void aLegitimateReductionIsNeitherADenialNorAnUnderpayment_data()
    {
        QTest::addColumn<QString>("payer");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("reason");
        // Allowed 100.00, coinsurance 20.00, then the reduction of 1.60 on the 80.00 left.
        QTest::newRow("CO-253 sequestration on a Medicare line") << u"MCR"_s << u"CO"_s << u"253"_s;
        QTest::newRow("CO-253 on a Medicare Advantage line") << u"MCA"_s << u"CO"_s << u"253"_s;
        QTest::newRow("CO-237 legislated adjustment") << u"MCR"_s << u"CO"_s << u"237"_s;
        QTest::newRow("CO-59 multiple procedure rule") << u"BSH"_s << u"CO"_s << u"59"_s;
        QTest::newRow("PI-253 sequestration the payer applied") << u"MCR"_s << u"PI"_s << u"253"_s;
    }
    void aLegitimateReductionIsNeitherADenialNorAnUnderpayment()
    {
        QFETCH(QString, payer);
        QFETCH(QString, group);
        QFETCH(QString, reason);
        const QString number = u"LR-%1-%2-%3"_s.arg(payer, group, reason);
        registerClaim(number, payer, {billed(1, u"99214"_s, 150, 100)});
        const auto reply
            = post(from(payer,
                        {clp(number, u"1"_s,
                             {paid(u"99214"_s, 150, 78.40,
                                   {cas(u"CO"_s, u"45"_s, 50), cas(u"PR"_s, u"2"_s, 20), cas(group, reason, 1.60)})})},
                        u"T-"_s + number));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
    }

    void aSecondaryPayingNothingAfterThePrimaryIsNotADenial()
    {
        // Medicare paid as primary; the Medicaid secondary owes nothing more: OA-23.
        registerClaim(u"COB-1"_s, u"MCR"_s, {billed(1, u"99213"_s, 120, 90)}, u"MCD"_s);
        x12::ClaimPayment secondary = clp(u"COB-1"_s, u"2"_s, {paid(u"99213"_s, 120, 0, {cas(u"OA"_s, u"23"_s, 120)})});
        const auto reply = post(from(u"MCD"_s, {secondary}, u"T-COB-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
        QCOMPARE(count(u"SELECT count(*) FROM work_items WHERE claim_number = 'COB-1' AND queue = 'denial'"_s), 0);
    }

    void aCapitatedServiceIsNotADenial()
    {
        registerClaim(u"CAP-1"_s, u"BSH"_s, {billed(1, u"99396"_s, 210, 0)});
        const auto reply
            = post(from(u"BSH"_s, {clp(u"CAP-1"_s, u"1"_s, {paid(u"99396"_s, 210, 0, {cas(u"CO"_s, u"24"_s, 210)})})},
                        u"T-CAP-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
    }

    void aPredeterminationIsNotADenial()
    {
        registerClaim(u"PRE-1"_s, u"BSH"_s, {billed(1, u"27447"_s, 9000, 7000)});
        x12::ClaimPayment estimate = clp(u"PRE-1"_s, u"25"_s, {});
        estimate.charge = dollars(9000);
        estimate.adjustments = {cas(u"CO"_s, u"101"_s, 9000)}; // "predetermination: anticipated payment"
        const auto reply = post(from(u"BSH"_s, {estimate}, u"T-PRE-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
        QCOMPARE(text(u"SELECT status_code FROM claim_payments WHERE claim_number = 'PRE-1'"_s), u"25"_s);
    }

    void aZeroPayExplainedByTheDeductibleIsNotADenial()
    {
        // Allowed 95.00: 90.00 to the deductible and 5.00 to the blood deductible (PR-66).
        registerClaim(u"DED-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto reply
            = post(from(u"BSH"_s,
                        {clp(u"DED-1"_s, u"1"_s,
                             {paid(u"99213"_s, 130, 0,
                                   {cas(u"CO"_s, u"45"_s, 35), cas(u"PR"_s, u"1"_s, 90), cas(u"PR"_s, u"66"_s, 5)})})},
                        u"T-DED-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
    }

    void aPatientBalanceIsNotAContractualWriteDown()
    {
        // Out of network: the payer allows 60.00, all of it to the deductible, and leaves
        // the 40.00 above it to the patient (PR-45): the patient's to pay, not a denial.
        registerClaim(u"OON-1"_s, u"BSH"_s, {billed(1, u"99203"_s, 100, 60)});
        const auto reply
            = post(from(u"BSH"_s,
                        {clp(u"OON-1"_s, u"1"_s,
                             {paid(u"99203"_s, 100, 0, {cas(u"PR"_s, u"1"_s, 60), cas(u"PR"_s, u"45"_s, 40)})})},
                        u"T-OON-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
    }

    // --- Denials ----------------------------------------------------------------------

    void aDenialIsFiledUnderTheReasonThatDrivesItNotTheWriteDown()
    {
        registerClaim(u"DEN-1"_s, u"BSH"_s, {billed(1, u"97110"_s, 100, 70)});
        x12::ServiceLine line = paid(u"97110"_s, 100, 0, {cas(u"CO"_s, u"45"_s, 30), cas(u"CO"_s, u"50"_s, 70)});
        line.remarkCodes = {u"N115"_s};
        const auto reply = post(from(u"BSH"_s, {clp(u"DEN-1"_s, u"1"_s, {line})}, u"T-DEN-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList {u"denied"_s});
        const QJsonObject denial = exceptionsOf(reply).at(0).toObject();
        QCOMPARE(denial.value(u"groupCode"_s).toString(), u"CO"_s);
        QCOMPARE(denial.value(u"reasonCode"_s).toString(), u"50"_s);
        QCOMPARE(denial.value(u"amount"_s).toString(), u"70.00"_s);
        QCOMPARE(text(u"SELECT carc FROM work_items WHERE claim_number = 'DEN-1' AND queue = 'denial'"_s), u"50"_s);
        QCOMPARE(text(u"SELECT denial_category FROM work_items WHERE claim_number = 'DEN-1' AND queue = 'denial'"_s),
                 u"medical_necessity"_s);
    }

    void aPartialDenialOfSomeUnitsIsADenialOfThoseUnits()
    {
        // Four units billed at 50.00, two paid at the 40.00 allowed, two denied (CO-151).
        registerClaim(u"UNITS-1"_s, u"BSH"_s, {billed(1, u"97140"_s, 200, 160)});
        const auto reply
            = post(from(u"BSH"_s,
                        {clp(u"UNITS-1"_s, u"1"_s,
                             {paid(u"97140"_s, 200, 80, {cas(u"CO"_s, u"45"_s, 20), cas(u"CO"_s, u"151"_s, 100)})})},
                        u"T-UNITS-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList {u"denied"_s});
        const QJsonObject denial = exceptionsOf(reply).at(0).toObject();
        QCOMPARE(denial.value(u"reasonCode"_s).toString(), u"151"_s);
        QCOMPARE(denial.value(u"amount"_s).toString(), u"100.00"_s);
    }

    void aDeniedClaimCarriesTheReasonThatDrivesIt()
    {
        registerClaim(u"CLP4-1"_s, u"BSH"_s, {billed(1, u"70553"_s, 1800, 900)});
        x12::ClaimPayment denied = clp(u"CLP4-1"_s, u"4"_s, {});
        denied.charge = dollars(1800);
        denied.adjustments = {cas(u"CO"_s, u"45"_s, 900), cas(u"CO"_s, u"197"_s, 900)};
        denied.remarkCodes = {u"N54"_s};
        const auto reply = post(from(u"BSH"_s, {denied}, u"T-CLP4-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList {u"denied"_s});
        QCOMPARE(exceptionsOf(reply).at(0).toObject().value(u"reasonCode"_s).toString(), u"197"_s);
    }

    void aSecondaryDenyingWhatThePrimaryPaidInFullIsNotADenial()
    {
        // CLP02 = 4 from the secondary, but only because the primary already paid it all.
        registerClaim(u"COB-4"_s, u"MCR"_s, {billed(1, u"99213"_s, 120, 90)}, u"MCD"_s);
        x12::ClaimPayment nothingOwed = clp(u"COB-4"_s, u"4"_s, {});
        nothingOwed.charge = dollars(120);
        nothingOwed.adjustments = {cas(u"OA"_s, u"23"_s, 120)};
        const auto reply = post(from(u"MCD"_s, {nothingOwed}, u"T-COB-4"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
    }

    void aCoverageEndedDenialIsADenialThoughThePatientsGroup()
    {
        registerClaim(u"PR27-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto reply
            = post(from(u"BSH"_s, {clp(u"PR27-1"_s, u"1"_s, {paid(u"99213"_s, 130, 0, {cas(u"PR"_s, u"27"_s, 130)})})},
                        u"T-PR27-1"_s));
        QCOMPARE(kindsOf(reply), QStringList {u"denied"_s});
        QCOMPARE(exceptionsOf(reply).at(0).toObject().value(u"groupCode"_s).toString(), u"PR"_s);
    }

    // --- Claim status (CLP02) ----------------------------------------------------------

    void aClaimStatusOutsideThe5010ListIsADefectNotASilentAccept()
    {
        registerClaim(u"ST5-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto reply
            = post(from(u"BSH"_s, {clp(u"ST5-1"_s, u"5"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                        u"T-ST5-1"_s));
        QCOMPARE(reply.status, 422);
        QVERIFY2(errorCodesOf(reply).contains(u"claim.status-invalid"_s), reply.body.constData());
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments WHERE patient_control_number = 'ST5-1'"_s), 0);
    }

    void aForwardedClaimRecordsThePayerItWentTo()
    {
        registerClaim(u"XOVER-1"_s, u"MCR"_s, {billed(1, u"99213"_s, 120, 90)}, u"MCD"_s);
        x12::ClaimPayment forwarded
            = clp(u"XOVER-1"_s, u"19"_s,
                  {paid(u"99213"_s, 120, 70.56,
                        {cas(u"CO"_s, u"45"_s, 30), cas(u"PR"_s, u"2"_s, 18), cas(u"CO"_s, u"253"_s, 1.44)})});
        forwarded.crossoverPayerName = u"STATE MEDICAID (SYNTHETIC)"_s;
        forwarded.crossoverPayerId = u"MCD"_s;
        const auto reply = post(from(u"MCR"_s, {forwarded}, u"T-XOVER-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
        QCOMPARE(text(u"SELECT forwarded_to FROM claim_payments WHERE claim_number = 'XOVER-1'"_s),
                 u"STATE MEDICAID (SYNTHETIC)"_s);
    }

    void aClaimThePayerSaysIsNotItsIsRaisedForRebilling()
    {
        registerClaim(u"NOC-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        x12::ClaimPayment notOurs = clp(u"NOC-1"_s, u"23"_s, {});
        notOurs.charge = dollars(130);
        notOurs.adjustments = {cas(u"OA"_s, u"109"_s, 130)};
        QCOMPARE(kindsOf(post(from(u"BSH"_s, {notOurs}, u"T-NOC-1"_s))), QStringList {u"not-our-claim"_s});
        // Usually it comes from a payer the claim never named: still "bill the right payer".
        QCOMPARE(kindsOf(post(from(u"NWH"_s, {notOurs}, u"T-NOC-2"_s))), QStringList {u"not-our-claim"_s});
    }

    // --- Expected payment ---------------------------------------------------------------

    void expectedPaymentIsJudgedAgainstThePayersAllowedAmount_data()
    {
        QTest::addColumn<double>("paidAmount");
        QTest::addColumn<QStringList>("kinds");
        // The contract says 100.00; the payer says it allowed 90.00 (AMT*B6), with 18.00
        // coinsurance, and writes the rest off as contractual (CO-45).
        QTest::newRow("paid what its own allowed amount leaves") << 72.0 << QStringList();
        QTest::newRow("paid less than its own allowed amount leaves") << 60.0 << QStringList {u"underpaid"_s};
    }
    void expectedPaymentIsJudgedAgainstThePayersAllowedAmount()
    {
        QFETCH(double, paidAmount);
        QFETCH(QStringList, kinds);
        const QString number = u"B6-%1"_s.arg(QString::number(paidAmount));
        registerClaim(number, u"BSH"_s, {billed(1, u"99214"_s, 150, 100)});
        x12::ServiceLine line = paid(u"99214"_s, 150, paidAmount,
                                     {cas(u"CO"_s, u"45"_s, 150 - 18 - paidAmount), cas(u"PR"_s, u"2"_s, 18)});
        line.allowed = dollars(90);
        const auto reply = post(from(u"BSH"_s, {clp(number, u"1"_s, {line})}, u"T-"_s + number));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), kinds);
        if (!kinds.isEmpty())
            QCOMPARE(exceptionsOf(reply).at(0).toObject().value(u"amount"_s).toString(), u"12.00"_s);
    }

    void aShortPaymentWithoutAReasonIsAnUnderpaymentAgainstTheContract()
    {
        registerClaim(u"UP-1"_s, u"BSH"_s, {billed(1, u"99214"_s, 150, 100)});
        // Paid 70.00 of the 80.00 the contract leaves after 20.00 coinsurance; the payer
        // wrote the 10.00 off as contractual, as if the contract allowed 90.00.
        const auto reply
            = post(from(u"BSH"_s,
                        {clp(u"UP-1"_s, u"1"_s,
                             {paid(u"99214"_s, 150, 70, {cas(u"CO"_s, u"45"_s, 60), cas(u"PR"_s, u"2"_s, 20)})})},
                        u"T-UP-1"_s));
        QCOMPARE(kindsOf(reply), QStringList {u"underpaid"_s});
        QCOMPARE(exceptionsOf(reply).at(0).toObject().value(u"amount"_s).toString(), u"10.00"_s);
    }

    void aSplitClaimIsJudgedOnceOnItsWhole()
    {
        // Adjudicated at claim level in two parts: 50.00 and 50.00 of the 100.00 allowed.
        registerClaim(u"SPLIT-1"_s, u"BSH"_s, {billed(1, u"99223"_s, 150, 60), billed(2, u"99232"_s, 100, 40)});
        x12::ClaimPayment first = clp(u"SPLIT-1"_s, u"1"_s, {});
        first.charge = dollars(150);
        first.paid = dollars(50);
        first.adjustments = {cas(u"CO"_s, u"45"_s, 100)};
        x12::ClaimPayment second = clp(u"SPLIT-1"_s, u"1"_s, {});
        second.charge = dollars(100);
        second.paid = dollars(50);
        second.adjustments = {cas(u"CO"_s, u"45"_s, 50)};
        const auto reply = post(from(u"BSH"_s, {first, second}, u"T-SPLIT-1"_s));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
    }

    void anOverpaymentRaisesACreditBalanceWithItsRefundDeadline_data()
    {
        QTest::addColumn<QString>("payer");
        QTest::addColumn<int>("days");
        QTest::newRow("Medicare: 60 days from identification") << u"MCR"_s << 60;
        QTest::newRow("a commercial payer: its contract's 30 days") << u"BSH"_s << 30;
    }
    void anOverpaymentRaisesACreditBalanceWithItsRefundDeadline()
    {
        QFETCH(QString, payer);
        QFETCH(int, days);
        QVERIFY(QSqlQuery(m_gateway->database().connection())
                    .exec(u"INSERT OR REPLACE INTO payer_settings (payer_id, refund_days) VALUES ('BSH', 30)"_s));
        const QString number = u"OVER-"_s + payer;
        registerClaim(number, payer, {billed(1, u"99214"_s, 150, 100)});
        // The contract leaves 80.00 after the 20.00 coinsurance; the payer paid 95.00.
        const auto reply = post(from(
            payer,
            {clp(number, u"1"_s, {paid(u"99214"_s, 150, 95, {cas(u"CO"_s, u"45"_s, 35), cas(u"PR"_s, u"2"_s, 20)})})},
            u"T-"_s + number));
        QCOMPARE(kindsOf(reply), QStringList {u"overpaid"_s});
        const QJsonObject credit = exceptionsOf(reply).at(0).toObject();
        QCOMPARE(credit.value(u"amount"_s).toString(), u"15.00"_s);
        QCOMPARE(credit.value(u"dueDate"_s).toString(), QDate::currentDate().addDays(days).toString(Qt::ISODate));
    }

    void aClaimPaidTwiceRaisesACreditBalance()
    {
        registerClaim(u"TWICE-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto payment = [] {
            return clp(u"TWICE-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})});
        };
        QCOMPARE(kindsOf(post(from(u"BSH"_s, {payment()}, u"T-TWICE-1"_s))), QStringList());
        const auto again = post(from(u"BSH"_s, {payment()}, u"T-TWICE-2"_s)); // another check, same claim
        QCOMPARE(kindsOf(again), QStringList {u"overpaid"_s});
        QCOMPARE(exceptionsOf(again).at(0).toObject().value(u"amount"_s).toString(), u"95.00"_s);
    }

    // --- Line matching ------------------------------------------------------------------

    void aLineIsMatchedByItsLineControlNumber()
    {
        // Four visits of 97110; the payer denies the third, named by its REF*6R.
        QList<models::ClaimLine> lines;
        for (int visit = 1; visit <= 4; ++visit)
            lines << billed(visit, u"97110"_s, 50, 40, m_day.addDays(7 * (visit - 1)), u"V%1"_s.arg(visit));
        registerClaim(u"PT-1"_s, u"BSH"_s, lines);
        // The payer answers in its own order and sends no dates: only REF*6R says which visit.
        QList<x12::ServiceLine> payerLines;
        for (const int visit : {3, 1, 2, 4}) {
            payerLines << (visit == 3 ? paid(u"97110"_s, 50, 0, {cas(u"CO"_s, u"119"_s, 50)}, {}, u"V3"_s)
                                      : paid(u"97110"_s, 50, 40, {cas(u"CO"_s, u"45"_s, 10)}, {}, u"V%1"_s.arg(visit)));
        }
        const auto reply = post(from(u"BSH"_s, {clp(u"PT-1"_s, u"1"_s, payerLines)}, u"T-PT-1"_s));
        QCOMPARE(kindsOf(reply), QStringList {u"denied"_s});
        const QString explanation = exceptionsOf(reply).at(0).toObject().value(u"explanation"_s).toString();
        QVERIFY2(explanation.contains(u"line 3 (97110 on %1)"_s.arg(m_day.addDays(14).toString(Qt::ISODate))),
                 qPrintable(explanation));
    }

    void aLineIsMatchedByItsServiceDateWhenNoControlNumberCameBack()
    {
        QList<models::ClaimLine> lines;
        for (int visit = 1; visit <= 4; ++visit)
            lines << billed(visit, u"97110"_s, 50, 40, m_day.addDays(7 * (visit - 1)));
        registerClaim(u"PT-2"_s, u"BSH"_s, lines);
        // The payer answers in its own order: the denied third visit comes first, by date.
        QList<x12::ServiceLine> payerLines {
            paid(u"97110"_s, 50, 0, {cas(u"CO"_s, u"119"_s, 50)}, m_day.addDays(14)),
            paid(u"97110"_s, 50, 40, {cas(u"CO"_s, u"45"_s, 10)}, m_day),
            paid(u"97110"_s, 50, 40, {cas(u"CO"_s, u"45"_s, 10)}, m_day.addDays(7)),
            paid(u"97110"_s, 50, 40, {cas(u"CO"_s, u"45"_s, 10)}, m_day.addDays(21)),
        };
        const auto reply = post(from(u"BSH"_s, {clp(u"PT-2"_s, u"1"_s, payerLines)}, u"T-PT-2"_s));
        QCOMPARE(kindsOf(reply), QStringList {u"denied"_s});
        QVERIFY(exceptionsOf(reply).at(0).toObject().value(u"explanation"_s).toString().contains(u"line 3 "_s));
    }

    void anInstitutionalLineIsMatchedByItsRevenueCode()
    {
        registerClaim(u"UB-1"_s, u"BSH"_s,
                      {billed(1, QString(), 800, 500, m_day, {}, u"0450"_s),
                       billed(2, QString(), 300, 200, m_day, {}, u"0300"_s)});
        x12::ServiceLine lab = paid(u"0300"_s, 300, 0, {cas(u"CO"_s, u"96"_s, 300)});
        lab.procedure.qualifier = u"NU"_s;
        x12::ServiceLine emergency = paid(u"0450"_s, 800, 500, {cas(u"CO"_s, u"45"_s, 300)});
        emergency.procedure.qualifier = u"NU"_s;
        const auto reply = post(from(u"BSH"_s, {clp(u"UB-1"_s, u"1"_s, {lab, emergency})}, u"T-UB-1"_s));
        QCOMPARE(kindsOf(reply), QStringList {u"denied"_s});
        QVERIFY(exceptionsOf(reply).at(0).toObject().value(u"explanation"_s).toString().contains(u"line 2 "_s));
    }

    // --- Claim matching -----------------------------------------------------------------

    void aPaymentFromAPayerNotOnTheClaimIsAnException()
    {
        registerClaim(u"WRONG-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto reply
            = post(from(u"NWH"_s, {clp(u"WRONG-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                        u"T-WRONG-1"_s));
        QCOMPARE(kindsOf(reply), QStringList {u"payer-not-on-claim"_s});
    }

    void aReversalPairsWithThePaymentOfTheSamePayer()
    {
        // Both payers paid 95.00 on the claim.
        registerClaim(u"REV-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)}, u"NWH"_s);
        x12::ClaimPayment primary = clp(u"REV-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})});
        primary.payerClaimControlNumber = u"BSH-CLM-1"_s;
        x12::ClaimPayment secondary = clp(u"REV-1"_s, u"2"_s, {paid(u"99213"_s, 130, 95, {cas(u"OA"_s, u"23"_s, 35)})});
        secondary.payerClaimControlNumber = u"NWH-CLM-1"_s;
        QCOMPARE(post(from(u"BSH"_s, {primary}, u"T-REV-1"_s)).status, 201);
        QCOMPARE(post(from(u"NWH"_s, {secondary}, u"T-REV-2"_s)).status, 201);
        // The primary takes its payment back: not the later, equal payment of the secondary.
        const auto reply = post(from(u"BSH"_s, {testing::reversalOf(primary)}, u"T-REV-3"_s));
        QCOMPARE(kindsOf(reply), QStringList());
        QCOMPARE(text(u"SELECT payer_claim_number FROM claim_payments WHERE claim_number = 'REV-1' "
                      "AND reversed_by IS NOT NULL"_s),
                 u"BSH-CLM-1"_s);
    }

    // --- Envelope and file guards ----------------------------------------------------------

    void aTestInterchangeNeverPostsUnlessTheGatewayAcceptsThem()
    {
        registerClaim(u"TEST-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const x12::Remittance remittance
            = from(u"BSH"_s, {clp(u"TEST-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                   u"T-TEST-1"_s);
        x12::RemittanceWriter::Options test;
        test.usageIndicator = u"T"_s;
        const auto refused = post(fileWith({remittance}, test));
        QCOMPARE(refused.status, 422);
        QVERIFY(errorCodesOf(refused).contains(u"envelope.test-interchange"_s));
        QCOMPARE(count(u"SELECT count(*) FROM remittances WHERE trace_number = 'T-TEST-1'"_s), 0);

        server::GatewayServer::Options accepting;
        accepting.api.acceptTestInterchanges = true;
        testing::GatewayFixture testGateway(20, accepting);
        QVERIFY(testGateway.isReady());
        models::Claim claim = *server::ClaimRegister(m_gateway->database()).byControlNumber(u"TEST-1"_s);
        QVERIFY(!server::ClaimRegister(testGateway.database()).addClaims({&claim, 1}));
        testing::HttpClient poster(testGateway.url(QString()));
        QVERIFY(poster.signIn(u"poster"_s));
        QCOMPARE(poster.post(u"/remittances"_s, fileWith({remittance}, test)).status, 201);
    }

    void aGroupThatIsNotAClaimPaymentGroupIsRefused()
    {
        registerClaim(u"GS-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        x12::RemittanceWriter::Options options;
        options.functionalId = u"HC"_s; // a claim group, not a remittance group
        const auto reply = post(
            fileWith({from(u"BSH"_s, {clp(u"GS-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                           u"T-GS-1"_s)},
                     options));
        QCOMPARE(reply.status, 422);
        QVERIFY(errorCodesOf(reply).contains(u"envelope.functional-id"_s));
    }

    void anImplementationReferenceMustAgreeWithTheGroupAndMayBeOmitted()
    {
        registerClaim(u"ST03-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto payment = [] {
            return clp(u"ST03-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})});
        };
        x12::Remittance claimGuide = from(u"BSH"_s, {payment()}, u"T-ST03-1"_s);
        claimGuide.implementationReference = u"005010X222A1"_s; // the 837P's guide, in a 835 group
        const auto refused = post(claimGuide);
        QCOMPARE(refused.status, 422);
        QVERIFY(errorCodesOf(refused).contains(u"envelope.implementation-reference"_s));
        // Older files omit ST03: the group's version (GS08) decides.
        x12::RemittanceWriter::Options older;
        older.writeImplementationReference = false;
        QCOMPARE(post(fileWith({from(u"BSH"_s, {payment()}, u"T-ST03-2"_s)}, older)).status, 201);
    }

    void aNotificationThatClaimsToMoveMoneyIsRefused()
    {
        registerClaim(u"BPR-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        x12::Remittance remittance
            = from(u"BSH"_s, {clp(u"BPR-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                   u"T-BPR-1"_s);
        remittance.payment.handlingCode = u"H"_s; // notification only, yet 95.00 in BPR02
        remittance.payment.method = u"NON"_s;
        const auto reply = post(remittance);
        QCOMPARE(reply.status, 422);
        QVERIFY(errorCodesOf(reply).contains(u"payment.notification-with-money"_s));
    }

    // --- Held transactions --------------------------------------------------------------------

    void anOutOfBalanceTransactionIsHeldAndReleasedWithANote()
    {
        registerClaim(u"HELD-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        x12::Remittance remittance
            = from(u"BSH"_s, {clp(u"HELD-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                   u"T-HELD-1"_s);
        remittance.payment.amount += dollars(10); // the deposit says 105.00
        const auto reply = post(remittance);
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList {u"out-of-balance"_s});
        const QJsonObject transaction = reply.json().value(u"transactions"_s).toArray().at(0).toObject();
        QVERIFY(transaction.value(u"held"_s).toBool());
        QCOMPARE(transaction.value(u"difference"_s).toString(), u"10.00"_s);
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments WHERE patient_control_number = 'HELD-1'"_s), 0);
        const qint64 id = transaction.value(u"remittanceId"_s).toInteger();
        const QString itemId = exceptionsOf(reply).at(0).toObject().value(u"workItemIds"_s).toArray().at(0).toString();

        const QString path = u"/remittances/%1/release"_s.arg(id);
        QCOMPARE(m_biller->postJson(path, {{u"note"_s, u"ok"_s}}).status, 403);
        QCOMPARE(m_poster->postJson(path, QJsonObject()).status, 400);
        const auto released
            = m_poster->postJson(path, {{u"note"_s, u"Bank deposit confirmed at 105.00; payer to correct"_s}});
        QCOMPARE(released.status, 200);
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments WHERE patient_control_number = 'HELD-1'"_s), 1);
        QCOMPARE(count(u"SELECT amount_cents FROM provider_adjustments WHERE classification = 'accepted-difference' "
                       "AND remittance_id = %1"_s.arg(id)),
                 -1000);
        const auto item = m_gateway->store().item(itemId);
        QVERIFY(item);
        QCOMPARE(item->status, models::WorkItemStatus::Resolved);
        const QList<models::AuditEvent> history = m_gateway->store().history(itemId);
        QVERIFY(history.constLast().detailsJson.contains("Bank deposit confirmed"));
        QCOMPARE(m_poster->postJson(path, {{u"note"_s, u"again"_s}}).status, 409);
    }

    void aCorrectedCopyReplacesAHeldTransaction()
    {
        registerClaim(u"HELD-2"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        x12::Remittance remittance
            = from(u"BSH"_s, {clp(u"HELD-2"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                   u"T-HELD-2"_s);
        x12::Remittance broken = remittance;
        broken.claims[0].paid = dollars(59); // CLP04 disagrees with its line
        const auto held = post(broken);
        QCOMPARE(kindsOf(held), QStringList {u"out-of-balance"_s});
        const auto corrected = post(remittance);
        QCOMPARE(corrected.status, 201);
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments WHERE patient_control_number = 'HELD-2'"_s), 1);
        QCOMPARE(text(u"SELECT status FROM remittances WHERE trace_number = 'T-HELD-2'"_s), u"released"_s);
        QCOMPARE(count(u"SELECT count(*) FROM work_items WHERE claim_number = 'T-HELD-2' AND status <> 'resolved'"_s),
                 0);
    }

    // --- The answer to a large file -------------------------------------------------------------

    void aLargeFilesAnswerListsTheFirstExceptionsAndTransactionsAndCountsTheRest()
    {
        registerClaim(u"BIG-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto clean = [] {
            return clp(u"BIG-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})});
        };
        // 2,050 claims nobody billed in one transaction, then 1,100 clean transactions.
        QList<x12::ClaimPayment> strangers;
        for (int index = 0; index < 2050; ++index) {
            x12::ClaimPayment stranger = clean();
            stranger.patientControlNumber = u"NOBODY-%1"_s.arg(index);
            strangers << stranger;
        }
        QList<x12::Remittance> transactions {from(u"BSH"_s, strangers, u"T-BIG-0"_s)};
        for (int index = 1; index <= 1100; ++index)
            transactions << from(u"BSH"_s, {clean()}, u"T-BIG-%1"_s.arg(index));
        const testing::HttpReply reply = m_poster->post(u"/remittances?preview=true"_s, fileWith(transactions),
                                                        {{"content-type", "application/edi-x12"}});
        QCOMPARE(reply.status, 200);
        const QJsonObject report = reply.json();
        QCOMPARE(report.value(u"exceptionCount"_s).toInt(), 2050);
        QCOMPARE(report.value(u"transactionCount"_s).toInt(), 1101);
        const QJsonArray listed = report.value(u"transactions"_s).toArray();
        QCOMPARE(listed.size(), 1000);
        QCOMPARE(report.value(u"transactionsNotListed"_s).toInt(), 101);
        const QJsonObject first = listed.at(0).toObject();
        QCOMPARE(first.value(u"exceptions"_s).toArray().size(), 2000);
        QCOMPARE(first.value(u"exceptionsNotListed"_s).toInt(), 50);
    }

    // --- Provider-level adjustments (PLB) -------------------------------------------------------

    void interestIsMoneyReceivedCheckedAgainstTheClaim()
    {
        registerClaim(u"INT-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        x12::ClaimPayment late = clp(u"INT-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})});
        late.payerClaimControlNumber = u"BSH-INT-1"_s;
        late.interest = dollars(2.15);
        const auto agreeing = post(from(u"BSH"_s, {late}, u"T-INT-1"_s, {plb(u"L6"_s, u"BSH-INT-1"_s, -2.15)}));
        QCOMPARE(agreeing.status, 201);
        QCOMPARE(kindsOf(agreeing), QStringList());
        QCOMPARE(text(u"SELECT classification FROM provider_adjustments WHERE reference = 'BSH-INT-1'"_s),
                 u"interest"_s);

        late.patientControlNumber = u"INT-2"_s;
        registerClaim(u"INT-2"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        late.payerClaimControlNumber = u"BSH-INT-2"_s;
        const auto disagreeing = post(from(u"BSH"_s, {late}, u"T-INT-2"_s, {plb(u"L6"_s, u"BSH-INT-2"_s, -3.15)}));
        QCOMPARE(kindsOf(disagreeing), QStringList {u"interest-mismatch"_s});
    }

    void aForwardBalanceCarryingARecoupmentIsOneDebt()
    {
        registerClaim(u"FB-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)}, {}, u"BSH-FB-1"_s);
        const auto ordinary = [](const QString &number) {
            return clp(number, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})});
        };
        registerClaim(u"FB-PAY-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        registerClaim(u"FB-PAY-2"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        // The payer recoups 300.00 for claim FB-1 but defers all of it (FB): one debt, nothing taken yet.
        const auto deferred = post(from(u"BSH"_s, {ordinary(u"FB-PAY-1"_s)}, u"T-FB-1"_s,
                                        {plb(u"WO"_s, u"BSH-FB-1"_s, 300), plb(u"FB"_s, u"BSH-FB-1"_s, -300)}));
        QCOMPARE(deferred.status, 201);
        QCOMPARE(kindsOf(deferred), QStringList());
        QCOMPARE(count(u"SELECT count(*) FROM provider_adjustments WHERE reference = 'BSH-FB-1'"_s), 2);
        // Next month it takes the balance forward: the one debt is raised once, against its claim.
        const auto taken
            = post(from(u"BSH"_s, {ordinary(u"FB-PAY-2"_s)}, u"T-FB-2"_s, {plb(u"FB"_s, u"BSH-FB-1"_s, 95)}));
        QCOMPARE(kindsOf(taken), QStringList {u"recoupment"_s});
        QCOMPARE(exceptionsOf(taken).at(0).toObject().value(u"claimNumber"_s).toString(), u"FB-1"_s);
    }

    void aRecoupmentAndItsPartialDeferralRaiseOneItemForTheNet()
    {
        registerClaim(u"FB-2"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)}, {}, u"BSH-FB-2"_s);
        registerClaim(u"FB-PAY-3"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto reply = post(
            from(u"BSH"_s, {clp(u"FB-PAY-3"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                 u"T-FB-3"_s, {plb(u"WO"_s, u"BSH-FB-2"_s, 120), plb(u"FB"_s, u"BSH-FB-2"_s, -40)}));
        QCOMPARE(kindsOf(reply), QStringList {u"recoupment"_s});
        QCOMPARE(exceptionsOf(reply).at(0).toObject().value(u"amount"_s).toString(), u"80.00"_s);
    }

    void aLevyIsStoredAndNotRaised()
    {
        registerClaim(u"LEVY-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto reply
            = post(from(u"BSH"_s, {clp(u"LEVY-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                        u"T-LEVY-1"_s, {plb(u"LE"_s, u"IRS-LEVY-2026"_s, 25)}));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kindsOf(reply), QStringList());
        QCOMPARE(text(u"SELECT classification FROM provider_adjustments WHERE reference = 'IRS-LEVY-2026'"_s),
                 u"withholding"_s);
    }

    void aRecoupmentIsTracedByThePayersClaimNumberAsPosted()
    {
        registerClaim(u"RECOUP-1"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        x12::ClaimPayment original
            = clp(u"RECOUP-1"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})});
        original.payerClaimControlNumber = u"BSH-7781"_s; // known only from the payment
        QCOMPARE(post(from(u"BSH"_s, {original}, u"T-RECOUP-1"_s)).status, 201);
        registerClaim(u"RECOUP-PAY"_s, u"BSH"_s, {billed(1, u"99213"_s, 130, 95)});
        const auto reply = post(
            from(u"BSH"_s, {clp(u"RECOUP-PAY"_s, u"1"_s, {paid(u"99213"_s, 130, 95, {cas(u"CO"_s, u"45"_s, 35)})})},
                 u"T-RECOUP-2"_s, {plb(u"WO"_s, u"BSH-7781"_s, 40)}));
        QCOMPARE(kindsOf(reply), QStringList {u"recoupment"_s});
        QCOMPARE(exceptionsOf(reply).at(0).toObject().value(u"claimNumber"_s).toString(), u"RECOUP-1"_s);
    }
};

QTEST_GUILESS_MAIN(TestPostingRules)
#include "test_postingrules.moc"
