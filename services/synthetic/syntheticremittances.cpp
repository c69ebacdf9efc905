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
using models::PayerKind;
using x12::Adjustment;
using x12::AdjustmentGroup;
using x12::ClaimPayment;
using x12::ClaimStatus;
using x12::Payment;
using x12::ProviderAdjustment;
using x12::Remittance;
using x12::ServiceLine;

// Streams of the seed: the transaction's own draws, each claim's adjudication, the second
// payment of a claim paid twice, and the secondary's claim number.
constexpr quint64 transactionStream = 0x7A7A7AULL;
constexpr quint64 claimStream = 0x835835ULL;
constexpr quint64 paidTwiceStream = 0x2B2B2BULL;
constexpr quint64 secondaryStream = 0x5EC5ECULL;

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

Money sumOf(const QList<Adjustment> &adjustments, QStringView group, QStringView reason = {})
{
    Money total;
    for (const Adjustment &each : adjustments) {
        if (each.groupCode == group && (reason.isEmpty() || each.reasonCode == reason))
            total += each.amount;
    }
    return total;
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

/// CLP06, by the kind of plan.
QString filingIndicator(PayerKind kind, bool hospital)
{
    switch (kind) {
    case PayerKind::Medicare:
        return hospital ? u"MA"_s : u"MB"_s;
    case PayerKind::Medicaid:
        return u"MC"_s;
    case PayerKind::MedicareAdvantage:
        return u"16"_s;
    case PayerKind::Commercial:
    case PayerKind::SelfPay:
        break;
    }
    return u"CI"_s;
}

/// For a claim that bills one procedure on several visit dates, the visit a payer denies
/// as over its frequency limit (the third of four or three, the second of two), or -1.
qsizetype visitToDeny(const models::Claim &billed, DeterministicRandom &random)
{
    if (billed.lines.size() < 2)
        return -1;
    for (const models::ClaimLine &line : billed.lines) {
        if (line.procedureCode != billed.lines.constFirst().procedureCode)
            return -1;
    }
    if (!random.chance(0.6))
        return -1;
    return billed.lines.size() >= 3 ? 2 : 1;
}

/// The claim's lines [from, to) as a claim payment of their own (a split claim's part).
ClaimPayment partOf(const ClaimPayment &claim, qsizetype from, qsizetype to)
{
    ClaimPayment part = claim;
    part.lines = claim.lines.mid(from, to - from);
    part.charge = Money();
    part.paid = Money();
    Money patient;
    for (const ServiceLine &line : std::as_const(part.lines)) {
        part.charge += line.charge;
        part.paid += line.paid;
        patient += sumOf(line.adjustments, u"PR");
    }
    part.patientResponsibility = patient;
    return part;
}

/// Prompt-pay interest on a claim paid late: simple interest at 10% a year on the payment
/// for each day past the first 30 after the service.
std::optional<Money> interestOn(const ClaimPayment &claim, const QDate &paidOn, DeterministicRandom &random)
{
    const qint64 age = claim.statementTo.isValid() ? claim.statementTo.daysTo(paidOn) : 0;
    if (age <= 150 || claim.paid.cents() <= 0 || !random.chance(0.5))
        return std::nullopt;
    const Money interest = Money::fromCents(claim.paid.cents() * (age - 30) / 3650);
    return interest.cents() > 0 ? std::optional<Money>(interest) : std::nullopt;
}

ProviderAdjustment providerAdjustment(const Remittance &remittance, const QDate &asOf, const QString &reason,
                                      const QString &reference, Money amount)
{
    ProviderAdjustment result;
    result.providerId = remittance.payee.id;
    result.fiscalPeriodEnd = QDate(asOf.year(), 12, 31);
    result.reasonCode = reason;
    result.reference = reference;
    result.amount = amount;
    return result;
}

} // namespace

SyntheticRemittances::SyntheticRemittances(Options options)
    : m_options(options)
    , m_generator({options.seed, options.asOf})
{
    for (qsizetype index = 0; index < m_generator.payers().size(); ++index) {
        if (m_generator.payers().at(index).kind == PayerKind::Medicare)
            m_medicare = index;
    }
}

std::pair<qint64, qint64> SyntheticRemittances::blockOf(qint64 transactionIndex) const
{
    const qint64 payers = m_generator.payers().size() - 1; // never self-pay
    const qint64 size = qint64(m_options.claimsPerTransaction) * payers;
    return {transactionIndex / payers * size, size};
}

const models::Payer *SyntheticRemittances::payerById(QStringView id) const
{
    for (const models::Payer &payer : m_generator.payers()) {
        if (payer.id == id)
            return &payer;
    }
    return nullptr;
}

ClaimPayment SyntheticRemittances::adjudicated(const models::WorkItem &item, const models::Claim &billed,
                                               DeterministicRandom &random) const
{
    const PayerKind kind = SyntheticGenerator::payerKindOf(item.payerId).value_or(PayerKind::Commercial);
    const bool hospital = SyntheticGenerator::isHospital(item.facilityId);
    ClaimPayment claim;
    claim.patientControlNumber = item.claimNumber;
    claim.charge = item.billed;
    claim.filingIndicator = filingIndicator(kind, hospital);
    claim.payerClaimControlNumber = billed.payerClaimNumber;
    claim.facilityCode = !hospital ? u"11"_s : item.serviceTo > item.serviceFrom ? u"11"_s : u"13"_s;
    claim.frequencyCode = u"1"_s;
    claim.statementFrom = item.serviceFrom;
    claim.statementTo = item.serviceTo;
    for (const models::ClaimLine &line : billed.lines) // a series of visits may run past the first day
        claim.statementTo = std::max(claim.statementTo, line.serviceDate);
    const bool denied = item.queue == models::Queue::Denial && !item.carc.isEmpty();
    claim.statusCode = denied ? u"4"_s : u"1"_s;
    claim.status = denied ? ClaimStatus::Denied : ClaimStatus::Primary;
    // CMS sequestration: 2% off what Medicare (and Medicare Advantage plans) would pay.
    const bool sequestered = kind == PayerKind::Medicare || kind == PayerKind::MedicareAdvantage;
    const qsizetype deniedVisit = denied ? -1 : visitToDeny(billed, random);

    Money patientTotal;
    claim.lines.reserve(billed.lines.size());
    for (qsizetype index = 0; index < billed.lines.size(); ++index) {
        const models::ClaimLine &billedLine = billed.lines.at(index);
        ServiceLine line;
        line.charge = billedLine.charge;
        line.procedure.qualifier = u"HC"_s;
        line.procedure.code = billedLine.procedureCode;
        line.procedure.modifiers = billedLine.modifiers;
        line.revenueCode = billedLine.revenueCode;
        line.units = billedLine.units;
        line.serviceDate = billedLine.serviceDate;
        line.lineControlNumber = billedLine.lineControlNumber;
        if (denied) {
            line.adjustments.append(adjustment(item.groupCode, item.carc, line.charge));
            line.remarkCodes = item.rarcs;
            if (item.groupCode == u"PR"_s)
                patientTotal += line.charge;
        } else if (index == deniedVisit) { // over the payer's frequency limit
            const bool limit = random.chance(0.5);
            line.adjustments.append(adjustment(u"CO"_s, limit ? u"119"_s : u"151"_s, line.charge));
            line.remarkCodes = {limit ? u"N640"_s : u"N362"_s};
        } else {
            // Paid as the contract allows; now and then below it (an underpayment to chase)
            // or above it (an overpayment to refund: the payer used the wrong fee schedule).
            Money contractual = line.charge - billedLine.allowed;
            Money allowed = billedLine.allowed;
            const double shape = random.uniform();
            if (shape < 0.03) {
                contractual += percentOf(billedLine.allowed, random.between(5, 20));
            } else if (shape < 0.045) {
                const Money extra = std::min(percentOf(billedLine.allowed, random.between(5, 25)), contractual);
                contractual -= extra;
                allowed += extra;
            }
            line.allowed = allowed;
            Adjustment patient;
            if (kind == PayerKind::Medicare || kind == PayerKind::MedicareAdvantage) {
                patient = adjustment(u"PR"_s, u"2"_s, percentOf(allowed, 20)); // Part B coinsurance
            } else if (kind == PayerKind::Medicaid) {
                if (random.chance(0.1))
                    patient = adjustment(u"PR"_s, u"3"_s, std::min(Money::fromCents(300), allowed)); // copay
            } else if (random.chance(0.4)) {
                patient = adjustment(u"PR"_s, random.chance(0.5) ? u"2"_s : u"1"_s, percentOf(allowed, 20));
            }
            if (contractual.cents() != 0)
                line.adjustments.append(adjustment(u"CO"_s, u"45"_s, contractual));
            if (sequestered) {
                const Money sequestration = percentOf(allowed - patient.amount, 2);
                if (sequestration.cents() != 0)
                    line.adjustments.append(adjustment(u"CO"_s, u"253"_s, sequestration));
            }
            if (patient.amount.cents() != 0) {
                line.adjustments.append(patient);
                patientTotal += patient.amount;
            }
            if (random.chance(0.05)) { // the payer paid a lower-level code than billed
                line.originalProcedure = line.procedure;
                line.procedure.code = u"99212"_s;
                line.procedure.modifiers.clear();
            }
        }
        line.paid = line.charge - line.adjustmentTotal();
        claim.paid += line.paid;
        claim.lines.append(std::move(line));
    }
    // An inpatient stay's patient share taken from the claim as a whole: a commercial plan's
    // deductible, a Medicare Advantage plan's copay per stay.
    if (!denied && hospital && item.serviceTo > item.serviceFrom
        && (kind == PayerKind::MedicareAdvantage || (kind == PayerKind::Commercial && random.chance(0.7)))) {
        const bool copay = kind == PayerKind::MedicareAdvantage;
        const Money share
            = std::min(copay ? Money::fromCents(25'000) : percentOf(claim.paid, random.between(10, 30)), claim.paid);
        if (share.cents() > 0) {
            claim.adjustments.append(adjustment(u"PR"_s, copay ? u"3"_s : u"1"_s, share));
            claim.paid -= share;
            patientTotal += share;
        }
    }
    claim.patientResponsibility = patientTotal;
    if (denied && !item.rarcs.isEmpty())
        claim.remarkCodes = item.rarcs;
    return claim;
}

QList<ClaimPayment> SyntheticRemittances::primaryPayments(const models::WorkItem &item, qint64 index) const
{
    DeterministicRandom random = DeterministicRandom::forStream(m_options.seed ^ claimStream, quint64(index));
    // The claim as billed (the same one the gateway's claim register holds), line by line.
    const models::Claim billed = claimFor(item);
    ClaimPayment claim = adjudicated(item, billed, random);
    if (claim.status == ClaimStatus::Denied)
        return {claim};
    if (item.payerId == m_generator.payers().at(m_medicare).id && !billed.secondaryPayerId.isEmpty()) {
        // Medicare forwards the claim to the supplement or Medicaid itself (a crossover).
        if (const models::Payer *secondary = payerById(billed.secondaryPayerId)) {
            claim.statusCode = u"19"_s;
            claim.status = ClaimStatus::ForwardedPrimary;
            claim.crossoverPayerName = secondary->name.toUpper();
            claim.crossoverPayerId = secondary->id;
        }
    }
    if (random.chance(0.02)) {
        // Paid, then reversed in the same remittance (the payer takes it back to reprocess).
        ClaimPayment reversal = claim;
        reverse(reversal);
        return {claim, reversal};
    }
    claim.interest = interestOn(claim, m_options.asOf, random);
    if (claim.status == ClaimStatus::Primary && claim.adjustments.isEmpty() && claim.lines.size() >= 2
        && random.chance(0.04)) {
        // Split: the payer answers some lines now and the rest in a second CLP of the same claim.
        const qsizetype cut = 1 + random.below(int(claim.lines.size()) - 1);
        ClaimPayment second = partOf(claim, cut, claim.lines.size());
        second.interest.reset();
        return {partOf(claim, 0, cut), second};
    }
    return {claim};
}

std::optional<ClaimPayment> SyntheticRemittances::secondaryPayment(const models::WorkItem &item, qint64 index,
                                                                   const models::Payer &secondary) const
{
    if (item.queue == models::Queue::Denial && !item.carc.isEmpty())
        return std::nullopt; // Medicare denied it: nothing crossed over
    DeterministicRandom random = DeterministicRandom::forStream(m_options.seed ^ claimStream, quint64(index));
    const models::Claim billed = claimFor(item);
    const ClaimPayment primary = adjudicated(item, billed, random);
    ClaimPayment claim = primary;
    claim.statusCode = u"2"_s;
    claim.status = ClaimStatus::Secondary;
    claim.filingIndicator = filingIndicator(secondary.kind, SyntheticGenerator::isHospital(item.facilityId));
    DeterministicRandom numbers = DeterministicRandom::forStream(m_options.seed ^ secondaryStream, quint64(index));
    claim.payerClaimControlNumber = u"S"_s + QString::number(numbers.next() % 9'000'000'000ULL + 1'000'000'000ULL);
    claim.adjustments.clear();
    claim.paid = Money();
    // The secondary pays what Medicare left to the patient (coinsurance, deductible) and
    // shows Medicare's payment as the prior payer's adjudication (OA-23); a line Medicare
    // denied stays denied for the same reason.
    for (ServiceLine &line : claim.lines) {
        const Money patient = sumOf(line.adjustments, u"PR");
        if (line.paid.cents() == 0 && patient.cents() == 0) {
            claim.paid += line.paid;
            continue;
        }
        const Money contractual = sumOf(line.adjustments, u"CO", u"45");
        const Money priorPayer = line.charge - contractual - patient;
        line.adjustments.clear();
        line.remarkCodes.clear();
        if (contractual.cents() != 0)
            line.adjustments.append(adjustment(u"CO"_s, u"45"_s, contractual));
        if (priorPayer.cents() != 0)
            line.adjustments.append(adjustment(u"OA"_s, u"23"_s, priorPayer));
        line.paid = patient;
        claim.paid += line.paid;
    }
    claim.patientResponsibility = Money();
    if (claim.paid.cents() <= 0)
        return std::nullopt;
    return claim;
}

QString SyntheticRemittances::earlierClaimOf(qsizetype payerIndex, qint64 first, DeterministicRandom &random) const
{
    qint64 candidate = first - 1 - random.below(500);
    if (candidate < 0) // nothing before the first block: one of the block's own, paid "before"
        candidate = first + blockOf(0).second - 1;
    for (; candidate >= 0; --candidate) {
        if (m_generator.payerIndexOf(candidate) == payerIndex)
            return claimFor(m_generator.item(candidate)).payerClaimNumber;
    }
    return {};
}

x12::Remittance SyntheticRemittances::transaction(qint64 index) const
{
    DeterministicRandom random = DeterministicRandom::forStream(m_options.seed ^ transactionStream, quint64(index));
    Remittance remittance;
    remittance.controlNumber = QString::number(index + 1).rightJustified(4, u'0');
    const QList<models::Payer> &payers = m_generator.payers();
    const qsizetype payerIndex = index % (payers.size() - 1); // never self-pay
    const models::Payer &payer = payers.at(payerIndex);
    remittance.payer.name = payer.name.toUpper();
    remittance.payer.idQualifier = u"XV"_s;
    remittance.payer.id = payer.id;
    const qsizetype facilityIndex = index % m_generator.facilities().size();
    const models::Facility &facility = m_generator.facilities().at(facilityIndex);
    remittance.payee.name = facility.name.toUpper();
    remittance.payee.idQualifier = u"XX"_s;
    remittance.payee.id = u"19999999%1"_s.arg(facilityIndex, 2, 10, QChar(u'0')); // synthetic, not a real NPI
    remittance.payee.taxId = u"99%1"_s.arg(index % 10000000, 7, 10, QChar(u'0'));

    // The block's claims on which this payer is primary.
    const auto [first, size] = blockOf(index);
    for (qint64 item = first; item < first + size; ++item) {
        if (m_generator.payerIndexOf(item) == payerIndex)
            remittance.claims.append(primaryPayments(m_generator.item(item), item));
    }
    if (first > 0) {
        for (qint64 item = first - size; item < first; ++item) {
            const qsizetype itemPayer = m_generator.payerIndexOf(item);
            if (itemPayer == m_medicare && payerIndex != m_medicare) {
                // As secondary: the block before's Medicare claims crossed over to this payer.
                const SyntheticCoverage coverage
                    = coverageFor(SyntheticGenerator::itemId(item), payers.at(m_medicare).id);
                if (coverage.secondaryPayerId == payer.id) {
                    if (auto paid = secondaryPayment(m_generator.item(item), item, payer))
                        remittance.claims.append(*paid);
                }
            } else if (itemPayer == payerIndex
                       && DeterministicRandom::forStream(m_options.seed ^ paidTwiceStream, quint64(item))
                              .chance(0.01)) {
                // Paid twice: the payer adjudicated the claim again (a new claim number) and
                // paid it again without taking the first payment back.
                for (ClaimPayment again : primaryPayments(m_generator.item(item), item)) {
                    if (again.status == ClaimStatus::Denied || again.isReversal())
                        break;
                    const QString &number = again.payerClaimControlNumber;
                    again.payerClaimControlNumber
                        = number.chopped(1) + QChar(char16_t(u'0' + (number.back().digitValue() + 5) % 10));
                    again.interest.reset();
                    remittance.claims.append(again);
                }
            }
        }
    }

    // Interest: every payer here reports it as X12 005010X221A1 asks (and X12 RFI 2123
    // confirms): the claim's AMT*I says how much interest its late payment earned, for
    // information, outside the claim's balancing (CLP04 is the claim's payment alone), and
    // the money is paid at provider level, as a PLB L6 of the same amount (negative: it adds
    // to the payment) naming the claim by its payer claim number. So the PLB L6 amounts
    // always add up to the AMT*I amounts, and BPR02 = sum of CLP04 - sum of PLB.
    for (const ClaimPayment &claim : std::as_const(remittance.claims)) {
        if (claim.interest) {
            remittance.providerAdjustments.append(providerAdjustment(remittance, m_options.asOf, u"L6"_s,
                                                                     claim.payerClaimControlNumber, -*claim.interest));
        }
    }
    const Money claimPayments = remittance.claimPaymentTotal();
    if (random.chance(0.3) && claimPayments.cents() > 1000) {
        // Money taken back from a claim paid in an earlier remittance, named by its payer
        // claim number; now and then more than this payment can bear, the rest carried
        // forward (FB, negative) to a later one.
        const QString reference = earlierClaimOf(payerIndex, first, random);
        if (random.chance(0.3)) {
            const Money owed = percentOf(claimPayments, random.between(60, 140));
            const Money takenNow = percentOf(claimPayments, random.between(20, 50));
            remittance.providerAdjustments.append(
                providerAdjustment(remittance, m_options.asOf, u"WO"_s, reference, owed));
            remittance.providerAdjustments.append(
                providerAdjustment(remittance, m_options.asOf, u"FB"_s, reference, takenNow - owed));
        } else {
            remittance.providerAdjustments.append(providerAdjustment(remittance, m_options.asOf, u"WO"_s, reference,
                                                                     percentOf(claimPayments, random.between(1, 10))));
        }
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
