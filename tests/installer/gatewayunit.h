// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTest>

namespace rcm::testing {

/// The text of rcm-gateway's systemd unit as the Debian package ships it (RCM_GATEWAY_UNIT).
inline QString gatewayUnitText()
{
    QFile unit(QStringLiteral(RCM_GATEWAY_UNIT));
    return unit.open(QIODevice::ReadOnly) ? QString::fromUtf8(unit.readAll()) : QString();
}

/// The unit's ExecStart, split into arguments (the unit quotes nothing).
inline QStringList gatewayUnitExecStart()
{
    static const QRegularExpression line(QStringLiteral("^ExecStart=(.+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(gatewayUnitText());
    return match.hasMatch() ? match.captured(1).split(u' ', Qt::SkipEmptyParts) : QStringList();
}

/// The unit's ExecStart without the program, with its state folder, credentials folder (%d)
/// and port (8443) replaced: how a test runs exactly the unit's options.
inline QStringList gatewayUnitArguments(const QString &stateFolder, const QString &credentialsFolder,
                                        const QString &port)
{
    QStringList arguments = gatewayUnitExecStart();
    if (arguments.isEmpty())
        return {};
    arguments.removeFirst();
    for (QString &argument : arguments) {
        argument.replace(QStringLiteral("/var/lib/rcm-gateway"), stateFolder);
        argument.replace(QStringLiteral("%d/"), credentialsFolder + u'/');
    }
    const qsizetype portAt = arguments.indexOf(QStringLiteral("--port"));
    if (portAt < 0 || arguments.value(portAt + 1) != QStringLiteral("8443"))
        return {};
    arguments[portAt + 1] = port;
    return arguments;
}

/// What a run of rcm-gateway to its end printed, and how it ended (-1: it did not end).
struct GatewayRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs rcm-gateway (RCM_GATEWAY) with arguments and input on stdin, in environment, to its end.
inline GatewayRun runGateway(const QStringList &arguments, const QByteArray &input = {},
                             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(RCM_GATEWAY), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

/// Starts rcm-gateway (RCM_GATEWAY) with arguments and waits until it says where it serves:
/// its base URL ("https://0.0.0.0:PORT"), or empty with why in *failure.
inline QString startGateway(QProcess &gateway, const QStringList &arguments, QByteArray *failure)
{
    gateway.start(QStringLiteral(RCM_GATEWAY), arguments);
    QByteArray output;
    static const QRegularExpression serving(QStringLiteral("serving the Work Queue API at (https?://[^/]+)/v1/"));
    QRegularExpressionMatch match;
    const bool settled = QTest::qWaitFor(
        [&] {
            output += gateway.readAllStandardOutput();
            match = serving.match(QString::fromUtf8(output));
            return match.hasMatch() || gateway.state() == QProcess::NotRunning;
        },
        30000);
    if (!match.hasMatch())
        *failure = QByteArray(settled ? "the gateway stopped: " : "the gateway did not start within 30 s: ") + output
            + gateway.readAllStandardError();
    return match.captured(1);
}

} // namespace rcm::testing
