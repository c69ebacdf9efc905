// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "models/workitem.h"

#include <QMainWindow>
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
namespace rcm::itemmodels {
class WorkQueueModel;
}

namespace rcm::ui {

class ActionPanel;
class FilterBar;
class QueueNavigation;
class IdleLock;
class SyncRunner;
class DashboardView;
struct DashboardDrill;
struct SyncSummary;

/// Installs the workbench's translation for language ("es", "en"; empty: the system's),
/// for the life of the application. Returns whether one was found.
bool installTranslation(const QString &language);

/// The workbench's main window: queues on the left, the selected queue in the middle,
/// the selected item's details on the right; sign-in and sync (F5) in the toolbar, the
/// session, the last sync and the outbox in the status bar. Filters and saved views sit
/// above the queue; several selected items take bulk actions.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(store::Database &cache, api::Session &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Signs in, in the background; signInFinished() says how it went.
    void signIn(const QString &server, const QString &username, const QString &password);
    /// Starts a sync in the background (the outbox first, then the changes).
    void syncNow(bool confirmRemovals = false);
    bool isSyncing() const;

    /// Hides all patient data until the user signs in again; also after the idle time.
    void lock();
    bool isLocked() const;
    void setAutoLockInterval(std::chrono::milliseconds interval);

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
    void askToSignIn(const QString &reason = {});
    void signedIn();
    void chooseRemittance();
    void openReports();
    void showSettings();
    void buildViewsMenu();
    void saveCurrentView();
    void applyView(const QString &name);
    void selectionChanged();
    qint64 selectedCount() const;
    void refreshFilterChoices();
    /// Opens the queue a click on the dashboard asked for, with its filter.
    void openDrill(const DashboardDrill &drill);
    void exportView();
    void syncFinished(const SyncSummary &summary);
    void updateSessionStatus();
    void buildToolBar();
    std::optional<models::User> signedInUser() const;
    void showItem(const QModelIndex &index);
    void scheduleRender(const QString &id);
    void renderItem(const QString &id);
    void updateStatus();

    store::Database &m_cache;
    api::Session &m_session;
    // Kept for the window's life, so their statements are prepared once.
    std::unique_ptr<store::WorkItemStore> m_items;
    std::unique_ptr<store::ItemHistoryStore> m_history;
    std::unique_ptr<store::SyncJournal> m_journal;
    itemmodels::WorkQueueModel *m_model = nullptr;
    QueueNavigation *m_navigation = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_detail = nullptr;
    ActionPanel *m_actions = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
    QLabel *m_itemCount = nullptr;
    QLabel *m_connection = nullptr;
    QLabel *m_userLabel = nullptr;
    QToolButton *m_outboxButton = nullptr;
    QToolButton *m_viewsButton = nullptr;
    FilterBar *m_filterBar = nullptr;
    QProgressBar *m_syncProgress = nullptr;
    QAction *m_syncAction = nullptr;
    SyncRunner *m_sync = nullptr;
    IdleLock *m_idleLock = nullptr;
    QStackedWidget *m_pages = nullptr;
    QStackedWidget *m_middle = nullptr; ///< the queue, or the dashboard
    DashboardView *m_dashboard = nullptr;
    QAction *m_backAction = nullptr;
    QString m_renderId; ///< the item the details will show
    bool m_renderScheduled = false;
    class SignInDialog *m_signInDialog = nullptr; ///< while one is open
};

} // namespace rcm::ui
