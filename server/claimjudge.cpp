// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/claimjudge.h"

#include "services/posting/refunddeadline.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using posting::Judgement;
using posting::PaymentFacts;
using Kind = RemittanceExceptionKind;

namespace {

QString dollars(Money amount)
{
    return u"$"_s + amount.toString();
}

QString procedureText(const x12::ProcedureCode &procedure)
{
    return procedure.modifiers.isEmpty() ? procedure.code : procedure.code + u'-' + procedure.modifiers.join(u'-');
}

bool sameModifiers(QStringList a, QStringList b)
{
    a.sort();
    b.sort();
    return a == b;
}

/// Whether the payer's service date (DTM*472, or the DTM*150/151 range) fits the billed
/// line's; a date either side did not send cannot rule a line out.
bool sameDate(const x12::ServiceLine &line, const models::ClaimLine &billed)
{
    const QDate from = line.serviceDate.isValid() ? line.serviceDate : line.serviceFrom;
    const QDate to = line.serviceDate.isValid() ? line.serviceDate : (line.serviceTo.isValid() ? line.serviceTo : from);
    if (!from.isValid() || !billed.serviceDate.isValid())
        return true;
    const QDate billedTo = billed.serviceDateTo.isValid() ? billed.serviceDateTo : billed.serviceDate;
    return from <= billedTo && billed.serviceDate <= to;
}

QString lineText(const models::ClaimLine &billed, const x12::ProcedureCode &procedure)
{
    QString text = u"line %1 (%2"_s.arg(QString::number(billed.lineNumber), procedureText(procedure));
    if (billed.serviceDate.isValid())
        text += u" on "_s + billed.serviceDate.toString(Qt::ISODate);
    return text + u')';
}

/// "less the patient's share of $20.00 and $1.60 of sequestration and other reductions"
QString deductionsText(const Judgement &judgement)
{
    QStringList parts;
    parts << u"the patient's share of %1"_s.arg(dollars(judgement.patientShare));
    if (judgement.reductions.cents() > 0)
        parts << u"%1 of legitimate reductions (sequestration, legislated, multiple procedure)"_s.arg(
            dollars(judgement.reductions));
    if (judgement.priorPayer.cents() > 0)
        parts << u"%1 paid by a prior payer"_s.arg(dollars(judgement.priorPayer));
    return parts.join(u" and "_s);
}

QString basisText(const Judgement &judgement)
{
    return judgement.expectedFromPayer ? u"the payer's own allowed amount (AMT*B6)"_s : u"the contract"_s;
}

} // namespace

ClaimJudge::ClaimJudge(const models::Claim &claim, PayerTerms terms, const x12::Remittance &remittance)
    : m_claim(claim)
    , m_terms(std::move(terms))
    , m_remittance(remittance)
    , m_used(claim.lines.size(), false)
{ }

RemittanceException ClaimJudge::exception(Kind kind, qint64 segmentNumber, Money charge) const
{
    return claimException(kind, segmentNumber, m_claim, charge);
}

void ClaimJudge::add(const x12::ClaimPayment &payment, const posting::ClaimStatusRule &rule)
{
    m_filingIndicator = payment.filingIndicator;
    if (rule.handling == posting::ClaimStatusRule::Handling::Denied) {
        deny(payment);
        return;
    }
    if (payment.lines.isEmpty()) {
        // Adjudicated at claim level: judged once with the claim's other parts, if split.
        if (!m_whole) {
            m_whole = WholeClaim();
            m_whole->segmentNumber = payment.segmentNumber;
            m_whole->position = rule.coveragePosition;
            m_whole->filingIndicator = payment.filingIndicator;
        }
        m_whole->charge += payment.charge;
        m_whole->paid += payment.paid;
        m_whole->adjustments.append(payment.adjustments);
        m_whole->remarks.append(payment.remarkCodes);
        return;
    }
    // Claim-level adjustments beside the lines: a denial there is a denial of the claim.
    PaymentFacts claimLevel;
    claimLevel.adjustments = payment.adjustments;
    const Judgement judgement = posting::judge(claimLevel);
    if (judgement.isDenial()) {
        m_denied.append({payment.segmentNumber, u"the claim as a whole"_s, Money(), judgement.denied,
                         payment.adjustments.at(*judgement.drivingDenial), payment.remarkCodes});
    }
    addLines(payment, rule.coveragePosition);
}

void ClaimJudge::deny(const x12::ClaimPayment &payment)
{
    // CLP02 = 4: the payer denied the claim. Its reason is the adjustment that drives the
    // denial, found among the claim's and the lines' CAS, never the write-down beside it.
    PaymentFacts facts;
    facts.charge = payment.charge;
    facts.paid = payment.paid;
    facts.adjustments = payment.adjustments;
    QStringList remarks = payment.remarkCodes;
    for (const x12::ServiceLine &line : payment.lines) {
        facts.adjustments.append(line.adjustments);
        remarks.append(line.remarkCodes);
    }
    const Judgement judgement = posting::judge(facts);
    x12::Adjustment reason;
    if (judgement.drivingDenial) {
        reason = facts.adjustments.at(*judgement.drivingDenial);
    } else {
        for (const x12::Adjustment &adjustment : facts.adjustments) {
            if (adjustment.amount.cents() > 0
                && posting::meaningOf(adjustment) != posting::AdjustmentMeaning::PatientShare) {
                reason = adjustment;
                break;
            }
        }
    }
    // A secondary answering "denied" because the primary paid it all (OA-23), or a claim
    // the patient's share and the contract fully explain, leaves nothing to work.
    const Money unexplained = payment.charge - payment.paid - judgement.patientShare - judgement.patientBalance
        - judgement.writeDown - judgement.reductions - judgement.priorPayer - judgement.capitation;
    if (!judgement.isDenial() && unexplained.cents() <= 0)
        return;
    remarks.removeDuplicates();
    m_denied.append({payment.segmentNumber, u"the whole claim"_s, payment.charge,
                     judgement.isDenial() ? judgement.denied : unexplained, reason, remarks});
}

qsizetype ClaimJudge::matchLine(const x12::ServiceLine &line)
{
    const QList<models::ClaimLine> &lines = m_claim.lines;
    const auto first = [&](auto &&accepts) -> qsizetype {
        for (qsizetype index = 0; index < lines.size(); ++index) {
            if (!m_used.at(index) && accepts(lines.at(index)))
                return index;
        }
        return -1;
    };
    // 1. The line item control number the provider sent (REF*6R) and the payer echoed.
    if (!line.lineControlNumber.isEmpty()) {
        const qsizetype found = first(
            [&](const models::ClaimLine &billed) { return billed.lineControlNumber == line.lineControlNumber; });
        if (found >= 0)
            return found;
    }
    // 2. What was billed (SVC06 when the payer restated it), its modifiers and its date;
    // among equals, the first in billed order.
    const x12::ProcedureCode &billed = line.originalProcedure ? *line.originalProcedure : line.procedure;
    if (billed.qualifier != u"NU"_s && !billed.code.isEmpty()) {
        const qsizetype found = first([&](const models::ClaimLine &candidate) {
            return candidate.procedureCode == billed.code && sameModifiers(candidate.modifiers, billed.modifiers)
                && sameDate(line, candidate);
        });
        if (found >= 0)
            return found;
    }
    // 3. The revenue code: SVC01 itself when qualified NU, else SVC04.
    const QString revenueCode = billed.qualifier == u"NU"_s ? billed.code : line.revenueCode;
    if (!revenueCode.isEmpty()) {
        return first([&](const models::ClaimLine &candidate) {
            return candidate.revenueCode == revenueCode && sameDate(line, candidate);
        });
    }
    return -1;
}

void ClaimJudge::addLines(const x12::ClaimPayment &payment, int position)
{
    for (const x12::ServiceLine &line : payment.lines) {
        const x12::ProcedureCode &billedCode = line.originalProcedure ? *line.originalProcedure : line.procedure;
        const qsizetype found = matchLine(line);
        if (found < 0) {
            RemittanceException unmatched = exception(Kind::UnmatchedLine, line.segmentNumber, line.charge);
            unmatched.remarkCodes = line.remarkCodes;
            unmatched.amount = line.paid;
            unmatched.explanation = u"Claim %1 has no billed line %2%3 for the payer's line paying %4 on %5%6."_s.arg(
                m_claim.claimNumber, procedureText(billedCode),
                line.lineControlNumber.isEmpty() ? QString()
                                                 : u" with line control number %1"_s.arg(line.lineControlNumber),
                dollars(line.paid), dollars(line.charge),
                line.originalProcedure ? u" (restated by the payer as %1)"_s.arg(procedureText(line.procedure))
                                       : QString());
            m_lineExceptions.append(unmatched);
            continue;
        }
        m_used[found] = true;
        const models::ClaimLine &billed = m_claim.lines.at(found);
        PaymentFacts facts;
        facts.charge = line.charge;
        facts.paid = line.paid;
        facts.adjustments = line.adjustments;
        facts.payerAllowed = line.allowed;
        if (billed.allowed.cents() > 0)
            facts.contractAllowed = billed.allowed;
        facts.judgeAmount = position == 1;
        const Judgement judgement = posting::judge(facts);
        const QString what = lineText(billed, billedCode);
        if (judgement.isDenial()) {
            m_denied.append({line.segmentNumber, what, line.charge, judgement.denied,
                             line.adjustments.at(*judgement.drivingDenial), line.remarkCodes});
        } else if (judgement.isUnderpaid()) {
            RemittanceException underpaid = exception(Kind::Underpaid, line.segmentNumber, line.charge);
            underpaid.amount = judgement.shortfall;
            underpaid.remarkCodes = line.remarkCodes;
            underpaid.explanation
                = u"%1 of claim %2 was paid %3; %4 allows %5, less %6, so %7 was expected: %8 short."_s.arg(
                    what.at(0).toUpper() + what.mid(1), m_claim.claimNumber, dollars(line.paid), basisText(judgement),
                    dollars(facts.payerAllowed.value_or(billed.allowed)), deductionsText(judgement),
                    dollars(*judgement.expected), dollars(judgement.shortfall));
            m_lineExceptions.append(underpaid);
        } else if (judgement.isOverpaid()) {
            if (m_overpaid.cents() == 0)
                m_overpaidSegment = line.segmentNumber;
            m_overpaid += judgement.excess;
            m_overpaidLines << u"%1 paid %2 where %3 was expected from %4"_s.arg(
                what, dollars(line.paid), dollars(*judgement.expected), basisText(judgement));
        }
    }
}

PaymentFacts ClaimJudge::wholeFacts() const
{
    PaymentFacts facts;
    facts.charge = m_whole->charge;
    facts.paid = m_whole->paid;
    facts.adjustments = m_whole->adjustments;
    if (m_claim.allowed().cents() > 0)
        facts.contractAllowed = m_claim.allowed();
    facts.judgeAmount = m_whole->position == 1;
    return facts;
}

QList<RemittanceException> ClaimJudge::exceptions() const
{
    QList<RemittanceException> result = m_lineExceptions;
    QList<DeniedPart> denied = m_denied;
    Money overpaid = m_overpaid;
    QStringList overpaidLines = m_overpaidLines;
    qint64 overpaidSegment = m_overpaidSegment;
    if (m_whole) {
        const PaymentFacts facts = wholeFacts();
        const Judgement judgement = posting::judge(facts);
        if (judgement.isDenial()) {
            denied.append({m_whole->segmentNumber, u"the claim as a whole"_s, m_whole->charge, judgement.denied,
                           facts.adjustments.at(*judgement.drivingDenial), m_whole->remarks});
        } else if (judgement.isUnderpaid()) {
            RemittanceException underpaid = exception(Kind::Underpaid, m_whole->segmentNumber, m_whole->charge);
            underpaid.amount = judgement.shortfall;
            underpaid.explanation
                = u"Claim %1 was paid %2; the contract allows %3, less %4, so %5 was expected: %6 "
                  "short."_s.arg(m_claim.claimNumber, dollars(m_whole->paid), dollars(m_claim.allowed()),
                                 deductionsText(judgement), dollars(*judgement.expected), dollars(judgement.shortfall));
            result.append(underpaid);
        } else if (judgement.isOverpaid()) {
            overpaidSegment = m_whole->segmentNumber;
            overpaid += judgement.excess;
            overpaidLines << u"the claim paid %1 where %2 was expected"_s.arg(dollars(m_whole->paid),
                                                                              dollars(*judgement.expected));
        }
    }
    if (!denied.isEmpty()) {
        // One denial per claim, naming each denied part: a poster works the claim, not the line.
        const auto driving
            = std::max_element(denied.cbegin(), denied.cend(),
                               [](const DeniedPart &a, const DeniedPart &b) { return a.denied < b.denied; });
        RemittanceException denial = exception(Kind::DeniedLine, denied.constFirst().segmentNumber, Money());
        denial.groupCode = driving->reason.groupCode;
        denial.reasonCode = driving->reason.reasonCode;
        denial.raisesDenial = true;
        QStringList parts;
        for (const DeniedPart &part : std::as_const(denied)) {
            denial.charge += part.charge;
            denial.amount += part.denied;
            for (const QString &remark : part.remarks) {
                if (!denial.remarkCodes.contains(remark))
                    denial.remarkCodes << remark;
            }
            parts << (part.charge.cents() > 0 && part.denied != part.charge
                          ? u"%1: %2 of %3"_s.arg(part.what, dollars(part.denied), dollars(part.charge))
                          : u"%1: %2"_s.arg(part.what, dollars(part.denied)));
        }
        denial.explanation = u"The payer denied %1 on claim %2 (%3), giving reason %4-%5%6."_s.arg(
            dollars(denial.amount), m_claim.claimNumber, parts.join(u"; "_s), denial.groupCode, denial.reasonCode,
            denial.remarkCodes.isEmpty() ? QString() : u" with remarks %1"_s.arg(denial.remarkCodes.join(u", "_s)));
        result.append(denial);
    }
    if (overpaid.cents() > 0) {
        RemittanceException credit = exception(Kind::Overpaid, overpaidSegment, m_claim.charge());
        credit.amount = overpaid;
        const posting::RefundDeadline deadline
            = posting::refundDeadline(m_terms.kind, m_filingIndicator, m_terms.refundDays, m_terms.today);
        credit.dueDate = deadline.due;
        credit.explanation
            = u"Claim %1 was paid %2 more than the contract and the patient's share allow (%3): a credit balance. "
              "Refund it by %4 (%5), unless the payer takes it back first."_s.arg(
                  m_claim.claimNumber, dollars(overpaid), overpaidLines.join(u"; "_s),
                  deadline.due.toString(Qt::ISODate), deadline.basis);
        result.append(credit);
    }
    return result;
}

} // namespace rcm::server
