// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Each row of the posting rule table (docs/posting-rules.md) with the meaning a cash
// poster gives it.
#include "services/posting/adjustmentrules.h"
#include "services/posting/claimstatusrules.h"
#include "services/posting/envelopeguards.h"
#include "services/posting/linejudgement.h"
#include "services/posting/providerrules.h"
#include "services/posting/refunddeadline.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;
using posting::AdjustmentMeaning;

Q_DECLARE_METATYPE(rcm::posting::AdjustmentMeaning)
Q_DECLARE_METATYPE(rcm::posting::ClaimStatusRule::Handling)
Q_DECLARE_METATYPE(rcm::posting::ProviderAdjustmentRule::Kind)

namespace {

x12::Adjustment cas(const QString &group, const QString &reason, qint64 cents)
{
    x12::Adjustment adjustment;
    adjustment.groupCode = group;
    adjustment.reasonCode = reason;
    adjustment.amount = Money::fromCents(cents);
    adjustment.group = group == u"CO"_s ? x12::AdjustmentGroup::Contractual
        : group == u"PR"_s              ? x12::AdjustmentGroup::PatientResponsibility
        : group == u"OA"_s              ? x12::AdjustmentGroup::Other
        : group == u"PI"_s              ? x12::AdjustmentGroup::PayerInitiated
        : group == u"CR"_s              ? x12::AdjustmentGroup::Correction
                                        : x12::AdjustmentGroup::Unknown;
    return adjustment;
}

} // namespace

class TestPostingTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachAdjustmentHasItsMeaning_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<AdjustmentMeaning>("meaning");
        QTest::newRow("PR-1 deductible") << u"PR"_s << u"1"_s << AdjustmentMeaning::PatientShare;
        QTest::newRow("PR-2 coinsurance") << u"PR"_s << u"2"_s << AdjustmentMeaning::PatientShare;
        QTest::newRow("PR-3 copay") << u"PR"_s << u"3"_s << AdjustmentMeaning::PatientShare;
        QTest::newRow("PR-66 blood deductible") << u"PR"_s << u"66"_s << AdjustmentMeaning::PatientShare;
        QTest::newRow("PR-45 balance billed to the patient") << u"PR"_s << u"45"_s << AdjustmentMeaning::PatientBalance;
        QTest::newRow("PR-27 coverage ended") << u"PR"_s << u"27"_s << AdjustmentMeaning::Denial;
        QTest::newRow("PR-204 not covered") << u"PR"_s << u"204"_s << AdjustmentMeaning::Denial;
        QTest::newRow("CO-45 contractual write-down") << u"CO"_s << u"45"_s << AdjustmentMeaning::ContractualWriteDown;
        QTest::newRow("CO-42 fee schedule maximum") << u"CO"_s << u"42"_s << AdjustmentMeaning::ContractualWriteDown;
        QTest::newRow("CO-253 sequestration") << u"CO"_s << u"253"_s << AdjustmentMeaning::LegitimateReduction;
        QTest::newRow("CO-237 legislated") << u"CO"_s << u"237"_s << AdjustmentMeaning::LegitimateReduction;
        QTest::newRow("CO-223 mandated") << u"CO"_s << u"223"_s << AdjustmentMeaning::LegitimateReduction;
        QTest::newRow("CO-59 multiple procedure") << u"CO"_s << u"59"_s << AdjustmentMeaning::LegitimateReduction;
        QTest::newRow("CO-104 managed care withhold") << u"CO"_s << u"104"_s << AdjustmentMeaning::LegitimateReduction;
        QTest::newRow("CO-132 demonstration project") << u"CO"_s << u"132"_s << AdjustmentMeaning::LegitimateReduction;
        QTest::newRow("OA-23 prior payer") << u"OA"_s << u"23"_s << AdjustmentMeaning::PriorPayer;
        QTest::newRow("CO-23 prior payer") << u"CO"_s << u"23"_s << AdjustmentMeaning::PriorPayer;
        QTest::newRow("CO-24 capitation") << u"CO"_s << u"24"_s << AdjustmentMeaning::Capitation;
        QTest::newRow("PI-253 sequestration the payer applied")
            << u"PI"_s << u"253"_s << AdjustmentMeaning::LegitimateReduction;
        QTest::newRow("CR-45 a correction, whatever its reason") << u"CR"_s << u"45"_s << AdjustmentMeaning::Correction;
        QTest::newRow("CO-50 medical necessity") << u"CO"_s << u"50"_s << AdjustmentMeaning::Denial;
        QTest::newRow("CO-97 bundled") << u"CO"_s << u"97"_s << AdjustmentMeaning::Denial;
        QTest::newRow("OA-18 duplicate") << u"OA"_s << u"18"_s << AdjustmentMeaning::Denial;
        QTest::newRow("PI-204 not covered") << u"PI"_s << u"204"_s << AdjustmentMeaning::Denial;
    }
    void eachAdjustmentHasItsMeaning()
    {
        QFETCH(QString, group);
        QFETCH(QString, reason);
        QFETCH(AdjustmentMeaning, meaning);
        QCOMPARE(posting::meaningOf(cas(group, reason, 100)), meaning);
    }

    void eachClaimStatusHasItsHandling_data()
    {
        using Handling = posting::ClaimStatusRule::Handling;
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("version");
        QTest::addColumn<Handling>("handling");
        QTest::addColumn<int>("position");
        QTest::addColumn<bool>("forwarded");
        const QString v5010 = u"005010X221A1"_s;
        QTest::newRow("1 primary") << u"1"_s << v5010 << Handling::Adjudicated << 1 << false;
        QTest::newRow("2 secondary") << u"2"_s << v5010 << Handling::Adjudicated << 2 << false;
        QTest::newRow("3 tertiary") << u"3"_s << v5010 << Handling::Adjudicated << 3 << false;
        QTest::newRow("4 denied") << u"4"_s << v5010 << Handling::Denied << 0 << false;
        QTest::newRow("19 primary, forwarded") << u"19"_s << v5010 << Handling::Adjudicated << 1 << true;
        QTest::newRow("20 secondary, forwarded") << u"20"_s << v5010 << Handling::Adjudicated << 2 << true;
        QTest::newRow("21 tertiary, forwarded") << u"21"_s << v5010 << Handling::Adjudicated << 3 << true;
        QTest::newRow("22 reversal") << u"22"_s << v5010 << Handling::Reversal << 0 << false;
        QTest::newRow("23 not our claim") << u"23"_s << v5010 << Handling::NotOurClaim << 0 << false;
        QTest::newRow("25 predetermination") << u"25"_s << v5010 << Handling::Predetermination << 0 << false;
        QTest::newRow("5 pended: not a 5010 status") << u"5"_s << v5010 << Handling::Invalid << 0 << false;
        QTest::newRow("5 pended in a 4010 file") << u"5"_s << u"004010X091A1"_s << Handling::Pending << 0 << false;
        QTest::newRow("24: no such status") << u"24"_s << v5010 << Handling::Invalid << 0 << false;
        QTest::newRow("letters") << u"A"_s << v5010 << Handling::Invalid << 0 << false;
    }
    void eachClaimStatusHasItsHandling()
    {
        using Handling = posting::ClaimStatusRule::Handling;
        QFETCH(QString, code);
        QFETCH(QString, version);
        QFETCH(Handling, handling);
        QFETCH(int, position);
        QFETCH(bool, forwarded);
        const posting::ClaimStatusRule rule = posting::claimStatusRule(code, version);
        QCOMPARE(rule.handling, handling);
        QCOMPARE(rule.coveragePosition, position);
        QCOMPARE(rule.forwarded, forwarded);
    }

    void eachProviderAdjustmentHasItsClass_data()
    {
        using Kind = posting::ProviderAdjustmentRule::Kind;
        QTest::addColumn<QString>("code");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<bool>("needsAction");
        QTest::newRow("L6 interest") << u"L6"_s << Kind::Interest << false;
        QTest::newRow("FB forward balance") << u"FB"_s << Kind::ForwardBalance << true;
        QTest::newRow("WO overpayment recovery") << u"WO"_s << Kind::Recoupment << true;
        QTest::newRow("72 authorized return") << u"72"_s << Kind::AuthorizedReturn << false;
        QTest::newRow("CS adjustment") << u"CS"_s << Kind::Recoupment << true;
        QTest::newRow("J1 nonreimbursable") << u"J1"_s << Kind::Recoupment << true;
        QTest::newRow("LE levy") << u"LE"_s << Kind::Withholding << false;
        QTest::newRow("IR tax withholding") << u"IR"_s << Kind::Withholding << false;
        QTest::newRow("PI periodic interim payment") << u"PI"_s << Kind::Settlement << false;
        QTest::newRow("ZZ: not a PLB reason") << u"ZZ"_s << Kind::Unknown << true;
    }
    void eachProviderAdjustmentHasItsClass()
    {
        using Kind = posting::ProviderAdjustmentRule::Kind;
        QFETCH(QString, code);
        QFETCH(Kind, kind);
        QFETCH(bool, needsAction);
        const posting::ProviderAdjustmentRule rule = posting::providerAdjustmentRule(code);
        QCOMPARE(rule.kind, kind);
        QCOMPARE(rule.needsAction, needsAction);
    }

    void aLineIsJudgedByWhatExplainsItsShortPay_data()
    {
        QTest::addColumn<qint64>("paid");
        QTest::addColumn<QList<x12::Adjustment>>("adjustments");
        QTest::addColumn<qint64>("denied");
        QTest::addColumn<QString>("drivingReason");
        QTest::addColumn<qint64>("shortfall");
        QTest::addColumn<qint64>("excess");
        // Charge 150.00, contract allows 100.00; coinsurance 20.00.
        QTest::newRow("paid as contracted") << 8000LL << QList {cas(u"CO"_s, u"45"_s, 5000), cas(u"PR"_s, u"2"_s, 2000)}
                                            << 0LL << QString() << 0LL << 0LL;
        QTest::newRow("sequestration of 2% is not short")
            << 7840LL << QList {cas(u"CO"_s, u"45"_s, 5000), cas(u"PR"_s, u"2"_s, 2000), cas(u"CO"_s, u"253"_s, 160)}
            << 0LL << QString() << 0LL << 0LL;
        QTest::newRow("ten dollars short with no reason given")
            << 7000LL << QList {cas(u"CO"_s, u"45"_s, 6000), cas(u"PR"_s, u"2"_s, 2000)} << 0LL << QString() << 1000LL
            << 0LL;
        QTest::newRow("fifteen dollars over")
            << 9500LL << QList {cas(u"CO"_s, u"45"_s, 3500), cas(u"PR"_s, u"2"_s, 2000)} << 0LL << QString() << 0LL
            << 1500LL;
        QTest::newRow("a cent is rounding") << 7999LL << QList {cas(u"CO"_s, u"45"_s, 5001), cas(u"PR"_s, u"2"_s, 2000)}
                                            << 0LL << QString() << 0LL << 0LL;
        QTest::newRow("denied: the reason is the denial, not the write-down beside it")
            << 0LL << QList {cas(u"CO"_s, u"45"_s, 5000), cas(u"CO"_s, u"97"_s, 10000)} << 10000LL << u"97"_s << 0LL
            << 0LL;
        QTest::newRow("partly denied: the larger of two denial reasons drives")
            << 4000LL << QList {cas(u"CO"_s, u"45"_s, 2000), cas(u"CO"_s, u"16"_s, 3000), cas(u"CO"_s, u"151"_s, 6000)}
            << 9000LL << u"151"_s << 0LL << 0LL;
        QTest::newRow("a reversal's negated write-down judges nothing")
            << -8000LL << QList {cas(u"CO"_s, u"45"_s, -5000)} << 0LL << QString() << 0LL << 0LL;
    }
    void aLineIsJudgedByWhatExplainsItsShortPay()
    {
        QFETCH(qint64, paid);
        QFETCH(QList<x12::Adjustment>, adjustments);
        QFETCH(qint64, denied);
        QFETCH(QString, drivingReason);
        QFETCH(qint64, shortfall);
        QFETCH(qint64, excess);
        posting::PaymentFacts facts;
        facts.charge = Money::fromCents(15000);
        facts.paid = Money::fromCents(paid);
        facts.adjustments = adjustments;
        facts.contractAllowed = Money::fromCents(10000);
        facts.judgeAmount = paid > 0;
        const posting::Judgement judgement = posting::judge(facts);
        QCOMPARE(judgement.denied.cents(), denied);
        QCOMPARE(judgement.drivingDenial ? adjustments.at(*judgement.drivingDenial).reasonCode : QString(),
                 drivingReason);
        QCOMPARE(judgement.shortfall.cents(), shortfall);
        QCOMPARE(judgement.excess.cents(), excess);
    }

    void theRefundDeadlineFollowsThePayer()
    {
        const QDate identified(2026, 12, 1);
        QCOMPARE(posting::refundDeadline(models::PayerKind::Medicare, QString(), 30, identified).due,
                 QDate(2027, 1, 30)); // 60 days, whatever a contract says
        QCOMPARE(posting::refundDeadline(models::PayerKind::Medicaid, QString(), std::nullopt, identified).due,
                 QDate(2027, 1, 30));
        QCOMPARE(posting::refundDeadline(std::nullopt, u"MB"_s, std::nullopt, identified).due, QDate(2027, 1, 30));
        QCOMPARE(posting::refundDeadline(models::PayerKind::Commercial, u"CI"_s, 45, identified).due,
                 QDate(2027, 1, 15));
        QCOMPARE(posting::refundDeadline(models::PayerKind::MedicareAdvantage, u"16"_s, 30, identified).due,
                 QDate(2026, 12, 31)); // a Medicare Advantage plan's contract, not 42 CFR 401.305
    }

    void theEnvelopeGuardsRefuseWhatIsNotProductionRemittance()
    {
        x12::Remittance remittance;
        remittance.envelope.usageIndicator = u"P"_s;
        remittance.envelope.functionalId = u"HP"_s;
        remittance.envelope.version = u"005010X221A1"_s;
        remittance.implementationReference = u"005010X221A1"_s;
        remittance.payment.handlingCode = u"I"_s;
        remittance.payment.method = u"ACH"_s;
        QVERIFY(posting::checkEnvelope(remittance, posting::TestInterchanges::Refuse).isEmpty());

        const auto errorCodes = [](const x12::Remittance &each, posting::TestInterchanges tests) {
            QStringList codes;
            for (const x12::Defect &defect : posting::checkEnvelope(each, tests)) {
                if (defect.isError())
                    codes << defect.code;
            }
            return codes;
        };
        x12::Remittance test = remittance;
        test.envelope.usageIndicator = u"T"_s;
        QCOMPARE(errorCodes(test, posting::TestInterchanges::Refuse), QStringList {u"envelope.test-interchange"_s});
        QCOMPARE(errorCodes(test, posting::TestInterchanges::Accept), QStringList());
        x12::Remittance claims = remittance;
        claims.envelope.functionalId = u"HC"_s;
        QCOMPARE(errorCodes(claims, posting::TestInterchanges::Refuse), QStringList {u"envelope.functional-id"_s});
        x12::Remittance older = remittance;
        older.implementationReference.clear(); // ST03 omitted: GS08 decides
        QCOMPARE(errorCodes(older, posting::TestInterchanges::Refuse), QStringList());
        x12::Remittance disagreeing = remittance;
        disagreeing.implementationReference = u"005010X222A1"_s;
        QCOMPARE(errorCodes(disagreeing, posting::TestInterchanges::Refuse),
                 QStringList {u"envelope.implementation-reference"_s});
        x12::Remittance badMethod = remittance;
        badMethod.payment.method = u"WIRE"_s;
        badMethod.payment.handlingCode = u"Q"_s;
        QCOMPARE(errorCodes(badMethod, posting::TestInterchanges::Refuse),
                 (QStringList {u"payment.handling-code"_s, u"payment.method"_s}));
        x12::Remittance notification = remittance;
        notification.payment.handlingCode = u"H"_s;
        notification.payment.method = u"NON"_s;
        QCOMPARE(errorCodes(notification, posting::TestInterchanges::Refuse), QStringList());
        QVERIFY(!posting::movesMoney(notification.payment));
        notification.payment.amount = Money::fromCents(100);
        QCOMPARE(errorCodes(notification, posting::TestInterchanges::Refuse),
                 QStringList {u"payment.notification-with-money"_s});
    }
};

QTEST_GUILESS_MAIN(TestPostingTable)
#include "test_postingtable.moc"
