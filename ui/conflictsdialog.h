// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/outboxentry.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace rcm::store {
class Database;
}

namespace rcm::ui {

/// Every action the server did not take as it was (conflicts, refusals, actions to
/// review), each shown beside the server's current item, to retry or discard. Nothing
/// is ever overwritten without the user choosing it here. It shows the signed-in person's
/// own actions (and those written before the outbox recorded authors), never another's.
class ConflictsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConflictsDialog(store::Database &cache, QWidget *parent = nullptr);

    /// Whose actions it shows, and as whose a retried one is sent; reloads.
    void setAuthor(const models::OutboxAuthor &author);

    /// Reads the outbox again; returns the number of entries that need the user.
    int reload();

Q_SIGNALS:
    /// An entry was retried or discarded: time to sync.
    void outboxChanged();

private:
    void showEntry(int row);
    void retry();
    void discard();

    store::Database &m_cache;
    models::OutboxAuthor m_author;
    QListWidget *m_entries = nullptr;
    QTextBrowser *m_local = nullptr;
    QTextBrowser *m_server = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
};

} // namespace rcm::ui
