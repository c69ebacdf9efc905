// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The claim status code catalogue a 277CA is explained with: words for every category
// and for the statuses and entities acknowledgments use, what each category does to a
// claim, and unknown codes named rather than dropped.
#include "services/reference/claimstatuscodes.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using rcm::reference::ClaimStatusEffect;
using rcm::reference::claimStatusEffect;
namespace claimstatus = rcm::reference::claimstatus;

class TestClaimStatusCodes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyAcknowledgmentAndErrorCategoryHasWords()
    {
        for (const QString &category : {u"A0"_s, u"A1"_s, u"A2"_s, u"A3"_s, u"A4"_s, u"A5"_s, u"A6"_s, u"A7"_s, u"A8"_s,
                                        u"E0"_s, u"E1"_s, u"E2"_s, u"E3"_s, u"E4"_s, u"D0"_s}) {
            const std::optional<QString> words = claimstatus::categoryText(category);
            QVERIFY2(words && !words->isEmpty(), qPrintable(category));
            QVERIFY2(claimstatus::categoryLabel(category) != u"Unknown category"_s, qPrintable(category));
        }
        QVERIFY(claimstatus::categories().contains(u"F2"_s));
        QVERIFY(claimstatus::categories().contains(u"P3"_s));
        QVERIFY(claimstatus::categories().contains(u"R4"_s));
        QVERIFY(!claimstatus::categoryText(u"A9"_s));
    }

    void whatEachCategoryDoesToTheClaim_data()
    {
        QTest::addColumn<QString>("category");
        QTest::addColumn<ClaimStatusEffect>("effect");
        QTest::newRow("A0 forwarded") << u"A0"_s << ClaimStatusEffect::AcknowledgesReceipt;
        QTest::newRow("A1 received") << u"A1"_s << ClaimStatusEffect::AcknowledgesReceipt;
        QTest::newRow("A2 accepted") << u"A2"_s << ClaimStatusEffect::Accepts;
        QTest::newRow("A3 returned unprocessable") << u"A3"_s << ClaimStatusEffect::Rejects;
        QTest::newRow("A4 not found") << u"A4"_s << ClaimStatusEffect::Other;
        QTest::newRow("A5 split on acceptance") << u"A5"_s << ClaimStatusEffect::Accepts;
        QTest::newRow("A6 missing information") << u"A6"_s << ClaimStatusEffect::Rejects;
        QTest::newRow("A7 invalid information") << u"A7"_s << ClaimStatusEffect::Rejects;
        QTest::newRow("A8 relational field") << u"A8"_s << ClaimStatusEffect::Rejects;
        QTest::newRow("E0 request error") << u"E0"_s << ClaimStatusEffect::Other;
        QTest::newRow("F2 denied") << u"F2"_s << ClaimStatusEffect::Other;
        QTest::newRow("P1 pending") << u"P1"_s << ClaimStatusEffect::Other;
        QTest::newRow("unknown") << u"Z9"_s << ClaimStatusEffect::Other;
        QTest::newRow("none") << QString() << ClaimStatusEffect::Other;
    }

    void whatEachCategoryDoesToTheClaim()
    {
        QFETCH(QString, category);
        QFETCH(ClaimStatusEffect, effect);
        QCOMPARE(claimStatusEffect(category), effect);
    }

    void theStatusesAndEntitiesOfRejectionsHaveWords()
    {
        const QStringList statuses = {u"0"_s,   u"3"_s,   u"15"_s,  u"16"_s,  u"19"_s,  u"20"_s,  u"21"_s,  u"24"_s,
                                      u"33"_s,  u"35"_s,  u"85"_s,  u"88"_s,  u"97"_s,  u"116"_s, u"125"_s, u"145"_s,
                                      u"164"_s, u"187"_s, u"249"_s, u"454"_s, u"562"_s, u"740"_s};
        for (const QString &status : statuses)
            QVERIFY2(claimstatus::statusText(status), qPrintable(status));
        QVERIFY(claimstatus::statusCodes().size() >= 60);
        for (const QString &status : claimstatus::statusCodes())
            QVERIFY2(!claimstatus::statusText(status).value_or(QString()).isEmpty(), qPrintable(status));
        for (const QString &entity : {u"41"_s, u"40"_s, u"85"_s, u"82"_s, u"77"_s, u"71"_s, u"87"_s, u"IL"_s, u"QC"_s,
                                      u"PR"_s, u"1P"_s, u"03"_s, u"AY"_s, u"DN"_s})
            QVERIFY2(claimstatus::entityText(entity), qPrintable(entity));
    }

    void aStatusIsExplainedInOneSentence_data()
    {
        QTest::addColumn<QString>("category");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("rejected for the billing provider")
            << u"A3"_s << u"21"_s << u"85"_s
            << u"Rejected (A3): missing or invalid information (21) about the billing provider (85)."_s;
        QTest::newRow("accepted") << u"A2"_s << u"20"_s << QString()
                                  << u"Accepted (A2): accepted for processing (20)."_s;
        QTest::newRow("invalid NPI of the rendering provider")
            << u"A7"_s << u"562"_s << u"82"_s
            << u"Rejected, information invalid (A7): the National Provider Identifier (NPI) (562) of the rendering "
               "provider (82)."_s;
        QTest::newRow("no status code")
            << u"A1"_s << QString() << QString()
            << u"Received (A1): received; this does not yet mean it was accepted for processing."_s;
        QTest::newRow("unknown status and entity")
            << u"A3"_s << u"9999"_s << u"ZZ"_s
            << u"Rejected (A3): an unknown status code (9999) about an unknown entity (ZZ)."_s;
        QTest::newRow("unknown category")
            << u"Q9"_s << u"21"_s << QString() << u"Unknown category (Q9): missing or invalid information (21)."_s;
    }

    void aStatusIsExplainedInOneSentence()
    {
        QFETCH(QString, category);
        QFETCH(QString, status);
        QFETCH(QString, entity);
        QFETCH(QString, sentence);
        QCOMPARE(claimstatus::explain(category, status, entity), sentence);
        QCOMPARE(rcm::reference::explainClaimStatus(category, status, entity), sentence);
    }
};

QTEST_GUILESS_MAIN(TestClaimStatusCodes)
#include "test_claimstatuscodes.moc"
