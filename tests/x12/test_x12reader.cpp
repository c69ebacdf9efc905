// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The X12 reader on small crafted inputs: delimiters and terminators, envelopes, each
// defect class, 004010, reversals and provider-level adjustments.
#include "services/x12/balancing.h"
#include "services/x12/reasoncodecheck.h"
#include "services/x12/remittancereader.h"
#include "services/x12/x12values.h"

#include <QBuffer>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::x12;

namespace {

/// A fixed-width ISA with the given delimiters and terminator.
QByteArray isa(char element = '*', char component = ':', char terminator = '~', const QByteArray &version = "00501",
               const QByteArray &control = "000000905")
{
    QByteArray header = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260102*1200*^*" + version
        + "*" + control + "*0*T*" + component + terminator;
    header.replace('*', element);
    Q_ASSERT(header.size() == 106);
    return header;
}

/// A balanced 835 body (ST..SE) using '*', ':' and '~'; 14 segments.
QByteArray body(const QByteArray &control = "0001")
{
    return "ST*835*" + control
        + "*005010X221A1~"
          "BPR*I*80.00*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20260102~"
          "TRN*1*EFT000123*1999999999~"
          "N1*PR*SYNTHETIC HEALTH PLAN~"
          "N1*PE*RIVERBEND GENERAL HOSPITAL*XX*1999999901~"
          "LX*1~"
          "CLP*RGH2000000001*1*100.00*80.00*10.00*12*PCN0000000001~"
          "NM1*QC*1*ZZSYNTHETIC*PATIENT~"
          "SVC*HC:99213:25*100.00*80.00**1~"
          "DTM*472*20251201~"
          "CAS*CO*45*10.00~"
          "CAS*PR*2*10.00~"
          "AMT*B6*90.00~"
          "SE*14*"
        + control + "~";
}

QByteArray interchange(const QByteArray &transactions, int count = 1)
{
    return isa() + "GS*HP*SENDER*RECEIVER*20260102*1200*905*X*005010X221A1~" + transactions + "GE*"
        + QByteArray::number(count) + "*905~IEA*1*000000905~";
}

struct ReadResult
{
    QList<Remittance> transactions;
    QList<Defect> fileDefects;
    QList<Defect> all() const
    {
        QList<Defect> defects = fileDefects;
        for (const Remittance &remittance : transactions)
            defects += remittance.defects + checkBalance(remittance);
        return defects;
    }
    QStringList codes(Severity severity) const
    {
        QStringList result;
        for (const Defect &defect : all()) {
            if (defect.severity == severity && !result.contains(defect.code))
                result.append(defect.code);
        }
        result.sort();
        return result;
    }
    const Defect *find(QLatin1StringView code) const
    {
        static QList<Defect> kept;
        kept = all();
        for (const Defect &defect : kept) {
            if (defect.code == code)
                return &defect;
        }
        return nullptr;
    }
};

ReadResult read(const QByteArray &bytes, qsizetype chunkSize = 1 << 20)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    RemittanceReader reader(&buffer, chunkSize);
    ReadResult result;
    Remittance remittance;
    while (reader.readNext(remittance))
        result.transactions.append(remittance);
    result.fileDefects = reader.fileDefects();
    return result;
}

} // namespace

class TestX12Reader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void amountsAreExactAndStrict_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<bool>("valid");
        QTest::newRow("two decimals") << QByteArray("391.05") << qint64(39105) << true;
        QTest::newRow("one decimal, negative") << QByteArray("-12.5") << qint64(-1250) << true;
        QTest::newRow("whole") << QByteArray("100") << qint64(10000) << true;
        QTest::newRow("leading point") << QByteArray(".5") << qint64(50) << true;
        QTest::newRow("trailing point") << QByteArray("7.") << qint64(0) << false;
        QTest::newRow("three decimals") << QByteArray("1.005") << qint64(0) << false;
        QTest::newRow("comma") << QByteArray("1,000") << qint64(0) << false;
        QTest::newRow("plus") << QByteArray("+5") << qint64(0) << false;
        QTest::newRow("exponent") << QByteArray("1e3") << qint64(0) << false;
        QTest::newRow("blank") << QByteArray(" ") << qint64(0) << false;
        QTest::newRow("minus only") << QByteArray("-") << qint64(0) << false;
        QTest::newRow("huge") << QByteArray("12345678901234567") << qint64(0) << false;
        QTest::newRow("fifteen whole digits") << QByteArray("999999999999999.99") << qint64(99999999999999999) << true;
        QTest::newRow("sixteen whole digits") << QByteArray("1000000000000000") << qint64(0) << false;
        QTest::newRow("negative leading point") << QByteArray("-.5") << qint64(-50) << true;
        QTest::newRow("empty") << QByteArray("") << qint64(0) << false;
        QTest::newRow("letter after a decimal") << QByteArray("1.2x") << qint64(0) << false;
        QTest::newRow("letter for a decimal") << QByteArray("1.x") << qint64(0) << false;
        QTest::newRow("two points") << QByteArray("1.2.3") << qint64(0) << false;
        QTest::newRow("point only") << QByteArray(".") << qint64(0) << false;
        QTest::newRow("eight whole digits") << QByteArray("12345678.90") << qint64(1234567890) << true;
        QTest::newRow("eight whole digits, negative") << QByteArray("-99999999.99") << qint64(-9999999999) << true;
        QTest::newRow("nine whole digits") << QByteArray("123456789.01") << qint64(12345678901) << true;
        QTest::newRow("cents only") << QByteArray("0.07") << qint64(7) << true;
        QTest::newRow("letter among the whole digits") << QByteArray("12a4.50") << qint64(0) << false;
        QTest::newRow("blank before the point") << QByteArray("12 .50") << qint64(0) << false;
        QTest::newRow("point among the whole digits") << QByteArray("1.2.34") << qint64(0) << false;
        QTest::newRow("letter for the last decimal") << QByteArray("10.0x") << qint64(0) << false;
    }
    void amountsAreExactAndStrict()
    {
        QFETCH(QByteArray, text);
        QFETCH(qint64, cents);
        QFETCH(bool, valid);
        const auto amount = parseAmount(text);
        QCOMPARE(amount.has_value(), valid);
        if (valid) {
            QCOMPARE(amount->cents(), cents);
            // The same text as the project's Money reads it (Money also takes '+', X12 does not).
            QCOMPARE(rcm::models::Money::fromString(QString::fromLatin1(text))->cents(), cents);
        }
        // The same text as the reader takes it from a segment, with bytes after it that may be
        // read but must not count (digits, which would change the amount if they did).
        const QByteArray padded = text + QByteArray(16, '9');
        qint64 paddedCents = -1;
        QCOMPARE(parsePaddedAmount(QByteArrayView(padded).first(text.size()), paddedCents), valid);
        if (valid)
            QCOMPARE(paddedCents, cents);
    }

    void aBalancedRemittanceIsReadWhole()
    {
        const ReadResult result = read(interchange(body()));
        QCOMPARE(result.all(), QList<Defect>());
        QCOMPARE(result.transactions.size(), 1);
        const Remittance &remittance = result.transactions.first();
        QCOMPARE(remittance.envelope.senderId, u"SENDER"_s);
        QCOMPARE(remittance.envelope.interchangeControlNumber, u"000000905"_s);
        QCOMPARE(remittance.envelope.version, u"005010X221A1"_s);
        QCOMPARE(remittance.firstSegment, 3);
        QCOMPARE(remittance.lastSegment, 16);
        QCOMPARE(remittance.payment.amount.cents(), 8000);
        QCOMPARE(remittance.payment.method, u"ACH"_s);
        QCOMPARE(remittance.payment.date, QDate(2026, 1, 2));
        QCOMPARE(remittance.payment.traceNumber, u"EFT000123"_s);
        QCOMPARE(remittance.payment.originatorId, u"1999999999"_s);
        QCOMPARE(remittance.payer.name, u"SYNTHETIC HEALTH PLAN"_s);
        QCOMPARE(remittance.payee.npi(), u"1999999901"_s);
        QCOMPARE(remittance.claims.size(), 1);
        const ClaimPayment &claim = remittance.claims.first();
        QCOMPARE(claim.segmentNumber, 9);
        QCOMPARE(claim.patientControlNumber, u"RGH2000000001"_s);
        QCOMPARE(claim.status, ClaimStatus::Primary);
        QCOMPARE(claim.charge.cents(), 10000);
        QCOMPARE(claim.paid.cents(), 8000);
        QCOMPARE(claim.patientResponsibility->cents(), 1000);
        QCOMPARE(claim.payerClaimControlNumber, u"PCN0000000001"_s);
        QCOMPARE(claim.lines.size(), 1);
        const ServiceLine &line = claim.lines.first();
        QCOMPARE(line.procedure.qualifier, u"HC"_s);
        QCOMPARE(line.procedure.code, u"99213"_s);
        QCOMPARE(line.procedure.modifiers, QStringList {u"25"_s});
        QCOMPARE(line.units, 1.0);
        QCOMPARE(line.serviceDate, QDate(2025, 12, 1));
        QCOMPARE(line.allowed->cents(), 9000);
        QCOMPARE(line.adjustments.size(), 2);
        QCOMPARE(line.adjustments.at(1).group, AdjustmentGroup::PatientResponsibility);
        QCOMPARE(line.adjustments.at(1).reasonCode, u"2"_s);
        QCOMPARE(line.adjustments.at(1).amount.cents(), 1000);
    }

    void anyTerminatorWithOrWithoutLineBreaks_data()
    {
        QTest::addColumn<char>("element");
        QTest::addColumn<char>("component");
        QTest::addColumn<char>("terminator");
        QTest::addColumn<QByteArray>("lineBreak");
        QTest::addColumn<qsizetype>("chunkSize");
        QTest::newRow("~") << '*' << ':' << '~' << QByteArray() << qsizetype(1 << 20);
        QTest::newRow("~ LF") << '*' << ':' << '~' << QByteArray("\n") << qsizetype(1 << 20);
        QTest::newRow("~ CRLF") << '*' << ':' << '~' << QByteArray("\r\n") << qsizetype(1 << 20);
        QTest::newRow("' and |, >") << '|' << '>' << '\'' << QByteArray() << qsizetype(1 << 20);
        QTest::newRow("0x85 (NEL)") << '*' << ':' << '\x85' << QByteArray() << qsizetype(1 << 20);
        QTest::newRow("LF as terminator") << '*' << ':' << '\n' << QByteArray() << qsizetype(1 << 20);
        QTest::newRow("CRLF, LF terminator") << '*' << ':' << '\n' << QByteArray("\r") << qsizetype(1 << 20);
        QTest::newRow("tiny chunks") << '*' << ':' << '~' << QByteArray("\r\n") << qsizetype(4096);
    }
    void anyTerminatorWithOrWithoutLineBreaks()
    {
        QFETCH(char, element);
        QFETCH(char, component);
        QFETCH(char, terminator);
        QFETCH(QByteArray, lineBreak);
        QFETCH(qsizetype, chunkSize);
        QByteArray rest = interchange(body()).mid(106);
        rest.replace('*', element).replace(':', component);
        // Rebuild with the chosen terminator; "CRLF, LF terminator" puts \r before each \n.
        QByteArray translated;
        for (char c : rest) {
            if (c == '~') {
                if (terminator == '\n')
                    translated += lineBreak + terminator;
                else
                    translated += terminator + lineBreak;
            } else {
                translated += c;
            }
        }
        QByteArray file
            = isa(element, component, terminator) + (terminator == '\n' ? QByteArray() : lineBreak) + translated;
        // Pad with many transactions so that the small chunk size splits segments.
        const ReadResult result = read(file, chunkSize);
        QCOMPARE(result.all(), QList<Defect>());
        QCOMPARE(result.transactions.size(), 1);
        const ServiceLine &line = result.transactions.first().claims.first().lines.first();
        QCOMPARE(line.procedure.code, u"99213"_s);
        QCOMPARE(line.procedure.modifiers, QStringList {u"25"_s});
        QCOMPARE(result.transactions.first().payment.traceNumber, u"EFT000123"_s);
    }

    void segmentsSplitAcrossChunksAreWhole()
    {
        QByteArray transactions;
        for (int index = 1; index <= 300; ++index)
            transactions += body(QByteArray::number(index));
        const ReadResult result = read(interchange(transactions, 300), 4096);
        QCOMPARE(result.all(), QList<Defect>());
        QCOMPARE(result.transactions.size(), 300);
        QCOMPARE(result.transactions.last().controlNumber, u"300"_s);
        QCOMPARE(result.transactions.last().claims.first().lines.first().allowed->cents(), 9000);
    }

    void severalEnvelopesWithTheirOwnDelimiters()
    {
        QByteArray second = interchange(body("0002"));
        second.replace('*', '|');
        second.replace('~', '\'');
        second.replace(':', '>');
        QByteArray secondIsa = isa('|', '>', '\'', "00501", "000000906");
        second = secondIsa + second.mid(106);
        second.replace("IEA|1|000000905", "IEA|1|000000906");
        const QByteArray twoGroups = isa() + "GS*HP*S*R*20260102*1200*1*X*005010X221A1~" + body("0003") + "GE*1*1~"
            + "GS*HP*S*R*20260102*1200*2*X*005010X221A1~" + body("0004") + body("0005") + "GE*2*2~IEA*2*000000905~";
        const ReadResult result = read(interchange(body("0001")) + "\r\n" + second + "\n" + twoGroups);
        QCOMPARE(result.all(), QList<Defect>());
        QCOMPARE(result.transactions.size(), 5);
        QCOMPARE(result.transactions.at(1).controlNumber, u"0002"_s);
        QCOMPARE(result.transactions.at(1).envelope.interchangeControlNumber, u"000000906"_s);
        QCOMPARE(result.transactions.at(1).claims.first().lines.first().procedure.code, u"99213"_s);
        QCOMPARE(result.transactions.at(4).envelope.groupControlNumber, u"2"_s);
    }

    void version4010IsRead()
    {
        QByteArray file = isa('*', ':', '~', "00401") + "GS*HP*SENDER*RECEIVER*20260102*1200*905*X*004010X091A1~"
            + body() + "GE*1*905~IEA*1*000000905~";
        file.replace("ST*835*0001*005010X221A1~", "ST*835*0001~");
        const ReadResult result = read(file);
        QCOMPARE(result.all(), QList<Defect>());
        QCOMPARE(result.transactions.first().envelope.version, u"004010X091A1"_s);
        QCOMPARE(result.transactions.first().claims.first().paid.cents(), 8000);
    }

    void defectsAreReportedWithTheirSegment_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("code");
        QTest::addColumn<qint64>("segment");
        QTest::addColumn<QString>("messagePart");
        const QByteArray good = interchange(body());
        auto replaced = [&](const QByteArray &from, const QByteArray &to) {
            return QByteArray(good).replace(from, to);
        };
        QTest::newRow("no ISA") << good.mid(106) << u"isa.missing"_s << qint64(1) << u"ISA"_s;
        QTest::newRow("ISA not fixed width, unreadable") << QByteArray("ISA*00*x*00~") + QByteArray(200, 'A')
                                                         << u"isa.malformed"_s << qint64(1) << u"wrong length"_s;
        QTest::newRow("ISA cut short") << good.left(60) << u"isa.malformed"_s << qint64(1) << u"cut short"_s;
        QTest::newRow("ISA not fixed width, readable")
            << replaced("SENDER         ", "SENDER") << u"isa.malformed"_s << qint64(1) << u"ISA06"_s;
        QTest::newRow("SE01 count") << replaced("SE*14*", "SE*13*") << u"se.count-mismatch"_s << qint64(16)
                                    << u"has 14"_s;
        QTest::newRow("SE02 control") << replaced("SE*14*0001", "SE*14*0002") << u"se.control-number-mismatch"_s
                                      << qint64(16) << u"ST02 0001"_s;
        QTest::newRow("GE01 count") << replaced("GE*1*", "GE*2*") << u"ge.count-mismatch"_s << qint64(17) << u"has 1"_s;
        QTest::newRow("GS06/GE02") << replaced("GE*1*905", "GE*1*906") << u"ge.control-number-mismatch"_s << qint64(17)
                                   << u"GS06 905"_s;
        QTest::newRow("IEA01 count") << replaced("IEA*1*", "IEA*3*") << u"iea.count-mismatch"_s << qint64(18)
                                     << u"has 1"_s;
        QTest::newRow("ISA13/IEA02") << replaced("IEA*1*000000905", "IEA*1*000000904")
                                     << u"iea.control-number-mismatch"_s << qint64(18) << u"ISA13 000000905"_s;
        QTest::newRow("no BPR") << replaced("BPR*I*80.00*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*"
                                            "98765*20260102~",
                                            "")
                                << u"segment.missing"_s << qint64(3) << u"BPR"_s;
        QTest::newRow("no TRN") << replaced("TRN*1*EFT000123*1999999999~", "") << u"segment.missing"_s << qint64(3)
                                << u"TRN"_s;
        QTest::newRow("no payer") << replaced("N1*PR*SYNTHETIC HEALTH PLAN~", "") << u"segment.missing"_s << qint64(3)
                                  << u"N1*PR"_s;
        QTest::newRow("no payee") << replaced("N1*PE*RIVERBEND GENERAL HOSPITAL*XX*1999999901~", "")
                                  << u"segment.missing"_s << qint64(3) << u"N1*PE"_s;
        QTest::newRow("non-numeric amount")
            << replaced("CLP*RGH2000000001*1*100.00*80.00", "CLP*RGH2000000001*1*1OO.00*80.00") << u"amount.invalid"_s
            << qint64(9) << u"CLP03"_s;
        QTest::newRow("three decimals") << replaced("SVC*HC:99213:25*100.00*80.00", "SVC*HC:99213:25*100.00*80.001")
                                        << u"amount.invalid"_s << qint64(11) << u"SVC03"_s;
        QTest::newRow("missing charge") << replaced("CLP*RGH2000000001*1*100.00*", "CLP*RGH2000000001*1**")
                                        << u"element.missing"_s << qint64(9) << u"CLP03"_s;
        QTest::newRow("cut off mid-segment")
            << good.left(good.indexOf("CAS*PR") + 4) << u"file.truncated"_s << qint64(14) << u"middle of a segment"_s;
        QTest::newRow("cut off after a segment")
            << good.left(good.indexOf("CAS*PR")) << u"file.truncated"_s << qint64(13) << u"no IEA"_s;
        QTest::newRow("no SE") << replaced("SE*14*0001~", "") << u"se.missing"_s << qint64(16) << u"no SE"_s;
        QTest::newRow("not an 835") << replaced("ST*835*0001*005010X221A1~", "ST*277*0001*005010X212~")
                                    << u"transaction.not-835"_s << qint64(3) << u"277"_s;
        QTest::newRow("segment outside a transaction")
            << replaced("GE*1*905~", "CLP*X*1*1*1~GE*1*905~") << u"envelope.unexpected-segment"_s << qint64(17)
            << u"outside"_s;
        QTest::newRow("line out of balance") << replaced("CAS*CO*45*10.00~", "CAS*CO*45*11.00~") << u"balance.line"_s
                                             << qint64(11) << u"expected 79.00"_s;
        QTest::newRow("claim out of balance")
            << replaced("*100.00*80.00*10.00*12*", "*100.00*70.00*10.00*12*") << u"balance.claim"_s << qint64(9)
            << u"Claim RGH2000000001: the payer's paid amount 70.00 does not equal charge 100.00 minus adjustments "
               "20.00 (expected 80.00)."_s;
        QTest::newRow("transaction out of balance")
            << replaced("BPR*I*80.00", "BPR*I*85.00") << u"balance.transaction"_s << qint64(3) << u"expected 80.00"_s;
        QTest::newRow("payment date not a date")
            << replaced("98765*20260102~", "98765*20261302~") << u"date.invalid"_s << qint64(4) << u"BPR16"_s;
    }
    void defectsAreReportedWithTheirSegment()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, code);
        QFETCH(qint64, segment);
        QFETCH(QString, messagePart);
        const ReadResult result = read(file);
        const Defect *defect = result.find(QLatin1StringView(code.toLatin1()));
        QVERIFY2(defect,
                 qPrintable(u"no %1 in: %2"_s.arg(code,
                                                  result.codes(Severity::Error).join(u", "_s) + u" / "_s
                                                      + result.codes(Severity::Warning).join(u", "_s))));
        QCOMPARE(defect->segmentNumber, segment);
        QVERIFY2(defect->message.contains(messagePart) || defect->segmentId.contains(messagePart)
                     || (messagePart.startsWith(u"N1*"_s) && defect->message.contains(messagePart)),
                 qPrintable(defect->message));
        const bool warning = code == u"transaction.not-835"_s || code == u"date.invalid"_s;
        QCOMPARE(defect->severity, warning ? Severity::Warning : Severity::Error);
    }

    void invalidAmountsAreNotBalancedOrInvented()
    {
        QByteArray file = interchange(body());
        file.replace("CLP*RGH2000000001*1*100.00*80.00", "CLP*RGH2000000001*1*100.00*8O.00");
        const ReadResult result = read(file);
        const ClaimPayment &claim = result.transactions.first().claims.first();
        QCOMPARE(claim.amountQuality, AmountQuality::HasInvalidAmounts);
        QCOMPARE(claim.paid.cents(), 0);
        const QList<Defect> balance = checkBalance(result.transactions.first());
        QVERIFY(!isBalanced(balance));
        QVERIFY(std::none_of(balance.begin(), balance.end(), [](const Defect &d) { return d.isError(); }));
        QCOMPARE(balance.first().code, u"balance.not-checked"_s);
    }

    void aReversalIsReadWithNegativeAmounts()
    {
        QByteArray file = interchange(body());
        file.replace("BPR*I*80.00", "BPR*I*0.00");
        file.replace("CLP*RGH2000000001*1*100.00*80.00*10.00*12*PCN0000000001~",
                     "CLP*RGH2000000001*1*100.00*80.00*10.00*12*PCN0000000001~"
                     "CAS*OA*23*0~"); // claim-level zero adjustment is allowed
        file.replace("SE*14*", "SE*18*");
        file.replace("SE*18*0001~",
                     "CLP*RGH2000000001*22*-100.00*-80.00*-10.00*12*PCN0000000001~"
                     "CAS*CO*45*-10.00~CAS*PR*2*-10.00~SE*18*0001~");
        const ReadResult result = read(file);
        QCOMPARE(result.all(), QList<Defect>());
        const Remittance &remittance = result.transactions.first();
        QCOMPARE(remittance.claims.size(), 2);
        const ClaimPayment &reversal = remittance.claims.last();
        QVERIFY(reversal.isReversal());
        QCOMPARE(reversal.paid.cents(), -8000);
        QCOMPARE(reversal.adjustmentTotal().cents(), -2000);
        QCOMPARE(remittance.claimPaymentTotal().cents(), 0);
    }

    void providerAdjustmentsBalanceThePayment()
    {
        QByteArray file = interchange(body());
        // A recoupment of 30.00 (positive takes money back) and interest of 5.25 (negative adds).
        file.replace("BPR*I*80.00", "BPR*I*55.25");
        file.replace("SE*14*0001~", "PLB*1999999901*20261231*WO:PCN0000000007*30*L6*-5.25~SE*15*0001~");
        const ReadResult result = read(file);
        QCOMPARE(result.all(), QList<Defect>());
        const Remittance &remittance = result.transactions.first();
        QCOMPARE(remittance.providerAdjustments.size(), 2);
        const ProviderAdjustment &recoupment = remittance.providerAdjustments.first();
        QCOMPARE(recoupment.reasonCode, u"WO"_s);
        QCOMPARE(recoupment.reference, u"PCN0000000007"_s);
        QCOMPARE(recoupment.amount.cents(), 3000);
        QCOMPARE(recoupment.fiscalPeriodEnd, QDate(2026, 12, 31));
        QCOMPARE(remittance.providerAdjustments.last().amount.cents(), -525);
        QCOMPARE(remittance.providerAdjustmentTotal().cents(), 2475);
    }

    void unknownAndExpiredReasonCodesAreFlaggedNotDropped()
    {
        QString error;
        const auto catalogue = rcm::reference::ReasonCodeCatalogue::fromJson(
            R"({"families": ["contractual", "patient_responsibility"], "codes": [
                {"kind": "carc", "code": "45", "family": "contractual", "description": "d", "start": null, "stop": "2020-01-01"},
                {"kind": "carc", "code": "2", "family": "patient_responsibility", "description": "d", "start": null, "stop": null}]})",
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QByteArray file = interchange(body());
        file.replace("CAS*PR*2*10.00~", "CAS*PR*2*10.00~LQ*HE*N999~");
        const ReadResult result = read(file);
        const Remittance &remittance = result.transactions.first();
        const QList<Defect> defects = checkReasonCodes(remittance, catalogue);
        QCOMPARE(defects.size(), 2);
        QCOMPARE(defects.at(0).code, u"reason-code.expired"_s);
        QVERIFY(defects.at(0).message.contains(u"CARC 45 was retired on 2020-01-01"_s));
        QCOMPARE(defects.at(1).code, u"reason-code.unknown"_s);
        QVERIFY(defects.at(1).message.contains(u"RARC N999"_s));
        QCOMPARE(defects.at(1).severity, Severity::Warning);
        QCOMPARE(remittance.claims.first().lines.first().remarkCodes, QStringList {u"N999"_s});
    }

    void garbageNeverCrashesAndStopsReporting()
    {
        QByteArray noise = isa();
        for (int index = 0; index < 20000; ++index)
            noise += "ZZ*" + QByteArray::number(index) + "~";
        const ReadResult result = read(noise);
        QVERIFY(result.fileDefects.size() <= 1002);
        QCOMPARE(result.fileDefects.first().code, u"envelope.unexpected-segment"_s);
        QVERIFY(read(QByteArray()).fileDefects.size() == 1);
        QCOMPARE(read(QByteArray(200000, 'A')).fileDefects.first().code, u"isa.missing"_s);
        QCOMPARE(read(isa() + QByteArray(3 << 20, 'x')).fileDefects.last().code, u"segment.too-long"_s);
    }
};

QTEST_GUILESS_MAIN(TestX12Reader)
#include "test_x12reader.moc"
