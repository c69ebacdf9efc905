// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/remittance.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

ClaimStatus claimStatusFromCode(QStringView code)
{
    bool ok = false;
    const int value = code.toInt(&ok);
    return ok ? claimStatusFromNumber(value) : ClaimStatus::Unknown;
}

ClaimStatus claimStatusFromNumber(int value)
{
    switch (value) {
    case 1:
        return ClaimStatus::Primary;
    case 2:
        return ClaimStatus::Secondary;
    case 3:
        return ClaimStatus::Tertiary;
    case 4:
        return ClaimStatus::Denied;
    case 5:
        return ClaimStatus::Pended;
    case 10:
        return ClaimStatus::ReceivedNotInProcess;
    case 13:
    case 15:
    case 16:
    case 17:
        return ClaimStatus::Suspended;
    case 19:
        return ClaimStatus::ForwardedPrimary;
    case 20:
        return ClaimStatus::ForwardedSecondary;
    case 21:
        return ClaimStatus::ForwardedTertiary;
    case 22:
        return ClaimStatus::Reversal;
    case 23:
        return ClaimStatus::NotOurClaim;
    case 25:
        return ClaimStatus::Predetermination;
    default:
        return ClaimStatus::Unknown;
    }
}

Money ServiceLine::adjustmentTotal() const
{
    Money total;
    for (const Adjustment &adjustment : adjustments)
        total += adjustment.amount;
    return total;
}

Money ClaimPayment::adjustmentTotal() const
{
    Money total;
    for (const Adjustment &adjustment : adjustments)
        total += adjustment.amount;
    for (const ServiceLine &line : lines)
        total += line.adjustmentTotal();
    return total;
}

Money Remittance::claimPaymentTotal() const
{
    Money total;
    for (const ClaimPayment &claim : claims)
        total += claim.paid;
    return total;
}

Money Remittance::providerAdjustmentTotal() const
{
    Money total;
    for (const ProviderAdjustment &adjustment : providerAdjustments)
        total += adjustment.amount;
    return total;
}

} // namespace rcm::x12
