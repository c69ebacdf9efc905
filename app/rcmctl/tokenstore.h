// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace rcm::cli {

/// Bearer tokens in the system keyring (qtkeychain), one per server and user. Where no
/// keyring answers (a server, a container) the token is not stored at all.
namespace TokenStore {

/// Saves; returns an empty string, or why the keyring refused.
QString save(const QString &server, const QString &user, const QString &token);
QString load(const QString &server, const QString &user);
void remove(const QString &server, const QString &user);

} // namespace TokenStore

} // namespace rcm::cli
