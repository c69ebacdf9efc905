// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// GET /v1/reports/{name} against a real gateway on loopback. A week of work in March 2027
// (after all the seeded history) is written through the gateway's own store at chosen
// times: two remittances, an appeal that is paid, an approved and a rejected write-off, a
// resolution reopened. Each report's figures for that week are stated from what happened;
// over the whole history they are checked against SQL written here.
#include "server/claimregister.h"
#include "server/remittanceposter.h"
#include "services/reports/reportresult.h"
#include "services/synthetic/syntheticremittances.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/reporttesting.h"
#include "tests/server/testremittances.h"

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

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2027, 3, day), QTime(hour, 0), Qt::UTC);
}

const QString scenarioWeek = u"from=2027-03-01&to=2027-03-05"_s;
const QString wholeHistory = u"from=2000-01-01&to=2027-12-31"_s;

/// The row whose cells under keys equal values; an empty list when there is none.
QVariantList rowWhere(const ReportResult &report, const QList<std::pair<QString, QVariant>> &cells)
{
    for (const QVariantList &row : report.rows) {
        const bool matches = std::all_of(cells.begin(), cells.end(), [&](const auto &cell) {
            return row.value(report.columnIndex(cell.first)) == cell.second;
        });
        if (matches)
            return row;
    }
    return {};
}

} // namespace

class TestGatewayReports final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    QHash<QString, models::User> m_users; ///< by username
    std::map<QString, std::unique_ptr<testing::HttpClient>> m_clients; ///< signed in, by username
    QList<models::Claim> m_claims; ///< A and B paid, C and D denied, all of one payer
    QString m_payerId;
    QString m_deniedForAuthorization; ///< C's denial item, appealed and paid
    QString m_deniedLate; ///< D's denial item, half written off
    QString m_coderItem; ///< a write-off asked and rejected
    QString m_billerPending; ///< a write-off still waiting
    QString m_billerReopened; ///< resolved, then reopened
    QString m_resolvedBeforeTheLog; ///< seeded resolved, reopened in the week
    QString m_appealWaiting; ///< another payer's denial, appealed, no answer yet
    qint64 m_openBefore = 0; ///< open dollars before the week
    qint64 m_openedOnFirst = 0; ///< the exceptions of the first remittance
    qint64 m_firstRemittanceId = 0;

    qint64 number(const QString &statement)
    {
        const QVariant value = testing::firstValue(*m_gateway, statement);
        return value.isValid() ? value.toLongLong() : -1;
    }

    QString text(const QString &statement) { return testing::firstValue(*m_gateway, statement).toString(); }

    bool act(const QString &username, const QString &itemId, rules::ActionRequest request, const QDateTime &when)
    {
        return testing::applyAs(*m_gateway, m_users.value(username), itemId, std::move(request), when);
    }

    bool post(const QList<x12::Remittance> &transactions, const QDateTime &when)
    {
        server::RemittancePoster poster(m_gateway->store());
        const auto result = poster.import(testing::fileOf(transactions), m_users.value(u"poster"_s),
                                          server::RemittancePoster::Mode::Post, when);
        return result.outcome == server::RemittancePoster::Result::Outcome::Posted;
    }

    ReportResult fetch(const QString &username, const QString &path)
    {
        return testing::fetchReport(*m_clients.at(username), path);
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

    void pickScenarioItems()
    {
        // Four claims of Bluestone (BSH), who sends testing::remittanceFor's remittances and
        // pays only the claims it covers, that no remittance has paid yet, whose items are
        // not denials already (so that a denial raises a denial item of its own).
        m_payerId = u"BSH"_s;
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT c.claim_number FROM claims AS c JOIN work_items AS w ON w.id = c.work_item_id "
                           "WHERE w.queue <> 'denial' AND c.payer_id = '%1' AND c.claim_number NOT IN "
                           "(SELECT claim_number FROM claim_payments WHERE claim_number IS NOT NULL) "
                           "ORDER BY c.claim_number LIMIT 5"_s.arg(m_payerId)));
        server::ClaimRegister claims(m_gateway->database());
        while (query.next())
            m_claims.append(*claims.byControlNumber(query.value(0).toString()));
        QCOMPARE(m_claims.size(), 5); // the fifth lends its lines to a payment that matches nothing
        const auto ownedItem = [&](const QString &owner, qint64 minimumCents, const QString &except) {
            return text(u"SELECT id FROM work_items WHERE owner_id = '%1' AND status IN ('new', 'in_progress') "
                        "AND balance_cents >= %2 AND id <> '%3' ORDER BY id LIMIT 1"_s.arg(owner)
                            .arg(minimumCents)
                            .arg(except));
        };
        m_coderItem = ownedItem(u"DEMO-CODER"_s, 1000, QString());
        m_billerPending = ownedItem(u"DEMO-BILLER"_s, 500, QString());
        m_billerReopened = ownedItem(u"DEMO-BILLER"_s, 1, m_billerPending);
        m_resolvedBeforeTheLog = text(u"SELECT id FROM work_items WHERE status = 'resolved' AND balance_cents > 0 "
                                      "AND id NOT IN (SELECT work_item_id FROM audit_log) ORDER BY id LIMIT 1"_s);
        m_appealWaiting = text(u"SELECT id FROM work_items WHERE owner_id = 'DEMO-BILLER' AND queue = 'denial' "
                               "AND status IN ('new', 'in_progress') AND payer_id <> '%1' AND id NOT IN ('%2', '%3') "
                               "ORDER BY id LIMIT 1"_s.arg(m_payerId, m_billerPending, m_billerReopened));
        QVERIFY(!m_coderItem.isEmpty() && !m_billerPending.isEmpty() && !m_billerReopened.isEmpty()
                && !m_resolvedBeforeTheLog.isEmpty() && !m_appealWaiting.isEmpty());
    }

    void postFirstRemittance()
    {
        const auto &claims = m_claims;
        x12::ClaimPayment unmatched = testing::paidAsContracted(claims.at(4));
        unmatched.patientControlNumber = u"NOSUCHCLAIM9"_s;
        unmatched.payerClaimControlNumber = u"NOSUCHPAYER9"_s;
        x12::Remittance first
            = testing::remittanceFor({testing::paidAsContracted(claims.at(0)), testing::paidAsContracted(claims.at(1)),
                                      deniedWith(claims.at(2), u"197"_s), deniedWith(claims.at(3), u"29"_s), unmatched},
                                     u"RPT-1"_s);
        x12::ProviderAdjustment recoupment;
        recoupment.providerId = u"1999999900"_s;
        recoupment.fiscalPeriodEnd = QDate(2027, 12, 31);
        recoupment.reasonCode = u"WO"_s;
        recoupment.reference = claims.at(0).payerClaimNumber;
        recoupment.amount = Money::fromCents(2500);
        first.providerAdjustments.append(recoupment);
        first.payment.date = QDate(2027, 3, 1);
        testing::settle(first);
        QVERIFY(post({first}, at(1, 9)));
        m_firstRemittanceId = number(u"SELECT id FROM remittances WHERE trace_number = 'RPT-1'"_s);
        m_openedOnFirst = number(u"SELECT sum(w.balance_cents) FROM remittance_exceptions AS x JOIN work_items AS w "
                                 "ON w.id = x.work_item_id WHERE x.remittance_id = %1"_s.arg(m_firstRemittanceId));
        const auto denialItem = [&](const models::Claim &claim) {
            return text(u"SELECT w.id FROM remittance_exceptions AS x JOIN work_items AS w ON w.id = x.work_item_id "
                        "WHERE x.remittance_id = %1 AND w.queue = 'denial' AND w.claim_number = '%2'"_s.arg(
                            QString::number(m_firstRemittanceId), claim.claimNumber));
        };
        m_deniedForAuthorization = denialItem(claims.at(2));
        m_deniedLate = denialItem(claims.at(3));
        QVERIFY(!m_deniedForAuthorization.isEmpty() && !m_deniedLate.isEmpty());
    }

    /// The week of 2027-03-01, written at chosen times.
    void workTheWeek()
    {
        using models::ActionType;
        const auto action = [](ActionType type, const QString &text = {}) {
            rules::ActionRequest request;
            request.type = type;
            request.text = text;
            return request;
        };
        rules::ActionRequest resolvePaid = action(ActionType::Resolve);
        resolvePaid.resolutionCode = u"paid"_s;
        rules::ActionRequest writeOffHalf = action(ActionType::RequestWriteOff, u"past the filing limit"_s);
        writeOffHalf.amount = Money::fromCents(m_gateway->store().item(m_deniedLate)->balance.cents() / 2);
        rules::ActionRequest writeOffTen = action(ActionType::RequestWriteOff, u"small balance"_s);
        writeOffTen.amount = Money::fromCents(1000);
        rules::ActionRequest writeOffFive = action(ActionType::RequestWriteOff, u"small balance"_s);
        writeOffFive.amount = Money::fromCents(500);
        rules::ActionRequest resolveNothing = action(ActionType::Resolve);
        resolveNothing.resolutionCode = u"no_action_needed"_s;

        QVERIFY(act(u"biller"_s, m_deniedForAuthorization, action(ActionType::Take), at(1, 10)));
        QVERIFY(act(u"biller"_s, m_deniedForAuthorization, action(ActionType::Appeal, u"auth on file"_s), at(1, 11)));
        QVERIFY(act(u"biller"_s, m_deniedLate, action(ActionType::Take), at(2, 9)));
        QVERIFY(act(u"biller"_s, m_deniedLate, writeOffHalf, at(2, 10)));
        QVERIFY(act(u"coder"_s, m_coderItem, writeOffTen, at(2, 11)));
        QVERIFY(act(u"supervisor"_s, m_deniedLate, action(ActionType::ApproveWriteOff), at(2, 12)));
        QVERIFY(act(u"supervisor"_s, m_coderItem, action(ActionType::RejectWriteOff), at(2, 13)));
        QVERIFY(act(u"biller"_s, m_appealWaiting, action(ActionType::Appeal, u"documentation sent"_s), at(2, 14)));
        // The payer pays the appealed claim.
        x12::Remittance second = testing::remittanceFor({testing::paidAsContracted(m_claims.at(2))}, u"RPT-2"_s);
        second.payment.date = QDate(2027, 3, 3);
        QVERIFY(post({second}, at(3, 9)));
        QVERIFY(act(u"biller"_s, m_deniedForAuthorization, resolvePaid, at(3, 15)));
        QVERIFY(act(u"biller"_s, m_billerPending, writeOffFive, at(4, 9)));
        QVERIFY(act(u"biller"_s, m_billerReopened, resolveNothing, at(4, 10)));
        QVERIFY(act(u"supervisor"_s, m_billerReopened, action(ActionType::Reopen), at(5, 9)));
        QVERIFY(act(u"supervisor"_s, m_resolvedBeforeTheLog, action(ActionType::Reopen), at(5, 10)));
    }

    qint64 balance(const QString &itemId) { return m_gateway->store().item(itemId)->balance.cents(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(300);
        QVERIFY(m_gateway->isReady());
        QVERIFY(testing::signInDemoUsers(
            *m_gateway, {u"biller"_s, u"coder"_s, u"authspec"_s, u"poster"_s, u"supervisor"_s, u"finance"_s}, m_users,
            m_clients));
        // Some ordinary history first: the demo generator's remittances, posted today. Three
        // commercial payers' (a transaction is one payer's), so that the payer with the most
        // authorization items, whose claims the scenario needs unpaid, has none of them.
        const synthetic::SyntheticRemittances generator({5, QDate::currentDate(), 40});
        // Transaction n is payer n % 7's: Bluestone's (3) is left out, its claims kept for the scenarios.
        QVERIFY(post({generator.transaction(0), generator.transaction(4), generator.transaction(5)},
                     QDateTime::currentDateTimeUtc()));
        pickScenarioItems();
        m_openBefore
            = number(u"SELECT sum(balance_cents) FROM work_items WHERE status <> 'resolved' AND deleted = 0"_s);
        postFirstRemittance();
        workTheWeek();
    }

    void denialsCountRatesAndOverturnsForTheWeek()
    {
        const ReportResult report = fetch(u"supervisor"_s, u"denials?"_s + scenarioWeek);
        QCOMPARE(report.name, u"denials"_s);
        const QVariantList authorization
            = rowWhere(report, {{u"payer_id"_s, m_payerId}, {u"family"_s, u"authorization"_s}});
        const QVariantList late = rowWhere(report, {{u"payer_id"_s, m_payerId}, {u"family"_s, u"timely_filing"_s}});
        QVERIFY(!authorization.isEmpty() && !late.isEmpty());
        QCOMPARE(cell(report, authorization, u"denials"_s).toLongLong(), 1);
        QCOMPARE(cell(report, authorization, u"denied_charges"_s).toLongLong(), m_claims.at(2).charge().cents());
        QCOMPARE(cell(report, late, u"denied_charges"_s).toLongLong(), m_claims.at(3).charge().cents());
        // Five claim payments adjudicated (four on the first remittance, the appealed claim
        // again on the second); one denied in each family.
        QCOMPARE(cell(report, authorization, u"claims_adjudicated"_s).toLongLong(), 5);
        QCOMPARE(cell(report, authorization, u"denial_rate"_s).toDouble(), 0.2);
        QCOMPARE(cell(report, late, u"denial_rate"_s).toDouble(), 0.2);
        QCOMPARE(total(report, u"denial_rate"_s).toDouble(), 0.4);
        // The appeal was paid: overturned. Nothing else was appealed.
        QCOMPARE(cell(report, authorization, u"appealed"_s).toLongLong(), 1);
        QCOMPARE(cell(report, authorization, u"overturn_rate"_s).toDouble(), 1.0);
        QCOMPARE(cell(report, late, u"appealed"_s).toLongLong(), 0);
        QVERIFY(cell(report, late, u"overturn_rate"_s).isNull()); // nothing to divide by
        // Another payer's denial, opened before the week, appealed in it: no answer yet.
        const auto waiting = m_gateway->store().item(m_appealWaiting);
        const QVariantList unanswered = rowWhere(
            report,
            {{u"payer_id"_s, waiting->payerId}, {u"family"_s, QString(models::wireName(waiting->denialCategory))}});
        QCOMPARE(cell(report, unanswered, u"denials"_s).toLongLong(), 0);
        QCOMPARE(cell(report, unanswered, u"appealed"_s).toLongLong(), 1);
        QCOMPARE(cell(report, unanswered, u"overturned"_s).toLongLong(), 0);
        QCOMPARE(report.rows.size(), 3);
        QCOMPARE(total(report, u"overturn_rate"_s).toDouble(), 0.5);
        QCOMPARE(total(report, u"denials"_s).toLongLong(), 2);
        QCOMPARE(total(report, u"claims_adjudicated"_s).toLongLong(), 5);
        const auto rate = std::find_if(report.definitions.cbegin(), report.definitions.cend(),
                                       [](const auto &each) { return each.measure == u"Remittance denial rate"_s; });
        QVERIFY(rate != report.definitions.cend() && rate->standard.contains(u"AR-5"_s));
        QVERIFY(rate->definition.contains(u"Numerator"_s) && rate->definition.contains(u"Denominator"_s));

        // Narrowed to another payer, none of it shows.
        const ReportResult other = fetch(u"supervisor"_s, u"denials?payer=NO-SUCH-PAYER&"_s + scenarioWeek);
        QCOMPARE(other.rows.size(), 0);
    }

    void denialsOverTheWholeHistoryAgreeWithTheDatabase()
    {
        const ReportResult report = fetch(u"finance"_s, u"denials?"_s + wholeHistory);
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT payer_id, denial_category, count(*), sum(billed_cents) FROM work_items "
                           "WHERE queue = 'denial' AND deleted = 0 GROUP BY 1, 2"_s));
        qint64 denials = 0;
        while (query.next()) {
            const QVariantList row = rowWhere(report, {{u"payer_id"_s, query.value(0)}, {u"family"_s, query.value(1)}});
            QVERIFY(!row.isEmpty());
            QCOMPARE(cell(report, row, u"denials"_s).toLongLong(), query.value(2).toLongLong());
            QCOMPARE(cell(report, row, u"denied_charges"_s).toLongLong(), query.value(3).toLongLong());
            denials += query.value(2).toLongLong();
        }
        QCOMPARE(total(report, u"denials"_s).toLongLong(), denials);
        // Every claim payment that matched a claim, reversals aside; the denied ones are the
        // claims a denial exception was raised for.
        const qint64 adjudicated = number(u"SELECT count(*) FROM claim_payments WHERE claim_number IS NOT NULL "
                                          "AND status_code <> '22'"_s);
        const qint64 denied = number(u"SELECT count(*) FROM (SELECT DISTINCT x.remittance_id, w.claim_number "
                                     "FROM remittance_exceptions AS x JOIN work_items AS w ON w.id = x.work_item_id "
                                     "WHERE x.kind = 'denied')"_s);
        QVERIFY(denied > 2);
        QCOMPARE(total(report, u"claims_adjudicated"_s).toLongLong(), adjudicated);
        QCOMPARE(total(report, u"remittance_denied_claims"_s).toLongLong(), denied);
        QCOMPARE(total(report, u"denial_rate"_s).toDouble(), double(denied) / double(adjudicated));
    }

    void productivityByUserAndDay()
    {
        const ReportResult report = fetch(u"supervisor"_s, u"productivity?"_s + scenarioWeek);
        const auto day = [&](const QString &user, int date) {
            return rowWhere(report, {{u"user_id"_s, user}, {u"day"_s, QDate(2027, 3, date)}});
        };
        // The poster's import explained its four exceptions, two of them denials worked in
        // two queues: six notes.
        QCOMPARE(cell(report, day(u"DEMO-POSTER"_s, 1), u"actions"_s).toLongLong(), 6);
        QCOMPARE(cell(report, day(u"DEMO-BILLER"_s, 1), u"actions"_s).toLongLong(), 2);
        const QVariantList resolvedAppeal = day(u"DEMO-BILLER"_s, 3);
        QCOMPARE(cell(report, resolvedAppeal, u"items_resolved"_s).toLongLong(), 1);
        QCOMPARE(cell(report, resolvedAppeal, u"dollars_resolved"_s).toLongLong(), balance(m_deniedForAuthorization));
        QCOMPARE(cell(report, resolvedAppeal, u"median_hours_to_resolve"_s).toDouble(), 53.0); // Mon 10:00 to Wed 15:00
        // The approval resolved the late claim's denial with its whole balance before the
        // write-off, three hours after the biller took it.
        const QVariantList approval = day(u"DEMO-SUPERVISOR"_s, 2);
        QCOMPARE(cell(report, approval, u"actions"_s).toLongLong(), 2);
        QCOMPARE(cell(report, approval, u"dollars_resolved"_s).toLongLong(), m_claims.at(3).charge().cents());
        QCOMPARE(cell(report, approval, u"median_hours_to_resolve"_s).toDouble(), 3.0);
        // Resolved without ever being taken through the API: no time to resolve.
        QVERIFY(cell(report, day(u"DEMO-BILLER"_s, 4), u"median_hours_to_resolve"_s).isNull());
        QCOMPARE(total(report, u"actions"_s).toLongLong(), 19);
        QCOMPARE(total(report, u"items_resolved"_s).toLongLong(), 3);
        QCOMPARE(total(report, u"median_hours_to_resolve"_s).toDouble(), 28.0); // of 53 and 3

        // Over the whole history, every user's actions per day are the audit log's entries
        // about work items (not the sign-ins every fetch makes).
        const ReportResult history = fetch(u"supervisor"_s, u"productivity?"_s + wholeHistory);
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT actor_id, substr(occurred_at, 1, 10), count(*) FROM audit_log "
                           "WHERE work_item_id NOT LIKE 'session:%' AND work_item_id NOT LIKE 'signin:%' "
                           "GROUP BY 1, 2"_s));
        qsizetype rows = 0;
        while (query.next()) {
            const QVariantList row = rowWhere(history,
                                              {{u"user_id"_s, query.value(0)},
                                               {u"day"_s, QDate::fromString(query.value(1).toString(), Qt::ISODate)}});
            QCOMPARE(cell(history, row, u"actions"_s).toLongLong(), query.value(2).toLongLong());
            ++rows;
        }
        QCOMPARE(history.rows.size(), rows);
    }

    void writeOffsByReasonRequesterAndApprover()
    {
        const ReportResult report = fetch(u"finance"_s, u"write-offs?"_s + scenarioWeek);
        QCOMPARE(report.rows.size(), 3);
        const QVariantList approved = rowWhere(report, {{u"outcome"_s, u"approved"_s}});
        QCOMPARE(cell(report, approved, u"reason"_s).toString(), u"timely_filing"_s);
        QCOMPARE(cell(report, approved, u"requester"_s).toString(), u"Demo Biller"_s);
        QCOMPARE(cell(report, approved, u"approver"_s).toString(), u"Demo Supervisor"_s);
        const qint64 half = m_claims.at(3).charge().cents() / 2;
        QCOMPARE(cell(report, approved, u"requested"_s).toLongLong(), half);
        QCOMPARE(cell(report, approved, u"written_off"_s).toLongLong(), half);
        QCOMPARE(balance(m_deniedLate), m_claims.at(3).charge().cents() - half);
        const QVariantList rejected = rowWhere(report, {{u"outcome"_s, u"rejected"_s}});
        QCOMPARE(cell(report, rejected, u"requester"_s).toString(), u"Demo Coder"_s);
        QCOMPARE(cell(report, rejected, u"requested"_s).toLongLong(), 1000);
        QCOMPARE(cell(report, rejected, u"written_off"_s).toLongLong(), 0);
        const QVariantList pending = rowWhere(report, {{u"outcome"_s, u"pending"_s}});
        QVERIFY(cell(report, pending, u"approver"_s).isNull());
        QCOMPARE(total(report, u"requests"_s).toLongLong(), 3);
        QCOMPARE(total(report, u"requested"_s).toLongLong(), half + 1000 + 500);
        QCOMPARE(total(report, u"written_off"_s).toLongLong(), half);
    }

    void remittanceReconciliationTiesEachPaymentOut()
    {
        const ReportResult report = fetch(u"finance"_s, u"remittance-reconciliation?"_s + scenarioWeek);
        QCOMPARE(report.rows.size(), 2);
        const QVariantList first = rowWhere(report, {{u"trace_number"_s, u"RPT-1"_s}});
        const qint64 paid = m_claims.at(0).allowed().cents() + m_claims.at(1).allowed().cents();
        const qint64 unmatched = m_claims.at(4).allowed().cents();
        QCOMPARE(cell(report, first, u"payment_date"_s).toDate(), QDate(2027, 3, 1));
        QCOMPARE(cell(report, first, u"era_total"_s).toLongLong(), paid + unmatched - 2500);
        QCOMPARE(cell(report, first, u"posted"_s).toLongLong(), paid);
        // Two denials, the unmatched payment and the recoupment.
        QCOMPARE(cell(report, first, u"exceptions"_s).toLongLong(), 4);
        QCOMPARE(cell(report, first, u"exception_dollars"_s).toLongLong(),
                 m_claims.at(2).charge().cents() + m_claims.at(3).charge().cents() + unmatched + 2500);
        QCOMPARE(cell(report, first, u"status"_s).toString(), u"posted"_s);
        QCOMPARE(cell(report, first, u"plb_recoupments"_s).toLongLong(), 2500);
        // The recoupment is stored and classified: only the unmatched payment is unposted.
        QCOMPARE(cell(report, first, u"unposted"_s).toLongLong(), unmatched);
        const QVariantList second = rowWhere(report, {{u"trace_number"_s, u"RPT-2"_s}});
        QCOMPARE(cell(report, second, u"unposted"_s).toLongLong(), 0);
        QCOMPARE(total(report, u"posted"_s).toLongLong(), paid + m_claims.at(2).allowed().cents());
        QCOMPARE(total(report, u"unposted"_s).toLongLong(), unmatched);

        // Over the whole history, each payment's figures are the database's.
        const ReportResult history = fetch(u"finance"_s, u"remittance-reconciliation?"_s + wholeHistory);
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(
            u"SELECT r.trace_number, r.payment_cents, (SELECT coalesce(sum(paid_cents), 0) FROM "
            "claim_payments WHERE remittance_id = r.id AND claim_number IS NOT NULL) FROM remittances AS r"_s));
        qsizetype rows = 0;
        while (query.next()) {
            const QVariantList row = rowWhere(history, {{u"trace_number"_s, query.value(0)}});
            QCOMPARE(cell(history, row, u"era_total"_s).toLongLong(), query.value(1).toLongLong());
            QCOMPARE(cell(history, row, u"posted"_s).toLongLong(), query.value(2).toLongLong());
            ++rows;
        }
        QCOMPARE(history.rows.size(), rows);
        QCOMPARE(total(history, u"era_total"_s).toLongLong(), number(u"SELECT sum(payment_cents) FROM remittances"_s));
    }

    void openDollarsFollowTheWeekDayByDay()
    {
        const ReportResult report = fetch(u"supervisor"_s, u"open-dollars?from=2027-02-28&to=2027-03-06"_s);
        QCOMPARE(report.rows.size(), 7);
        const auto openOn = [&](int index) {
            return cell(report, report.rows.at(index), u"open_dollars"_s).toLongLong();
        };
        const qint64 late = m_claims.at(3).charge().cents();
        const qint64 appealed = balance(m_deniedForAuthorization);
        const qint64 reopened = balance(m_billerReopened);
        QCOMPARE(openOn(0), m_openBefore); // Sunday: as before the week
        QCOMPARE(openOn(1), m_openBefore + m_openedOnFirst); // the first remittance's exceptions
        QCOMPARE(openOn(2), openOn(1) - late); // the approved write-off closed the whole balance
        QCOMPARE(openOn(3), openOn(2) - appealed); // the appeal paid and resolved
        QCOMPARE(openOn(4), openOn(3) - reopened);
        // Reopened: one resolved in the week, one resolved before the audit log began.
        const qint64 resolvedBefore = balance(m_resolvedBeforeTheLog);
        QCOMPARE(openOn(5), openOn(4) + reopened + resolvedBefore);
        QCOMPARE(cell(report, report.rows.at(5), u"opened"_s).toLongLong(), reopened + resolvedBefore);
        // After everything, the open balances the work items carry now.
        QCOMPARE(openOn(6),
                 number(u"SELECT sum(balance_cents) FROM work_items WHERE status <> 'resolved' AND deleted = 0"_s));
        QCOMPARE(cell(report, report.rows.at(6), u"open_items"_s).toLongLong(),
                 number(u"SELECT count(*) FROM work_items WHERE status <> 'resolved' AND deleted = 0"_s));

        // Without dates: the 30 days to today.
        const ReportResult recent = fetch(u"supervisor"_s, u"open-dollars"_s);
        QCOMPARE(recent.rows.size(), 30);
        QCOMPARE(recent.rows.constLast().value(0).toDate(), QDateTime::currentDateTimeUtc().date());
        QCOMPARE(recent.parameters.from, QDateTime::currentDateTimeUtc().date().addDays(-29));
    }

    void otherRolesSeeOnlyTheirOwnWork()
    {
        // Finance and supervisors: the same whole report.
        const ReportResult supervisor = fetch(u"supervisor"_s, u"productivity?"_s + wholeHistory);
        const ReportResult finance = fetch(u"finance"_s, u"productivity?"_s + wholeHistory);
        QCOMPARE(finance.rows, supervisor.rows);

        const ReportResult biller = fetch(u"biller"_s, u"productivity?"_s + scenarioWeek);
        QCOMPARE(biller.rows.size(), 4); // Monday to Thursday
        for (const QVariantList &row : biller.rows)
            QCOMPARE(cell(biller, row, u"user_id"_s).toString(), u"DEMO-BILLER"_s);
        QVERIFY(biller.definitions.constLast().definition.contains(u"Demo Biller"_s));

        // The biller owns the two denial items, not the claims' own items.
        const ReportResult denials = fetch(u"biller"_s, u"denials?"_s + scenarioWeek);
        QCOMPARE(total(denials, u"denials"_s).toLongLong(), 2);
        QCOMPARE(total(denials, u"appealed"_s).toLongLong(), 2);
        QCOMPARE(total(denials, u"claims_adjudicated"_s).toLongLong(), 0);

        const ReportResult writeOffs = fetch(u"coder"_s, u"write-offs?"_s + scenarioWeek);
        QCOMPARE(writeOffs.rows.size(), 1);
        QCOMPARE(cell(writeOffs, writeOffs.rows.at(0), u"requester"_s).toString(), u"Demo Coder"_s);

        // The poster posted both payments; the biller owns exceptions of the first only.
        QCOMPARE(fetch(u"poster"_s, u"remittance-reconciliation?"_s + scenarioWeek).rows.size(), 2);
        const ReportResult payments = fetch(u"biller"_s, u"remittance-reconciliation?"_s + scenarioWeek);
        QCOMPARE(payments.rows.size(), 1);
        QCOMPARE(cell(payments, payments.rows.at(0), u"trace_number"_s).toString(), u"RPT-1"_s);

        const ReportResult open = fetch(u"authspec"_s, u"open-dollars?from=2027-03-06&to=2027-03-06"_s);
        QCOMPARE(cell(open, open.rows.at(0), u"open_dollars"_s).toLongLong(),
                 number(u"SELECT coalesce(sum(balance_cents), 0) FROM work_items WHERE status <> 'resolved' "
                        "AND deleted = 0 AND owner_id = 'DEMO-AUTHSPEC'"_s));
    }

    void badParametersAreProblems_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("no such day") << u"denials?from=2027-02-30"_s << 400 << u"invalid-parameter"_s;
        QTest::newRow("not a date") << u"denials?to=yesterday"_s << 400 << u"invalid-parameter"_s;
        QTest::newRow("not ISO") << u"denials?from=03/01/2027"_s << 400 << u"invalid-parameter"_s;
        QTest::newRow("from after to") << u"productivity?from=2027-03-05&to=2027-03-01"_s << 400 << u"invalid-period"_s;
        QTest::newRow("misspelt") << u"denials?form=2027-03-01"_s << 400 << u"invalid-parameter"_s;
        QTest::newRow("trend too long") << u"open-dollars?from=2000-01-01&to=2027-03-01"_s << 400
                                        << u"invalid-period"_s;
        QTest::newRow("unknown report") << u"aging"_s << 404 << u"unknown-report"_s;
    }

    void badParametersAreProblems()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, type);
        const testing::HttpReply reply = m_clients.at(u"supervisor"_s)->get(u"/reports/"_s + path);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.headers.value("content-type"), QByteArray("application/problem+json"));
        QCOMPARE(reply.json().value(u"type"_s).toString().section(u'/', -1), type);
        QVERIFY(!reply.json().value(u"correlationId"_s).toString().isEmpty());
    }

    void reportsNeedASignedInUser()
    {
        testing::HttpClient anonymous(m_gateway->url(QString()));
        QCOMPARE(anonymous.get(u"/reports/denials"_s).status, 401);
    }
};

QTEST_GUILESS_MAIN(TestGatewayReports)
#include "test_gatewayreports.moc"
