// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "models/workitem.h"

namespace rcm::synthetic {

/// The claim behind a synthetic work item, derived from the item alone (its id seeds the
/// draws), so that the gateway's claim register and a generated 835 agree without sharing
/// state. The line charges add up to the item's billed amount.
models::Claim claimFor(const models::WorkItem &item);

} // namespace rcm::synthetic
