// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The generated 835s carry what real remittances carry, on the claims the claim register
// holds: each shape is present, each is paid by a payer of the claim, and every line
// names a line of its claim.
#include "services/synthetic/syntheticclaims.h"
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/balancing.h"

#include <QHash>
#include <QSet>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;
using synthetic::SyntheticGenerator;
using synthetic::SyntheticRemittances;
using x12::Adjustment;
using x12::ClaimPayment;
using x12::ClaimStatus;
using x12::Remittance;
using x12::ServiceLine;

namespace {

Money sumOf(const QList<Adjustment> &adjustments, QStringView group, QStringView reason = {})
{
    Money total;
    for (const Adjustment &each : adjustments) {
        if (each.groupCode == group && (reason.isEmpty() || each.reasonCode == reason))
            total += each.amount;
    }
    return total;
}

bool has(const QList<Adjustment> &adjustments, QStringView group, QStringView reason)
{
    return std::any_of(adjustments.begin(), adjustments.end(),
                       [&](const Adjustment &each) { return each.groupCode == group && each.reasonCode == reason; });
}

} // namespace

class TestSyntheticRemittances final : public QObject
{
    Q_OBJECT

private:
    static constexpr int transactionCount = 84; // twelve blocks of the seven payers
    const QDate m_asOf {2026, 3, 31};
    const SyntheticRemittances m_remittances {{11, m_asOf, 40}};
    const SyntheticGenerator m_generator {{11, m_asOf}};
    QList<Remittance> m_transactions;
    QHash<QString, models::Claim> m_claims; ///< by claim number: what the register holds

    const models::Claim &claimOf(const ClaimPayment &payment) const
    {
        const auto found = m_claims.constFind(payment.patientControlNumber);
        if (found == m_claims.constEnd())
            qFatal("claim %s is none of the generator's", qPrintable(payment.patientControlNumber));
        return *found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (qint64 index = 0; index < transactionCount; ++index)
            m_transactions.append(m_remittances.transaction(index));
        const auto [first, size] = m_remittances.blockOf(transactionCount - 1);
        for (const models::WorkItem &item : m_generator.items(0, first + size))
            m_claims.insert(item.claimNumber, synthetic::claimFor(item));
    }

    void theSameSeedGivesTheSameTransactions()
    {
        const SyntheticRemittances again({11, m_asOf, 40});
        QCOMPARE(again.transaction(23), m_transactions.at(23));
        QVERIFY(SyntheticRemittances({12, m_asOf, 40}).transaction(23) != m_transactions.at(23));
    }

    void everyTransactionBalancesToTheCent()
    {
        for (const Remittance &remittance : std::as_const(m_transactions))
            QCOMPARE(x12::checkBalance(remittance), QList<x12::Defect>());
    }

    void aPayerPaysOnlyClaimsItCovers()
    {
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            for (const ClaimPayment &payment : remittance.claims) {
                const models::Claim &claim = claimOf(payment);
                if (payment.status == ClaimStatus::Secondary)
                    QCOMPARE(claim.secondaryPayerId, remittance.payer.id);
                else
                    QCOMPARE(claim.payerId, remittance.payer.id);
            }
        }
    }

    void everyLineNamesALineOfItsClaim()
    {
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            for (const ClaimPayment &payment : remittance.claims) {
                const models::Claim &claim = claimOf(payment);
                for (const ServiceLine &line : payment.lines) {
                    const auto billed = std::find_if(claim.lines.begin(), claim.lines.end(), [&](const auto &each) {
                        return each.lineControlNumber == line.lineControlNumber;
                    });
                    QVERIFY2(billed != claim.lines.end(), qPrintable(line.lineControlNumber));
                    const x12::ProcedureCode &asBilled = line.originalProcedure.value_or(line.procedure);
                    QCOMPARE(asBilled.code, billed->procedureCode);
                    QCOMPARE(line.serviceDate, billed->serviceDate);
                    QCOMPARE(line.revenueCode, billed->revenueCode);
                    QCOMPARE(line.charge.cents(),
                             payment.isReversal() ? -billed->charge.cents() : billed->charge.cents());
                }
            }
        }
    }

    void medicareLinesAreSequestered()
    {
        int sequestered = 0;
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            const bool medicare = remittance.payer.id == u"MCR"_s || remittance.payer.id == u"MCA"_s;
            for (const ClaimPayment &payment : remittance.claims) {
                if (payment.isReversal())
                    continue;
                for (const ServiceLine &line : payment.lines) {
                    const Money sequestration = sumOf(line.adjustments, u"CO", u"253");
                    if (!medicare || line.paid.cents() == 0) {
                        QCOMPARE(sequestration, Money());
                        continue;
                    }
                    // 2% of what the payer would pay: the allowed amount less the patient's share.
                    const Money base = *line.allowed - sumOf(line.adjustments, u"PR");
                    QCOMPARE(sequestration.cents(), base.cents() * 2 / 100);
                    sequestered += sequestration.cents() > 0;
                }
            }
        }
        QVERIFY(sequestered > 300);
    }

    void medicareCrossesClaimsOverAndTheSecondaryPaysThePatientsShare()
    {
        QHash<QString, ClaimPayment> crossedOver; // by claim number
        int crossovers = 0;
        int secondaries = 0;
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            for (const ClaimPayment &payment : remittance.claims) {
                const models::Claim &claim = claimOf(payment);
                if (payment.statusCode == u"19"_s) {
                    QCOMPARE(remittance.payer.id, u"MCR"_s);
                    QCOMPARE(payment.crossoverPayerId, claim.secondaryPayerId);
                    QVERIFY(!payment.crossoverPayerName.isEmpty());
                    crossedOver.insert(payment.patientControlNumber, payment);
                    ++crossovers;
                } else {
                    QVERIFY(payment.crossoverPayerId.isEmpty() || payment.isReversal());
                }
                if (payment.status != ClaimStatus::Secondary)
                    continue;
                ++secondaries;
                QCOMPARE(claim.payerId, u"MCR"_s);
                QVERIFY(payment.paid.cents() > 0); // not a denial
                const auto primary = crossedOver.constFind(payment.patientControlNumber);
                QVERIFY2(primary != crossedOver.constEnd(), "the secondary pays after Medicare crossed the claim over");
                Money owedByThePatient;
                for (const ServiceLine &line : primary->lines)
                    owedByThePatient += sumOf(line.adjustments, u"PR");
                QCOMPARE(payment.paid, owedByThePatient);
                for (qsizetype index = 0; index < payment.lines.size(); ++index) {
                    const ServiceLine &line = payment.lines.at(index);
                    const ServiceLine &medicare = primary->lines.at(index);
                    QCOMPARE(line.lineControlNumber, medicare.lineControlNumber);
                    if (medicare.paid.cents() > 0) { // Medicare's payment shown as the prior payer's
                        QCOMPARE(sumOf(line.adjustments, u"OA", u"23"),
                                 medicare.charge - sumOf(medicare.adjustments, u"CO", u"45")
                                     - sumOf(medicare.adjustments, u"PR"));
                    }
                }
            }
        }
        QVERIFY2(crossovers > 100, qPrintable(QString::number(crossovers)));
        QVERIFY2(secondaries > 50, qPrintable(QString::number(secondaries)));
    }

    void someClaimsAreSplitOverTwoClaimPayments()
    {
        int split = 0;
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            QHash<QString, QList<const ClaimPayment *>> byClaim;
            for (const ClaimPayment &payment : remittance.claims) {
                if (!payment.isReversal())
                    byClaim[payment.patientControlNumber].append(&payment);
            }
            for (const auto &[claimNumber, payments] : byClaim.asKeyValueRange()) {
                if (payments.size() < 2)
                    continue;
                ++split;
                // Each part answers its own lines: together, the claim's, once each.
                QSet<QString> lines;
                qsizetype lineCount = 0;
                for (const ClaimPayment *payment : payments) {
                    lineCount += payment->lines.size();
                    for (const ServiceLine &line : payment->lines)
                        lines.insert(line.lineControlNumber);
                }
                QCOMPARE(lines.size(), lineCount);
                QCOMPARE(lineCount, m_claims.value(claimNumber).lines.size());
            }
        }
        QVERIFY2(split > 10, qPrintable(QString::number(split)));
    }

    void lateClaimsEarnInterestPaidAtProviderLevel()
    {
        int withInterest = 0;
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            QHash<QString, Money> interest; // by payer claim number
            for (const ClaimPayment &payment : remittance.claims) {
                if (payment.interest) {
                    QVERIFY(payment.interest->cents() > 0);
                    QVERIFY(payment.statementTo.daysTo(remittance.payment.date) > 150);
                    interest[payment.payerClaimControlNumber] += *payment.interest;
                    ++withInterest;
                }
            }
            QHash<QString, Money> paid;
            for (const x12::ProviderAdjustment &adjustment : remittance.providerAdjustments) {
                if (adjustment.reasonCode == u"L6"_s)
                    paid[adjustment.reference] -= adjustment.amount;
            }
            QCOMPARE(paid, interest);
        }
        QVERIFY2(withInterest > 30, qPrintable(QString::number(withInterest)));
    }

    void someLinesAreOverpaidAndSomeClaimsPaidTwice()
    {
        int overpaid = 0;
        QHash<QString, QSet<QString>> paidIn; // claim number: the traces that paid it
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            for (const ClaimPayment &payment : remittance.claims) {
                if (payment.isReversal() || payment.status == ClaimStatus::Denied
                    || payment.status == ClaimStatus::Secondary)
                    continue;
                paidIn[payment.patientControlNumber].insert(remittance.payment.traceNumber);
                const models::Claim &claim = claimOf(payment);
                for (const ServiceLine &line : payment.lines) {
                    const auto billed = std::find_if(claim.lines.begin(), claim.lines.end(), [&](const auto &each) {
                        return each.lineControlNumber == line.lineControlNumber;
                    });
                    // More than the contract leaves the payer to pay.
                    const Money payerShare = line.paid + sumOf(line.adjustments, u"CO", u"253");
                    overpaid += line.paid.cents() > 0
                        && payerShare > billed->allowed - sumOf(line.adjustments, u"PR") + Money::fromCents(1);
                }
            }
        }
        int paidTwice = 0;
        for (const QSet<QString> &traces : std::as_const(paidIn))
            paidTwice += traces.size() > 1;
        QVERIFY2(overpaid > 20, qPrintable(QString::number(overpaid)));
        QVERIFY2(paidTwice > 3, qPrintable(QString::number(paidTwice)));
    }

    void aRepeatedProcedureHasOneVisitDeniedAndTheRestPaid()
    {
        int partlyDenied = 0;
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            for (const ClaimPayment &payment : remittance.claims) {
                if (payment.lines.size() < 2 || payment.status != ClaimStatus::Primary)
                    continue;
                QSet<QString> codes;
                QSet<QDate> dates;
                QSet<QString> controlNumbers;
                int denied = 0;
                for (const ServiceLine &line : payment.lines) {
                    codes.insert(line.originalProcedure.value_or(line.procedure).code);
                    dates.insert(line.serviceDate);
                    controlNumbers.insert(line.lineControlNumber);
                    if (has(line.adjustments, u"CO", u"151") || has(line.adjustments, u"CO", u"119")) {
                        ++denied;
                        QCOMPARE(line.paid, Money());
                        QVERIFY(line.remarkCodes == QStringList {u"N362"_s}
                                || line.remarkCodes == QStringList {u"N640"_s});
                    }
                }
                if (codes.size() != 1 || denied == 0)
                    continue;
                ++partlyDenied;
                QCOMPARE(denied, 1);
                QCOMPARE(dates.size(), payment.lines.size());
                QCOMPARE(controlNumbers.size(), payment.lines.size());
                QVERIFY(payment.paid.cents() > 0);
            }
        }
        QVERIFY2(partlyDenied > 10, qPrintable(QString::number(partlyDenied)));
    }

    void aDenialKeepsItsReasonAndContractualAdjustmentsStayOnPaidLines()
    {
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            for (const ClaimPayment &payment : remittance.claims) {
                for (const ServiceLine &line : payment.lines) {
                    if (line.paid.cents() != 0 || line.charge.cents() == 0)
                        continue;
                    QVERIFY(!has(line.adjustments, u"CO", u"45"));
                    QVERIFY(!line.adjustments.isEmpty());
                }
            }
        }
    }

    void aForwardBalanceCarriesPartOfARecoupmentForward()
    {
        int forwarded = 0;
        int recoupments = 0;
        for (const Remittance &remittance : std::as_const(m_transactions)) {
            QHash<QString, Money> recouped;
            for (const x12::ProviderAdjustment &adjustment : remittance.providerAdjustments) {
                if (adjustment.reasonCode == u"WO"_s) {
                    QVERIFY(!adjustment.reference.isEmpty());
                    recouped.insert(adjustment.reference, adjustment.amount);
                    ++recoupments;
                }
            }
            for (const x12::ProviderAdjustment &adjustment : remittance.providerAdjustments) {
                if (adjustment.reasonCode != u"FB"_s)
                    continue;
                ++forwarded;
                QVERIFY(recouped.contains(adjustment.reference));
                QVERIFY(adjustment.amount.isNegative());
                QVERIFY(-adjustment.amount < recouped.value(adjustment.reference));
            }
            QVERIFY(!remittance.payment.amount.isNegative());
        }
        QVERIFY2(forwarded > 2, qPrintable(QString::number(forwarded)));
        QVERIFY(recoupments > 10);
    }
};

QTEST_GUILESS_MAIN(TestSyntheticRemittances)
#include "test_syntheticremittances.moc"
