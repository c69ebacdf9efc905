// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QTimer>

namespace rcm::ui {

/// Watches the application for keyboard and mouse activity and says when there has been
/// none for the configured time, so the window can hide patient data.
class IdleLock final : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultMinutes = 15;

    explicit IdleLock(QObject *parent = nullptr);

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_timer.intervalAsDuration(); }
    /// Stops watching while locked; starts again on unlock.
    void setActive(bool active);

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
};

} // namespace rcm::ui
