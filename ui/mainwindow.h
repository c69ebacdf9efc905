// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "models/workitem.h"
#include "ui/itemmodels/savedviews.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QTimer;
class QToolButton;

namespace rcm::store {
class Database;
class ItemHistoryStore;
class SyncJournal;
class WorkItemStore;
} // namespace rcm::store
namespace rcm::api {
class Session;
}
namespace rcm::security {
class OfflineUnlock;
}
namespace rcm::itemmodels {
class WorkQueueModel;
}

namespace rcm::ui {

class ActionPanel;
class FilterBar;
class QueueNavigation;
class IdleLock;
class SignInPage;
class SyncRunner;
class DashboardView;
struct DashboardDrill;
struct SyncSummary;

/// Installs the workbench's translation for language ("es", "en"; empty: the system's),
/// for the life of the application. Returns whether one was found.
bool installTranslation(const QString &language);

/// The workbench's main window. It opens on the sign-in page and shows nothing of the
/// cache until someone signs in: then the person's own cache opens, with queues on the
/// left, the selected queue in the middle and the selected item's details on the right;
/// sync (F5) and lock (Ctrl+L) in the toolbar, the session, the last sync and the outbox
/// in the status bar. When the gateway cannot be reached, the cache's owner unlocks with
/// their password for the gateway's offline window; actions wait in the outbox. Locking
/// (also after the idle time the organisation allows) signs out of the gateway and hides
/// every patient again.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    /// One cache file for whoever owns it (--cache, tests): another person cannot open it.
    MainWindow(store::Database &cache, api::Session &session, QWidget *parent = nullptr);
    /// One cache per person and gateway in cacheFolder, opened at sign-in.
    MainWindow(const QString &cacheFolder, api::Session &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Signs in, in the background; when the gateway cannot be reached, unlocks the cache
    /// offline for its owner. signInFinished() says how it went.
    void signIn(const QString &server, const QString &username, const QString &password);
    /// Starts a sync in the background (the outbox first, then the changes).
    void syncNow(bool confirmRemovals = false);
    bool isSyncing() const;

    /// Hides all patient data and signs out of the gateway until the person signs in
    /// again; also after the idle time. reason, if any, is shown on the lock page.
    void lock(const QString &reason = {});
    /// Nobody's work is on screen: signed out or locked.
    bool isLocked() const;
    /// Unlocked from the cache while the gateway could not be reached.
    bool isOffline() const { return m_offline; }
    /// The idle time before locking (tests); the organisation's ceiling still applies.
    void setAutoLockInterval(std::chrono::milliseconds interval);
    /// The open cache's file; empty before anyone signed in (per-person caches).
    QString cachePath() const;

    /// Writes the queue as shown (filter, search, sort) to path as CSV, readable by its
    /// owner only, and registers it with the gateway (now, or at the next sync). Ctrl+E
    /// asks for the path first.
    void exportViewTo(const QString &path);
    /// Opens the dialog of actions the server did not take as they were.
    void showConflicts();
    /// Opens an 835 file in the import preview (also by dropping it on the window).
    void importRemittance(const QString &path);

Q_SIGNALS:
    /// A sign-in ended: error is empty, or says why it failed.
    void signInFinished(const QString &error);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    MainWindow(store::Database *cache, QString cacheFolder, api::Session &session, QWidget *parent);
    // The session (mainwindowsession.cpp): sign-in, offline unlock, lock.
    void signedInOnline(const QString &server, const QString &username, const QString &password);
    void unlockOffline(const QString &server, const QString &username, const QString &password,
                       const QString &networkError);
    void failSignIn(const QString &error);
    /// Opens the cache of (server, username), unless it is the one open; empty or why not.
    /// Online (adoptingUserId known), the workstation's earlier single cache may become it.
    QString openCacheOf(const QString &server, const QString &username, const QString &adoptingUserId = {});
    void unlocked(const models::User &person, const QString &server, const QString &username, bool offline,
                  int autoLockCeilingMinutes, const QDateTime &offlineUntil = {});
    void applyAutoLock();
    void closePhiDialogs();
    void probeGateway();
    // The workspace (mainwindow.cpp): everything that shows the cache, built at unlock
    // and torn down at lock, so nothing of it outlives the person's session.
    void openWorkspace();
    void closeWorkspace();
    void deleteLeavingWorkspace();
    void setWorkspaceActionsEnabled(bool enabled);
    /// After an action or a retry: a sync when signed in; offline, the outbox keeps it.
    void syncSoon();
    void chooseRemittance();
    void openReports();
    void showSettings();
    void buildViewsMenu();
    void saveCurrentView();
    void applyView(const QString &name);
    itemmodels::SavedView currentView() const;
    void restoreView(const itemmodels::SavedView &view);
    void selectionChanged();
    qint64 selectedCount() const;
    void refreshFilterChoices();
    /// Opens the queue a click on the dashboard asked for, with its filter.
    void openDrill(const DashboardDrill &drill);
    void exportView();
    void registerExport(const QString &path, qint64 rows, const QJsonObject &parameters);
    void syncFinished(const SyncSummary &summary);
    void updateSessionStatus();
    void buildToolBar();
    std::optional<models::User> signedInUser() const;
    void showItem(const QModelIndex &index);
    void scheduleRender(const QString &id);
    void renderItem(const QString &id);
    void updateStatus();

    store::Database *m_cache = nullptr; ///< null until someone signs in (per-person caches)
    std::unique_ptr<store::Database> m_ownedCache; ///< the person's cache this window opened
    const QString m_cacheFolder; ///< empty: one fixed cache
    api::Session &m_session;
    security::OfflineUnlock *m_offlineUnlock = nullptr;
    std::optional<models::User> m_person; ///< whose work is open (or locked)
    QString m_personServer;
    QString m_personUsername;
    bool m_offline = false;
    int m_autoLockCeiling = 0; ///< minutes, from the gateway's policy; 0: none known
    std::optional<itemmodels::SavedView> m_place; ///< where the person was when it locked
    QString m_placeItemId;
    QTimer *m_probe = nullptr; ///< while offline: does the gateway answer again?
    QTimer *m_offlineDeadline = nullptr; ///< the end of the offline window: locks
    // The workspace: made by openWorkspace(), gone while locked. Kept for its life, so
    // their statements are prepared once.
    std::unique_ptr<store::WorkItemStore> m_items;
    std::unique_ptr<store::ItemHistoryStore> m_history;
    std::unique_ptr<store::SyncJournal> m_journal;
    QWidget *m_workspace = nullptr;
    QPointer<QWidget> m_leavingWorkspace; ///< closed, deleted once none of its dialogs runs
    int m_workspaceBusy = 0; ///< the workspace's model is in use further up the stack (an export)
    quint64 m_workspaceGeneration = 0; ///< which workspace a worker's answer was for
    itemmodels::WorkQueueModel *m_model = nullptr;
    QueueNavigation *m_navigation = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    ActionPanel *m_actions = nullptr;
    FilterBar *m_filterBar = nullptr;
    QStackedWidget *m_middle = nullptr; ///< the queue, or the dashboard
    DashboardView *m_dashboard = nullptr;
    SyncRunner *m_sync = nullptr; ///< lives with the open cache
    // The window's own parts.
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QLabel *m_itemCount = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_userLabel = nullptr;
    QToolButton *m_outboxButton = nullptr;
    QToolButton *m_viewsButton = nullptr;
    QProgressBar *m_syncProgress = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_filtersAction = nullptr;
    QList<QAction *> m_workspaceActions; ///< disabled while nobody's work is open
    IdleLock *m_idleLock = nullptr;
    QStackedWidget *m_pages = nullptr; ///< the sign-in page, or the workspace
    SignInPage *m_signInPage = nullptr;
    QAction *m_backAction = nullptr;
    QString m_renderId; ///< the item the details will show
    bool m_renderScheduled = false;
    bool m_signingIn = false;
};

} // namespace rcm::ui
