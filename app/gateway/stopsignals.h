// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace rcm::gateway {

/// Turns SIGTERM and SIGINT (systemctl stop, Ctrl+C) into QCoreApplication::quit() on the
/// event loop, so that the gateway stops as it would on its own: the answers being written
/// finish, and aboutToQuit's work (the audit chain's last checkpoint) is done. Call once,
/// after the application object exists.
void quitOnStopSignals();

} // namespace rcm::gateway
