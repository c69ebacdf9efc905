// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/bench/timedapplication.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QThread>

#include <atomic>
#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace rcm::bench {

namespace {

std::atomic<qint64> longestNanoseconds {0};
std::atomic<qint64> longestNotDrawingNanoseconds {0};
QString longestWhat; // GUI thread only

bool isDrawing(int eventType)
{
    return eventType == QEvent::UpdateRequest || eventType == QEvent::Paint;
}
thread_local int depth = 0;

} // namespace

bool TimedApplication::notify(QObject *receiver, QEvent *event)
{
    const bool outermostOnGuiThread = depth == 0 && QThread::currentThread() == thread();
    // Read before delivery: a DeferredDelete destroys the receiver.
    const char *receiverClass = receiver ? receiver->metaObject()->className() : "?";
    const int eventType = int(event->type());
    ++depth;
    QElapsedTimer timer;
    timer.start();
    timespec cpuBefore {};
    if (outermostOnGuiThread)
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuBefore);
    const bool handled = QApplication::notify(receiver, event);
    --depth;
    if (outermostOnGuiThread) {
        const qint64 elapsed = timer.nsecsElapsed();
        timespec cpuAfter {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpuAfter);
        const qint64 cpu
            = (cpuAfter.tv_sec - cpuBefore.tv_sec) * 1'000'000'000LL + (cpuAfter.tv_nsec - cpuBefore.tv_nsec);
        if (!isDrawing(eventType) && elapsed > longestNotDrawingNanoseconds.load())
            longestNotDrawingNanoseconds.store(elapsed);
        if (elapsed > longestNanoseconds.load()) {
            longestNanoseconds.store(elapsed);
            longestWhat = QString::fromLatin1(receiverClass) + u' ' + QString::number(eventType) + u", "_s
                + QString::number(double(cpu) / 1e6, 'f', 1) + u" ms of it on the CPU"_s;
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
