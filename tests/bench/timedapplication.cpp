// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/bench/timedapplication.h"

#include <QElapsedTimer>
#include <QThread>

#include <atomic>

namespace rcm::bench {

namespace {

std::atomic<qint64> longestNanoseconds {0};
thread_local int depth = 0;

} // namespace

bool TimedApplication::notify(QObject *receiver, QEvent *event)
{
    const bool outermostOnGuiThread = depth == 0 && QThread::currentThread() == thread();
    ++depth;
    QElapsedTimer timer;
    timer.start();
    const bool handled = QApplication::notify(receiver, event);
    --depth;
    if (outermostOnGuiThread) {
        const qint64 elapsed = timer.nsecsElapsed();
        qint64 longest = longestNanoseconds.load();
        while (elapsed > longest && !longestNanoseconds.compare_exchange_weak(longest, elapsed)) { }
    }
    return handled;
}

double TimedApplication::takeLongestEventMilliseconds()
{
    return double(longestNanoseconds.exchange(0)) / 1e6;
}

} // namespace rcm::bench
