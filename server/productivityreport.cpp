// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// productivity: by user and day, from the audit log: actions, items resolved, dollars
// resolved and the median time from taking an item to resolving it.
#include "server/gatewayreportsql.h"

#include <QMap>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using reports::ColumnType;
using reports::TotalKind;

namespace {

struct UserDay
{
    qint64 actions = 0;
    qint64 resolved = 0;
    qint64 dollarsResolved = 0;
    QList<double> hoursToResolve;
};

using UserAndDay = std::pair<QString, QString>;

/// The median of values (sorted here), or nothing when there are none.
QVariant median(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 == 1 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2.0;
}

bool readActions(store::Database &database, const ReportScope &scope, QMap<UserAndDay, UserDay> &figures,
                 store::StoreError *error)
{
    const bool byItem = !scope.parameters.payerId.isEmpty() || !scope.parameters.facility.isEmpty();
    ReportSql sql(u"SELECT a.actor_id, substr(a.occurred_at, 1, 10), count(*) FROM audit_log AS a"_s);
    if (byItem)
        sql << u" JOIN work_items AS w ON w.id = a.work_item_id"_s;
    // Work on items only: the audit's other subjects (an export's "export:SHA256", sign-ins'
    // "session:USER" and "signin:HASH") hold a colon, which item ids never do.
    sql << u" WHERE instr(a.work_item_id, ':') = 0"_s;
    sql.period(u"a.occurred_at"_s, scope);
    if (byItem)
        sql.itemFilters(u"w"_s, scope);
    if (!scope.isWhole())
        sql.bind(u" AND a.actor_id = ?"_s, scope.ownerId);
    sql << u" GROUP BY a.actor_id, substr(a.occurred_at, 1, 10)"_s;
    std::optional<QSqlQuery> query = sql.run(database, error);
    while (query && query->next())
        figures[{query->value(0).toString(), query->value(1).toString()}].actions = query->value(2).toLongLong();
    return query.has_value();
}

bool readResolutions(store::Database &database, const ReportScope &scope, QMap<UserAndDay, UserDay> &figures,
                     store::StoreError *error)
{
    // Each resolving action with the balance it cleared and the hours since the item was
    // last taken or assigned (none: the item was never taken through the API), to the
    // millisecond the timestamps hold.
    ReportSql sql(u"SELECT e.actor_id, substr(e.occurred_at, 1, 10), "_s + balanceBeforeSql(u"e"_s, u"w"_s)
                  + u", round((julianday(e.occurred_at) - julianday((SELECT max(t.occurred_at) FROM audit_log AS t "
                    "WHERE t.work_item_id = e.work_item_id AND t.sequence < e.sequence "
                    "AND t.action_type IN ('take', 'assign')))) * 86400000) / 3600000.0 "
                    "FROM audit_log AS e JOIN work_items AS w ON w.id = e.work_item_id "
                    "WHERE e.action_type IN ('resolve', 'approve_writeoff')"_s);
    sql.period(u"e.occurred_at"_s, scope).itemFilters(u"w"_s, scope);
    if (!scope.isWhole())
        sql.bind(u" AND e.actor_id = ?"_s, scope.ownerId);
    std::optional<QSqlQuery> query = sql.run(database, error);
    while (query && query->next()) {
        UserDay &row = figures[{query->value(0).toString(), query->value(1).toString()}];
        ++row.resolved;
        row.dollarsResolved += query->value(2).toLongLong();
        if (!query->value(3).isNull())
            row.hoursToResolve.append(query->value(3).toDouble());
    }
    return query.has_value();
}

QList<reports::ReportDefinition> productivityDefinitions()
{
    return {
        {u"Actions"_s,
         u"Entries the user wrote to the audit log that day (UTC): every action taken through the API, including "
         "notes, and the explanation notes a remittance import writes in the name of the cash poster who posted "
         "it."_s,
         {}},
        {u"Items resolved"_s,
         u"Resolve actions and write-off approvals (which resolve the item) the user took that day. An item "
         "reopened and resolved again counts each time."_s,
         {}},
        {u"Dollars resolved"_s,
         u"The balance each of those items carried just before it was resolved: for an approved write-off, before "
         "the write-off. Balances are taken from the item now plus the write-offs approved since, the only action "
         "that changes a balance."_s,
         {}},
        {u"Median hours to resolve"_s,
         u"The median of the hours from the last take or assign action on an item to its resolution, over that "
         "user's resolutions that day (the totals row: over all of them). Resolutions of items never taken or "
         "assigned through the API have no start and are left out."_s,
         {}},
    };
}

} // namespace

reports::ReportResult productivityReport(store::Database &database, const ReportScope &scope, store::StoreError *error)
{
    reports::ReportResult result;
    result.name = u"productivity"_s;
    result.title = u"Productivity by user and day"_s;
    result.dateBasis = u"The UTC day each action was recorded in the audit log."_s;
    result.columns = {
        {u"user_id"_s, u"User id"_s, ColumnType::Text, TotalKind::None},
        {u"user"_s, u"User"_s, ColumnType::Text, TotalKind::None},
        {u"day"_s, u"Day"_s, ColumnType::Date, TotalKind::None},
        {u"actions"_s, u"Actions"_s, ColumnType::Integer, TotalKind::Sum},
        {u"items_resolved"_s, u"Items resolved"_s, ColumnType::Integer, TotalKind::Sum},
        {u"dollars_resolved"_s, u"Dollars resolved"_s, ColumnType::Money, TotalKind::Sum},
        {u"median_hours_to_resolve"_s, u"Median hours to resolve"_s, ColumnType::Number, TotalKind::Computed},
    };
    result.definitions = productivityDefinitions();

    QMap<UserAndDay, UserDay> figures;
    if (!readActions(database, scope, figures, error) || !readResolutions(database, scope, figures, error))
        return result;
    const QHash<QString, QString> userNames = namesById(database, u"users"_s, u"display_name"_s);
    UserDay total;
    for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
        const UserDay &row = it.value();
        result.rows.append({it.key().first, userNames.value(it.key().first, it.key().first),
                            QDate::fromString(it.key().second, Qt::ISODate), row.actions, row.resolved,
                            row.dollarsResolved, median(row.hoursToResolve)});
        total.actions += row.actions;
        total.resolved += row.resolved;
        total.dollarsResolved += row.dollarsResolved;
        total.hoursToResolve += row.hoursToResolve;
    }
    result.totals = {QVariant(),
                     QVariant(),
                     QVariant(),
                     total.actions,
                     total.resolved,
                     total.dollarsResolved,
                     median(total.hoursToResolve)};
    return result;
}

} // namespace rcm::server
