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

    bool isEmpty() const;
    bool operator==(const QueueFilter &) const = default;

    QJsonObject toJson() const;
    static QueueFilter fromJson(const QJsonObject &json);
};

/// The first and last age (in days) of a bucket; last is -1 for "and older".
std::pair<int, int> ageRange(AgeBucket bucket);
QString displayName(AgeBucket bucket);

} // namespace rcm::itemmodels
