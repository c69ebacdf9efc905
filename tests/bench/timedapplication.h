// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QApplication>

namespace rcm::bench {

/// A QApplication that times every event the GUI thread handles (outermost only). A late
/// heartbeat says the window could not draw in time; the longest event says whether the
/// window's own work was to blame or the machine gave its thread no time (on two cores,
/// with a gateway, a network thread and a sync worker busy beside it).
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override;
    /// What the longest event was: the receiver's class and the event's type.
    static QString longestEventDescription();
    /// The longest event other than drawing the window (the window's own work: answers,
    /// signals, timers, input) since the last call, in milliseconds.
    static double takeLongestWorkMilliseconds();
    /// The longest event since the last call, in milliseconds.
    static double takeLongestEventMilliseconds();
};

} // namespace rcm::bench
