// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

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

} // namespace rcm::testing
