// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/posting/linejudgement.h"

namespace rcm::posting {

Judgement judge(const PaymentFacts &facts)
{
    Judgement judgement;
    Money drivingAmount;
    for (qsizetype index = 0; index < facts.adjustments.size(); ++index) {
        const x12::Adjustment &adjustment = facts.adjustments.at(index);
        if (adjustment.amount.cents() <= 0)
            continue;
        switch (meaningOf(adjustment)) {
        case AdjustmentMeaning::PatientShare:
            judgement.patientShare += adjustment.amount;
            break;
        case AdjustmentMeaning::PatientBalance:
            judgement.patientBalance += adjustment.amount;
            break;
        case AdjustmentMeaning::ContractualWriteDown:
            judgement.writeDown += adjustment.amount;
            break;
        case AdjustmentMeaning::LegitimateReduction:
            judgement.reductions += adjustment.amount;
            break;
        case AdjustmentMeaning::PriorPayer:
            judgement.priorPayer += adjustment.amount;
            break;
        case AdjustmentMeaning::Capitation:
            judgement.capitation += adjustment.amount;
            break;
        case AdjustmentMeaning::Correction:
            judgement.correction += adjustment.amount;
            break;
        case AdjustmentMeaning::Denial:
            judgement.denied += adjustment.amount;
            if (adjustment.amount > drivingAmount) {
                drivingAmount = adjustment.amount;
                judgement.drivingDenial = index;
            }
            break;
        }
    }
    if (!facts.judgeAmount || judgement.isDenial() || judgement.capitation.cents() > 0
        || judgement.correction.cents() > 0)
        return judgement;
    const std::optional<Money> allowed = facts.payerAllowed ? facts.payerAllowed : facts.contractAllowed;
    if (!allowed)
        return judgement;
    judgement.expectedFromPayer = facts.payerAllowed.has_value();
    judgement.expected = *allowed - judgement.patientShare - judgement.reductions - judgement.priorPayer;
    const Money difference = *judgement.expected - facts.paid;
    if (difference.cents() > 1)
        judgement.shortfall = difference;
    else if (difference.cents() < -1)
        judgement.excess = -difference;
    return judgement;
}

} // namespace rcm::posting
