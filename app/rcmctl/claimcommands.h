// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl claims import FILE... [--preview] [--json]: sends 837 files to the gateway's
/// claim register, one after another. Exit 4 when a file was received before.
int runClaims(const QStringList &arguments);

/// rcmctl acks import FILE... [--preview] [--json]: sends TA1, 999 or 277CA files; each
/// rejection becomes a work item in the claim rejection queue.
int runAcks(const QStringList &arguments);

} // namespace rcm::cli
