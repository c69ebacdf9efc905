// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace rcm::reference {

/// What a 277CA's claim status category does to the claim it is given for.
enum class ClaimStatusEffect {
    Rejects, ///< A3, A6, A7, A8: the claim was not entered for adjudication; correct and send again
    Accepts, ///< A2 (and A5, a split made on acceptance): the claim is in the payer's adjudication system
    AcknowledgesReceipt, ///< A0, A1: received or forwarded, neither accepted nor rejected yet
    Other, ///< anything else (A4 not found, pending, finalized, errors, unknown): for a person to read
};

/// The health care claim status codes a 277CA answers with, in plain words for a
/// biller: the category (A0..A8, E0..E4, F0..F4, P0..P5, R0..R16, D0, ...), the status
/// (code list 508, the ones clearinghouses and payers use on acknowledgments) and the
/// entity the status is about. Lookups of codes not listed return nothing, and
/// explanations name them as unknown with the code shown.
namespace claimstatus {

std::optional<QString> categoryText(const QString &category);
/// A short label for the category: "Rejected", "Accepted", "Received", "Pending", ...
QString categoryLabel(const QString &category);
std::optional<QString> statusText(const QString &status);
std::optional<QString> entityText(const QString &entity);

/// One sentence a biller understands, e.g. "Rejected (A3): missing or invalid
/// information (21) about the billing provider (85)." Unknown codes are named as unknown.
QString explain(const QString &category, const QString &status, const QString &entity);

/// The categories and status codes listed, for tests and lists.
QStringList categories();
QStringList statusCodes();

} // namespace claimstatus

ClaimStatusEffect claimStatusEffect(const QString &category);
/// claimstatus::explain, by the name the gateway calls it.
QString explainClaimStatus(const QString &category, const QString &status, const QString &entity);

} // namespace rcm::reference
