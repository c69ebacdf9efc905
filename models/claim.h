// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"
#include "models/wirename.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace rcm::models {

/// One billed service line of a claim, as the 837 sent it.
struct ClaimLine
{
    int lineNumber = 1;
    QString procedureCode; ///< CPT/HCPCS, e.g. "99213"
    QStringList modifiers;
    Money charge;
    Money allowed; ///< what the contract says the payer and patient together owe
    int units = 1;
    QDate serviceDate; ///< the service date, or the first day of a range
    QDate serviceDateTo; ///< the last day of a range; invalid for a single day
    QString lineControlNumber; ///< REF*6R: the provider's line item control number, echoed on the 835
    QString revenueCode; ///< institutional revenue code (SV201), echoed in SVC04

    bool operator==(const ClaimLine &) const = default;
};

/// Which claim form a claim was billed on: what its contract terms depend on.
enum class ClaimForm {
    Professional, ///< 837P / CMS-1500: fee schedules per procedure
    Institutional, ///< 837I / UB-04: DRG case rates, per diems, percent of charges
};

template<>
struct WireNamesOf<ClaimForm>
{
    static constexpr WireNames<ClaimForm, 2> table {{{
        {ClaimForm::Professional, QLatin1StringView("professional")},
        {ClaimForm::Institutional, QLatin1StringView("institutional")},
    }}};
};

/// A claim as billed: the numbers a payer echoes back on its remittance, and the lines
/// its payments are matched to.
struct Claim
{
    QString claimNumber; ///< the patient control number (CLP01)
    QString accountNumber;
    QString payerId; ///< the primary payer
    ClaimForm form = ClaimForm::Professional;
    QString facilityCode; ///< CLM05-1: place of service (837P) or type of bill (837I)
    QString frequencyCode; ///< CLM05-3 of the latest submission: 1 original, 7 replacement, 8 void
    bool voided = false; ///< a frequency-8 submission voided it: nothing should pay it
    QString drg; ///< 837I: the diagnosis related group, for DRG case rates
    QDate statementFrom; ///< 837I: the statement period, for per diems
    QDate statementTo;
    QString secondaryPayerId; ///< loop 2320's secondary coverage, when any
    QString tertiaryPayerId; ///< and tertiary
    QString payerClaimNumber; ///< the payer's own number (CLP07), once known
    QString workItemId; ///< the work item about this claim, if any
    QList<ClaimLine> lines;

    /// The payers that cover the claim, in order: primary, secondary, tertiary.
    QStringList coverage() const
    {
        QStringList payers {payerId};
        if (!secondaryPayerId.isEmpty())
            payers << secondaryPayerId;
        if (!tertiaryPayerId.isEmpty())
            payers << tertiaryPayerId;
        return payers;
    }
    Money charge() const
    {
        Money total;
        for (const ClaimLine &line : lines)
            total += line.charge;
        return total;
    }
    Money allowed() const
    {
        Money total;
        for (const ClaimLine &line : lines)
            total += line.allowed;
        return total;
    }
    bool operator==(const Claim &) const = default;
};

/// A payer's answer to a claim as posted from a remittance: a payment, a denial (paid
/// zero) or a reversal (CLP02 = 22, negative amounts).
struct PostedPayment
{
    QString traceNumber; ///< TRN02: the check or EFT the money came with
    QDate paymentDate;
    QString statusCode; ///< CLP02
    Money charge;
    Money paid;
    Money patientResponsibility;
    bool reversed = false; ///< a later reversal undid it

    bool operator==(const PostedPayment &) const = default;
};

} // namespace rcm::models
