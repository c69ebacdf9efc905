// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ui/itemmodels/queuefilter.h"

#include <QList>
#include <QString>

namespace rcm::itemmodels {

/// A named way of looking at work: which queue, the filters, the search and the sort.
struct SavedView
{
    QString name;
    QString navigationKey; ///< "mine", "unassigned", a queue's wire name, or empty for all
    QueueFilter filter;
    QString search;
    int sortColumn = 0;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;

    bool operator==(const SavedView &) const = default;
};

/// Each user's saved views, kept in the application's settings (QSettings) under the
/// user's id, so colleagues sharing a workstation keep theirs apart.
class SavedViews final
{
public:
    explicit SavedViews(const QString &userId);

    QList<SavedView> views() const;
    /// Adds the view, or replaces the one with the same name.
    void save(const SavedView &view);
    void remove(const QString &name);

private:
    void write(const QList<SavedView> &views);
    QString m_key;
};

} // namespace rcm::itemmodels
