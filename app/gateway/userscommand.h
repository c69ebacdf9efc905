// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::gateway {

/// `rcm-gateway users add|passwd|deactivate|list|roles|break-glass ...`: user
/// administration on the gateway database itself, for the person who runs the gateway.
/// arguments are those after "users". Returns the exit code: 0 done, 1 failed, 2 usage.
int runUsersCommand(const QStringList &arguments);

} // namespace rcm::gateway
