// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Acknowledgments: TA1, 999 and 277CA written by AcknowledgmentWriter and read back by
// AcknowledgmentReader; hand-written 999 and 277CA files built from the implementation
// guides' structure (005010X231A1, 005010X214); the public 277 claim status responses
// (005010X212) as the wrong-guide case; and bad input.
#include "services/reference/claimstatuscodes.h"
#include "services/x12/acknowledgmentcodes.h"
#include "services/x12/acknowledgmentreader.h"
#include "services/x12/acknowledgmentwriter.h"
#include "services/x12/claimacknowledgmentoutcome.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::x12;
using rcm::models::Money;
using rcm::reference::ClaimStatusEffect;
using rcm::reference::claimStatusEffect;

namespace {

AcknowledgmentFile readText(const QByteArray &text)
{
    QByteArray copy = text;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return readAcknowledgmentFile(&buffer);
}

QStringList codesOf(const QList<Defect> &defects)
{
    QStringList codes;
    for (const Defect &defect : defects)
        codes.append(defect.code);
    return codes;
}

QString fixtures()
{
    return QStringLiteral(RCM_X12_FIXTURES);
}

/// The same acknowledgment without the ordinal numbers the reader fills in from the file.
FunctionalAcknowledgment withoutPositions(FunctionalAcknowledgment functional)
{
    for (TransactionSetResponse &response : functional.transactions)
        response.segmentNumber = 0;
    return functional;
}

ClaimAcknowledgment withoutPositions(ClaimAcknowledgment claimStatus)
{
    for (StatusEntry &entry : claimStatus.entries) {
        entry.segmentNumber = 0;
        for (ClaimStatus277 &status : entry.statuses)
            status.segmentNumber = 0;
        for (LineStatus &line : entry.lines) {
            line.segmentNumber = 0;
            for (ClaimStatus277 &status : line.statuses)
                status.segmentNumber = 0;
        }
    }
    return claimStatus;
}

TransactionSetResponse response(const QString &control, const QString &code)
{
    TransactionSetResponse result;
    result.transactionSetId = u"837"_s;
    result.controlNumber = control;
    result.implementationReference = u"005010X222A1"_s;
    result.acknowledgmentCode = code;
    return result;
}

FunctionalAcknowledgment functionalFor(const QString &groupCode, const QList<TransactionSetResponse> &responses,
                                       int accepted)
{
    FunctionalAcknowledgment functional;
    functional.controlNumber = u"0001"_s;
    functional.functionalId = u"HC"_s;
    functional.groupControlNumber = u"907"_s;
    functional.version = u"005010X222A1"_s;
    functional.transactions = responses;
    functional.groupAcknowledgmentCode = groupCode;
    functional.transactionsIncluded = int(responses.size());
    functional.transactionsReceived = int(responses.size());
    functional.transactionsAccepted = accepted;
    return functional;
}

Acknowledgment wrap(const FunctionalAcknowledgment &functional)
{
    Acknowledgment acknowledgment;
    acknowledgment.type = Acknowledgment::Type::Functional;
    acknowledgment.functional = functional;
    return acknowledgment;
}

Acknowledgment wrap(const ClaimAcknowledgment &claimStatus)
{
    Acknowledgment acknowledgment;
    acknowledgment.type = Acknowledgment::Type::ClaimStatus;
    acknowledgment.claimStatus = claimStatus;
    return acknowledgment;
}

ClaimStatus277 status(const QString &category, const QString &code, const QString &entity, const QString &action,
                      std::optional<Money> amount, const QDate &date = QDate(2026, 3, 2))
{
    ClaimStatus277 result;
    result.codes = {{category, code, entity}};
    result.effective = date;
    result.actionCode = action;
    result.amount = amount;
    return result;
}

StatusEntry entry(AcknowledgmentLevel level, const QString &id, const QString &parent, const QString &entity,
                  const QString &trace)
{
    StatusEntry result;
    result.level = level;
    result.hierarchicalId = id;
    result.parentId = parent;
    result.entityCode = entity;
    result.trace = trace;
    return result;
}

/// A 277CA answering one 837 batch: a claim rejected for the billing provider's
/// information, one accepted, one only received, and a second provider rejected as a
/// whole with a claim beneath it.
ClaimAcknowledgment claimAcknowledgment()
{
    ClaimAcknowledgment acknowledgment;
    acknowledgment.controlNumber = u"0002"_s;
    acknowledgment.reference = u"ACK20260302"_s;
    acknowledgment.created = QDate(2026, 3, 2);
    StatusEntry source = entry(AcknowledgmentLevel::InformationSource, u"1"_s, QString(), u"PR"_s, u"RCPT0001"_s);
    source.name = u"SYNTHETIC HEALTH PLAN"_s;
    source.idQualifier = u"PI"_s;
    source.id = u"SHP01"_s;
    StatusEntry receiver = entry(AcknowledgmentLevel::InformationReceiver, u"2"_s, u"1"_s, u"41"_s, u"BATCH0042"_s);
    receiver.name = u"RIVERBEND BILLING"_s;
    receiver.idQualifier = u"46"_s;
    receiver.id = u"SUB001"_s;
    receiver.statuses = {status(u"A1"_s, u"19"_s, u"PR"_s, u"WQ"_s, Money::fromCents(60000))};
    StatusEntry provider = entry(AcknowledgmentLevel::BillingProvider, u"3"_s, u"2"_s, u"85"_s, QString());
    provider.name = u"RIVERBEND CLINIC"_s;
    provider.idQualifier = u"XX"_s;
    provider.id = u"1999999901"_s;
    StatusEntry rejected = entry(AcknowledgmentLevel::Claim, u"4"_s, u"3"_s, u"QC"_s, u"PCN-REJECT"_s);
    rejected.idQualifier = u"MI"_s;
    rejected.id = u"MEMBER01"_s;
    rejected.charge = Money::fromCents(15000);
    rejected.serviceFrom = QDate(2026, 2, 20);
    rejected.statuses = {status(u"A3"_s, u"21"_s, u"85"_s, u"U"_s, Money::fromCents(15000))};
    rejected.statuses.first().codes.append({u"A3"_s, u"562"_s, u"85"_s});
    rejected.statuses.first().message = u"BILLING NPI NOT ON FILE"_s;
    LineStatus line;
    line.procedure = u"HC:99213:25"_s;
    line.charge = Money::fromCents(15000);
    line.lineControlNumber = u"LINE-1"_s;
    line.serviceFrom = QDate(2026, 2, 20);
    line.statuses = {status(u"A3"_s, u"454"_s, QString(), u"U"_s, std::nullopt, QDate())};
    rejected.lines = {line};
    StatusEntry accepted = entry(AcknowledgmentLevel::Claim, u"5"_s, u"3"_s, u"QC"_s, u"PCN-ACCEPT"_s);
    accepted.idQualifier = u"MI"_s;
    accepted.id = u"MEMBER02"_s;
    accepted.charge = Money::fromCents(25000);
    accepted.payerClaimNumber = u"PAYER-777"_s;
    accepted.billTypeOrFacility = u"131"_s;
    accepted.serviceFrom = QDate(2026, 2, 1);
    accepted.serviceTo = QDate(2026, 2, 3);
    accepted.statuses = {status(u"A2"_s, u"20"_s, u"PR"_s, u"WQ"_s, Money::fromCents(25000))};
    StatusEntry received = entry(AcknowledgmentLevel::Claim, u"6"_s, u"3"_s, u"QC"_s, u"PCN-RECEIVED"_s);
    received.charge = Money::fromCents(5000);
    received.serviceFrom = QDate(2026, 2, 5);
    received.statuses = {status(u"A1"_s, u"19"_s, u"PR"_s, u"WQ"_s, Money::fromCents(5000))};
    StatusEntry badProvider = entry(AcknowledgmentLevel::BillingProvider, u"7"_s, u"2"_s, u"85"_s, u"PROV-TRACE"_s);
    badProvider.name = u"UNENROLLED GROUP"_s;
    badProvider.idQualifier = u"XX"_s;
    badProvider.id = u"1999999902"_s;
    badProvider.statuses = {status(u"A3"_s, u"24"_s, u"85"_s, u"U"_s, Money::fromCents(20000))};
    StatusEntry beneath = entry(AcknowledgmentLevel::Claim, u"8"_s, u"7"_s, u"QC"_s, u"PCN-UNDER-PROVIDER"_s);
    beneath.charge = Money::fromCents(20000);
    beneath.serviceFrom = QDate(2026, 2, 9);
    beneath.statuses = {status(u"A3"_s, u"24"_s, u"85"_s, u"U"_s, Money::fromCents(20000))};
    acknowledgment.entries = {source, receiver, provider, rejected, accepted, received, badProvider, beneath};
    return acknowledgment;
}

/// A 277CA whose receiver level rejects the whole batch: no provider or claim beneath.
ClaimAcknowledgment receiverRejection()
{
    ClaimAcknowledgment acknowledgment;
    acknowledgment.controlNumber = u"0003"_s;
    acknowledgment.reference = u"ACK20260303"_s;
    acknowledgment.created = QDate(2026, 3, 3);
    StatusEntry source = entry(AcknowledgmentLevel::InformationSource, u"1"_s, QString(), u"AY"_s, u"RCPT0002"_s);
    source.name = u"SYNTHETIC CLEARINGHOUSE"_s;
    source.idQualifier = u"46"_s;
    source.id = u"CLH01"_s;
    StatusEntry receiver = entry(AcknowledgmentLevel::InformationReceiver, u"2"_s, u"1"_s, u"41"_s, u"BATCH0043"_s);
    receiver.name = u"RIVERBEND BILLING"_s;
    receiver.idQualifier = u"46"_s;
    receiver.id = u"SUB001"_s;
    receiver.statuses = {status(u"A3"_s, u"24"_s, u"41"_s, u"U"_s, Money::fromCents(80000), QDate())};
    acknowledgment.entries = {source, receiver};
    return acknowledgment;
}

const StatusEntry *findTrace(const ClaimAcknowledgment &acknowledgment, const QString &trace)
{
    for (const StatusEntry &current : acknowledgment.entries) {
        if (current.trace == trace)
            return &current;
    }
    return nullptr;
}

} // namespace

class TestX12Acknowledgments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTa1RoundTripsWithItsNoteCode()
    {
        Acknowledgment acknowledgment;
        acknowledgment.type = Acknowledgment::Type::Interchange;
        acknowledgment.interchange.interchangeControlNumber = u"000000905"_s;
        acknowledgment.interchange.interchangeDate = QDate(2026, 1, 2);
        acknowledgment.interchange.acknowledgmentCode = u"R"_s;
        acknowledgment.interchange.noteCode = u"025"_s;
        const QByteArray text = acknowledgmentText({acknowledgment});
        QVERIFY2(text.contains("TA1*000000905*260102*1200*R*025~"), text.constData());
        QVERIFY2(text.endsWith("IEA*0*000000001~"), text.constData()); // a TA1 alone: no group
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 1);
        const Acknowledgment &read = file.acknowledgments.first();
        QCOMPARE(read.type, Acknowledgment::Type::Interchange);
        QCOMPARE(read.defects, QList<Defect>());
        QCOMPARE(read.envelope.senderId, u"SYNTHCLEARING"_s);
        QCOMPARE(read.envelope.interchangeControlNumber, u"000000001"_s);
        QCOMPARE(read.interchange.interchangeControlNumber, u"000000905"_s);
        QCOMPARE(read.interchange.interchangeDate, QDate(2026, 1, 2));
        QVERIFY(read.interchange.rejected());
        QCOMPARE(acknowledgmentcode::interchangeNote(read.interchange.noteCode),
                 u"the interchange control number was already used (a duplicate file)"_s);
    }

    void anAccepted999RoundTrips()
    {
        const FunctionalAcknowledgment sent
            = functionalFor(u"A"_s, {response(u"0001"_s, u"A"_s), response(u"0002"_s, u"A"_s)}, 2);
        const AcknowledgmentFile file = readText(acknowledgmentText({wrap(sent)}));
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 1);
        const Acknowledgment &read = file.acknowledgments.first();
        QCOMPARE(read.type, Acknowledgment::Type::Functional);
        QCOMPARE(read.defects, QList<Defect>());
        QCOMPARE(read.envelope.functionalId, u"FA"_s);
        QCOMPARE(read.envelope.version, u"005010X231A1"_s);
        QCOMPARE(withoutPositions(read.functional), sent);
        QVERIFY(!read.functional.groupRejected());
        QVERIFY(!read.functional.transactions.at(1).rejected());
    }

    void a999RejectingOneTransactionSaysWhichSegmentAndClaim()
    {
        TransactionSetResponse rejected = response(u"0002"_s, u"R"_s);
        rejected.syntaxErrorCodes = {u"5"_s};
        SegmentError error;
        error.segmentId = u"CLM"_s;
        error.position = 12;
        error.loopId = u"2300"_s;
        error.code = u"8"_s;
        error.claimReference = u"PCN-0042"_s;
        error.elements = {{5, 3, u"1325"_s, u"7"_s}};
        rejected.errors = {error};
        const FunctionalAcknowledgment sent = functionalFor(u"P"_s, {response(u"0001"_s, u"A"_s), rejected}, 1);
        const QByteArray text = acknowledgmentText({wrap(sent)});
        QVERIFY2(text.contains("IK3*CLM*12*2300*8~CTX*CLM01:PCN-0042~IK4*5:3*1325*7~IK5*R*5~"), text.constData());
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        const Acknowledgment &read = file.acknowledgments.first();
        QCOMPARE(read.defects, QList<Defect>());
        const TransactionSetResponse &answer = read.functional.transactions.at(1);
        QVERIFY(answer.rejected());
        QVERIFY(!read.functional.transactions.at(0).rejected());
        QVERIFY(!read.functional.groupRejected()); // P: partly accepted
        QCOMPARE(answer.errors, rejected.errors);
        QCOMPARE(answer.claimReferences, QStringList {u"PCN-0042"_s});
        QCOMPARE(answer.segmentErrors,
                 QStringList {u"segment CLM at position 12 (loop 2300): the segment has element errors (8), in "
                              "claim PCN-0042; element 5-3 (data element 1325): the code value is invalid (7)"_s});
        QCOMPARE(withoutPositions(read.functional).transactions.at(1).syntaxErrorCodes, QStringList {u"5"_s});
    }

    void a999RejectingTheWholeGroupRoundTrips()
    {
        FunctionalAcknowledgment sent
            = functionalFor(u"R"_s, {response(u"0001"_s, u"R"_s), response(u"0002"_s, u"R"_s)}, 0);
        sent.transactions[0].syntaxErrorCodes = {u"4"_s};
        sent.transactions[1].syntaxErrorCodes = {u"4"_s};
        sent.groupErrorCodes = {u"5"_s};
        const AcknowledgmentFile file = readText(acknowledgmentText({wrap(sent)}));
        QCOMPARE(file.defects, QList<Defect>());
        const Acknowledgment &read = file.acknowledgments.first();
        QCOMPARE(read.defects, QList<Defect>());
        QCOMPARE(withoutPositions(read.functional), sent);
        QVERIFY(read.functional.groupRejected());
        QCOMPARE(read.functional.transactionsAccepted, 0);
        QCOMPARE(acknowledgmentcode::groupError(read.functional.groupErrorCodes.first()),
                 u"the transaction count in GE is wrong"_s);
    }

    void eachInterchangeWrittenHasItsOwnControlNumbers()
    {
        QByteArray text;
        QBuffer buffer(&text);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        AcknowledgmentWriter::Options options;
        options.firstInterchangeControlNumber = 41;
        AcknowledgmentWriter writer(&buffer, options);
        const FunctionalAcknowledgment functional = functionalFor(u"A"_s, {response(u"0001"_s, u"A"_s)}, 1);
        QVERIFY(writer.writeInterchange({}, {functional, functional}, {receiverRejection()}));
        QCOMPARE(writer.lastInterchangeControlNumber(), u"000000041"_s);
        QVERIFY(writer.writeInterchange({}, {functional}, {}));
        QCOMPARE(writer.lastInterchangeControlNumber(), u"000000042"_s);
        buffer.close();
        QVERIFY2(text.contains("GE*2*1~GS*HN*"), text.constData()); // two 999s in group 1, then group 2
        QVERIFY2(text.contains("GE*1*2~IEA*2*000000041~"), text.constData());
        QVERIFY2(text.endsWith("GE*1*3~IEA*1*000000042~"), text.constData());
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 4);
        QCOMPARE(file.acknowledgments.at(0).functional.controlNumber, u"0001"_s);
        QCOMPARE(file.acknowledgments.at(3).envelope.interchangeControlNumber, u"000000042"_s);
        QCOMPARE(file.acknowledgments.at(3).envelope.groupControlNumber, u"3"_s);
    }

    void a277caRoundTripsEveryLevelAndStatus()
    {
        const ClaimAcknowledgment sent = claimAcknowledgment();
        const ClaimAcknowledgment batchRejected = receiverRejection();
        const QByteArray text = acknowledgmentText({wrap(sent), wrap(batchRejected)});
        QVERIFY2(text.contains("ST*277*0002*005010X214~BHT*0085*08*ACK20260302*20260302*1200*TH~"), text.constData());
        QVERIFY2(text.contains("HL*4*3*PT~NM1*QC*1*ZZSYNTHETIC*****MI*MEMBER01~TRN*2*PCN-REJECT~"
                               "STC*A3:21:85*20260302*U*150.00******A3:562:85**BILLING NPI NOT ON FILE~"),
                 text.constData());
        QVERIFY2(text.contains("HL*2*1*21*0~"), text.constData()); // the rejected batch has nothing beneath
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 2);
        for (const Acknowledgment &read : file.acknowledgments) {
            QCOMPARE(read.type, Acknowledgment::Type::ClaimStatus);
            QCOMPARE(read.defects, QList<Defect>());
            QCOMPARE(read.envelope.version, u"005010X214"_s);
            QCOMPARE(read.envelope.functionalId, u"HN"_s);
        }
        QCOMPARE(withoutPositions(file.acknowledgments.at(0).claimStatus), sent);
        QCOMPARE(withoutPositions(file.acknowledgments.at(1).claimStatus), batchRejected);

        // What each status does to its claim, as the rejection queue will judge it.
        const ClaimAcknowledgment &read = file.acknowledgments.at(0).claimStatus;
        const auto effectOf = [&](const QString &trace) {
            const StatusEntry *found = findTrace(read, trace);
            return found ? claimStatusEffect(found->statuses.first().codes.first().category) : ClaimStatusEffect::Other;
        };
        QCOMPARE(effectOf(u"PCN-REJECT"_s), ClaimStatusEffect::Rejects);
        QCOMPARE(effectOf(u"PCN-ACCEPT"_s), ClaimStatusEffect::Accepts);
        QCOMPARE(effectOf(u"PCN-RECEIVED"_s), ClaimStatusEffect::AcknowledgesReceipt);
        QCOMPARE(effectOf(u"PROV-TRACE"_s), ClaimStatusEffect::Rejects);
        QCOMPARE(findTrace(read, u"PCN-UNDER-PROVIDER"_s)->parentId, u"7"_s);
        QCOMPARE(acknowledgmentcode::explainStatus(findTrace(read, u"PCN-REJECT"_s)->statuses.first().codes.first()),
                 u"Rejected (A3): missing or invalid information (21) about the billing provider (85)."_s);
        QCOMPARE(claimStatusEffect(
                     file.acknowledgments.at(1).claimStatus.entries.at(1).statuses.first().codes.first().category),
                 ClaimStatusEffect::Rejects);
    }

    void aRejectionAboveAClaimRejectsItWhateverItsOwnStatus()
    {
        const ClaimAcknowledgment acknowledgment = claimAcknowledgment();
        const QList<ClaimOutcome> outcomes = claimOutcomes(acknowledgment);
        QCOMPARE(outcomes.size(), 4);
        QCOMPARE(outcomes.at(0).patientControlNumber, u"PCN-REJECT"_s);
        QCOMPARE(outcomes.at(0).effect, ClaimStatusEffect::Rejects);
        QCOMPARE(outcomes.at(0).deciding, (StatusCode {u"A3"_s, u"21"_s, u"85"_s}));
        QCOMPARE(outcomes.at(0).decidingEntry, 3);
        QCOMPARE(outcomes.at(1).effect, ClaimStatusEffect::Accepts);
        QCOMPARE(outcomes.at(2).effect, ClaimStatusEffect::AcknowledgesReceipt);
        QCOMPARE(outcomes.at(3).patientControlNumber, u"PCN-UNDER-PROVIDER"_s);
        QCOMPARE(outcomes.at(3).effect, ClaimStatusEffect::Rejects);
        QCOMPARE(outcomes.at(3).decidingEntry, 6); // the provider level (HL 7)
        QCOMPARE(rejectingLevels(acknowledgment), QList<qsizetype> {6});

        // An accepted claim under a provider the payer rejects is rejected all the same.
        ClaimAcknowledgment underRejectedProvider = acknowledgment;
        underRejectedProvider.entries[7].statuses = {status(u"A2"_s, u"20"_s, u"PR"_s, u"WQ"_s, std::nullopt)};
        QCOMPARE(claimOutcomes(underRejectedProvider).at(3).effect, ClaimStatusEffect::Rejects);
        QCOMPARE(claimOutcomes(underRejectedProvider).at(3).deciding, (StatusCode {u"A3"_s, u"24"_s, u"85"_s}));

        // A batch refused at the receiver level: no claim outcome, one rejecting level.
        QCOMPARE(claimOutcomes(receiverRejection()), QList<ClaimOutcome>());
        QCOMPARE(rejectingLevels(receiverRejection()), QList<qsizetype> {1});
    }

    void aHandWritten999IsReadAsTheGuideDescribesIt()
    {
        // 005010X231A1: AK1, then per transaction AK2 / IK3 (CTX) / IK4 / IK5, then AK9.
        const QByteArray text = "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*RIVERBEND      "
                                "*260302*0930*^*00501*000004411*0*P*:~"
                                "GS*FA*CLEARINGHOUSE*RIVERBEND*20260302*0930*4411*X*005010X231A1~"
                                "ST*999*2001*005010X231A1~"
                                "AK1*HC*1207*005010X222A1~"
                                "AK2*837*000000031*005010X222A1~"
                                "IK5*A~"
                                "AK2*837*000000032*005010X222A1~"
                                "IK3*NM1*27*2010BA*8~"
                                "CTX*CLM01:RB-2026-0099~"
                                "IK4*9*67*I99*W999ZZ~"
                                "IK3*DTP*41*2400*I6~"
                                "CTX*SITUATIONAL TRIGGER*SV1*38**1~"
                                "IK5*R*I5~"
                                "AK9*P*2*2*1~"
                                "SE*13*2001~"
                                "GE*1*4411~"
                                "IEA*1*000004411~";
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 1);
        const Acknowledgment &read = file.acknowledgments.first();
        QCOMPARE(read.defects, QList<Defect>());
        const FunctionalAcknowledgment &functional = read.functional;
        QCOMPARE(functional.controlNumber, u"2001"_s);
        QCOMPARE(functional.groupControlNumber, u"1207"_s);
        QCOMPARE(functional.transactions.size(), 2);
        QCOMPARE(functional.transactions.at(0).controlNumber, u"000000031"_s);
        QVERIFY(!functional.transactions.at(0).rejected());
        const TransactionSetResponse &second = functional.transactions.at(1);
        QVERIFY(second.rejected());
        QCOMPARE(second.segmentNumber, 7); // ISA, GS, ST, AK1, AK2, IK5, AK2
        QCOMPARE(second.syntaxErrorCodes, QStringList {u"I5"_s});
        QCOMPARE(second.claimReferences, QStringList {u"RB-2026-0099"_s});
        QCOMPARE(second.segmentErrors.size(), 2);
        QCOMPARE(second.segmentErrors.at(0),
                 u"segment NM1 at position 27 (loop 2010BA): the segment has element errors (8), in claim "
                 "RB-2026-0099; element 9 (data element 67): unknown element error code I99"_s);
        QCOMPARE(second.segmentErrors.at(1),
                 u"segment DTP at position 41 (loop 2400): a segment the guide requires in this situation is "
                 "missing (I6), triggered by segment SV1 at position 38"_s);
        QVERIFY2(!second.segmentErrors.join(u' ').contains(u"W999ZZ"_s), "the bad value (IK404) is never kept");
        QCOMPARE(functional.groupAcknowledgmentCode, u"P"_s);
        QCOMPARE(functional.transactionsAccepted, 1);
    }

    void aHandWritten277caKeepsNoPatientName()
    {
        // 005010X214: HL 20 (2100A, 2200A) / 21 (2100B, 2200B) / 19 (2100C) / PT (2100D,
        // 2200D with its 2220D service lines).
        const QByteArray text = "ISA*00*          *00*          *ZZ*SYNTHPAYER     *ZZ*RIVERBEND      "
                                "*260305*1010*^*00501*000000077*0*P*>~"
                                "GS*HN*SYNTHPAYER*RIVERBEND*20260305*1010*77*X*005010X214~"
                                "ST*277*0001*005010X214~"
                                "BHT*0085*08*277CA-7781*20260305*1010*TH~"
                                "HL*1**20*1~"
                                "NM1*PR*2*SYNTHETIC HEALTH PLAN*****PI*SHP01~"
                                "TRN*1*RCPT-7781~"
                                "DTP*050*D8*20260304~"
                                "DTP*009*D8*20260305~"
                                "HL*2*1*21*1~"
                                "NM1*41*2*RIVERBEND BILLING*****46*SUB001~"
                                "TRN*2*BATCH-20260304~"
                                "STC*A1>19>PR*20260305*WQ*410~"
                                "QTY*90*1~"
                                "QTY*AA*1~"
                                "AMT*YU*260~"
                                "AMT*YY*150~"
                                "HL*3*2*19*1~"
                                "NM1*85*2*RIVERBEND CLINIC*****XX*1999999901~"
                                "HL*4*3*PT~"
                                "NM1*QC*1*DOE*JANE****MI*W123456~"
                                "TRN*2*RB-1001~"
                                "STC*A2>20>PR*20260305*WQ*260~"
                                "REF*1K*PAYER-1001~"
                                "DTP*472*RD8*20260301-20260302~"
                                "HL*5*3*PT~"
                                "NM1*QC*1*ROE*RICHARD****MI*W654321~"
                                "TRN*2*RB-1002~"
                                "STC*A7>21>82*20260305*U*150*******A7>562>82~"
                                "DTP*472*D8*20260302~"
                                "SVC*HC>97110>GP*150****2~"
                                "STC*A7>454**U~"
                                "REF*FJ*RB-1002-1~"
                                "DTP*472*D8*20260302~"
                                "SE*33*0001~"
                                "GE*1*77~"
                                "IEA*1*000000077~";
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 1);
        const Acknowledgment &read = file.acknowledgments.first();
        QCOMPARE(read.defects, QList<Defect>());
        const ClaimAcknowledgment &claimStatus = read.claimStatus;
        QCOMPARE(claimStatus.reference, u"277CA-7781"_s);
        QCOMPARE(claimStatus.created, QDate(2026, 3, 5));
        QCOMPARE(claimStatus.entries.size(), 5);
        const StatusEntry &receiver = claimStatus.entries.at(1);
        QCOMPARE(receiver.level, AcknowledgmentLevel::InformationReceiver);
        QCOMPARE(receiver.trace, u"BATCH-20260304"_s);
        QCOMPARE(receiver.name, u"RIVERBEND BILLING"_s);
        const StatusEntry &accepted = claimStatus.entries.at(3);
        QCOMPARE(accepted.level, AcknowledgmentLevel::Claim);
        QCOMPARE(accepted.trace, u"RB-1001"_s);
        QCOMPARE(accepted.payerClaimNumber, u"PAYER-1001"_s);
        QCOMPARE(accepted.serviceFrom, QDate(2026, 3, 1));
        QCOMPARE(accepted.serviceTo, QDate(2026, 3, 2));
        QCOMPARE(accepted.charge, std::optional<Money>(Money::fromCents(26000)));
        const StatusEntry &rejected = claimStatus.entries.at(4);
        QCOMPARE(rejected.statuses.size(), 1);
        QCOMPARE(rejected.statuses.first().codes,
                 (QList<StatusCode> {{u"A7"_s, u"21"_s, u"82"_s}, {u"A7"_s, u"562"_s, u"82"_s}}));
        QCOMPARE(rejected.statuses.first().actionCode, u"U"_s);
        QCOMPARE(claimStatusEffect(rejected.statuses.first().codes.first().category), ClaimStatusEffect::Rejects);
        QCOMPARE(rejected.lines.size(), 1);
        QCOMPARE(rejected.lines.first().procedure, u"HC:97110:GP"_s);
        QCOMPARE(rejected.lines.first().lineControlNumber, u"RB-1002-1"_s);
        QCOMPARE(rejected.lines.first().statuses.first().codes.first().status, u"454"_s);
        QCOMPARE(rejected.lines.first().statuses.first().effective, QDate());
        for (const StatusEntry &current : claimStatus.entries) {
            for (const QString &name : {u"DOE"_s, u"JANE"_s, u"ROE"_s, u"RICHARD"_s})
                QVERIFY2(current.name != name && !current.name.contains(name), qPrintable(current.name));
        }
        QCOMPARE(rejected.name, QString());
        QCOMPARE(rejected.id, u"W654321"_s); // the member id, to tie back; never the name
    }

    void anOlder997IsReadLikeA999()
    {
        // 997: the same loops with AK3, AK4 and AK5 for IK3, IK4 and IK5.
        const QByteArray text = "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*RIVERBEND      "
                                "*260302*0930*^*00501*000004412*0*P*:~"
                                "GS*FA*CLEARINGHOUSE*RIVERBEND*20260302*0930*4412*X*004010~"
                                "ST*997*3001~"
                                "AK1*HC*1208~"
                                "AK2*837*0001~"
                                "AK3*CLM*9*2300*8~"
                                "AK4*1**1~"
                                "AK5*R*5~"
                                "AK9*R*1*1*0~"
                                "SE*8*3001~"
                                "GE*1*4412~"
                                "IEA*1*000004412~";
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 1);
        const Acknowledgment &read = file.acknowledgments.first();
        QCOMPARE(read.type, Acknowledgment::Type::Functional);
        QCOMPARE(read.defects, QList<Defect>());
        QVERIFY(read.functional.groupRejected());
        QVERIFY(read.functional.transactions.first().rejected());
        QCOMPARE(read.functional.transactions.first().segmentErrors,
                 QStringList {u"segment CLM at position 9 (loop 2300): the segment has element errors (8); element 1: "
                              "a required element is missing (1)"_s});
    }

    void aTa1WithAnUnknownCodeIsAnError()
    {
        const QByteArray text = "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*RIVERBEND      "
                                "*260302*0930*^*00501*000004413*0*P*:~"
                                "TA1*000000905*26010*1200*Q*000~"
                                "IEA*0*000004413~";
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 1);
        QCOMPARE(codesOf(file.acknowledgments.first().defects), (QStringList {u"date.invalid"_s, u"code.invalid"_s}));
        QVERIFY(hasErrors(file.acknowledgments.first().defects));
    }

    void theX212ClaimStatusResponsesAreTheWrongGuide_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("codes");
        QVERIFY2(QDir(fixtures()).exists(), qPrintable(fixtures()));
        const QStringList names = QDir(fixtures()).entryList({u"277_005010X212__*"_s}, QDir::Files, QDir::Name);
        QCOMPARE(names.size(), 4);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name << QStringList {u"transaction.wrong-guide"_s};
        QTest::newRow("demo-file__demo.277") << u"demo-file__demo.277"_s << QStringList {u"transaction.wrong-guide"_s};
        // GS08 names the guide and there is no ST03; its SE01 says 16 where there are 15.
        QTest::newRow("genformai__sample-277.edi")
            << u"genformai__sample-277.edi"_s << QStringList {u"transaction.wrong-guide"_s, u"se.count-mismatch"_s};
    }

    void theX212ClaimStatusResponsesAreTheWrongGuide()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, codes);
        QFile file(fixtures() + u'/' + name);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const AcknowledgmentFile read = readAcknowledgmentFile(&file);
        QVERIFY2(!hasErrors(read.defects), qPrintable(codesOf(read.defects).join(u", "_s)));
        QCOMPARE(read.acknowledgments.size(), 1);
        const Acknowledgment &acknowledgment = read.acknowledgments.first();
        QCOMPARE(acknowledgment.type, Acknowledgment::Type::ClaimStatus);
        QVERIFY(hasErrors(acknowledgment.defects));
        QCOMPARE(codesOf(acknowledgment.defects), codes);
        QVERIFY(acknowledgment.defects.first().message.contains(u"005010X212"_s));
        QVERIFY(acknowledgment.claimStatus.entries.isEmpty()); // not read, so not used
    }

    void anAcknowledgmentFor837sAnswersEachClaimByItsControlNumber()
    {
        ClaimTransaction transaction;
        transaction.envelope.functionalId = u"HC"_s;
        transaction.envelope.groupControlNumber = u"1207"_s;
        transaction.envelope.version = u"005010X222A1"_s;
        transaction.controlNumber = u"0001"_s;
        transaction.implementationReference = u"005010X222A1"_s;
        transaction.batchReference = u"BATCH-9"_s;
        transaction.submitter = {u"41"_s, u"RIVERBEND BILLING"_s, u"46"_s, u"SUB001"_s, QString(), QString()};
        transaction.receiver = {u"40"_s, u"SYNTHETIC HEALTH PLAN"_s, u"46"_s, u"SHP01"_s, QString(), QString()};
        for (const QString &pcn : {u"RB-1"_s, u"RB-2"_s}) {
            BilledClaim claim;
            claim.patientControlNumber = pcn;
            claim.charge = Money::fromCents(10000);
            claim.billingProvider = {u"85"_s, u"RIVERBEND CLINIC"_s, u"XX"_s, u"1999999901"_s, QString(), QString()};
            BilledLine line;
            line.serviceFrom = QDate(2026, 2, 2);
            claim.lines = {line};
            transaction.claims.append(claim);
        }
        ClaimTransaction other = transaction;
        other.controlNumber = u"0002"_s;
        const FunctionalAcknowledgment functional = functionalAcknowledgmentFor({transaction, other}, {u"0002"_s});
        QCOMPARE(functional.groupControlNumber, u"1207"_s);
        QCOMPARE(functional.groupAcknowledgmentCode, u"P"_s);
        const ClaimAcknowledgment claimStatus = claimAcknowledgmentFor(
            transaction,
            [](const BilledClaim &claim) {
                return claim.patientControlNumber == u"RB-2"_s ? StatusCode {u"A3"_s, u"21"_s, u"85"_s}
                                                               : StatusCode {u"A2"_s, u"20"_s, u"PR"_s};
            },
            QDate(2026, 3, 1));
        const AcknowledgmentFile file = readText(acknowledgmentText({wrap(functional), wrap(claimStatus)}));
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 2);
        const Acknowledgment &readFunctional = file.acknowledgments.at(0);
        QCOMPARE(readFunctional.defects, QList<Defect>());
        QVERIFY(!readFunctional.functional.transactions.at(0).rejected());
        QVERIFY(readFunctional.functional.transactions.at(1).rejected());
        const Acknowledgment &readStatus = file.acknowledgments.at(1);
        QCOMPARE(readStatus.defects, QList<Defect>());
        QCOMPARE(readStatus.claimStatus.entries.at(1).trace, u"BATCH-9"_s);
        const StatusEntry *accepted = findTrace(readStatus.claimStatus, u"RB-1"_s);
        const StatusEntry *rejected = findTrace(readStatus.claimStatus, u"RB-2"_s);
        QVERIFY(accepted && rejected);
        QCOMPARE(accepted->statuses.first().actionCode, u"WQ"_s);
        QCOMPARE(rejected->statuses.first().actionCode, u"U"_s);
        QCOMPARE(rejected->statuses.first().codes.first().category, u"A3"_s);
        QCOMPARE(rejected->serviceFrom, QDate(2026, 2, 2));
    }

    void aTruncated277caIsReportedAsCutShort()
    {
        QByteArray text = acknowledgmentText({wrap(claimAcknowledgment())});
        text.truncate(text.indexOf("HL*6*"));
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.acknowledgments.size(), 1);
        QVERIFY2(codesOf(file.acknowledgments.first().defects).contains(u"file.truncated"_s),
                 qPrintable(codesOf(file.acknowledgments.first().defects).join(u", "_s)));
        QVERIFY(hasErrors(file.acknowledgments.first().defects));
    }

    void aWrongSegmentCountIsAnError()
    {
        QByteArray text = acknowledgmentText({wrap(functionalFor(u"A"_s, {response(u"0001"_s, u"A"_s)}, 1))});
        QVERIFY(text.contains("SE*6*0001~"));
        text.replace("SE*6*0001~", "SE*9*0001~");
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.acknowledgments.size(), 1);
        QCOMPARE(codesOf(file.acknowledgments.first().defects), QStringList {u"se.count-mismatch"_s});
    }

    void aStatusWithABadAmountOrDateIsAnError_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("code");
        QTest::newRow("amount") << QByteArray("STC*A2:20:PR*20260302*WQ*250.00~")
                                << QByteArray("STC*A2:20:PR*20260302*WQ*25O.00~") << u"amount.invalid"_s;
        QTest::newRow("date") << QByteArray("STC*A2:20:PR*20260302*WQ*250.00~")
                              << QByteArray("STC*A2:20:PR*20261302*WQ*250.00~") << u"date.invalid"_s;
        QTest::newRow("no status code") << QByteArray("STC*A2:20:PR*20260302*WQ*250.00~")
                                        << QByteArray("STC*A2*20260302*WQ*250.00~") << u"element.missing"_s;
        QTest::newRow("no TRN") << QByteArray("TRN*2*PCN-ACCEPT~") << QByteArray("REF*EA*PCN-ACCEPT~")
                                << u"segment.missing"_s;
        QTest::newRow("unknown level") << QByteArray("HL*5*3*PT~") << QByteArray("HL*5*3*22*0~") << u"code.invalid"_s;
    }

    void aStatusWithABadAmountOrDateIsAnError()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, code);
        QByteArray text = acknowledgmentText({wrap(claimAcknowledgment())});
        QVERIFY2(text.contains(from), text.constData());
        text.replace(from, to);
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(file.defects, QList<Defect>());
        QCOMPARE(file.acknowledgments.size(), 1);
        const QList<Defect> &defects = file.acknowledgments.first().defects;
        QVERIFY2(codesOf(defects).contains(code), qPrintable(codesOf(defects).join(u", "_s)));
        QVERIFY(hasErrors(defects));
    }

    void a999WithAnUnknownAcknowledgmentCodeIsAnError()
    {
        QByteArray text = acknowledgmentText({wrap(functionalFor(u"A"_s, {response(u"0001"_s, u"A"_s)}, 1))});
        text.replace("IK5*A~", "IK5*Q~");
        const AcknowledgmentFile file = readText(text);
        QCOMPARE(codesOf(file.acknowledgments.first().defects), QStringList {u"code.invalid"_s});
    }

    void an835IsNotAnAcknowledgment()
    {
        QVERIFY2(QDir(fixtures()).exists(), qPrintable(fixtures()));
        QFile file(fixtures() + u"/835_005010X221A1__medicare-part-a.835"_s);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const AcknowledgmentFile read = readAcknowledgmentFile(&file);
        QCOMPARE(read.acknowledgments.size(), 0);
        QCOMPARE(codesOf(read.defects),
                 (QStringList {u"transaction.not-acknowledgment"_s, u"file.no-acknowledgment"_s}));
        QCOMPARE(read.defects.first().severity, Severity::Warning);
        QCOMPARE(read.defects.last().severity, Severity::Error);
    }
};

QTEST_GUILESS_MAIN(TestX12Acknowledgments)
#include "test_x12acknowledgments.moc"
