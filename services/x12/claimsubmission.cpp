// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/claimsubmission.h"

namespace rcm::x12 {

QDate BilledClaim::firstServiceDate() const
{
    QDate first;
    for (const BilledLine &line : lines) {
        if (line.serviceFrom.isValid() && (!first.isValid() || line.serviceFrom < first))
            first = line.serviceFrom;
    }
    return first.isValid() ? first : statementFrom;
}

QDate BilledClaim::lastServiceDate() const
{
    QDate last;
    for (const BilledLine &line : lines) {
        const QDate end = line.serviceTo.isValid() ? line.serviceTo : line.serviceFrom;
        if (end.isValid() && (!last.isValid() || end > last))
            last = end;
    }
    return last.isValid() ? last : (statementTo.isValid() ? statementTo : statementFrom);
}

} // namespace rcm::x12
