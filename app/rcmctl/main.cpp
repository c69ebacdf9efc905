// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/commands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RCM Workbench"));
    QCoreApplication::setApplicationName(QStringLiteral("rcmctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RCM_VERSION));
    return rcm::cli::run(QCoreApplication::arguments());
}
