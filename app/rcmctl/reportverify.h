// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl report verify FILE [--server URL --user NAME --password-stdin] [--json]: hashes
/// FILE and asks the gateway who exported it and when. Exits 0 when the gateway issued
/// the file, 1 when it never did (not its export, or edited since), 3 when the gateway
/// could not answer. arguments[0] is the program name as the command sees it ("rcmctl
/// report"); a leading "verify" is skipped, so "rcmctl report verify" may be passed whole.
int runReportVerify(const QStringList &arguments);

} // namespace rcm::cli
