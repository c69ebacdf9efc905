// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// GET /v1/reports/remittance-reconciliation and /v1/reports/provider-adjustments against a
// real gateway on loopback, for held transactions and provider-level adjustments (PLB).
// Bluestone Health Plan (BSH) pays three of its claims in June 2027 through POST
// /v1/remittances: a balanced 835 whose PLBs add interest (L6), take back an overpayment
// (WO) partly handed back as a forward balance (FB), withhold a levy (LE) and use a code
// that is not a PLB reason (ZZ); and an 835 that is $10.00 out of balance, with an
// authorized return (72), held and then released with a note through POST
// /v1/remittances/{id}/release. Every figure is stated from what the payer sent.
#include "server/claimregister.h"
#include "services/reports/reportcatalogue.h"
#include "services/reports/reportresult.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/reporttesting.h"
#include "tests/server/testremittances.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <tuple>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;
using reports::ReportResult;
using testing::cell;
using testing::total;

namespace {

const QString june = u"from=2027-06-01&to=2027-06-30"_s;
/// TRN03 of testing::remittanceFor: the payer as its 835s name it.
const QString payerKey = u"1999999999"_s;

x12::ProviderAdjustment plb(const QString &reason, const QString &reference, qint64 cents)
{
    x12::ProviderAdjustment adjustment;
    adjustment.providerId = u"1999999900"_s;
    adjustment.fiscalPeriodEnd = QDate(2027, 12, 31);
    adjustment.reasonCode = reason;
    adjustment.reference = reference;
    adjustment.amount = Money::fromCents(cents);
    return adjustment;
}

QVariantList rowOf(const ReportResult &report, const QString &key, const QVariant &value)
{
    for (const QVariantList &row : report.rows) {
        if (cell(report, row, key) == value)
            return row;
    }
    return {};
}

/// A reconciliation row's money and counts by column key.
qint64 figure(const ReportResult &report, const QVariantList &row, const QString &key)
{
    return cell(report, row, key).toLongLong();
}

} // namespace

class TestReconciliationReport final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    std::unique_ptr<testing::HttpClient> m_poster;
    std::unique_ptr<testing::HttpClient> m_finance;
    QList<models::Claim> m_claims; ///< three of Bluestone's claims no remittance has paid
    qint64 m_heldId = 0;
    QString m_debtItem; ///< the one item of the WO and its FB

    ReportResult fetch(const QString &path) { return testing::fetchReport(*m_finance, path); }

    testing::HttpReply post(const x12::Remittance &remittance)
    {
        return m_poster->post(u"/remittances"_s, testing::fileOf({remittance}),
                              {{"content-type", "application/edi-x12"}});
    }

    qint64 paid(int index) const { return m_claims.at(index).allowed().cents(); }

    void pickClaims()
    {
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT claim_number FROM claims WHERE payer_id = 'BSH' AND payer_claim_number <> '' "
                           "AND claim_number NOT IN (SELECT claim_number FROM claim_payments WHERE claim_number "
                           "IS NOT NULL) ORDER BY claim_number LIMIT 3"_s));
        server::ClaimRegister claims(m_gateway->database());
        while (query.next())
            m_claims.append(*claims.byControlNumber(query.value(0).toString()));
        QCOMPARE(m_claims.size(), 3);
    }

    /// Claims 0 and 1 paid as contracted on 2027-06-01, less the PLBs: $3.15 interest added
    /// on claim 0; $40.00 taken back on claim 1, $15.00 of it handed back as a forward
    /// balance (one $25.00 debt); a $12.50 levy; $5.00 under an unknown code.
    void postBalancedWithAdjustments()
    {
        x12::Remittance remittance = testing::remittanceFor(
            {testing::paidAsContracted(m_claims.at(0)), testing::paidAsContracted(m_claims.at(1))}, u"REC-PLB"_s);
        remittance.payment.date = QDate(2027, 6, 1);
        remittance.providerAdjustments
            = {plb(u"L6"_s, m_claims.at(0).payerClaimNumber, -315), plb(u"WO"_s, m_claims.at(1).payerClaimNumber, 4000),
               plb(u"FB"_s, m_claims.at(1).payerClaimNumber, -1500), plb(u"LE"_s, u"LEVY-77"_s, 1250),
               plb(u"ZZ"_s, u"MISC-9"_s, 500)};
        testing::settle(remittance);
        QCOMPARE(remittance.payment.amount.cents(), paid(0) + paid(1) + 315 - 4000 + 1500 - 1250 - 500);
        const testing::HttpReply reply = post(remittance);
        QCOMPARE(reply.status, 201);
        m_debtItem = testing::firstValue(*m_gateway,
                                         u"SELECT work_item_id FROM provider_adjustments "
                                         "WHERE reason_code = 'WO'"_s)
                         .toString();
        QVERIFY(!m_debtItem.isEmpty());
    }

    /// Claim 2 on 2027-06-02, with a $20.00 authorized return added, and a deposit $10.00
    /// more than the claim and the return account for: held.
    void postOutOfBalance()
    {
        x12::Remittance remittance = testing::remittanceFor({testing::paidAsContracted(m_claims.at(2))}, u"REC-HELD"_s);
        remittance.payment.date = QDate(2027, 6, 2);
        remittance.providerAdjustments = {plb(u"72"_s, m_claims.at(2).payerClaimNumber, -2000)};
        testing::settle(remittance);
        remittance.payment.amount += Money::fromCents(1000);
        const testing::HttpReply reply = post(remittance);
        QCOMPARE(reply.status, 201);
        const QJsonObject transaction = reply.json().value(u"transactions"_s).toArray().at(0).toObject();
        QVERIFY(transaction.value(u"held"_s).toBool());
        m_heldId = transaction.value(u"remittanceId"_s).toInteger();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(300);
        QVERIFY(m_gateway->isReady());
        m_poster = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_poster->signIn(u"poster"_s));
        m_finance = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_finance->signIn(u"finance"_s));
        pickClaims();
        if (!QTest::currentTestFailed())
            postBalancedWithAdjustments();
        if (!QTest::currentTestFailed())
            postOutOfBalance();
    }

    void aHeldTransactionIsWhollyUnpostedUntilReleased()
    {
        const ReportResult held = fetch(u"remittance-reconciliation?"_s + june);
        QCOMPARE(held.rows.size(), 2);
        QVariantList row = rowOf(held, u"trace_number"_s, u"REC-HELD"_s);
        QCOMPARE(cell(held, row, u"status"_s).toString(), u"held"_s);
        QCOMPARE(cell(held, row, u"payer"_s).toString(), payerKey);
        QCOMPARE(figure(held, row, u"era_total"_s), paid(2) + 2000 + 1000);
        QCOMPARE(figure(held, row, u"posted"_s), 0);
        QCOMPARE(figure(held, row, u"plb_other"_s), 0); // its PLBs wait with it
        QCOMPARE(figure(held, row, u"held_difference"_s), 1000);
        QCOMPARE(figure(held, row, u"accepted_difference"_s), 0);
        QCOMPARE(figure(held, row, u"exceptions"_s), 1); // out of balance
        QCOMPARE(figure(held, row, u"exception_dollars"_s), 1000);
        QCOMPARE(figure(held, row, u"unposted"_s), paid(2) + 2000 + 1000);

        const testing::HttpReply released = m_poster->postJson(u"/remittances/%1/release"_s.arg(m_heldId),
                                                               {{u"note"_s, u"Deposit confirmed at the bank"_s}});
        QCOMPARE(released.status, 200);

        const ReportResult after = fetch(u"remittance-reconciliation?"_s + june);
        row = rowOf(after, u"trace_number"_s, u"REC-HELD"_s);
        QCOMPARE(cell(after, row, u"status"_s).toString(), u"released"_s);
        QCOMPARE(figure(after, row, u"era_total"_s), paid(2) + 2000 + 1000);
        QCOMPARE(figure(after, row, u"posted"_s), paid(2));
        QCOMPARE(figure(after, row, u"plb_other"_s), -2000); // the return, added to the deposit
        QCOMPARE(figure(after, row, u"accepted_difference"_s), 1000);
        QCOMPARE(figure(after, row, u"held_difference"_s), 0);
        QCOMPARE(figure(after, row, u"exceptions"_s), 1);
        QCOMPARE(figure(after, row, u"unposted"_s), 0);
    }

    void providerLevelAdjustmentsAreAccountedForByClass()
    {
        const ReportResult report = fetch(u"remittance-reconciliation?"_s + june);
        const QVariantList row = rowOf(report, u"trace_number"_s, u"REC-PLB"_s);
        QCOMPARE(cell(report, row, u"status"_s).toString(), u"posted"_s);
        QCOMPARE(cell(report, row, u"payment_date"_s).toDate(), QDate(2027, 6, 1));
        QCOMPARE(figure(report, row, u"era_total"_s), paid(0) + paid(1) + 315 - 4000 + 1500 - 1250 - 500);
        QCOMPARE(figure(report, row, u"posted"_s), paid(0) + paid(1));
        QCOMPARE(figure(report, row, u"plb_interest"_s), 315);
        QCOMPARE(figure(report, row, u"plb_recoupments"_s), 2500); // $40.00 taken, $15.00 handed back
        QCOMPARE(figure(report, row, u"plb_withholding"_s), 1250);
        QCOMPARE(figure(report, row, u"plb_other"_s), 0);
        QCOMPARE(figure(report, row, u"accepted_difference"_s), 0);
        QCOMPARE(figure(report, row, u"held_difference"_s), 0);
        // The $25.00 debt and the unknown code each raised one exception.
        QCOMPARE(figure(report, row, u"exceptions"_s), 2);
        QCOMPARE(figure(report, row, u"exception_dollars"_s), 2500 + 500);
        // Only the unknown code's $5.00 is not accounted for: the deposit is that much short.
        QCOMPARE(figure(report, row, u"unposted"_s), -500);

        QCOMPARE(total(report, u"posted"_s).toLongLong(), paid(0) + paid(1) + paid(2));
        QCOMPARE(total(report, u"plb_other"_s).toLongLong(), -2000);
        QCOMPARE(total(report, u"accepted_difference"_s).toLongLong(), 1000);
        QCOMPARE(total(report, u"unposted"_s).toLongLong(), -500);
        for (const QString &measure : {u"Status"_s, u"PLB interest"_s, u"Accepted difference"_s, u"Unposted"_s}) {
            QVERIFY2(std::any_of(report.definitions.cbegin(), report.definitions.cend(),
                                 [&](const reports::ReportDefinition &each) { return each.measure == measure; }),
                     qPrintable(measure));
        }
    }

    void providerAdjustmentsByPayerReasonAndClass()
    {
        const ReportResult report = fetch(u"provider-adjustments?"_s + june);
        // reason, classification, adjustments, amount, traced to a claim, with a work item, item still open
        using Expected = std::tuple<QString, QString, qint64, qint64, qint64, qint64, qint64>;
        const QList<Expected> expected = {
            {u"72"_s, u"authorized-return"_s, 1, -2000, 1, 0, 0},
            {u"CS"_s, u"accepted-difference"_s, 1, -1000, 0, 0, 0},
            {u"FB"_s, u"forward-balance"_s, 1, -1500, 1, 1, 1},
            {u"L6"_s, u"interest"_s, 1, -315, 1, 0, 0},
            {u"LE"_s, u"withholding"_s, 1, 1250, 0, 0, 0},
            {u"WO"_s, u"recoupment"_s, 1, 4000, 1, 1, 1},
            {u"ZZ"_s, u"unknown"_s, 1, 500, 0, 1, 1},
        };
        QCOMPARE(report.rows.size(), expected.size());
        for (qsizetype index = 0; index < expected.size(); ++index) {
            const QVariantList &row = report.rows.at(index);
            const auto &[reason, classification, count, amount, traced, items, stillOpen] = expected.at(index);
            QCOMPARE(cell(report, row, u"payer"_s).toString(), payerKey);
            QCOMPARE(cell(report, row, u"reason_code"_s).toString(), reason);
            QCOMPARE(cell(report, row, u"classification"_s).toString(), classification);
            QCOMPARE(figure(report, row, u"adjustments"_s), count);
            QCOMPARE(figure(report, row, u"amount"_s), amount);
            QCOMPARE(figure(report, row, u"traced_to_claim"_s), traced);
            QCOMPARE(figure(report, row, u"with_work_item"_s), items);
            QCOMPARE(figure(report, row, u"item_still_open"_s), stillOpen);
        }
        QCOMPARE(total(report, u"adjustments"_s).toLongLong(), 7);
        // The deposits are the claim payments less every amount here.
        QCOMPARE(total(report, u"amount"_s).toLongLong(), -2000 - 1000 - 1500 - 315 + 1250 + 4000 + 500);
        QVERIFY(reports::findReport(u"provider-adjustments"_s));
    }

    void aResolvedDebtIsNoLongerOpen()
    {
        const std::optional<models::User> supervisor = m_gateway->store().user(u"DEMO-SUPERVISOR"_s);
        QVERIFY(supervisor);
        rules::ActionRequest take;
        take.type = models::ActionType::Take;
        QVERIFY(testing::applyAs(*m_gateway, *supervisor, m_debtItem, take, QDateTime::currentDateTimeUtc()));
        rules::ActionRequest resolve;
        resolve.type = models::ActionType::Resolve;
        resolve.resolutionCode = u"no_action_needed"_s;
        QVERIFY(testing::applyAs(*m_gateway, *supervisor, m_debtItem, resolve, QDateTime::currentDateTimeUtc()));

        const ReportResult report = fetch(u"provider-adjustments?"_s + june);
        QCOMPARE(figure(report, rowOf(report, u"reason_code"_s, u"WO"_s), u"item_still_open"_s), 0);
        QCOMPARE(figure(report, rowOf(report, u"reason_code"_s, u"FB"_s), u"item_still_open"_s), 0);
        QCOMPARE(figure(report, rowOf(report, u"reason_code"_s, u"WO"_s), u"with_work_item"_s), 1);
        QCOMPARE(total(report, u"item_still_open"_s).toLongLong(), 1); // the unknown code's
    }

    void anotherPeriodHasNone()
    {
        QCOMPARE(fetch(u"remittance-reconciliation?from=2027-07-01&to=2027-07-31"_s).rows.size(), 0);
        QCOMPARE(fetch(u"provider-adjustments?from=2027-07-01&to=2027-07-31"_s).rows.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReconciliationReport)
#include "test_reconciliationreport.moc"
