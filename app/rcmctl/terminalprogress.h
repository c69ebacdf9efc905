// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QElapsedTimer>
#include <QString>

#include <cstdio>

namespace rcm::cli {

/// A one-line progress bar on stderr when it is a terminal; silent otherwise, so that
/// scripts and logs get no control characters.
class TerminalProgress final
{
public:
    /// total -1: not known, a running count is shown instead of a bar.
    TerminalProgress(QString label, qint64 total);
    ~TerminalProgress();
    Q_DISABLE_COPY_MOVE(TerminalProgress)

    void update(qint64 done);
    void finish();

private:
    QString m_label;
    qint64 m_total = 0;
    bool m_enabled = false;
    bool m_finished = false;
    qint64 m_lastDrawnMs = -1000;
    QElapsedTimer m_timer;
};

} // namespace rcm::cli
