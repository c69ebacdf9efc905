// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The 837 reader on every 837 among the public fixtures (../shared/fixtures/x12), with
// values read by hand from each file; the wrong guide (277s) and broken input; and the
// 837 writer read back: synthetic claims and claims with every field the writer writes.
#include "services/synthetic/syntheticclaimfile.h"
#include "services/synthetic/syntheticclaims.h"
#include "services/x12/claimreader.h"
#include "services/x12/claimwriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::x12;
using rcm::models::Money;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(RCM_X12_FIXTURES) + u'/' + name;
}

ClaimFile readFixture(const QString &name)
{
    QFile file(fixture(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(name));
    return readClaimFile(&file);
}

ClaimFile readBytes(const QByteArray &bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return readClaimFile(&buffer);
}

QStringList codes(const QList<Defect> &defects, Severity severity)
{
    QStringList result;
    for (const Defect &defect : defects) {
        if (defect.severity == severity && !result.contains(defect.code))
            result << defect.code;
    }
    return result;
}

QStringList errorCodes(const ClaimFile &file)
{
    QList<Defect> all = file.defects;
    for (const ClaimTransaction &transaction : file.transactions)
        all += transaction.defects;
    return codes(all, Severity::Error);
}

QString lineText(const BilledLine &line)
{
    QString procedure = line.procedure.code;
    for (const QString &modifier : line.procedure.modifiers)
        procedure += u':' + modifier;
    return u"%1 %2 %3 %4 %5 %6"_s.arg(QString::number(line.lineNumber),
                                      line.revenueCode.isEmpty() ? u"-"_s : line.revenueCode, procedure,
                                      line.charge.toString(), line.units ? QString::number(*line.units) : u"-"_s,
                                      line.serviceFrom.toString(Qt::ISODate));
}

QStringList linesOf(const BilledClaim &claim)
{
    QStringList result;
    for (const BilledLine &line : claim.lines)
        result << lineText(line);
    return result;
}

/// A small valid 837P as text, to break in one place for each bad-input case.
QByteArray validProfessional()
{
    return "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*RECEIVER       *260102*1200*^*00501*000000001*0*P*:~"
           "GS*HC*SUBMITTER*RECEIVER*20260102*1200*1*X*005010X222A1~"
           "ST*837*0001*005010X222A1~"
           "BHT*0019*00*BATCH1*20260102*1200*CH~"
           "NM1*41*2*BILLING SERVICE*****46*S1~"
           "NM1*40*2*CLEARINGHOUSE*****46*R1~"
           "HL*1**20*1~"
           "NM1*85*2*CLINIC*****XX*1234567893~"
           "REF*EI*123456789~"
           "HL*2*1*22*0~"
           "SBR*P*18*******CI~"
           "NM1*IL*1*DOE*JOHN****MI*M123~"
           "NM1*PR*2*PAYER*****PI*P1~"
           "CLM*C1*150.00***11:B:1*Y*A*Y*Y~"
           "LX*1~"
           "SV1*HC:99213*100.00*UN*1***1~"
           "DTP*472*D8*20251201~"
           "LX*2~"
           "SV1*HC:36415*50.00*UN*1***1~"
           "DTP*472*D8*20251201~"
           "SE*19*0001~"
           "GE*1*1~"
           "IEA*1*000000001~";
}

/// Every field the writer writes, on a professional or an institutional claim.
BilledClaim fullClaim(ClaimForm form)
{
    const bool institutional = form == ClaimForm::Institutional;
    BilledClaim claim;
    claim.patientControlNumber = u"PCN-77"_s;
    claim.facilityCode = institutional ? u"13"_s : u"11"_s;
    claim.facilityQualifier = institutional ? u"A"_s : u"B"_s;
    claim.frequencyCode = u"7"_s;
    claim.originalReference = u"PAYERCLAIM123"_s;
    claim.priorAuthorization = u"AUTH55"_s;
    claim.medicalRecordNumber = u"MRN0042"_s;
    if (institutional) {
        claim.statementFrom = QDate(2025, 11, 3);
        claim.statementTo = QDate(2025, 11, 6);
        claim.drg = u"470"_s;
        claim.attendingProvider = {u"71"_s, u"HOUSE, GREGORY"_s, u"XX"_s, u"1003000126"_s, {}, u"207R00000X"_s};
    } else {
        claim.renderingProvider = {u"82"_s, u"WELBY, MARCUS"_s, u"XX"_s, u"1003000134"_s, {}, u"207Q00000X"_s};
    }
    claim.facility = {u"77"_s, u"ZZ SURGERY CENTER"_s, u"XX"_s, u"1003000142"_s, {}, {}};
    claim.billingProvider = {u"85"_s, u"ZZ CLINIC"_s, u"XX"_s, u"1003000118"_s, u"991234567"_s, u"261QM1300X"_s};
    claim.payer = {u"PR"_s, u"ZZ HEALTH PLAN"_s, u"PI"_s, u"ZZHP1"_s, {}, {}};
    claim.payerResponsibility = u"P"_s;
    claim.filingIndicator = u"CI"_s;
    claim.subscriberId = u"ZZ000111"_s;
    claim.subscriberLastName = u"ZZTESTER"_s;
    claim.subscriberFirstName = u"PAT"_s;
    claim.patientLastName = u"ZZTESTER"_s;
    claim.patientFirstName = u"KIM"_s;
    claim.relationship = u"19"_s;
    claim.otherPayers = {{u"S"_s, u"ZZ SECOND PLAN"_s, u"ZZSP2"_s, Money::fromCents(1234)},
                         {u"T"_s, u"ZZ MEDICAID"_s, u"ZZMCD"_s, std::nullopt}};
    BilledLine first;
    first.lineNumber = 1;
    first.procedure = {u"HC"_s, u"99214"_s, {u"25"_s, u"59"_s, u"GT"_s, u"95"_s}, {}};
    first.revenueCode = institutional ? u"0510"_s : QString();
    first.charge = Money::fromCents(20050);
    first.units = 1;
    first.unitBasis = u"UN"_s;
    first.serviceFrom = QDate(2025, 11, 3);
    first.lineControlNumber = u"PCN-77-1"_s;
    first.renderingProviderNpi = u"1003000159"_s;
    BilledLine second;
    second.lineNumber = 2;
    second.procedure = {u"HC"_s, u"97110"_s, {u"GP"_s}, {}};
    second.revenueCode = institutional ? u"0420"_s : QString();
    second.charge = Money::fromCents(9975);
    second.units = 2.5;
    second.unitBasis = u"MJ"_s;
    second.serviceFrom = QDate(2025, 11, 4);
    second.serviceTo = QDate(2025, 11, 6);
    second.lineControlNumber = u"PCN-77-2"_s;
    claim.lines = {first, second};
    claim.charge = Money::fromCents(30025);
    return claim;
}

/// What the reader knows and the writer was not given: positions in the file.
BilledClaim withoutPositions(BilledClaim claim)
{
    claim.segmentNumber = 0;
    for (BilledLine &line : claim.lines)
        line.segmentNumber = 0;
    return claim;
}

} // namespace

class TestX12Claims final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theFixturesAreThere();
    void theProfessionalExampleIsReadAsBilled_data();
    void theProfessionalExampleIsReadAsBilled();
    void theCoordinationOfBenefitsExampleKeepsItsPayerApartFromTheOtherCoverage();
    void anInstitutionalClaimHasRevenueCodesUnitsAndStatementPeriod();
    void twoClaimsUnderOneProviderEachTakeTheirOwnSubscriber();
    void aClaimWithoutLinesAndAMalformedClm05AreDefectsNotGuesses();
    void a277IsTheWrongGuide_data();
    void a277IsTheWrongGuide();
    void aValidHandMadeClaimHasNoDefects();
    void badInputIsReported_data();
    void badInputIsReported();
    void anUnknownVersionTakesItsFormFromTheServiceLines();
    void theChargeMismatchNamesBothAmounts();
    void everyFieldTheWriterWritesComesBack_data();
    void everyFieldTheWriterWritesComesBack();
    void syntheticClaimsComeBackAsTheyWereBilled();
    void aTransactionReadAfterALargerOneHoldsOnlyItsOwn();
};

void TestX12Claims::theFixturesAreThere()
{
    QVERIFY2(QDir(QStringLiteral(RCM_X12_FIXTURES)).exists(), RCM_X12_FIXTURES);
    const QStringList files = QDir(QStringLiteral(RCM_X12_FIXTURES)).entryList({u"837_*"_s});
    QCOMPARE(files.size(), 4);
}

void TestX12Claims::theProfessionalExampleIsReadAsBilled_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("005010X222A2 example 1") << u"837_005010X222A2__demo.example1.837"_s;
    // The same claim with amounts written without decimals ("100", "40", "1.0").
    QTest::newRow("demo file") << u"demo-file__demo.837"_s;
}

void TestX12Claims::theProfessionalExampleIsReadAsBilled()
{
    QFETCH(QString, name);
    const ClaimFile file = readFixture(name);
    QCOMPARE(codes(file.defects, Severity::Error), QStringList());
    QCOMPARE(file.transactions.size(), 1);
    const ClaimTransaction &transaction = file.transactions.constFirst();
    QCOMPARE(errorCodes(file), QStringList());
    QCOMPARE(transaction.form, ClaimForm::Professional);
    QCOMPARE(transaction.controlNumber, u"0021"_s);
    QCOMPARE(transaction.implementationReference, u"005010X222A2"_s);
    QCOMPARE(transaction.purpose, u"00"_s);
    QCOMPARE(transaction.batchReference, u"244579"_s);
    QCOMPARE(transaction.created, QDate(2006, 10, 15));
    QCOMPARE(transaction.transactionType, u"CH"_s);
    QCOMPARE(transaction.submitter.name, u"PREMIER BILLING SERVICE"_s);
    QCOMPARE(transaction.submitter.id, u"TGJ23"_s);
    QCOMPARE(transaction.receiver.name, u"KEY INSURANCE COMPANY"_s);
    QCOMPARE(transaction.envelope.functionalId, u"HC"_s);
    QCOMPARE(transaction.claims.size(), 1);
    const BilledClaim &claim = transaction.claims.constFirst();
    QCOMPARE(claim.patientControlNumber, u"26463774"_s);
    QCOMPARE(claim.charge, Money::fromCents(10000));
    QCOMPARE(claim.facilityCode, u"11"_s);
    QCOMPARE(claim.facilityQualifier, u"B"_s);
    QCOMPARE(claim.frequencyCode, u"1"_s);
    QCOMPARE(claim.billingProvider.name, u"BEN KILDARE SERVICE"_s);
    QCOMPARE(claim.billingProvider.npi(), u"1912301953"_s);
    QCOMPARE(claim.billingProvider.taxId, u"587654321"_s);
    QCOMPARE(claim.billingProvider.taxonomy, u"203BF0100Y"_s);
    QCOMPARE(claim.payer.name, u"KEY INSURANCE COMPANY"_s);
    QCOMPARE(claim.payer.idQualifier, u"PI"_s);
    QCOMPARE(claim.payer.id, u"999996666"_s);
    QCOMPARE(claim.payerResponsibility, u"P"_s);
    QCOMPARE(claim.filingIndicator, u"CI"_s);
    QCOMPARE(claim.subscriberId, u"JS00111223333"_s);
    QCOMPARE(claim.subscriberLastName, u"SMITH"_s);
    QCOMPARE(claim.subscriberFirstName, u"JANE"_s);
    // The patient is the subscriber's child (PAT01 19), named in 2010CA.
    QCOMPARE(claim.patientLastName, u"SMITH"_s);
    QCOMPARE(claim.patientFirstName, u"TED"_s);
    QCOMPARE(claim.relationship, u"19"_s);
    QVERIFY(claim.otherPayers.isEmpty());
    QCOMPARE(linesOf(claim),
             QStringList({u"1 - 99213 40.00 1 2006-10-03"_s, u"2 - 87070 15.00 1 2006-10-03"_s,
                          u"3 - 99214 35.00 1 2006-10-10"_s, u"4 - 86663 10.00 1 2006-10-10"_s}));
    for (const BilledLine &line : claim.lines) {
        QCOMPARE(line.unitBasis, u"UN"_s);
        QVERIFY(line.lineControlNumber.isEmpty()); // the example sends no REF*6R
        QVERIFY(!line.serviceTo.isValid());
    }
    QCOMPARE(claim.firstServiceDate(), QDate(2006, 10, 3));
    QCOMPARE(claim.lastServiceDate(), QDate(2006, 10, 10));
}

void TestX12Claims::theCoordinationOfBenefitsExampleKeepsItsPayerApartFromTheOtherCoverage()
{
    const ClaimFile file = readFixture(u"837_005010X222A2__demo.cob.example3.A.837"_s);
    QCOMPARE(errorCodes(file), QStringList());
    QCOMPARE(file.transactions.size(), 1);
    const BilledClaim &claim = file.transactions.constFirst().claims.constFirst();
    QCOMPARE(claim.patientControlNumber, u"26407789"_s);
    QCOMPARE(claim.charge, Money::fromCents(7904));
    // 2010AA names a person: kept as "LAST, FIRST".
    QCOMPARE(claim.billingProvider.name, u"KILDARE, BEN"_s);
    QCOMPARE(claim.billingProvider.taxId, u"123456789"_s);
    QCOMPARE(claim.renderingProvider.name, u"KILDARE, BEN"_s);
    QCOMPARE(claim.renderingProvider.npi(), u"1999996666"_s);
    QCOMPARE(claim.renderingProvider.taxonomy, u"204C00000X"_s);
    QCOMPARE(claim.facility.name, u"KILDARE ASSOCIATES"_s);
    QCOMPARE(claim.facility.npi(), u"1581234567"_s);
    // The claim's payer is 2010BB's; 2330A's NM1*IL (SMITH JACK) is the other subscriber.
    QCOMPARE(claim.payer.name, u"KEY INSURANCE COMPANY"_s);
    QCOMPARE(claim.payer.id, u"999996666"_s);
    QCOMPARE(claim.subscriberId, u"111223333"_s);
    QCOMPARE(claim.subscriberFirstName, u"JANE"_s);
    QCOMPARE(claim.otherPayers.size(), 1);
    QCOMPARE(claim.otherPayers.constFirst().responsibility, u"S"_s);
    QVERIFY(claim.otherPayers.constFirst().payerName.isEmpty()); // this example sends no 2330B
    QVERIFY(!claim.otherPayers.constFirst().paid);
    QCOMPARE(linesOf(claim),
             QStringList({u"1 - 99213 43.00 1 2005-10-03"_s, u"2 - 90782 15.00 1 2005-10-03"_s,
                          u"3 - J3301 21.04 1 2005-10-03"_s}));
}

void TestX12Claims::anInstitutionalClaimHasRevenueCodesUnitsAndStatementPeriod()
{
    const ClaimFile file = readFixture(u"837_005010X223A3__institutional-claim.837i"_s);
    QCOMPARE(errorCodes(file), QStringList());
    QCOMPARE(file.transactions.size(), 1);
    const ClaimTransaction &transaction = file.transactions.constFirst();
    QCOMPARE(transaction.form, ClaimForm::Institutional);
    QCOMPARE(transaction.controlNumber, u"987654"_s);
    const BilledClaim &claim = transaction.claims.constFirst();
    QCOMPARE(claim.patientControlNumber, u"756048Q"_s);
    QCOMPARE(claim.charge, Money::fromCents(8993));
    QCOMPARE(claim.facilityCode, u"14"_s);
    QCOMPARE(claim.facilityQualifier, u"A"_s);
    QCOMPARE(claim.statementFrom, QDate(1996, 9, 11));
    QCOMPARE(claim.statementTo, QDate(1996, 9, 11));
    QCOMPARE(claim.billingProvider.name, u"JONES HOSPITAL"_s);
    QCOMPARE(claim.billingProvider.npi(), u"9876540809"_s);
    QCOMPARE(claim.billingProvider.taxonomy, u"203BA0200N"_s);
    QCOMPARE(claim.attendingProvider.name, u"JONES, JOHN"_s);
    QCOMPARE(claim.payer.name, u"MEDICARE B"_s);
    QCOMPARE(claim.payer.id, u"00435"_s);
    QCOMPARE(claim.filingIndicator, u"MB"_s);
    QCOMPARE(claim.relationship, u"18"_s); // SBR02: the subscriber is the patient
    QCOMPARE(claim.patientFirstName, u"JON"_s);
    QVERIFY(claim.drg.isEmpty());
    // 2320/2330B: the secondary; 2330A's NM1*IL (DOE JANE) is its subscriber, not the patient.
    QCOMPARE(claim.otherPayers.size(), 1);
    QCOMPARE(claim.otherPayers.constFirst(), (OtherPayer {u"S"_s, u"STATE TEACHERS"_s, u"1135"_s, std::nullopt}));
    QCOMPARE(claim.subscriberFirstName, u"JON"_s);
    QCOMPARE(linesOf(claim), QStringList({u"1 0305 85025 13.39 1 1996-09-11"_s, u"2 0730 93005 76.54 3 1996-09-11"_s}));
}

void TestX12Claims::twoClaimsUnderOneProviderEachTakeTheirOwnSubscriber()
{
    const ClaimFile file = readFixture(u"837_005010X223A3__two-claims-single-provider.837i"_s);
    QCOMPARE(errorCodes(file), QStringList());
    const ClaimTransaction &transaction = file.transactions.constFirst();
    QCOMPARE(transaction.claims.size(), 2);
    const BilledClaim &first = transaction.claims.at(0);
    const BilledClaim &second = transaction.claims.at(1);
    QCOMPARE(first.patientControlNumber, u"756048Q"_s);
    QCOMPARE(first.charge, Money::fromCents(8995));
    QCOMPARE(first.facilityCode, u"13"_s);
    QCOMPARE(first.statementFrom, QDate(2005, 3, 15)); // RD8 20050315-20050315
    QCOMPARE(first.statementTo, QDate(2005, 3, 15));
    QCOMPARE(first.subscriberId, u"030005074"_s);
    QCOMPARE(first.attendingProvider.npi(), u"1122334455"_s);
    QCOMPARE(linesOf(first), QStringList({u"1 0305 85025 13.39 1 2005-03-15"_s, u"2 0730 93005 76.56 3 2005-03-15"_s}));
    QCOMPARE(second.patientControlNumber, u"756049Q"_s);
    QCOMPARE(second.charge, Money::fromCents(5000));
    QCOMPARE(second.statementFrom, QDate(2005, 4, 1));
    QCOMPARE(second.subscriberId, u"123405074"_s);
    QCOMPARE(second.subscriberLastName, u"SMITH"_s);
    QCOMPARE(second.attendingProvider.name, u"JONES, JUDY"_s);
    QCOMPARE(second.attendingProvider.taxonomy, u"363LP0200N"_s);
    QCOMPARE(linesOf(second), QStringList({u"1 0300 85087 50.00 1 2005-04-01"_s}));
    // Both under the one billing provider, and the same payer.
    QCOMPARE(first.billingProvider, second.billingProvider);
    QCOMPARE(second.billingProvider.npi(), u"1234567890"_s);
    QCOMPARE(second.payer.name, u"TRICARE"_s);
    QCOMPARE(second.lastServiceDate(), QDate(2005, 4, 1));
}

void TestX12Claims::aClaimWithoutLinesAndAMalformedClm05AreDefectsNotGuesses()
{
    // genform.ai's sample: CLM05 is "Y" (its place of service sits in CLM03), the first
    // CLM has no lines, and SE01 says 32 segments where there are 35.
    const ClaimFile file = readFixture(u"genformai__sample-837.edi"_s);
    QCOMPARE(file.transactions.size(), 1);
    const ClaimTransaction &transaction = file.transactions.constFirst();
    QCOMPARE(transaction.form, ClaimForm::Professional);
    QCOMPARE(transaction.claims.size(), 2);
    const QStringList errors = codes(transaction.defects, Severity::Error);
    QVERIFY2(errors.contains(u"se.count-mismatch"_s), qPrintable(errors.join(u' ')));
    QVERIFY(errors.contains(u"element.missing"_s));
    QVERIFY(errors.contains(u"segment.missing"_s));
    QCOMPARE(transaction.claims.at(0).lines.size(), 0);
    QCOMPARE(transaction.claims.at(1).patientControlNumber, u"CLAIM123"_s);
    QCOMPARE(transaction.claims.at(1).charge, Money::fromCents(15000));
    QVERIFY(transaction.claims.at(1).facilityCode == u"Y"_s && transaction.claims.at(1).frequencyCode.isEmpty());
    QCOMPARE(transaction.claims.at(1).relationship, u"01"_s);
    QCOMPARE(linesOf(transaction.claims.at(1)),
             QStringList({u"1 - 99213 100.00 1 2024-03-15"_s, u"2 - 90834 50.00 1 2024-03-15"_s}));
    // No charge-to-lines complaint: 100 + 50 is the 150 billed.
    QVERIFY(!errors.contains(u"balance.claim-charge"_s));
}

void TestX12Claims::a277IsTheWrongGuide_data()
{
    QTest::addColumn<QString>("name");
    const QStringList files = QDir(QStringLiteral(RCM_X12_FIXTURES)).entryList({u"277_005010X212*"_s});
    QCOMPARE(files.size(), 4);
    for (const QString &name : files)
        QTest::newRow(qPrintable(name)) << name;
}

void TestX12Claims::a277IsTheWrongGuide()
{
    QFETCH(QString, name);
    const ClaimFile file = readFixture(name);
    QVERIFY(file.transactions.isEmpty());
    QVERIFY(codes(file.defects, Severity::Warning).contains(u"transaction.not-837"_s));
    QCOMPARE(codes(file.defects, Severity::Error), QStringList({u"file.no-837"_s}));
}

void TestX12Claims::aValidHandMadeClaimHasNoDefects()
{
    const ClaimFile file = readBytes(validProfessional());
    QCOMPARE(file.defects, QList<Defect>());
    QCOMPARE(file.transactions.size(), 1);
    QCOMPARE(file.transactions.constFirst().defects, QList<Defect>());
    QCOMPARE(file.transactions.constFirst().claims.constFirst().charge, Money::fromCents(15000));
}

void TestX12Claims::badInputIsReported_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    const QByteArray valid = validProfessional();
    auto replaced = [&](const char *from, const char *to) {
        QByteArray bytes = valid;
        if (!bytes.contains(from))
            qFatal("the valid file has no %s", from);
        return bytes.replace(from, to);
    };
    QTest::newRow("truncated") << valid.left(valid.indexOf("LX*2~")) << u"file.truncated"_s;
    QTest::newRow("SE count wrong") << replaced("SE*19*0001", "SE*18*0001") << u"se.count-mismatch"_s;
    QTest::newRow("CLM02 not the lines' sum")
        << replaced("CLM*C1*150.00", "CLM*C1*160.00") << u"balance.claim-charge"_s;
    QTest::newRow("bad amount") << replaced("SV1*HC:99213*100.00", "SV1*HC:99213*1O0.00") << u"amount.invalid"_s;
    QTest::newRow("amount with three decimals") << replaced("CLM*C1*150.00", "CLM*C1*150.001") << u"amount.invalid"_s;
    QTest::newRow("bad date") << replaced("D8*20251201~LX", "D8*20251301~LX") << u"date.invalid"_s;
    QTest::newRow("bad range") << replaced("D8*20251201~LX", "RD8*20251205-20251201~LX") << u"date.invalid"_s;
    QTest::newRow("bad units") << replaced("UN*1***1~DTP*472*D8*20251201~LX", "UN*one***1~DTP*472*D8*20251201~LX")
                               << u"number.invalid"_s;
    QTest::newRow("not a claims group") << replaced("GS*HC", "GS*HP") << u"envelope.functional-id"_s;
    QTest::newRow("ST03 disagrees with GS08")
        << replaced("ST*837*0001*005010X222A1", "ST*837*0001*005010X223A2") << u"envelope.implementation-reference"_s;
    QTest::newRow("no procedure code") << replaced("SV1*HC:99213", "SV1*HC") << u"element.missing"_s;
    QTest::newRow("no member id") << replaced("MI*M123", "MI*") << u"element.missing"_s;
    QTest::newRow("no lines") << replaced("LX*1~SV1*HC:99213*100.00*UN*1***1~DTP*472*D8*20251201~LX*2~SV1*HC:36415*50."
                                          "00*UN*1***1~DTP*472*D8*20251201~SE*19",
                                          "SE*13")
                              << u"segment.missing"_s;
    QTest::newRow("no claim") << replaced("CLM*C1*150.00***11:B:1*Y*A*Y*Y~LX*1~SV1*HC:99213*100.00*UN*1***1~DTP*472*D8*"
                                          "20251201~LX*2~SV1*HC:36415*50.00*UN*1***1~DTP*472*D8*20251201~SE*19",
                                          "SE*12")
                              << u"segment.missing"_s;
    QTest::newRow("a line outside a claim")
        << replaced("CLM*C1*150.00***11:B:1*Y*A*Y*Y~LX*1~", "LX*1~") << u"segment.unexpected"_s;
}

void TestX12Claims::badInputIsReported()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    const ClaimFile file = readBytes(bytes);
    QList<Defect> all = file.defects;
    for (const ClaimTransaction &transaction : file.transactions)
        all += transaction.defects;
    QStringList found = codes(all, Severity::Error) + codes(all, Severity::Warning);
    QVERIFY2(found.contains(code), qPrintable(found.join(u", "_s)));
    for (const Defect &defect : all) {
        if (defect.code == code) {
            QVERIFY(!defect.message.isEmpty());
            QVERIFY(defect.code == u"file.truncated"_s || defect.segmentNumber > 0);
        }
    }
}

void TestX12Claims::anUnknownVersionTakesItsFormFromTheServiceLines()
{
    QByteArray bytes = validProfessional();
    bytes.replace("005010X222A1", "004010X098A1");
    const ClaimFile file = readBytes(bytes);
    QCOMPARE(file.transactions.size(), 1);
    const ClaimTransaction &transaction = file.transactions.constFirst();
    QCOMPARE(codes(transaction.defects, Severity::Warning), QStringList({u"version.unknown"_s}));
    QCOMPARE(codes(transaction.defects, Severity::Error), QStringList());
    QCOMPARE(transaction.form, ClaimForm::Professional); // from SV1
    QCOMPARE(transaction.claims.constFirst().lines.size(), 2);

    bytes.replace("SV1*HC:99213*100.00*UN*1***1", "SV2*0510*HC:99213*100.00*UN*1");
    bytes.replace("SV1*HC:36415*50.00*UN*1***1", "SV2*0300*HC:36415*50.00*UN*1");
    const ClaimFile institutional = readBytes(bytes);
    QCOMPARE(institutional.transactions.constFirst().form, ClaimForm::Institutional); // from SV2
    QCOMPARE(institutional.transactions.constFirst().claims.constFirst().lines.constFirst().revenueCode, u"0510"_s);
}

void TestX12Claims::theChargeMismatchNamesBothAmounts()
{
    QByteArray bytes = validProfessional();
    bytes.replace("CLM*C1*150.00", "CLM*C1*160.00");
    const ClaimFile file = readBytes(bytes);
    const QList<Defect> &defects = file.transactions.constFirst().defects;
    QCOMPARE(defects.size(), 1);
    QCOMPARE(defects.constFirst().code, u"balance.claim-charge"_s);
    QCOMPARE(defects.constFirst().segmentNumber, 14); // the CLM
    QVERIFY2(defects.constFirst().message.contains(u"160.00"_s) && defects.constFirst().message.contains(u"150.00"_s),
             qPrintable(defects.constFirst().message));
}

void TestX12Claims::everyFieldTheWriterWritesComesBack_data()
{
    QTest::addColumn<int>("form");
    QTest::addColumn<int>("lineBreak");
    QTest::newRow("professional") << int(ClaimForm::Professional) << int(ClaimWriter::LineBreak::None);
    QTest::newRow("institutional, CRLF") << int(ClaimForm::Institutional)
                                         << int(ClaimWriter::LineBreak::CarriageReturnNewline);
}

void TestX12Claims::everyFieldTheWriterWritesComesBack()
{
    QFETCH(int, form);
    QFETCH(int, lineBreak);
    ClaimTransaction transaction;
    transaction.form = ClaimForm(form);
    transaction.controlNumber = u"4321"_s;
    transaction.purpose = u"00"_s;
    transaction.batchReference = u"BATCH-9"_s;
    transaction.created = QDate(2025, 12, 1);
    transaction.transactionType = u"CH"_s;
    transaction.submitter = {u"41"_s, u"ZZ BILLING"_s, u"46"_s, u"SUB1"_s, {}, {}};
    transaction.receiver = {u"40"_s, u"ZZ CLEARINGHOUSE"_s, u"46"_s, u"REC1"_s, {}, {}};
    BilledClaim self = fullClaim(ClaimForm(form));
    self.patientControlNumber = u"PCN-78"_s;
    self.relationship = u"18"_s;
    self.patientFirstName = self.subscriberFirstName;
    transaction.claims = {fullClaim(ClaimForm(form)), self};

    ClaimWriter::Options options;
    options.lineBreak = ClaimWriter::LineBreak(lineBreak);
    options.usageIndicator = u"T"_s;
    options.senderId = u"SENDER"_s;
    options.receiverId = u"RECEIVER"_s;
    options.interchangeControlNumber = 77;
    options.groupControlNumber = 12;
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        ClaimWriter writer(&buffer, options);
        QVERIFY(writer.writeInterchange({transaction}));
    }
    QVERIFY(bytes.contains(lineBreak ? "IEA*1*000000077~\r\n" : "IEA*1*000000077~"));
    QVERIFY(bytes.contains("GE*1*12~"));
    const ClaimFile file = readBytes(bytes);
    QCOMPARE(file.defects, QList<Defect>());
    QCOMPARE(file.transactions.size(), 1);
    const ClaimTransaction &read = file.transactions.constFirst();
    QCOMPARE(read.defects, QList<Defect>());
    QCOMPARE(read.envelope.usageIndicator, u"T"_s);
    QCOMPARE(read.envelope.senderId, u"SENDER"_s);
    QCOMPARE(read.envelope.interchangeControlNumber, u"000000077"_s);
    QCOMPARE(read.envelope.groupControlNumber, u"12"_s);
    QCOMPARE(read.implementationReference,
             form == int(ClaimForm::Institutional) ? u"005010X223A2"_s : u"005010X222A1"_s);
    QCOMPARE(read.form, transaction.form);
    QCOMPARE(read.controlNumber, transaction.controlNumber);
    QCOMPARE(read.purpose, transaction.purpose);
    QCOMPARE(read.batchReference, transaction.batchReference);
    QCOMPARE(read.created, transaction.created);
    QCOMPARE(read.transactionType, transaction.transactionType);
    QCOMPARE(read.submitter, transaction.submitter);
    QCOMPARE(read.receiver, transaction.receiver);
    QCOMPARE(read.claims.size(), 2);
    for (qsizetype index = 0; index < 2; ++index) {
        const BilledClaim back = withoutPositions(read.claims.at(index));
        const BilledClaim &sent = transaction.claims.at(index);
        QCOMPARE(back.lines, sent.lines);
        QCOMPARE(back.otherPayers, sent.otherPayers);
        QCOMPARE(back.renderingProvider, sent.renderingProvider);
        QCOMPARE(back.attendingProvider, sent.attendingProvider);
        QCOMPARE(back.billingProvider, sent.billingProvider);
        QCOMPARE(back, sent);
    }
}

void TestX12Claims::syntheticClaimsComeBackAsTheyWereBilled()
{
    const rcm::synthetic::SyntheticGenerator generator({3, QDate(2026, 11, 27)});
    rcm::synthetic::SyntheticClaimFileOptions options;
    options.first = 100;
    options.count = 400;
    options.claimsPerInterchange = 150;
    options.claimsPerTransaction = 60;
    const QByteArray bytes = rcm::synthetic::syntheticClaimFile(generator, options);
    const ClaimFile file = readBytes(bytes);
    QCOMPARE(file.defects, QList<Defect>());
    // Each form's claims are written in their items' order, into transactions of their own.
    QHash<QString, qint64> itemOfClaim;
    for (qint64 index = options.first; index < options.first + options.count; ++index)
        itemOfClaim.insert(generator.item(index).claimNumber, index);
    QCOMPARE(itemOfClaim.size(), options.count);
    qint64 claims = 0;
    qint64 previous[2] = {-1, -1};
    int institutional = 0;
    int withSecondary = 0;
    QSet<QString> interchanges;
    for (const ClaimTransaction &transaction : file.transactions) {
        QCOMPARE(transaction.defects, QList<Defect>());
        QVERIFY(transaction.claims.size() <= options.claimsPerTransaction);
        interchanges.insert(transaction.envelope.interchangeControlNumber);
        for (const BilledClaim &claim : transaction.claims) {
            ++claims;
            QVERIFY(itemOfClaim.contains(claim.patientControlNumber));
            const qint64 index = itemOfClaim.value(claim.patientControlNumber);
            qint64 &last = previous[transaction.form == ClaimForm::Institutional ? 1 : 0];
            QVERIFY(index > last);
            last = index;
            const rcm::models::WorkItem item = generator.item(index);
            const rcm::models::Claim billed = rcm::synthetic::billedClaimFor(item);
            QCOMPARE(withoutPositions(claim), billedClaimOf(billed, rcm::synthetic::partiesFor(generator, item)));
            // What the claim register holds comes back: the claim number, payers, lines.
            QCOMPARE(claim.patientControlNumber, item.claimNumber);
            QCOMPARE(claim.payer.id, item.payerId);
            QCOMPARE(claim.charge, item.billed);
            QCOMPARE(claim.lines.size(), billed.lines.size());
            for (qsizetype line = 0; line < claim.lines.size(); ++line) {
                QCOMPARE(claim.lines.at(line).lineControlNumber, billed.lines.at(line).lineControlNumber);
                QCOMPARE(claim.lines.at(line).serviceFrom, billed.lines.at(line).serviceDate);
            }
            QCOMPARE(transaction.form == ClaimForm::Institutional,
                     billed.form == rcm::models::ClaimForm::Institutional);
            institutional += transaction.form == ClaimForm::Institutional;
            withSecondary += !claim.otherPayers.isEmpty();
            if (!billed.secondaryPayerId.isEmpty())
                QCOMPARE(claim.otherPayers.constFirst().payerId, billed.secondaryPayerId);
        }
    }
    QCOMPARE(claims, options.count);
    QCOMPARE(interchanges.size(), 3); // 150 + 150 + 100 claims
    QVERIFY(institutional > 0 && institutional < options.count);
    QVERIFY(withSecondary > 0);
    // Control numbers go on from one interchange to the next.
    QVERIFY(bytes.contains("IEA*1*000000003~") || bytes.contains("IEA*2*000000003~"));
}

void TestX12Claims::aTransactionReadAfterALargerOneHoldsOnlyItsOwn()
{
    // The builder reuses the claims and lines of the transaction read before.
    ClaimTransaction big;
    big.form = ClaimForm::Professional;
    for (int index = 0; index < 3; ++index) {
        BilledClaim claim = fullClaim(ClaimForm::Professional);
        claim.patientControlNumber = u"BIG-%1"_s.arg(index);
        big.claims.append(claim);
    }
    big.submitter = {u"41"_s, u"ZZ BILLING"_s, u"46"_s, u"SUB1"_s, {}, {}};
    big.receiver = {u"40"_s, u"ZZ CLEARINGHOUSE"_s, u"46"_s, u"REC1"_s, {}, {}};
    ClaimTransaction small = big;
    small.claims.clear();
    BilledClaim claim = fullClaim(ClaimForm::Professional);
    claim.lines.removeLast();
    claim.lines.first().renderingProviderNpi.clear();
    claim.lines.first().lineControlNumber.clear();
    claim.priorAuthorization.clear();
    claim.otherPayers.clear();
    claim.renderingProvider = {};
    claim.charge = claim.lines.first().charge;
    small.claims = {claim};
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        ClaimWriter writer(&buffer, {});
        QVERIFY(writer.writeInterchange({big, small}));
    }
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    ClaimReader reader(&buffer);
    ClaimTransaction transaction;
    QVERIFY(reader.readNext(transaction));
    QCOMPARE(transaction.claims.size(), 3);
    QVERIFY(reader.readNext(transaction));
    QCOMPARE(transaction.defects, QList<Defect>());
    QCOMPARE(transaction.claims.size(), 1);
    QCOMPARE(withoutPositions(transaction.claims.constFirst()), claim);
    QVERIFY(!reader.readNext(transaction));
    QCOMPARE(reader.fileDefects(), QList<Defect>());
    QCOMPARE(reader.bytesRead(), bytes.size());
}

QTEST_GUILESS_MAIN(TestX12Claims)
#include "test_x12claims.moc"
