// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/synthetic/syntheticremittances.h"

#include "services/synthetic/deterministicrandom.h"
#include "services/synthetic/syntheticclaims.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::synthetic {

namespace {

using models::Money;
using x12::Adjustment;
using x12::AdjustmentGroup;
using x12::ClaimPayment;
using x12::ClaimStatus;
using x12::Payment;
using x12::ProviderAdjustment;
using x12::Remittance;
using x12::ServiceLine;

constexpr std::array<const char16_t *, 10> procedureCodes = {
    u"99213", u"99214", u"99215", u"93000", u"71046", u"80053", u"36415", u"97110", u"20610", u"73030",
};

Money percentOf(Money amount, int percent)
{
    return Money::fromCents(amount.cents() * percent / 100);
}

Adjustment adjustment(const QString &group, const QString &reason, Money amount)
{
    Adjustment result;
    result.groupCode = group;
    result.reasonCode = reason;
    result.amount = amount;
    if (group == u"CO"_s)
        result.group = AdjustmentGroup::Contractual;
    else if (group == u"PR"_s)
        result.group = AdjustmentGroup::PatientResponsibility;
    else if (group == u"OA"_s)
        result.group = AdjustmentGroup::Other;
    else if (group == u"PI"_s)
        result.group = AdjustmentGroup::PayerInitiated;
    return result;
}

/// Negates every amount: a reversal takes back what an earlier claim payment paid.
void reverse(ClaimPayment &claim)
{
    claim.statusCode = u"22"_s;
    claim.status = ClaimStatus::Reversal;
    claim.charge = -claim.charge;
    claim.paid = -claim.paid;
    if (claim.patientResponsibility)
        claim.patientResponsibility = -*claim.patientResponsibility;
    for (Adjustment &adjustment : claim.adjustments)
        adjustment.amount = -adjustment.amount;
    for (ServiceLine &line : claim.lines) {
        line.charge = -line.charge;
        line.paid = -line.paid;
        if (line.allowed)
            line.allowed = -*line.allowed;
        for (Adjustment &adjustment : line.adjustments)
            adjustment.amount = -adjustment.amount;
    }
}

} // namespace

SyntheticRemittances::SyntheticRemittances(Options options)
    : m_options(options)
    , m_generator({options.seed, options.asOf})
{ }

QList<x12::ClaimPayment> SyntheticRemittances::paymentsFor(const models::WorkItem &item, quint64 stream) const
{
    DeterministicRandom random = DeterministicRandom::forStream(m_options.seed ^ 0x835835ULL, stream);
    // The claim as billed (the same one the gateway's claim register holds), line by line.
    const models::Claim billed = claimFor(item);
    ClaimPayment claim;
    claim.patientControlNumber = item.claimNumber;
    claim.charge = item.billed;
    claim.filingIndicator = u"12"_s;
    claim.payerClaimControlNumber = billed.payerClaimNumber;
    claim.facilityCode = u"11"_s;
    claim.frequencyCode = u"1"_s;
    claim.statementFrom = item.serviceFrom;
    claim.statementTo = item.serviceTo;
    const bool denied = item.queue == models::Queue::Denial && !item.carc.isEmpty();
    claim.statusCode = denied ? u"4"_s : u"1"_s;
    claim.status = denied ? ClaimStatus::Denied : ClaimStatus::Primary;

    Money patientTotal;
    for (const models::ClaimLine &billedLine : billed.lines) {
        ServiceLine line;
        line.charge = billedLine.charge;
        line.procedure.qualifier = u"HC"_s;
        line.procedure.code = billedLine.procedureCode;
        line.procedure.modifiers = billedLine.modifiers;
        line.units = billedLine.units;
        line.serviceDate = billedLine.serviceDate;
        line.lineControlNumber = u"%1-%2"_s.arg(item.claimNumber).arg(billedLine.lineNumber);
        if (denied) {
            line.adjustments.append(adjustment(item.groupCode, item.carc, line.charge));
            line.remarkCodes = item.rarcs;
            if (item.groupCode == u"PR"_s)
                patientTotal += line.charge;
        } else {
            // Paid as the contract allows; now and then below it (an underpayment to chase).
            Money contractual = line.charge - billedLine.allowed;
            if (random.chance(0.03))
                contractual += percentOf(billedLine.allowed, random.between(5, 20));
            if (contractual.cents() != 0)
                line.adjustments.append(adjustment(u"CO"_s, u"45"_s, contractual));
            line.allowed = billedLine.allowed;
            if (random.chance(0.4)) {
                const Money coinsurance = percentOf(billedLine.allowed, 20);
                line.adjustments.append(adjustment(u"PR"_s, random.chance(0.5) ? u"2"_s : u"1"_s, coinsurance));
                patientTotal += coinsurance;
            }
            if (random.chance(0.05)) { // the payer paid a lower-level code than billed
                line.originalProcedure = line.procedure;
                line.procedure.code = u"99212"_s;
                line.procedure.modifiers.clear();
            }
        }
        line.paid = line.charge - line.adjustmentTotal();
        claim.lines.append(line);
    }
    Money linePayments;
    for (const ServiceLine &line : claim.lines)
        linePayments += line.paid;
    claim.paid = linePayments;
    if (!denied && random.chance(0.1)) { // sequestration, taken at claim level
        const Money sequestration = percentOf(linePayments, 2);
        claim.adjustments.append(adjustment(u"CO"_s, u"253"_s, sequestration));
        claim.paid -= sequestration;
    }
    claim.patientResponsibility = patientTotal;
    if (denied && !item.rarcs.isEmpty())
        claim.remarkCodes = item.rarcs;
    if (!denied && random.chance(0.02)) {
        // Paid, then reversed in the same remittance (the payer takes it back to reprocess).
        ClaimPayment reversal = claim;
        reverse(reversal);
        return {claim, reversal};
    }
    return {claim};
}

x12::Remittance SyntheticRemittances::transaction(qint64 index) const
{
    DeterministicRandom random = DeterministicRandom::forStream(m_options.seed ^ 0x7A7A7AULL, quint64(index));
    Remittance remittance;
    remittance.controlNumber = QString::number(index + 1).rightJustified(4, u'0');
    const QList<models::Payer> &payers = m_generator.payers();
    const models::Payer &payer = payers.at(index % (payers.size() - 1)); // never self-pay
    remittance.payer.name = payer.name.toUpper();
    remittance.payer.idQualifier = u"XV"_s;
    remittance.payer.id = payer.id;
    const qsizetype facilityIndex = index % m_generator.facilities().size();
    const models::Facility &facility = m_generator.facilities().at(facilityIndex);
    remittance.payee.name = facility.name.toUpper();
    remittance.payee.idQualifier = u"XX"_s;
    remittance.payee.id = u"19999999%1"_s.arg(facilityIndex, 2, 10, QChar(u'0')); // synthetic, not a real NPI
    remittance.payee.taxId = u"99%1"_s.arg(index % 10000000, 7, 10, QChar(u'0'));

    const qint64 first = index * m_options.claimsPerTransaction;
    for (qint64 item = first; item < first + m_options.claimsPerTransaction; ++item)
        remittance.claims.append(paymentsFor(m_generator.item(item), quint64(item)));

    const Money claimPayments = remittance.claimPaymentTotal();
    if (random.chance(0.3) && claimPayments.cents() > 1000) {
        ProviderAdjustment recoupment;
        recoupment.providerId = remittance.payee.id;
        recoupment.fiscalPeriodEnd = QDate(m_options.asOf.year(), 12, 31);
        recoupment.reasonCode = u"WO"_s;
        // Money taken back from a claim paid in an earlier remittance, named by its payer claim number.
        recoupment.reference
            = claimFor(m_generator.item(std::max<qint64>(0, first - 1 - random.below(500)))).payerClaimNumber;
        recoupment.amount = percentOf(claimPayments, random.between(1, 10));
        remittance.providerAdjustments.append(recoupment);
    }
    if (random.chance(0.1)) {
        ProviderAdjustment interest;
        interest.providerId = remittance.payee.id;
        interest.fiscalPeriodEnd = QDate(m_options.asOf.year(), 12, 31);
        interest.reasonCode = u"L6"_s;
        interest.amount = Money::fromCents(-random.between(1, 5000));
        remittance.providerAdjustments.append(interest);
    }
    Payment &payment = remittance.payment;
    payment.handlingCode = u"I"_s;
    payment.method = random.chance(0.8) ? u"ACH"_s : u"CHK"_s;
    payment.amount = claimPayments - remittance.providerAdjustmentTotal();
    payment.creditDebit = payment.amount.isNegative() ? u"D"_s : u"C"_s;
    payment.date = m_options.asOf;
    payment.traceNumber
        = u"%1%2"_s.arg(payment.method == u"ACH"_s ? u"EFT"_s : u"CHK"_s).arg(index + 1, 9, 10, QChar(u'0'));
    payment.originatorId = u"1%1"_s.arg(payer.id);
    return remittance;
}

} // namespace rcm::synthetic
