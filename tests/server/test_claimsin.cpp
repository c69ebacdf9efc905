// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Claims and acknowledgments come in through a real gateway on loopback: 837s into the
// claim register (frequency 1, 7 and 8, replays), 835s paying their lines through the
// line item control numbers the 837 sent, and 277CA/999 answers raising and closing
// claim rejection work items that a biller's sync brings into the workbench cache.
#include "services/api/apiclient.h"
#include "services/api/requests.h"
#include "services/store/cacheschema.h"
#include "services/sync/syncengine.h"
#include "services/x12/acknowledgmentwriter.h"
#include "services/x12/claimreader.h"
#include "services/x12/claimwriter.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testremittances.h"
#include "tests/testwait.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;

namespace {

const QHash<QByteArray, QByteArray> x12Type {{"content-type", "application/edi-x12"}};

models::ClaimLine line(int number, const QString &procedure, qint64 cents, const QString &control)
{
    models::ClaimLine result;
    result.lineNumber = number;
    result.procedureCode = procedure;
    result.charge = Money::fromCents(cents);
    result.units = 1;
    result.serviceDate = QDate(2026, 10, 5);
    result.lineControlNumber = control;
    return result;
}

x12::ClaimToWrite claimToWrite(const QString &number, QList<models::ClaimLine> lines, const QString &frequency = {})
{
    x12::ClaimToWrite entry;
    entry.claim.claimNumber = number;
    entry.claim.accountNumber = u"ACCT-"_s + number;
    entry.claim.payerId = u"BSH"_s;
    entry.claim.frequencyCode = frequency;
    entry.claim.lines = std::move(lines);
    entry.parties.billingProvider.name = u"SYNTHETIC CLINIC"_s;
    entry.parties.billingProvider.idQualifier = u"XX"_s;
    entry.parties.billingProvider.id = u"1999999900"_s;
    entry.parties.billingProvider.taxId = u"999999999"_s;
    entry.parties.payerName = u"BLUESTONE HEALTH PLAN"_s;
    entry.parties.subscriberId = u"SYN"_s + number;
    entry.parties.subscriberLastName = u"SYNTHETIC"_s;
    entry.parties.subscriberFirstName = u"PAT"_s;
    return entry;
}

QList<x12::ClaimTransaction> transactionsOf(const QList<x12::ClaimToWrite> &claims, qint64 control)
{
    x12::ClaimWriter::Options options;
    options.interchangeControlNumber = control;
    options.groupControlNumber = control;
    options.transactionControlNumber = control;
    return x12::claimTransactionsOf(claims, options);
}

QByteArray fileOf(const QList<x12::ClaimTransaction> &transactions, qint64 control)
{
    x12::ClaimWriter::Options options;
    options.interchangeControlNumber = control;
    options.groupControlNumber = control;
    options.transactionControlNumber = control;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    x12::ClaimWriter writer(&buffer, options);
    if (!writer.writeInterchange(transactions))
        return {};
    return buffer.data();
}

QByteArray claimFile(const QList<x12::ClaimToWrite> &claims, qint64 control)
{
    return fileOf(transactionsOf(claims, control), control);
}

/// The transactions of an 837 file as the gateway reads them (with their envelopes'
/// control numbers and batch), which is what an acknowledgment answers.
QList<x12::ClaimTransaction> readBack(const QByteArray &file)
{
    QBuffer buffer;
    buffer.setData(file);
    buffer.open(QIODevice::ReadOnly);
    return x12::readClaimFile(&buffer).transactions;
}

/// A 277CA answering one 837 transaction, one status per claim.
QByteArray claimAcknowledgment(const x12::ClaimTransaction &transaction,
                               const QHash<QString, x12::StatusCode> &statuses, qint64 control)
{
    x12::Acknowledgment ack;
    ack.type = x12::Acknowledgment::Type::ClaimStatus;
    ack.claimStatus = x12::claimAcknowledgmentFor(
        transaction,
        [&](const x12::BilledClaim &claim) {
            return statuses.value(claim.patientControlNumber, x12::StatusCode {u"A1"_s, u"20"_s, u"PR"_s});
        },
        QDate(2026, 11, 2));
    x12::AcknowledgmentWriter::Options options;
    options.firstInterchangeControlNumber = control;
    return x12::acknowledgmentText({ack}, options);
}

qint64 count(store::Database &database, const QString &sql)
{
    QSqlQuery query(database.connection());
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

QStringList exceptionKinds(const QJsonObject &report)
{
    QStringList kinds;
    for (const QJsonValue &transaction : report.value(u"transactions"_s).toArray()) {
        for (const QJsonValue &exception : transaction[u"exceptions"_s].toArray())
            kinds << exception[u"kind"_s].toString();
    }
    return kinds;
}

} // namespace

class TestClaimsIn final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    std::unique_ptr<testing::HttpClient> m_supervisor;
    QTemporaryDir m_dir;

    testing::HttpReply postClaims(const QByteArray &file, const QString &query = {})
    {
        return m_supervisor->post(u"/claims"_s + query, file, x12Type);
    }
    testing::HttpReply postAcknowledgments(const QByteArray &file)
    {
        return m_supervisor->post(u"/acknowledgments"_s, file, x12Type);
    }
    store::Database &database() { return m_gateway->database(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(20);
        QVERIFY(m_gateway->isReady());
        m_supervisor = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        QVERIFY(m_supervisor->signIn(u"supervisor"_s));
    }

    void aClaimFromAn837IsPaidLineByLineThroughItsLineControlNumbers()
    {
        // Two lines; the payer recodes the second (97110 paid as 97530) and echoes REF*6R.
        const QList<models::ClaimLine> lines {line(1, u"99213"_s, 12000, u"L1-A"_s),
                                              line(2, u"97110"_s, 8000, u"L1-B"_s)};
        const testing::HttpReply imported
            = postClaims(claimFile({claimToWrite(u"LCN100"_s, lines), claimToWrite(u"LCN200"_s, lines)}, 101));
        QCOMPARE(imported.status, 201);
        QCOMPARE(imported.json().value(u"outcomes"_s)[u"added"_s].toInt(), 2);
        QCOMPARE(count(database(), u"SELECT count(*) FROM claim_lines WHERE line_control_number = 'L1-B'"_s), 2);

        const auto paymentOf = [&](const QString &number, bool echoControlNumbers) {
            x12::ClaimPayment payment;
            payment.patientControlNumber = number;
            payment.statusCode = u"1"_s;
            payment.status = x12::ClaimStatus::Primary;
            payment.filingIndicator = u"12"_s;
            for (const models::ClaimLine &billed : lines) {
                x12::ServiceLine paid;
                paid.procedure.qualifier = u"HC"_s;
                paid.procedure.code = billed.procedureCode == u"97110"_s ? u"97530"_s : billed.procedureCode;
                paid.charge = billed.charge;
                paid.paid = Money::fromCents(billed.charge.cents() * 60 / 100);
                paid.allowed = paid.paid;
                paid.serviceDate = billed.serviceDate;
                paid.units = 1;
                paid.adjustments.append(testing::adjustment(u"CO"_s, u"45"_s, billed.charge - paid.paid));
                if (echoControlNumbers)
                    paid.lineControlNumber = billed.lineControlNumber;
                payment.lines.prepend(paid); // the payer's order is not the billed one
            }
            return payment;
        };
        testing::HttpClient poster(m_gateway->url(QString()));
        QVERIFY(poster.signIn(u"poster"_s));
        const testing::HttpReply echoed = poster.post(
            u"/remittances"_s,
            testing::fileOf({testing::remittanceFor({paymentOf(u"LCN100"_s, true)}, u"TRACE-LCN-1"_s)}), x12Type);
        QCOMPARE(echoed.status, 201);
        QVERIFY2(!exceptionKinds(echoed.json()).contains(u"unmatched-line"_s), echoed.body.constData());
        QCOMPARE(count(database(), u"SELECT count(*) FROM claim_payments WHERE claim_number = 'LCN100'"_s), 1);

        // The same payment without REF*6R: the recoded line matches nothing billed.
        const testing::HttpReply bare = poster.post(
            u"/remittances"_s,
            testing::fileOf({testing::remittanceFor({paymentOf(u"LCN200"_s, false)}, u"TRACE-LCN-2"_s)}), x12Type);
        QCOMPARE(bare.status, 201);
        QVERIFY2(exceptionKinds(bare.json()).contains(u"unmatched-line"_s), bare.body.constData());
    }

    void aClaimSentAgainIsCorrectedReplacedOrVoidedNeverDuplicated()
    {
        const QString number = u"FREQ100"_s;
        QCOMPARE(
            postClaims(
                claimFile(
                    {claimToWrite(number, {line(1, u"99213"_s, 10000, u"F-1"_s), line(2, u"36415"_s, 2000, u"F-2"_s)})},
                    201))
                .status,
            201);
        const auto claims = [&] {
            return count(database(), u"SELECT count(*) FROM claims WHERE claim_number = 'FREQ100'"_s);
        };
        const auto lines = [&] {
            return count(database(), u"SELECT count(*) FROM claim_lines WHERE claim_number = 'FREQ100'"_s);
        };
        const auto voided = [&] {
            return count(database(), u"SELECT voided FROM claims WHERE claim_number = 'FREQ100'"_s);
        };
        QCOMPARE(claims(), 1);
        QCOMPARE(lines(), 2);

        // Sent again as frequency 1 after a correction: the same claim, now one line.
        testing::HttpReply reply
            = postClaims(claimFile({claimToWrite(number, {line(1, u"99214"_s, 15000, u"F-1"_s)})}, 202));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"outcomes"_s)[u"corrected"_s].toInt(), 1);
        QCOMPARE(claims(), 1);
        QCOMPARE(lines(), 1);
        QCOMPARE(count(database(),
                       u"SELECT count(*) FROM claim_lines WHERE claim_number = 'FREQ100' "
                       "AND procedure_code = '99214' AND charge_cents = 15000"_s),
                 1);

        // The payer's claim number is known (from its acknowledgment or remittance): a
        // replacement names it in REF*F8.
        QSqlQuery known(database().connection());
        QVERIFY(known.exec(u"UPDATE claims SET payer_claim_number = 'PCN-FREQ' WHERE claim_number = 'FREQ100'"_s));
        x12::ClaimToWrite replacement
            = claimToWrite(number, {line(1, u"99214"_s, 15000, u"F-1"_s), line(2, u"81002"_s, 900, u"F-3"_s)}, u"7"_s);
        replacement.claim.payerClaimNumber = u"PCN-FREQ"_s; // written as REF*F8 on a 7 or 8
        QList<x12::ClaimTransaction> transactions = transactionsOf({replacement}, 203);
        QCOMPARE(transactions.first().claims.first().originalReference, u"PCN-FREQ"_s);
        reply = postClaims(fileOf(transactions, 203));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"outcomes"_s)[u"replaced"_s].toInt(), 1);
        QCOMPARE(reply.json().value(u"warnings"_s).toArray().size(), 0);
        QCOMPARE(claims(), 1);
        QCOMPARE(lines(), 2);
        QCOMPARE(count(database(),
                       u"SELECT count(*) FROM claims WHERE claim_number = 'FREQ100' "
                       "AND payer_claim_number = 'PCN-FREQ'"_s),
                 1);

        // Voided: kept, marked void, lines as they were.
        x12::ClaimToWrite voiding = replacement;
        voiding.claim.frequencyCode = u"8"_s;
        reply = postClaims(claimFile({voiding}, 204));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"outcomes"_s)[u"voided"_s].toInt(), 1);
        QCOMPARE(claims(), 1);
        QCOMPARE(voided(), 1);
        QCOMPARE(lines(), 2);

        // A void of a claim never received changes nothing and says so.
        x12::ClaimToWrite stranger = claimToWrite(u"NEVER-SEEN"_s, {line(1, u"99213"_s, 100, u"N-1"_s)}, u"8"_s);
        reply = postClaims(claimFile({stranger}, 205));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"outcomes"_s)[u"void-unmatched"_s].toInt(), 1);
        QCOMPARE(count(database(), u"SELECT count(*) FROM claims WHERE claim_number = 'NEVER-SEEN'"_s), 0);

        // Billed again as an original: no longer void.
        reply = postClaims(claimFile({claimToWrite(number, {line(1, u"99214"_s, 15000, u"F-1"_s)})}, 206));
        QCOMPARE(reply.status, 201);
        QCOMPARE(voided(), 0);
        QCOMPARE(claims(), 1);
        QCOMPARE(count(database(), u"SELECT count(*) FROM claim_submissions WHERE claim_number = 'FREQ100'"_s), 5);
    }

    void aReplayedFileABadFileAndTheWrongRoleChangeNothing()
    {
        const QByteArray file = claimFile({claimToWrite(u"REPLAY1"_s, {line(1, u"99213"_s, 5000, u"R-1"_s)})}, 301);
        QCOMPARE(postClaims(file).status, 201);
        const qint64 submissions = count(database(), u"SELECT count(*) FROM claim_submissions"_s);
        const testing::HttpReply replay = postClaims(file);
        QCOMPARE(replay.status, 409);
        QVERIFY(replay.json().value(u"detail"_s).toString().contains(u"received before"_s));
        QCOMPARE(count(database(), u"SELECT count(*) FROM claim_submissions"_s), submissions);

        // Cut short: nothing of it is taken, not even the claims before the cut.
        const QByteArray whole = claimFile({claimToWrite(u"CUT1"_s, {line(1, u"99213"_s, 5000, u"C-1"_s)}),
                                            claimToWrite(u"CUT2"_s, {line(1, u"99213"_s, 5000, u"C-2"_s)})},
                                           302);
        const testing::HttpReply truncated = postClaims(whole.left(whole.size() * 3 / 4));
        QCOMPARE(truncated.status, 422);
        QCOMPARE(count(database(), u"SELECT count(*) FROM claims WHERE claim_number LIKE 'CUT%'"_s), 0);
        QCOMPARE(count(database(), u"SELECT count(*) FROM claim_submissions"_s), submissions);

        // A remittance is not a claim file.
        const testing::HttpReply remittance = postClaims(testing::fileOf(
            {testing::remittanceFor({testing::paidAsContracted(models::Claim {})}, u"TRACE-NOT-837"_s)}));
        QCOMPARE(remittance.status, 422);
        QVERIFY(remittance.body.contains("file.no-837"));

        // The whole file is received then taken: preview takes nothing.
        const QByteArray previewed
            = claimFile({claimToWrite(u"PREVIEW1"_s, {line(1, u"99213"_s, 5000, u"P-1"_s)})}, 303);
        QCOMPARE(postClaims(previewed, u"?preview=true"_s).status, 200);
        QCOMPARE(count(database(), u"SELECT count(*) FROM claims WHERE claim_number = 'PREVIEW1'"_s), 0);
        QCOMPARE(postClaims(previewed).status, 201); // a preview does not make the file a replay

        for (const QString &role : {u"biller"_s, u"poster"_s}) {
            testing::HttpClient other(m_gateway->url(QString()));
            QVERIFY(other.signIn(role));
            QCOMPARE(other.post(u"/claims"_s, file, x12Type).status, 403);
            QCOMPARE(other.post(u"/acknowledgments"_s, file, x12Type).status, 403);
        }
    }

    void aRejectionReachesTheBillersQueueAndTheCorrectedClaimsAcceptanceClosesIt()
    {
        const QByteArray file = claimFile({claimToWrite(u"REJ100"_s, {line(1, u"99213"_s, 25000, u"J-1"_s)}),
                                           claimToWrite(u"REJ200"_s, {line(1, u"99213"_s, 9000, u"J-2"_s)})},
                                          401);
        QCOMPARE(postClaims(file).status, 201);
        const QList<x12::ClaimTransaction> sent = readBack(file);
        // The payer rejects the first for the billing provider's NPI and accepts the second.
        const testing::HttpReply answered = postAcknowledgments(claimAcknowledgment(
            sent.first(), {{u"REJ100"_s, {u"A3"_s, u"562"_s, u"85"_s}}, {u"REJ200"_s, {u"A2"_s, u"20"_s, u"PR"_s}}},
            401));
        QVERIFY2(answered.status == 201, answered.body.constData());
        QCOMPARE(answered.json().value(u"rejectionsRaised"_s).toInt(), 1);
        QCOMPARE(answered.json().value(u"outcomes"_s)[u"accepted"_s].toInt(), 1);

        // A biller's sync brings it into the workbench cache, in the claim rejection queue.
        const QString cachePath = m_dir.filePath(u"biller.db"_s);
        store::Database cache;
        QVERIFY(!cache.open(cachePath, store::workbenchCacheSchema()));
        api::ApiClient client(m_gateway->url(QString()));
        api::SignInRequest signIn(u"biller"_s, u"demo"_s);
        QVERIFY(!testing::execute(client, signIn));
        client.setToken(signIn.token);
        sync::SyncEngine engine(cache, client);
        QCOMPARE(testing::run(engine).outcome, sync::SyncEngine::Result::Outcome::Completed);
        QSqlQuery item(cache.connection());
        QVERIFY(item.exec(u"SELECT id, status, billed_cents FROM work_items WHERE queue = 'claim_rejection' "
                          "AND claim_number = 'REJ100'"_s));
        QVERIFY(item.next());
        const QString itemId = item.value(0).toString();
        QCOMPARE(item.value(1).toString(), u"new"_s);
        QCOMPARE(item.value(2).toLongLong(), 25000);
        item.finish();
        QCOMPARE(count(cache, u"SELECT count(*) FROM work_items WHERE claim_number = 'REJ200'"_s), 0);
        const testing::HttpReply history = m_supervisor->get(u"/work-items/%1/history"_s.arg(itemId));
        QCOMPARE(history.status, 200);
        const QString explanation = QString::fromUtf8(history.body);
        QVERIFY2(explanation.contains(u"A3"_s) && explanation.contains(u"562"_s) && explanation.contains(u"85"_s)
                     && explanation.contains(u"billing provider"_s),
                 history.body.constData());

        // The corrected claim goes again, the payer accepts it: the item is resolved.
        const QByteArray correctedFile
            = claimFile({claimToWrite(u"REJ100"_s, {line(1, u"99213"_s, 25000, u"J-1"_s)})}, 402);
        QCOMPARE(postClaims(correctedFile).status, 201);
        const QList<x12::ClaimTransaction> corrected = readBack(correctedFile);
        const testing::HttpReply accepted = postAcknowledgments(
            claimAcknowledgment(corrected.first(), {{u"REJ100"_s, {u"A2"_s, u"20"_s, u"PR"_s}}}, 402));
        QCOMPARE(accepted.status, 201);
        QCOMPARE(testing::run(engine).outcome, sync::SyncEngine::Result::Outcome::Completed);
        QCOMPARE(count(cache, u"SELECT count(*) FROM work_items WHERE id = '%1' AND status = 'resolved'"_s.arg(itemId)),
                 1);
        const QString closedHistory
            = QString::fromUtf8(m_supervisor->get(u"/work-items/%1/history"_s.arg(itemId)).body);
        QVERIFY2(closedHistory.contains(u"rejection is closed"_s), qPrintable(closedHistory));

        // A coder does not work rejections: nothing of it syncs to them.
        store::Database coderCache;
        QVERIFY(!coderCache.open(m_dir.filePath(u"coder.db"_s), store::workbenchCacheSchema()));
        api::ApiClient coderClient(m_gateway->url(QString()));
        api::SignInRequest coderSignIn(u"coder"_s, u"demo"_s);
        QVERIFY(!testing::execute(coderClient, coderSignIn));
        coderClient.setToken(coderSignIn.token);
        sync::SyncEngine coderEngine(coderCache, coderClient);
        QCOMPARE(testing::run(coderEngine).outcome, sync::SyncEngine::Result::Outcome::Completed);
        QCOMPARE(count(coderCache, u"SELECT count(*) FROM work_items WHERE queue = 'claim_rejection'"_s), 0);
    }

    void aRejectedTransactionRejectsEveryClaimInItAndAnAmbiguousAnswerIsRefused()
    {
        // Two claims in one transaction; the 999 rejects the transaction.
        const QByteArray file = claimFile({claimToWrite(u"TX100"_s, {line(1, u"99213"_s, 1000, u"T-1"_s)}),
                                           claimToWrite(u"TX200"_s, {line(1, u"99213"_s, 2000, u"T-2"_s)})},
                                          501);
        QCOMPARE(postClaims(file).status, 201);
        const QList<x12::ClaimTransaction> sent = readBack(file);
        x12::Acknowledgment functional;
        functional.type = x12::Acknowledgment::Type::Functional;
        functional.functional = x12::functionalAcknowledgmentFor(sent, {sent.first().controlNumber});
        const testing::HttpReply rejected = postAcknowledgments(x12::acknowledgmentText({functional}));
        QVERIFY2(rejected.status == 201, rejected.body.constData());
        QCOMPARE(rejected.json().value(u"rejectionsRaised"_s).toInt(), 2);
        QCOMPARE(count(database(),
                       u"SELECT count(*) FROM work_items WHERE queue = 'claim_rejection' "
                       "AND claim_number IN ('TX100', 'TX200') AND status = 'new'"_s),
                 2);

        // Another file with the same sender, GS06 and ST02: a 999 for them cannot be told apart.
        QCOMPARE(postClaims(claimFile({claimToWrite(u"TX300"_s, {line(1, u"99213"_s, 3000, u"T-3"_s)})}, 501)).status,
                 201);
        const qint64 items = count(database(), u"SELECT count(*) FROM work_items"_s);
        x12::AcknowledgmentWriter::Options second;
        second.firstInterchangeControlNumber = 9;
        const testing::HttpReply ambiguous = postAcknowledgments(x12::acknowledgmentText({functional}, second));
        QCOMPARE(ambiguous.status, 422);
        QVERIFY2(ambiguous.body.contains("acknowledgment.ambiguous"), ambiguous.body.constData());
        QCOMPARE(count(database(), u"SELECT count(*) FROM work_items"_s), items);

        // An answer about a claim never received changes nothing.
        const QList<x12::ClaimTransaction> unknown
            = readBack(claimFile({claimToWrite(u"GHOST1"_s, {line(1, u"99213"_s, 1000, u"G-1"_s)})}, 599));
        const testing::HttpReply ghost = postAcknowledgments(
            claimAcknowledgment(unknown.first(), {{u"GHOST1"_s, {u"A3"_s, u"21"_s, u"IL"_s}}}, 599));
        QCOMPARE(ghost.status, 422);
        QVERIFY2(ghost.body.contains("acknowledgment.nothing-matched"), ghost.body.constData());
        QCOMPARE(count(database(), u"SELECT count(*) FROM work_items"_s), items);
    }

    void aVoidedClaimsRejectionIsClosed()
    {
        const QByteArray file = claimFile({claimToWrite(u"VOID100"_s, {line(1, u"99213"_s, 4000, u"V-1"_s)})}, 601);
        QCOMPARE(postClaims(file).status, 201);
        const QList<x12::ClaimTransaction> sent = readBack(file);
        const testing::HttpReply rejected = postAcknowledgments(
            claimAcknowledgment(sent.first(), {{u"VOID100"_s, {u"A3"_s, u"21"_s, u"85"_s}}}, 601));
        QCOMPARE(rejected.status, 201);
        const auto open = [&] {
            return count(database(),
                         u"SELECT count(*) FROM work_items WHERE queue = 'claim_rejection' "
                         "AND claim_number = 'VOID100' AND status <> 'resolved'"_s);
        };
        QCOMPARE(open(), 1);
        x12::ClaimToWrite voiding = claimToWrite(u"VOID100"_s, {line(1, u"99213"_s, 4000, u"V-1"_s)}, u"8"_s);
        const testing::HttpReply voided = postClaims(claimFile({voiding}, 602));
        QCOMPARE(voided.status, 201);
        QCOMPARE(voided.json().value(u"rejectionsClosed"_s).toInt(), 1);
        QCOMPARE(open(), 0);
    }

    void thePublicFixturesAreTestInterchangesAndThe277StatusResponsesAreTheWrongGuide()
    {
        const QDir folder(QStringLiteral(RCM_X12_FIXTURES));
        QVERIFY2(folder.exists(), "The public fixtures must be beside the project (../shared/fixtures/x12)");
        const QStringList claims = folder.entryList({u"837_*"_s, u"demo-file__demo.837"_s}, QDir::Files, QDir::Name);
        QCOMPARE(claims.size(), 5);
        server::GatewayServer::Options accepting;
        accepting.api.acceptTestInterchanges = true;
        testing::GatewayFixture testGateway(5, accepting);
        QVERIFY(testGateway.isReady());
        testing::HttpClient test(testGateway.url(QString()));
        QVERIFY(test.signIn(u"supervisor"_s));
        for (const QString &name : claims) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            const testing::HttpReply refused = postClaims(bytes);
            QCOMPARE(refused.status, 422);
            QVERIFY2(refused.body.contains("envelope.test-interchange"), qPrintable(name));
            const testing::HttpReply taken = test.post(u"/claims"_s, bytes, x12Type);
            QVERIFY2(taken.status == 201, qPrintable(name + u": "_s + QString::fromUtf8(taken.body.left(400))));
            QVERIFY2(taken.json().value(u"claimCount"_s).toInt() >= 1, qPrintable(name));
        }
        // demo.example1 and demo-file__demo.837 bill the same claim: corrected, not duplicated.
        QCOMPARE(count(testGateway.database(), u"SELECT count(*) FROM claims WHERE claim_number = '26463774'"_s), 1);
        QCOMPARE(count(testGateway.database(), u"SELECT count(*) FROM claims WHERE claim_number = '756048Q'"_s), 1);
        QCOMPARE(count(testGateway.database(), u"SELECT count(*) FROM claims WHERE form = 'institutional'"_s), 2);

        for (const QString &name : folder.entryList({u"277_005010X212__*"_s}, QDir::Files, QDir::Name)) {
            QFile file(folder.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const testing::HttpReply wrong = test.post(u"/acknowledgments"_s, file.readAll(), x12Type);
            QCOMPARE(wrong.status, 422);
            QVERIFY2(wrong.body.contains("transaction.wrong-guide"), qPrintable(name));
        }
        QCOMPARE(count(testGateway.database(), u"SELECT count(*) FROM claim_rejections"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestClaimsIn)
#include "test_claimsin.moc"
