// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reference/reasoncodecatalogue.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using rcm::reference::ReasonCode;
using rcm::reference::ReasonCodeCatalogue;

class TestReasonCodeCatalogue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theBuiltInCatalogueKnowsEveryCodeTheDataUses()
    {
        const ReasonCodeCatalogue &catalogue = ReasonCodeCatalogue::builtIn();
        QVERIFY(catalogue.codes().size() > 30);
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
                "description": "retired", "start": "2019-01-01", "stop": "2024-06-30"}]})",
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto code = catalogue.find(ReasonCode::Kind::Carc, u"X1"_s);
        QVERIFY(code);
        QVERIFY(code->isActiveOn(QDate(2023, 1, 1)));
        QVERIFY(!code->isActiveOn(QDate(2025, 1, 1)));
        QVERIFY(!code->isActiveOn(QDate(2018, 12, 31)));
    }
};

QTEST_GUILESS_MAIN(TestReasonCodeCatalogue)
#include "test_reasoncodecatalogue.moc"
