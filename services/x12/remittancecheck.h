// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reference/reasoncodecatalogue.h"
#include "services/x12/remittance.h"

class QIODevice;

namespace rcm::x12 {

/// One transaction with everything checked about it: as read, balanced, reason codes.
struct CheckedRemittance
{
    Remittance remittance;
    QList<Defect> balanceDefects; ///< checkBalance()
    QList<Defect> reasonCodeDefects; ///< checkReasonCodes()

    bool isBalanced() const;
    /// The reading, balancing and reason-code defects, in segment order.
    QList<Defect> defects() const;
};

/// A whole file read and checked without posting anything: what `rcmctl era check`
/// shows and what an import previews. Computed once, rendered as text or JSON by callers.
struct RemittanceCheck
{
    QList<CheckedRemittance> transactions;
    QList<Defect> fileDefects; ///< envelopes and the file itself

    /// Every defect of the file and its transactions, in segment order.
    QList<Defect> defects() const;
    bool hasErrors() const;
};

RemittanceCheck checkRemittances(QIODevice *device, const reference::ReasonCodeCatalogue &catalogue);
CheckedRemittance checkRemittance(Remittance remittance, const reference::ReasonCodeCatalogue &catalogue);

} // namespace rcm::x12
