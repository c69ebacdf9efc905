// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "tests/server/gatewayfixture.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/mainwindow.h"

#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

#include <memory>

namespace rcm::testing {

/// Signs the window in and waits for the answer: empty, or why it failed.
inline QString signInAndWait(ui::MainWindow &window, const QString &server, const QString &username,
                             const QString &password)
{
    QSignalSpy finished(&window, &ui::MainWindow::signInFinished);
    window.signIn(server, username, password);
    if (finished.isEmpty() && !finished.wait(15'000))
        return QStringLiteral("no answer to the sign-in");
    return finished.constFirst().constFirst().toString();
}

/// A window over a cache file of its own, shown, signed in to gateway as username
/// (password "demo") and syncing.
struct SignedInWindow
{
    SignedInWindow(GatewayFixture &gateway, const QString &username)
    {
        ready = !cache.open(dir.filePath(QStringLiteral("cache.db")), store::workbenchCacheSchema());
        window = std::make_unique<ui::MainWindow>(cache, session);
        window->show();
        ready = ready
            && signInAndWait(*window, gateway.url(QString()).toString(), username, QStringLiteral("demo")).isEmpty();
        window->syncNow();
    }
    QTableView *table() const { return window->findChild<QTableView *>(QStringLiteral("queueTable")); }
    QString idAt(int row) const
    {
        return table()->model()->index(row, 0).data(itemmodels::WorkQueueModel::WorkItemIdRole).toString();
    }

    QTemporaryDir dir;
    store::Database cache;
    api::Session session {QUrl()};
    std::unique_ptr<ui::MainWindow> window;
    bool ready = false;
};

} // namespace rcm::testing
