// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/bench/timedapplication.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QThread>

#include <atomic>

namespace rcm::bench {

namespace {

std::atomic<qint64> longestNanoseconds {0};
std::atomic<qint64> longestNotDrawingNanoseconds {0};
QString longestWhat; // GUI thread only

bool isDrawing(const QEvent *event)
{
    return event->type() == QEvent::UpdateRequest || event->type() == QEvent::Paint;
}
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
        if (!isDrawing(event) && elapsed > longestNotDrawingNanoseconds.load())
            longestNotDrawingNanoseconds.store(elapsed);
        if (elapsed > longestNanoseconds.load()) {
            longestNanoseconds.store(elapsed);
            longestWhat = QString::fromLatin1(receiver ? receiver->metaObject()->className() : "?") + u' '
                + QString::number(int(event->type()));
        }
    }
    return handled;
}

QString TimedApplication::longestEventDescription()
{
    return longestWhat;
}

double TimedApplication::takeLongestWorkMilliseconds()
{
    return double(longestNotDrawingNanoseconds.exchange(0)) / 1e6;
}

double TimedApplication::takeLongestEventMilliseconds()
{
    return double(longestNanoseconds.exchange(0)) / 1e6;
}

} // namespace rcm::bench
