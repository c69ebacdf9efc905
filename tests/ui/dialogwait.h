// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QApplication>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace rcm::testing {

/// Runs handle on the next modal dialog of type Dialog as soon as it opens (and ready says
/// it is ready: waiting inside handle would block the dialog's own work).
template<typename Dialog>
void whenDialogOpens(std::function<void(Dialog *)> handle, std::function<bool(Dialog *)> ready = {})
{
    auto *poll = new QTimer(qApp);
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, handle, ready]() {
        auto *dialog = qobject_cast<Dialog *>(QApplication::activeModalWidget());
        if (dialog && (!ready || ready(dialog))) {
            poll->stop();
            poll->deleteLater();
            handle(dialog);
        }
    });
    poll->start();
}

} // namespace rcm::testing
