// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "models/payer.h"
#include "server/contractregister.h"
#include "services/posting/envelopeguards.h"
#include "services/posting/providerrules.h"
#include "services/reference/reasoncodecatalogue.h"
#include "services/store/database.h"
#include "services/x12/remittancecheck.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace rcm::server {

class ClaimRegister;

/// Why part of a remittance cannot post cleanly; each becomes a work item.
enum class RemittanceExceptionKind {
    UnmatchedClaim, ///< no claim has this patient control number or payer claim number
    UnmatchedLine, ///< the claim has no line with this procedure and modifiers
    Underpaid, ///< paid below what the payer's allowed amount (or the contract) leaves
    DeniedLine, ///< a line, some units or the whole claim denied: also raised as a denial
    Recoupment, ///< a provider-level adjustment (PLB) takes money back or needs explaining
    OutOfBalance, ///< the transaction's own amounts do not add up: held, nothing posted
    UnknownReasonCode, ///< a CARC or RARC not in the catalogue, or not in force
    UnpairedReversal, ///< a reversal (CLP02 = 22) of a payment never posted here
    Overpaid, ///< paid above what the contract and the patient's share allow, or paid twice
    PayerNotOnClaim, ///< the paying payer is not among the claim's coverage
    NotOurClaim, ///< CLP02 = 23: the payer says the claim is not theirs
    InterestMismatch, ///< PLB interest (L6) disagrees with the claims' AMT*I
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
    QDate dueDate; ///< when it must be done (a refund deadline); invalid: the usual week
};

/// A provider-level adjustment (PLB) as classified for storing, with the claim it names
/// and the exception it raises, if any.
struct ProviderAdjustmentPosting
{
    qsizetype index = 0; ///< in Remittance::providerAdjustments
    posting::ProviderAdjustmentRule rule;
    QString claimNumber; ///< the register's claim its reference names, if any
    std::optional<qsizetype> exceptionIndex; ///< in RemittancePlan::exceptions
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
    bool predetermination = false; ///< CLP02 = 25: recorded, no money moved
};

/// What the gateway does with one 835 transaction: the postings, the exceptions, whether
/// it was posted before, and every defect found in it.
struct RemittancePlan
{
    QString traceNumber;
    QString payerKey; ///< TRN03, else the payer's id or name: duplicates are per trace and payer
    bool duplicate = false;
    bool balanced = true;
    bool readable = true; ///< no reading or envelope errors: safe to post (or hold)
    std::optional<qint64> heldRemittanceId; ///< a held copy of this transaction that this one replaces
    models::Money difference; ///< BPR02 less what the claims and PLBs add up to
    QList<x12::Defect> defects;
    QList<ClaimPosting> postings;
    QList<ProviderAdjustmentPosting> providerAdjustments;
    QList<RemittanceException> exceptions;

    /// Out of balance but readable: nothing posts, one item says why, a person releases it.
    bool held() const { return readable && !balanced && !duplicate; }
};

/// What the matcher is allowed to accept.
struct MatchingPolicy
{
    posting::TestInterchanges testInterchanges = posting::TestInterchanges::Refuse;
    /// Plan a held transaction as if balanced: a person released it, accepting the difference.
    bool acceptImbalance = false;
    QDate today = QDate::currentDate(); ///< when an overpayment is identified
};

/// What the paying payer's kind and contract say, for refund deadlines.
struct PayerTerms
{
    std::optional<models::PayerKind> kind;
    std::optional<int> refundDays;
    QDate today;
};

/// Matches each claim payment of a remittance to the claim it pays (patient control
/// number, then payer claim number) and checks the payer covers it; matches each line to
/// its billed line (line item control number, then procedure, modifiers and date, then
/// revenue code, then order, through SVC06 when the payer restated it); judges each with
/// the posting rules (services/posting, docs/posting-rules.md); pairs reversals with the
/// payments they undo; classifies provider-level adjustments; finds duplicates; and
/// explains every exception.
class RemittanceMatcher final
{
public:
    RemittanceMatcher(store::Database &database, ClaimRegister &claims, MatchingPolicy policy = {});

    /// The exception for a reversal of a payment never posted here.
    static RemittanceException unpairedReversal(const x12::ClaimPayment &reversal,
                                                const std::optional<models::Claim> &claim);

    /// The plan for one transaction, read and checked (x12::checkRemittance).
    RemittancePlan plan(const x12::CheckedRemittance &checked);

private:
    void matchClaims(const x12::Remittance &remittance, RemittancePlan &plan);
    std::optional<models::Claim> findClaim(const x12::ClaimPayment &payment, ClaimPosting &posting);
    /// The claim's coverage payer (primary, secondary, tertiary) the remittance comes from,
    /// or nothing when the payer is not on the claim.
    static QString payingPayer(const x12::Remittance &remittance, const models::Claim &claim);
    void raisePayerNotOnClaim(const x12::Remittance &remittance, const x12::ClaimPayment &payment,
                              const models::Claim &claim, RemittancePlan &plan);
    void checkPaidTwice(const x12::Remittance &remittance, const x12::ClaimPayment &payment, const models::Claim &claim,
                        const PayerTerms &terms, RemittancePlan &plan);
    void pairReversal(const x12::Remittance &remittance, ClaimPosting &posting, RemittancePlan &plan);
    void classifyProviderAdjustments(const x12::Remittance &remittance, RemittancePlan &plan);
    PayerTerms payerTerms(const QString &payerId);

    store::Database &m_database;
    ClaimRegister &m_claims;
    ContractRegister m_contracts;
    MatchingPolicy m_policy;
    QHash<QString, PayerTerms> m_payerTerms;
};

/// The earlier payment a reversal undoes: same patient control number, payer claim number
/// (CLP07) and payer, not yet reversed, for the amount it takes back.
std::optional<qint64> originalOf(store::Database &database, const x12::ClaimPayment &reversal, const QString &payerKey);

/// An exception about a matched claim, with what they all carry.
RemittanceException claimException(RemittanceExceptionKind kind, qint64 segmentNumber, const models::Claim &claim,
                                   models::Money charge);

/// The ids a remittance names its payer by (N1*PR04, REF*2U, TRN03 with and without
/// its leading '1'), to find among a claim's coverage.
QStringList payerIdentifiers(const x12::Remittance &remittance);

} // namespace rcm::server
