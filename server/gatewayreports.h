// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "services/reports/reportresult.h"
#include "services/rules/problem.h"
#include "services/store/database.h"

#include <QDateTime>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

namespace rcm::server {

/// The reports the gateway computes over every remittance and every action
/// (GET /v1/reports/{name}), in the same result form as the workbench cache's reports.
/// Supervisors and finance get whole reports; everyone else gets the rows about their
/// own work: their own user in productivity, the items they own in the others.
class GatewayReports final
{
public:
    struct Outcome
    {
        std::optional<reports::ReportResult> result;
        std::optional<rules::Problem> problem; ///< 400 bad parameters, 404 unknown report, 503 store
    };

    explicit GatewayReports(store::Database &database);
    Q_DISABLE_COPY_MOVE(GatewayReports)

    /// Every report's name and one line on what it shows.
    static QList<std::pair<QString, QString>> catalogue();
    /// Reads from, to (ISO dates), payer and facility; anything else, a date that is not
    /// one, or a from after to is a 400 problem.
    static std::optional<reports::ReportParameters> parameters(const QUrlQuery &query, rules::Problem *problem);
    /// Whether the viewer gets the whole report rather than the rows about their own work.
    static bool seesWholeReports(models::Role role);

    /// Computes report name for viewer within one read transaction, as of now.
    Outcome run(const QString &name, const QUrlQuery &query, const models::User &viewer,
                const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    store::Database &m_database;
};

} // namespace rcm::server
