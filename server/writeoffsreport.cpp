// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// write-offs: the write-off requests of the period by reason, requester and approver,
// with what was asked and what was written off.
#include "server/gatewayreportsql.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using reports::ColumnType;
using reports::TotalKind;

namespace {

QList<reports::ReportDefinition> writeOffDefinitions()
{
    return {
        {u"Reason"_s,
         u"The denial family of the item's CARC (timely_filing, authorization, ...). A write-off request carries "
         "free text, not a reason code, so the family of the payer's reason stands for it."_s,
         {}},
        {u"Requester, approver, outcome"_s,
         u"Who asked (request_writeoff) and the supervisor who decided: the first approve_writeoff or "
         "reject_writeoff on the item after the request. A supervisor may not approve their own request "
         "(segregation of duties). Pending: no decision yet, as of the report's as-of time."_s,
         {}},
        {u"Requests"_s, u"Write-off requests made in the period (the UTC day of the request)."_s, {}},
        {u"Requested"_s, u"The amounts asked for."_s, {}},
        {u"Written off"_s,
         u"The amounts approved: an approval writes off exactly the amount requested, lowering the item's "
         "balance by it. Rejected and pending requests write off nothing."_s,
         {}},
    };
}

} // namespace

reports::ReportResult writeOffsReport(store::Database &database, const ReportScope &scope, store::StoreError *error)
{
    reports::ReportResult result;
    result.name = u"write-offs"_s;
    result.title = u"Write-offs by reason, requester and approver"_s;
    result.dateBasis = u"The UTC day each write-off was requested; outcomes as of the report's as-of time."_s;
    result.columns = {
        {u"reason"_s, u"Reason (denial family)"_s, ColumnType::Text, TotalKind::None},
        {u"requester"_s, u"Requested by"_s, ColumnType::Text, TotalKind::None},
        {u"approver"_s, u"Approver"_s, ColumnType::Text, TotalKind::None},
        {u"outcome"_s, u"Outcome"_s, ColumnType::Text, TotalKind::None},
        {u"requests"_s, u"Requests"_s, ColumnType::Integer, TotalKind::Sum},
        {u"requested"_s, u"Requested"_s, ColumnType::Money, TotalKind::Sum},
        {u"written_off"_s, u"Written off"_s, ColumnType::Money, TotalKind::Sum},
    };
    result.definitions = writeOffDefinitions();

    ReportSql sql(u"SELECT w.denial_category, q.actor_id, d.actor_id, CASE d.action_type "
                  "WHEN 'approve_writeoff' THEN 'approved' WHEN 'reject_writeoff' THEN 'rejected' ELSE 'pending' END "
                  "AS outcome, count(*), sum(%1), sum(CASE d.action_type WHEN 'approve_writeoff' THEN %1 ELSE 0 END) "
                  "FROM audit_log AS q JOIN work_items AS w ON w.id = q.work_item_id "
                  "LEFT JOIN audit_log AS d ON d.sequence = (SELECT min(n.sequence) FROM audit_log AS n "
                  "WHERE n.work_item_id = q.work_item_id AND n.sequence > q.sequence "
                  "AND n.action_type IN ('approve_writeoff', 'reject_writeoff')) "
                  "WHERE q.action_type = 'request_writeoff'"_s.arg(amountCentsSql(u"q.details_json"_s)));
    sql.period(u"q.occurred_at"_s, scope).itemFilters(u"w"_s, scope).ownedBy(u"w"_s, scope)
        << u" GROUP BY w.denial_category, q.actor_id, d.actor_id, outcome"_s;
    std::optional<QSqlQuery> query = sql.run(database, error);
    if (!query)
        return result;
    const QHash<QString, QString> userNames = namesById(database, u"users"_s, u"display_name"_s);
    qint64 requests = 0;
    qint64 requested = 0;
    qint64 writtenOff = 0;
    while (query->next()) {
        const QString approver = query->value(2).toString();
        result.rows.append({query->value(0).toString(),
                            userNames.value(query->value(1).toString(), query->value(1).toString()),
                            approver.isEmpty() ? QVariant() : QVariant(userNames.value(approver, approver)),
                            query->value(3).toString(), query->value(4).toLongLong(), query->value(5).toLongLong(),
                            query->value(6).toLongLong()});
        requests += query->value(4).toLongLong();
        requested += query->value(5).toLongLong();
        writtenOff += query->value(6).toLongLong();
    }
    result.totals = {QVariant(), QVariant(), QVariant(), QVariant(), requests, requested, writtenOff};
    return result;
}

} // namespace rcm::server
