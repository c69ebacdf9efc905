// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/remittance.h"

namespace rcm::x12 {

/// The 835 balancing rules, each failure explained in a cash poster's words:
/// - each service line: charge (SVC02) minus its adjustments = paid (SVC03);
/// - each claim: charge (CLP03) minus all its adjustments, claim and line level = paid (CLP04);
/// - each claim with lines: the line charges add up to CLP03, and the line payments less
///   the claim-level adjustments to CLP04;
/// - the transaction: the payment (BPR02) = the claim payments less the provider-level
///   adjustments (PLB).
/// Amounts that could not be read are not balanced (balance.not-checked, a warning).
QList<Defect> checkBalance(const Remittance &remittance);

/// True when checkBalance found no error.
bool isBalanced(const QList<Defect> &balanceDefects);

} // namespace rcm::x12
