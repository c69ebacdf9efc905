// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/remittance.h"

namespace rcm::posting {

/// Whether the gateway accepts test interchanges (ISA15 = T) as money: only a test
/// deployment that posts public sample files does.
enum class TestInterchanges { Refuse, Accept };

/// The guards an 835 must pass before any of it posts, beyond reading and balancing:
/// a production interchange (ISA15 = P, unless test interchanges are accepted), a
/// claim-payment group (GS01 = HP), a matching implementation guide (ST03 when sent,
/// else GS08), valid payment handling (BPR01) and method (BPR04), and no money on a
/// notification (BPR01 = H or BPR04 = NON). Errors stop the transaction from posting.
QList<x12::Defect> checkEnvelope(const x12::Remittance &remittance, TestInterchanges testInterchanges);

/// The usage guard for files that are not money (837 claims, acknowledgments): a test
/// interchange (ISA15 = T) is refused unless test interchanges are accepted, where it
/// is a warning; an ISA15 neither P nor T is an error. what names the file's content
/// ("claims", "acknowledgments") in the sentence.
QList<x12::Defect> checkUsage(const x12::Envelope &envelope, qint64 segment, TestInterchanges testInterchanges,
                              const QString &what);

/// Whether the payment moves money to the provider's account (H and NON do not).
bool movesMoney(const x12::Payment &payment);

/// Every CLP02 outside the version's list, as errors (claimStatusRule).
QList<x12::Defect> checkClaimStatuses(const x12::Remittance &remittance);

namespace defectcode {
inline constexpr QLatin1StringView TestInterchange("envelope.test-interchange");
inline constexpr QLatin1StringView FunctionalIdentifier("envelope.functional-id");
inline constexpr QLatin1StringView ImplementationReference("envelope.implementation-reference");
inline constexpr QLatin1StringView HandlingCode("payment.handling-code");
inline constexpr QLatin1StringView PaymentMethod("payment.method");
inline constexpr QLatin1StringView NotificationWithMoney("payment.notification-with-money");
inline constexpr QLatin1StringView ClaimStatusInvalid("claim.status-invalid");
} // namespace defectcode

} // namespace rcm::posting
