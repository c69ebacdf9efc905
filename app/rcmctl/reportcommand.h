// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl report --list | NAME --format csv|xlsx|pdf --out FILE [...] | verify FILE
int runReport(const QStringList &arguments);

} // namespace rcm::cli
