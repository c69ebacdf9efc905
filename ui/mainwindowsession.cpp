// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// MainWindow's session: signing in (online, or offline from the person's own cache when
// the gateway cannot be reached), whose cache opens, and locking. The window's layout and
// the workspace are mainwindow.cpp; its commands are mainwindowactions.cpp.
#include "ui/mainwindow.h"

#include "services/api/session.h"
#include "services/api/transportpolicy.h"
#include "services/rules/actionpolicy.h"
#include "services/security/offlineunlock.h"
#include "services/store/cacheowner.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "ui/actionpanel.h"
#include "ui/dashboardview.h"
#include "ui/idlelock.h"
#include "ui/queuenavigation.h"
#include "ui/signinpage.h"
#include "ui/syncrunner.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProgressBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

namespace {

/// The gateway did not answer at all, or answered that it cannot serve: the person's own
/// cache may open offline. A refused password or a locked account never unlocks offline.
bool unreachable(const api::ApiError &error)
{
    switch (error.kind) {
    case api::ApiError::Kind::Network:
    case api::ApiError::Kind::Timeout:
        return true;
    case api::ApiError::Kind::Server:
        return error.httpStatus >= 500;
    case api::ApiError::Kind::None:
    case api::ApiError::Kind::Unauthorized:
    case api::ApiError::Kind::Refused:
    case api::ApiError::Kind::BadReply:
    case api::ApiError::Kind::Insecure:
        return false;
    }
    return false;
}

/// The address a person types for a gateway's API base (".../v1"): a path before /v1 (a
/// gateway behind a proxy at https://host/rcm) stays.
QString gatewayAddress(const QString &apiBase)
{
    QString address = apiBase;
    if (address.endsWith(u"/v1"_s))
        address.chop(3);
    return address;
}

/// A workstation from before one cache per person kept one cache file for everyone (the
/// "cacheFile" setting, or cache.db in the data folder). The first person to sign in
/// online whom it may belong to (nobody recorded, or them) gets it as their own cache,
/// with whatever it still held to send: nothing is left behind in a file no one opens.
/// Returns the file adopted, or an empty string.
QString adoptEarlierCache(const QString &personalPath, const QString &userId)
{
    if (userId.isEmpty() || QFileInfo::exists(personalPath))
        return {};
    const QString earlier
        = QSettings()
              .value(
                  u"cacheFile"_s,
                  QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(u"cache.db"_s))
              .toString();
    if (!QFileInfo::exists(earlier))
        return {};
    {
        store::Database cache;
        if (cache.open(earlier, store::workbenchCacheSchema()))
            return {};
        const std::optional<store::CacheOwner> owner = store::readCacheOwner(cache);
        if (owner && owner->user.id != userId)
            return {}; // someone else's: it stays where it is, for them
    } // closed: SQLite folds its write-ahead log back in
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s}) {
        if (QFileInfo::exists(earlier + suffix) && !QFile::rename(earlier + suffix, personalPath + suffix))
            return {};
    }
    if (!QFile::rename(earlier, personalPath))
        return {};
    QSettings().remove(u"cacheFile"_s);
    return earlier;
}

} // namespace

void MainWindow::signIn(const QString &server, const QString &username, const QString &password)
{
    if (m_signingIn) { // one at a time: a late answer must not land in another person's cache
        Q_EMIT signInFinished(tr("A sign-in is already under way."));
        return;
    }
    QString base = server;
    while (base.endsWith(u'/'))
        base.chop(1);
    if (!base.endsWith(u"/v1"_s))
        base += u"/v1"_s;
    const QUrl url(base);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        failSignIn(tr("The server address must start with http:// or https://"));
        return;
    }
    // The organisation's own CA, if the gateway's certificate comes from one (kept beside
    // the server address); certificate errors are never ignored.
    QList<QSslCertificate> caCertificates;
    if (const QString caFile = QSettings().value(u"caFile"_s).toString(); !caFile.isEmpty()) {
        QString error;
        const std::optional<QList<QSslCertificate>> certificates = api::readCaFile(caFile, &error);
        if (!certificates) {
            failSignIn(error);
            return;
        }
        caCertificates = *certificates;
    }
    m_signingIn = true;
    m_signInPage->setBusy(true);
    m_userLabel->setText(tr("Signing in…"));
    m_session.setServer(url);
    m_session.client().setCaCertificates(caCertificates);
    const QString serverKey = url.toString();
    m_session.signIn(username, password, this, [this, serverKey, username, password](const api::ApiError &error) {
        if (!error) {
            signedInOnline(serverKey, username, password);
            return;
        }
        if (unreachable(error)) {
            unlockOffline(serverKey, username, password, error.message());
            return;
        }
        if (error.kind == api::ApiError::Kind::Unauthorized || error.kind == api::ApiError::Kind::Refused) {
            // The gateway said no (a changed password, a disabled account): the password kept
            // for offline unlock no longer opens the cache.
            const QString path = m_cacheFolder.isEmpty() ? (m_cache ? m_cache->path() : QString())
                                                         : store::personalCachePath(m_cacheFolder, serverKey, username);
            if (QFileInfo::exists(path))
                m_offlineUnlock->forget(path, serverKey, username);
        }
        failSignIn(error.message());
    });
}

void MainWindow::signedInOnline(const QString &server, const QString &username, const QString &password)
{
    const models::User user = m_session.user();
    const auto refuse = [this](const QString &why) {
        m_session.signOut(this, [](const api::ApiError &) {});
        failSignIn(why);
    };
    if (!rules::ActionPolicy::worksQueues(user.role)) {
        // The integration account's sign-in is for systems posting files, not for a person.
        refuse(tr("%1 is a service account for system-to-system calls; it cannot use the workbench").arg(username));
        return;
    }
    if (const QString error = openCacheOf(server, username, user.id); !error.isEmpty()) {
        refuse(error);
        return;
    }
    // The cache is its owner's alone: the gateway's user id decides (two accounts whose
    // names differ only in case are two people).
    store::StoreError readError;
    const std::optional<store::CacheOwner> previous = store::readCacheOwner(*m_cache, &readError);
    if (readError) {
        refuse(tr("The local cache cannot be read: %1").arg(readError.message()));
        return;
    }
    if (previous && (previous->user.id != user.id || previous->server != server)) {
        refuse(tr("This workbench's cache belongs to another person, whose unsent work stays in it. Start the "
                  "workbench with a cache of your own."));
        return;
    }
    // The organisation's policy (the auto-lock ceiling, how long offline unlock lasts),
    // then a verifier of the password for unlocking offline, kept with the person's cache.
    const QString cachePath = m_cache->path();
    m_session.fetchPolicy(
        this,
        [this, server, username, password, user, previous, cachePath](const api::ApiError &policyError,
                                                                      const api::GatewayPolicy &policy) {
            if (!m_cache || m_cache->path() != cachePath) { // another sign-in took over meanwhile
                failSignIn(tr("Another sign-in took over; sign in again."));
                return;
            }
            store::CacheOwner owner;
            owner.server = server;
            owner.username = username;
            owner.user = user;
            owner.lastOnlineSignIn = QDateTime::currentDateTimeUtc();
            if (!policyError) {
                owner.offlineUnlockHours = policy.offlineUnlockHours;
                owner.autoLockMinutesMax = policy.autoLockMinutesMax;
            } else if (previous) { // no answer: what the organisation said last time, never the defaults
                owner.offlineUnlockHours = previous->offlineUnlockHours;
                owner.autoLockMinutesMax = previous->autoLockMinutesMax;
            }
            m_offlineUnlock->remember(cachePath, owner, password, this, [this, owner, cachePath](const QString &error) {
                if (!m_cache || m_cache->path() != cachePath) {
                    failSignIn(tr("Another sign-in took over; sign in again."));
                    return;
                }
                if (!error.isEmpty()) {
                    // Without its owner recorded, the cache would open for the next person to sign in.
                    const std::optional<store::CacheOwner> recorded = store::readCacheOwner(*m_cache);
                    if (!recorded || recorded->user.id != owner.user.id) {
                        m_session.signOut(this, [](const api::ApiError &) {});
                        failSignIn(tr("Your cache cannot be made yours: %1").arg(error));
                        return;
                    }
                }
                unlocked(owner.user, owner.server, owner.username, false, owner.autoLockMinutesMax);
                if (!error.isEmpty())
                    statusBar()->showMessage(tr("Offline sign-in is not kept on this workstation: %1").arg(error),
                                             10000);
                QSettings settings;
                settings.setValue(u"server"_s, gatewayAddress(owner.server));
                settings.setValue(u"user"_s, owner.username);
                Q_EMIT signInFinished(QString());
            });
        });
}

void MainWindow::unlockOffline(const QString &server, const QString &username, const QString &password,
                               const QString &networkError)
{
    const QString path
        = m_cacheFolder.isEmpty() ? m_cache->path() : store::personalCachePath(m_cacheFolder, server, username);
    if (!QFileInfo::exists(path)) {
        failSignIn(tr("The gateway cannot be reached (%1), and %2 has not signed in on this workstation before, so "
                      "cannot work offline.")
                       .arg(networkError, username));
        return;
    }
    m_offlineUnlock->tryUnlock(
        path, server, username, password, QDateTime::currentDateTimeUtc(), this,
        [this, server, username, networkError](const security::OfflineUnlockOutcome &outcome) {
            if (outcome.result != security::OfflineUnlockResult::Unlocked || !outcome.owner) {
                failSignIn(tr("The gateway cannot be reached (%1). %2").arg(networkError, outcome.message));
                return;
            }
            if (const QString error = openCacheOf(server, username); !error.isEmpty()) {
                failSignIn(error);
                return;
            }
            // Until the end of the organisation's window, however busy the person is.
            const QDateTime until
                = outcome.owner->lastOnlineSignIn.addSecs(qint64(outcome.owner->offlineUnlockHours) * 3600);
            unlocked(outcome.owner->user, server, username, true, outcome.owner->autoLockMinutesMax, until);
            Q_EMIT signInFinished(QString());
        });
}

void MainWindow::failSignIn(const QString &error)
{
    m_signingIn = false;
    m_signInPage->setMessage(error);
    updateSessionStatus();
    Q_EMIT signInFinished(error);
}

QString MainWindow::openCacheOf(const QString &server, const QString &username, const QString &adoptingUserId)
{
    if (m_cacheFolder.isEmpty())
        return {};
    const QString path = store::personalCachePath(m_cacheFolder, server, username);
    if (m_cache && m_cache->path() == path)
        return {};
    // Another person: the previous person's work closes with their cache, and stays in it.
    closeWorkspace();
    m_place.reset();
    m_placeItemId.clear();
    m_person.reset();
    delete m_sync; // a run under way ends with it
    m_sync = nullptr;
    m_syncProgress->hide();
    m_syncAction->setEnabled(true);
    delete m_leavingWorkspace; // its model holds the cache about to close
    m_cache = nullptr;
    m_ownedCache.reset();
    if (!QDir().mkpath(m_cacheFolder)
        || !QFile::setPermissions(m_cacheFolder,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        return tr("The cache folder %1 cannot be made readable by you only.").arg(m_cacheFolder);
    }
    if (const QString adopted = adoptEarlierCache(path, adoptingUserId); !adopted.isEmpty())
        statusBar()->showMessage(tr("The workstation's earlier cache is now yours, with its unsent actions."), 10000);
    auto cache = std::make_unique<store::Database>();
    if (const store::StoreError error = cache->open(path, store::workbenchCacheSchema()))
        return tr("Your local cache cannot be opened: %1").arg(error.message());
    m_ownedCache = std::move(cache);
    m_cache = m_ownedCache.get();
    return {};
}

void MainWindow::unlocked(const models::User &person, const QString &server, const QString &username, bool offline,
                          int autoLockCeilingMinutes, const QDateTime &offlineUntil)
{
    if (m_person && m_person->id != person.id) {
        // Someone else (the same fixed cache cannot get here): nothing of the last person's place.
        closeWorkspace();
        m_place.reset();
        m_placeItemId.clear();
    }
    m_signingIn = false;
    m_person = person;
    m_personServer = server;
    m_personUsername = username;
    m_offline = offline;
    m_autoLockCeiling = autoLockCeilingMinutes;
    if (m_workspace) { // signed in again while working (a session that had ended)
        m_actions->setUser(m_person);
        m_actions->setServer(m_personServer);
        m_dashboard->setViewer(m_person);
        m_navigation->rebuild(m_person);
    } else
        openWorkspace();
    applyAutoLock();
    m_idleLock->setActive(true);
    m_offlineDeadline->stop();
    if (offline) {
        m_probe->start();
        const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(offlineUntil);
        m_offlineDeadline->start(std::chrono::milliseconds(std::clamp<qint64>(left, 0, qint64(24) * 3600 * 1000)));
    } else
        m_probe->stop();
    updateSessionStatus();
}

void MainWindow::lock(const QString &reason)
{
    if (!m_person) { // nobody signed in: nothing to hide
        if (!reason.isEmpty())
            m_signInPage->setMessage(reason, false);
        return;
    }
    const bool wasOpen = m_workspace != nullptr;
    closePhiDialogs();
    closeWorkspace();
    m_idleLock->setActive(false);
    m_probe->stop();
    m_offlineDeadline->stop();
    m_offline = false;
    // The session ends on the gateway too: unlocking needs the password again.
    if (m_session.isSignedIn())
        m_session.signOut(this, [](const api::ApiError &) {});
    if (wasOpen)
        m_signInPage->showLocked(gatewayAddress(m_personServer), m_personUsername, m_person->displayName);
    if (!reason.isEmpty())
        m_signInPage->setMessage(reason, false);
    updateSessionStatus();
}

bool MainWindow::isLocked() const
{
    return m_workspace == nullptr;
}

void MainWindow::closePhiDialogs()
{
    // Conflicts, reports, an import preview, a file chooser: none stays open over a lock.
    for (QDialog *dialog : findChildren<QDialog *>()) {
        if (dialog->isVisible())
            dialog->reject();
    }
}

void MainWindow::applyAutoLock()
{
    int minutes = std::max(1, QSettings().value(u"autoLockMinutes"_s, IdleLock::defaultMinutes).toInt());
    if (m_autoLockCeiling > 0)
        minutes = std::min(minutes, m_autoLockCeiling); // the organisation's ceiling
    m_idleLock->setInterval(std::chrono::minutes(minutes));
}

void MainWindow::setAutoLockInterval(std::chrono::milliseconds interval)
{
    if (m_autoLockCeiling > 0)
        interval = std::min<std::chrono::milliseconds>(interval, std::chrono::minutes(m_autoLockCeiling));
    m_idleLock->setInterval(interval);
}

void MainWindow::probeGateway()
{
    if (!m_offline || !m_workspace) {
        m_probe->stop();
        return;
    }
    m_session.fetchPolicy(this, [this](const api::ApiError &error, const api::GatewayPolicy &) {
        if (error || !m_offline || !m_workspace)
            return;
        m_connection->setText(tr("The gateway answers again: press F5 and sign in to send your queued actions."));
    });
}

} // namespace rcm::ui
