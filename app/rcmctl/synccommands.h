// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl login: signs in and keeps the token in the keyring.
int runLogin(const QStringList &arguments);
/// rcmctl logout: ends the session on the gateway and forgets the keyring's token.
int runLogout(const QStringList &arguments);
/// rcmctl sync [--confirm-removals]: sends pending actions, then brings the cache up to date.
int runSync(const QStringList &arguments);
/// rcmctl status [--json]: the cache's sync state and outbox, without the network.
int runStatus(const QStringList &arguments);

} // namespace rcm::cli
