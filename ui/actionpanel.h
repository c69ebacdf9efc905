// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/action.h"
#include "models/outboxentry.h"
#include "models/user.h"
#include "models/workitem.h"

#include <QHash>
#include <QList>
#include <QWidget>

#include <optional>

class QGridLayout;
class QLabel;
class QPushButton;

namespace rcm::store {
class Database;
}

namespace rcm::ui {

/// The actions a user may take on the selected item, offered by the same rules the
/// gateway enforces. An action goes to the outbox at once and the item shows it as
/// pending until the server confirms it; a conflict shows the server's version beside
/// the local action, to retry on it or discard. With several items selected it offers
/// the actions allowed on every one of them and queues one action per item. It shows and
/// queues only the signed-in person's own actions for their gateway (setUser, setServer).
class ActionPanel final : public QWidget
{
    Q_OBJECT

public:
    ActionPanel(store::Database &cache, QWidget *parent = nullptr);

    void setUser(const std::optional<models::User> &user);
    /// The session's gateway (its base URL as QUrl::toString() gives it): actions are
    /// queued for it, as the user's.
    void setServer(const QString &server);
    void setItem(const std::optional<models::WorkItem> &item);
    /// Several items: the actions allowed on all of them, taken on each (bulk actions).
    void setItems(const QList<models::WorkItem> &items);

Q_SIGNALS:
    /// The outbox changed (an action queued, retried or discarded): time to send it.
    void outboxChanged();

private:
    void take(models::ActionType type);
    void refresh();
    std::optional<QJsonObject> askForDetails(models::ActionType type, const QList<models::WorkItem> &items);
    bool allowedOnAll(models::ActionType type) const;
    models::OutboxAuthor author() const;

    store::Database &m_cache;
    std::optional<models::User> m_user;
    QString m_server;
    QList<models::WorkItem> m_items;
    QHash<models::ActionType, QPushButton *> m_buttons;
    QGridLayout *m_grid = nullptr;
    QLabel *m_outboxState = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    qint64 m_problemEntry = 0; ///< the outbox entry retry/discard act on
};

/// What users read for an action, translated.
QString actionLabel(models::ActionType type);

} // namespace rcm::ui
