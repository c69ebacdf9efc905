// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// GET /v1/reports/remittance-exceptions against a real gateway on loopback. Synthetic 835s
// (services/synthetic) are posted through POST /v1/remittances with payment dates in April
// 2027, one more without a payment date is received in May, and a hand-made remittance
// paid on 2027-03-01 raises two denials, two underpayments, an unmatched payment and a
// recoupment, some of which are then worked. The March figures are stated from what the payer sent and what was done;
// the others are checked against what the poster reported raising when it posted and
// against SQL over the gateway database written here: whole, by period, by payer and as
// each role sees them.
#include "server/claimregister.h"
#include "server/gatewayreports.h"
#include "server/remittanceposter.h"
#include "services/reports/reportcatalogue.h"
#include "services/reports/reportresult.h"
#include "services/synthetic/syntheticremittances.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/reporttesting.h"
#include "tests/server/testremittances.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <map>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;
using reports::ReportResult;
using testing::cell;
using testing::total;

namespace {

const QString wholeHistory = u"from=2000-01-01&to=2027-12-31"_s;

QDateTime at(int month, int day, int hour)
{
    return QDateTime(QDate(2027, month, day), QTime(hour, 0), Qt::UTC);
}

/// One exception as the poster reported raising it, with its remittance-queue work item.
struct RaisedException
{
    qint64 remittanceId = 0;
    QString kind;
    qint64 cents = 0;
    QString itemId;
    QString denialItemId; ///< for a denial: its copy in the denial queue, or the open denial it confirms
};

/// Per kind: exceptions, exception dollars, still open.
struct KindFigures
{
    qint64 exceptions = 0;
    qint64 cents = 0;
    qint64 open = 0;

    bool operator==(const KindFigures &) const = default;
};

using Figures = std::map<QString, KindFigures>;

/// The report's rows as figures by kind.
Figures figuresOf(const ReportResult &report)
{
    Figures figures;
    for (const QVariantList &row : report.rows) {
        figures[cell(report, row, u"kind"_s).toString()]
            = {cell(report, row, u"exceptions"_s).toLongLong(), cell(report, row, u"exception_dollars"_s).toLongLong(),
               cell(report, row, u"still_open"_s).toLongLong()};
    }
    return figures;
}

char *describe(const Figures &figures)
{
    QStringList parts;
    for (const auto &[kind, each] : figures)
        parts << u"%1: %2, %3, %4"_s.arg(kind).arg(each.exceptions).arg(each.cents).arg(each.open);
    return qstrdup(parts.join(u"; "_s).toUtf8().constData());
}

} // namespace

namespace QTest {
template<>
char *toString(const Figures &figures)
{
    return describe(figures);
}
} // namespace QTest

class TestRemittanceExceptionsReport final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    QHash<QString, models::User> m_users; ///< by username
    std::map<QString, std::unique_ptr<testing::HttpClient>> m_clients; ///< signed in, by username
    QList<RaisedException> m_raised; ///< every exception posting raised, as the poster reported it
    QHash<QString, qint64> m_remittanceIds; ///< by trace number
    QList<models::Claim> m_claims; ///< the March remittance's: underpaid, denied twice, unmatched, underpaid
    QString m_payerId; ///< of those claims
    QString m_facility; ///< of the first denied one

    qint64 number(const QString &statement)
    {
        const QVariant value = testing::firstValue(*m_gateway, statement);
        return value.isValid() ? value.toLongLong() : -1;
    }

    /// Keeps what the poster reported raising (POST /v1/remittances and RemittancePoster
    /// answer the same report).
    void keepRaised(const QJsonObject &report)
    {
        for (const QJsonValue &value : report.value(u"transactions"_s).toArray()) {
            const QJsonObject transaction = value.toObject();
            const qint64 remittanceId = transaction.value(u"remittanceId"_s).toInteger();
            m_remittanceIds.insert(transaction.value(u"traceNumber"_s).toString(), remittanceId);
            for (const QJsonValue &each : transaction.value(u"exceptions"_s).toArray()) {
                const QJsonObject exception = each.toObject();
                const QJsonArray items = exception.value(u"workItemIds"_s).toArray();
                m_raised.append({remittanceId, exception.value(u"kind"_s).toString(),
                                 Money::fromString(exception.value(u"amount"_s).toString())->cents(),
                                 items.at(0).toString(), items.size() > 1 ? items.at(1).toString() : QString()});
            }
        }
    }

    bool post(const QList<x12::Remittance> &transactions, const QDateTime &when)
    {
        server::RemittancePoster poster(m_gateway->store());
        const auto result = poster.import(testing::fileOf(transactions), m_users.value(u"poster"_s),
                                          server::RemittancePoster::Mode::Post, when);
        keepRaised(result.report);
        return result.outcome == server::RemittancePoster::Result::Outcome::Posted;
    }

    bool act(const QString &username, const QString &itemId, rules::ActionRequest request, const QDateTime &when)
    {
        return testing::applyAs(*m_gateway, m_users.value(username), itemId, std::move(request), when);
    }

    ReportResult fetch(const QString &username, const QString &path)
    {
        return testing::fetchReport(*m_clients.at(username), path);
    }

    /// What the poster reported raising on these remittances, with whether each item is
    /// open now as the store has it.
    Figures raisedOn(const QSet<qint64> &remittanceIds)
    {
        Figures figures;
        for (const RaisedException &raised : std::as_const(m_raised)) {
            if (!remittanceIds.contains(raised.remittanceId))
                continue;
            KindFigures &each = figures[raised.kind];
            each.exceptions += 1;
            each.cents += raised.cents;
            each.open += m_gateway->store().item(raised.itemId)->isOpen() ? 1 : 0;
        }
        return figures;
    }

    /// The same figures from the gateway database: the exceptions recorded on those
    /// remittances, one remittance-queue item each, with what each item carries now plus
    /// what was written off it.
    Figures databaseFiguresOn(const QSet<qint64> &remittanceIds)
    {
        QStringList ids;
        for (qint64 id : remittanceIds)
            ids << QString::number(id);
        QSqlQuery query(m_gateway->database().connection());
        const bool ran = query.exec(
            u"SELECT x.kind, w.balance_cents, w.status, (SELECT count(*) FROM audit_log AS a "
            "WHERE a.work_item_id = w.id AND a.action_type = 'approve_writeoff'), (SELECT json_extract(a.details_json, "
            "'$.amount') FROM audit_log AS a WHERE a.work_item_id = w.id AND a.action_type = 'request_writeoff' "
            "ORDER BY a.sequence DESC LIMIT 1) FROM remittance_exceptions AS x JOIN work_items AS w "
            "ON w.id = x.work_item_id WHERE w.queue = 'remittance' AND x.remittance_id IN (%1)"_s.arg(
                ids.join(u", "_s)));
        Figures figures;
        if (!ran)
            return figures;
        while (query.next()) {
            KindFigures &each = figures[query.value(0).toString()];
            each.exceptions += 1;
            each.cents += query.value(1).toLongLong();
            if (query.value(3).toLongLong() > 0) // the one write-off approved here
                each.cents += Money::fromString(query.value(4).toString())->cents();
            each.open += query.value(2).toString() == u"resolved"_s ? 0 : 1;
        }
        return figures;
    }

    QSet<qint64> remittancesWhere(const QString &condition)
    {
        QSet<qint64> ids;
        QSqlQuery query(m_gateway->database().connection());
        if (query.exec(u"SELECT id FROM remittances AS r WHERE "_s + condition)) {
            while (query.next())
                ids.insert(query.value(0).toLongLong());
        }
        return ids;
    }

    QSet<qint64> remittancesOf(const QStringList &traces)
    {
        QSet<qint64> ids;
        for (const QString &trace : traces)
            ids.insert(m_remittanceIds.value(trace));
        return ids;
    }

    const RaisedException &raisedFor(const QString &kind, const QString &claimNumber)
    {
        const qint64 march = m_remittanceIds.value(u"EXC-MARCH"_s);
        for (const RaisedException &raised : std::as_const(m_raised)) {
            if (raised.remittanceId == march && raised.kind == kind
                && m_gateway->store().item(raised.itemId)->claimNumber == claimNumber)
                return raised;
        }
        static const RaisedException none;
        return none;
    }

    /// Five claims of Bluestone (BSH), who sends testing::remittanceFor's remittances and pays
    /// only the claims it covers: unpaid, whose items are not denials already (so that a
    /// denial raises a denial item of its own).
    void pickMarchClaims()
    {
        QSqlQuery query(m_gateway->database().connection());
        m_payerId = u"BSH"_s;
        QVERIFY(query.exec(u"SELECT c.claim_number FROM claims AS c JOIN work_items AS w ON w.id = c.work_item_id "
                           "WHERE w.queue <> 'denial' AND c.payer_id = '%1' AND c.claim_number NOT IN "
                           "(SELECT claim_number FROM claim_payments WHERE claim_number IS NOT NULL) "
                           "ORDER BY c.claim_number LIMIT 5"_s.arg(m_payerId)));
        server::ClaimRegister claims(m_gateway->database());
        while (query.next())
            m_claims.append(*claims.byControlNumber(query.value(0).toString()));
        QCOMPARE(m_claims.size(), 5);
        QVERIFY(query.exec(u"SELECT w.facility_id FROM claims AS c JOIN work_items AS w ON w.id = c.work_item_id "
                           "WHERE c.claim_number = '%1'"_s.arg(m_claims.at(1).claimNumber))
                && query.next());
        m_facility = query.value(0).toString();
    }

    x12::ClaimPayment deniedWith(const models::Claim &claim, const QString &reason)
    {
        x12::ClaimPayment payment = testing::paidAsContracted(claim);
        for (x12::ServiceLine &line : payment.lines) {
            line.paid = Money();
            line.adjustments = {testing::adjustment(u"CO"_s, reason, line.charge)};
        }
        return payment;
    }

    /// Paid as contracted, but its first line short by shortfall, the payer calling it contractual.
    x12::ClaimPayment underpaid(const models::Claim &claim, Money shortfall)
    {
        x12::ClaimPayment payment = testing::paidAsContracted(claim);
        x12::ServiceLine &line = payment.lines.first();
        line.paid -= shortfall;
        const Money contractual = line.charge - line.paid;
        line.adjustments = {testing::adjustment(u"CO"_s, u"45"_s, contractual)};
        return payment;
    }

    void postMarch()
    {
        x12::ClaimPayment unmatched = testing::paidAsContracted(m_claims.at(3));
        unmatched.patientControlNumber = u"NOSUCHCLAIM7"_s;
        unmatched.payerClaimControlNumber = u"NOSUCHPAYER7"_s;
        x12::Remittance march = testing::remittanceFor(
            {underpaid(m_claims.at(0), Money::fromCents(500)), deniedWith(m_claims.at(1), u"197"_s),
             deniedWith(m_claims.at(2), u"29"_s), unmatched, underpaid(m_claims.at(4), Money::fromCents(1000))},
            u"EXC-MARCH"_s);
        x12::ProviderAdjustment recoupment;
        recoupment.providerId = u"1999999900"_s;
        recoupment.fiscalPeriodEnd = QDate(2027, 12, 31);
        recoupment.reasonCode = u"WO"_s;
        recoupment.reference = m_claims.at(0).payerClaimNumber;
        recoupment.amount = Money::fromCents(2500);
        march.providerAdjustments.append(recoupment);
        march.payment.date = QDate(2027, 3, 1);
        testing::settle(march);
        QVERIFY(post({march}, at(3, 1, 9)));
    }

    /// The poster resolves one denial's remittance item and has the unmatched payment
    /// written off in part; the biller takes both denials in the denial queue.
    void workMarch()
    {
        using models::ActionType;
        const auto action = [](ActionType type) {
            rules::ActionRequest request;
            request.type = type;
            return request;
        };
        const RaisedException &firstDenial = raisedFor(u"denied"_s, m_claims.at(1).claimNumber);
        const RaisedException &secondDenial = raisedFor(u"denied"_s, m_claims.at(2).claimNumber);
        const RaisedException &unmatched = raisedFor(u"unmatched-claim"_s, u"NOSUCHCLAIM7"_s);
        QVERIFY(!firstDenial.denialItemId.isEmpty() && !secondDenial.denialItemId.isEmpty()
                && !unmatched.itemId.isEmpty());
        rules::ActionRequest resolve = action(ActionType::Resolve);
        resolve.resolutionCode = u"no_action_needed"_s;
        rules::ActionRequest writeOff = action(ActionType::RequestWriteOff);
        writeOff.text = u"cannot be traced"_s;
        writeOff.amount = Money::fromCents(1000);
        QVERIFY(act(u"poster"_s, firstDenial.itemId, action(ActionType::Take), at(3, 2, 9)));
        QVERIFY(act(u"poster"_s, firstDenial.itemId, resolve, at(3, 2, 10)));
        QVERIFY(act(u"poster"_s, unmatched.itemId, action(ActionType::Take), at(3, 2, 11)));
        QVERIFY(act(u"poster"_s, unmatched.itemId, writeOff, at(3, 2, 12)));
        QVERIFY(act(u"supervisor"_s, unmatched.itemId, action(ActionType::ApproveWriteOff), at(3, 3, 9)));
        QVERIFY(act(u"biller"_s, firstDenial.denialItemId, action(ActionType::Take), at(3, 3, 10)));
        QVERIFY(act(u"biller"_s, secondDenial.denialItemId, action(ActionType::Take), at(3, 3, 11)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(300);
        QVERIFY(m_gateway->isReady());
        QVERIFY(testing::signInDemoUsers(
            *m_gateway, {u"biller"_s, u"coder"_s, u"poster"_s, u"supervisor"_s, u"finance"_s}, m_users, m_clients));
        // The demo generator's remittances for the seeded claims, paid on two days of April,
        // posted by the cash poster through the API. Transaction n is payer n % 7's; Bluestone's
        // (3) is left out, so its claims stay unpaid for the March scenario.
        const synthetic::SyntheticRemittances generator({5, QDate::currentDate(), 40});
        QList<x12::Remittance> april;
        for (const int index : {0, 1, 2, 4}) {
            april.append(generator.transaction(index));
            april.last().payment.date = index < 2 ? QDate(2027, 4, 5) : QDate(2027, 4, 20);
        }
        const testing::HttpReply reply
            = m_clients.at(u"poster"_s)
                  ->post(u"/remittances"_s, testing::fileOf(april), {{"content-type", "application/edi-x12"}});
        QCOMPARE(reply.status, 201);
        keepRaised(reply.json());
        // One without a payment date (BPR16), received on 2027-05-02.
        x12::Remittance undated = generator.transaction(5);
        undated.payment.date = QDate();
        QVERIFY(post({undated}, at(5, 2, 10)));
        QCOMPARE(m_remittanceIds.size(), 5);
        QCOMPARE(number(u"SELECT count(*) FROM remittances WHERE payment_date IS NULL"_s), 1);

        pickMarchClaims();
        postMarch();
        workMarch();
    }

    void eachKindIsCountedWithTheMoneyItPutAtIssue()
    {
        const ReportResult report = fetch(u"supervisor"_s, u"remittance-exceptions?from=2027-03-01&to=2027-03-31"_s);
        QCOMPARE(report.name, u"remittance-exceptions"_s);
        QStringList keys;
        for (const reports::ReportColumn &column : report.columns)
            keys << column.key;
        QCOMPARE(keys,
                 (QStringList {u"kind"_s, u"exception"_s, u"exceptions"_s, u"exception_dollars"_s, u"still_open"_s}));
        // Most exceptions first, then by kind (a tie): the chart's bars in order.
        QCOMPARE(report.rows.size(), 4);
        QStringList kinds;
        for (const QVariantList &row : std::as_const(report.rows))
            kinds << cell(report, row, u"kind"_s).toString();
        QCOMPARE(kinds, (QStringList {u"denied"_s, u"underpaid"_s, u"recoupment"_s, u"unmatched-claim"_s}));
        QCOMPARE(cell(report, report.rows.at(0), u"exception"_s).toString(), u"Denied"_s);
        QCOMPARE(cell(report, report.rows.at(1), u"exception"_s).toString(), u"Paid below expected"_s);

        const Figures expected = {
            // Both denials count once each, though each is worked in two queues; the one the
            // poster resolved is no longer open, whatever its denial item's state.
            {u"denied"_s, {2, m_claims.at(1).charge().cents() + m_claims.at(2).charge().cents(), 1}},
            {u"recoupment"_s, {1, 2500, 1}},
            {u"underpaid"_s, {2, 500 + 1000, 2}},
            // Written off in part and closed: its dollars stay what the payment put at issue.
            {u"unmatched-claim"_s, {1, m_claims.at(3).allowed().cents(), 0}},
        };
        QCOMPARE(figuresOf(report), expected);
        QCOMPARE(total(report, u"exceptions"_s).toLongLong(), 6);
        QCOMPARE(total(report, u"exception_dollars"_s).toLongLong(),
                 m_claims.at(1).charge().cents() + m_claims.at(2).charge().cents() + 2500 + 1500
                     + m_claims.at(3).allowed().cents());
        QCOMPARE(total(report, u"still_open"_s).toLongLong(), 4);
        QVERIFY(total(report, u"kind"_s).isNull());
    }

    void everyMeasureIsDefinedWithItsDateBasis()
    {
        const ReportResult report = fetch(u"finance"_s, u"remittance-exceptions"_s);
        QVERIFY(report.dateBasis.contains(u"BPR16"_s));
        for (const QString &measure : {u"Exceptions"_s, u"Exception dollars"_s, u"Still open"_s, u"Rows"_s}) {
            const auto definition
                = std::find_if(report.definitions.cbegin(), report.definitions.cend(),
                               [&](const reports::ReportDefinition &each) { return each.measure == measure; });
            QVERIFY2(definition != report.definitions.cend(), qPrintable(measure));
            QVERIFY2(definition->definition.contains(u"BPR16"_s), qPrintable(measure));
        }
        QCOMPARE(report.definitions.constLast().measure, u"Scope"_s);
        const auto catalogued = reports::findReport(u"remittance-exceptions"_s);
        QVERIFY(catalogued && catalogued->source == reports::ReportSource::Gateway);
        const auto served = server::GatewayReports::catalogue();
        QVERIFY(std::any_of(served.cbegin(), served.cend(),
                            [](const auto &each) { return each.first == u"remittance-exceptions"_s; }));
    }

    void theWholeHistoryIsWhatPostingRaised()
    {
        const ReportResult report = fetch(u"finance"_s, u"remittance-exceptions?"_s + wholeHistory);
        const QSet<qint64> every = remittancesWhere(u"1 = 1"_s);
        QCOMPARE(every.size(), 6);
        const Figures raised = raisedOn(every);
        QSet<qint64> synthetic = every;
        synthetic.remove(m_remittanceIds.value(u"EXC-MARCH"_s));
        QVERIFY2(raisedOn(synthetic).size() >= 3, "the synthetic remittances raise several kinds of exception");
        QCOMPARE(figuresOf(report), raised);
        QCOMPARE(figuresOf(report), databaseFiguresOn(every));
        QCOMPARE(
            total(report, u"exceptions"_s).toLongLong(),
            number(u"SELECT count(*) FROM remittance_exceptions AS x JOIN work_items AS w ON w.id = x.work_item_id "
                   "WHERE w.queue = 'remittance'"_s));
        // Ordered by count, most first, then by kind.
        for (qsizetype index = 1; index < report.rows.size(); ++index) {
            const QVariantList &before = report.rows.at(index - 1);
            const QVariantList &row = report.rows.at(index);
            const qint64 countBefore = cell(report, before, u"exceptions"_s).toLongLong();
            const qint64 count = cell(report, row, u"exceptions"_s).toLongLong();
            QVERIFY(countBefore > count
                    || (countBefore == count
                        && cell(report, before, u"kind"_s).toString() < cell(report, row, u"kind"_s).toString()));
        }
        // Without dates, the same.
        QCOMPARE(fetch(u"finance"_s, u"remittance-exceptions"_s).rows, report.rows);
    }

    void aPeriodTakesRemittancesByPaymentDateElseTheDayReceived_data()
    {
        QTest::addColumn<QString>("period");
        QTest::addColumn<QStringList>("traces");
        // The trace numbers of the transactions initTestCase posted (0, 1 on April 5; 2, 4 on
        // April 20; 5 undated, received May 2).
        const synthetic::SyntheticRemittances generator({5, QDate::currentDate(), 40});
        const auto traces = [&](std::initializer_list<int> indexes) {
            QStringList result;
            for (const int index : indexes)
                result << generator.transaction(index).payment.traceNumber;
            return result;
        };
        QTest::newRow("paid 2027-04-05") << u"from=2027-04-01&to=2027-04-19"_s << traces({0, 1});
        QTest::newRow("paid 2027-04-20") << u"from=2027-04-20&to=2027-04-20"_s << traces({2, 4});
        QTest::newRow("received 2027-05-02") << u"from=2027-05-02&to=2027-05-31"_s << traces({5});
        QTest::newRow("April, not the day received") << u"from=2027-04-01&to=2027-04-30"_s << traces({0, 1, 2, 4});
    }

    void aPeriodTakesRemittancesByPaymentDateElseTheDayReceived()
    {
        QFETCH(QString, period);
        QFETCH(QStringList, traces);
        // The synthetic trace numbers are EFT or CHK by payment method: find them by number.
        QStringList known;
        for (const QString &trace : traces) {
            const auto found = std::find_if(m_remittanceIds.keyBegin(), m_remittanceIds.keyEnd(),
                                            [&](const QString &each) { return each.mid(3) == trace.mid(3); });
            QVERIFY2(found != m_remittanceIds.keyEnd(), qPrintable(trace));
            known << *found;
        }
        const QSet<qint64> selected = remittancesOf(known);
        const ReportResult report = fetch(u"finance"_s, u"remittance-exceptions?"_s + period);
        QVERIFY(!report.rows.isEmpty());
        QCOMPARE(figuresOf(report), raisedOn(selected));
        QCOMPARE(figuresOf(report), databaseFiguresOn(selected));
    }

    void aPayerTakesTheRemittancesPayingItsClaims()
    {
        // Every payer: the remittances whose 835 names it (TRN03) or that pay one of its
        // claims, every exception of those counting.
        QStringList payers;
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT id FROM payers ORDER BY id"_s));
        while (query.next())
            payers << query.value(0).toString();
        QVERIFY(payers.contains(m_payerId));
        qsizetype narrowed = 0;
        for (const QString &payer : std::as_const(payers)) {
            const QSet<qint64> selected = remittancesWhere(
                u"r.payer_id = '%1' OR EXISTS (SELECT 1 FROM claim_payments AS p JOIN claims AS c "
                "ON c.claim_number = p.claim_number WHERE p.remittance_id = r.id AND c.payer_id = '%1')"_s.arg(payer));
            const ReportResult report
                = fetch(u"finance"_s, u"remittance-exceptions?payer=%1&"_s.arg(payer) + wholeHistory);
            QCOMPARE(figuresOf(report), raisedOn(selected));
            QCOMPARE(figuresOf(report), databaseFiguresOn(selected));
            if (payer == m_payerId)
                QVERIFY(selected.contains(m_remittanceIds.value(u"EXC-MARCH"_s)));
            narrowed += !selected.isEmpty() && selected.size() < m_remittanceIds.size() ? 1 : 0;
        }
        QVERIFY2(narrowed > 0, "some payer's claims are paid by some remittances only");

        const ReportResult none = fetch(u"finance"_s, u"remittance-exceptions?payer=NO-SUCH-PAYER"_s);
        QCOMPARE(none.rows.size(), 0);
        QCOMPARE(total(none, u"exceptions"_s).toLongLong(), 0);
    }

    void otherRolesSeeTheRemittancesOfTheirOwnWork()
    {
        // The biller owns the March denials' denial items: that remittance, all of it.
        const ReportResult biller = fetch(u"biller"_s, u"remittance-exceptions?"_s + wholeHistory);
        const Figures march = raisedOn({m_remittanceIds.value(u"EXC-MARCH"_s)});
        QCOMPARE(figuresOf(biller), march);
        QCOMPARE(total(biller, u"exceptions"_s).toLongLong(), 6);
        QVERIFY(biller.definitions.constLast().definition.contains(u"Demo Biller"_s));
        // The coder has no part in any remittance.
        const ReportResult coder = fetch(u"coder"_s, u"remittance-exceptions?"_s + wholeHistory);
        QCOMPARE(coder.rows.size(), 0);
        QCOMPARE(total(coder, u"still_open"_s).toLongLong(), 0);
        // The poster posted them all; supervisors and finance see everything.
        const ReportResult finance = fetch(u"finance"_s, u"remittance-exceptions?"_s + wholeHistory);
        QCOMPARE(fetch(u"poster"_s, u"remittance-exceptions?"_s + wholeHistory).rows, finance.rows);
        QCOMPARE(fetch(u"supervisor"_s, u"remittance-exceptions?"_s + wholeHistory).rows, finance.rows);
    }

    void theTotalsAreReconciliationsExceptions_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("query");
        QTest::newRow("whole") << u"finance"_s << wholeHistory;
        QTest::newRow("one day of April") << u"supervisor"_s << u"from=2027-04-05&to=2027-04-05"_s;
        QTest::newRow("payer") << u"finance"_s << u"payer=%1"_s.arg(m_payerId);
        QTest::newRow("facility") << u"finance"_s << u"facility="_s + m_facility;
        QTest::newRow("biller") << u"biller"_s << wholeHistory;
        QTest::newRow("poster in March") << u"poster"_s << u"from=2027-03-01&to=2027-03-31"_s;
    }

    void theTotalsAreReconciliationsExceptions()
    {
        QFETCH(QString, username);
        QFETCH(QString, query);
        const ReportResult exceptions = fetch(username, u"remittance-exceptions?"_s + query);
        const ReportResult reconciliation = fetch(username, u"remittance-reconciliation?"_s + query);
        QVERIFY(!reconciliation.rows.isEmpty());
        QCOMPARE(total(exceptions, u"exceptions"_s).toLongLong(), total(reconciliation, u"exceptions"_s).toLongLong());
        QCOMPARE(total(exceptions, u"exception_dollars"_s).toLongLong(),
                 total(reconciliation, u"exception_dollars"_s).toLongLong());
    }
};

QTEST_GUILESS_MAIN(TestRemittanceExceptionsReport)
#include "test_remittanceexceptionsreport.moc"
