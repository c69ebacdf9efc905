// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// POST /v1/remittances against a real gateway on loopback: matching, every exception
// kind, duplicates, reversals, preview, and refusals. The 835s are written with the
// project's X12 writer from remittance models built on the gateway's own claim register.
#include "server/claimregister.h"
#include "server/gatewayserver.h"
#include "services/synthetic/syntheticclaims.h"
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/remittancecheck.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testremittances.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;
using testing::adjustment;
using testing::fileOf;
using testing::paidAsContracted;
using testing::remittanceFor;
using testing::reversalOf;
using testing::settle;

namespace {

QStringList kinds(const QJsonObject &report)
{
    QStringList result;
    for (const QJsonValue &transaction : report.value(u"transactions"_s).toArray()) {
        for (const QJsonValue &exception : transaction.toObject().value(u"exceptions"_s).toArray())
            result << exception.toObject().value(u"kind"_s).toString();
    }
    return result;
}

} // namespace

class TestRemittanceImport final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    std::unique_ptr<testing::HttpClient> m_poster;

    /// The index-th claim billed to Bluestone Health Plan, who sends these remittances: a
    /// payer pays only the claims it covers.
    models::Claim claim(int index)
    {
        QSqlQuery query(m_gateway->database().connection());
        query.prepare(
            u"SELECT claim_number FROM claims WHERE payer_id = 'BSH' ORDER BY claim_number LIMIT 1 OFFSET ?"_s);
        query.addBindValue(index);
        const bool found = query.exec() && query.next();
        Q_ASSERT(found);
        const QString number = query.value(0).toString();
        query.finish();
        return *server::ClaimRegister(m_gateway->database()).byControlNumber(number);
    }

    testing::HttpReply post(const QByteArray &file, bool preview = false)
    {
        return m_poster->post(preview ? u"/remittances?preview=true"_s : u"/remittances"_s, file,
                              {{"content-type", "application/edi-x12"}});
    }

    qint64 count(const QString &statement)
    {
        QSqlQuery query(m_gateway->database().connection());
        const qint64 result = query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
        query.finish();
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(600); // two blocks of the generator's items
        QVERIFY(m_gateway->isReady());
        m_poster = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_poster->signIn(u"poster"_s));
    }

    void aCleanPaymentPostsWithoutExceptionsAndOnlyOnce()
    {
        const QByteArray file
            = fileOf({remittanceFor({paidAsContracted(claim(1)), paidAsContracted(claim(2))}, u"MANUAL-1"_s)});
        const testing::HttpReply preview = post(file, true);
        QCOMPARE(preview.status, 200);
        QCOMPARE(count(u"SELECT count(*) FROM remittances"_s), 0); // a preview writes nothing
        const testing::HttpReply posted = post(file);
        QCOMPARE(posted.status, 201);
        QCOMPARE(posted.json().value(u"exceptionCount"_s).toInt(), 0);
        QCOMPARE(posted.json().value(u"postedTransactions"_s).toInt(), 1);
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments WHERE claim_number IS NOT NULL"_s), 2);

        // The same ERA again: recognised, nothing posted twice.
        const testing::HttpReply again = post(file);
        QCOMPARE(again.status, 409);
        QCOMPARE(again.json().value(u"type"_s).toString().section(u'/', -1), u"duplicate-remittance"_s);
        QCOMPARE(count(u"SELECT count(*) FROM remittances"_s), 1);
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments"_s), 2);

        // One file carrying the same payment twice posts it once.
        const x12::Remittance twice = remittanceFor({paidAsContracted(claim(17))}, u"MANUAL-8"_s);
        const testing::HttpReply doubled = post(fileOf({twice, twice}));
        QCOMPARE(doubled.status, 201);
        const QJsonArray both = doubled.json().value(u"transactions"_s).toArray();
        QVERIFY(both.at(0).toObject().value(u"posted"_s).toBool());
        QVERIFY(both.at(1).toObject().value(u"duplicate"_s).toBool());
        QCOMPARE(count(u"SELECT count(*) FROM remittances WHERE trace_number = 'MANUAL-8'"_s), 1);
    }

    void eachExceptionIsRaisedAndExplained()
    {
        // Unmatched: neither number known. Matched by the payer's number when CLP01 is wrong.
        x12::ClaimPayment unknown = paidAsContracted(claim(3));
        unknown.patientControlNumber = u"NOSUCHCLAIM1"_s;
        unknown.payerClaimControlNumber = u"NOSUCHPAYER1"_s;
        x12::ClaimPayment byPayerNumber = paidAsContracted(claim(4));
        byPayerNumber.patientControlNumber = u"TYPO"_s + byPayerNumber.patientControlNumber;
        // A line the claim never billed, and one the payer restated (SVC06 keeps what was billed).
        x12::ClaimPayment extraLine = paidAsContracted(claim(5));
        extraLine.lines[0].procedure.code = u"J9999"_s;
        x12::ClaimPayment restated = paidAsContracted(claim(6));
        restated.lines[0].originalProcedure = restated.lines[0].procedure;
        restated.lines[0].procedure.code = u"99212"_s;
        // Underpaid by 10.00 on its first line; denied on its first line with CO-197.
        x12::ClaimPayment underpaid = paidAsContracted(claim(7));
        underpaid.lines[0].paid -= Money::fromCents(1000);
        underpaid.lines[0].adjustments.append(adjustment(u"CO"_s, u"45"_s, Money::fromCents(1000)));
        x12::ClaimPayment denied = paidAsContracted(claim(8));
        denied.lines[0].paid = Money();
        denied.lines[0].adjustments = {adjustment(u"CO"_s, u"197"_s, denied.lines[0].charge)};
        denied.lines[0].remarkCodes = {u"N54"_s};
        // Zero paid because the allowed amount went to the deductible and the rest to the
        // contract: the patient's to pay, not a denial.
        x12::ClaimPayment deductible = paidAsContracted(claim(16));
        for (qsizetype index = 0; index < deductible.lines.size(); ++index) {
            x12::ServiceLine &line = deductible.lines[index];
            const Money allowed = claim(16).lines.at(index).allowed;
            line.paid = Money();
            line.adjustments
                = {adjustment(u"CO"_s, u"45"_s, line.charge - allowed), adjustment(u"PR"_s, u"1"_s, allowed)};
        }
        // Zero paid because coverage had ended (PR-27): a denial, though the patient's group.
        x12::ClaimPayment coverageEnded = paidAsContracted(claim(19));
        for (x12::ServiceLine &line : coverageEnded.lines) {
            line.paid = Money();
            line.adjustments = {adjustment(u"PR"_s, u"27"_s, line.charge)};
        }
        // A secondary payer pays what the primary left: never judged against the contract.
        x12::ClaimPayment secondary = paidAsContracted(claim(22));
        secondary.statusCode = u"2"_s;
        secondary.status = x12::ClaimStatus::Secondary;
        secondary.lines[0].paid = Money::fromCents(100);
        secondary.lines[0].adjustments
            = {adjustment(u"OA"_s, u"23"_s, secondary.lines[0].charge - Money::fromCents(100))};
        // A reason code nobody knows.
        x12::ClaimPayment oddCode = paidAsContracted(claim(9));
        oddCode.lines[0].adjustments = {adjustment(u"CO"_s, u"Z99"_s, oddCode.lines[0].charge - oddCode.lines[0].paid)};

        x12::Remittance remittance = remittanceFor({unknown, byPayerNumber, extraLine, restated, underpaid, denied,
                                                    deductible, coverageEnded, secondary, oddCode},
                                                   u"MANUAL-2"_s);
        // A recoupment naming claim 10 by the payer's number.
        x12::ProviderAdjustment recoupment;
        recoupment.providerId = u"1999999900"_s;
        recoupment.fiscalPeriodEnd = QDate(2026, 12, 31);
        recoupment.reasonCode = u"WO"_s;
        recoupment.reference = claim(10).payerClaimNumber;
        recoupment.amount = Money::fromCents(2500);
        remittance.providerAdjustments.append(recoupment);
        settle(remittance);

        const testing::HttpReply reply = post(fileOf({remittance}));
        QCOMPARE(reply.status, 201);
        QStringList found = kinds(reply.json());
        found.sort();
        // The line cut by a code nobody knows (CO-Z99) is a denial of that part as well as a
        // code to look up: no rule says the cut is legitimate.
        QStringList expected = {u"denied"_s,          u"denied"_s,        u"denied"_s,
                                u"recoupment"_s,      u"underpaid"_s,     u"unknown-reason-code"_s,
                                u"unmatched-claim"_s, u"unmatched-line"_s};
        expected.sort();
        QVERIFY2(found == expected, qPrintable(found.join(u", "_s)));

        const QJsonArray exceptions
            = reply.json().value(u"transactions"_s).toArray().at(0).toObject().value(u"exceptions"_s).toArray();
        for (const QJsonValue &value : exceptions) {
            const QJsonObject exception = value.toObject();
            const QString kind = exception.value(u"kind"_s).toString();
            const QJsonArray ids = exception.value(u"workItemIds"_s).toArray();
            QCOMPARE(ids.size(), kind == u"denied"_s ? 2 : 1); // a denial is worked in both queues (new or existing)
            const auto item = m_gateway->store().item(ids.at(0).toString());
            QVERIFY(item);
            QCOMPARE(item->queue, models::Queue::Remittance);
            // The explanation opens the item's history.
            const QList<models::AuditEvent> history = m_gateway->store().history(item->id);
            QCOMPARE(history.size(), 1); // its first entry
            QVERIFY(history.at(0).detailsJson.contains(exception.value(u"explanation"_s).toString().left(30).toUtf8()));
            if (kind == u"underpaid"_s) {
                QCOMPARE(exception.value(u"amount"_s).toString(), u"10.00"_s);
                QCOMPARE(item->claimNumber, claim(7).claimNumber);
                QCOMPARE(item->denialCategory, models::DenialCategory::Underpayment);
            } else if (kind == u"denied"_s && item->claimNumber == claim(8).claimNumber) {
                QCOMPARE(item->carc, u"197"_s);
                QCOMPARE(item->rarcs, QStringList {u"N54"_s});
                QCOMPARE(m_gateway->store().item(ids.at(1).toString())->queue, models::Queue::Denial);
            } else if (kind == u"denied"_s && item->claimNumber == claim(9).claimNumber) {
                QCOMPARE(item->groupCode + u'-' + item->carc, u"CO-Z99"_s); // the unknown code's cut
            } else if (kind == u"denied"_s) {
                QCOMPARE(item->claimNumber, claim(19).claimNumber); // coverage ended
                QCOMPARE(item->groupCode + u'-' + item->carc, u"PR-27"_s);
                QCOMPARE(m_gateway->store().item(ids.at(1).toString())->queue, models::Queue::Denial);
            } else if (kind == u"recoupment"_s) {
                QCOMPARE(item->claimNumber, claim(10).claimNumber);
                QVERIFY(exception.value(u"explanation"_s).toString().contains(u"took back $25.00"_s));
            } else if (kind == u"unmatched-claim"_s) {
                QCOMPARE(item->claimNumber, u"NOSUCHCLAIM1"_s);
            } else if (kind == u"unmatched-line"_s) {
                QVERIFY(exception.value(u"explanation"_s).toString().contains(u"J9999"_s));
            }
        }
        // The claim matched by the payer's number was posted against the right claim.
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments WHERE claim_number = '%1' AND "
                       "patient_control_number LIKE 'TYPO%%'"_s.arg(claim(4).claimNumber)),
                 1);
    }

    void aFileOutOfBalanceBecomesAnException()
    {
        x12::Remittance remittance = remittanceFor({paidAsContracted(claim(11))}, u"MANUAL-3"_s);
        remittance.payment.amount += Money::fromCents(100); // the bank got a dollar more than the claims add to
        const testing::HttpReply reply = post(fileOf({remittance}));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kinds(reply.json()), QStringList {u"out-of-balance"_s});
        QVERIFY(!reply.json().value(u"transactions"_s).toArray().at(0).toObject().value(u"balanced"_s).toBool());
    }

    void aReversalIsPairedWithThePaymentItUndoes()
    {
        const x12::ClaimPayment original = paidAsContracted(claim(12));
        QCOMPARE(post(fileOf({remittanceFor({original}, u"MANUAL-4"_s)})).status, 201);
        const x12::ClaimPayment reversal = reversalOf(original);
        // And a reversal of a payment never posted here.
        const x12::ClaimPayment stray = reversalOf(paidAsContracted(claim(13)));
        const testing::HttpReply reply = post(fileOf({remittanceFor({reversal, stray}, u"MANUAL-5"_s)}));
        QCOMPARE(reply.status, 201);
        QCOMPARE(kinds(reply.json()), QStringList {u"unpaired-reversal"_s});
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments AS original JOIN claim_payments AS reversal "
                       "ON reversal.reverses = original.id AND original.reversed_by = reversal.id "
                       "WHERE original.patient_control_number = '%1'"_s.arg(claim(12).claimNumber)),
                 1);

        // The item's payments, as the workbench's detail panel asks for them.
        const testing::HttpReply payments = m_poster->get(u"/work-items/%1/payments"_s.arg(claim(12).workItemId));
        QCOMPARE(payments.status, 200);
        const QJsonArray list = payments.json().value(u"payments"_s).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(u"traceNumber"_s).toString(), u"MANUAL-4"_s);
        QVERIFY(list.at(0).toObject().value(u"reversed"_s).toBool());
        QCOMPARE(list.at(1).toObject().value(u"status"_s).toString(), u"22"_s);
        const auto paid = Money::fromString(list.at(0).toObject().value(u"paid"_s).toString());
        QVERIFY(paid && paid->cents() > 0);
        QCOMPARE(list.at(1).toObject().value(u"paid"_s).toString(), (-*paid).toString());
        QCOMPARE(m_poster->get(u"/work-items/NO-SUCH-ITEM/payments"_s).status, 404);

        // A payment and its reversal in two transactions of one file pair up too.
        const x12::ClaimPayment paidLater = paidAsContracted(claim(18));
        const testing::HttpReply sameFile = post(fileOf(
            {remittanceFor({paidLater}, u"MANUAL-9"_s), remittanceFor({reversalOf(paidLater)}, u"MANUAL-10"_s)}));
        QCOMPARE(sameFile.status, 201);
        QCOMPARE(kinds(sameFile.json()), QStringList());
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments WHERE patient_control_number = '%1' "
                       "AND reversed_by IS NOT NULL"_s.arg(claim(18).claimNumber)),
                 1);

        // Reversed twice (two transactions of one file): the second finds nothing left to undo.
        const x12::ClaimPayment once = paidAsContracted(claim(23));
        QCOMPARE(post(fileOf({remittanceFor({once}, u"MANUAL-11"_s)})).status, 201);
        const testing::HttpReply twice = post(fileOf(
            {remittanceFor({reversalOf(once)}, u"MANUAL-12"_s), remittanceFor({reversalOf(once)}, u"MANUAL-13"_s)}));
        QCOMPARE(twice.status, 201);
        QCOMPARE(kinds(twice.json()), QStringList {u"unpaired-reversal"_s});
        QCOMPARE(
            count(u"SELECT count(*) FROM claim_payments WHERE patient_control_number = '%1' AND reverses IS NOT NULL"_s
                      .arg(claim(23).claimNumber)),
            1);
    }

    void aGeneratedEraPostsCleanlyAndReconciles()
    {
        // The fixture's gateway holds the demo generator's items (seed 5, as of today).
        const synthetic::SyntheticRemittances generator({5, QDate::currentDate(), 40});
        QList<x12::Remittance> transactions;
        // Transaction n is payer n % 7's for block n / 7 of the items, with the crossovers of
        // block n / 7 - 1 when it is a secondary: 8 (Medicaid) and 11 (Northwind) carry them.
        for (const int index : {0, 1, 2, 4, 8, 11})
            transactions.append(generator.transaction(index));
        // The generator pays its own claims, each line naming its billed line (REF*6R), from a
        // payer on the claim's coverage, in balanced transactions: nothing may come back
        // unmatched, held or from the wrong payer. Crossover secondaries (CLP02 = 2, OA-23 for
        // the primary's part) and Medicare sequestration (CO-253) are not work.
        Money claimPayments;
        Money payments;
        QSet<QString> secondaries;
        for (const x12::Remittance &remittance : std::as_const(transactions)) {
            claimPayments += remittance.claimPaymentTotal();
            payments += remittance.payment.amount;
            QVERIFY(x12::checkRemittance(remittance, reference::ReasonCodeCatalogue::builtIn()).isBalanced());
            for (const x12::ClaimPayment &claim : remittance.claims) {
                if (claim.status == x12::ClaimStatus::Secondary)
                    secondaries.insert(claim.patientControlNumber);
            }
        }
        QVERIFY2(!secondaries.isEmpty(), "the generated remittances include crossover secondaries");

        const testing::HttpReply reply = post(fileOf(transactions));
        QVERIFY2(reply.status == 201, reply.body.left(400).constData());
        QCOMPARE(reply.json().value(u"postedTransactions"_s).toInt(), transactions.size());
        QHash<QString, int> found;
        for (const QString &kind : kinds(reply.json()))
            ++found[kind];
        for (const QString &never : {u"unmatched-claim"_s, u"unmatched-line"_s, u"payer-not-on-claim"_s,
                                     u"out-of-balance"_s, u"interest-mismatch"_s, u"not-our-claim"_s})
            QVERIFY2(!found.contains(never), qPrintable(never));
        QVERIFY2(found.value(u"denied"_s) > 0 && found.value(u"recoupment"_s) > 0,
                 "the generated remittances exercise denials and recoupments");
        for (const QJsonValue &transaction : reply.json().value(u"transactions"_s).toArray()) {
            for (const QJsonValue &value : transaction.toObject().value(u"exceptions"_s).toArray()) {
                const QJsonObject exception = value.toObject();
                if (exception.value(u"kind"_s).toString() == u"denied"_s)
                    QVERIFY2(!secondaries.contains(exception.value(u"claimNumber"_s).toString()),
                             qPrintable(exception.value(u"explanation"_s).toString()));
                QVERIFY2(exception.value(u"reasonCode"_s).toString() != u"253"_s,
                         qPrintable(exception.value(u"explanation"_s).toString()));
            }
        }
        // Every cent reconciles: what was posted is what the file says.
        const QString ids = u"SELECT id FROM remittances WHERE trace_number IN ('%1')"_s.arg([&] {
            QStringList traces;
            for (const x12::Remittance &remittance : std::as_const(transactions))
                traces << remittance.payment.traceNumber;
            return traces.join(u"','"_s);
        }());
        QCOMPARE(count(u"SELECT count(*) FROM ("_s + ids + u")"_s), transactions.size());
        QCOMPARE(count(u"SELECT sum(payment_cents) FROM remittances WHERE id IN ("_s + ids + u")"_s), payments.cents());
        QCOMPARE(count(u"SELECT sum(paid_cents) FROM claim_payments WHERE remittance_id IN ("_s + ids + u")"_s),
                 claimPayments.cents());
        QCOMPARE(count(u"SELECT count(*) FROM claim_payments WHERE remittance_id IN ("_s + ids
                       + u") AND claim_number IS NULL"_s),
                 0);
    }

    void aDamagedTransactionIsReportedNotPostedAndPostsOnceFixed()
    {
        const QByteArray good = fileOf({remittanceFor({paidAsContracted(claim(20))}, u"MANUAL-6"_s),
                                        remittanceFor({paidAsContracted(claim(21))}, u"MANUAL-7"_s)});
        // The second transaction's claim payment amount is garbled in transit.
        QByteArray damaged = good;
        const qsizetype second = damaged.indexOf("TRN*1*MANUAL-7");
        const qsizetype clp = damaged.indexOf("CLP*", second);
        const qsizetype amount = damaged.indexOf('*', damaged.indexOf('*', damaged.indexOf('*', clp + 4) + 1) + 1);
        QVERIFY(second > 0 && clp > second && amount > clp);
        damaged.insert(amount + 1, "X");

        const testing::HttpReply first = post(damaged);
        QCOMPARE(first.status, 201);
        const QJsonArray transactions = first.json().value(u"transactions"_s).toArray();
        QCOMPARE(transactions.size(), 2);
        QVERIFY(transactions.at(0).toObject().value(u"posted"_s).toBool());
        QVERIFY(!transactions.at(1).toObject().value(u"posted"_s).toBool());
        const QJsonArray errors = transactions.at(1).toObject().value(u"errors"_s).toArray();
        QVERIFY(!errors.isEmpty());
        QCOMPARE(errors.at(0).toObject().value(u"code"_s).toString(), u"amount.invalid"_s);
        QVERIFY(errors.at(0).toObject().value(u"segment"_s).toInt() > 0);
        QCOMPARE(count(u"SELECT count(*) FROM remittances WHERE trace_number = 'MANUAL-7'"_s), 0);

        // The payer sends the file again, intact: only what was not posted posts.
        const testing::HttpReply again = post(good);
        QCOMPARE(again.status, 201);
        const QJsonArray again2 = again.json().value(u"transactions"_s).toArray();
        QVERIFY(again2.at(0).toObject().value(u"duplicate"_s).toBool());
        QVERIFY(again2.at(1).toObject().value(u"posted"_s).toBool());
        QCOMPARE(count(u"SELECT count(*) FROM remittances WHERE trace_number IN ('MANUAL-6', 'MANUAL-7')"_s), 2);
    }

    void onlyTheImportMaySendAFileSizedBody()
    {
        using Action = server::RequestGuard::Verdict::Action;
        const auto verdict = [](const QByteArray &head) {
            server::RequestGuard guard;
            return guard.inspect(head + "content-length: 5000000\r\n\r\n", {1024 * 1024, 256 * 1024}).action;
        };
        // The import's body is taken off the HTTP layer (to a file, once the sign-in is
        // checked); any other route announcing as much is refused before its body is read.
        QCOMPARE(verdict("POST /v1/remittances HTTP/1.1\r\nAuthorization: Bearer abc\r\n"), Action::TakeOver);
        QCOMPARE(verdict("POST /v1/remittances?preview=true HTTP/1.1\r\n"), Action::TakeOver);
        QCOMPARE(verdict("POST /v1/remittancesX HTTP/1.1\r\nAuthorization: Bearer abc\r\n"), Action::Refuse);
        QCOMPARE(verdict("POST /v1/session HTTP/1.1\r\nAuthorization: Bearer abc\r\n"), Action::Refuse);
        QCOMPARE(verdict("GET /v1/remittances HTTP/1.1\r\nAuthorization: Bearer abc\r\n"), Action::Refuse);
    }

    void refusesWhatItCannotUse()
    {
        QCOMPARE(post("this is not X12").status, 422);
        QCOMPARE(post(QByteArray()).status, 400);
        testing::HttpClient biller(m_gateway->url(QString()));
        QVERIFY(biller.signIn(u"biller"_s));
        QCOMPARE(biller
                     .post(u"/remittances"_s, fileOf({remittanceFor({paidAsContracted(claim(14))}, u"T9"_s)}),
                           {{"content-type", "application/edi-x12"}})
                     .status,
                 403);
    }
};

QTEST_GUILESS_MAIN(TestRemittanceImport)
#include "test_remittanceimport.moc"
