// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "services/store/workitemstore.h"

#include <QListWidget>

#include <optional>

namespace rcm::itemmodels {
class WorkQueueModel;
}

namespace rcm::ui {

/// The numbers beside the navigation's entries. Counted by whoever holds a connection:
/// after a sync, the sync worker counts on its own, so the window does not.
struct NavigationCounts
{
    QHash<models::Queue, qint64> byQueue;
    qint64 mine = 0;
    qint64 unassigned = 0;
    QHash<QString, qint64> byOwner; ///< supervisors only
    QHash<QString, QString> teamNames; ///< supervisors only

    /// Counts the open work in cache as user sees it (any thread, with that thread's cache).
    static NavigationCounts count(store::Database &cache, const std::optional<models::User> &user);
};

/// The list of queues on the left, each with its live count: My work, all open work, the
/// queues, and for supervisors Unassigned and the team's queues, one per person. Choosing
/// an entry points the queue model at that work.
class QueueNavigation final : public QListWidget
{
    Q_OBJECT

public:
    QueueNavigation(store::Database &cache, itemmodels::WorkQueueModel &model, QWidget *parent = nullptr);

    /// The entries for who is signed in (or nobody), keeping the current one where it can;
    /// with counts, shows those instead of counting here.
    void rebuild(const std::optional<models::User> &user, const std::optional<NavigationCounts> &counts = {});
    void refreshCounts();

    /// Entries carry a key: "dashboard", "mine", "" (every queue), a queue's wire name, "unassigned",
    /// "owner:ID" for a member of the team.
    QString currentKey() const;
    /// Chooses the entry with key; false (and nothing changed) if there is none.
    bool selectKey(const QString &key);

    static constexpr int keyRole = Qt::UserRole + 1;
    static constexpr QLatin1StringView dashboardKey {"dashboard"};

Q_SIGNALS:
    /// The dashboard entry was chosen (the queue model is left as it was).
    void dashboardChosen();
    /// A queue entry was chosen, and the model points at its work.
    void queueChosen();

private:
    void showEntry(int row);
    void showCounts(const NavigationCounts &counts);

    store::WorkItemStore m_items;
    itemmodels::WorkQueueModel &m_model;
    std::optional<models::User> m_user;
};

} // namespace rcm::ui
