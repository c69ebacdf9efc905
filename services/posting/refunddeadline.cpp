// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/posting/refunddeadline.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::posting {

RefundDeadline refundDeadline(std::optional<models::PayerKind> payerKind, const QString &filingIndicator,
                              std::optional<int> contractDays, const QDate &identified)
{
    const bool federal = payerKind == models::PayerKind::Medicare || payerKind == models::PayerKind::Medicaid
        || filingIndicator == u"MA"_s || filingIndicator == u"MB"_s || filingIndicator == u"MC"_s;
    if (federal)
        return {identified.addDays(60), u"60 days from identification (42 CFR 401.305)"_s};
    if (contractDays && *contractDays > 0)
        return {identified.addDays(*contractDays), u"%1 days by the payer's contract"_s.arg(*contractDays)};
    return {identified.addDays(60), u"60 days: no contract term is recorded for this payer"_s};
}

} // namespace rcm::posting
