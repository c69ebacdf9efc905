// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Payer contracts through the gateway's HTTP path (docs/contracts.md): POST /v1/contracts
// loads, previews, refuses bad files and the wrong roles, and a claim billed without an
// allowed amount is judged against the contract when its 835 comes.
#include "server/claimregister.h"
#include "server/contractregister.h"
#include "server/useradministration.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testremittances.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;

namespace {

constexpr auto goodPassword = "amber-kestrel-lighthouse-42";
const QByteArray header = "payer_id,kind,code,modifier,amount,percent,effective_from,effective_to\r\n";
const QByteArray csv = "text/csv";

QJsonObject payerIn(const QJsonObject &answer, const QString &payerId)
{
    for (const QJsonValue &payer : answer.value(u"payers"_s).toArray()) {
        if (payer[u"payerId"_s].toString() == payerId)
            return payer.toObject();
    }
    return {};
}

} // namespace

class TestContractsApi final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    std::unique_ptr<testing::HttpClient> m_supervisor;

    testing::HttpReply load(testing::HttpClient &client, const QByteArray &file, bool preview = false)
    {
        return client.post(preview ? u"/contracts?preview=true"_s : u"/contracts"_s, file, {{"content-type", csv}});
    }

    qint64 count(const QString &statement)
    {
        QSqlQuery query(m_gateway->database().connection());
        const qint64 result = query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
        query.finish();
        return result;
    }

    /// The contracts table, row by row, to compare before and after.
    QStringList contracts()
    {
        QSqlQuery query(m_gateway->database().connection());
        QStringList rows;
        if (query.exec(u"SELECT payer_id, kind, code, modifier, amount_cents, percent_basis_points, effective_from, "
                       "effective_to FROM contracts ORDER BY 1, 2, 3, 4, 7"_s)) {
            while (query.next()) {
                QStringList fields;
                for (int column = 0; column < 8; ++column)
                    fields << query.value(column).toString();
                rows << fields.join(u'|');
            }
        }
        return rows;
    }

private Q_SLOTS:
    void init()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(300);
        QVERIFY(m_gateway->isReady());
        m_supervisor = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_supervisor->signIn(u"supervisor"_s));
    }
    void cleanup() { m_gateway.reset(); }

    void theDemoSeedLoadsTheSyntheticPayersContracts()
    {
        QVERIFY(count(u"SELECT count(DISTINCT payer_id) FROM contracts WHERE kind = 'percent_of_charges'"_s) >= 5);
    }

    void aFileReplacesEachPayersTermsAndTheSameFileAgainChangesNothing()
    {
        const qint64 auditBefore = count(u"SELECT count(*) FROM audit_log"_s);
        const QByteArray file = header
            + "BSH,fee,99213,,120.00,,2026-01-01,\r\n"
              "BSH,fee,99214,25,160.00,,2026-01-01,\r\n"
              "BSH,percent_of_charges,,,,55,2026-01-01,\r\n"
              "ZZTEST,drg,470,,15000.00,,2026-01-01,\r\n";
        const testing::HttpReply loaded = load(*m_supervisor, file);
        QCOMPARE(loaded.status, 200);
        QVERIFY(loaded.json().value(u"changed"_s).toBool());
        QCOMPARE(loaded.json().value(u"termCount"_s).toInt(), 4);
        const QJsonObject bluestone = payerIn(loaded.json(), u"BSH"_s);
        QCOMPARE(bluestone[u"terms"_s][u"fee"_s].toInt(), 2);
        QCOMPARE(bluestone[u"terms"_s][u"percent_of_charges"_s].toInt(), 1);
        QCOMPARE(bluestone[u"termsBefore"_s].toInt(), 1); // the demo's percent of charges, replaced
        QCOMPARE(payerIn(loaded.json(), u"ZZTEST"_s)[u"terms"_s][u"drg"_s].toInt(), 1);
        QCOMPARE(count(u"SELECT count(*) FROM contracts WHERE payer_id = 'BSH'"_s), 3);
        QCOMPARE(count(u"SELECT amount_cents FROM contracts WHERE payer_id = 'BSH' AND code = '99213'"_s), 12000);
        // Payers the file does not name keep their terms.
        QCOMPARE(count(u"SELECT count(*) FROM contracts WHERE payer_id = 'NWH'"_s), 1);
        // One audit entry, counts only.
        QCOMPARE(count(u"SELECT count(*) FROM audit_log"_s), auditBefore + 1);
        QSqlQuery audit(m_gateway->database().connection());
        QVERIFY(audit.exec(u"SELECT work_item_id, details_json FROM audit_log ORDER BY sequence DESC LIMIT 1"_s));
        QVERIFY(audit.next());
        QVERIFY(audit.value(0).toString().startsWith(u"contracts:"_s));
        QVERIFY(!audit.value(1).toString().contains(u"120.00"_s));
        audit.finish();

        const QStringList before = contracts();
        const testing::HttpReply again = load(*m_supervisor, file);
        QCOMPARE(again.status, 200);
        QVERIFY(!again.json().value(u"changed"_s).toBool());
        QVERIFY(again.json().value(u"message"_s).toString().contains(u"nothing changed"_s));
        QVERIFY(!payerIn(again.json(), u"BSH"_s)[u"changed"_s].toBool());
        QCOMPARE(contracts(), before);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log"_s), auditBefore + 1);
    }

    void aPreviewReportsWithoutWriting()
    {
        const QStringList before = contracts();
        const qint64 auditBefore = count(u"SELECT count(*) FROM audit_log"_s);
        const testing::HttpReply previewed = load(*m_supervisor, header + "BSH,fee,99213,,120.00,,2026-01-01,\n", true);
        QCOMPARE(previewed.status, 200);
        QVERIFY(previewed.json().value(u"preview"_s).toBool());
        QVERIFY(payerIn(previewed.json(), u"BSH"_s)[u"changed"_s].toBool());
        QCOMPARE(contracts(), before);
        QCOMPARE(count(u"SELECT count(*) FROM audit_log"_s), auditBefore);
    }

    void aFileWithBadRowsIsRefusedWithEveryRowAndChangesNothing()
    {
        const QStringList before = contracts();
        const testing::HttpReply refused = load(*m_supervisor,
                                                header
                                                    + "BSH,fee,99213,,120.00,,2026-01-01,\n"
                                                      "BSH,fee,99214,,12O.00,,2026-01-01,\n"
                                                      "BSH,bonus,,,5,,2026-01-01,\n"
                                                      "BSH,fee,99213,,125.00,,2026-06-01,\n");
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.headers.value("content-type").startsWith("application/problem+json"));
        QCOMPARE(refused.json().value(u"type"_s).toString().section(u'/', -1), u"invalid-contracts"_s);
        const QJsonArray errors = refused.json().value(u"errors"_s).toArray();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors.at(0)[u"line"_s].toInt(), 3);
        QVERIFY(errors.at(0)[u"message"_s].toString().contains(u"amount"_s));
        QCOMPARE(errors.at(1)[u"line"_s].toInt(), 4);
        QVERIFY(errors.at(1)[u"message"_s].toString().contains(u"unknown"_s));
        QCOMPARE(errors.at(2)[u"line"_s].toInt(), 5);
        QVERIFY(errors.at(2)[u"message"_s].toString().contains(u"overlap"_s));
        QCOMPARE(contracts(), before);

        const testing::HttpReply empty = load(*m_supervisor, QByteArray());
        QCOMPARE(empty.status, 422);
        QCOMPARE(contracts(), before);
    }

    void onlySupervisorsAndTheIntegrationAccountLoadContracts()
    {
        const QByteArray file = header + "BSH,percent_of_charges,,,,70,2026-01-01,\n";
        const QStringList before = contracts();
        for (const QString &role : {u"poster"_s, u"biller"_s, u"finance"_s}) {
            testing::HttpClient client(m_gateway->url(QString()));
            QVERIFY(client.signIn(role));
            const testing::HttpReply refused = load(client, file);
            QCOMPARE(refused.status, 403);
        }
        QCOMPARE(contracts(), before);
        testing::HttpClient anonymous(m_gateway->url(QString()));
        QCOMPARE(load(anonymous, file).status, 401);

        server::UserAdministration administration(m_gateway->store(), u"test"_s, {}, 1000);
        QVERIFY(administration
                    .addUser(u"clearinghouse"_s, u"Clearinghouse feed"_s, models::Role::Integration,
                             QString::fromLatin1(goodPassword))
                    .value);
        testing::HttpClient feed(m_gateway->url(QString()));
        QVERIFY(feed.signIn(u"clearinghouse"_s, QString::fromLatin1(goodPassword)));
        QCOMPARE(load(feed, file).status, 200);
        QCOMPARE(count(u"SELECT percent_basis_points FROM contracts WHERE payer_id = 'BSH'"_s), 7000);
        // CSV only.
        QCOMPARE(m_supervisor->post(u"/contracts"_s, file, {{"content-type", "application/json"}}).status, 415);
    }

    void aClaimWithoutAllowedAmountsIsJudgedAgainstTheContract()
    {
        // Two claims as an 837 brings them: no allowed amounts.
        QList<models::Claim> claims;
        for (const QString &number : {u"CONTRACT-UNDER"_s, u"CONTRACT-RIGHT"_s}) {
            models::Claim claim;
            claim.claimNumber = number;
            claim.accountNumber = u"ACCT-"_s + number;
            claim.payerId = u"BSH"_s;
            models::ClaimLine office;
            office.procedureCode = u"99213"_s;
            office.charge = Money::fromCents(20000);
            office.serviceDate = QDate(2026, 11, 2);
            models::ClaimLine labs = office;
            labs.lineNumber = 2;
            labs.procedureCode = u"80053"_s;
            labs.charge = Money::fromCents(10000);
            claim.lines = {office, labs};
            claims.append(claim);
        }
        QVERIFY(!server::ClaimRegister(m_gateway->database()).addClaims(claims));
        // Bluestone's contract: $120.00 for 99213, 50% of charges otherwise.
        QCOMPARE(load(*m_supervisor,
                      header
                          + "BSH,fee,99213,,120.00,,2026-01-01,\n"
                            "BSH,percent_of_charges,,,,50,2026-01-01,\n")
                     .status,
                 200);

        auto payment = [](const models::Claim &claim, Money officePaid, Money labsPaid) {
            x12::ClaimPayment paid = testing::paidAsContracted(claim); // pays the register's 0.00
            const QList<Money> amounts {officePaid, labsPaid};
            for (qsizetype index = 0; index < paid.lines.size(); ++index) {
                x12::ServiceLine &line = paid.lines[index];
                line.paid = amounts.at(index);
                line.adjustments = {testing::adjustment(u"CO"_s, u"45"_s, line.charge - line.paid)};
            }
            return paid;
        };
        // The first claim's office visit paid $100.00 where the contract allows $120.00; its
        // labs paid the contract's 50%. The second is paid as contracted.
        const QByteArray file = testing::fileOf(
            {testing::remittanceFor({payment(claims.at(0), Money::fromCents(10000), Money::fromCents(5000)),
                                     payment(claims.at(1), Money::fromCents(12000), Money::fromCents(5000))},
                                    u"CONTRACT-1"_s)});
        const testing::HttpReply posted
            = m_supervisor->post(u"/remittances"_s, file, {{"content-type", "application/edi-x12"}});
        QCOMPARE(posted.status, 201);
        const QJsonArray exceptions = posted.json()[u"transactions"_s].toArray().at(0)[u"exceptions"_s].toArray();
        QCOMPARE(exceptions.size(), 1);
        const QJsonObject underpaid = exceptions.at(0).toObject();
        QCOMPARE(underpaid[u"kind"_s].toString(), u"underpaid"_s);
        QCOMPARE(underpaid[u"amount"_s].toString(), u"20.00"_s);
        const QString explanation = underpaid[u"explanation"_s].toString();
        QVERIFY2(explanation.contains(u"CONTRACT-UNDER"_s), qPrintable(explanation));
        QVERIFY2(explanation.contains(u"the contract allows $120.00"_s), qPrintable(explanation));
        // The register still holds what the 837 said: the contract is applied when judging.
        QCOMPARE(server::ClaimRegister(m_gateway->database()).byControlNumber(u"CONTRACT-UNDER"_s)->allowed(), Money());
    }

    void anAllowedAmountTheRegisterHoldsWinsOverTheContract()
    {
        models::Claim claim;
        claim.claimNumber = u"CONTRACT-KEPT"_s;
        claim.accountNumber = u"ACCT-KEPT"_s;
        claim.payerId = u"BSH"_s;
        models::ClaimLine office;
        office.procedureCode = u"99213"_s;
        office.charge = Money::fromCents(20000);
        office.allowed = Money::fromCents(9000);
        office.serviceDate = QDate(2026, 11, 2);
        claim.lines = {office};
        QVERIFY(!server::ClaimRegister(m_gateway->database()).addClaims({&claim, 1}));
        QCOMPARE(load(*m_supervisor, header + "BSH,fee,99213,,120.00,,2026-01-01,\n").status, 200);
        x12::ClaimPayment paid = testing::paidAsContracted(claim); // pays the register's $90.00
        const testing::HttpReply posted
            = m_supervisor->post(u"/remittances"_s, testing::fileOf({testing::remittanceFor({paid}, u"KEPT-1"_s)}),
                                 {{"content-type", "application/edi-x12"}});
        QCOMPARE(posted.status, 201);
        QCOMPARE(posted.json()[u"exceptionCount"_s].toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestContractsApi)
#include "test_contractsapi.moc"
