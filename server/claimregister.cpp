// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/claimregister.h"

#include "services/store/transactionguard.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Claim;
using models::ClaimLine;
using models::Money;
using store::StoreError;

namespace {

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

QVariant optionalText(const QString &value)
{
    return value.isEmpty() ? QVariant() : QVariant(value);
}

QVariant optionalDate(const QDate &value)
{
    return value.isValid() ? QVariant(value.toString(Qt::ISODate)) : QVariant();
}

} // namespace

ClaimRegister::ClaimRegister(store::Database &database)
    : m_database(database)
{ }

ClaimRegister::~ClaimRegister() = default;

ClaimRegister::Writer::Writer(const QSqlDatabase &connection)
    : claim(connection)
    , clearLines(connection)
    , line(connection)
{
    claim.prepare(u"INSERT OR REPLACE INTO claims (claim_number, account_number, payer_id, payer_claim_number, "
                  "work_item_id, secondary_payer_id, tertiary_payer_id, form, facility_code, frequency_code, voided, "
                  "drg, statement_from, statement_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    clearLines.prepare(u"DELETE FROM claim_lines WHERE claim_number = ?"_s);
    line.prepare(u"INSERT INTO claim_lines (claim_number, line_number, procedure_code, modifiers, charge_cents, "
                 "allowed_cents, units, service_date, service_date_to, line_control_number, revenue_code) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
}

StoreError ClaimRegister::addClaims(std::span<const Claim> claims)
{
    store::TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (!m_writer)
        m_writer = std::make_unique<Writer>(m_database.connection());
    QSqlQuery &claim = m_writer->claim;
    QSqlQuery &clear = m_writer->clearLines;
    QSqlQuery &line = m_writer->line;
    for (const Claim &entry : claims) {
        claim.addBindValue(entry.claimNumber);
        claim.addBindValue(entry.accountNumber);
        claim.addBindValue(entry.payerId);
        claim.addBindValue(entry.payerClaimNumber.isEmpty() ? QVariant() : QVariant(entry.payerClaimNumber));
        claim.addBindValue(entry.workItemId.isEmpty() ? QVariant() : QVariant(entry.workItemId));
        claim.addBindValue(optionalText(entry.secondaryPayerId));
        claim.addBindValue(optionalText(entry.tertiaryPayerId));
        claim.addBindValue(QString(models::wireName(entry.form)));
        claim.addBindValue(optionalText(entry.facilityCode));
        claim.addBindValue(optionalText(entry.frequencyCode));
        claim.addBindValue(entry.voided ? 1 : 0);
        claim.addBindValue(optionalText(entry.drg));
        claim.addBindValue(optionalDate(entry.statementFrom));
        claim.addBindValue(optionalDate(entry.statementTo));
        if (!claim.exec())
            return queryError(claim);
        clear.addBindValue(entry.claimNumber);
        if (!clear.exec())
            return queryError(clear);
        for (const ClaimLine &item : entry.lines) {
            line.addBindValue(entry.claimNumber);
            line.addBindValue(item.lineNumber);
            line.addBindValue(item.procedureCode.isEmpty() ? QStringLiteral("") : item.procedureCode); // NOT NULL
            // An empty join is a null QString, which QtSql binds as NULL.
            line.addBindValue(item.modifiers.isEmpty() ? QStringLiteral("") : item.modifiers.join(u':'));
            line.addBindValue(item.charge.cents());
            line.addBindValue(item.allowed.cents());
            line.addBindValue(item.units);
            line.addBindValue(optionalDate(item.serviceDate));
            line.addBindValue(optionalDate(item.serviceDateTo));
            line.addBindValue(optionalText(item.lineControlNumber));
            line.addBindValue(optionalText(item.revenueCode));
            if (!line.exec())
                return queryError(line);
        }
    }
    return transaction.commit();
}

std::optional<Claim> ClaimRegister::byControlNumber(const QString &patientControlNumber)
{
    return read(u"claim_number = ?"_s, patientControlNumber);
}

std::optional<Claim> ClaimRegister::byPayerClaimNumber(const QString &payerClaimNumber)
{
    return read(u"payer_claim_number = ?"_s, payerClaimNumber);
}

QList<models::PostedPayment> ClaimRegister::payments(const QString &claimNumber, StoreError *error)
{
    QList<models::PostedPayment> result;
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT remittances.trace_number, remittances.payment_date, claim_payments.status_code, "
                  "claim_payments.charge_cents, claim_payments.paid_cents, "
                  "claim_payments.patient_responsibility_cents, claim_payments.reversed_by IS NOT NULL "
                  "FROM claim_payments JOIN remittances ON remittances.id = claim_payments.remittance_id "
                  "WHERE claim_payments.patient_control_number = ? OR claim_payments.claim_number = ? "
                  "ORDER BY claim_payments.id"_s);
    query.addBindValue(claimNumber);
    query.addBindValue(claimNumber);
    if (!query.exec()) {
        if (error)
            *error = queryError(query);
        return result;
    }
    while (query.next()) {
        result.append({query.value(0).toString(), QDate::fromString(query.value(1).toString(), Qt::ISODate),
                       query.value(2).toString(), Money::fromCents(query.value(3).toLongLong()),
                       Money::fromCents(query.value(4).toLongLong()), Money::fromCents(query.value(5).toLongLong()),
                       query.value(6).toBool()});
    }
    return result;
}

std::optional<Claim> ClaimRegister::read(const QString &condition, const QString &value)
{
    if (value.isEmpty())
        return std::nullopt;
    QSqlQuery query(m_database.connection());
    query.prepare(
        u"SELECT claim_number, account_number, payer_id, payer_claim_number, work_item_id, "
        "secondary_payer_id, tertiary_payer_id, form, facility_code, frequency_code, voided, drg, statement_from, "
        "statement_to FROM claims WHERE "_s
        + condition + u" LIMIT 1"_s);
    query.addBindValue(value);
    if (!query.exec() || !query.next())
        return std::nullopt;
    Claim claim;
    claim.claimNumber = query.value(0).toString();
    claim.accountNumber = query.value(1).toString();
    claim.payerId = query.value(2).toString();
    claim.payerClaimNumber = query.value(3).toString();
    claim.workItemId = query.value(4).toString();
    claim.secondaryPayerId = query.value(5).toString();
    claim.tertiaryPayerId = query.value(6).toString();
    claim.form
        = models::fromWireName<models::ClaimForm>(query.value(7).toString()).value_or(models::ClaimForm::Professional);
    claim.facilityCode = query.value(8).toString();
    claim.frequencyCode = query.value(9).toString();
    claim.voided = query.value(10).toBool();
    claim.drg = query.value(11).toString();
    claim.statementFrom = QDate::fromString(query.value(12).toString(), Qt::ISODate);
    claim.statementTo = QDate::fromString(query.value(13).toString(), Qt::ISODate);
    query.finish();
    QSqlQuery lines(m_database.connection());
    lines.prepare(u"SELECT line_number, procedure_code, modifiers, charge_cents, allowed_cents, units, service_date, "
                  "service_date_to, line_control_number, revenue_code FROM claim_lines WHERE claim_number = ? "
                  "ORDER BY line_number"_s);
    lines.addBindValue(claim.claimNumber);
    if (!lines.exec())
        return std::nullopt;
    while (lines.next()) {
        ClaimLine line;
        line.lineNumber = lines.value(0).toInt();
        line.procedureCode = lines.value(1).toString();
        line.modifiers = lines.value(2).toString().split(u':', Qt::SkipEmptyParts);
        line.charge = Money::fromCents(lines.value(3).toLongLong());
        line.allowed = Money::fromCents(lines.value(4).toLongLong());
        line.units = lines.value(5).toInt();
        line.serviceDate = QDate::fromString(lines.value(6).toString(), Qt::ISODate);
        line.serviceDateTo = QDate::fromString(lines.value(7).toString(), Qt::ISODate);
        line.lineControlNumber = lines.value(8).toString();
        line.revenueCode = lines.value(9).toString();
        claim.lines.append(line);
    }
    return claim;
}

} // namespace rcm::server
