// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/terminalprogress.h"

#include <unistd.h>

namespace rcm::cli {

TerminalProgress::TerminalProgress(QString label, qint64 total)
    : m_label(std::move(label))
    , m_total(total)
    , m_enabled(isatty(STDERR_FILENO) == 1)
{
    m_timer.start();
}

TerminalProgress::~TerminalProgress()
{
    finish();
}

void TerminalProgress::update(qint64 done)
{
    if (!m_enabled || m_finished)
        return;
    const qint64 now = m_timer.elapsed();
    if ((m_total < 0 || done < m_total) && now - m_lastDrawnMs < 100)
        return;
    m_lastDrawnMs = now;
    if (m_total < 0) { // the total is not known: a running count
        std::fprintf(stderr, "\r%s: %lld", qPrintable(m_label), static_cast<long long>(done));
        std::fflush(stderr);
        return;
    }
    constexpr int width = 30;
    const double fraction = m_total > 0 ? static_cast<double>(done) / static_cast<double>(m_total) : 0.0;
    const int filled = static_cast<int>(fraction * width);
    const QByteArray bar = QByteArray(filled, '#') + QByteArray(width - filled, '-');
    std::fprintf(stderr, "\r%s [%s] %lld/%lld (%3d%%)", qPrintable(m_label), bar.constData(),
                 static_cast<long long>(done), static_cast<long long>(m_total), static_cast<int>(fraction * 100));
    std::fflush(stderr);
}

void TerminalProgress::finish()
{
    if (!m_enabled || m_finished)
        return;
    m_finished = true;
    std::fputc('\n', stderr);
}

} // namespace rcm::cli
