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
