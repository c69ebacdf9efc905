// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/reportcatalogue.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rcm::reports::ReportCatalogue", text);
}

} // namespace

QList<ReportInfo> reportCatalogue()
{
    return {
        {u"open-work"_s, tr("Open work by queue and age"),
         tr("Open items and dollars per queue in 30-day age buckets, with the share over 90 days (from the cache)"),
         ReportSource::Cache},
        {u"deadlines"_s, tr("Deadlines ahead"),
         tr("Items whose filing or appeal deadline falls in the next 7, 14 or 30 days, and the dollars at risk, by "
            "owner (from the cache)"),
         ReportSource::Cache},
        {u"denials"_s, tr("Denials by payer and family"),
         tr("Denial counts and dollars, the remit-based denial rate and the overturn rate of appeals (from the "
            "gateway)"),
         ReportSource::Gateway},
        {u"productivity"_s, tr("Productivity by user and day"),
         tr("Actions, items and dollars resolved, and the median time from taken to resolved (from the gateway)"),
         ReportSource::Gateway},
        {u"write-offs"_s, tr("Write-offs"), tr("Write-offs by reason, requester and approver (from the gateway)"),
         ReportSource::Gateway},
        {u"remittance-reconciliation"_s, tr("Remittance reconciliation"),
         tr("Per payment, held ones included: the ERA total, posted, provider-level adjustments by class, the "
            "accepted or held difference, exceptions and the unposted balance, to tie to the bank deposit (from the "
            "gateway)"),
         ReportSource::Gateway},
        {u"remittance-exceptions"_s, tr("Remittance exceptions by kind"),
         tr("Exceptions that 835 posting raised, by kind: how many, the dollars at issue and how many are still open "
            "(from the gateway)"),
         ReportSource::Gateway},
        {u"provider-adjustments"_s, tr("Provider-level adjustments"),
         tr("Provider-level adjustments (PLB) by payer, reason code and class: how many, the amount, how many are "
            "traced to a claim and how many have a work item still open (from the gateway)"),
         ReportSource::Gateway},
        {u"open-dollars"_s, tr("Open dollars by day"),
         tr("Open dollars at the end of each day of the period, from the change history (from the gateway)"),
         ReportSource::Gateway},
    };
}

std::optional<ReportInfo> findReport(const QString &name)
{
    for (const ReportInfo &info : reportCatalogue()) {
        if (info.name == name)
            return info;
    }
    return std::nullopt;
}

} // namespace rcm::reports
