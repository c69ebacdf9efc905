// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/wirename.h"

#include <QString>

namespace rcm::models {

/// Integration is a service account for system-to-system calls (a clearinghouse or bank
/// posting 835 files): it sends files in and reads nothing of the work queue.
enum class Role { Biller, Coder, AuthorizationSpecialist, CashPoster, Supervisor, Finance, Integration };

/// A member of the revenue-cycle team.
struct User
{
    QString id;
    QString username;
    QString displayName;
    Role role = Role::Biller;
    bool active = true;

    bool operator==(const User &) const = default;
};

template<>
struct WireNamesOf<Role>
{
    static constexpr WireNames<Role, 7> table {{{
        {Role::Biller, QLatin1StringView("biller")},
        {Role::Coder, QLatin1StringView("coder")},
        {Role::AuthorizationSpecialist, QLatin1StringView("authorization_specialist")},
        {Role::CashPoster, QLatin1StringView("cash_poster")},
        {Role::Supervisor, QLatin1StringView("supervisor")},
        {Role::Finance, QLatin1StringView("finance")},
        {Role::Integration, QLatin1StringView("integration")},
    }}};
};

} // namespace rcm::models
