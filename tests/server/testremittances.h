// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// 835 remittances for the gateway's tests, built from the claims of its register and
// written with the project's X12 writer.

#include "models/claim.h"
#include "services/x12/remittance.h"

#include <QByteArray>

namespace rcm::testing {

/// One CAS adjustment of group (CO, PR, OA...) and reason code.
x12::Adjustment adjustment(const QString &group, const QString &reason, models::Money amount);
/// A claim payment that pays every line of claim exactly what the contract allows.
x12::ClaimPayment paidAsContracted(const models::Claim &claim);
/// The payer's reversal of a payment: status 22, every amount negated.
x12::ClaimPayment reversalOf(x12::ClaimPayment payment);
/// Recomputes the claim totals and the payment from the lines, so the file balances.
void settle(x12::Remittance &remittance);
/// A balanced transaction of BLUESTONE HEALTH PLAN (payer id BSH, as the synthetic payers
/// have it) paying claims under trace, dated 2026-11-20.
x12::Remittance remittanceFor(QList<x12::ClaimPayment> claims, const QString &trace);
/// The 835 interchange carrying transactions.
QByteArray fileOf(const QList<x12::Remittance> &transactions);

} // namespace rcm::testing
