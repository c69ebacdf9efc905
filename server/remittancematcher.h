// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "services/reference/reasoncodecatalogue.h"
#include "services/store/database.h"
#include "services/x12/remittancecheck.h"

#include <QJsonObject>

#include <optional>

namespace rcm::server {

class ClaimRegister;

/// Why part of a remittance cannot post cleanly; each becomes a work item.
enum class RemittanceExceptionKind {
    UnmatchedClaim, ///< no claim has this patient control number or payer claim number
    UnmatchedLine, ///< the claim has no line with this procedure and modifiers
    Underpaid, ///< paid below what the contract allows, after the patient's share
    DeniedLine, ///< zero paid on a billed line or claim: also raised as a denial
    Recoupment, ///< a provider-level adjustment (PLB) takes money back
    OutOfBalance, ///< the file's own amounts do not add up
    UnknownReasonCode, ///< a CARC or RARC not in the catalogue, or not in force
    UnpairedReversal, ///< a reversal (CLP02 = 22) of a payment never posted here
};

QString wireName(RemittanceExceptionKind kind);

/// One exception, with the claim it concerns and its explanation in a poster's words.
struct RemittanceException
{
    RemittanceExceptionKind kind = RemittanceExceptionKind::UnmatchedClaim;
    qint64 segmentNumber = 0;
    QString claimNumber; ///< the register's claim, or the control number as sent
    std::optional<models::Claim> claim; ///< when matched
    models::Money charge; ///< what was billed on the line or claim concerned
    models::Money amount; ///< the money at issue
    QString groupCode;
    QString reasonCode;
    QStringList remarkCodes;
    QString explanation;
    bool raisesDenial = false;
};

/// How one claim payment (CLP) was matched.
struct ClaimPosting
{
    enum class MatchedBy { ControlNumber, PayerClaimNumber, NotMatched };
    qsizetype claimIndex = 0; ///< in Remittance::claims
    MatchedBy matchedBy = MatchedBy::NotMatched;
    std::optional<models::Claim> claim;
    std::optional<qint64> reversesPayment; ///< claim_payments.id of the payment a reversal undoes
    std::optional<qsizetype> reversesClaimIndex; ///< or the claim in this same transaction
};

/// What the gateway does with one 835 transaction: the postings, the exceptions, whether
/// it was posted before, and every defect found in it.
struct RemittancePlan
{
    QString traceNumber;
    QString payerKey; ///< TRN03, else the payer's id or name: duplicates are per trace and payer
    bool duplicate = false;
    bool balanced = true;
    bool readable = true; ///< no reading errors: safe to post
    QList<x12::Defect> defects;
    QList<ClaimPosting> postings;
    QList<RemittanceException> exceptions;
};

/// Matches each claim payment of a remittance to the claim it pays (patient control
/// number, then payer claim number) and each line to its billed line (procedure and
/// modifiers, as restated in SVC06 when the payer changed them); pairs reversals with the
/// payments they undo; finds duplicates; and explains every exception.
class RemittanceMatcher final
{
public:
    RemittanceMatcher(store::Database &database, ClaimRegister &claims);

    /// The exception for a reversal of a payment never posted here.
    static RemittanceException unpairedReversal(const x12::ClaimPayment &reversal,
                                                const std::optional<models::Claim> &claim);

    /// The plan for one transaction, read and checked (x12::checkRemittance).
    RemittancePlan plan(const x12::CheckedRemittance &checked);

private:
    void matchClaim(const x12::Remittance &remittance, qsizetype index, RemittancePlan &plan);
    void matchLines(const x12::ClaimPayment &payment, const models::Claim &claim, RemittancePlan &plan);
    void pairReversal(const x12::Remittance &remittance, ClaimPosting &posting, RemittancePlan &plan);
    void traceRecoupments(const x12::Remittance &remittance, RemittancePlan &plan);

    store::Database &m_database;
    ClaimRegister &m_claims;
};

} // namespace rcm::server
