// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/remittance.h"

namespace rcm::posting {

/// What CLP02 asks of the poster. The 5010 TR3 allows 1, 2, 3, 4, 19, 20, 21, 22, 23 and
/// 25; 4010 files may also send 5, 10, 13, 15, 16 and 17.
struct ClaimStatusRule
{
    enum class Handling {
        Adjudicated, ///< 1-3, 19-21: judge the payment (as primary, secondary or tertiary)
        Denied, ///< 4: the whole claim is denied
        Reversal, ///< 22: undoes an earlier payment; pairs with it
        NotOurClaim, ///< 23: the payer says it does not cover this claim
        Predetermination, ///< 25: an estimate before care, no money and no denial
        Pending, ///< 4010's pended, received and suspended claims: nothing to post yet
        Invalid, ///< not in the version's list: a defect, never a silent accept
    };
    Handling handling = Handling::Invalid;
    int coveragePosition = 0; ///< 1 primary, 2 secondary, 3 tertiary; 0 when not adjudicated
    bool forwarded = false; ///< 19-21: the payer forwarded the claim to the next payer (NM1*TT)
};

/// The rule for CLP02 as sent, read against the group's version (GS08).
ClaimStatusRule claimStatusRule(const QString &statusCode, const QString &version);

} // namespace rcm::posting
