// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "services/store/storeerror.h"

namespace rcm::synthetic {
class SyntheticGenerator;
}

namespace rcm::server {

class GatewayStore;

/// The demo's claims come in as a deployment's do: the synthetic items' claims are written
/// as an 837 file and taken through the claim intake (ClaimImporter), then the payers'
/// 277CA answers them through the acknowledgment intake: most accepted with the payer's
/// claim number, about one in a hundred rejected with a realistic status, each a work item
/// in the claim rejection queue. The files are spooled to owner-only temporary files.
store::StoreError loadDemoClaims(GatewayStore &store, const synthetic::SyntheticGenerator &generator, qint64 itemCount,
                                 const models::User &by);

} // namespace rcm::server
