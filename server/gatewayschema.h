// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/schema.h"

namespace rcm::server {

/// The gateway's own database: users and sessions, work items numbered by a change
/// sequence, the hash-chained audit log and the idempotency keys of applied actions.
const store::Schema &gatewaySchema();

} // namespace rcm::server
