// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/synthetic/syntheticgenerator.h"
#include "services/x12/remittance.h"

namespace rcm::synthetic {

/// 835 remittances for the synthetic claims (claimFor: the same lines the gateway's claim
/// register holds): each transaction pays a run of the generator's items for one payer,
/// balanced to the cent, with contractual and patient-responsibility adjustments, denials
/// (paid zero, CAS and remark codes from the item), some restated codes (SVC06), a few
/// reversals (CLP02 = 22) and some provider-level adjustments (recoupments and interest).
/// Transaction n depends only on the seed, the as-of date and n, like the items themselves.
class SyntheticRemittances final
{
public:
    struct Options
    {
        quint64 seed = 1;
        QDate asOf = QDate(2026, 1, 2);
        int claimsPerTransaction = 40;
    };

    explicit SyntheticRemittances(Options options);

    /// Transaction index (zero-based): claims for items [index * k, index * k + k).
    x12::Remittance transaction(qint64 index) const;

private:
    /// The item's claim paid line by line (and, now and then, reversed right after).
    QList<x12::ClaimPayment> paymentsFor(const models::WorkItem &item, quint64 stream) const;

    Options m_options;
    SyntheticGenerator m_generator;
};

} // namespace rcm::synthetic
