// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/security/passwordhasher.h"

namespace rcm::server {

/// The gateway hashes its accounts' passwords with the one hasher the workbench's offline
/// unlock also uses.
namespace PasswordHasher = security::PasswordHasher;

} // namespace rcm::server
