// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "models/payer.h"
#include "models/workitem.h"

namespace rcm::synthetic {

/// The claim behind a synthetic work item, derived from the item alone (its id seeds the
/// draws), so that the gateway's claim register and a generated 835 agree without sharing
/// state. The line charges add up to the item's billed amount. Every line has a line item
/// control number (REF*6R) unique within the claim; lines billed by a hospital carry a
/// revenue code; some claims repeat one procedure on several visit dates; most Medicare
/// claims and some others have a secondary payer, a few a tertiary.
models::Claim claimFor(const models::WorkItem &item);

/// The secondary and tertiary payers (ids, empty when none) of the claim behind the item
/// with this id and primary payer: what claimFor puts in the claim, without making it.
struct SyntheticCoverage
{
    QString secondaryPayerId;
    QString tertiaryPayerId;
};
SyntheticCoverage coverageFor(QStringView itemId, QStringView payerId);

/// The share of charges (45 to 85 percent) a payer's synthetic contract allows: claimFor
/// puts each line's charge cents x this / 100 (truncated) in its allowed amount.
int contractPercentFor(QStringView payerId);

/// The generator's payers' contracts as a contract file (docs/contracts.md): one
/// percent_of_charges row per payer, effective from 2000-01-01 and open-ended, so that a
/// synthetic claim loaded without allowed amounts is judged as claimFor prices it.
QByteArray syntheticContracts(const QList<models::Payer> &payers);

} // namespace rcm::synthetic
