// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLatin1StringView>
#include <QStringView>

namespace rcm::posting {

/// What a provider-level adjustment (PLB03-1) is, and whether someone must act on it.
/// Every PLB is stored with its class; only those needing action raise a work item.
struct ProviderAdjustmentRule
{
    enum class Kind {
        Interest, ///< L6: interest paid, checked against the claims' AMT*I
        ForwardBalance, ///< FB: a balance carried between remittances; nets with its recoupment
        Recoupment, ///< WO, WU, RA, TL, OB, 50, 51, L3, J1, CS: money taken back or to be explained
        AuthorizedReturn, ///< 72: a refund the provider sent, acknowledged
        Withholding, ///< LE levy, IR tax, E3 and SL withholding: money owed to someone else
        Settlement, ///< periodic interim payments, settlements, passthroughs, capitation, bonuses
        Unknown, ///< not a PLB reason code of 5010
    };
    Kind kind = Kind::Unknown;
    QLatin1StringView name; ///< stable: "interest", "recoupment", ...
    bool needsAction = true;
};

ProviderAdjustmentRule providerAdjustmentRule(QStringView reasonCode);

} // namespace rcm::posting
