// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/remittance.h"

namespace rcm::posting {

/// What one CAS adjustment (group and CARC) means to a cash poster. The group says who
/// bears it (CO the provider by contract, PR the patient, OA neither, PI the provider by
/// the payer's own decision, CR a correction); the reason says why. Only Denial is work.
enum class AdjustmentMeaning {
    PatientShare, ///< inside the allowed amount: deductible, coinsurance, copay (PR-1/2/3, PR-66)
    PatientBalance, ///< above the allowed amount, billed to the patient (PR-45: out of network)
    ContractualWriteDown, ///< the charge above the contract's allowed amount (CO-45, CO-42)
    LegitimateReduction, ///< lawful cuts after the allowed amount: sequestration, legislated, multiple procedure
    PriorPayer, ///< already paid or adjusted by an earlier payer (OA-23, CO-23)
    Capitation, ///< covered by a capitation agreement, paid per member (CO-24)
    Correction, ///< CR: corrects an earlier adjudication (4010; 5010 reverses with CLP02 = 22)
    Denial, ///< anything else: someone must work it
};

/// One row of the adjustment rule table, for docs/posting-rules.md and reports.
struct AdjustmentRule
{
    QLatin1StringView id; ///< stable: "sequestration", "prior-payer", ...
    AdjustmentMeaning meaning = AdjustmentMeaning::Denial;
};

/// The rule a CAS adjustment falls under. Amounts of zero or less (a reversal's negated
/// adjustments) are judged by their code like any other; callers skip them where the
/// money matters.
AdjustmentRule adjustmentRule(const x12::Adjustment &adjustment);
inline AdjustmentMeaning meaningOf(const x12::Adjustment &adjustment)
{
    return adjustmentRule(adjustment).meaning;
}

} // namespace rcm::posting
