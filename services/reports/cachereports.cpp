// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/cachereports.h"

#include "services/reports/reportcatalogue.h"
#include "services/store/reportqueries.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rcm::reports::CacheReports", text);
}

/// The age bucket's label: "0-30", ..., "over 120".
QString bucketLabel(int bucket)
{
    if (bucket >= int(store::ageBucketUpperBounds.size()))
        return tr("over %1").arg(store::ageBucketUpperBounds.back());
    const int from = bucket == 0 ? 0 : store::ageBucketUpperBounds.at(std::size_t(bucket - 1)) + 1;
    return u"%1\u2013%2"_s.arg(from).arg(store::ageBucketUpperBounds.at(std::size_t(bucket)));
}

QVariantList sumsOf(const ReportResult &result)
{
    QVariantList totals;
    for (qsizetype column = 0; column < result.columns.size(); ++column) {
        if (result.columns.at(column).total != TotalKind::Sum) {
            totals.append(QVariant());
            continue;
        }
        qint64 sum = 0;
        for (const QVariantList &row : result.rows)
            sum += row.value(column).toLongLong();
        totals.append(sum);
    }
    return totals;
}

ReportResult openWork(const QList<store::OpenWorkByAge> &queues)
{
    ReportResult result;
    result.dateBasis = tr("A work item's age is the whole days from the day it opened in the work queue to the "
                          "as-of day; it is not an A/R age from the service or discharge date.");
    result.columns = {{u"queue"_s, tr("Queue"), ColumnType::Text, TotalKind::None},
                      {u"items"_s, tr("Open items"), ColumnType::Integer, TotalKind::Sum},
                      {u"open_dollars"_s, tr("Open dollars"), ColumnType::Money, TotalKind::Sum}};
    for (int bucket = 0; bucket < store::ageBucketCount; ++bucket) {
        result.columns.append({u"items_%1"_s.arg(bucket), tr("Items %1 days").arg(bucketLabel(bucket)),
                               ColumnType::Integer, TotalKind::Sum});
        result.columns.append({u"dollars_%1"_s.arg(bucket), tr("Dollars %1 days").arg(bucketLabel(bucket)),
                               ColumnType::Money, TotalKind::Sum});
    }
    result.columns.append(
        {u"share_over_90"_s, tr("Share of dollars over 90 days"), ColumnType::Percent, TotalKind::Computed});
    const auto over90 = [](const std::array<qint64, store::ageBucketCount> &cents) {
        return cents.at(3) + cents.at(4);
    };
    qint64 allOver90 = 0;
    qint64 allDollars = 0;
    for (const store::OpenWorkByAge &queue : queues) {
        qint64 items = 0;
        qint64 dollars = 0;
        for (int bucket = 0; bucket < store::ageBucketCount; ++bucket) {
            items += queue.items.at(std::size_t(bucket));
            dollars += queue.balanceCents.at(std::size_t(bucket));
        }
        QVariantList row = {queueTitle(queue.queue), items, dollars};
        for (int bucket = 0; bucket < store::ageBucketCount; ++bucket)
            row << queue.items.at(std::size_t(bucket)) << queue.balanceCents.at(std::size_t(bucket));
        row << (dollars != 0 ? QVariant(double(over90(queue.balanceCents)) / double(dollars)) : QVariant());
        result.rows.append(row);
        allOver90 += over90(queue.balanceCents);
        allDollars += dollars;
    }
    result.totals = sumsOf(result);
    result.totals.front() = tr("Total");
    result.totals.back() = allDollars != 0 ? QVariant(double(allOver90) / double(allDollars)) : QVariant();
    result.definitions = {
        {tr("Open items"), tr("Work items not resolved at the time of the last sync, in the queue."), QString()},
        {tr("Open dollars"),
         tr("The sum of the open items' balances: what the payer or patient still owes on each item's claim."),
         QString()},
        {tr("Age buckets"),
         tr("Whole days from the day the item opened to the as-of day: 0-30, 31-60, 61-90, 91-120 and over 120 "
            "days."),
         QString()},
        {tr("Share of dollars over 90 days"),
         tr("Numerator: open dollars of items open more than 90 days. Denominator: all open dollars of the queue "
            "(the total row: of every queue). Modelled on HFMA's aged A/R over 90 days, but aged from when the work "
            "item opened, not from the date of service."),
         tr("After HFMA MAP Key AR-3 (aged A/R as a percentage of billed A/R), work-item age basis")},
    };
    return result;
}

ReportResult deadlines(const QList<store::DeadlinesByOwner> &owners)
{
    ReportResult result;
    result.dateBasis = tr("Days from the as-of day to each open item's next deadline: the earlier of its timely "
                          "filing and appeal deadlines that has not passed.");
    result.columns = {{u"owner"_s, tr("Owner"), ColumnType::Text, TotalKind::None}};
    for (const int days : store::deadlineWindows) {
        result.columns.append(
            {u"items_%1"_s.arg(days), tr("Items due within %1 days").arg(days), ColumnType::Integer, TotalKind::Sum});
        result.columns.append(
            {u"at_risk_%1"_s.arg(days), tr("At risk within %1 days").arg(days), ColumnType::Money, TotalKind::Sum});
    }
    for (const store::DeadlinesByOwner &owner : owners) {
        QVariantList row = {owner.ownerId.isEmpty() ? tr("Unassigned")
                                                    : (owner.ownerName.isEmpty() ? owner.ownerId : owner.ownerName)};
        for (std::size_t window = 0; window < store::deadlineWindows.size(); ++window)
            row << owner.items.at(window) << owner.atRiskCents.at(window);
        result.rows.append(row);
    }
    result.totals = sumsOf(result);
    result.totals.front() = tr("Total");
    result.definitions = {
        {tr("Items due within N days"),
         tr("Open items whose next deadline (timely filing or appeal, whichever comes first and has not passed) "
            "falls on the as-of day or within the N days after it. The windows are cumulative: the 14-day figure "
            "includes the 7-day one. Items whose deadlines have all passed are not counted here."),
         QString()},
        {tr("At risk"),
         tr("The dollars the organisation loses if the deadline passes with nothing done: each item's amount at "
            "risk as the work queue records it."),
         QString()},
    };
    return result;
}

} // namespace

QString queueTitle(models::Queue queue)
{
    switch (queue) {
    case models::Queue::Denial:
        return tr("Denials");
    case models::Queue::Authorization:
        return tr("Authorizations");
    case models::Queue::Remittance:
        return tr("Remittance exceptions");
    case models::Queue::ClaimRejection:
        return tr("Claim rejections");
    }
    return {};
}

std::optional<ReportResult> computeCacheReport(const QString &name, store::Database &cache,
                                               const ReportParameters &parameters, const ReportViewer &viewer,
                                               const QDateTime &asOf, QString *error)
{
    const std::optional<ReportInfo> info = findReport(name);
    if (!info || info->source != ReportSource::Cache) {
        if (error)
            *error = tr("%1 is not a report the cache computes").arg(name);
        return std::nullopt;
    }
    store::ReportScope scope;
    scope.asOf = parameters.to.isValid() ? parameters.to : QDate::currentDate();
    scope.payerId = parameters.payerId;
    scope.facilityId = parameters.facility;
    scope.queue = parameters.queue;
    if (!viewer.seesEveryone)
        scope.ownerId = viewer.userId;
    store::ReportQueries queries(cache);
    store::StoreError failure;
    ReportResult result = name == u"open-work"_s ? openWork(queries.openWorkByAge(scope, &failure))
                                                 : deadlines(queries.deadlinesByOwner(scope, &failure));
    if (failure) {
        if (error)
            *error = failure.message();
        return std::nullopt;
    }
    result.name = info->name;
    result.title = info->title;
    result.parameters = parameters;
    result.parameters.to = scope.asOf;
    result.asOf = asOf;
    result.generatedAt = QDateTime::currentDateTimeUtc();
    result.generatedBy = viewer.displayName;
    if (!viewer.seesEveryone) {
        result.definitions.prepend({tr("Scope"), tr("Only the items owned by %1.").arg(viewer.displayName), QString()});
    }
    return result;
}

} // namespace rcm::reports
