// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/workitem.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"

#include <QDate>
#include <QList>

#include <array>

namespace rcm::store {

/// Which open items a cache report counts. Empty fields do not narrow it.
struct ReportScope
{
    QDate asOf; ///< the day ages and deadlines are counted from
    QString payerId;
    QString facilityId;
    QString ownerId; ///< only this user's items (a biller's own report); empty: everyone's
    std::optional<models::Queue> queue; ///< only this queue's items
};

/// The age buckets of open work, in days since the item opened.
inline constexpr std::array<int, 4> ageBucketUpperBounds = {30, 60, 90, 120}; ///< then "over 120"
inline constexpr int ageBucketCount = int(ageBucketUpperBounds.size()) + 1;

/// Open items and dollars of one queue, per age bucket.
struct OpenWorkByAge
{
    models::Queue queue = models::Queue::Denial;
    std::array<qint64, ageBucketCount> items {};
    std::array<qint64, ageBucketCount> balanceCents {};
};

/// The deadline windows, in days from the as-of day (inclusive).
inline constexpr std::array<int, 3> deadlineWindows = {7, 14, 30};

/// One owner's open items whose next deadline falls within each window, and their dollars
/// at risk.
struct DeadlinesByOwner
{
    QString ownerId; ///< empty: unassigned
    QString ownerName;
    std::array<qint64, deadlineWindows.size()> items {};
    std::array<qint64, deadlineWindows.size()> atRiskCents {};
};

/// Open items whose deadlines have all passed (none on or after the as-of day, one before
/// it), and their dollars at risk: money the organisation has most likely lost.
struct PastDeadlines
{
    qint64 items = 0;
    qint64 atRiskCents = 0;
};

/// The aggregates behind the cache's reports, in SQL over the work items: one pass each,
/// whatever the size of the cache.
class ReportQueries final
{
public:
    explicit ReportQueries(Database &database)
        : m_database(database)
    { }

    QList<OpenWorkByAge> openWorkByAge(const ReportScope &scope, StoreError *error = nullptr);
    QList<DeadlinesByOwner> deadlinesByOwner(const ReportScope &scope, StoreError *error = nullptr);
    PastDeadlines pastDeadlines(const ReportScope &scope, StoreError *error = nullptr);

private:
    Database &m_database;
};

} // namespace rcm::store
