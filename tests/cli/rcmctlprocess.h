// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHash>
#include <QProcess>
#include <QSignalSpy>
#include <QStringList>

namespace rcm::testing {

/// How an rcmctl run ended.
struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs rcmctl as scripts do, as a child process fed input on its standard input, with its
/// settings and keyring lookups kept under home; this process's event loop keeps running
/// (and serves the test's gateway) while it works.
inline Run runRcmctl(const QStringList &arguments, const QString &home, const QByteArray &input = "demo\n",
                     const QHash<QString, QString> &variables = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("RCM_CA_FILE"));
    for (auto variable = variables.begin(); variable != variables.end(); ++variable)
        environment.insert(variable.key(), variable.value());
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(RCMCTL), arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(120000))
        return {};
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace rcm::testing
