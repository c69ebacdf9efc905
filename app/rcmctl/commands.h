// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// Dispatches "rcmctl COMMAND ..." to the command; returns the process exit code.
int run(const QStringList &arguments);

} // namespace rcm::cli
