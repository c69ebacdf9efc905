// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/remittancematcher.h"

#include "server/claimregister.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using Kind = RemittanceExceptionKind;

namespace {

QString dollars(Money amount)
{
    return u"$"_s + amount.toString();
}

QString payerKeyOf(const x12::Remittance &remittance)
{
    if (!remittance.payment.originatorId.isEmpty())
        return remittance.payment.originatorId;
    return remittance.payer.id.isEmpty() ? remittance.payer.name : remittance.payer.id;
}

Money patientShare(const QList<x12::Adjustment> &adjustments)
{
    Money total;
    for (const x12::Adjustment &adjustment : adjustments) {
        if (adjustment.group == x12::AdjustmentGroup::PatientResponsibility)
            total += adjustment.amount;
    }
    return total;
}

/// Whether zero pay is a denial: some adjustment is neither the patient's ordinary share
/// (PR-1 deductible, PR-2 coinsurance, PR-3 copay) nor the contract's write-down (CO-45,
/// CO-253 sequestration). PR-27 (coverage ended) or PR-204 (not covered) is a denial.
bool isDenial(const QList<x12::Adjustment> &adjustments)
{
    for (const x12::Adjustment &adjustment : adjustments) {
        if (adjustment.amount.cents() <= 0)
            continue;
        const bool patientShareOnly = adjustment.group == x12::AdjustmentGroup::PatientResponsibility
            && (adjustment.reasonCode == u"1"_s || adjustment.reasonCode == u"2"_s || adjustment.reasonCode == u"3"_s);
        const bool contractual = adjustment.group == x12::AdjustmentGroup::Contractual
            && (adjustment.reasonCode == u"45"_s || adjustment.reasonCode == u"253"_s);
        if (!patientShareOnly && !contractual)
            return true;
    }
    return false;
}

/// Whether the contract's allowed amount is what this payment should match: only when the
/// payer processed the claim as primary. A secondary pays what the primary left.
bool paidAsPrimary(const x12::ClaimPayment &payment)
{
    return payment.status == x12::ClaimStatus::Primary || payment.status == x12::ClaimStatus::ForwardedPrimary;
}

/// The adjustment that explains a denial: the first one the provider, not the patient, bears.
const x12::Adjustment *denialReason(const QList<x12::Adjustment> &adjustments)
{
    for (const x12::Adjustment &adjustment : adjustments) {
        if (adjustment.group != x12::AdjustmentGroup::PatientResponsibility && adjustment.amount.cents() > 0)
            return &adjustment;
    }
    return adjustments.isEmpty() ? nullptr : &adjustments.constFirst();
}

QString procedureText(const x12::ProcedureCode &procedure)
{
    return procedure.modifiers.isEmpty() ? procedure.code : procedure.code + u'-' + procedure.modifiers.join(u'-');
}

/// An exception about a matched claim, with what they all carry.
RemittanceException claimException(Kind kind, qint64 segmentNumber, const models::Claim &claim, Money charge)
{
    RemittanceException exception;
    exception.kind = kind;
    exception.segmentNumber = segmentNumber;
    exception.claimNumber = claim.claimNumber;
    exception.claim = claim;
    exception.charge = charge;
    return exception;
}

/// ", giving reason CO-197", or nothing when the payer gave none.
QString reasonText(const x12::Adjustment *reason)
{
    return reason ? u", giving reason %1-%2"_s.arg(reason->groupCode, reason->reasonCode) : QString();
}

bool sameModifiers(QStringList a, QStringList b)
{
    a.sort();
    b.sort();
    return a == b;
}

} // namespace

QString wireName(RemittanceExceptionKind kind)
{
    switch (kind) {
    case Kind::UnmatchedClaim:
        return u"unmatched-claim"_s;
    case Kind::UnmatchedLine:
        return u"unmatched-line"_s;
    case Kind::Underpaid:
        return u"underpaid"_s;
    case Kind::DeniedLine:
        return u"denied"_s;
    case Kind::Recoupment:
        return u"recoupment"_s;
    case Kind::OutOfBalance:
        return u"out-of-balance"_s;
    case Kind::UnknownReasonCode:
        return u"unknown-reason-code"_s;
    case Kind::UnpairedReversal:
        return u"unpaired-reversal"_s;
    }
    return {};
}

RemittanceMatcher::RemittanceMatcher(store::Database &database, ClaimRegister &claims)
    : m_database(database)
    , m_claims(claims)
{ }

RemittancePlan RemittanceMatcher::plan(const x12::CheckedRemittance &checked)
{
    const x12::Remittance &remittance = checked.remittance;
    const QList<x12::Defect> &balance = checked.balanceDefects;
    const QList<x12::Defect> &codes = checked.reasonCodeDefects;
    RemittancePlan plan;
    plan.traceNumber = remittance.payment.traceNumber;
    plan.payerKey = payerKeyOf(remittance);
    plan.defects = checked.defects();
    plan.readable = !x12::hasErrors(remittance.defects);
    plan.balanced = checked.isBalanced();

    QSqlQuery earlier(m_database.connection());
    earlier.prepare(u"SELECT id FROM remittances WHERE trace_number = ? AND payer_id = ?"_s);
    earlier.addBindValue(plan.traceNumber);
    earlier.addBindValue(plan.payerKey);
    plan.duplicate = earlier.exec() && earlier.next();
    earlier.finish();
    if (plan.duplicate)
        return plan; // posted before: nothing of it is posted or raised again

    for (qsizetype index = 0; index < remittance.claims.size(); ++index)
        matchClaim(remittance, index, plan);
    traceRecoupments(remittance, plan);

    if (!plan.balanced) {
        RemittanceException exception;
        exception.kind = Kind::OutOfBalance;
        exception.segmentNumber = remittance.firstSegment;
        exception.claimNumber = plan.traceNumber;
        exception.amount = remittance.payment.amount;
        QStringList reasons;
        for (const x12::Defect &defect : balance) {
            if (defect.isError())
                reasons << defect.message;
        }
        exception.explanation = u"The remittance with trace number %1 does not add up, so its payments cannot be "
                                "trusted as sent: %2"_s.arg(plan.traceNumber, reasons.mid(0, 3).join(u' '));
        if (reasons.size() > 3)
            exception.explanation += u" (and %1 more)"_s.arg(reasons.size() - 3);
        plan.exceptions.append(exception);
    }
    QStringList unknownCodes;
    for (const x12::Defect &defect : codes)
        unknownCodes << defect.message;
    if (!unknownCodes.isEmpty()) {
        RemittanceException exception;
        exception.kind = Kind::UnknownReasonCode;
        exception.segmentNumber = codes.constFirst().segmentNumber;
        exception.claimNumber = plan.traceNumber;
        exception.explanation = u"Reason codes to look up before posting: %1"_s.arg(unknownCodes.join(u' '));
        plan.exceptions.append(exception);
    }
    return plan;
}

void RemittanceMatcher::matchClaim(const x12::Remittance &remittance, qsizetype index, RemittancePlan &plan)
{
    const x12::ClaimPayment &payment = remittance.claims.at(index);
    ClaimPosting posting;
    posting.claimIndex = index;
    if ((posting.claim = m_claims.byControlNumber(payment.patientControlNumber)))
        posting.matchedBy = ClaimPosting::MatchedBy::ControlNumber;
    else if ((posting.claim = m_claims.byPayerClaimNumber(payment.payerClaimControlNumber)))
        posting.matchedBy = ClaimPosting::MatchedBy::PayerClaimNumber;

    if (payment.isReversal()) {
        pairReversal(remittance, posting, plan);
        plan.postings.append(posting);
        return;
    }
    if (!posting.claim) {
        RemittanceException exception;
        exception.kind = Kind::UnmatchedClaim;
        exception.segmentNumber = payment.segmentNumber;
        exception.claimNumber = payment.patientControlNumber;
        exception.charge = payment.charge;
        exception.amount = payment.paid;
        exception.explanation
            = u"No claim here has patient control number %1%2, so the payment of %3 on a charge of %4 cannot "
              "be posted. Check the number for a typo or a claim billed under another account."_s.arg(
                  payment.patientControlNumber,
                  payment.payerClaimControlNumber.isEmpty()
                      ? QString()
                      : u" or payer claim number %1"_s.arg(payment.payerClaimControlNumber),
                  dollars(payment.paid), dollars(payment.charge));
        plan.exceptions.append(exception);
        plan.postings.append(posting);
        return;
    }
    plan.postings.append(posting);
    const models::Claim &claim = *posting.claim;

    if (payment.lines.isEmpty()) {
        // Adjudicated at claim level only: judge the claim as a whole.
        if (payment.paid.cents() == 0 && payment.charge.cents() > 0 && isDenial(payment.adjustments)) {
            const x12::Adjustment *reason = denialReason(payment.adjustments);
            RemittanceException exception
                = claimException(Kind::DeniedLine, payment.segmentNumber, claim, payment.charge);
            exception.amount = payment.charge - patientShare(payment.adjustments);
            exception.groupCode = reason ? reason->groupCode : QString();
            exception.reasonCode = reason ? reason->reasonCode : QString();
            exception.remarkCodes = payment.remarkCodes;
            exception.raisesDenial = true;
            exception.explanation = u"The payer paid nothing on claim %1 (charge %2)%3."_s.arg(
                claim.claimNumber, dollars(payment.charge), reasonText(reason));
            plan.exceptions.append(exception);
        } else if (paidAsPrimary(payment)) {
            const Money expected = claim.allowed() - patientShare(payment.adjustments);
            if (payment.paid < expected - Money::fromCents(1)) {
                RemittanceException exception
                    = claimException(Kind::Underpaid, payment.segmentNumber, claim, payment.charge);
                exception.amount = expected - payment.paid;
                exception.explanation
                    = u"Claim %1 was paid %2, but the contract allows %3 less the patient's share of %4: %5 "
                      "expected, %6 short."_s.arg(claim.claimNumber, dollars(payment.paid), dollars(claim.allowed()),
                                                  dollars(patientShare(payment.adjustments)), dollars(expected),
                                                  dollars(exception.amount));
                plan.exceptions.append(exception);
            }
        }
        return;
    }
    matchLines(payment, claim, plan);
}

void RemittanceMatcher::matchLines(const x12::ClaimPayment &payment, const models::Claim &claim, RemittancePlan &plan)
{
    QList<bool> used(claim.lines.size(), false);
    QList<std::pair<const x12::ServiceLine *, int>> denied; // with the billed line's number
    for (const x12::ServiceLine &line : payment.lines) {
        // The payer may restate what was billed (SVC01) and keep the original in SVC06:
        // match on what the provider billed.
        const x12::ProcedureCode &billed = line.originalProcedure ? *line.originalProcedure : line.procedure;
        qsizetype found = -1;
        for (qsizetype index = 0; index < claim.lines.size() && found < 0; ++index) {
            const models::ClaimLine &candidate = claim.lines.at(index);
            if (!used.at(index) && candidate.procedureCode == billed.code
                && sameModifiers(candidate.modifiers, billed.modifiers))
                found = index;
        }
        RemittanceException exception = claimException(Kind::UnmatchedLine, line.segmentNumber, claim, line.charge);
        exception.remarkCodes = line.remarkCodes;
        if (found < 0) {
            exception.amount = line.paid;
            exception.explanation = u"Claim %1 has no billed line %2 for the payer's line paying %3 on %4%5."_s.arg(
                claim.claimNumber, procedureText(billed), dollars(line.paid), dollars(line.charge),
                line.originalProcedure ? u" (restated by the payer as %1)"_s.arg(procedureText(line.procedure))
                                       : QString());
            plan.exceptions.append(exception);
            continue;
        }
        used[found] = true;
        const models::ClaimLine &matched = claim.lines.at(found);
        if (line.paid.cents() == 0 && line.charge.cents() > 0) {
            // Zero paid because it all went to the deductible and the contract is not a denial.
            if (isDenial(line.adjustments))
                denied.append({&line, matched.lineNumber});
            continue;
        }
        const Money expected = matched.allowed - patientShare(line.adjustments);
        if (paidAsPrimary(payment) && line.paid < expected - Money::fromCents(1)) {
            exception.kind = Kind::Underpaid;
            exception.amount = expected - line.paid;
            exception.explanation
                = u"Line %1 (%2) of claim %3 was paid %4; the contract allows %5 less the patient's share of %6, "
                  "so %7 was expected: %8 short."_s.arg(QString::number(matched.lineNumber), procedureText(billed),
                                                        claim.claimNumber, dollars(line.paid), dollars(matched.allowed),
                                                        dollars(patientShare(line.adjustments)), dollars(expected),
                                                        dollars(exception.amount));
            plan.exceptions.append(exception);
        }
    }
    if (denied.isEmpty())
        return;
    // One denial per claim, naming each zero-paid line: a poster works the claim, not the line.
    const x12::Adjustment *reason = denialReason(denied.constFirst().first->adjustments);
    RemittanceException exception
        = claimException(Kind::DeniedLine, denied.constFirst().first->segmentNumber, claim, Money());
    exception.groupCode = reason ? reason->groupCode : QString();
    exception.reasonCode = reason ? reason->reasonCode : QString();
    exception.raisesDenial = true;
    QStringList lines;
    for (const auto &[line, number] : denied) {
        exception.charge += line->charge;
        exception.amount += line->charge - patientShare(line->adjustments);
        for (const QString &remark : line->remarkCodes) {
            if (!exception.remarkCodes.contains(remark))
                exception.remarkCodes << remark;
        }
        const x12::ProcedureCode &billed = line->originalProcedure ? *line->originalProcedure : line->procedure;
        lines << u"%1 (%2, %3)"_s.arg(QString::number(number), procedureText(billed), dollars(line->charge));
    }
    exception.explanation = u"The payer paid nothing on %1 %2 of claim %3%4."_s.arg(
        denied.size() == 1 ? u"line"_s : u"lines"_s, lines.join(u", "_s), claim.claimNumber, reasonText(reason));
    plan.exceptions.append(exception);
}

void RemittanceMatcher::pairReversal(const x12::Remittance &remittance, ClaimPosting &posting, RemittancePlan &plan)
{
    const x12::ClaimPayment &reversal = remittance.claims.at(posting.claimIndex);
    // In this same transaction first (a payer reverses and repays in one ERA), then what
    // was posted before and not yet reversed.
    for (const ClaimPosting &other : std::as_const(plan.postings)) {
        const x12::ClaimPayment &candidate = remittance.claims.at(other.claimIndex);
        const bool taken = std::any_of(plan.postings.cbegin(), plan.postings.cend(), [&](const ClaimPosting &earlier) {
            return earlier.reversesClaimIndex == other.claimIndex;
        });
        if (!taken && !candidate.isReversal() && candidate.patientControlNumber == reversal.patientControlNumber
            && candidate.paid == -reversal.paid) {
            posting.reversesClaimIndex = other.claimIndex;
            return;
        }
    }
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT id FROM claim_payments WHERE patient_control_number = ? AND status_code <> '22' "
                  "AND reversed_by IS NULL AND paid_cents = ? ORDER BY id DESC LIMIT 1"_s);
    query.addBindValue(reversal.patientControlNumber);
    query.addBindValue(-reversal.paid.cents());
    if (query.exec() && query.next()) {
        posting.reversesPayment = query.value(0).toLongLong();
        return;
    }
    plan.exceptions.append(unpairedReversal(reversal, posting.claim));
}

RemittanceException RemittanceMatcher::unpairedReversal(const x12::ClaimPayment &reversal,
                                                        const std::optional<models::Claim> &claim)
{
    RemittanceException exception;
    exception.kind = Kind::UnpairedReversal;
    exception.segmentNumber = reversal.segmentNumber;
    exception.claimNumber = claim ? claim->claimNumber : reversal.patientControlNumber;
    exception.claim = claim;
    exception.charge = reversal.charge;
    exception.amount = -reversal.paid;
    exception.explanation = u"The payer reverses a payment of %1 on claim %2, but no such payment was posted here. "
                            "Find the original payment before accepting the take-back."_s.arg(
                                dollars(-reversal.paid), reversal.patientControlNumber);
    return exception;
}

void RemittanceMatcher::traceRecoupments(const x12::Remittance &remittance, RemittancePlan &plan)
{
    for (const x12::ProviderAdjustment &adjustment : remittance.providerAdjustments) {
        if (adjustment.amount.cents() <= 0)
            continue; // interest or a credit: money added, nothing to chase
        // The reference usually names the claim recouped: the payer's claim number, or ours.
        std::optional<models::Claim> claim = m_claims.byPayerClaimNumber(adjustment.reference);
        if (!claim)
            claim = m_claims.byControlNumber(adjustment.reference);
        RemittanceException exception;
        exception.kind = Kind::Recoupment;
        exception.segmentNumber = adjustment.segmentNumber;
        exception.claim = claim;
        exception.claimNumber = claim ? claim->claimNumber : adjustment.reference;
        exception.amount = adjustment.amount;
        exception.reasonCode = adjustment.reasonCode;
        exception.explanation = claim
            ? u"The payer took back %1 from this payment (PLB %2) for claim %3, which it names by reference "
              "%4. Post it against that claim, not as a note."_s.arg(dollars(adjustment.amount), adjustment.reasonCode,
                                                                     claim->claimNumber, adjustment.reference)
            : u"The payer took back %1 from this payment (PLB %2, reference %3), and no claim here has that "
              "number. Ask the payer which claim it recoups."_s.arg(
                  dollars(adjustment.amount), adjustment.reasonCode,
                  adjustment.reference.isEmpty() ? u"none"_s : adjustment.reference);
        plan.exceptions.append(exception);
    }
}

} // namespace rcm::server
