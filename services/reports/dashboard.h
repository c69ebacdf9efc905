// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reports/cachereports.h"
#include "services/reports/reportresult.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"

#include <QJsonObject>

#include <optional>

namespace rcm::reports {

/// The dashboard's headline figures. Each is taken from a report result (or the outbox), so a
/// tile and the report it summarises cannot disagree.
struct DashboardTiles
{
    qint64 openItems = 0; ///< open-work's total
    qint64 openCents = 0; ///< open-work's total dollars
    qint64 atRiskCents = 0; ///< deadlines' at-risk dollars within 30 days
    qint64 pastDeadline = 0; ///< open items whose deadlines have all passed
    qint64 pastDeadlineCents = 0;
    qint64 dueThisWeek = 0; ///< deadlines' items due within 7 days
    qint64 pendingActions = 0; ///< the outbox: waiting to be sent
    qint64 conflicts = 0; ///< the outbox: in conflict with the server
    std::optional<double> denialRate; ///< the gateway's denials report; none offline

    bool operator==(const DashboardTiles &) const = default;
};

/// What the dashboard shows, computed off the window's thread: the tiles and the report
/// results its charts draw (open-work and deadlines from the cache; denials, productivity,
/// remittance-exceptions and open-dollars from the gateway when it can be reached). It is kept
/// in the cache after each computation so that the next opening shows it at once.
struct Dashboard
{
    ReportParameters parameters; ///< the filters: period, payer, facility, queue
    DashboardTiles tiles;
    QList<ReportResult> reports;
    QDateTime computedAt;

    /// The result of the named report, or null.
    const ReportResult *report(const QString &name) const;
    /// Puts a gateway report in (replacing an older one); the denials report sets the denial rate.
    void take(ReportResult result);

    QJsonObject toJson() const;
    static std::optional<Dashboard> fromJson(const QJsonObject &json);
};

/// The reports the gateway computes for the dashboard, in the order they are asked for.
QStringList dashboardGatewayReports();

/// The cache's part of the dashboard: the tiles (but the denial rate) and the open-work and
/// deadlines reports for viewer, with parameters' payer, facility and queue and its last day
/// as the as-of day. Nothing and error set if the cache cannot be read.
std::optional<Dashboard> computeCacheDashboard(store::Database &cache, const ReportParameters &parameters,
                                               const ReportViewer &viewer, const QDateTime &asOf,
                                               QString *error = nullptr);

/// The last dashboard kept in the cache for username, if any (and readable).
std::optional<Dashboard> loadDashboard(store::Database &cache, const QString &username);
/// Keeps dashboard in the cache for username's next opening.
store::StoreError saveDashboard(store::Database &cache, const QString &username, const Dashboard &dashboard);

} // namespace rcm::reports
