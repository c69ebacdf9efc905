// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/remittancematcher.h"
#include "services/posting/claimstatusrules.h"
#include "services/posting/linejudgement.h"

namespace rcm::server {

/// Judges every payment of one claim in a transaction (several when the payer split the
/// claim) with the posting rules: matches each payer line to its billed line, raises one
/// denial naming every denied line or unit, underpayments per line and one credit
/// balance for what was paid above the contract.
class ClaimJudge final
{
public:
    ClaimJudge(const models::Claim &claim, PayerTerms terms, const x12::Remittance &remittance);

    void add(const x12::ClaimPayment &payment, const posting::ClaimStatusRule &rule);
    /// The exceptions, once every payment of the claim has been added.
    QList<RemittanceException> exceptions() const;

private:
    struct DeniedPart
    {
        qint64 segmentNumber = 0;
        QString what; ///< "line 3 (97110 on 2026-10-14)"
        models::Money charge;
        models::Money denied;
        x12::Adjustment reason;
        QStringList remarks;
    };
    struct WholeClaim
    {
        qint64 segmentNumber = 0;
        models::Money charge;
        models::Money paid;
        QList<x12::Adjustment> adjustments;
        QStringList remarks;
        int position = 0;
        QString filingIndicator;
    };

    void addLines(const x12::ClaimPayment &payment, int position);
    qsizetype matchLine(const x12::ServiceLine &line);
    void deny(const x12::ClaimPayment &payment);
    /// The claim adjudicated without lines, all its parts together.
    posting::PaymentFacts wholeFacts() const;
    RemittanceException exception(RemittanceExceptionKind kind, qint64 segmentNumber, models::Money charge) const;

    models::Claim m_claim;
    PayerTerms m_terms;
    const x12::Remittance &m_remittance;
    QList<bool> m_used;
    QList<DeniedPart> m_denied;
    QList<RemittanceException> m_lineExceptions;
    QStringList m_overpaidLines;
    models::Money m_overpaid;
    qint64 m_overpaidSegment = 0;
    QString m_filingIndicator;
    std::optional<WholeClaim> m_whole;
};

} // namespace rcm::server
