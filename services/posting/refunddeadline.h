// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/payer.h"

#include <QDate>

#include <optional>

namespace rcm::posting {

/// When an overpayment identified on a day must be refunded, and why.
struct RefundDeadline
{
    QDate due;
    QString basis; ///< "60 days (42 CFR 401.305)", "45 days by contract", ...
};

/// Medicare and Medicaid: 60 days from identification (42 CFR 401.305; Medicaid under
/// the same statute, 42 U.S.C. 1320a-7k(d)); also when the 835's claim filing indicator
/// (CLP06: MA, MB, MC) says so. Other payers: the days their contract sets (a payer
/// setting), else 60 days until someone records the contract's term.
RefundDeadline refundDeadline(std::optional<models::PayerKind> payerKind, const QString &filingIndicator,
                              std::optional<int> contractDays, const QDate &identified);

} // namespace rcm::posting
