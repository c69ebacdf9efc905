// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/claimacknowledgmentoutcome.h"

#include <QHash>

namespace rcm::x12 {

namespace {

using reference::ClaimStatusEffect;

/// The status of an entry with the strongest effect: rejects, then accepts, then receipt.
std::optional<StatusCode> strongest(const StatusEntry &entry, ClaimStatusEffect *effect)
{
    for (const ClaimStatusEffect wanted :
         {ClaimStatusEffect::Rejects, ClaimStatusEffect::Accepts, ClaimStatusEffect::AcknowledgesReceipt}) {
        for (const ClaimStatus277 &status : entry.statuses) {
            for (const StatusCode &code : status.codes) {
                if (reference::claimStatusEffect(code.category) == wanted) {
                    *effect = wanted;
                    return code;
                }
            }
        }
    }
    *effect = ClaimStatusEffect::Other;
    if (!entry.statuses.isEmpty() && !entry.statuses.first().codes.isEmpty())
        return entry.statuses.first().codes.first();
    return std::nullopt;
}

bool rejects(const StatusEntry &entry)
{
    ClaimStatusEffect effect = ClaimStatusEffect::Other;
    strongest(entry, &effect);
    return effect == ClaimStatusEffect::Rejects;
}

} // namespace

QList<qsizetype> rejectingLevels(const ClaimAcknowledgment &acknowledgment)
{
    QList<qsizetype> levels;
    for (qsizetype index = 0; index < acknowledgment.entries.size(); ++index) {
        const StatusEntry &entry = acknowledgment.entries.at(index);
        if ((entry.level == AcknowledgmentLevel::InformationReceiver
             || entry.level == AcknowledgmentLevel::BillingProvider)
            && rejects(entry))
            levels.append(index);
    }
    return levels;
}

QList<ClaimOutcome> claimOutcomes(const ClaimAcknowledgment &acknowledgment)
{
    QHash<QString, qsizetype> byId;
    for (qsizetype index = 0; index < acknowledgment.entries.size(); ++index)
        byId.insert(acknowledgment.entries.at(index).hierarchicalId, index);
    QList<ClaimOutcome> outcomes;
    for (qsizetype index = 0; index < acknowledgment.entries.size(); ++index) {
        const StatusEntry &entry = acknowledgment.entries.at(index);
        if (entry.level != AcknowledgmentLevel::Claim)
            continue;
        ClaimOutcome outcome;
        outcome.entryIndex = index;
        outcome.patientControlNumber = entry.trace;
        // The highest rejecting level above decides; a loop in a broken hierarchy stops.
        QString parent = entry.parentId;
        for (int depth = 0; depth < 8 && byId.contains(parent); ++depth) {
            const qsizetype above = byId.value(parent);
            const StatusEntry &level = acknowledgment.entries.at(above);
            ClaimStatusEffect effect = ClaimStatusEffect::Other;
            const std::optional<StatusCode> code = strongest(level, &effect);
            if (effect == ClaimStatusEffect::Rejects) {
                outcome.effect = effect;
                outcome.deciding = *code;
                outcome.decidingEntry = above;
            }
            parent = level.parentId;
        }
        if (outcome.decidingEntry < 0) {
            ClaimStatusEffect effect = ClaimStatusEffect::Other;
            const std::optional<StatusCode> code = strongest(entry, &effect);
            outcome.effect = effect;
            outcome.deciding = code.value_or(StatusCode());
            outcome.decidingEntry = code ? index : -1;
        }
        outcomes.append(outcome);
    }
    return outcomes;
}

} // namespace rcm::x12
