// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// RemittanceMatcher's provider-level adjustments (PLB): each is classified and stored;
// recoupments are traced to the claim their reference names and netted with the forward
// balance (FB) that carries them; interest (L6) is checked against the claims' AMT*I;
// only what someone must act on raises a work item.
#include "server/claimregister.h"
#include "server/remittancematcher.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using Kind = RemittanceExceptionKind;
using RuleKind = posting::ProviderAdjustmentRule::Kind;

namespace {

QString dollars(Money amount)
{
    return u"$"_s + amount.toString();
}

bool isDebt(RuleKind kind)
{
    return kind == RuleKind::Recoupment || kind == RuleKind::ForwardBalance || kind == RuleKind::Unknown;
}

} // namespace

void RemittanceMatcher::classifyProviderAdjustments(const x12::Remittance &remittance, RemittancePlan &plan)
{
    const QList<x12::ProviderAdjustment> &adjustments = remittance.providerAdjustments;
    // The claim a reference names: the payer's claim number as posted, then the register.
    QSqlQuery posted(m_database.connection());
    posted.prepare(u"SELECT claim_number FROM claim_payments WHERE payer_claim_number = ? AND claim_number IS NOT "
                   "NULL ORDER BY id DESC LIMIT 1"_s);
    const auto claimNamed = [&](const QString &reference) -> std::optional<models::Claim> {
        if (reference.isEmpty())
            return std::nullopt;
        // Some payers follow the claim number with the patient's account or id: the first word names it.
        for (const QString &candidate : {reference, reference.section(u' ', 0, 0)}) {
            posted.addBindValue(candidate);
            if (posted.exec() && posted.next()) {
                const QString number = posted.value(0).toString();
                posted.finish();
                if (auto claim = m_claims.byControlNumber(number))
                    return claim;
            }
            posted.finish();
            if (auto claim = m_claims.byPayerClaimNumber(candidate))
                return claim;
            if (auto claim = m_claims.byControlNumber(candidate))
                return claim;
        }
        return std::nullopt;
    };
    // An earlier debt under the same reference still being worked: an FB carrying it is the same debt.
    QSqlQuery earlierDebt(m_database.connection());
    earlierDebt.prepare(u"SELECT provider_adjustments.work_item_id FROM provider_adjustments "
                        "JOIN work_items ON work_items.id = provider_adjustments.work_item_id "
                        "WHERE provider_adjustments.reference = ? AND provider_adjustments.classification IN "
                        "('recoupment', 'forward-balance', 'unknown') AND work_items.status <> 'resolved' "
                        "ORDER BY provider_adjustments.id DESC LIMIT 1"_s);

    QHash<QString, Money> interestByReference;
    for (qsizetype index = 0; index < adjustments.size(); ++index) {
        const x12::ProviderAdjustment &adjustment = adjustments.at(index);
        ProviderAdjustmentPosting entry;
        entry.index = index;
        entry.rule = posting::providerAdjustmentRule(adjustment.reasonCode);
        if (const auto claim = claimNamed(adjustment.reference))
            entry.claimNumber = claim->claimNumber;
        if (entry.rule.kind == RuleKind::Interest) // L6 adds money: a negative PLB amount
            interestByReference[adjustment.reference] -= adjustment.amount;
        plan.providerAdjustments.append(entry);
    }

    // Debts: the recoupments and forward balances of one reference are one debt; its net
    // is what the payer keeps.
    QHash<QString, QList<qsizetype>> debts; // reference -> indexes in plan.providerAdjustments
    QStringList order;
    for (qsizetype index = 0; index < plan.providerAdjustments.size(); ++index) {
        const ProviderAdjustmentPosting &entry = plan.providerAdjustments.at(index);
        if (isDebt(entry.rule.kind)) {
            const QString key = adjustments.at(entry.index).reference.isEmpty()
                ? u"#"_s + QString::number(index) // no reference: each stands alone
                : adjustments.at(entry.index).reference;
            if (!debts.contains(key))
                order << key;
            debts[key].append(index);
        }
    }
    for (const QString &key : std::as_const(order)) {
        const QList<qsizetype> &members = debts.value(key);
        Money net;
        QStringList codes;
        bool onlyForwardBalances = true;
        for (const qsizetype member : members) {
            const ProviderAdjustmentPosting &entry = plan.providerAdjustments.at(member);
            const x12::ProviderAdjustment &adjustment = adjustments.at(entry.index);
            net += adjustment.amount;
            codes << u"%1 %2"_s.arg(adjustment.reasonCode, dollars(adjustment.amount));
            onlyForwardBalances = onlyForwardBalances && entry.rule.kind == RuleKind::ForwardBalance;
        }
        const ProviderAdjustmentPosting &lead = plan.providerAdjustments.at(members.constFirst());
        const x12::ProviderAdjustment &first = adjustments.at(lead.index);
        if (onlyForwardBalances && !first.reference.isEmpty()) {
            earlierDebt.addBindValue(first.reference);
            const bool known = earlierDebt.exec() && earlierDebt.next();
            earlierDebt.finish();
            if (known)
                continue; // the balance of a debt already being worked, not a second one
        }
        if (net.cents() <= 0 && onlyForwardBalances)
            continue; // a balance handed back: money received, nothing to chase
        if (net.cents() == 0)
            continue; // a recoupment and the forward balance that defers it cancel out here
        RemittanceException exception;
        exception.kind = Kind::Recoupment;
        exception.segmentNumber = first.segmentNumber;
        exception.claim = lead.claimNumber.isEmpty() ? std::nullopt : m_claims.byControlNumber(lead.claimNumber);
        exception.claimNumber = exception.claim ? exception.claim->claimNumber : first.reference;
        exception.amount = net;
        exception.reasonCode = first.reasonCode;
        const QString parts = members.size() > 1 ? u" (%1, one debt)"_s.arg(codes.join(u" and "_s)) : QString();
        exception.explanation = exception.claim
            ? u"The payer took back %1 from this payment (PLB %2%3) for claim %4, which it names by reference %5. "
              "Post it against that claim, not as a note."_s.arg(dollars(net), first.reasonCode, parts,
                                                                 exception.claim->claimNumber, first.reference)
            : u"The payer took back %1 from this payment (PLB %2%3, reference %4), and no claim here has that "
              "number. Ask the payer which claim it recoups."_s.arg(
                  dollars(net), first.reasonCode, parts, first.reference.isEmpty() ? u"none"_s : first.reference);
        if (lead.rule.kind == RuleKind::Unknown) {
            exception.explanation
                = u"The payer adjusted this payment by %1 with PLB reason %2 (reference %3), which "
                  "is not a 5010 provider adjustment reason. Ask the payer what it is."_s.arg(
                      dollars(net), first.reasonCode, first.reference.isEmpty() ? u"none"_s : first.reference);
        }
        for (const qsizetype member : members)
            plan.providerAdjustments[member].exceptionIndex = plan.exceptions.size();
        plan.exceptions.append(exception);
    }

    // Interest paid at provider level (L6) names the claim it is paid on; a claim that
    // says how much interest it carries (AMT*I) must agree.
    for (const x12::ClaimPayment &claim : remittance.claims) {
        if (!claim.interest || claim.payerClaimControlNumber.isEmpty()
            || !interestByReference.contains(claim.payerClaimControlNumber))
            continue;
        const Money plb = interestByReference.value(claim.payerClaimControlNumber);
        if (plb == *claim.interest)
            continue;
        RemittanceException exception;
        exception.kind = Kind::InterestMismatch;
        exception.segmentNumber = claim.segmentNumber;
        exception.claim = m_claims.byControlNumber(claim.patientControlNumber);
        exception.claimNumber = exception.claim ? exception.claim->claimNumber : claim.patientControlNumber;
        exception.amount = plb - *claim.interest;
        exception.explanation
            = u"Claim %1 says the payer paid %2 of interest (AMT*I), but the provider-level interest (PLB L6) "
              "for its number %3 is %4. Post the interest the payer actually paid and ask about the "
              "difference."_s.arg(claim.patientControlNumber, dollars(*claim.interest), claim.payerClaimControlNumber,
                                  dollars(plb));
        plan.exceptions.append(exception);
    }
}

} // namespace rcm::server
