// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The claims behind the synthetic work items look like the claims a hospital and its
// clinics send: line identities, revenue codes, repeated visits and coordinated coverage.
#include "services/posting/contracts.h"
#include "services/synthetic/syntheticclaims.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::models;
using rcm::synthetic::claimFor;
using rcm::synthetic::SyntheticGenerator;

class TestSyntheticClaims final : public QObject
{
    Q_OBJECT

private:
    static constexpr int sampleSize = 20000;
    const QDate m_asOf {2026, 11, 27};
    const SyntheticGenerator m_generator {{7, m_asOf}};
    QList<WorkItem> m_items;
    QList<Claim> m_claims;

    PayerKind kindOf(const QString &payerId) const
    {
        return SyntheticGenerator::payerKindOf(payerId).value_or(PayerKind::SelfPay);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_items = m_generator.items(0, sampleSize);
        for (const WorkItem &item : std::as_const(m_items))
            m_claims.append(claimFor(item));
    }

    void theClaimIsTheItemsAloneAndAddsUpToItsCharge()
    {
        for (qsizetype index = 0; index < 200; ++index) {
            QCOMPARE(claimFor(m_items.at(index)), m_claims.at(index));
            QCOMPARE(m_claims.at(index).charge(), m_items.at(index).billed);
            QCOMPARE(m_claims.at(index).claimNumber, m_items.at(index).claimNumber);
        }
    }

    void theGeneratorsContractsPriceAClaimWithoutAllowedAmountsAsClaimForDoes()
    {
        // The demo's contracts, read as any contract file is: a claim loaded from an 837
        // (no allowed amounts) is then judged as the synthetic 835s assume.
        const rcm::posting::ContractFile contracts
            = rcm::posting::readContracts(rcm::synthetic::syntheticContracts(m_generator.payers()));
        QVERIFY2(contracts.isValid(), qPrintable(contracts.problems.value(0).message));
        QCOMPARE(contracts.terms.size(), m_generator.payers().size());
        int priced = 0;
        for (const Claim &claim : std::as_const(m_claims)) {
            Claim billed = claim;
            for (ClaimLine &line : billed.lines)
                line.allowed = Money();
            const rcm::posting::ExpectedAllowed expected = rcm::posting::expectedAllowed(billed, contracts.terms);
            for (qsizetype index = 0; index < claim.lines.size(); ++index) {
                if (!claim.lines.at(index).serviceDate.isValid())
                    continue;
                QCOMPARE(expected.lines.at(index), claim.lines.at(index).allowed);
                ++priced;
            }
        }
        QVERIFY(priced > sampleSize);
    }

    void everyLineHasAControlNumberOfItsOwnWithinTheClaim()
    {
        for (const Claim &claim : std::as_const(m_claims)) {
            QSet<QString> numbers;
            for (const ClaimLine &line : claim.lines) {
                QVERIFY(!line.lineControlNumber.isEmpty());
                QVERIFY(line.lineControlNumber.size() <= 50); // REF02's limit
                numbers.insert(line.lineControlNumber);
            }
            QCOMPARE(numbers.size(), claim.lines.size());
        }
    }

    void hospitalLinesCarryARevenueCodeAndClinicLinesNone()
    {
        int hospitalLines = 0;
        for (qsizetype index = 0; index < m_items.size(); ++index) {
            const bool hospital = SyntheticGenerator::isHospital(m_items.at(index).facilityId);
            for (const ClaimLine &line : m_claims.at(index).lines) {
                QCOMPARE(line.revenueCode.isEmpty(), !hospital);
                if (hospital) {
                    QCOMPARE(line.revenueCode.size(), qsizetype(4));
                    QVERIFY(line.revenueCode.startsWith(u'0'));
                    ++hospitalLines;
                }
            }
        }
        QVERIFY(hospitalLines > sampleSize / 2);
    }

    void someClaimsBillOneProcedureOnSeveralVisitDates()
    {
        int series = 0;
        int sameCodeSameDay = 0;
        for (qsizetype index = 0; index < m_items.size(); ++index) {
            const Claim &claim = m_claims.at(index);
            QSet<std::pair<QString, QDate>> codeAndDay;
            QSet<QString> codes;
            QSet<QDate> dates;
            for (const ClaimLine &line : claim.lines) {
                sameCodeSameDay += codeAndDay.contains({line.procedureCode, line.serviceDate});
                codeAndDay.insert({line.procedureCode, line.serviceDate});
                codes.insert(line.procedureCode);
                dates.insert(line.serviceDate);
                // Never a service after the data's "today".
                QVERIFY(line.serviceDate <= m_asOf);
                QVERIFY(line.serviceDate >= m_items.at(index).serviceFrom);
            }
            if (claim.lines.size() >= 2 && codes.size() == 1) {
                ++series;
                QCOMPARE(dates.size(), claim.lines.size());
                QVERIFY(claim.lines.constFirst().procedureCode == u"97110"_s
                        || claim.lines.constFirst().procedureCode == u"99213"_s);
            }
        }
        QCOMPARE(sameCodeSameDay, 0); // one line per procedure and day: a repeat is a unit, not a line
        QVERIFY2(series > sampleSize * 5 / 100 && series < sampleSize * 12 / 100, qPrintable(QString::number(series)));
    }

    void coverageIsCoordinatedAsPayersDo()
    {
        QSet<QString> payerIds;
        for (const Payer &payer : m_generator.payers())
            payerIds.insert(payer.id);
        int medicare = 0;
        int medicareWithSecondary = 0;
        int medicaidSecondaries = 0;
        int commercial = 0;
        int commercialWithSecondary = 0;
        int tertiaries = 0;
        for (const Claim &claim : std::as_const(m_claims)) {
            const PayerKind kind = kindOf(claim.payerId);
            if (!claim.secondaryPayerId.isEmpty()) {
                QVERIFY(payerIds.contains(claim.secondaryPayerId));
                QVERIFY(claim.secondaryPayerId != claim.payerId);
                QVERIFY(kindOf(claim.secondaryPayerId) != PayerKind::SelfPay);
            }
            if (!claim.tertiaryPayerId.isEmpty()) {
                QVERIFY(!claim.secondaryPayerId.isEmpty());
                QCOMPARE(kindOf(claim.tertiaryPayerId), PayerKind::Medicaid); // Medicaid pays last
                ++tertiaries;
            }
            QCOMPARE(claim.coverage().size(),
                     qsizetype(1 + !claim.secondaryPayerId.isEmpty() + !claim.tertiaryPayerId.isEmpty()));
            switch (kind) {
            case PayerKind::Medicare:
                ++medicare;
                medicareWithSecondary += !claim.secondaryPayerId.isEmpty();
                medicaidSecondaries += claim.secondaryPayerId == u"MCD"_s;
                break;
            case PayerKind::Commercial:
                ++commercial;
                commercialWithSecondary += !claim.secondaryPayerId.isEmpty();
                break;
            case PayerKind::Medicaid:
            case PayerKind::SelfPay:
                QVERIFY(claim.secondaryPayerId.isEmpty());
                break;
            case PayerKind::MedicareAdvantage:
                break;
            }
        }
        // Most Medicare claims have a supplement or Medicaid (dual eligibles); some
        // commercial claims a second plan; a few claims a third payer.
        QVERIFY(medicareWithSecondary > medicare * 6 / 10 && medicareWithSecondary < medicare * 8 / 10);
        QVERIFY(medicaidSecondaries > medicareWithSecondary / 4 && medicaidSecondaries < medicareWithSecondary / 2);
        QVERIFY(commercialWithSecondary > commercial / 10 && commercialWithSecondary < commercial / 5);
        QVERIFY(tertiaries > 50 && tertiaries < sampleSize / 50);
    }

    void theCoverageIsKnownWithoutMakingTheClaim()
    {
        for (qsizetype index = 0; index < 2000; ++index) {
            const rcm::synthetic::SyntheticCoverage coverage
                = rcm::synthetic::coverageFor(SyntheticGenerator::itemId(index), m_items.at(index).payerId);
            QCOMPARE(coverage.secondaryPayerId, m_claims.at(index).secondaryPayerId);
            QCOMPARE(coverage.tertiaryPayerId, m_claims.at(index).tertiaryPayerId);
            QCOMPARE(m_generator.payers().at(m_generator.payerIndexOf(index)).id, m_items.at(index).payerId);
        }
    }
};

QTEST_GUILESS_MAIN(TestSyntheticClaims)
#include "test_syntheticclaims.moc"
