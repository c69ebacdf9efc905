// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/server/testremittances.h"

#include "services/x12/remittancewriter.h"

#include <QBuffer>

using namespace Qt::Literals::StringLiterals;

namespace rcm::testing {

using models::Money;

x12::Adjustment adjustment(const QString &group, const QString &reason, Money amount)
{
    x12::Adjustment result;
    result.groupCode = group;
    result.reasonCode = reason;
    result.amount = amount;
    result.group = group == u"PR"_s
        ? x12::AdjustmentGroup::PatientResponsibility
        : (group == u"CO"_s ? x12::AdjustmentGroup::Contractual : x12::AdjustmentGroup::Other);
    return result;
}

x12::ClaimPayment paidAsContracted(const models::Claim &claim)
{
    x12::ClaimPayment payment;
    payment.patientControlNumber = claim.claimNumber;
    payment.payerClaimControlNumber = claim.payerClaimNumber;
    payment.statusCode = u"1"_s;
    payment.status = x12::ClaimStatus::Primary;
    payment.filingIndicator = u"12"_s;
    for (const models::ClaimLine &billed : claim.lines) {
        x12::ServiceLine line;
        line.procedure.qualifier = u"HC"_s;
        line.procedure.code = billed.procedureCode;
        line.procedure.modifiers = billed.modifiers;
        line.charge = billed.charge;
        line.paid = billed.allowed;
        if (billed.charge != billed.allowed)
            line.adjustments.append(adjustment(u"CO"_s, u"45"_s, billed.charge - billed.allowed));
        line.units = billed.units;
        payment.lines.append(line);
    }
    return payment;
}

x12::ClaimPayment reversalOf(x12::ClaimPayment payment)
{
    payment.statusCode = u"22"_s;
    payment.status = x12::ClaimStatus::Reversal;
    for (x12::ServiceLine &line : payment.lines) {
        line.charge = -line.charge;
        line.paid = -line.paid;
        for (x12::Adjustment &each : line.adjustments)
            each.amount = -each.amount;
    }
    return payment;
}

void settle(x12::Remittance &remittance)
{
    for (x12::ClaimPayment &claim : remittance.claims) {
        if (claim.lines.isEmpty())
            continue;
        Money charge;
        Money paid;
        for (const x12::ServiceLine &line : claim.lines) {
            charge += line.charge;
            paid += line.paid;
        }
        claim.charge = charge;
        claim.paid = paid - claim.adjustmentTotal() + [&] {
            Money lineAdjustments;
            for (const x12::ServiceLine &line : claim.lines)
                lineAdjustments += line.adjustmentTotal();
            return lineAdjustments;
        }();
        claim.patientResponsibility = Money();
    }
    remittance.payment.amount = remittance.claimPaymentTotal() - remittance.providerAdjustmentTotal();
}

x12::Remittance remittanceFor(QList<x12::ClaimPayment> claims, const QString &trace)
{
    x12::Remittance remittance;
    remittance.payer.name = u"BLUESTONE HEALTH PLAN"_s;
    remittance.payer.idQualifier = u"XV"_s;
    remittance.payer.id = u"BSH"_s; // the synthetic payers' Bluestone Health Plan
    remittance.payee.name = u"SYNTHETIC HOSPITAL"_s;
    remittance.payee.idQualifier = u"XX"_s;
    remittance.payee.id = u"1999999900"_s;
    remittance.payment.handlingCode = u"I"_s;
    remittance.payment.creditDebit = u"C"_s;
    remittance.payment.method = u"ACH"_s;
    remittance.payment.date = QDate(2026, 11, 20);
    remittance.payment.traceNumber = trace;
    remittance.payment.originatorId = u"1999999999"_s;
    remittance.claims = std::move(claims);
    settle(remittance);
    return remittance;
}

QByteArray fileOf(const QList<x12::Remittance> &transactions)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    x12::RemittanceWriter writer(&buffer, {});
    writer.writeInterchange(transactions);
    return buffer.data();
}

} // namespace rcm::testing
