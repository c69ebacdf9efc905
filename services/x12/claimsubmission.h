// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"
#include "services/x12/defect.h"
#include "services/x12/envelope.h"
#include "services/x12/remittance.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcm::x12 {

/// Which implementation guide an 837 follows (GS08 / ST03).
enum class ClaimForm {
    Unknown,
    Professional, ///< 005010X222A1 (A2 erratum accepted): the CMS-1500's data
    Institutional, ///< 005010X223A2 (A3 accepted): the UB-04's data
};

/// A provider or payer named in an 837 (NM1 and its REF/PRV).
struct ClaimParty
{
    QString entityCode; ///< NM101: 85 billing, 82 rendering, 77 facility, 71 attending, PR payer, ...
    QString name; ///< organisation name, or "LAST, FIRST" for a person
    QString idQualifier; ///< NM108: XX (NPI), PI (payer id), 46, ...
    QString id; ///< NM109
    QString taxId; ///< REF*EI (billing provider)
    QString taxonomy; ///< PRV03

    QString npi() const { return idQualifier == u"XX" ? id : QString(); }
    bool operator==(const ClaimParty &) const = default;
};

/// Loop 2320/2330B: another payer on the claim (secondary, tertiary coverage).
struct OtherPayer
{
    QString responsibility; ///< SBR01: P primary, S secondary, T tertiary, A-H ...
    QString payerName; ///< 2330B NM103
    QString payerId; ///< 2330B NM109
    std::optional<Money> paid; ///< AMT*D: what that payer paid, when it did already

    bool operator==(const OtherPayer &) const = default;
};

/// Loop 2400: one billed service line.
struct BilledLine
{
    qint64 segmentNumber = 0; ///< the SV1/SV2 segment's ordinal number in the file
    int lineNumber = 0; ///< LX01
    ProcedureCode procedure; ///< SV101 (professional) or SV202 (institutional)
    QString revenueCode; ///< SV201 (institutional)
    Money charge; ///< SV102 / SV203
    std::optional<double> units; ///< SV104 / SV205
    QString unitBasis; ///< SV103 / SV204: UN units, MJ minutes, DA days
    QDate serviceFrom; ///< DTP*472 (D8, or the first day of RD8)
    QDate serviceTo; ///< the last day of an RD8 range; invalid for one day
    QString lineControlNumber; ///< REF*6R: echoed back on the 835's line
    QString renderingProviderNpi; ///< 2420A NM1*82, when the line names its own

    bool operator==(const BilledLine &) const = default;
};

/// Loop 2300: one claim, with what the loops above it (billing provider 2000A,
/// subscriber 2000B, patient 2000C) say about it. Identity is kept to what matching and
/// work need: no dates of birth, addresses or diagnoses.
struct BilledClaim
{
    qint64 segmentNumber = 0; ///< the CLM segment's ordinal number in the file
    QString patientControlNumber; ///< CLM01: the provider's claim id, echoed in the 835's CLP01
    Money charge; ///< CLM02
    QString facilityCode; ///< CLM05-1: place of service (837P) or type of bill facility (837I)
    QString facilityQualifier; ///< CLM05-2: B (place of service) or A (UB-04 bill type)
    QString frequencyCode; ///< CLM05-3: 1 original, 7 replacement, 8 void, ...
    QString originalReference; ///< REF*F8: the payer's claim control number of the claim this one corrects
    QString priorAuthorization; ///< REF*G1
    QString medicalRecordNumber; ///< REF*EA
    QDate statementFrom; ///< 837I DTP*434 (first day)
    QDate statementTo; ///< 837I DTP*434 (last day)
    QString drg; ///< 837I HI*DR: the diagnosis related group, for DRG case-rate contracts
    ClaimParty billingProvider; ///< 2010AA
    ClaimParty renderingProvider; ///< 2310B (837P) NM1*82, when named
    ClaimParty attendingProvider; ///< 2310A (837I) NM1*71, when named
    ClaimParty facility; ///< 2310C (837P) / 2310E (837I) NM1*77, when named
    ClaimParty payer; ///< 2010BB NM1*PR
    QString payerResponsibility; ///< 2000B SBR01: P, S, T, ...
    QString filingIndicator; ///< SBR09: MB, MC, CI, BL, ...
    QString subscriberId; ///< 2010BA NM109: the member id
    QString subscriberLastName; ///< 2010BA NM103
    QString subscriberFirstName; ///< 2010BA NM104
    QString patientLastName; ///< 2010CA NM103, else the subscriber's
    QString patientFirstName; ///< 2010CA NM104, else the subscriber's
    QString relationship; ///< 2000C PAT01 (or SBR02 = 18: self)
    QList<OtherPayer> otherPayers; ///< 2320: secondary and tertiary coverage, in the order sent
    QList<BilledLine> lines;
    AmountQuality amountQuality = AmountQuality::Complete;

    /// The first and last service dates of its lines (else the statement period).
    QDate firstServiceDate() const;
    QDate lastServiceDate() const;
    bool operator==(const BilledClaim &) const = default;
};

/// One 837 transaction (ST..SE) as read, with the defects found in it.
struct ClaimTransaction
{
    Envelope envelope;
    QString controlNumber; ///< ST02: what a 999 acknowledges (AK202)
    QString implementationReference; ///< ST03
    ClaimForm form = ClaimForm::Unknown;
    QString purpose; ///< BHT02: 00 original, 18 reissue
    QString batchReference; ///< BHT03: what a 277CA names the batch by (2200B TRN02)
    QDate created; ///< BHT04
    QString transactionType; ///< BHT06: CH chargeable, RP reporting (encounters)
    ClaimParty submitter; ///< 1000A NM1*41
    ClaimParty receiver; ///< 1000B NM1*40
    qint64 firstSegment = 0;
    qint64 lastSegment = 0;
    QList<BilledClaim> claims;
    QList<Defect> defects;

    bool operator==(const ClaimTransaction &) const = default;
};

} // namespace rcm::x12
