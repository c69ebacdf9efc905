// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl era check FILE... [--json]: reads X12 835 remittances and checks their
/// envelopes, balancing and reason codes without posting anything.
int runEra(const QStringList &arguments);

} // namespace rcm::cli
