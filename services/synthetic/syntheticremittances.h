// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "services/synthetic/syntheticgenerator.h"
#include "services/x12/remittance.h"

#include <optional>

namespace rcm::synthetic {

class DeterministicRandom;

/// 835 remittances for the synthetic claims (claimFor: the same lines the gateway's claim
/// register holds), shaped like real ones and balanced to the cent. Each transaction is
/// one payer's: it pays the claims of a block of items on which that payer is primary,
/// and, as a secondary, Medicare claims of the block before that Medicare crossed over to
/// it. Lines echo the claim's REF*6R, service dates and revenue codes. What it holds:
/// contractual and patient-responsibility adjustments, Medicare sequestration (CO-253),
/// crossovers (CLP02 19 with NM1*TT) and the secondary's payment of what the patient
/// owed (CLP02 2, OA-23), denials (CAS and remark codes from the item), a denied visit of
/// a repeated procedure, under- and overpaid lines, restated codes (SVC06), claims split
/// over two CLPs, claims paid twice, reversals (CLP02 22), interest (AMT*I with its PLB
/// L6), recoupments (PLB WO), some carried forward (FB).
/// Transaction n depends only on the seed, the as-of date and n, like the items themselves.
class SyntheticRemittances final
{
public:
    struct Options
    {
        quint64 seed = 1;
        QDate asOf = QDate(2026, 1, 2);
        int claimsPerTransaction = 40; ///< on average, over the payers (Medicare's are larger)
    };

    explicit SyntheticRemittances(Options options);

    /// Transaction index (zero-based): payer n % P (P payers, self-pay aside) for the block
    /// of items [b * k * P, (b + 1) * k * P), b = n / P, k = claimsPerTransaction.
    x12::Remittance transaction(qint64 index) const;

    /// The items transaction n pays as their primary payer: [first, first + count).
    std::pair<qint64, qint64> blockOf(qint64 transactionIndex) const;

private:
    /// The primary's answer to the item's claim: one claim payment, sometimes followed by
    /// its reversal or split over two.
    QList<x12::ClaimPayment> primaryPayments(const models::WorkItem &item, qint64 index) const;
    /// The primary payer's adjudication, line by line: the first draws of the item's stream,
    /// so that a secondary's payment can be worked out from the same numbers.
    x12::ClaimPayment adjudicated(const models::WorkItem &item, const models::Claim &billed,
                                  DeterministicRandom &random) const;
    /// A secondary's payment of a claim Medicare crossed over to it: the patient's share.
    std::optional<x12::ClaimPayment> secondaryPayment(const models::WorkItem &item, qint64 index,
                                                      const models::Payer &secondary) const;
    /// The payer claim number of a claim this payer paid before (for a recoupment).
    QString earlierClaimOf(qsizetype payerIndex, qint64 first, DeterministicRandom &random) const;
    const models::Payer *payerById(QStringView id) const;

    Options m_options;
    SyntheticGenerator m_generator;
    qsizetype m_medicare = 0; ///< Medicare's index in the generator's payers
};

} // namespace rcm::synthetic
