// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/balancing.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

namespace {

QString claimName(const ClaimPayment &claim)
{
    return claim.patientControlNumber.isEmpty() ? u"The claim at segment %1"_s.arg(claim.segmentNumber)
                                                : u"Claim %1"_s.arg(claim.patientControlNumber);
}

QString lineName(const ServiceLine &line, qsizetype index)
{
    const QString code = line.procedure.code.isEmpty() ? QString() : u" (%1)"_s.arg(line.procedure.code);
    return u"line %1%2"_s.arg(index + 1).arg(code);
}

void checkLines(const ClaimPayment &claim, QList<Defect> &defects)
{
    Money lineCharges;
    Money linePayments;
    for (qsizetype index = 0; index < claim.lines.size(); ++index) {
        const ServiceLine &line = claim.lines.at(index);
        lineCharges += line.charge;
        linePayments += line.paid;
        const Money adjustments = line.adjustmentTotal();
        const Money expected = line.charge - adjustments;
        if (expected != line.paid) {
            defects.append(
                {Severity::Error, defectcode::LineOutOfBalance, line.segmentNumber, u"SVC"_s,
                 u"%1, %2: the payer's paid amount %3 does not equal charge %4 minus adjustments %5 "
                 "(expected %6)."_s.arg(claimName(claim), lineName(line, index), line.paid.toString(),
                                        line.charge.toString(), adjustments.toString(), expected.toString())});
        }
    }
    if (lineCharges != claim.charge) {
        defects.append({Severity::Error, defectcode::ClaimChargeNotLines, claim.segmentNumber, u"CLP"_s,
                        u"%1: the service lines' charges add up to %2, not the claim's charge %3."_s.arg(
                            claimName(claim), lineCharges.toString(), claim.charge.toString())});
    }
    Money claimLevelAdjustments;
    for (const Adjustment &adjustment : claim.adjustments)
        claimLevelAdjustments += adjustment.amount;
    const Money expectedPaid = linePayments - claimLevelAdjustments;
    if (expectedPaid != claim.paid) {
        defects.append({Severity::Error, defectcode::ClaimPaidNotLines, claim.segmentNumber, u"CLP"_s,
                        u"%1: the service lines' payments %2 minus the claim-level adjustments %3 come to %4, not "
                        "the claim's paid amount %5."_s.arg(claimName(claim), linePayments.toString(),
                                                            claimLevelAdjustments.toString(), expectedPaid.toString(),
                                                            claim.paid.toString())});
    }
}

} // namespace

QList<Defect> checkBalance(const Remittance &remittance)
{
    QList<Defect> defects;
    bool allClaimsReadable = true;
    for (const ClaimPayment &claim : remittance.claims) {
        if (claim.amountQuality == AmountQuality::HasInvalidAmounts) {
            allClaimsReadable = false;
            defects.append({Severity::Warning, defectcode::BalanceNotChecked, claim.segmentNumber, u"CLP"_s,
                            u"%1 is not balanced: some of its amounts could not be read."_s.arg(claimName(claim))});
            continue;
        }
        const Money adjustments = claim.adjustmentTotal();
        const Money expected = claim.charge - adjustments;
        if (expected != claim.paid) {
            defects.append({Severity::Error, defectcode::ClaimOutOfBalance, claim.segmentNumber, u"CLP"_s,
                            u"%1: the payer's paid amount %2 does not equal charge %3 minus adjustments %4 "
                            "(expected %5)."_s.arg(claimName(claim), claim.paid.toString(), claim.charge.toString(),
                                                   adjustments.toString(), expected.toString())});
        }
        if (!claim.lines.isEmpty())
            checkLines(claim, defects);
    }
    if (remittance.amountQuality == AmountQuality::HasInvalidAmounts || !allClaimsReadable) {
        defects.append({Severity::Warning, defectcode::BalanceNotChecked, remittance.firstSegment, u"BPR"_s,
                        u"Transaction %1's total is not balanced: some of its amounts could not be read."_s.arg(
                            remittance.controlNumber)});
        return defects;
    }
    const Money claimPayments = remittance.claimPaymentTotal();
    const Money providerAdjustments = remittance.providerAdjustmentTotal();
    const Money expected = claimPayments - providerAdjustments;
    if (expected != remittance.payment.amount) {
        defects.append({Severity::Error, defectcode::TransactionOutOfBalance, remittance.firstSegment, u"BPR"_s,
                        u"Transaction %1: the payment %2 does not equal the claim payments %3 minus provider-level "
                        "adjustments %4 (expected %5)."_s.arg(
                            remittance.controlNumber, remittance.payment.amount.toString(), claimPayments.toString(),
                            providerAdjustments.toString(), expected.toString())});
    }
    return defects;
}

bool isBalanced(const QList<Defect> &balanceDefects)
{
    return !hasErrors(balanceDefects)
        && std::none_of(balanceDefects.begin(), balanceDefects.end(),
                        [](const Defect &defect) { return defect.code == defectcode::BalanceNotChecked; });
}

} // namespace rcm::x12
