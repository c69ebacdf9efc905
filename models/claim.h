// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"

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
    QDate serviceDate;

    bool operator==(const ClaimLine &) const = default;
};

/// A claim as billed: the numbers a payer echoes back on its remittance, and the lines
/// its payments are matched to.
struct Claim
{
    QString claimNumber; ///< the patient control number (CLP01)
    QString accountNumber;
    QString payerId;
    QString payerClaimNumber; ///< the payer's own number (CLP07), once known
    QString workItemId; ///< the work item about this claim, if any
    QList<ClaimLine> lines;

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
