// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/itemmodels/queuefilter.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace rcm::itemmodels {

using namespace rcm::models;

namespace {

constexpr std::array<std::pair<AgeBucket, const char *>, 6> ageNames = {{
    {AgeBucket::Any, "any"},
    {AgeBucket::UpTo30, "0-30"},
    {AgeBucket::From31To60, "31-60"},
    {AgeBucket::From61To90, "61-90"},
    {AgeBucket::From91To120, "91-120"},
    {AgeBucket::Over120, "over-120"},
}};

constexpr std::array<std::pair<DeadlineWindow, const char *>, 5> deadlineNames = {{
    {DeadlineWindow::Any, "any"},
    {DeadlineWindow::DeadlinePassed, "passed"},
    {DeadlineWindow::DueWithin7, "0-7"},
    {DeadlineWindow::DueIn8To14, "8-14"},
    {DeadlineWindow::DueIn15To30, "15-30"},
}};

} // namespace

bool QueueFilter::isEmpty() const
{
    return *this == QueueFilter();
}

QJsonObject QueueFilter::toJson() const
{
    QJsonObject json;
    if (!payerId.isEmpty())
        json.insert(u"payer"_s, payerId);
    if (category)
        json.insert(u"category"_s, QString(wireName(*category)));
    if (status)
        json.insert(u"status"_s, QString(wireName(*status)));
    if (!ownerId.isEmpty())
        json.insert(u"owner"_s, ownerId);
    if (age != AgeBucket::Any)
        json.insert(u"age"_s, QString::fromLatin1(ageNames.at(static_cast<std::size_t>(age)).second));
    if (minimumBalance)
        json.insert(u"minimumBalance"_s, minimumBalance->toString());
    if (maximumBalance)
        json.insert(u"maximumBalance"_s, maximumBalance->toString());
    if (!facilityId.isEmpty())
        json.insert(u"facility"_s, facilityId);
    if (deadline != DeadlineWindow::Any)
        json.insert(u"deadline"_s, QString::fromLatin1(deadlineNames.at(static_cast<std::size_t>(deadline)).second));
    return json;
}

QueueFilter QueueFilter::fromJson(const QJsonObject &json)
{
    // A saved view from an older or newer version keeps what it can read.
    QueueFilter filter;
    filter.payerId = json.value(u"payer"_s).toString();
    filter.category = fromWireName<DenialCategory>(json.value(u"category"_s).toString());
    filter.status = fromWireName<WorkItemStatus>(json.value(u"status"_s).toString());
    filter.ownerId = json.value(u"owner"_s).toString();
    const QString age = json.value(u"age"_s).toString();
    for (const auto &[bucket, name] : ageNames) {
        if (age == QLatin1String(name))
            filter.age = bucket;
    }
    if (json.contains(u"minimumBalance"_s))
        filter.minimumBalance = Money::fromString(json.value(u"minimumBalance"_s).toString());
    if (json.contains(u"maximumBalance"_s))
        filter.maximumBalance = Money::fromString(json.value(u"maximumBalance"_s).toString());
    filter.facilityId = json.value(u"facility"_s).toString();
    const QString deadline = json.value(u"deadline"_s).toString();
    for (const auto &[window, name] : deadlineNames) {
        if (deadline == QLatin1String(name))
            filter.deadline = window;
    }
    return filter;
}

std::pair<int, int> ageRange(AgeBucket bucket)
{
    switch (bucket) {
    case AgeBucket::Any:
        return {0, -1};
    case AgeBucket::UpTo30:
        return {0, 30};
    case AgeBucket::From31To60:
        return {31, 60};
    case AgeBucket::From61To90:
        return {61, 90};
    case AgeBucket::From91To120:
        return {91, 120};
    case AgeBucket::Over120:
        return {121, -1};
    }
    return {0, -1};
}

QString displayName(AgeBucket bucket)
{
    switch (bucket) {
    case AgeBucket::Any:
        return QCoreApplication::translate("rcm::itemmodels", "Any age");
    case AgeBucket::UpTo30:
        return QCoreApplication::translate("rcm::itemmodels", "0–30 days");
    case AgeBucket::From31To60:
        return QCoreApplication::translate("rcm::itemmodels", "31–60 days");
    case AgeBucket::From61To90:
        return QCoreApplication::translate("rcm::itemmodels", "61–90 days");
    case AgeBucket::From91To120:
        return QCoreApplication::translate("rcm::itemmodels", "91–120 days");
    case AgeBucket::Over120:
        return QCoreApplication::translate("rcm::itemmodels", "Over 120 days");
    }
    return {};
}

std::pair<int, int> deadlineDays(DeadlineWindow window)
{
    switch (window) {
    case DeadlineWindow::Any:
    case DeadlineWindow::DeadlinePassed:
        return {-1, -1};
    case DeadlineWindow::DueWithin7:
        return {0, 7};
    case DeadlineWindow::DueIn8To14:
        return {8, 14};
    case DeadlineWindow::DueIn15To30:
        return {15, 30};
    }
    return {-1, -1};
}

QString displayName(DeadlineWindow window)
{
    switch (window) {
    case DeadlineWindow::Any:
        return QCoreApplication::translate("rcm::itemmodels", "Any deadline");
    case DeadlineWindow::DeadlinePassed:
        return QCoreApplication::translate("rcm::itemmodels", "Deadline passed");
    case DeadlineWindow::DueWithin7:
        return QCoreApplication::translate("rcm::itemmodels", "Due within 7 days");
    case DeadlineWindow::DueIn8To14:
        return QCoreApplication::translate("rcm::itemmodels", "Due in 8–14 days");
    case DeadlineWindow::DueIn15To30:
        return QCoreApplication::translate("rcm::itemmodels", "Due in 15–30 days");
    }
    return {};
}

} // namespace rcm::itemmodels
