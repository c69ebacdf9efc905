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

/// TA1: the receiver's answer to a whole interchange (ISA..IEA), sent before any group.
struct InterchangeAcknowledgment
{
    qint64 segmentNumber = 0;
    QString interchangeControlNumber; ///< TA101: the ISA13 acknowledged
    QDate interchangeDate; ///< TA102
    QString acknowledgmentCode; ///< TA104: A accepted, E accepted with errors, R rejected
    QString noteCode; ///< TA105: 000 no error, 001-031 what was wrong

    bool rejected() const { return acknowledgmentCode == u"R"; }
    bool operator==(const InterchangeAcknowledgment &) const = default;
};

/// 999 loop 2110 (IK4): one element in error in a segment in error.
struct ElementError
{
    int position = 0; ///< IK401-1: the element's position in the segment
    int component = 0; ///< IK401-2: the component's position in a composite; 0 when none
    QString reference; ///< IK402: the data element reference number
    QString code; ///< IK403: 1 missing, 7 invalid code value, 8 invalid date, ...

    bool operator==(const ElementError &) const = default;
};

/// 999 loop 2100 (IK3 with its CTX and IK4s): one segment in error.
struct SegmentError
{
    QString segmentId; ///< IK301
    qint64 position = 0; ///< IK302: the segment's position in the transaction set, ST = 1
    QString loopId; ///< IK303: 2300, 2400, ...
    QString code; ///< IK304: 3 required segment missing, 8 element errors, I4, ...
    QString claimReference; ///< CTX*CLM01: the patient control number of the claim it is in
    QList<ElementError> elements;

    bool operator==(const SegmentError &) const = default;
};

/// 999 loop 2000: the answer to one transaction set of the group acknowledged.
struct TransactionSetResponse
{
    qint64 segmentNumber = 0; ///< AK2's ordinal number
    QString transactionSetId; ///< AK201: 837
    QString controlNumber; ///< AK202: the ST02 acknowledged
    QString implementationReference; ///< AK203
    QString acknowledgmentCode; ///< IK501: A accepted, E accepted with errors, M, R rejected, W, X
    QStringList syntaxErrorCodes; ///< IK502..IK506
    QStringList segmentErrors; ///< each IK3 (with its IK4s and CTX) in words: "segment CLM at 23: ..."
    QStringList claimReferences; ///< CTX*CLM01: the patient control numbers the errors are in, in order
    QList<SegmentError> errors; ///< the IK3 loops as sent (segmentErrors says them in words)

    bool rejected() const
    {
        return acknowledgmentCode == u"R" || acknowledgmentCode == u"M" || acknowledgmentCode == u"W"
            || acknowledgmentCode == u"X";
    }
    bool operator==(const TransactionSetResponse &) const = default;
};

/// A 999 implementation acknowledgment (005010X231A1): the answer to one functional group.
struct FunctionalAcknowledgment
{
    QString controlNumber; ///< ST02 of the 999 itself
    QString functionalId; ///< AK101: HC for 837s
    QString groupControlNumber; ///< AK102: the GS06 acknowledged
    QString version; ///< AK103
    QList<TransactionSetResponse> transactions;
    QString groupAcknowledgmentCode; ///< AK901: A, E, M, P partially accepted, R, W, X
    int transactionsIncluded = 0; ///< AK902
    int transactionsReceived = 0; ///< AK903
    int transactionsAccepted = 0; ///< AK904
    QStringList groupErrorCodes; ///< AK905..AK909

    bool groupRejected() const
    {
        return groupAcknowledgmentCode == u"R" || groupAcknowledgmentCode == u"M" || groupAcknowledgmentCode == u"W"
            || groupAcknowledgmentCode == u"X";
    }
    bool operator==(const FunctionalAcknowledgment &) const = default;
};

/// One STC composite: a health care claim status category (A0..A8, ...), a status code
/// and the entity it concerns.
struct StatusCode
{
    QString category; ///< STC01-1 / STC10-1 / STC11-1: A1 received, A2 accepted, A3 rejected, ...
    QString status; ///< STC01-2: a claim status code (e.g. 21 missing or invalid information)
    QString entity; ///< STC01-3: an entity identifier code (e.g. 85 billing provider, IL subscriber)

    bool operator==(const StatusCode &) const = default;
};

/// One STC segment.
struct ClaimStatus277
{
    qint64 segmentNumber = 0;
    QList<StatusCode> codes; ///< STC01, then STC10 and STC11 when sent
    QDate effective; ///< STC02
    QString actionCode; ///< STC03: WQ accepted, U rejected (277CA)
    std::optional<models::Money> amount; ///< STC04
    QString message; ///< STC12: free text

    bool operator==(const ClaimStatus277 &) const = default;
};

/// Loop 2220D: the status of one service line of a claim (SVC with its STC, REF*FJ, DTP*472).
struct LineStatus
{
    qint64 segmentNumber = 0; ///< the SVC's ordinal number
    QString procedure; ///< SVC01 as "HC:99213:25" (qualifier, code, modifiers)
    QString revenueCode; ///< SVC04
    models::Money charge; ///< SVC02
    QString lineControlNumber; ///< REF*FJ: the 837's REF*6R
    QDate serviceFrom; ///< DTP*472
    QDate serviceTo; ///< the last day of an RD8 range; invalid for one day
    QList<ClaimStatus277> statuses;

    bool operator==(const LineStatus &) const = default;
};

/// Which level of a 277CA's hierarchy an entry is at.
enum class AcknowledgmentLevel {
    InformationSource, ///< HL 20: the payer or clearinghouse answering
    InformationReceiver, ///< HL 21 (loop 2200B): the submitter; TRN02 names the 837 batch (BHT03)
    BillingProvider, ///< HL 19 (loop 2200C)
    Claim, ///< HL PT (loop 2200D): one claim; TRN02 is its CLM01
};

/// One HL of a 277CA with the statuses given at it.
struct StatusEntry
{
    qint64 segmentNumber = 0; ///< the HL's ordinal number
    AcknowledgmentLevel level = AcknowledgmentLevel::InformationSource;
    QString hierarchicalId; ///< HL01
    QString parentId; ///< HL02
    QString entityCode; ///< NM101: PR or AY (source), 41 (receiver), 85 (billing provider), QC or IL (claim)
    QString name; ///< NM103 (an organisation; no patient name is kept)
    QString idQualifier; ///< NM108
    QString id; ///< NM109: payer id, submitter id, billing provider NPI
    QString trace; ///< TRN02: the batch (2200B) or the patient control number (2200D)
    QString payerClaimNumber; ///< REF*1K (2200D)
    QString billTypeOrFacility; ///< REF*BLT
    QString clearinghouseTrace; ///< REF*D9 (2200D)
    QDate serviceFrom; ///< DTP*472 (2200D)
    QDate serviceTo; ///< the last day of an RD8 range; invalid for one day
    std::optional<models::Money> charge; ///< STC04 at claim level
    QList<ClaimStatus277> statuses;
    QList<LineStatus> lines; ///< 2220D, claim level only

    bool operator==(const StatusEntry &) const = default;
};

/// A 277CA claim acknowledgment (005010X214) transaction.
struct ClaimAcknowledgment
{
    QString controlNumber; ///< ST02
    QString reference; ///< BHT03
    QDate created; ///< BHT04
    QList<StatusEntry> entries; ///< in the order sent (parents before children)

    bool operator==(const ClaimAcknowledgment &) const = default;
};

/// One acknowledgment read from a file: a TA1, a 999 or a 277CA, with its envelope and
/// the defects found in it.
struct Acknowledgment
{
    enum class Type { Interchange, Functional, ClaimStatus };
    Type type = Type::Interchange;
    Envelope envelope; ///< of the acknowledgment itself (its sender is who answers)
    qint64 firstSegment = 0;
    qint64 lastSegment = 0;
    InterchangeAcknowledgment interchange; ///< Type::Interchange
    FunctionalAcknowledgment functional; ///< Type::Functional
    ClaimAcknowledgment claimStatus; ///< Type::ClaimStatus
    QList<Defect> defects;

    bool operator==(const Acknowledgment &) const = default;
};

} // namespace rcm::x12
