// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ui/mainwindow.h"

#include <QSignalSpy>

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

} // namespace rcm::testing
