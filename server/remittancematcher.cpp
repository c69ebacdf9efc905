// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/remittancematcher.h"

#include "server/claimjudge.h"
#include "server/claimregister.h"
#include "services/posting/claimstatusrules.h"
#include "services/posting/refunddeadline.h"

#include <QSet>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using Kind = RemittanceExceptionKind;
using Handling = posting::ClaimStatusRule::Handling;

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
    case Kind::Overpaid:
        return u"overpaid"_s;
    case Kind::PayerNotOnClaim:
        return u"payer-not-on-claim"_s;
    case Kind::NotOurClaim:
        return u"not-our-claim"_s;
    case Kind::InterestMismatch:
        return u"interest-mismatch"_s;
    }
    return {};
}

RemittanceException claimException(RemittanceExceptionKind kind, qint64 segmentNumber, const models::Claim &claim,
                                   Money charge)
{
    RemittanceException exception;
    exception.kind = kind;
    exception.segmentNumber = segmentNumber;
    exception.claimNumber = claim.claimNumber;
    exception.claim = claim;
    exception.charge = charge;
    return exception;
}

QStringList payerIdentifiers(const x12::Remittance &remittance)
{
    QStringList ids;
    const auto add = [&ids](const QString &id) {
        if (!id.isEmpty() && !ids.contains(id))
            ids << id;
    };
    add(remittance.payer.id);
    add(remittance.payer.additionalId);
    add(remittance.payment.originatorId);
    // TRN03 is a 1 followed by the payer's tax id or another id it chose.
    if (remittance.payment.originatorId.size() > 1 && remittance.payment.originatorId.startsWith(u'1'))
        add(remittance.payment.originatorId.mid(1));
    return ids;
}

RemittanceMatcher::RemittanceMatcher(store::Database &database, ClaimRegister &claims, MatchingPolicy policy)
    : m_database(database)
    , m_claims(claims)
    , m_contracts(database)
    , m_policy(policy)
{ }

RemittancePlan RemittanceMatcher::plan(const x12::CheckedRemittance &checked)
{
    const x12::Remittance &remittance = checked.remittance;
    const QList<x12::Defect> &codes = checked.reasonCodeDefects;
    RemittancePlan plan;
    plan.traceNumber = remittance.payment.traceNumber;
    plan.payerKey = payerKeyOf(remittance);
    const QList<x12::Defect> guards
        = posting::checkEnvelope(remittance, m_policy.testInterchanges) + posting::checkClaimStatuses(remittance);
    plan.defects = checked.defects() + guards;
    std::stable_sort(plan.defects.begin(), plan.defects.end(),
                     [](const x12::Defect &a, const x12::Defect &b) { return a.segmentNumber < b.segmentNumber; });
    plan.readable = !x12::hasErrors(remittance.defects) && !x12::hasErrors(guards);
    plan.balanced = checked.isBalanced() || m_policy.acceptImbalance;
    plan.difference
        = remittance.payment.amount - (remittance.claimPaymentTotal() - remittance.providerAdjustmentTotal());

    QSqlQuery earlier(m_database.connection());
    earlier.prepare(u"SELECT id, status FROM remittances WHERE trace_number = ? AND payer_id = ?"_s);
    earlier.addBindValue(plan.traceNumber);
    earlier.addBindValue(plan.payerKey);
    // A release plans the held transaction itself: not a copy of it.
    if (!m_policy.acceptImbalance && earlier.exec() && earlier.next()) {
        // A held copy is replaced by a balanced one (the payer's correction); any other
        // copy was posted before, and nothing of it is posted or raised again.
        if (earlier.value(1).toString() == u"held"_s && plan.balanced)
            plan.heldRemittanceId = earlier.value(0).toLongLong();
        else
            plan.duplicate = true;
    }
    earlier.finish();
    if (plan.duplicate || !plan.readable)
        return plan;

    if (!plan.balanced) {
        // Held: nothing of it posts until a person corrects or accepts the difference.
        RemittanceException exception;
        exception.kind = Kind::OutOfBalance;
        exception.segmentNumber = remittance.firstSegment;
        exception.claimNumber = plan.traceNumber;
        exception.amount = plan.difference;
        QStringList reasons;
        for (const x12::Defect &defect : checked.balanceDefects) {
            if (defect.isError())
                reasons << u"segment %1: %2"_s.arg(defect.segmentNumber).arg(defect.message);
        }
        exception.explanation
            = u"The remittance with trace number %1 does not add up, so it is held and nothing of it is posted. "
              "The payment (BPR02) is %2; the claim payments less the provider adjustments come to %3, a "
              "difference of %4. Where: %5"_s.arg(
                  plan.traceNumber, dollars(remittance.payment.amount),
                  dollars(remittance.claimPaymentTotal() - remittance.providerAdjustmentTotal()),
                  dollars(plan.difference), reasons.mid(0, 3).join(u"; "_s));
        if (reasons.size() > 3)
            exception.explanation += u" (and %1 more)"_s.arg(reasons.size() - 3);
        exception.explanation += u". Release it once the payer corrects it, or accept the difference."_s;
        plan.exceptions.append(exception);
        return plan;
    }

    matchClaims(remittance, plan);
    classifyProviderAdjustments(remittance, plan);

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

std::optional<models::Claim> RemittanceMatcher::findClaim(const x12::ClaimPayment &payment, ClaimPosting &posting)
{
    if ((posting.claim = m_claims.byControlNumber(payment.patientControlNumber)))
        posting.matchedBy = ClaimPosting::MatchedBy::ControlNumber;
    else if ((posting.claim = m_claims.byPayerClaimNumber(payment.payerClaimControlNumber)))
        posting.matchedBy = ClaimPosting::MatchedBy::PayerClaimNumber;
    // A line billed without an allowed amount (an 837 carries none) is judged against the
    // payer's contract; one the register holds an amount for keeps it.
    if (posting.claim)
        m_contracts.applyTo(*posting.claim);
    return posting.claim;
}

void RemittanceMatcher::matchClaims(const x12::Remittance &remittance, RemittancePlan &plan)
{
    // A split claim (the same CLP01 in several CLPs) is judged once, on its whole.
    std::map<QString, ClaimJudge> judges;
    QSet<QString> reversedHere;
    for (const x12::ClaimPayment &payment : remittance.claims) {
        if (payment.isReversal())
            reversedHere.insert(payment.patientControlNumber);
    }
    for (qsizetype index = 0; index < remittance.claims.size(); ++index) {
        const x12::ClaimPayment &payment = remittance.claims.at(index);
        ClaimPosting posting;
        posting.claimIndex = index;
        findClaim(payment, posting);
        const posting::ClaimStatusRule rule = posting::claimStatusRule(payment.statusCode, remittance.envelope.version);
        if (rule.handling == Handling::Reversal) {
            pairReversal(remittance, posting, plan);
            plan.postings.append(posting);
            continue;
        }
        posting.predetermination = rule.handling == Handling::Predetermination;
        plan.postings.append(posting);
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
            continue;
        }
        const models::Claim &claim = *posting.claim;
        if (rule.handling == Handling::NotOurClaim) {
            // Said by a payer that is, as it says, usually not on the claim's coverage.
            RemittanceException exception
                = claimException(Kind::NotOurClaim, payment.segmentNumber, claim, payment.charge);
            exception.amount = payment.charge;
            exception.explanation
                = u"The payer says claim %1 (charge %2) is not its claim (CLP02 = 23). Check the patient's coverage "
                  "and bill the payer that covers the service."_s.arg(claim.claimNumber, dollars(payment.charge));
            plan.exceptions.append(exception);
            continue;
        }
        // The paying payer's own terms (its kind, its contract's refund days) judge it.
        const QString payerId = payingPayer(remittance, claim);
        if (payerId.isEmpty()) {
            raisePayerNotOnClaim(remittance, payment, claim, plan);
            continue;
        }
        switch (rule.handling) {
        case Handling::Predetermination: // an estimate: no money, no denial
        case Handling::Pending:
        case Handling::Invalid: // reported as a defect; the transaction does not post
        case Handling::Reversal:
        case Handling::NotOurClaim:
            continue;
        case Handling::Denied:
        case Handling::Adjudicated:
            break;
        }
        if (!reversedHere.contains(payment.patientControlNumber) && payment.originalReference.isEmpty())
            checkPaidTwice(remittance, payment, claim, payerTerms(payerId), plan);
        auto found = judges.find(claim.claimNumber);
        if (found == judges.end())
            found = judges.try_emplace(claim.claimNumber, claim, payerTerms(payerId), remittance).first;
        found->second.add(payment, rule);
    }
    for (const auto &entry : judges)
        plan.exceptions.append(entry.second.exceptions());
}

QString RemittanceMatcher::payingPayer(const x12::Remittance &remittance, const models::Claim &claim)
{
    const QStringList coverage = claim.coverage();
    for (const QString &id : payerIdentifiers(remittance)) {
        if (coverage.contains(id))
            return id;
    }
    return {};
}

void RemittanceMatcher::raisePayerNotOnClaim(const x12::Remittance &remittance, const x12::ClaimPayment &payment,
                                             const models::Claim &claim, RemittancePlan &plan)
{
    const QStringList coverage = claim.coverage();
    const QStringList ids = payerIdentifiers(remittance);
    RemittanceException exception = claimException(Kind::PayerNotOnClaim, payment.segmentNumber, claim, payment.charge);
    exception.amount = payment.paid;
    exception.explanation
        = u"%1 (payer id %2) paid %3 on claim %4, but the claim's coverage is %5. Confirm the patient's coverage "
          "before posting: the money may belong to another claim, or the claim's payers need correcting."_s.arg(
              remittance.payer.name, ids.value(0, u"none"_s), dollars(payment.paid), claim.claimNumber,
              coverage.join(u", "_s));
    plan.exceptions.append(exception);
}

void RemittanceMatcher::checkPaidTwice(const x12::Remittance &remittance, const x12::ClaimPayment &payment,
                                       const models::Claim &claim, const PayerTerms &terms, RemittancePlan &plan)
{
    if (payment.paid.cents() <= 0)
        return;
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT claim_payments.paid_cents, remittances.trace_number FROM claim_payments "
                  "JOIN remittances ON remittances.id = claim_payments.remittance_id "
                  "WHERE claim_payments.claim_number = ? AND claim_payments.payer_id = ? "
                  "AND claim_payments.status_code <> '22' AND claim_payments.reversed_by IS NULL "
                  "AND claim_payments.paid_cents > 0 ORDER BY claim_payments.id LIMIT 1"_s);
    query.addBindValue(claim.claimNumber);
    query.addBindValue(plan.payerKey);
    if (!query.exec() || !query.next())
        return;
    const Money earlierPaid = Money::fromCents(query.value(0).toLongLong());
    const QString earlierTrace = query.value(1).toString();
    query.finish();
    RemittanceException exception = claimException(Kind::Overpaid, payment.segmentNumber, claim, payment.charge);
    exception.amount = std::min(payment.paid, earlierPaid);
    const posting::RefundDeadline deadline
        = posting::refundDeadline(terms.kind, payment.filingIndicator, terms.refundDays, terms.today);
    exception.dueDate = deadline.due;
    exception.explanation
        = u"Claim %1 was paid twice by this payer: %2 now (trace %3) and %4 before (trace %5), with no reversal of "
          "the first. Refund the duplicate %6 by %7 (%8), or confirm the payer's take-back."_s.arg(
              claim.claimNumber, dollars(payment.paid), remittance.payment.traceNumber, dollars(earlierPaid),
              earlierTrace, dollars(exception.amount), deadline.due.toString(Qt::ISODate), deadline.basis);
    plan.exceptions.append(exception);
}

void RemittanceMatcher::pairReversal(const x12::Remittance &remittance, ClaimPosting &posting, RemittancePlan &plan)
{
    const x12::ClaimPayment &reversal = remittance.claims.at(posting.claimIndex);
    // In this same transaction first (a payer reverses and repays in one ERA), then what
    // was posted before and not yet reversed: same patient control number, payer claim
    // number (CLP07) and payer, and the amount it takes back.
    for (const ClaimPosting &other : std::as_const(plan.postings)) {
        const x12::ClaimPayment &candidate = remittance.claims.at(other.claimIndex);
        const bool taken = std::any_of(plan.postings.cbegin(), plan.postings.cend(), [&](const ClaimPosting &earlier) {
            return earlier.reversesClaimIndex == other.claimIndex;
        });
        if (!taken && !candidate.isReversal() && candidate.patientControlNumber == reversal.patientControlNumber
            && (reversal.payerClaimControlNumber.isEmpty()
                || candidate.payerClaimControlNumber == reversal.payerClaimControlNumber)
            && candidate.paid == -reversal.paid) {
            posting.reversesClaimIndex = other.claimIndex;
            return;
        }
    }
    if (const std::optional<qint64> original = originalOf(m_database, reversal, plan.payerKey)) {
        posting.reversesPayment = original;
        return;
    }
    plan.exceptions.append(unpairedReversal(reversal, posting.claim));
}

std::optional<qint64> originalOf(store::Database &database, const x12::ClaimPayment &reversal, const QString &payerKey)
{
    // Payments posted before schema 4 have no payer recorded: they pair on the rest.
    QSqlQuery query(database.connection());
    query.prepare(u"SELECT id FROM claim_payments WHERE patient_control_number = ? AND status_code <> '22' "
                  "AND reversed_by IS NULL AND paid_cents = ? AND (? = '' OR payer_claim_number = ?) "
                  "AND (payer_id IS NULL OR payer_id = ?) ORDER BY id DESC LIMIT 1"_s);
    query.addBindValue(reversal.patientControlNumber);
    query.addBindValue(-reversal.paid.cents());
    query.addBindValue(reversal.payerClaimControlNumber.isNull() ? u""_s : reversal.payerClaimControlNumber);
    query.addBindValue(reversal.payerClaimControlNumber);
    query.addBindValue(payerKey);
    if (query.exec() && query.next())
        return query.value(0).toLongLong();
    return std::nullopt;
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

PayerTerms RemittanceMatcher::payerTerms(const QString &payerId)
{
    // Asked for every claim payment; a file has a handful of payers.
    if (const auto known = m_payerTerms.constFind(payerId); known != m_payerTerms.cend())
        return *known;
    PayerTerms terms;
    terms.today = m_policy.today;
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT payers.kind, payer_settings.refund_days FROM payers "
                  "LEFT JOIN payer_settings ON payer_settings.payer_id = payers.id WHERE payers.id = ?"_s);
    query.addBindValue(payerId);
    if (query.exec() && query.next()) {
        terms.kind = models::fromWireName<models::PayerKind>(query.value(0).toString());
        if (!query.value(1).isNull())
            terms.refundDays = query.value(1).toInt();
    }
    m_payerTerms.insert(payerId, terms);
    return terms;
}

} // namespace rcm::server
