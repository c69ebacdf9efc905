// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayreportsql.h"

#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

ReportSql &ReportSql::operator<<(const QString &text)
{
    m_text += text;
    return *this;
}

ReportSql &ReportSql::bind(const QString &text, const QVariant &value)
{
    m_text += text;
    m_values.append(value);
    return *this;
}

ReportSql &ReportSql::period(const QString &expression, const ReportScope &scope)
{
    // Timestamps are ISO 8601 UTC text and dates ISO text: both compare as text, and the
    // day after the period bounds it whole.
    if (scope.parameters.from.isValid())
        bind(u" AND "_s + expression + u" >= ?"_s, scope.parameters.from.toString(Qt::ISODate));
    return until(expression, scope);
}

ReportSql &ReportSql::until(const QString &expression, const ReportScope &scope)
{
    if (scope.parameters.to.isValid())
        bind(u" AND "_s + expression + u" < ?"_s, scope.parameters.to.addDays(1).toString(Qt::ISODate));
    return *this;
}

ReportSql &ReportSql::itemFilters(const QString &alias, const ReportScope &scope)
{
    if (!scope.parameters.payerId.isEmpty())
        bind(u" AND "_s + alias + u".payer_id = ?"_s, scope.parameters.payerId);
    if (!scope.parameters.facility.isEmpty())
        bind(u" AND "_s + alias + u".facility_id = ?"_s, scope.parameters.facility);
    return *this;
}

ReportSql &ReportSql::ownedBy(const QString &alias, const ReportScope &scope)
{
    if (!scope.isWhole())
        bind(u" AND "_s + alias + u".owner_id = ?"_s, scope.ownerId);
    return *this;
}

ReportSql &ReportSql::remittanceSelection(const QString &alias, const ReportScope &scope)
{
    period(remittanceDaySql(alias), scope);
    // A payer's remittances: those whose 835 names it, and those paying one of its claims.
    if (!scope.parameters.payerId.isEmpty()) {
        bind(u" AND ("_s + alias + u".payer_id = ?"_s, scope.parameters.payerId);
        bind(u" OR "_s + alias
                 + u".id IN (SELECT payer_payment.remittance_id FROM claim_payments AS payer_payment "
                   "JOIN claims AS payer_claim ON payer_claim.claim_number = payer_payment.claim_number "
                   "WHERE payer_claim.payer_id = ?))"_s,
             scope.parameters.payerId);
    }
    if (!scope.parameters.facility.isEmpty()) {
        bind(u" AND "_s + alias
                 + u".id IN (SELECT facility_payment.remittance_id FROM claim_payments AS facility_payment "
                   "JOIN claims AS facility_claim ON facility_claim.claim_number = facility_payment.claim_number "
                   "JOIN work_items AS facility_item ON facility_item.id = facility_claim.work_item_id "
                   "WHERE facility_item.facility_id = ?)"_s,
             scope.parameters.facility);
    }
    if (!scope.isWhole()) {
        // Their own work: the remittances they posted, and those with an exception they own.
        bind(u" AND ("_s + alias + u".received_by = ?"_s, scope.ownerId);
        bind(u" OR "_s + alias
                 + u".id IN (SELECT owned_exception.remittance_id FROM remittance_exceptions AS owned_exception "
                   "JOIN work_items AS owned_item ON owned_item.id = owned_exception.work_item_id "
                   "WHERE owned_item.owner_id = ?))"_s,
             scope.ownerId);
    }
    return *this;
}

std::optional<QSqlQuery> ReportSql::run(store::Database &database, store::StoreError *error) const
{
    QSqlQuery query(database.connection());
    query.setForwardOnly(true);
    bool ok = query.prepare(m_text);
    for (const QVariant &value : m_values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok) {
        store::setError(error, store::StoreError(store::StoreError::Code::Query, query.lastError().text()));
        return std::nullopt;
    }
    return query;
}

QString remittanceDaySql(const QString &remittanceAlias)
{
    return u"coalesce(%1.payment_date, substr(%1.received_at, 1, 10))"_s.arg(remittanceAlias);
}

QString amountCentsSql(const QString &detailsColumn)
{
    return u"CAST(round(CAST(json_extract(%1, '$.amount') AS REAL) * 100) AS INTEGER)"_s.arg(detailsColumn);
}

QString approvedWriteOffSql(const QString &approvalAlias)
{
    return u"(SELECT %1 FROM audit_log AS request_entry WHERE request_entry.work_item_id = %2.work_item_id "
           "AND request_entry.action_type = 'request_writeoff' AND request_entry.sequence < %2.sequence "
           "ORDER BY request_entry.sequence DESC LIMIT 1)"_s.arg(amountCentsSql(u"request_entry.details_json"_s),
                                                                 approvalAlias);
}

QString balanceBeforeSql(const QString &eventAlias, const QString &itemAlias)
{
    return u"(%1.balance_cents + coalesce((SELECT sum(%2) FROM audit_log AS approval_entry "
           "WHERE approval_entry.work_item_id = %3.work_item_id AND approval_entry.sequence >= %3.sequence "
           "AND approval_entry.action_type = 'approve_writeoff'), 0))"_s.arg(
               itemAlias, approvedWriteOffSql(u"approval_entry"_s), eventAlias);
}

QString writeOffsByItemSql()
{
    return u"SELECT approval_entry.work_item_id, sum(%1) AS cents FROM audit_log AS approval_entry "
           "WHERE approval_entry.action_type = 'approve_writeoff' GROUP BY approval_entry.work_item_id"_s.arg(
               approvedWriteOffSql(u"approval_entry"_s));
}

QVariant fraction(qint64 numerator, qint64 denominator)
{
    if (denominator <= 0)
        return {};
    return double(numerator) / double(denominator);
}

QHash<QString, QString> namesById(store::Database &database, const QString &table, const QString &nameColumn)
{
    QHash<QString, QString> names;
    QSqlQuery query(database.connection());
    if (query.exec(u"SELECT id, %1 FROM %2"_s.arg(nameColumn, table))) {
        while (query.next())
            names.insert(query.value(0).toString(), query.value(1).toString());
    }
    return names;
}

} // namespace rcm::server
