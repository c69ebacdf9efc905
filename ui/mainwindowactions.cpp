// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// MainWindow's commands: the toolbar and its shortcuts, the CSV export of a view and the
// saved views. The window itself (layout, sign-in, sync, lock, details) is mainwindow.cpp.
#include "ui/mainwindow.h"

#include "models/exportrecord.h"
#include "services/api/session.h"
#include "services/reports/exportfile.h"
#include "services/store/database.h"
#include "services/sync/exportregistrations.h"
#include "ui/exportregistration.h"
#include "ui/filterbar.h"
#include "ui/itemmodels/savedviews.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/queuenavigation.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonObject>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

using itemmodels::WorkQueueModel;

void MainWindow::buildToolBar()
{
    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto *lockAction = toolBar->addAction(tr("Lock"));
    lockAction->setObjectName(u"lockAction"_s);
    lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    lockAction->setToolTip(tr("Hide all patient data and sign out until you sign in again (Ctrl+L)"));
    connect(lockAction, &QAction::triggered, this, [this]() { lock(); });
    m_syncAction = toolBar->addAction(tr("Sync now"));
    m_syncAction->setObjectName(u"syncAction"_s);
    m_syncAction->setShortcut(QKeySequence::Refresh);
    m_syncAction->setToolTip(tr("Send pending actions and fetch what changed (F5)"));
    connect(m_syncAction, &QAction::triggered, this, [this]() { syncNow(); });
    auto *exportAction = toolBar->addAction(tr("Export CSV…"));
    exportAction->setObjectName(u"exportAction"_s);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setToolTip(tr("Save the rows of this view, as filtered and sorted, as CSV (Ctrl+E)"));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportView);
    auto *importAction = toolBar->addAction(tr("Import ERA…"));
    importAction->setObjectName(u"importRemittanceAction"_s);
    importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    importAction->setToolTip(tr("Preview an 835 remittance file, then post it (Ctrl+I, or drop the file here)"));
    connect(importAction, &QAction::triggered, this, &MainWindow::chooseRemittance);
    auto *reportsAction = toolBar->addAction(tr("Reports…"));
    reportsAction->setObjectName(u"reportsAction"_s);
    reportsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    reportsAction->setToolTip(tr("Finance reports as XLSX, PDF or CSV (Ctrl+R)"));
    connect(reportsAction, &QAction::triggered, this, &MainWindow::openReports);
    m_backAction = toolBar->addAction(tr("Back to dashboard"));
    m_backAction->setObjectName(u"backToDashboard"_s);
    m_backAction->setShortcut(QKeySequence::Back);
    m_backAction->setToolTip(tr("Return to the dashboard as you left it (Alt+Left)"));
    m_backAction->setEnabled(false);
    connect(m_backAction, &QAction::triggered, this, [this]() {
        if (m_navigation)
            m_navigation->selectKey(QString(QueueNavigation::dashboardKey));
    });
    auto *conflictsAction = toolBar->addAction(tr("Conflicts…"));
    conflictsAction->setObjectName(u"conflictsAction"_s);
    conflictsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    conflictsAction->setToolTip(tr("Actions the server did not take as they were: retry or discard (Ctrl+Shift+K)"));
    connect(conflictsAction, &QAction::triggered, this, &MainWindow::showConflicts);
    QAction *firstSeparator = toolBar->addSeparator();

    m_filtersAction = toolBar->addAction(tr("Filters"));
    m_filtersAction->setObjectName(u"filtersAction"_s);
    m_filtersAction->setCheckable(true);
    m_filtersAction->setChecked(true);
    m_filtersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_filtersAction->setToolTip(tr("Show or hide the filters (Ctrl+Shift+L)"));
    connect(m_filtersAction, &QAction::toggled, this, [this](bool shown) {
        if (m_filterBar)
            m_filterBar->setVisible(shown);
    });
    m_viewsButton = new QToolButton;
    m_viewsButton->setObjectName(u"viewsButton"_s);
    m_viewsButton->setText(tr("Views"));
    m_viewsButton->setPopupMode(QToolButton::InstantPopup);
    m_viewsButton->setMenu(new QMenu(m_viewsButton));
    connect(m_viewsButton->menu(), &QMenu::aboutToShow, this, &MainWindow::buildViewsMenu);
    QAction *viewsAction = toolBar->addWidget(m_viewsButton);
    QAction *secondSeparator = toolBar->addSeparator();

    m_search = new QLineEdit;
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search claim, account, patient or payer (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(480);
    QAction *searchAction = toolBar->addWidget(m_search);

    // Everything that reads or shows the cache: off while nobody's work is open.
    m_workspaceActions
        = {lockAction,      m_syncAction,   exportAction,    importAction, reportsAction,   m_backAction,
           conflictsAction, firstSeparator, m_filtersAction, viewsAction,  secondSeparator, searchAction};

    auto *focusSearch = new QAction(tr("Search"), this);
    focusSearch->setShortcut(QKeySequence::Find);
    connect(focusSearch, &QAction::triggered, this, [this]() {
        if (!m_search->isEnabled())
            return;
        m_search->setFocus();
        m_search->selectAll();
    });
    addAction(focusSearch);

    // Search as the user types, but only once they pause.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, [this]() {
        if (m_model)
            m_model->setSearchText(m_search->text());
    });

    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    auto *settingsAction = toolBar->addAction(tr("Settings…"));
    settingsAction->setObjectName(u"settingsAction"_s);
    settingsAction->setShortcut(QKeySequence::Preferences);
    connect(settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    auto *quit = new QAction(tr("Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);
    addAction(quit);
}

void MainWindow::exportView()
{
    if (!m_workspace || !m_person)
        return;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export this view"), tr("work-queue.csv"), tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportViewTo(path);
}

void MainWindow::exportViewTo(const QString &path)
{
    if (!m_workspace || !m_person) // locked while the chooser was open
        return;
    QSaveFile file(path); // the old file stays until the new one is complete
    if (!file.open(QIODevice::WriteOnly)) {
        QMessageBox::warning(this, tr("Export"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    // Patients' claims: readable by the person who exported them only, as every export.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        QMessageBox::warning(this, tr("Export"),
                             tr("Cannot make %1 readable by you only: %2").arg(path, file.errorString()));
        return;
    }
    QProgressDialog progress(tr("Exporting…"), tr("Cancel"), 0, m_model->rowCount(), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    // A lock while the rows are written (the progress dialog lets events through) stops the
    // export; the model stays until it returns.
    ++m_workspaceBusy;
    itemmodels::WorkQueueModel *model = m_model;
    const qint64 rows = model->exportCsv(file, [this, &progress](qint64 done) {
        progress.setValue(static_cast<int>(done));
        return !progress.wasCanceled() && m_workspace;
    });
    --m_workspaceBusy;
    progress.reset();
    if (rows < 0 || !m_workspace) {
        file.cancelWriting();
        if (!progress.wasCanceled() && m_workspace)
            QMessageBox::warning(this, tr("Export"), tr("The export failed: %1").arg(model->lastError()));
        return;
    }
    if (!file.commit()) {
        QMessageBox::warning(this, tr("Export"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    // What was exported, without the search text (it may be a patient's name).
    const itemmodels::SavedView view = currentView();
    registerExport(path, rows,
                   {{u"queue"_s, view.navigationKey},
                    {u"filter"_s, view.filter.toJson()},
                    {u"searched"_s, !view.search.isEmpty()},
                    {u"sortColumn"_s, view.sortColumn},
                    {u"sortOrder"_s, view.sortOrder == Qt::AscendingOrder ? u"ascending"_s : u"descending"_s},
                    {u"rows"_s, rows}});
}

void MainWindow::registerExport(const QString &path, qint64 rows, const QJsonObject &parameters)
{
    // Accounted for like every export: kept in the cache until the gateway registers it
    // (now when signed in, else at the next sync), in the gateway's audit under this person.
    QString error;
    models::ExportRecord record;
    record.sha256 = reports::sha256OfFile(path, &error);
    record.report = u"work-queue"_s;
    record.format = models::ExportFormat::Csv;
    record.parameters = parameters;
    record.exportedAt = QDateTime::currentDateTimeUtc();
    if (record.sha256.isEmpty()) {
        QMessageBox::warning(this, tr("Export"),
                             tr("Exported %1 rows to %2, but cannot read it back to register it: %3")
                                 .arg(QLocale().toString(rows), path, error));
        return;
    }
    // Under the name the gateway knows (the sync sends what waits for it).
    const store::StoreError keepError = sync::ExportRegistrations(*m_cache).keep(record, m_person->username);
    const QString exported = tr("Exported %1 rows to %2.").arg(QLocale().toString(rows), path);
    if (keepError)
        statusBar()->showMessage(exported + u' ' + tr("Not kept for registration: %1").arg(keepError.message()));
    registerExportWithGateway(m_session, m_cache->path(), record, !keepError, this,
                              [this, exported, generation = m_workspaceGeneration](const ExportRegistrationNews &news) {
                                  if (m_workspace && generation == m_workspaceGeneration) // not on the lock page
                                      statusBar()->showMessage(exported + u' ' + news.line, 10000);
                              });
}

void MainWindow::buildViewsMenu()
{
    QMenu *menu = m_viewsButton->menu();
    menu->clear();
    const QList<itemmodels::SavedView> views = itemmodels::SavedViews(m_person ? m_person->id : QString()).views();
    for (const itemmodels::SavedView &view : views)
        menu->addAction(view.name, this, [this, name = view.name]() { applyView(name); });
    if (views.isEmpty())
        menu->addAction(tr("No saved views yet"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("Save this view…"), this, &MainWindow::saveCurrentView);
    if (!views.isEmpty()) {
        QMenu *remove = menu->addMenu(tr("Delete a view"));
        for (const itemmodels::SavedView &view : views) {
            remove->addAction(view.name, this, [this, name = view.name]() {
                itemmodels::SavedViews(m_person ? m_person->id : QString()).remove(name);
            });
        }
    }
}

void MainWindow::saveCurrentView()
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(this, tr("Save this view"), tr("Name:"), QLineEdit::Normal, QString(), &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    if (!m_workspace)
        return;
    itemmodels::SavedView view = currentView();
    view.name = name;
    itemmodels::SavedViews(m_person ? m_person->id : QString()).save(view);
    statusBar()->showMessage(tr("View \"%1\" saved.").arg(name), 4000);
}

void MainWindow::applyView(const QString &name)
{
    for (const itemmodels::SavedView &view : itemmodels::SavedViews(m_person ? m_person->id : QString()).views()) {
        if (view.name != name)
            continue;
        restoreView(view);
        return;
    }
}

itemmodels::SavedView MainWindow::currentView() const
{
    itemmodels::SavedView view;
    view.navigationKey = m_navigation->currentKey();
    view.filter = m_model->filter();
    view.search = m_search->text();
    view.sortColumn = m_model->sortColumn();
    view.sortOrder = m_model->sortOrder();
    return view;
}

void MainWindow::restoreView(const itemmodels::SavedView &view)
{
    if (!m_workspace)
        return;
    m_navigation->selectKey(view.navigationKey);
    m_filterBar->setFilter(view.filter);
    m_search->setText(view.search);
    m_model->setSearchText(view.search);
    m_table->sortByColumn(view.sortColumn, view.sortOrder);
}

} // namespace rcm::ui
