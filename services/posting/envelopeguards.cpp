// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/posting/envelopeguards.h"

#include "services/posting/claimstatusrules.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::posting {

namespace {

using x12::Defect;
using x12::Severity;

// BPR01 (005010X221A1): C payment accompanies remittance, D make payment only, H
// notification only, I remittance information only, P prenotification of future
// transfers, U split payment and remittance, X handling party's option to split.
const QStringList handlingCodes {u"C"_s, u"D"_s, u"H"_s, u"I"_s, u"P"_s, u"U"_s, u"X"_s};
// BPR04: ACH, BOP (financial institution option), CHK, FWT (federal reserve wire), NON.
const QStringList paymentMethods {u"ACH"_s, u"BOP"_s, u"CHK"_s, u"FWT"_s, u"NON"_s};

} // namespace

QList<Defect> checkUsage(const x12::Envelope &envelope, qint64 segment, TestInterchanges testInterchanges,
                         const QString &what)
{
    QList<Defect> defects;
    if (envelope.usageIndicator == u"T"_s) {
        if (testInterchanges == TestInterchanges::Refuse) {
            defects.append({Severity::Error, defectcode::TestInterchange, segment, u"ISA"_s,
                            u"The interchange is marked as a test (ISA15 = T): its %1 are not real and are not "
                            "taken. A test gateway started with --accept-test-interchanges takes them."_s.arg(what)});
        } else {
            defects.append({Severity::Warning, defectcode::TestInterchange, segment, u"ISA"_s,
                            u"The interchange is marked as a test (ISA15 = T); this gateway accepts test "
                            "interchanges, so its %1 are taken."_s.arg(what)});
        }
    } else if (envelope.usageIndicator != u"P"_s) {
        defects.append({Severity::Error, defectcode::TestInterchange, segment, u"ISA"_s,
                        u"ISA15 is \"%1\", neither P (production) nor T (test)."_s.arg(envelope.usageIndicator)});
    }
    return defects;
}

bool movesMoney(const x12::Payment &payment)
{
    return payment.handlingCode != u"H"_s && payment.method != u"NON"_s;
}

QList<Defect> checkEnvelope(const x12::Remittance &remittance, TestInterchanges testInterchanges)
{
    QList<Defect> defects;
    const x12::Envelope &envelope = remittance.envelope;
    const qint64 st = remittance.firstSegment;
    if (envelope.usageIndicator == u"T"_s) {
        if (testInterchanges == TestInterchanges::Refuse) {
            defects.append(
                {Severity::Error, defectcode::TestInterchange, st, u"ISA"_s,
                 u"The interchange is marked as a test (ISA15 = T): its payments are not real money "
                 "and are not posted. A test gateway started with --accept-test-interchanges posts them."_s});
        } else {
            defects.append({Severity::Warning, defectcode::TestInterchange, st, u"ISA"_s,
                            u"The interchange is marked as a test (ISA15 = T); this gateway accepts test "
                            "interchanges, so it posts."_s});
        }
    } else if (envelope.usageIndicator != u"P"_s) {
        defects.append({Severity::Error, defectcode::TestInterchange, st, u"ISA"_s,
                        u"ISA15 is \"%1\", neither P (production) nor T (test)."_s.arg(envelope.usageIndicator)});
    }
    if (envelope.functionalId != u"HP"_s) {
        defects.append({Severity::Error, defectcode::FunctionalIdentifier, st, u"GS"_s,
                        u"The functional group is \"%1\" (GS01), not HP (health care claim payment/advice): "
                        "this is not a remittance group."_s.arg(envelope.functionalId)});
    }
    // ST03 names the implementation guide when sent; older files omit it and GS08 decides.
    const QString &reference = remittance.implementationReference;
    if (!reference.isEmpty() && reference != envelope.version) {
        defects.append({Severity::Error, defectcode::ImplementationReference, st, u"ST"_s,
                        u"The transaction says it follows %1 (ST03), but its group says %2 (GS08)."_s.arg(
                            reference, envelope.version)});
    }
    const x12::Payment &payment = remittance.payment;
    if (!payment.handlingCode.isEmpty() && !handlingCodes.contains(payment.handlingCode)) {
        defects.append(
            {Severity::Error, defectcode::HandlingCode, st, u"BPR"_s,
             u"BPR01 \"%1\" is not a transaction handling code (C, D, H, I, P, U or X)."_s.arg(payment.handlingCode)});
    }
    if (!payment.method.isEmpty() && !paymentMethods.contains(payment.method)) {
        defects.append({Severity::Error, defectcode::PaymentMethod, st, u"BPR"_s,
                        u"BPR04 \"%1\" is not a payment method (ACH, BOP, CHK, FWT or NON)."_s.arg(payment.method)});
    }
    if (!movesMoney(payment) && payment.amount.cents() != 0) {
        defects.append({Severity::Error, defectcode::NotificationWithMoney, st, u"BPR"_s,
                        u"The payment is a notification that moves no money (BPR01 %1, BPR04 %2) but says %3 "
                        "was paid."_s.arg(payment.handlingCode, payment.method, payment.amount.toString())});
    }
    return defects;
}

QList<Defect> checkClaimStatuses(const x12::Remittance &remittance)
{
    QList<Defect> defects;
    for (const x12::ClaimPayment &claim : remittance.claims) {
        if (claim.statusCode.isEmpty())
            continue; // the reader already reports a missing CLP02
        if (claimStatusRule(claim.statusCode, remittance.envelope.version).handling
            == ClaimStatusRule::Handling::Invalid) {
            defects.append(
                {Severity::Error, defectcode::ClaimStatusInvalid, claim.segmentNumber, u"CLP"_s,
                 u"Claim %1 has status \"%2\" (CLP02), which is not a claim status of %3: 1, 2, 3, 4, 19, 20, 21, "
                 "22, 23 or 25."_s.arg(claim.patientControlNumber, claim.statusCode,
                                       remittance.envelope.version.isEmpty() ? u"005010X221A1"_s
                                                                             : remittance.envelope.version)});
        }
    }
    return defects;
}

} // namespace rcm::posting
