// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/workitem.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rcm::itemmodels {

/// How long an item has been open, in the buckets finance reports aging by.
enum class AgeBucket { Any, UpTo30, From31To60, From61To90, From91To120, Over120 };

/// When an item's next deadline falls, in days from today, in the windows the deadlines
/// report counts (services/store/reportqueries.h): its next deadline is the earlier of the
/// filing and appeal deadlines on or after today. The three "due" windows are disjoint:
/// DueWithin7 and DueIn8To14 together are the report's "within 14 days", all three its
/// "within 30 days". DeadlinePassed: every deadline the item has fell before today.
enum class DeadlineWindow { Any, DeadlinePassed, DueWithin7, DueIn8To14, DueIn15To30 };

/// What a biller narrows a queue to: each field left empty matches everything. Kept
/// apart from the model so saved views can store it and tests can build it.
struct QueueFilter
{
    QString payerId;
    std::optional<models::DenialCategory> category;
    std::optional<models::WorkItemStatus> status;
    QString ownerId;
    AgeBucket age = AgeBucket::Any;
    std::optional<models::Money> minimumBalance;
    std::optional<models::Money> maximumBalance;
    QString facilityId;
    DeadlineWindow deadline = DeadlineWindow::Any;

    bool isEmpty() const;
    bool operator==(const QueueFilter &) const = default;

    QJsonObject toJson() const;
    static QueueFilter fromJson(const QJsonObject &json);
};

/// The first and last age (in days) of a bucket; last is -1 for "and older".
std::pair<int, int> ageRange(AgeBucket bucket);
QString displayName(AgeBucket bucket);
/// The first and last day (from today, inclusive) of a "due" window; {-1, -1} for Any and
/// DeadlinePassed, which are not ranges of days ahead.
std::pair<int, int> deadlineDays(DeadlineWindow window);
QString displayName(DeadlineWindow window);

} // namespace rcm::itemmodels
