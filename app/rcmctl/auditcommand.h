// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl audit verify [--database FILE | --data DIR] [--audit-key FILE] [--checkpoints FILE]:
/// checks the gateway's audit chain with its key and against its newest signed checkpoint.
int runAudit(const QStringList &arguments);

} // namespace rcm::cli
