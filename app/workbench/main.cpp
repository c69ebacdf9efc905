#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(u"RCM Workbench"_s);
    QApplication::setApplicationName(u"rcm-workbench"_s);
    QApplication::setApplicationDisplayName(u"RCM Workbench"_s);
    QApplication::setApplicationVersion(QStringLiteral(RCM_VERSION));
    QApplication::setDesktopFileName(u"rcm-workbench"_s);

    // Without a configured locale (a bare "C" environment) show dates and dollars the
    // way US billing offices read them.
    if (QLocale::system().language() == QLocale::C)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Revenue-cycle work queues."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cacheOption(u"cache"_s, u"The local cache file (default: in the user's data folder)."_s,
                                         u"FILE"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Save a picture of the window to FILE and quit."_s,
                                              u"FILE"_s);
    parser.addOptions({cacheOption, screenshotOption});
    parser.process(application);

    const QString cachePath = parser.isSet(cacheOption)
        ? parser.value(cacheOption)
        : QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(u"cache.db"_s);
    rcm::store::Database cache;
    if (const rcm::store::StoreError error = cache.open(cachePath, rcm::store::workbenchCacheSchema())) {
        QMessageBox::critical(
            nullptr, QApplication::applicationDisplayName(),
            QApplication::translate("main", "The local cache cannot be opened.\n\n%1").arg(error.message()));
        return 1;
    }

    rcm::ui::MainWindow window(cache);
    window.show();
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(1500, &window, [&window, file]() {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    return QApplication::exec();
}
