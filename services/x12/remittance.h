// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"
#include "services/x12/defect.h"
#include "services/x12/envelope.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcm::x12 {

using models::Money;

/// CAS01: who bears an adjustment.
enum class AdjustmentGroup {
    Unknown,
    Contractual, ///< CO: the provider writes it off
    PatientResponsibility, ///< PR: bill the patient
    Other, ///< OA
    PayerInitiated, ///< PI
    Correction, ///< CR: correction or reversal (legacy; 5010 reverses with CLP02 = 22)
};

/// One (reason, amount, quantity) triplet of a CAS segment, with its group.
struct Adjustment
{
    AdjustmentGroup group = AdjustmentGroup::Unknown;
    QString groupCode; ///< CAS01 as sent: "CO", "PR", ...
    QString reasonCode; ///< a CARC, e.g. "45"
    Money amount; ///< positive reduces the payment
    std::optional<double> quantity;

    bool operator==(const Adjustment &) const = default;
};

/// A composite procedure code (SVC01 or SVC06): "HC:99213:25:59".
struct ProcedureCode
{
    QString qualifier; ///< HC (HCPCS/CPT), NU (revenue code), AD, ER, ...
    QString code;
    QStringList modifiers; ///< up to four
    QString description;

    bool isEmpty() const { return code.isEmpty() && qualifier.isEmpty(); }
    bool operator==(const ProcedureCode &) const = default;
};

/// Loop 2110: what the payer did with one service line.
struct ServiceLine
{
    qint64 segmentNumber = 0; ///< the SVC segment's ordinal number in the file
    ProcedureCode procedure; ///< SVC01 as adjudicated
    std::optional<ProcedureCode> originalProcedure; ///< SVC06: as billed, when the payer restated it
    Money charge; ///< SVC02
    Money paid; ///< SVC03
    QString revenueCode; ///< SVC04
    std::optional<double> units; ///< SVC05 (paid units)
    std::optional<double> originalUnits; ///< SVC07 (billed units)
    QDate serviceDate; ///< DTM*472
    QDate serviceFrom; ///< DTM*150
    QDate serviceTo; ///< DTM*151
    std::optional<Money> allowed; ///< AMT*B6
    QString lineControlNumber; ///< REF*6R: the provider's line item control number
    QList<Adjustment> adjustments;
    QStringList remarkCodes; ///< LQ*HE (RARC)

    Money adjustmentTotal() const;
    bool operator==(const ServiceLine &) const = default;
};

/// CLP02: what the payer did with the claim.
enum class ClaimStatus {
    Unknown,
    Primary, ///< 1
    Secondary, ///< 2
    Tertiary, ///< 3
    Denied, ///< 4
    Pended, ///< 5
    ReceivedNotInProcess, ///< 10
    Suspended, ///< 13, 15, 16, 17
    ForwardedPrimary, ///< 19: processed as primary, forwarded to another payer
    ForwardedSecondary, ///< 20
    ForwardedTertiary, ///< 21
    Reversal, ///< 22: reverses an earlier payment; amounts are negative
    NotOurClaim, ///< 23
    Predetermination, ///< 25
};

ClaimStatus claimStatusFromCode(QStringView code);
/// The status of CLP02 read as a number (claimStatusFromCode without the text).
ClaimStatus claimStatusFromNumber(int value);

/// Whether every amount of a claim or transaction could be read; balancing is checked
/// only where they could.
enum class AmountQuality { Complete, HasInvalidAmounts };

/// Loop 2100: one claim payment (or denial, or reversal).
struct ClaimPayment
{
    qint64 segmentNumber = 0; ///< the CLP segment's ordinal number in the file
    QString patientControlNumber; ///< CLP01: the provider's claim id
    QString statusCode; ///< CLP02 as sent
    ClaimStatus status = ClaimStatus::Unknown;
    Money charge; ///< CLP03
    Money paid; ///< CLP04
    std::optional<Money> patientResponsibility; ///< CLP05
    QString filingIndicator; ///< CLP06
    QString payerClaimControlNumber; ///< CLP07
    QString facilityCode; ///< CLP08
    QString frequencyCode; ///< CLP09
    QDate statementFrom; ///< DTM*232
    QDate statementTo; ///< DTM*233
    std::optional<Money> interest; ///< AMT*I: interest on the claim, informational (paid through PLB L6)
    std::optional<Money> coverageAmount; ///< AMT*AU: what the payer covered
    QString crossoverPayerName; ///< NM1*TT: the payer the claim was forwarded to (CLP02 19-21)
    QString crossoverPayerId; ///< NM1*TT09
    QString originalReference; ///< REF*F8: the payer's number for the claim this one corrects
    QList<Adjustment> adjustments; ///< claim-level CAS
    QStringList remarkCodes; ///< MOA/MIA remark codes (RARC)
    QList<ServiceLine> lines;
    AmountQuality amountQuality = AmountQuality::Complete;

    bool isReversal() const { return status == ClaimStatus::Reversal; }
    /// Claim-level adjustments plus every line's.
    Money adjustmentTotal() const;
    bool operator==(const ClaimPayment &) const = default;
};

/// PLB: money the payer adds to or takes back from the whole payment, not from one
/// claim. A positive amount takes money back (a recoupment); a negative one adds (interest).
struct ProviderAdjustment
{
    qint64 segmentNumber = 0;
    QString providerId; ///< PLB01
    QDate fiscalPeriodEnd; ///< PLB02
    QString reasonCode; ///< PLB03-1: WO overpayment recovery, FB forward balance, L6 interest, ...
    QString reference; ///< PLB03-2: often the payer claim number being recouped
    Money amount;

    bool operator==(const ProviderAdjustment &) const = default;
};

/// N1 loops: payer (PR) or payee (PE).
struct Party
{
    QString name; ///< N1*02
    QString idQualifier; ///< N1*03: XX (NPI), FI (TIN), XV, PI, ...
    QString id; ///< N1*04
    QString taxId; ///< payee REF*TJ, or N1*04 when qualified FI
    QString additionalId; ///< payer REF*2U / payee REF*PQ

    QString npi() const { return idQualifier == u"XX" ? id : QString(); }
    bool operator==(const Party &) const = default;
};

/// BPR and TRN: the money that moved, and the trace that ties it to the bank deposit.
struct Payment
{
    QString handlingCode; ///< BPR01: I remittance with payment, H notification only, ...
    Money amount; ///< BPR02, negative when BPR03 is D (a debit)
    QString creditDebit; ///< BPR03: C or D
    QString method; ///< BPR04: ACH, CHK, BOP, FWT, NON
    QDate date; ///< BPR16
    QString traceNumber; ///< TRN02: the check or EFT trace number
    QString originatorId; ///< TRN03: the payer's id

    bool operator==(const Payment &) const = default;
};

/// One 835 transaction (ST..SE) as read, with the defects found in it. Amounts are
/// exact; a claim whose amounts could not all be read says so (AmountQuality) instead
/// of inventing them.
struct Remittance
{
    Envelope envelope;
    QString controlNumber; ///< ST02
    QString implementationReference; ///< ST03 when sent: 005010X221A1
    qint64 firstSegment = 0; ///< ST's ordinal number in the file
    qint64 lastSegment = 0; ///< SE's (or the last read) ordinal number
    Payment payment;
    Party payer;
    Party payee;
    QList<ClaimPayment> claims;
    QList<ProviderAdjustment> providerAdjustments;
    AmountQuality amountQuality = AmountQuality::Complete; ///< of BPR02 and the PLB amounts
    QList<Defect> defects; ///< found while reading; balancing adds its own (checkBalance)

    Money claimPaymentTotal() const;
    Money providerAdjustmentTotal() const;
    bool operator==(const Remittance &) const = default;
};

} // namespace rcm::x12
