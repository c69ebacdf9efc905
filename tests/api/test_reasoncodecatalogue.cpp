// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reference/reasoncodecatalogue.h"
#include "services/synthetic/syntheticgenerator.h"
#include "services/x12/reasoncodecheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using rcm::reference::ReasonCode;
using rcm::reference::ReasonCodeCatalogue;

namespace {

QDate day(const char *iso)
{
    return QDate::fromString(QLatin1StringView(iso), Qt::ISODate);
}

/// A remittance paid on paymentDate with one claim-level CAS carrying carc.
rcm::x12::Remittance remittancePaying(const QString &carc, const QDate &paymentDate)
{
    rcm::x12::Remittance remittance;
    remittance.payment.date = paymentDate;
    rcm::x12::ClaimPayment claim;
    claim.segmentNumber = 7;
    rcm::x12::Adjustment adjustment;
    adjustment.groupCode = u"CO"_s;
    adjustment.reasonCode = carc;
    claim.adjustments.append(adjustment);
    remittance.claims.append(claim);
    return remittance;
}

} // namespace

class TestReasonCodeCatalogue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theBuiltInCatalogueKnowsEveryCodeTheDataUses()
    {
        const ReasonCodeCatalogue &catalogue = ReasonCodeCatalogue::builtIn();
        const auto denial = catalogue.find(ReasonCode::Kind::Carc, u"197"_s);
        QVERIFY(denial);
        QCOMPARE(denial->family, u"authorization"_s);
        QVERIFY(!denial->description.isEmpty());
        // Unknown codes are reported as unknown, not guessed.
        QVERIFY(!catalogue.find(ReasonCode::Kind::Carc, u"9999"_s));
        QVERIFY(!catalogue.find(ReasonCode::Kind::Rarc, u"197"_s));
        const auto items = rcm::synthetic::SyntheticGenerator({1, QDate(2026, 11, 27)}).items(0, 5000);
        for (const rcm::models::WorkItem &item : items) {
            if (!item.carc.isEmpty())
                QVERIFY2(catalogue.find(ReasonCode::Kind::Carc, item.carc), qPrintable(item.carc));
            for (const QString &rarc : item.rarcs)
                QVERIFY2(catalogue.find(ReasonCode::Kind::Rarc, rarc), qPrintable(rarc));
        }
    }

    void theBuiltInCatalogueHoldsEveryClaimAdjustmentReasonCode()
    {
        // X12 list 139 held 407 CARCs, retired ones included, on 2026-08-17 (docs/reason-codes.md).
        qsizetype carcs = 0;
        qsizetype inForce = 0;
        for (const ReasonCode &code : ReasonCodeCatalogue::builtIn().codes()) {
            if (code.kind != ReasonCode::Kind::Carc)
                continue;
            ++carcs;
            inForce += code.isActiveOn(QDate(2026, 8, 17)) ? 1 : 0;
        }
        QVERIFY2(carcs >= 407, qPrintable(QString::number(carcs)));
        QVERIFY2(inForce >= 290, qPrintable(QString::number(inForce)));
        QVERIFY2(carcs - inForce >= 100, "retired CARCs are kept, with their stop dates");
    }

    void theBuiltInCatalogueHoldsEveryRemittanceAdviceRemarkCode()
    {
        // The RARC list held 1,216 codes, retired ones included, on 2026-08-17; 1,137 of them in
        // force by the dates here (N793 is retired without a recorded stop; docs/reason-codes.md).
        qsizetype rarcs = 0;
        qsizetype inForce = 0;
        qsizetype withStop = 0;
        for (const ReasonCode &code : ReasonCodeCatalogue::builtIn().codes()) {
            if (code.kind != ReasonCode::Kind::Rarc)
                continue;
            ++rarcs;
            inForce += code.isActiveOn(QDate(2026, 8, 17)) ? 1 : 0;
            withStop += code.stop.isValid() ? 1 : 0;
        }
        QVERIFY2(rarcs >= 1216, qPrintable(QString::number(rarcs)));
        QVERIFY2(inForce >= 1100, qPrintable(QString::number(inForce)));
        QVERIFY2(withStop >= 75, "retired RARCs are kept, with their stop dates");
        QVERIFY(ReasonCodeCatalogue::builtIn().codes().size() >= 1600);
    }

    void wellKnownCodesCarryTheListsDates_data()
    {
        QTest::addColumn<ReasonCode::Kind>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("family");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("modified");
        QTest::addColumn<QDate>("stop");
        const auto carc = ReasonCode::Kind::Carc;
        const auto rarc = ReasonCode::Kind::Rarc;
        QTest::newRow("CARC 253 sequestration")
            << carc << u"253"_s << u"contractual"_s << day("2013-06-02") << day("2013-11-01") << QDate();
        QTest::newRow("CARC 45 fee schedule")
            << carc << u"45"_s << u"contractual"_s << day("1995-01-01") << day("2017-07-01") << QDate();
        QTest::newRow("CARC 23 prior payer")
            << carc << u"23"_s << u"coordination_of_benefits"_s << day("1995-01-01") << day("2012-09-30") << QDate();
        QTest::newRow("CARC 24 capitation")
            << carc << u"24"_s << u"contractual"_s << day("1995-01-01") << day("2007-09-30") << QDate();
        QTest::newRow("CARC 59 multiple procedures")
            << carc << u"59"_s << u"contractual"_s << day("1995-01-01") << day("2009-09-20") << QDate();
        QTest::newRow("CARC 237 regulatory penalty")
            << carc << u"237"_s << u"other"_s << day("2011-06-05") << QDate() << QDate();
        QTest::newRow("CARC 15 retired") << carc << u"15"_s << u"authorization"_s << day("1995-01-01")
                                         << day("2017-11-01") << day("2018-05-01");
        QTest::newRow("CARC 42 retired") << carc << u"42"_s << u"contractual"_s << day("1995-01-01")
                                         << day("2006-10-31") << day("2007-06-01");
        QTest::newRow("CARC A2 retired") << carc << u"A2"_s << u"contractual"_s << day("1995-01-01")
                                         << day("2007-02-28") << day("2008-01-01");
        QTest::newRow("CARC P2 replaces 191")
            << carc << u"P2"_s << u"coordination_of_benefits"_s << day("2013-11-01") << QDate() << QDate();
        QTest::newRow("RARC M15 bundled") << rarc << u"M15"_s << u"coding"_s << day("1997-01-01") << QDate() << QDate();
        QTest::newRow("RARC MA130 unprocessable")
            << rarc << u"MA130"_s << u"coding"_s << day("2001-10-12") << QDate() << QDate();
        QTest::newRow("RARC N130 plan limits")
            << rarc << u"N130"_s << u"other"_s << day("2002-10-31") << day("2009-11-01") << QDate();
        QTest::newRow("RARC N102 retired")
            << rarc << u"N102"_s << u"other"_s << day("2001-10-31") << day("2013-11-01") << day("2016-07-01");
        QTest::newRow("RARC M80 same session")
            << rarc << u"M80"_s << u"coding"_s << day("1997-01-01") << day("2002-10-31") << QDate();
        QTest::newRow("RARC N20 same date")
            << rarc << u"N20"_s << u"coding"_s << day("2000-01-01") << QDate() << QDate();
        QTest::newRow("RARC N54 not as authorized")
            << rarc << u"N54"_s << u"authorization"_s << day("2000-01-01") << QDate() << QDate();
        QTest::newRow("RARC N362 units over maximum")
            << rarc << u"N362"_s << u"other"_s << day("2005-11-18") << QDate() << QDate();
        QTest::newRow("RARC N640 frequency")
            << rarc << u"N640"_s << u"authorization"_s << day("2013-07-15") << QDate() << QDate();
        QTest::newRow("RARC M33 retired")
            << rarc << u"M33"_s << u"other"_s << day("1997-01-01") << QDate() << day("2004-08-01");
        QTest::newRow("RARC N900 added after 2016") << rarc << u"N900"_s << u"other"_s << QDate() << QDate() << QDate();
    }

    void wellKnownCodesCarryTheListsDates()
    {
        QFETCH(ReasonCode::Kind, kind);
        QFETCH(QString, code);
        QFETCH(QString, family);
        QFETCH(QDate, start);
        QFETCH(QDate, modified);
        QFETCH(QDate, stop);
        const auto found = ReasonCodeCatalogue::builtIn().find(kind, code);
        QVERIFY(found);
        QCOMPARE(found->family, family);
        QCOMPARE(found->start, start);
        QCOMPARE(found->modified, modified);
        QCOMPARE(found->stop, stop);
    }

    void everyBuiltInEntryIsDescribedAndListedOnce()
    {
        QSet<QString> seen;
        for (const ReasonCode &code : ReasonCodeCatalogue::builtIn().codes()) {
            const QString key = (code.kind == ReasonCode::Kind::Carc ? u"carc "_s : u"rarc "_s) + code.code;
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
            QVERIFY2(code.description.size() >= 10, qPrintable(key));
            QVERIFY2(!code.stop.isValid() || !code.start.isValid() || code.start <= code.stop, qPrintable(key));
        }
    }

    void aRetiredCodeIsFlaggedWithItsStopDateOnALaterPayment()
    {
        const ReasonCodeCatalogue &catalogue = ReasonCodeCatalogue::builtIn();
        // CARC 42 was replaced by 45; its last day was 2007-06-01.
        const QList<rcm::x12::Defect> late
            = rcm::x12::checkReasonCodes(remittancePaying(u"42"_s, QDate(2024, 3, 1)), catalogue);
        QCOMPARE(late.size(), 1);
        QCOMPARE(late.first().code, rcm::x12::defectcode::ReasonCodeExpired);
        QCOMPARE(late.first().severity, rcm::x12::Severity::Warning);
        QVERIFY2(late.first().message.contains(u"2007-06-01"_s), qPrintable(late.first().message));
        // On its last day, and for a code in force, nothing is flagged.
        QVERIFY(rcm::x12::checkReasonCodes(remittancePaying(u"42"_s, QDate(2007, 6, 1)), catalogue).isEmpty());
        QVERIFY(rcm::x12::checkReasonCodes(remittancePaying(u"253"_s, QDate(2024, 3, 1)), catalogue).isEmpty());
        // A code paid before the list had it is flagged with its start date.
        const QList<rcm::x12::Defect> early
            = rcm::x12::checkReasonCodes(remittancePaying(u"253"_s, QDate(2012, 1, 3)), catalogue);
        QCOMPARE(early.size(), 1);
        QVERIFY2(early.first().message.contains(u"2013-06-02"_s), qPrintable(early.first().message));
    }

    void theBuiltInCatalogueLoadsQuickly()
    {
        // builtIn() parses this at startup; the whole file must stay cheap to read.
        QFile file(u":/reference/reason-codes.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QElapsedTimer timer;
        timer.start();
        QString error;
        const ReasonCodeCatalogue catalogue = ReasonCodeCatalogue::fromJson(json, &error);
        const qint64 elapsed = timer.nsecsElapsed();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qInfo("parsed %lld codes in %.2f ms", qint64(catalogue.codes().size()), double(elapsed) / 1e6);
        QVERIFY2(elapsed < 200'000'000, "far slower than the ~20 ms budget");
    }

    void aBrokenCatalogueIsRefusedWithTheReason_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("reason");
        const QByteArray families = R"("families": ["eligibility"], )";
        QTest::newRow("not JSON") << QByteArray("{ codes: ") << u"not JSON"_s;
        QTest::newRow("no codes") << QByteArray("{}") << u"no \"codes\""_s;
        QTest::newRow("bad kind")
            << ("{" + families
                + R"("codes": [{"kind": "x", "code": "1", "family": "eligibility", "description": "d"}]})")
            << u"kind must be"_s;
        QTest::newRow("unknown family")
            << ("{" + families + R"("codes": [{"kind": "carc", "code": "1", "family": "luck", "description": "d"}]})")
            << u"unknown family"_s;
        QTest::newRow("listed twice")
            << ("{" + families
                + R"("codes": [{"kind": "carc", "code": "1", "family": "eligibility", "description": "d"}, {"kind": "carc", "code": "1", "family": "eligibility", "description": "e"}]})")
            << u"listed twice"_s;
        QTest::newRow("mistyped date")
            << ("{" + families
                + R"("codes": [{"kind": "carc", "code": "1", "family": "eligibility", "description": "d", "stop": "06/01/2007"}]})")
            << u"carc 1 has a stop date that is not YYYY-MM-DD"_s;
    }

    void aBrokenCatalogueIsRefusedWithTheReason()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, reason);
        QString error;
        const ReasonCodeCatalogue catalogue = ReasonCodeCatalogue::fromJson(json, &error);
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(catalogue.codes().isEmpty());
    }

    void startAndStopDatesBoundACode()
    {
        QString error;
        const ReasonCodeCatalogue catalogue = ReasonCodeCatalogue::fromJson(
            R"({"families": ["other"], "codes": [{"kind": "carc", "code": "X1", "family": "other",
                "description": "retired", "start": "2019-01-01", "modified": "2021-03-01", "stop": "2024-06-30"}]})",
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto code = catalogue.find(ReasonCode::Kind::Carc, u"X1"_s);
        QVERIFY(code);
        QCOMPARE(code->modified, QDate(2021, 3, 1));
        QVERIFY(code->isActiveOn(QDate(2023, 1, 1)));
        QVERIFY(code->isActiveOn(QDate(2024, 6, 30)));
        QVERIFY(!code->isActiveOn(QDate(2025, 1, 1)));
        QVERIFY(!code->isActiveOn(QDate(2018, 12, 31)));
    }
};

QTEST_GUILESS_MAIN(TestReasonCodeCatalogue)
#include "test_reasoncodecatalogue.moc"
