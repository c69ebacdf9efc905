// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/dashboard.h"

#include "services/store/outboxstore.h"
#include "services/store/preparedquery.h"
#include "services/store/reportqueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reports {

namespace {

qint64 totalOf(const ReportResult &result, const QString &key)
{
    const int column = result.columnIndex(key);
    return column < 0 ? 0 : result.totals.value(column).toLongLong();
}

QString stateKey(const QString &username)
{
    return u"dashboard:"_s + username;
}

} // namespace

const ReportResult *Dashboard::report(const QString &name) const
{
    for (const ReportResult &each : reports) {
        if (each.name == name)
            return &each;
    }
    return nullptr;
}

void Dashboard::take(ReportResult result)
{
    if (result.name == u"denials"_s) {
        const int column = result.columnIndex(u"denial_rate"_s);
        const QVariant rate = column < 0 ? QVariant() : result.totals.value(column);
        tiles.denialRate = rate.isValid() ? std::optional<double>(rate.toDouble()) : std::nullopt;
    }
    for (ReportResult &each : reports) {
        if (each.name == result.name) {
            each = std::move(result);
            return;
        }
    }
    reports.append(std::move(result));
}

QJsonObject Dashboard::toJson() const
{
    QJsonArray results;
    for (const ReportResult &each : reports)
        results.append(each.toJson());
    QJsonObject tilesJson {{u"openItems"_s, tiles.openItems},
                           {u"openCents"_s, tiles.openCents},
                           {u"atRiskCents"_s, tiles.atRiskCents},
                           {u"pastDeadline"_s, tiles.pastDeadline},
                           {u"pastDeadlineCents"_s, tiles.pastDeadlineCents},
                           {u"dueThisWeek"_s, tiles.dueThisWeek},
                           {u"pendingActions"_s, tiles.pendingActions},
                           {u"conflicts"_s, tiles.conflicts}};
    if (tiles.denialRate)
        tilesJson.insert(u"denialRate"_s, *tiles.denialRate);
    return {{u"parameters"_s, parameters.toJson()},
            {u"tiles"_s, tilesJson},
            {u"reports"_s, results},
            {u"computedAt"_s, computedAt.toString(Qt::ISODateWithMs)}};
}

std::optional<Dashboard> Dashboard::fromJson(const QJsonObject &json)
{
    if (!json.value(u"tiles"_s).isObject() || !json.value(u"reports"_s).isArray())
        return std::nullopt;
    Dashboard dashboard;
    dashboard.parameters = ReportParameters::fromJson(json.value(u"parameters"_s).toObject());
    const QJsonObject tiles = json.value(u"tiles"_s).toObject();
    dashboard.tiles.openItems = tiles.value(u"openItems"_s).toInteger();
    dashboard.tiles.openCents = tiles.value(u"openCents"_s).toInteger();
    dashboard.tiles.atRiskCents = tiles.value(u"atRiskCents"_s).toInteger();
    dashboard.tiles.pastDeadline = tiles.value(u"pastDeadline"_s).toInteger();
    dashboard.tiles.pastDeadlineCents = tiles.value(u"pastDeadlineCents"_s).toInteger();
    dashboard.tiles.dueThisWeek = tiles.value(u"dueThisWeek"_s).toInteger();
    dashboard.tiles.pendingActions = tiles.value(u"pendingActions"_s).toInteger();
    dashboard.tiles.conflicts = tiles.value(u"conflicts"_s).toInteger();
    if (tiles.contains(u"denialRate"_s))
        dashboard.tiles.denialRate = tiles.value(u"denialRate"_s).toDouble();
    for (const QJsonValue &each : json.value(u"reports"_s).toArray()) {
        if (std::optional<ReportResult> result = ReportResult::fromJson(each.toObject()))
            dashboard.reports.append(std::move(*result));
    }
    dashboard.computedAt = QDateTime::fromString(json.value(u"computedAt"_s).toString(), Qt::ISODateWithMs);
    return dashboard;
}

QStringList dashboardGatewayReports()
{
    return {u"denials"_s, u"productivity"_s, u"remittance-exceptions"_s, u"open-dollars"_s};
}

std::optional<Dashboard> computeCacheDashboard(store::Database &cache, const ReportParameters &parameters,
                                               const ReportViewer &viewer, const QDateTime &asOf, QString *error)
{
    Dashboard dashboard;
    dashboard.parameters = parameters;
    for (const QString &name : {u"open-work"_s, u"deadlines"_s}) {
        std::optional<ReportResult> result = computeCacheReport(name, cache, parameters, viewer, asOf, error);
        if (!result)
            return std::nullopt;
        dashboard.parameters.to = result->parameters.to; // the as-of day the cache's reports used
        dashboard.reports.append(std::move(*result));
    }
    const ReportResult &openWork = dashboard.reports.at(0);
    const ReportResult &deadlines = dashboard.reports.at(1);
    dashboard.tiles.openItems = totalOf(openWork, u"items"_s);
    dashboard.tiles.openCents = totalOf(openWork, u"open_dollars"_s);
    dashboard.tiles.dueThisWeek = totalOf(deadlines, u"items_7"_s);
    dashboard.tiles.atRiskCents = totalOf(deadlines, u"at_risk_30"_s);

    store::ReportScope scope;
    scope.asOf = dashboard.parameters.to;
    scope.payerId = parameters.payerId;
    scope.facilityId = parameters.facility;
    scope.queue = parameters.queue;
    if (!viewer.seesEveryone)
        scope.ownerId = viewer.userId;
    store::StoreError failure;
    const store::PastDeadlines past = store::ReportQueries(cache).pastDeadlines(scope, &failure);
    dashboard.tiles.pastDeadline = past.items;
    dashboard.tiles.pastDeadlineCents = past.atRiskCents;
    store::OutboxStore outbox(cache);
    dashboard.tiles.pendingActions = outbox.count(models::OutboxEntry::State::Pending, &failure);
    dashboard.tiles.conflicts = outbox.count(models::OutboxEntry::State::Conflict, &failure);
    if (failure) {
        if (error)
            *error = failure.message();
        return std::nullopt;
    }
    dashboard.computedAt = QDateTime::currentDateTimeUtc();
    return dashboard;
}

std::optional<Dashboard> loadDashboard(store::Database &cache, const QString &username)
{
    QSqlQuery query(cache.connection());
    query.prepare(u"SELECT value FROM sync_state WHERE key = ?"_s);
    query.addBindValue(stateKey(username));
    if (!query.exec() || !query.next())
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(query.value(0).toByteArray());
    query.finish();
    return Dashboard::fromJson(document.object());
}

store::StoreError saveDashboard(store::Database &cache, const QString &username, const Dashboard &dashboard)
{
    QSqlQuery query(cache.connection());
    query.prepare(u"INSERT INTO sync_state (key, value) VALUES (?, ?) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(stateKey(username));
    query.addBindValue(QString::fromUtf8(QJsonDocument(dashboard.toJson()).toJson(QJsonDocument::Compact)));
    if (!query.exec())
        return store::queryFailure(query, u"Keeping the dashboard");
    return {};
}

} // namespace rcm::reports
