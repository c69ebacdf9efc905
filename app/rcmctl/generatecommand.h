// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl generate --items N --seed S --out FILE [--as-of YYYY-MM-DD]
int runGenerate(const QStringList &arguments);

} // namespace rcm::cli
