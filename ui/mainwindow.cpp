// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/mainwindow.h"

#include "services/api/session.h"
#include "services/rules/actionpolicy.h"
#include "services/security/offlineunlock.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/itemhistorystore.h"
#include "services/store/syncjournal.h"
#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "ui/actionpanel.h"
#include "ui/conflictsdialog.h"
#include "ui/dashboardview.h"
#include "ui/deadlinedelegate.h"
#include "ui/filterbar.h"
#include "ui/idlelock.h"
#include "ui/itemdetail.h"
#include "ui/itemmodels/displaynames.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/queuenavigation.h"
#include "ui/remittancepreviewdialog.h"
#include "ui/reportdialog.h"
#include "ui/settingsdialog.h"
#include "ui/signinpage.h"
#include "ui/singlelinedelegate.h"
#include "ui/syncrunner.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

// The icons are compiled into this static library; Q_INIT_RESOURCE must run outside
// any namespace.
static void initialiseResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace rcm::ui {

using itemmodels::WorkQueueModel;
using models::Queue;

namespace {

/// How long the details and the navigation wait after a change, so that what changed first
/// (the queue) is drawn in a frame of its own.
constexpr auto oneFrame = 16ms;

constexpr std::array<int, WorkQueueModel::ColumnCount> columnWidths
    = {80, 130, 120, 190, 200, 110, 95, 95, 230, 110, 80, 130, 150};

} // namespace

bool installTranslation(const QString &language)
{
    initialiseResources();
    static QTranslator *installed = nullptr;
    if (installed) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
        installed = nullptr;
    }
    auto translator = std::make_unique<QTranslator>();
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!translator->load(locale, u"rcm"_s, u"_"_s, u":/translations"_s))
        return false;
    QCoreApplication::installTranslator(translator.get());
    installed = translator.release();
    return true;
}

MainWindow::MainWindow(store::Database &cache, api::Session &session, QWidget *parent)
    : MainWindow(&cache, QString(), session, parent)
{ }

MainWindow::MainWindow(const QString &cacheFolder, api::Session &session, QWidget *parent)
    : MainWindow(nullptr, cacheFolder, session, parent)
{ }

MainWindow::MainWindow(store::Database *cache, QString cacheFolder, api::Session &session, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(cache)
    , m_cacheFolder(std::move(cacheFolder))
    , m_session(session)
    , m_offlineUnlock(new security::OfflineUnlock(security::OfflineUnlock::Keyring::System, this))
{
    initialiseResources();
    setWindowTitle(tr("RCM Workbench"));
    setWindowIcon(QIcon(u":/icons/rcm-workbench.svg"_s));

    // The sign-in page first: nothing of the cache is read until someone signs in.
    m_signInPage = new SignInPage;
    connect(m_signInPage, &SignInPage::signInRequested, this,
            [this](const QString &server, const QString &username, const QString &password) {
                QSettings().setValue(u"caFile"_s, m_signInPage->caFile());
                // Signed in on this page: what waited in the outbox goes, and the queue catches up.
                connect(
                    this, &MainWindow::signInFinished, this,
                    [this](const QString &error) {
                        if (error.isEmpty() && !m_offline)
                            syncNow();
                    },
                    Qt::SingleShotConnection);
                signIn(server, username, password);
            });
    {
        const QSettings settings;
        m_signInPage->showSignIn(settings.value(u"server"_s, u"http://127.0.0.1:8080"_s).toString(),
                                 settings.value(u"user"_s).toString(), settings.value(u"caFile"_s).toString());
    }
    m_pages = new QStackedWidget;
    m_pages->addWidget(m_signInPage);
    setCentralWidget(m_pages);

    m_idleLock = new IdleLock(this);
    m_idleLock->setActive(false);
    connect(m_idleLock, &IdleLock::idle, this, [this]() { lock(); });
    applyAutoLock();

    buildToolBar();

    m_itemCount = new QLabel;
    m_itemCount->setObjectName(u"itemCount"_s);
    m_userLabel = new QLabel;
    m_userLabel->setObjectName(u"userStatus"_s);
    m_connection = new QLabel;
    m_connection->setObjectName(u"syncStatus"_s);
    m_outboxButton = new QToolButton;
    m_outboxButton->setObjectName(u"outboxStatus"_s);
    m_outboxButton->setAutoRaise(true);
    m_outboxButton->setToolTip(tr("Show the actions that need you"));
    connect(m_outboxButton, &QToolButton::clicked, this, &MainWindow::showConflicts);
    m_syncProgress = new QProgressBar;
    m_syncProgress->setRange(0, 0); // the total is not known in advance
    m_syncProgress->setMaximumWidth(160);
    m_syncProgress->hide();
    statusBar()->addWidget(m_itemCount);
    statusBar()->addPermanentWidget(m_syncProgress);
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_outboxButton);
    statusBar()->addPermanentWidget(m_userLabel);

    connect(&m_session, &api::Session::signInRequired, this,
            [this]() { lock(tr("Your session has ended. Sign in again; your unsent actions are kept.")); });
    // While unlocked offline: the gateway is asked now and then whether it answers again.
    m_probe = new QTimer(this);
    m_probe->setInterval(30s);
    connect(m_probe, &QTimer::timeout, this, &MainWindow::probeGateway);
    // An offline unlock ends with the organisation's window, not only at the next idle lock.
    m_offlineDeadline = new QTimer(this);
    m_offlineDeadline->setSingleShot(true);
    connect(m_offlineDeadline, &QTimer::timeout, this, [this]() {
        if (m_offline)
            lock(tr("The time you may work offline has ended. Sign in to the gateway to go on."));
    });
    setWorkspaceActionsEnabled(false);
    updateSessionStatus();
    setAcceptDrops(true); // an 835 dropped on the window opens in the import preview
    resize(1600, 900);
}

void MainWindow::openWorkspace()
{
    if (m_workspace || !m_cache)
        return;
    store::Database &cache = *m_cache;
    m_items = std::make_unique<store::WorkItemStore>(cache);
    m_history = std::make_unique<store::ItemHistoryStore>(cache);
    m_journal = std::make_unique<store::SyncJournal>(cache);
    if (!m_sync) {
        m_sync = new SyncRunner(cache.path(), m_session, this);
        connect(m_sync, &SyncRunner::progress, this, [this](qint64 items) {
            m_connection->setText(tr("Syncing: %1 changes").arg(QLocale().toString(items)));
        });
        connect(m_sync, &SyncRunner::finished, this, &MainWindow::syncFinished);
        connect(m_sync, &SyncRunner::historyReady, this, [this](const QString &itemId) {
            if (m_table && m_table->currentIndex().data(WorkQueueModel::WorkItemIdRole).toString() == itemId)
                scheduleRender(itemId);
        });
    }

    m_workspace = new QWidget;
    m_workspace->setObjectName(u"workspace"_s);
    ++m_workspaceGeneration;
    m_model = new WorkQueueModel(cache, m_workspace);
    m_navigation = new QueueNavigation(cache, *m_model);

    m_table = new QTableView;
    m_table->setObjectName(u"queueTable"_s);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(WorkQueueModel::PriorityColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row height and interactive column widths: nothing is measured over all rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column = 0; column < WorkQueueModel::ColumnCount; ++column)
        m_table->setColumnWidth(column, columnWidths[static_cast<std::size_t>(column)]);
    m_table->setItemDelegate(new SingleLineDelegate(m_table));
    m_table->setItemDelegateForColumn(WorkQueueModel::FilingDeadlineColumn, new DeadlineDelegate(m_table));

    m_detail = new QTextBrowser;
    m_detail->setObjectName(u"detail"_s);
    m_detail->setMinimumWidth(300);
    m_detail->setPlaceholderText(tr("Select an item to see why it is here and what is left to do."));

    m_actions = new ActionPanel(cache);
    m_actions->setObjectName(u"actions"_s);
    auto *detailPane = new QWidget;
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_detail, 1);
    detailLayout->addWidget(m_actions);

    m_filterBar = new FilterBar;
    m_filterBar->setObjectName(u"filterBar"_s);
    connect(m_filterBar, &FilterBar::filterChanged, m_model, &WorkQueueModel::setFilter);
    auto *queuePane = new QWidget;
    auto *queueLayout = new QVBoxLayout(queuePane);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    queueLayout->setSpacing(2);
    queueLayout->addWidget(m_filterBar);
    queueLayout->addWidget(m_table, 1);
    m_filterBar->setVisible(m_filtersAction->isChecked()); // in its layout: not a window of its own

    // The middle: the queue, or the dashboard (then without the item's details beside it).
    m_dashboard = new DashboardView(cache.path(), m_session);
    m_dashboard->setObjectName(u"dashboard"_s);
    m_middle = new QStackedWidget;
    m_middle->addWidget(queuePane);
    m_middle->addWidget(m_dashboard);
    connect(m_navigation, &QueueNavigation::dashboardChosen, this, [this, detailPane]() {
        m_middle->setCurrentWidget(m_dashboard);
        detailPane->hide();
        if (m_backAction)
            m_backAction->setEnabled(false);
    });
    connect(m_navigation, &QueueNavigation::queueChosen, this, [this, detailPane]() {
        m_middle->setCurrentIndex(0);
        detailPane->show();
    });
    connect(m_dashboard, &DashboardView::drill, this, &MainWindow::openDrill);
    connect(m_dashboard, &DashboardView::outboxRequested, this, &MainWindow::showConflicts);

    auto *splitter = new QSplitter;
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_middle);
    splitter->addWidget(detailPane);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({230, 1000, 360});
    auto *workspaceLayout = new QVBoxLayout(m_workspace);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    workspaceLayout->addWidget(splitter);
    m_pages->addWidget(m_workspace);

    connect(m_actions, &ActionPanel::outboxChanged, this, [this]() {
        updateSessionStatus();
        m_model->refresh(); // the pending marker
        syncSoon();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showItem(current); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);

    m_actions->setUser(m_person);
    m_actions->setServer(m_personServer);
    m_dashboard->setViewer(m_person);
    m_navigation->rebuild(m_person); // "My work", and for supervisors Unassigned and the team
    if (m_place)
        restoreView(*m_place);
    refreshFilterChoices();
    updateStatus(); // the navigation opened its first queue before these connections existed
    m_pages->setCurrentWidget(m_workspace);
    setWorkspaceActionsEnabled(true);
}

void MainWindow::closeWorkspace()
{
    if (!m_workspace)
        return;
    // Where the person was, to take them back there when they unlock.
    m_place = currentView();
    m_placeItemId = m_table->currentIndex().data(WorkQueueModel::WorkItemIdRole).toString();
    // Out of sight and deaf at once; destroyed once no dialog of it is still running (a
    // lock from the idle timer may come while its assign dialog is open).
    QWidget *leaving = std::exchange(m_workspace, nullptr);
    for (QObject *child : leaving->findChildren<QObject *>())
        child->disconnect(this);
    m_pages->setCurrentWidget(m_signInPage);
    m_pages->removeWidget(leaving);
    leaving->hide();
    // Emptied now and out of the window: nothing of it waits to be found while it waits.
    m_table->setModel(nullptr);
    m_detail->clear();
    m_navigation->clear();
    leaving->setParent(nullptr);
    delete m_leavingWorkspace; // an earlier one still waiting
    m_leavingWorkspace = leaving;
    QTimer::singleShot(0, this, &MainWindow::deleteLeavingWorkspace);
    m_model = nullptr;
    m_navigation = nullptr;
    m_table = nullptr;
    m_detail = nullptr;
    m_actions = nullptr;
    m_filterBar = nullptr;
    m_middle = nullptr;
    m_dashboard = nullptr;
    m_items.reset();
    m_history.reset();
    m_journal.reset();
    m_renderId.clear();
    m_search->clear();
    m_itemCount->clear();
    statusBar()->clearMessage();
    setWorkspaceActionsEnabled(false);
}

void MainWindow::deleteLeavingWorkspace()
{
    if (!m_leavingWorkspace)
        return;
    if (QThread::currentThread()->loopLevel() > 1 || m_workspaceBusy > 0) {
        QTimer::singleShot(50, this, &MainWindow::deleteLeavingWorkspace); // a dialog of it still runs
        return;
    }
    delete m_leavingWorkspace;
}

void MainWindow::setWorkspaceActionsEnabled(bool enabled)
{
    // Off and out of sight: the sign-in page shows only what it needs.
    for (QAction *action : std::as_const(m_workspaceActions)) {
        action->setEnabled(enabled);
        action->setVisible(enabled);
    }
    m_search->setEnabled(enabled);
    m_viewsButton->setEnabled(enabled);
    m_outboxButton->setVisible(enabled);
    m_connection->setVisible(enabled);
    if (m_backAction)
        m_backAction->setEnabled(false);
}

QString MainWindow::cachePath() const
{
    return m_cache ? m_cache->path() : QString();
}

MainWindow::~MainWindow() = default;

std::optional<models::User> MainWindow::signedInUser() const
{
    // Online or offline: whoever's work is open; nobody while locked.
    return m_workspace ? m_person : std::nullopt;
}

void MainWindow::showItem(const QModelIndex &index)
{
    if (!m_workspace)
        return;
    const QString id = index.isValid() ? index.data(WorkQueueModel::WorkItemIdRole).toString() : QString();
    scheduleRender(id);
    // The history comes from the server in the background and shows when it arrives.
    if (!id.isEmpty() && m_session.isSignedIn() && m_workspace)
        m_sync->fetchHistory(id);
}

void MainWindow::scheduleRender(const QString &id)
{
    // A click changes both the current row and the selection: the details are drawn once,
    // a frame later (after the drawing already waiting), not once per signal.
    m_renderId = id;
    if (m_renderScheduled)
        return;
    m_renderScheduled = true;
    QTimer::singleShot(oneFrame, this, [this]() {
        m_renderScheduled = false;
        if (m_workspace) // not after a lock
            renderItem(m_renderId);
    });
}

void MainWindow::renderItem(const QString &id)
{
    const auto item = id.isEmpty() ? std::nullopt : m_items->item(id);
    if (selectedCount() <= 1) // several selected: the panel offers bulk actions on them all
        m_actions->setItem(item);
    if (!item) {
        m_detail->clear();
        return;
    }
    QHash<QString, QString> names;
    for (const models::User &user : m_items->users())
        names.insert(user.id, user.displayName);
    QList<HistoryLine> history;
    for (const models::HistoryEntry &entry : m_history->history(id)) {
        QString text = entry.details.value(u"text"_s).toString();
        for (const QString &key : {u"resolution"_s, u"amount"_s, u"assignee"_s}) {
            if (entry.details.contains(key))
                text = entry.details.value(key).toString() + (text.isEmpty() ? QString() : u" — "_s + text);
        }
        history.append({entry.occurredAt, names.value(entry.actorId, entry.actorId), entry.type, text});
    }
    const QList<models::PostedPayment> payments = m_history->payments(id);
    const int scroll = m_detail->verticalScrollBar()->value();
    m_detail->setHtml(itemDetailHtml(*item, names.value(item->ownerId), QDate::currentDate(), history, payments));
    m_detail->verticalScrollBar()->setValue(scroll);
}

void MainWindow::syncSoon()
{
    if (m_session.isSignedIn())
        syncNow();
}

bool MainWindow::isSyncing() const
{
    return m_sync && m_sync->isRunning();
}

void MainWindow::syncNow(bool confirmRemovals)
{
    if (!m_workspace)
        return;
    if (!m_session.isSignedIn()) {
        // Offline, or the session ended: the outbox keeps the work until the person signs in.
        lock(tr("Sign in to the gateway to send your queued actions and fetch what changed."));
        return;
    }
    if (m_sync->isRunning())
        return;
    m_syncAction->setEnabled(false);
    m_syncProgress->show();
    m_connection->setText(tr("Syncing…"));
    m_sync->start({signedInUser(), m_model->view()}, confirmRemovals);
}

void MainWindow::syncFinished(const SyncSummary &summary)
{
    m_syncProgress->hide();
    if (!m_workspace) { // locked while it ran: what it brought shows at the next unlock
        updateSessionStatus();
        return;
    }
    m_syncAction->setEnabled(true);
    const QString selected = m_table->currentIndex().data(WorkQueueModel::WorkItemIdRole).toString();
    // The worker counted the queue and the navigation once the cache was up to date.
    m_model->refresh(summary.queue);
    // The navigation and the filters follow a frame later: the queue is drawn in one frame
    // and they in the next, rather than the whole window in one.
    QTimer::singleShot(oneFrame, this,
                       [this, counts = summary.navigationCounts, payers = summary.payersInUse,
                        facilities = summary.facilitiesInUse, team = summary.team]() {
                           if (!m_workspace)
                               return;
                           m_navigation->rebuild(signedInUser(), counts); // the team as the sync now knows it
                           if (payers && facilities) {
                               m_filterBar->setChoices(*payers, *facilities, team);
                               m_dashboard->setChoices(*payers, *facilities);
                           } else
                               refreshFilterChoices();
                       });
    // Keep the user on the item they were looking at, now in its synced state, if it is
    // among the rows on screen (their page is read anyway; reading more is SQL on this thread).
    const int firstShown = std::max(m_table->rowAt(0), 0);
    const int lastShown = m_table->rowAt(m_table->viewport()->height() - 1);
    const int end = std::min(m_model->rowCount(), (lastShown < 0 ? firstShown + 50 : lastShown) + 1);
    for (int row = firstShown; !selected.isEmpty() && row < end; ++row) {
        if (m_model->index(row, 0).data(WorkQueueModel::WorkItemIdRole).toString() == selected) {
            m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            break;
        }
    }
    updateSessionStatus();
    m_dashboard->invalidate();
    switch (summary.outcome) {
    case SyncSummary::Outcome::Completed:
        break;
    case SyncSummary::Outcome::NeedsConfirmation:
        if (QMessageBox::question(this, tr("Remove items from the cache?"),
                                  summary.message + u"\n\n"_s + tr("Remove them now?"))
            == QMessageBox::Yes) {
            syncNow(true);
        }
        break;
    case SyncSummary::Outcome::Failed:
        m_connection->setText(tr("Offline: %1").arg(summary.message));
        m_connection->setToolTip(summary.message);
        break;
    }
}

void MainWindow::updateSessionStatus()
{
    if (!m_workspace || !m_person) {
        m_userLabel->setText(m_person ? tr("Locked") : tr("Not signed in"));
        return;
    }
    const QString who = u"%1 (%2)"_s.arg(m_person->displayName, QString(models::wireName(m_person->role)));
    m_userLabel->setText(m_offline ? tr("%1, offline").arg(who) : who);
    // The person's own actions only (and those from before authors were recorded).
    sync::Outbox outbox(*m_cache);
    const sync::OutboxAuthor author {m_person->id, m_personServer};
    const qint64 pending = outbox.count(sync::OutboxEntry::State::Pending, author);
    const qint64 conflicts = outbox.count(sync::OutboxEntry::State::Conflict, author);
    const qint64 needYou = outbox.count(sync::OutboxEntry::State::Failed, author)
        + outbox.count(sync::OutboxEntry::State::Review, author);
    m_outboxButton->setText(needYou > 0
                                ? tr("%1 pending, %2 conflicts, %3 refused").arg(pending).arg(conflicts).arg(needYou)
                                : tr("%1 pending, %2 conflicts").arg(pending).arg(conflicts));
    const QDateTime lastSync = m_journal->lastSync();
    const QString synced = lastSync.isValid()
        ? tr("Last sync %1").arg(QLocale().toString(lastSync.toLocalTime(), QLocale::ShortFormat))
        : tr("Never synced: the cache is as it was copied or generated");
    m_connection->setText(m_offline ? tr("Offline: working from the cache, actions are queued. %1").arg(synced)
                                    : synced);
}

void MainWindow::updateStatus()
{
    if (!m_workspace)
        return;
    if (!m_model->lastError().isEmpty()) {
        m_itemCount->setText(tr("Cannot read the cache: %1").arg(m_model->lastError()));
        return;
    }
    m_itemCount->setText(tr("%1 open items").arg(QLocale().toString(m_model->rowCount())));
    // The first item's details are ready at once, and the keyboard works from there; they
    // replace the details shown before when drawn.
    if (m_model->rowCount() == 0) {
        m_detail->clear();
        return;
    }
    // Back from a lock: on the item the person was on, if it is on the first page still.
    int row = 0;
    const QString wanted = std::exchange(m_placeItemId, QString());
    for (int candidate = 0; !wanted.isEmpty() && candidate < std::min(m_model->rowCount(), 200); ++candidate) {
        if (m_model->index(candidate, 0).data(WorkQueueModel::WorkItemIdRole).toString() == wanted) {
            row = candidate;
            break;
        }
    }
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

namespace {

constexpr int bulkLimit = 1000; ///< the most items one bulk action takes

} // namespace

qint64 MainWindow::selectedCount() const
{
    // Counted from the selection's ranges: a Ctrl+A over a million rows must not read them.
    qint64 selected = 0;
    for (const QItemSelectionRange &range : m_table->selectionModel()->selection())
        selected += range.height();
    return selected;
}

void MainWindow::selectionChanged()
{
    const qint64 selected = selectedCount();
    if (selected <= 1) { // one item: its details and actions (the history comes with the current row)
        scheduleRender(m_table->currentIndex().data(WorkQueueModel::WorkItemIdRole).toString());
        return;
    }
    if (selected > bulkLimit) {
        m_actions->setItems({});
        statusBar()->showMessage(tr("%1 items selected: bulk actions take at most %2 at a time.")
                                     .arg(QLocale().toString(selected), QLocale().toString(bulkLimit)),
                                 8000);
        return;
    }
    QList<models::WorkItem> items;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        if (auto item = m_items->item(index.data(WorkQueueModel::WorkItemIdRole).toString()))
            items.append(std::move(*item));
    }
    m_actions->setItems(items);
    statusBar()->showMessage(tr("%n item(s) selected", nullptr, static_cast<int>(items.size())), 4000);
}

void MainWindow::refreshFilterChoices()
{
    // Listing the facilities in use visits every item (no index holds them): on a worker,
    // with a connection of its own.
    struct Choices
    {
        QList<models::Payer> payers;
        QList<models::Facility> facilities;
        QList<models::User> users;
    };
    auto *watcher = new QFutureWatcher<Choices>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation = m_workspaceGeneration]() {
        watcher->deleteLater();
        if (!m_workspace || generation != m_workspaceGeneration) // locked, or someone else's now
            return;
        const Choices choices = watcher->result();
        m_filterBar->setChoices(choices.payers, choices.facilities, choices.users);
        m_dashboard->setChoices(choices.payers, choices.facilities);
    });
    watcher->setFuture(QtConcurrent::run([path = m_cache->path()]() {
        Choices choices;
        store::Database cache;
        if (cache.open(path, store::workbenchCacheSchema()))
            return choices;
        store::WorkItemStore items(cache);
        choices.payers = items.payersInUse();
        choices.facilities = items.facilitiesInUse();
        choices.users = items.users();
        return choices;
    }));
}

void MainWindow::openDrill(const DashboardDrill &drill)
{
    // The navigation entry first (it points the model at the queue and whose work), then
    // the filter on top of it.
    QString key = drill.queue ? QString(models::wireName(*drill.queue)) : QString();
    itemmodels::QueueFilter filter = drill.filter;
    if (!drill.ownerId.isEmpty()) {
        const std::optional<models::User> user = signedInUser();
        if (user && user->id == drill.ownerId && !drill.queue)
            key = u"mine"_s;
        else if (!drill.queue && user && user->role == models::Role::Supervisor)
            key = u"owner:"_s + drill.ownerId;
        else
            filter.ownerId = drill.ownerId;
    }
    if (!m_navigation->selectKey(key)) {
        // A person with no entry of their own (finance, a supervisor, someone inactive): all
        // open work, narrowed to theirs.
        filter.ownerId = drill.ownerId;
        m_navigation->selectKey(drill.queue ? QString(models::wireName(*drill.queue)) : QString());
    }
    m_filterBar->setFilter(filter);
    m_backAction->setEnabled(true);
    m_table->setFocus();
}

void MainWindow::showConflicts()
{
    if (!m_workspace)
        return;
    auto *dialog = new ConflictsDialog(*m_cache, this);
    dialog->setAuthor({m_person->id, m_personServer});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictsDialog::outboxChanged, this, [this]() {
        if (!m_workspace)
            return;
        updateSessionStatus();
        m_model->refresh();
        syncSoon();
    });
    dialog->open();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAutoLockCeiling(m_autoLockCeiling); // the organisation's: the person may only choose shorter
    connect(dialog, &QDialog::accepted, this, [this]() {
        applyAutoLock();
        statusBar()->showMessage(tr("Settings saved."), 4000);
    });
    dialog->open();
}

void MainWindow::openReports()
{
    if (!m_workspace)
        return;
    auto *dialog = new ReportDialog(m_cache->path(), m_session, signedInUser(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::chooseRemittance()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a remittance (835)"), QString(),
                                                      tr("X12 835 files (*.835 *.edi *.x12 *.txt);;All files (*)"));
    if (!path.isEmpty())
        importRemittance(path);
}

void MainWindow::importRemittance(const QString &path)
{
    if (!m_workspace) // offline, the preview shows the file's totals only
        return;
    auto *dialog = new RemittancePreviewDialog(path, m_session, signedInUser(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RemittancePreviewDialog::posted, this, [this]() { syncNow(); });
    dialog->open();
    dialog->preview(); // reads on a worker and asks the gateway; the dialog fills in as answers come
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (m_workspace && urls.size() == 1 && urls.constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!m_workspace || urls.size() != 1 || !urls.constFirst().isLocalFile())
        return;
    event->acceptProposedAction();
    // Opened after the drop returns, so the source application is not kept waiting.
    QTimer::singleShot(0, this, [this, path = urls.constFirst().toLocalFile()]() { importRemittance(path); });
}

} // namespace rcm::ui
