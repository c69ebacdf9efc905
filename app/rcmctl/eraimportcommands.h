// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl era import FILE [--preview] [--json]: sends an 835 to the gateway, which matches
/// and posts it (or, with --preview, reports what it would do). Exit 4 when every
/// transaction was posted before.
int runEraImport(const QStringList &arguments);

/// rcmctl era release ID --note TEXT [--json]: posts a transaction the gateway held because
/// it was out of balance, accepting the difference (audited with the note).
int runEraRelease(const QStringList &arguments);

/// rcmctl era generate --out FILE [--seed N] [--as-of DATE] [--first N] [--transactions K]:
/// writes a balanced synthetic 835 paying the generator's items (for demos and tests).
int runEraGenerate(const QStringList &arguments);

} // namespace rcm::cli
