// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/commands.h"
#include "services/store/sqlitememory.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    rcm::store::reserveSqlitePageMemory(64); // the cache's own size (Schema::cacheMebibytes)
    // PDF reports need Qt Gui's fonts and painting and their charts a QApplication (QtCharts
    // draws through QGraphicsWidget), never a display: the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("RCM Workbench"));
    QCoreApplication::setApplicationName(QStringLiteral("rcmctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RCM_VERSION));
    return rcm::cli::run(QCoreApplication::arguments());
}
