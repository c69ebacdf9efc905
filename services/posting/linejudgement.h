// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/posting/adjustmentrules.h"

namespace rcm::posting {

using models::Money;

/// What the payer did with one service line (or a claim adjudicated without lines), and
/// what it should have paid.
struct PaymentFacts
{
    Money charge;
    Money paid;
    QList<x12::Adjustment> adjustments;
    std::optional<Money> payerAllowed; ///< AMT*B6, the payer's own allowed amount
    std::optional<Money> contractAllowed; ///< the claim register's, from the contract
    /// Whether the payer adjudicated as primary, so that what it paid can be judged
    /// against an allowed amount; a secondary pays what the primary left.
    bool judgeAmount = false;
};

/// The adjustments sorted by meaning (positive amounts only), the denial's driving
/// reason, and the expected payment where it can be judged.
struct Judgement
{
    Money patientShare; ///< PR-1/2/3/66
    Money patientBalance; ///< PR-45
    Money writeDown; ///< CO-45, CO-42
    Money reductions; ///< sequestration, legislated, multiple procedure, withhold
    Money priorPayer; ///< OA-23, CO-23
    Money capitation; ///< CO-24
    Money correction; ///< CR
    Money denied; ///< every denial adjustment
    /// Index in PaymentFacts::adjustments of the denial adjustment carrying the most money:
    /// the reason to work, never the write-down beside it.
    std::optional<qsizetype> drivingDenial;
    std::optional<Money> expected; ///< what should have been paid, when judged
    bool expectedFromPayer = false; ///< from AMT*B6 rather than the contract
    Money shortfall; ///< expected - paid, when positive
    Money excess; ///< paid - expected, when positive

    bool isDenial() const { return denied.cents() > 0; }
    bool isUnderpaid() const { return shortfall.cents() > 0; }
    bool isOverpaid() const { return excess.cents() > 0; }
};

/// Judges one line or claim. Zero or short pay explained only by the patient's share,
/// the contract, legitimate reductions, a prior payer or capitation is not a denial;
/// any other adjustment is. Expected payment is the payer's allowed amount (else the
/// contract's) less the patient's share, the reductions and a prior payer's payment,
/// judged only for a primary payer's line without denial or capitation. A cent either
/// way is rounding, not money to chase.
Judgement judge(const PaymentFacts &facts);

} // namespace rcm::posting
