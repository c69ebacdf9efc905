// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringList>

#include <sys/types.h>

namespace rcm::bench {

/// A program run as a child process, to measure what it costs on its own: its peak
/// resident memory is the kernel's high-water mark of its own address space (VmHWM in
/// /proc/PID/status), read every few milliseconds while it runs and last just before it
/// is stopped. Not ru_maxrss: a child's counts the forking parent's resident size as of
/// the fork, so a benchmark process larger than the child would mask the child's figure.
class ChildProcess final
{
public:
    enum class Output { Discard, Pipe };

    /// standardInput: a file the child reads as its standard input (empty: none).
    ChildProcess(const QString &program, const QStringList &arguments, Output output = Output::Discard,
                 const QString &standardInput = {});
    ~ChildProcess();
    Q_DISABLE_COPY_MOVE(ChildProcess)

    bool isRunning() const { return m_pid > 0; }
    /// The next line the child wrote on its standard output (Output::Pipe), or empty at its end.
    QByteArray readLine();
    /// Sends SIGTERM (unless it has ended) and waits for the child.
    void terminate();
    /// Waits for the child to end, following its peak memory; its exit code, or -1 if a
    /// signal ended it.
    int wait();
    double peakMegabytes() const { return m_peakMegabytes; }
    double seconds() const { return m_seconds; }

private:
    void samplePeak();

    pid_t m_pid = -1;
    int m_output = -1;
    QByteArray m_pending;
    double m_peakMegabytes = 0;
    double m_seconds = 0;
    qint64 m_started = 0;
};

} // namespace rcm::bench
