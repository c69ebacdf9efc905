// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Generate 835s from the synthetic claims, write them, read them back: every amount
// reconciles, every transaction balances, and the same seed gives the same bytes.
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/balancing.h"
#include "services/x12/reasoncodecheck.h"
#include "services/x12/remittancereader.h"
#include "services/x12/remittancewriter.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::x12;
using rcm::synthetic::SyntheticRemittances;

namespace {

/// Positions and envelopes are the reader's knowledge, not the generator's.
Remittance withoutPositions(Remittance remittance)
{
    remittance.envelope = {};
    remittance.implementationReference.clear(); // ST03: the writer's, like the envelope
    remittance.firstSegment = remittance.lastSegment = 0;
    for (ClaimPayment &claim : remittance.claims) {
        claim.segmentNumber = 0;
        for (ServiceLine &line : claim.lines)
            line.segmentNumber = 0;
    }
    for (ProviderAdjustment &adjustment : remittance.providerAdjustments)
        adjustment.segmentNumber = 0;
    return remittance;
}

QByteArray written(const QList<Remittance> &transactions, RemittanceWriter::Options options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        RemittanceWriter writer(&buffer, options);
        if (!writer.writeInterchange(transactions))
            qFatal("write failed");
    }
    return buffer.data();
}

QList<Remittance> readBack(const QByteArray &bytes, QList<Defect> *fileDefects)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    RemittanceReader reader(&buffer, 8192);
    QList<Remittance> result;
    Remittance remittance;
    while (reader.readNext(remittance))
        result.append(remittance);
    *fileDefects = reader.fileDefects();
    return result;
}

} // namespace

class TestX12RoundTrip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedRemittancesBalanceAndReadBackExactly_data()
    {
        QTest::addColumn<char>("terminator");
        QTest::addColumn<int>("lineBreak");
        QTest::newRow("~") << '~' << int(RemittanceWriter::LineBreak::None);
        QTest::newRow("~ CRLF") << '~' << int(RemittanceWriter::LineBreak::CarriageReturnNewline);
        QTest::newRow("' LF") << '\'' << int(RemittanceWriter::LineBreak::Newline);
    }
    void generatedRemittancesBalanceAndReadBackExactly()
    {
        QFETCH(char, terminator);
        QFETCH(int, lineBreak);
        const SyntheticRemittances generator({11, QDate(2026, 3, 31), 40});
        QList<Remittance> generated;
        for (qint64 index = 0; index < 60; ++index)
            generated.append(generator.transaction(index));
        RemittanceWriter::Options options;
        options.delimiters.segment = terminator;
        options.lineBreak = RemittanceWriter::LineBreak(lineBreak);
        QList<Defect> fileDefects;
        const QList<Remittance> read = readBack(written(generated, options), &fileDefects);
        QCOMPARE(fileDefects, QList<Defect>());
        QCOMPARE(read.size(), generated.size());
        int denials = 0;
        int reversals = 0;
        int restated = 0;
        int recoupments = 0;
        int claimAdjustments = 0;
        int crossovers = 0;
        int interest = 0;
        int revenueCodes = 0;
        for (qsizetype index = 0; index < read.size(); ++index) {
            const Remittance &remittance = read.at(index);
            QCOMPARE(remittance.defects, QList<Defect>());
            QCOMPARE(checkBalance(remittance), QList<Defect>());
            // Every code the generator writes is in the catalogue. The generator still writes
            // CARC 15 for some authorization denials, which X12 retired on 2018-05-01 (284 and 296
            // replace it), so that one, and only that one, comes back as expired.
            for (const Defect &defect : checkReasonCodes(remittance, rcm::reference::ReasonCodeCatalogue::builtIn())) {
                QCOMPARE(defect.code, rcm::x12::defectcode::ReasonCodeExpired);
                QVERIFY2(defect.message.startsWith(u"CARC 15 was retired on 2018-05-01"_s), qPrintable(defect.message));
            }
            QCOMPARE(withoutPositions(remittance), generated.at(index));
            QCOMPARE(remittance.envelope.version, u"005010X221A1"_s);
            for (const ClaimPayment &claim : remittance.claims) {
                denials += claim.status == ClaimStatus::Denied;
                reversals += claim.isReversal();
                claimAdjustments += !claim.adjustments.isEmpty();
                crossovers += !claim.crossoverPayerId.isEmpty();
                interest += claim.interest.has_value();
                for (const ServiceLine &line : claim.lines) {
                    restated += line.originalProcedure.has_value();
                    revenueCodes += !line.revenueCode.isEmpty();
                }
            }
            for (const ProviderAdjustment &adjustment : remittance.providerAdjustments)
                recoupments += adjustment.reasonCode == u"WO"_s;
        }
        // The generated file exercises what posting must get right.
        QVERIFY(denials > 100);
        QVERIFY(reversals > 10);
        QVERIFY(restated > 10);
        QVERIFY(recoupments > 5);
        QVERIFY(claimAdjustments > 50);
        // NM1*TT, AMT*I and SVC04 are written and read back, not only generated.
        QVERIFY(crossovers > 50);
        QVERIFY(interest > 20);
        QVERIFY(revenueCodes > 1000);
    }

    void theSameSeedGivesTheSameFile()
    {
        auto bytes = [](quint64 seed) {
            const SyntheticRemittances generator({seed, QDate(2026, 3, 31), 25});
            return written({generator.transaction(0), generator.transaction(7), generator.transaction(1000)});
        };
        QCOMPARE(QCryptographicHash::hash(bytes(5), QCryptographicHash::Sha256),
                 QCryptographicHash::hash(bytes(5), QCryptographicHash::Sha256));
        QVERIFY(bytes(5) != bytes(6));
    }

    void aTamperedAmountIsCaught()
    {
        const SyntheticRemittances generator({3, QDate(2026, 3, 31), 5});
        Remittance remittance = generator.transaction(0); // Medicare's: the payer with the most claims
        remittance.claims[1].lines[0].paid += rcm::models::Money::fromCents(1);
        QList<Defect> fileDefects;
        const QList<Remittance> read = readBack(written({remittance}), &fileDefects);
        const QList<Defect> balance = checkBalance(read.first());
        QStringList codes;
        for (const Defect &defect : balance)
            codes.append(defect.code);
        QCOMPARE(codes, (QStringList {u"balance.line"_s, u"balance.claim-paid"_s}));
    }
};

QTEST_GUILESS_MAIN(TestX12RoundTrip)
#include "test_x12roundtrip.moc"
