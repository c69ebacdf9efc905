// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The small 835s and claims the posting-rule tests (test_postingrules) are built from:
// amounts in dollars, segments by their X12 names.
#include "models/claim.h"
#include "services/x12/remittancewriter.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testremittances.h"

#include <QBuffer>
#include <QJsonArray>

namespace rcm::testing::posting {

using namespace Qt::Literals::StringLiterals;
using models::Money;
using testing::adjustment;

inline Money dollars(double amount)
{
    return Money::fromCents(qRound64(amount * 100));
}

inline models::ClaimLine billed(int number, const QString &code, double charge, double allowed, QDate date = {},
                                const QString &control = {}, const QString &revenueCode = {})
{
    models::ClaimLine line;
    line.lineNumber = number;
    line.procedureCode = code;
    line.charge = dollars(charge);
    line.allowed = dollars(allowed);
    line.serviceDate = date;
    line.lineControlNumber = control;
    line.revenueCode = revenueCode;
    return line;
}

/// A payer's line: what it paid and why the rest was not, balanced by construction.
inline x12::ServiceLine paid(const QString &code, double charge, double amount, QList<x12::Adjustment> adjustments,
                             QDate date = {}, const QString &control = {})
{
    x12::ServiceLine line;
    line.procedure.qualifier = u"HC"_s;
    line.procedure.code = code;
    line.charge = dollars(charge);
    line.paid = dollars(amount);
    line.adjustments = std::move(adjustments);
    line.serviceDate = date;
    line.lineControlNumber = control;
    return line;
}

inline x12::Adjustment cas(const QString &group, const QString &reason, double amount)
{
    x12::Adjustment result = adjustment(group, reason, dollars(amount));
    if (group == u"PI"_s)
        result.group = x12::AdjustmentGroup::PayerInitiated;
    else if (group == u"CR"_s)
        result.group = x12::AdjustmentGroup::Correction;
    return result;
}

inline x12::ClaimPayment clp(const QString &number, const QString &status, QList<x12::ServiceLine> lines)
{
    x12::ClaimPayment payment;
    payment.patientControlNumber = number;
    payment.statusCode = status;
    payment.status = x12::claimStatusFromCode(status);
    payment.filingIndicator = u"CI"_s;
    payment.lines = std::move(lines);
    return payment;
}

/// A transaction from payer (its id as the payers table has it), balanced.
inline x12::Remittance from(const QString &payer, QList<x12::ClaimPayment> claims, const QString &trace,
                            QList<x12::ProviderAdjustment> plb = {})
{
    x12::Remittance remittance = testing::remittanceFor(std::move(claims), trace);
    remittance.payer.id = payer;
    remittance.payment.originatorId = u"1"_s + payer;
    remittance.providerAdjustments = std::move(plb);
    testing::settle(remittance);
    return remittance;
}

inline x12::ProviderAdjustment plb(const QString &reason, const QString &reference, double amount)
{
    x12::ProviderAdjustment adjustment;
    adjustment.providerId = u"1999999900"_s;
    adjustment.fiscalPeriodEnd = QDate(2026, 12, 31);
    adjustment.reasonCode = reason;
    adjustment.reference = reference;
    adjustment.amount = dollars(amount);
    return adjustment;
}

inline QByteArray fileWith(const QList<x12::Remittance> &transactions, x12::RemittanceWriter::Options options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    x12::RemittanceWriter writer(&buffer, options);
    writer.writeInterchange(transactions);
    return buffer.data();
}

inline QJsonArray exceptionsOf(const testing::HttpReply &reply)
{
    QJsonArray all;
    for (const QJsonValue &transaction : reply.json().value(u"transactions"_s).toArray()) {
        for (const QJsonValue &exception : transaction.toObject().value(u"exceptions"_s).toArray())
            all.append(exception);
    }
    return all;
}

inline QStringList kindsOf(const testing::HttpReply &reply)
{
    QStringList kinds;
    for (const QJsonValue &exception : exceptionsOf(reply))
        kinds << exception.toObject().value(u"kind"_s).toString();
    return kinds;
}

inline QStringList errorCodesOf(const testing::HttpReply &reply)
{
    QStringList codes;
    const QJsonObject report = reply.json().value(u"report"_s).toObject();
    for (const QJsonValue &transaction : report.value(u"transactions"_s).toArray()) {
        for (const QJsonValue &error : transaction.toObject().value(u"errors"_s).toArray())
            codes << error.toObject().value(u"code"_s).toString();
    }
    return codes;
}

} // namespace rcm::testing::posting
