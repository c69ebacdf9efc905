// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reference/claimstatuscodes.h"
#include "services/x12/acknowledgment.h"

namespace rcm::x12 {

/// What a 277CA says about one claim (HL PT) once the levels above it are counted: a
/// rejection at the information receiver or billing provider level rejects every claim
/// beneath it, whatever the claim's own status says.
struct ClaimOutcome
{
    qsizetype entryIndex = -1; ///< the claim's entry in ClaimAcknowledgment::entries
    QString patientControlNumber; ///< its TRN02 (the 837's CLM01)
    reference::ClaimStatusEffect effect = reference::ClaimStatusEffect::Other;
    StatusCode deciding; ///< the status that decided it
    qsizetype decidingEntry = -1; ///< the entry that status is at: the claim or a level above

    bool operator==(const ClaimOutcome &) const = default;
};

/// One outcome per claim level, in the order sent. A claim's own statuses decide it
/// (a rejecting one first, then accepting, then receipt) unless a level above rejects.
/// A rejection at a level with no claim beneath (a whole batch refused at the receiver
/// level) gives no outcome: rejectingLevels() names it.
QList<ClaimOutcome> claimOutcomes(const ClaimAcknowledgment &acknowledgment);

/// The receiver and billing provider levels that reject (their indexes in entries).
QList<qsizetype> rejectingLevels(const ClaimAcknowledgment &acknowledgment);

} // namespace rcm::x12
