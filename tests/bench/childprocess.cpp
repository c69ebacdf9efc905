// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/bench/childprocess.h"

#include <QElapsedTimer>
#include <QFile>

#include <cerrno>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

extern char **environ;

using namespace Qt::Literals::StringLiterals;

namespace rcm::bench {

namespace {

qint64 now()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    return clock.nsecsElapsed();
}

} // namespace

ChildProcess::ChildProcess(const QString &program, const QStringList &arguments, Output output,
                           const QString &standardInput)
{
    std::vector<QByteArray> storage {program.toLocal8Bit()};
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    int pipeEnds[2] = {-1, -1};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (output == Output::Pipe && ::pipe2(pipeEnds, O_CLOEXEC) == 0) {
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO);
        m_output = pipeEnds[0];
    } else {
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    }
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const QByteArray input = standardInput.toLocal8Bit();
    if (!input.isEmpty())
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, input.constData(), O_RDONLY, 0);
    m_started = now();
    if (posix_spawn(&m_pid, argv.front(), &actions, nullptr, argv.data(), environ) != 0)
        m_pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    if (pipeEnds[1] >= 0)
        ::close(pipeEnds[1]);
}

ChildProcess::~ChildProcess()
{
    terminate();
    if (m_output >= 0)
        ::close(m_output);
}

QByteArray ChildProcess::readLine()
{
    while (m_output >= 0 && !m_pending.contains('\n')) {
        char buffer[4096];
        const ssize_t read = ::read(m_output, buffer, sizeof buffer);
        if (read <= 0)
            break;
        m_pending.append(buffer, read);
    }
    const qsizetype end = m_pending.indexOf('\n');
    const QByteArray line = end < 0 ? std::exchange(m_pending, {}) : m_pending.left(end);
    m_pending.remove(0, end < 0 ? 0 : end + 1);
    return line;
}

void ChildProcess::samplePeak()
{
    QFile status(u"/proc/%1/status"_s.arg(m_pid));
    if (!status.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            const double kilobytes = line.mid(6).trimmed().split(' ').constFirst().toDouble();
            m_peakMegabytes = std::max(m_peakMegabytes, kilobytes / 1024.0);
        }
    }
}

void ChildProcess::terminate()
{
    if (m_pid > 0) {
        samplePeak();
        ::kill(m_pid, SIGTERM);
        wait();
    }
}

int ChildProcess::wait()
{
    if (m_pid <= 0)
        return -1;
    int status = 0;
    for (;;) {
        samplePeak(); // a high-water mark: the last sample before the end is all but the peak
        const pid_t ended = ::waitpid(m_pid, &status, WNOHANG);
        if (ended == m_pid || (ended < 0 && errno != EINTR))
            break;
        ::usleep(2000);
    }
    m_pid = -1;
    m_seconds = double(now() - m_started) / 1e9;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace rcm::bench
