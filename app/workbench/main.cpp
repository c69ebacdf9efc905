// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/sqlitememory.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <memory>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    // Two caches' worth (Schema::cacheMebibytes): the window's connection and the sync's.
    rcm::store::reserveSqlitePageMemory(128);
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
    const QCommandLineOption cacheOption(u"cache"_s,
                                         u"One cache file, for its owner only (default: one per person in the "
                                         "cache folder)."_s,
                                         u"FILE"_s);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Save a picture of the window to FILE and quit."_s,
                                              u"FILE"_s);
    const QCommandLineOption serverOption(u"server"_s, u"Sign in to this gateway at start (with --user)."_s, u"URL"_s);
    const QCommandLineOption userOption(u"user"_s, u"The user to sign in as."_s, u"NAME"_s);
    const QCommandLineOption passwordOption(u"password-stdin"_s, u"Read the password from standard input."_s);
    const QCommandLineOption languageOption(u"language"_s,
                                            u"Language: en or es (default: the system's, or the "
                                            "'language' setting)."_s,
                                            u"CODE"_s);
    parser.addOptions({cacheOption, screenshotOption, serverOption, userOption, passwordOption, languageOption});
    parser.process(application);
    rcm::ui::installTranslation(parser.isSet(languageOption) ? parser.value(languageOption)
                                                             : QSettings().value(u"language"_s).toString());

    // One cache per person and gateway in the cache folder, opened when they sign in; or
    // one file given on the command line, which only its owner may open.
    rcm::api::Session session(QUrl(), rcm::api::Session::ClientThread::Own);
    rcm::store::Database fixedCache;
    std::unique_ptr<rcm::ui::MainWindow> created;
    if (parser.isSet(cacheOption)) {
        if (const rcm::store::StoreError error
            = fixedCache.open(parser.value(cacheOption), rcm::store::workbenchCacheSchema())) {
            QMessageBox::critical(
                nullptr, QApplication::applicationDisplayName(),
                QApplication::translate("main", "The local cache cannot be opened.\n\n%1").arg(error.message()));
            return 1;
        }
        created = std::make_unique<rcm::ui::MainWindow>(fixedCache, session);
    } else {
        const QString folder
            = QSettings().value(u"cacheFolder"_s, rcm::ui::SettingsDialog::defaultCacheFolder()).toString();
        created = std::make_unique<rcm::ui::MainWindow>(folder, session);
    }
    rcm::ui::MainWindow &window = *created;
    window.show();
    bool signingIn = false; // the start-up sign-in has not answered yet
    if (parser.isSet(serverOption) && parser.isSet(userOption) && parser.isSet(passwordOption)) {
        // Signed in from the start (scripts/demo): sign in, then sync, both in the background.
        const QString password = QTextStream(stdin).readLine();
        QObject::connect(
            &window, &rcm::ui::MainWindow::signInFinished, &window,
            [&window, &signingIn](const QString &error) {
                signingIn = false;
                if (error.isEmpty())
                    window.syncNow();
                else
                    QMessageBox::warning(&window, QApplication::applicationDisplayName(), error);
            },
            Qt::SingleShotConnection);
        signingIn = true;
        window.signIn(parser.value(serverOption), parser.value(userOption), password);
    }
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        // After the start-up sign-in and sync, if there are any, so that the picture shows
        // their result.
        auto *wait = new QTimer(&window);
        QObject::connect(wait, &QTimer::timeout, &window, [&window, &signingIn, file, wait]() {
            if (signingIn || window.isSyncing())
                return;
            wait->stop();
            QTimer::singleShot(700, &window, [&window, file]() {
                window.grab().save(file);
                QApplication::quit();
            });
        });
        wait->start(800);
    }
    return QApplication::exec();
}
