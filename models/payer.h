// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/wirename.h"

#include <QString>

namespace rcm::models {

enum class PayerKind { Medicare, Medicaid, Commercial, MedicareAdvantage, SelfPay };

/// A payer with the deadlines its contracts impose.
struct Payer
{
    QString id;
    QString name;
    PayerKind kind = PayerKind::Commercial;
    int timelyFilingDays = 0; ///< days from the date of service to file a claim; 0 when none
    int appealDays = 0; ///< days from the denial to file an appeal; 0 when none

    bool operator==(const Payer &) const = default;
};

/// A place where services are rendered: a hospital or a specialty clinic.
struct Facility
{
    QString id;
    QString name;
    bool isHospital = false;

    bool operator==(const Facility &) const = default;
};

template<>
struct WireNamesOf<PayerKind>
{
    static constexpr WireNames<PayerKind, 5> table {{{
        {PayerKind::Medicare, QLatin1StringView("medicare")},
        {PayerKind::Medicaid, QLatin1StringView("medicaid")},
        {PayerKind::Commercial, QLatin1StringView("commercial")},
        {PayerKind::MedicareAdvantage, QLatin1StringView("medicare_advantage")},
        {PayerKind::SelfPay, QLatin1StringView("self_pay")},
    }}};
};

} // namespace rcm::models
