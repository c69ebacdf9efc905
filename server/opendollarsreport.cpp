// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// open-dollars: the dollars in open work items at the end of each day of the period,
// rebuilt from when items opened and the audit log's resolutions and reopenings.
#include "server/gatewayreportsql.h"

#include <QMap>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using reports::ColumnType;
using reports::TotalKind;

namespace {

struct DayChange
{
    qint64 items = 0; ///< opened minus resolved
    qint64 opened = 0; ///< cents
    qint64 resolved = 0; ///< cents
};

/// Per item with a recorded change of state (resolve, write-off approval, reopen): the
/// type of the first (SQLite takes the bare action_type from the row with the smallest
/// sequence) and the write-offs approved, in one pass over the audit log.
QString itemChangesSql()
{
    return u"item_changes AS (SELECT work_item_id, action_type AS first_type, min(sequence), "
           "sum(CASE action_type WHEN 'approve_writeoff' THEN %1 END) AS write_offs FROM audit_log AS change_entry "
           "WHERE action_type IN ('resolve', 'approve_writeoff', 'reopen') GROUP BY work_item_id)"_s.arg(
               approvedWriteOffSql(u"change_entry"_s));
}

/// Every change to the open dollars up to the end of the period, as (day, items, opened
/// cents, resolved cents), summed by day. From one pass over the work items: each item
/// opening with the balance it had then (unless its first recorded change reopens it: it
/// was resolved before the log began), and each item resolved before the log began
/// (resolved, no change recorded) closing on its last update. From the audit log: each
/// resolution and reopening with the balance then.
ReportSql changesSql(const ReportScope &scope)
{
    ReportSql sql(u"WITH "_s + itemChangesSql()
                  + u" SELECT day, sum(items), sum(opened), sum(resolved) FROM ("
                    "SELECT CASE k.kind WHEN 0 THEN substr(w.created_at, 1, 10) ELSE substr(w.updated_at, 1, 10) END "
                    "AS day, CASE k.kind WHEN 0 THEN 1 ELSE -1 END AS items, "
                    "CASE k.kind WHEN 0 THEN w.balance_cents + coalesce(f.write_offs, 0) ELSE 0 END AS opened, "
                    "CASE k.kind WHEN 0 THEN 0 ELSE w.balance_cents END AS resolved "
                    "FROM work_items AS w LEFT JOIN item_changes AS f ON f.work_item_id = w.id "
                    "JOIN (SELECT 0 AS kind UNION ALL SELECT 1) AS k "
                    "ON (k.kind = 0 AND coalesce(f.first_type, '') <> 'reopen'"_s);
    sql.until(u"w.created_at"_s, scope) << u") OR (k.kind = 1 AND f.work_item_id IS NULL AND w.status = 'resolved'"_s;
    sql.until(u"w.updated_at"_s, scope) << u") WHERE w.deleted = 0"_s;
    sql.itemFilters(u"w"_s, scope).ownedBy(u"w"_s, scope);
    // Most items never had a write-off approved: their balance then is their balance now.
    const QString balanceThen
        = u"CASE WHEN f.write_offs IS NULL THEN w.balance_cents ELSE "_s + balanceBeforeSql(u"e"_s, u"w"_s) + u" END"_s;
    sql << u" UNION ALL SELECT substr(e.occurred_at, 1, 10), CASE e.action_type WHEN 'reopen' THEN 1 ELSE -1 END, "
           "CASE e.action_type WHEN 'reopen' THEN "_s
            + balanceThen + u" ELSE 0 END, CASE e.action_type WHEN 'reopen' THEN 0 ELSE "_s + balanceThen
            + u" END FROM audit_log AS e JOIN work_items AS w ON w.id = e.work_item_id "
              "JOIN item_changes AS f ON f.work_item_id = e.work_item_id "
              "WHERE e.action_type IN ('resolve', 'approve_writeoff', 'reopen') AND w.deleted = 0"_s;
    sql.until(u"e.occurred_at"_s, scope).itemFilters(u"w"_s, scope).ownedBy(u"w"_s, scope);
    sql << u") GROUP BY day"_s;
    return sql;
}

QList<reports::ReportDefinition> openDollarDefinitions()
{
    return {
        {u"Open dollars, open items"_s,
         u"At the end of each day (UTC): the balances of the work items open then, and how many. An item is open "
         "from when it was created until a resolve action or an approved write-off, and again from a reopen. Its "
         "balance then is its balance now plus the write-offs approved since (the only action that changes a "
         "balance). Items resolved before the audit log began (resolved, with no resolution recorded) count as "
         "resolved on their last update; deleted items are left out."_s,
         {}},
        {u"Opened, resolved"_s,
         u"The dollars that day's new and reopened items added, and that day's resolutions took away (for an "
         "approved write-off, the whole balance before it). Open dollars change by opened − resolved from one day "
         "to the next."_s,
         {}},
        {u"Period"_s, u"Without a from date, the 30 days to the last day; without a to date, up to today."_s, {}},
    };
}

} // namespace

reports::ReportResult openDollarsReport(store::Database &database, const ReportScope &scope, store::StoreError *error)
{
    reports::ReportResult result;
    result.name = u"open-dollars"_s;
    result.title = u"Open dollars by day"_s;
    result.dateBasis = u"The end of each UTC day: items by when they were created, resolved and reopened."_s;
    result.columns = {
        {u"day"_s, u"Day"_s, ColumnType::Date, TotalKind::None},
        {u"open_items"_s, u"Open items"_s, ColumnType::Integer, TotalKind::None},
        {u"open_dollars"_s, u"Open dollars"_s, ColumnType::Money, TotalKind::None},
        {u"opened"_s, u"Opened"_s, ColumnType::Money, TotalKind::Sum},
        {u"resolved"_s, u"Resolved"_s, ColumnType::Money, TotalKind::Sum},
    };
    result.definitions = openDollarDefinitions();

    const QDate from = scope.parameters.from;
    const QDate to = scope.parameters.to;
    std::optional<QSqlQuery> query = changesSql(scope).run(database, error);
    if (!query)
        return result;
    DayChange carried; // everything before the first day
    QMap<QDate, DayChange> changes;
    while (query->next()) {
        const QDate day = QDate::fromString(query->value(0).toString(), Qt::ISODate);
        DayChange &change = day < from ? carried : changes[day];
        change.items += query->value(1).toLongLong();
        change.opened += query->value(2).toLongLong();
        change.resolved += query->value(3).toLongLong();
    }
    qint64 openItems = carried.items;
    qint64 openCents = carried.opened - carried.resolved;
    qint64 opened = 0;
    qint64 resolved = 0;
    for (QDate day = from; day <= to; day = day.addDays(1)) {
        const DayChange change = changes.value(day);
        openItems += change.items;
        openCents += change.opened - change.resolved;
        opened += change.opened;
        resolved += change.resolved;
        result.rows.append({day, openItems, openCents, change.opened, change.resolved});
    }
    result.totals = {QVariant(), QVariant(), QVariant(), opened, resolved};
    return result;
}

} // namespace rcm::server
