// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>

namespace rcm::x12 {

enum class Severity { Error, Warning };

/// A problem found in an X12 file: where it is (the segment's ordinal number in the file,
/// counting from 1, and its id), a stable code that scripts and the gateway can rely on,
/// and a sentence a cash poster understands. Errors mean the file cannot be trusted as
/// read; warnings mean it can, with something a person should look at.
struct Defect
{
    Severity severity = Severity::Error;
    QString code;
    qint64 segmentNumber = 0; ///< 0 when the defect concerns the whole file
    QString segmentId;
    QString message;

    bool isError() const { return severity == Severity::Error; }
    bool operator==(const Defect &) const = default;
};

/// The stable defect codes.
namespace defectcode {
// The file and its envelopes.
inline constexpr QLatin1StringView FileUnreadable("file.unreadable");
inline constexpr QLatin1StringView FileTruncated("file.truncated");
inline constexpr QLatin1StringView IsaMissing("isa.missing");
inline constexpr QLatin1StringView IsaMalformed("isa.malformed");
inline constexpr QLatin1StringView SegmentTooLong("segment.too-long");
inline constexpr QLatin1StringView SegmentTooManyElements("segment.too-many-elements");
inline constexpr QLatin1StringView SegmentOutsideEnvelope("envelope.unexpected-segment");
inline constexpr QLatin1StringView SeMissing("se.missing");
inline constexpr QLatin1StringView GeMissing("ge.missing");
inline constexpr QLatin1StringView IeaMissing("iea.missing");
inline constexpr QLatin1StringView SeCountMismatch("se.count-mismatch");
inline constexpr QLatin1StringView SeControlNumberMismatch("se.control-number-mismatch");
inline constexpr QLatin1StringView GeCountMismatch("ge.count-mismatch");
inline constexpr QLatin1StringView GeControlNumberMismatch("ge.control-number-mismatch");
inline constexpr QLatin1StringView IeaCountMismatch("iea.count-mismatch");
inline constexpr QLatin1StringView IeaControlNumberMismatch("iea.control-number-mismatch");
inline constexpr QLatin1StringView NotRemittance("transaction.not-835");
inline constexpr QLatin1StringView VersionUnknown("version.unknown");
inline constexpr QLatin1StringView NoRemittance("file.no-835");
inline constexpr QLatin1StringView NotClaim("transaction.not-837");
inline constexpr QLatin1StringView NoClaim("file.no-837");
inline constexpr QLatin1StringView NotAcknowledgment("transaction.not-acknowledgment");
inline constexpr QLatin1StringView NoAcknowledgment("file.no-acknowledgment");
/// A transaction set of the right kind written to another implementation guide (a 277
/// claim status response, 005010X212, where a 277CA claim acknowledgment is expected).
inline constexpr QLatin1StringView WrongGuide("transaction.wrong-guide");
// A transaction's content.
inline constexpr QLatin1StringView SegmentMissing("segment.missing");
inline constexpr QLatin1StringView SegmentUnexpected("segment.unexpected");
inline constexpr QLatin1StringView ElementMissing("element.missing");
inline constexpr QLatin1StringView AmountInvalid("amount.invalid");
inline constexpr QLatin1StringView NumberInvalid("number.invalid");
inline constexpr QLatin1StringView DateInvalid("date.invalid");
/// A code outside the values the element allows (an acknowledgment code, an HL level).
inline constexpr QLatin1StringView CodeInvalid("code.invalid");
// Balancing.
inline constexpr QLatin1StringView LineOutOfBalance("balance.line");
inline constexpr QLatin1StringView ClaimOutOfBalance("balance.claim");
inline constexpr QLatin1StringView ClaimChargeNotLines("balance.claim-charge");
inline constexpr QLatin1StringView ClaimPaidNotLines("balance.claim-paid");
inline constexpr QLatin1StringView TransactionOutOfBalance("balance.transaction");
inline constexpr QLatin1StringView BalanceNotChecked("balance.not-checked");
// Reason codes.
inline constexpr QLatin1StringView ReasonCodeUnknown("reason-code.unknown");
inline constexpr QLatin1StringView ReasonCodeExpired("reason-code.expired");
} // namespace defectcode

/// True when any defect in the list is an error.
inline bool hasErrors(const QList<Defect> &defects)
{
    for (const Defect &defect : defects) {
        if (defect.isError())
            return true;
    }
    return false;
}

} // namespace rcm::x12
