// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/posting/contracts.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using rcm::models::Claim;
using rcm::models::ClaimForm;
using rcm::models::ClaimLine;
using rcm::models::Money;
using namespace rcm::posting;

namespace {

/// The header row; "header + rows" is a whole file.
struct Header
{
    QByteArray text = "payer_id,kind,code,modifier,amount,percent,effective_from,effective_to\n";
    QByteArray operator+(const QByteArray &rows) const { return text + rows; }
} const header;

Money dollars(const char *text)
{
    return *Money::fromString(QString::fromLatin1(text));
}

ClaimLine line(const QString &procedure, const char *charge, QDate date, QStringList modifiers = {}, int units = 1)
{
    ClaimLine result;
    result.procedureCode = procedure;
    result.charge = dollars(charge);
    result.serviceDate = date;
    result.modifiers = modifiers;
    result.units = units;
    return result;
}

QList<ContractTerm> termsOf(const QByteArray &rows)
{
    const ContractFile file = readContracts(header + rows);
    if (!file.isValid())
        qWarning() << file.problems.constFirst().lineNumber << file.problems.constFirst().message;
    return file.terms;
}

} // namespace

class TestContracts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aGoodFileLoadsEveryKindWithQuotingAndCrlf()
    {
        const ContractFile file
            = readContracts("\xEF\xBB\xBFpayer_id,kind,code,modifier,amount,percent,effective_from,effective_to\r\n"
                            "BSH,fee,99213,,80.00,,2026-01-01,2026-12-31\r\n"
                            "\"BSH\",fee,99214,25,\"120.5\",,2026-01-01,\r\n"
                            "BSH,drg,470,,15000,,2026-01-01,\r\n"
                            "BSH,per_diem,11,,2100.00,,2026-01-01,\r\n"
                            "BSH,percent_of_charges,,,,62.5,2026-01-01,\r\n");
        QVERIFY2(file.isValid(), qPrintable(file.problems.value(0).message));
        QCOMPARE(file.terms.size(), 5);
        QCOMPARE(file.terms.at(1).amount, dollars("120.50"));
        QCOMPARE(file.terms.at(1).modifier, u"25"_s);
        QVERIFY(!file.terms.at(1).effectiveTo.isValid());
        QCOMPARE(file.terms.at(2).kind, ContractTermKind::Drg);
        QCOMPARE(file.terms.at(4).percentBasisPoints, 6250);
        QCOMPARE(file.terms.at(4).lineNumber, 6);
    }

    void aQuotedFieldMayHoldACommaAndQuotes()
    {
        const ContractFile file = readContracts(header + "\"Blue, \"\"Shield\"\"\",fee,99213,,80,,2026-01-01,\n");
        QVERIFY(file.isValid());
        QCOMPARE(file.terms.constFirst().payerId, u"Blue, \"Shield\""_s);
        // And it survives being written and read back.
        const ContractFile again = readContracts(writeContracts(file.terms));
        QVERIFY(again.isValid());
        QVERIFY(again.terms.constFirst().sameTerm(file.terms.constFirst()));
    }

    void everyBadRowIsReportedWithItsLineAndNothingLoads_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("says");
        QTest::newRow("bad amount") << header + "BSH,fee,99213,,80.999,,2026-01-01,\n" << 2 << u"amount \"80.999\""_s;
        QTest::newRow("negative amount") << header + "BSH,fee,99213,,-5,,2026-01-01,\n" << 2 << u"above zero"_s;
        QTest::newRow("unknown kind") << header + "BSH,capitation,,,5,,2026-01-01,\n"
                                      << 2 << u"kind \"capitation\" is unknown"_s;
        QTest::newRow("missing column") << "payer_id,kind,code,amount,percent,effective_from,effective_to\n"
                                           "BSH,fee,99213,80,,2026-01-01,\n"_ba
                                        << 1 << u"no modifier column"_s;
        QTest::newRow("empty file") << QByteArray() << 1 << u"empty"_s;
        QTest::newRow("header only") << header.text << 1 << u"no contract rows"_s;
        QTest::newRow("bad date") << header + "BSH,fee,99213,,80,,2026-13-01,\n" << 2 << u"effective_from"_s;
        QTest::newRow("ends before it starts") << header + "BSH,fee,99213,,80,,2026-05-01,2026-04-30\n"
                                               << 2 << u"ends (effective_to) before it starts"_s;
        QTest::newRow("percent above 100") << header + "BSH,percent_of_charges,,,,120,2026-01-01,\n"
                                           << 2 << u"percent \"120\""_s;
        QTest::newRow("too few fields") << header + "BSH,fee,99213\n" << 2 << u"3 fields where the header has 8"_s;
        QTest::newRow("unclosed quote") << header + "\"BSH,fee,99213,,80,,2026-01-01,\n" << 2 << u"never closed"_s;
        QTest::newRow("overlapping dates for one key")
            << header + "BSH,fee,99213,,80,,2026-01-01,2026-06-30\nBSH,fee,99213,,85,,2026-06-01,\n"
            << 3 << u"overlap those of line 2"_s;
    }
    void everyBadRowIsReportedWithItsLineAndNothingLoads()
    {
        QFETCH(QByteArray, csv);
        QFETCH(int, line);
        QFETCH(QString, says);
        // A good row beside the bad one is not loaded either.
        const ContractFile file = readContracts(csv);
        QVERIFY(!file.isValid());
        QVERIFY(file.terms.isEmpty());
        QCOMPARE(file.problems.constFirst().lineNumber, line);
        QVERIFY2(file.problems.constFirst().message.contains(says), qPrintable(file.problems.constFirst().message));
    }

    void everyBadRowOfAFileIsListed()
    {
        const ContractFile file = readContracts(header
                                                + "BSH,fee,99213,,80,,2026-01-01,\n"
                                                  "BSH,fee,99214,,eighty,,2026-01-01,\n"
                                                  "BSH,fee,99215,,90,,2026-01-01,\n"
                                                  "NWH,bonus,,,5,,2026-01-01,\n");
        QCOMPARE(file.problems.size(), 2);
        QCOMPARE(file.problems.at(0).lineNumber, 3);
        QCOMPARE(file.problems.at(1).lineNumber, 5);
        QVERIFY(file.terms.isEmpty());
    }

    void adjacentPeriodsAndOtherModifiersDoNotOverlap()
    {
        const ContractFile file = readContracts(header
                                                + "BSH,fee,99213,,80,,2026-01-01,2026-06-30\n"
                                                  "BSH,fee,99213,,85,,2026-07-01,\n"
                                                  "BSH,fee,99213,25,90,,2026-01-01,\n"
                                                  "NWH,fee,99213,,70,,2026-01-01,\n");
        QVERIFY2(file.isValid(), qPrintable(file.problems.value(0).message));
        QCOMPARE(file.terms.size(), 4);
    }

    void aProfessionalLineIsPricedByFeeThenFeeWithoutModifierThenPercent()
    {
        const QList<ContractTerm> terms = termsOf("BSH,fee,99214,25,120.00,,2026-01-01,\n"
                                                  "BSH,fee,97110,,31.25,,2026-01-01,\n"
                                                  "BSH,percent_of_charges,,,,60,2026-01-01,\n"
                                                  "NWH,fee,36415,,3.00,,2026-01-01,\n");
        Claim claim;
        claim.payerId = u"BSH"_s;
        const QDate day(2026, 3, 2);
        claim.lines = {line(u"99214"_s, "200.00", day, {u"25"_s}), line(u"97110"_s, "90.00", day, {u"GP"_s}, 3),
                       line(u"36415"_s, "10.01", day)};
        const ExpectedAllowed expected = expectedAllowed(claim, terms);
        QCOMPARE(expected.lines.at(0), dollars("120.00")); // fee with its modifier
        QCOMPARE(expected.lines.at(1), dollars("93.75")); // fee without modifier, times 3 units
        QCOMPARE(expected.lines.at(2), dollars("6.00")); // 60% of $10.01 is $6.006: truncated to the cent
        QCOMPARE(expected.total, dollars("219.75"));
        QCOMPARE(expected.basis, ContractBasis::FeeSchedule);
    }

    void termsApplyOnlyOnTheirEffectiveDates()
    {
        const QList<ContractTerm> terms = termsOf("BSH,fee,99213,,80.00,,2026-01-01,2026-06-30\n"
                                                  "BSH,fee,99213,,84.00,,2026-07-01,\n");
        Claim claim;
        claim.payerId = u"BSH"_s;
        claim.lines = {line(u"99213"_s, "150", QDate(2026, 6, 30)), line(u"99213"_s, "150", QDate(2026, 7, 1)),
                       line(u"99213"_s, "150", QDate(2025, 12, 31))};
        const ExpectedAllowed expected = expectedAllowed(claim, terms);
        QCOMPARE(expected.lines.at(0), dollars("80.00"));
        QCOMPARE(expected.lines.at(1), dollars("84.00"));
        QCOMPARE(expected.lines.at(2), Money()); // before the contract: unknown
    }

    void anotherPayersTermsDoNotPriceTheClaim()
    {
        const QList<ContractTerm> terms = termsOf("NWH,percent_of_charges,,,,50,2026-01-01,\n");
        Claim claim;
        claim.payerId = u"BSH"_s;
        claim.lines = {line(u"99213"_s, "150", QDate(2026, 2, 1))};
        QCOMPARE(expectedAllowed(claim, terms).lines.at(0), Money());
        QCOMPARE(expectedAllowed(claim, terms).basis, ContractBasis::None);
    }

    void anInstitutionalClaimIsPricedByDrgThenPerDiemThenPercent()
    {
        const QList<ContractTerm> terms = termsOf("MCR,drg,470,,15000.00,,2026-01-01,\n"
                                                  "MCR,per_diem,11,,2100.00,,2026-01-01,\n"
                                                  "MCR,per_diem,,,1500.00,,2026-01-01,\n"
                                                  "MCR,percent_of_charges,institutional,,,40,2026-01-01,\n"
                                                  "MCR,percent_of_charges,,,,90,2026-01-01,\n");
        Claim claim;
        claim.payerId = u"MCR"_s;
        claim.form = ClaimForm::Institutional;
        claim.facilityCode = u"11"_s;
        claim.statementFrom = QDate(2026, 4, 1);
        claim.statementTo = QDate(2026, 4, 4); // three days of care
        claim.lines = {line(u"99221"_s, "1000.00", {}), line(u"80053"_s, "2000.00", {})};
        claim.drg = u"0470"_s;
        ExpectedAllowed expected = expectedAllowed(claim, terms);
        QCOMPARE(expected.basis, ContractBasis::DrgCaseRate);
        QCOMPARE(expected.total, dollars("15000.00"));
        QCOMPARE(expected.lines.at(0), dollars("5000.00")); // spread by charge: one third
        QCOMPARE(expected.lines.at(1), dollars("10000.00"));

        claim.drg = u"871"_s; // a DRG the contract does not price: the per diem for type of bill 11
        expected = expectedAllowed(claim, terms);
        QCOMPARE(expected.basis, ContractBasis::PerDiem);
        QCOMPARE(expected.total, dollars("6300.00"));

        claim.facilityCode = u"13"_s; // another type of bill: the per diem for any
        QCOMPARE(expectedAllowed(claim, terms).total, dollars("4500.00"));

        claim.statementTo = QDate(); // no statement period: percent of charges, the institutional one
        expected = expectedAllowed(claim, terms);
        QCOMPARE(expected.basis, ContractBasis::PercentOfCharges);
        QCOMPARE(expected.total, dollars("1200.00"));
    }

    void aCaseRateSpreadOverLinesAddsUpToTheCent()
    {
        const QList<ContractTerm> terms = termsOf("MCR,drg,470,,100.00,,2026-01-01,\n");
        Claim claim;
        claim.payerId = u"MCR"_s;
        claim.form = ClaimForm::Institutional;
        claim.drg = u"470"_s;
        claim.statementFrom = QDate(2026, 4, 1);
        claim.lines = {line(u"A"_s, "1.00", {}), line(u"B"_s, "1.00", {}), line(u"C"_s, "1.00", {})};
        const ExpectedAllowed expected = expectedAllowed(claim, terms);
        QCOMPARE(expected.lines.at(0), dollars("33.33"));
        QCOMPARE(expected.lines.at(1), dollars("33.33"));
        QCOMPARE(expected.lines.at(2), dollars("33.34"));
    }

    void applyingTheContractKeepsAnAllowedAmountTheClaimCarries()
    {
        const QList<ContractTerm> terms = termsOf("BSH,percent_of_charges,,,,50,2026-01-01,\n");
        Claim claim;
        claim.payerId = u"BSH"_s;
        claim.lines = {line(u"99213"_s, "100.00", QDate(2026, 2, 1)), line(u"36415"_s, "20.00", QDate(2026, 2, 1))};
        claim.lines[0].allowed = dollars("77.00");
        QCOMPARE(applyContract(claim, terms), 1);
        QCOMPARE(claim.lines.at(0).allowed, dollars("77.00"));
        QCOMPARE(claim.lines.at(1).allowed, dollars("10.00"));
    }
};

QTEST_GUILESS_MAIN(TestContracts)
#include "test_contracts.moc"
