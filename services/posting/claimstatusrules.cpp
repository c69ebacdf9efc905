// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/posting/claimstatusrules.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::posting {

ClaimStatusRule claimStatusRule(const QString &statusCode, const QString &version)
{
    using Handling = ClaimStatusRule::Handling;
    bool numeric = false;
    const int code = statusCode.toInt(&numeric);
    if (!numeric)
        return {};
    switch (code) {
    case 1:
    case 2:
    case 3:
        return {Handling::Adjudicated, code, false};
    case 19:
    case 20:
    case 21:
        return {Handling::Adjudicated, code - 18, true};
    case 4:
        return {Handling::Denied, 0, false};
    case 22:
        return {Handling::Reversal, 0, false};
    case 23:
        return {Handling::NotOurClaim, 0, false};
    case 25:
        return {Handling::Predetermination, 0, false};
    case 5:
    case 10:
    case 13:
    case 15:
    case 16:
    case 17:
        // Dropped from the 5010 list; an older file may still send them.
        if (version.startsWith(u"004010"_s))
            return {Handling::Pending, 0, false};
        return {};
    default:
        return {};
    }
}

} // namespace rcm::posting
