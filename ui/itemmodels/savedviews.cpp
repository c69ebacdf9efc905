// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/itemmodels/savedviews.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace rcm::itemmodels {

SavedViews::SavedViews(const QString &userId)
    : m_key(u"savedViews/"_s + (userId.isEmpty() ? u"anonymous"_s : userId))
{ }

QList<SavedView> SavedViews::views() const
{
    QList<SavedView> views;
    const QJsonArray array = QJsonDocument::fromJson(QSettings().value(m_key).toByteArray()).array();
    for (const QJsonValue &value : array) {
        const QJsonObject json = value.toObject();
        SavedView view;
        view.name = json.value(u"name"_s).toString();
        if (view.name.isEmpty())
            continue;
        view.navigationKey = json.value(u"queue"_s).toString();
        view.filter = QueueFilter::fromJson(json.value(u"filter"_s).toObject());
        view.search = json.value(u"search"_s).toString();
        view.sortColumn = json.value(u"sortColumn"_s).toInt();
        view.sortOrder = json.value(u"ascending"_s).toBool() ? Qt::AscendingOrder : Qt::DescendingOrder;
        views.append(view);
    }
    return views;
}

void SavedViews::save(const SavedView &view)
{
    QList<SavedView> views = this->views();
    const auto existing
        = std::find_if(views.begin(), views.end(), [&](const SavedView &saved) { return saved.name == view.name; });
    if (existing != views.end())
        *existing = view;
    else
        views.append(view);
    write(views);
}

void SavedViews::remove(const QString &name)
{
    QList<SavedView> views = this->views();
    views.removeIf([&](const SavedView &view) { return view.name == name; });
    write(views);
}

void SavedViews::write(const QList<SavedView> &views)
{
    QJsonArray array;
    for (const SavedView &view : views) {
        array.append(QJsonObject {
            {u"name"_s, view.name},
            {u"queue"_s, view.navigationKey},
            {u"filter"_s, view.filter.toJson()},
            {u"search"_s, view.search},
            {u"sortColumn"_s, view.sortColumn},
            {u"ascending"_s, view.sortOrder == Qt::AscendingOrder},
        });
    }
    QSettings().setValue(m_key, QJsonDocument(array).toJson(QJsonDocument::Compact));
}

} // namespace rcm::itemmodels
