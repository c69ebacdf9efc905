// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayreports.h"

#include "server/gatewayreportsql.h"
#include "services/store/transactionguard.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using rules::Problem;
using rules::problem;

namespace {

using ReportFunction = reports::ReportResult (*)(store::Database &, const ReportScope &, store::StoreError *);

struct ReportKind
{
    const char16_t *name;
    const char16_t *description;
    ReportFunction compute;
};

constexpr ReportKind reportKinds[] = {
    {u"denials", u"Denials by payer and denial family: counts, charges, remittance denial rate, overturn rate",
     denialsReport},
    {u"productivity", u"Actions, items and dollars resolved, median hours to resolve, by user and day",
     productivityReport},
    {u"write-offs", u"Write-off requests by reason, requester and approver: requested and written off",
     writeOffsReport},
    {u"remittance-reconciliation",
     u"By payment (trace number), held ones included: ERA total, posted, provider-level adjustments by class, "
     u"accepted or held difference, exceptions, unposted",
     reconciliationReport},
    {u"remittance-exceptions", u"Exceptions of remittance posting by kind: count, exception dollars, still open",
     remittanceExceptionsReport},
    {u"provider-adjustments",
     u"Provider-level adjustments (PLB) by payer, reason code and class: count, amount, traced to a claim, open "
     u"items",
     providerAdjustmentsReport},
    {u"open-dollars", u"Open dollars and items at the end of each day of the period", openDollarsReport},
};

/// Without dates, open dollars covers the 30 days to today; a period is at most ten years
/// of rows.
constexpr int defaultTrendDays = 30;
constexpr int longestTrendDays = 3660;

std::optional<QDate> dateParameter(const QUrlQuery &query, const QString &key, Problem *result)
{
    static const QRegularExpression isoDate(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    const QString text = query.queryItemValue(key, QUrl::FullyDecoded);
    if (text.isEmpty())
        return QDate();
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!isoDate.match(text).hasMatch() || !date.isValid()) {
        *result = problem(400, u"invalid-parameter"_s, u"Invalid date"_s,
                          u"%1 must be a date as YYYY-MM-DD, not \"%2\""_s.arg(key, text.left(40)));
        return std::nullopt;
    }
    return date;
}

QString scopeDefinition(const ReportScope &scope, const QString &reportName, const QString &viewerName)
{
    if (scope.isWhole())
        return u"The whole report: the viewer is a supervisor or in finance."_s;
    if (reportName == u"productivity"_s)
        return u"Only %1's own rows: the viewer is neither a supervisor nor in finance."_s.arg(viewerName);
    return u"Only the rows about %1's own work: the work items %1 owns now (remittance figures: the claims whose "
           "work item %1 owns; reconciliation, remittance exceptions and provider adjustments: the payments %1 "
           "posted or with an exception %1 owns). The viewer is neither a supervisor nor in finance."_s.arg(viewerName);
}

} // namespace

GatewayReports::GatewayReports(store::Database &database)
    : m_database(database)
{ }

QList<std::pair<QString, QString>> GatewayReports::catalogue()
{
    QList<std::pair<QString, QString>> names;
    for (const ReportKind &kind : reportKinds)
        names.append({QString::fromUtf16(kind.name), QString::fromUtf16(kind.description)});
    return names;
}

bool GatewayReports::seesWholeReports(models::Role role)
{
    return role == models::Role::Supervisor || role == models::Role::Finance;
}

std::optional<reports::ReportParameters> GatewayReports::parameters(const QUrlQuery &query, Problem *result)
{
    static const QStringList known = {u"from"_s, u"to"_s, u"payer"_s, u"facility"_s};
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        Q_UNUSED(value)
        if (!known.contains(key)) {
            *result
                = problem(400, u"invalid-parameter"_s, u"Unknown parameter"_s,
                          u"\"%1\" is not a report parameter; use from, to, payer and facility"_s.arg(key.left(40)));
            return std::nullopt;
        }
    }
    reports::ReportParameters parameters;
    const std::optional<QDate> from = dateParameter(query, u"from"_s, result);
    const std::optional<QDate> to = from ? dateParameter(query, u"to"_s, result) : std::nullopt;
    if (!from || !to)
        return std::nullopt;
    if (from->isValid() && to->isValid() && *from > *to) {
        *result = problem(400, u"invalid-period"_s, u"Invalid period"_s,
                          u"from (%1) is after to (%2)"_s.arg(from->toString(Qt::ISODate), to->toString(Qt::ISODate)));
        return std::nullopt;
    }
    parameters.from = *from;
    parameters.to = *to;
    parameters.payerId = query.queryItemValue(u"payer"_s, QUrl::FullyDecoded).trimmed();
    parameters.facility = query.queryItemValue(u"facility"_s, QUrl::FullyDecoded).trimmed();
    return parameters;
}

GatewayReports::Outcome GatewayReports::run(const QString &name, const QUrlQuery &query, const models::User &viewer,
                                            const QDateTime &now)
{
    const auto kind = std::find_if(std::begin(reportKinds), std::end(reportKinds),
                                   [&](const ReportKind &each) { return name == QStringView(each.name); });
    if (kind == std::end(reportKinds)) {
        QStringList names;
        for (const auto &[known, description] : catalogue())
            names << known;
        return {std::nullopt,
                problem(404, u"unknown-report"_s, u"No such report"_s,
                        u"The gateway's reports are %1"_s.arg(names.join(u", "_s)))};
    }
    Problem invalid;
    std::optional<reports::ReportParameters> parameters = GatewayReports::parameters(query, &invalid);
    if (!parameters)
        return {std::nullopt, invalid};
    if (kind->compute == openDollarsReport) { // a trend needs both ends
        if (!parameters->to.isValid())
            parameters->to = now.toUTC().date();
        if (!parameters->from.isValid())
            parameters->from = parameters->to.addDays(1 - defaultTrendDays);
        if (parameters->from > parameters->to || parameters->from.daysTo(parameters->to) >= longestTrendDays) {
            return {std::nullopt,
                    problem(400, u"invalid-period"_s, u"Invalid period"_s,
                            u"Open dollars by day covers 1 to %1 days ending on to (%2)"_s.arg(
                                QString::number(longestTrendDays), parameters->to.toString(Qt::ISODate)))};
        }
    }
    const ReportScope scope {*parameters, seesWholeReports(viewer.role) ? QString() : viewer.id};

    // One snapshot for every query of the report: a remittance posted meanwhile shows in all
    // of its figures or in none. Nothing is written; the guard rolls back.
    store::TransactionGuard snapshot(m_database.connection(), store::TransactionGuard::Mode::Deferred);
    store::StoreError error = snapshot.beginError();
    reports::ReportResult result;
    if (!error)
        result = kind->compute(m_database, scope, &error);
    if (error)
        return {std::nullopt, problem(503, u"store-error"_s, u"Try again"_s, error.message())};
    result.parameters = *parameters;
    result.asOf = now.toUTC();
    result.generatedAt = now.toUTC();
    result.generatedBy = viewer.displayName;
    result.definitions.append({u"Scope"_s, scopeDefinition(scope, result.name, viewer.displayName), {}});
    return {result, std::nullopt};
}

} // namespace rcm::server
