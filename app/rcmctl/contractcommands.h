// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl contracts import FILE.csv [--preview] [--json]: sends a payer contract file
/// (docs/contracts.md) to the gateway, which replaces the terms of each payer it names (or,
/// with --preview, says what it would replace). Exit 1 with every bad row listed when the
/// file cannot be loaded.
int runContracts(const QStringList &arguments);

} // namespace rcm::cli
