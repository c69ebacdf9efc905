// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/posting/adjustmentrules.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::posting {

namespace {

using Meaning = AdjustmentMeaning;

struct CodeRule
{
    QStringView code;
    AdjustmentRule rule;
};

// Reasons that are not denials whatever provider-side group (CO, OA, PI) carries them.
// Sources: X12 code list 139 (CARC) and the 005010X221A1 TR3's group code notes; see
// docs/posting-rules.md for each row's example.
constexpr std::array providerSideRules = {
    CodeRule {u"45", {QLatin1StringView("contractual-write-down"), Meaning::ContractualWriteDown}},
    CodeRule {u"42", {QLatin1StringView("fee-schedule-maximum"), Meaning::ContractualWriteDown}},
    CodeRule {u"253", {QLatin1StringView("sequestration"), Meaning::LegitimateReduction}},
    CodeRule {u"237", {QLatin1StringView("legislated-adjustment"), Meaning::LegitimateReduction}},
    CodeRule {u"223", {QLatin1StringView("mandated-adjustment"), Meaning::LegitimateReduction}},
    CodeRule {u"59", {QLatin1StringView("multiple-procedure"), Meaning::LegitimateReduction}},
    CodeRule {u"104", {QLatin1StringView("managed-care-withhold"), Meaning::LegitimateReduction}},
    CodeRule {u"132", {QLatin1StringView("demonstration-project"), Meaning::LegitimateReduction}},
    CodeRule {u"23", {QLatin1StringView("prior-payer"), Meaning::PriorPayer}},
    CodeRule {u"24", {QLatin1StringView("capitation"), Meaning::Capitation}},
};

// The patient's share of the allowed amount; any other PR reason (PR-27 coverage ended,
// PR-204 not covered, PR-96 non-covered) is a denial the patient bears.
constexpr std::array patientRules = {
    CodeRule {u"1", {QLatin1StringView("deductible"), Meaning::PatientShare}},
    CodeRule {u"2", {QLatin1StringView("coinsurance"), Meaning::PatientShare}},
    CodeRule {u"3", {QLatin1StringView("copay"), Meaning::PatientShare}},
    CodeRule {u"66", {QLatin1StringView("blood-deductible"), Meaning::PatientShare}},
    CodeRule {u"45", {QLatin1StringView("patient-balance"), Meaning::PatientBalance}},
};

template<std::size_t N>
std::optional<AdjustmentRule> find(const std::array<CodeRule, N> &rules, QStringView code)
{
    for (const CodeRule &row : rules) {
        if (row.code == code)
            return row.rule;
    }
    return std::nullopt;
}

} // namespace

AdjustmentRule adjustmentRule(const x12::Adjustment &adjustment)
{
    const QStringView code = adjustment.reasonCode;
    switch (adjustment.group) {
    case x12::AdjustmentGroup::Correction:
        return {QLatin1StringView("correction"), Meaning::Correction};
    case x12::AdjustmentGroup::PatientResponsibility:
        return find(patientRules, code).value_or(AdjustmentRule {QLatin1StringView("patient-denial"), Meaning::Denial});
    case x12::AdjustmentGroup::Contractual:
    case x12::AdjustmentGroup::Other:
    case x12::AdjustmentGroup::PayerInitiated:
    case x12::AdjustmentGroup::Unknown:
        break;
    }
    return find(providerSideRules, code).value_or(AdjustmentRule {QLatin1StringView("denial"), Meaning::Denial});
}

} // namespace rcm::posting
