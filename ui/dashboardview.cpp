// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/dashboardview.h"

#include "services/api/reportrequest.h"
#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/syncjournal.h"
#include "ui/itemmodels/displaynames.h"
#include "ui/yieldtothewindow.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateEdit>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

namespace {

/// The charts, in the order they are laid out: report, and its title before any data.
struct ChartInfo
{
    const char *report;
    const char *title;
};
constexpr std::array<ChartInfo, 6> chartInfos = {{
    {"denials", QT_TRANSLATE_NOOP("DashboardView", "Denials by payer and family")},
    {"open-work", QT_TRANSLATE_NOOP("DashboardView", "Open work by age and queue")},
    {"deadlines", QT_TRANSLATE_NOOP("DashboardView", "Deadlines ahead")},
    {"productivity", QT_TRANSLATE_NOOP("DashboardView", "Productivity by person")},
    {"remittance-exceptions", QT_TRANSLATE_NOOP("DashboardView", "Remittance exceptions by kind")},
    {"open-dollars", QT_TRANSLATE_NOOP("DashboardView", "Open dollars over time")},
}};

QString money(qint64 cents)
{
    return reports::displayText(cents, reports::ColumnType::Money);
}

itemmodels::AgeBucket ageBucketAt(qsizetype index)
{
    static constexpr std::array<itemmodels::AgeBucket, 5> buckets
        = {itemmodels::AgeBucket::UpTo30, itemmodels::AgeBucket::From31To60, itemmodels::AgeBucket::From61To90,
           itemmodels::AgeBucket::From91To120, itemmodels::AgeBucket::Over120};
    return index >= 0 && index < qsizetype(buckets.size()) ? buckets.at(std::size_t(index))
                                                           : itemmodels::AgeBucket::Any;
}

} // namespace

/// One chart on the dashboard: its view and the data it draws.
struct DashboardView::ChartSlot
{
    QString report;
    QChartView *view = nullptr;
    std::optional<reportrender::ChartData> data;
};

DashboardView::DashboardView(QString cachePath, api::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_cachePath(std::move(cachePath))
    , m_session(session)
{
    qRegisterMetaType<DashboardDrill>();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    buildFilters();
    buildTiles();
    buildCharts();
    m_drawTimer = new QTimer(this);
    m_drawTimer->setSingleShot(true);
    m_drawTimer->setInterval(0);
    connect(m_drawTimer, &QTimer::timeout, this, &DashboardView::drawNextChart);
}

DashboardView::~DashboardView()
{
    qDeleteAll(m_charts);
}

void DashboardView::buildFilters()
{
    auto *row = new QHBoxLayout;
    auto *title = new QLabel(u"<h2>%1</h2>"_s.arg(tr("Dashboard")));
    row->addWidget(title);
    row->addSpacing(12);
    m_from = new QDateEdit(QDate::currentDate().addDays(-89));
    m_from->setObjectName(u"dashboardFrom"_s);
    m_to = new QDateEdit(QDate::currentDate());
    m_to->setObjectName(u"dashboardTo"_s);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
    }
    m_payer = new QComboBox;
    m_payer->setObjectName(u"dashboardPayer"_s);
    m_payer->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_payer->setMinimumContentsLength(16);
    m_payer->addItem(tr("All payers"), QString());
    m_facility = new QComboBox;
    m_facility->setObjectName(u"dashboardFacility"_s);
    m_facility->addItem(tr("All facilities"), QString());
    m_queue = new QComboBox;
    m_queue->setObjectName(u"dashboardQueue"_s);
    m_queue->addItem(tr("All queues"), QString());
    for (const models::Queue queue : models::allValues<models::Queue>())
        m_queue->addItem(itemmodels::displayName(queue), QString(models::wireName(queue)));
    row->addWidget(new QLabel(tr("Period")));
    row->addWidget(m_from);
    row->addWidget(new QLabel(u"–"_s));
    row->addWidget(m_to);
    row->addWidget(m_payer);
    row->addWidget(m_facility);
    row->addWidget(m_queue);
    row->addStretch();
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"dashboardProgress"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("Computing… %p%"));
    m_progress->hide();
    row->addWidget(m_progress);
    m_status = new QLabel;
    m_status->setObjectName(u"dashboardStatus"_s);
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("Updated %1").arg(u"00:00 PM"_s)) + 8);
    row->addWidget(m_status);
    auto *again = new QPushButton(tr("Refresh"));
    again->setObjectName(u"dashboardRefresh"_s);
    connect(again, &QPushButton::clicked, this, &DashboardView::refresh);
    row->addWidget(again);
    static_cast<QVBoxLayout *>(layout())->addLayout(row);

    for (QDateEdit *edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, &DashboardView::refresh);
    for (QComboBox *combo : {m_payer, m_facility, m_queue})
        connect(combo, &QComboBox::currentIndexChanged, this, &DashboardView::refresh);
}

void DashboardView::buildTiles()
{
    auto *grid = new QGridLayout;
    const std::array<std::pair<QString, QString>, 7> tiles = {{
        {u"openItems"_s, tr("Open items")},
        {u"atRisk"_s, tr("Dollars at risk (30 days)")},
        {u"denialRate"_s, tr("Denial rate")},
        {u"pastDeadline"_s, tr("Past a deadline")},
        {u"dueThisWeek"_s, tr("Due within 7 days")},
        {u"pending"_s, tr("Pending actions")},
        {u"conflicts"_s, tr("Conflicted actions")},
    }};
    int column = 0;
    for (const auto &[key, caption] : tiles) {
        auto *tile = new QPushButton;
        tile->setObjectName(u"tile-"_s + key);
        tile->setProperty("caption", caption);
        tile->setMinimumHeight(64);
        tile->setText(u"–\n"_s + caption);
        QFont font = tile->font();
        font.setPointSizeF(font.pointSizeF() * 1.15);
        tile->setFont(font);
        connect(tile, &QPushButton::clicked, this, [this, key]() { drillFromTile(key); });
        grid->addWidget(tile, 0, column++);
        m_tiles.insert(key, tile);
    }
    static_cast<QVBoxLayout *>(layout())->addLayout(grid);
}

void DashboardView::buildCharts()
{
    auto *area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->setContentsMargins(0, 0, 0, 0);
    int index = 0;
    for (const ChartInfo &info : chartInfos) {
        auto *slot = new ChartSlot;
        slot->report = QString::fromLatin1(info.report);
        slot->view = new QChartView;
        slot->view->setObjectName(u"chart-"_s + slot->report);
        slot->view->setRenderHint(QPainter::Antialiasing);
        slot->view->setMinimumSize(360, 260);
        slot->view->setContextMenuPolicy(Qt::CustomContextMenu);
        auto *placeholder = new QChart;
        placeholder->setTitle(tr(info.title));
        slot->view->setChart(placeholder);
        connect(slot->view, &QWidget::customContextMenuRequested, this, [this, report = slot->report]() {
            QMenu menu;
            menu.addAction(tr("Save picture…"), this, [this, report]() { saveChartAsked(report); });
            menu.exec(QCursor::pos());
        });
        grid->addWidget(slot->view, index / 2, index % 2);
        m_charts.append(slot);
        ++index;
    }
    area->setWidget(content);
    static_cast<QVBoxLayout *>(layout())->addWidget(area, 1);
}

void DashboardView::setViewer(const std::optional<models::User> &user)
{
    if (user == m_user)
        return;
    m_user = user;
    // Whatever the last person's computation still brings is dropped, and nothing of theirs
    // stays on screen.
    ++m_generation;
    m_computing = false;
    m_again = false;
    m_progress->hide();
    m_dashboard.reset();
    m_keptLoaded = false;
    m_chartsToDraw.clear();
    m_computedWhenDrawn = false;
    for (QPushButton *tile : std::as_const(m_tiles)) {
        tile->setText(u"–\n"_s + tile->property("caption").toString());
        tile->setToolTip(QString());
    }
    for (ChartSlot *slot : std::as_const(m_charts))
        showChart(*slot, nullptr);
    if (isVisible())
        refresh();
}

void DashboardView::setChoices(const QList<models::Payer> &payers, const QList<models::Facility> &facilities)
{
    const QSignalBlocker payerBlocker(m_payer);
    const QSignalBlocker facilityBlocker(m_facility);
    const QString payer = m_payer->currentData().toString();
    const QString facility = m_facility->currentData().toString();
    while (m_payer->count() > 1)
        m_payer->removeItem(1);
    while (m_facility->count() > 1)
        m_facility->removeItem(1);
    for (const models::Payer &each : payers)
        m_payer->addItem(each.name, each.id);
    for (const models::Facility &each : facilities)
        m_facility->addItem(each.name.isEmpty() ? each.id : each.name, each.id);
    m_payer->setCurrentIndex(std::max(0, m_payer->findData(payer)));
    m_facility->setCurrentIndex(std::max(0, m_facility->findData(facility)));
}

reports::ReportParameters DashboardView::parameters() const
{
    reports::ReportParameters chosen;
    chosen.from = m_from->date();
    chosen.to = m_to->date();
    chosen.payerId = m_payer->currentData().toString();
    chosen.facility = m_facility->currentData().toString();
    chosen.queue = models::fromWireName<models::Queue>(m_queue->currentData().toString());
    return chosen;
}

bool DashboardView::seesEveryone() const
{
    return m_user && (m_user->role == models::Role::Supervisor || m_user->role == models::Role::Finance);
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if ((!m_dashboard || m_stale) && !m_computing)
        refresh();
}

void DashboardView::invalidate()
{
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void DashboardView::refresh()
{
    if (!m_user)
        return; // nobody signed in: nothing to show, not even counts
    if (m_computing) {
        m_again = true;
        return;
    }
    m_computing = true;
    m_again = false;
    m_stale = false;
    // One computation sees one set of filters and one person, whatever changes meanwhile.
    m_run = {++m_generation, parameters(), m_user->username, {m_user->id, m_user->displayName, seesEveryone()}};
    m_progress->setRange(0, 1 + int(reports::dashboardGatewayReports().size()));
    m_progress->setValue(0);
    m_progress->show();
    if (!m_keptLoaded)
        loadKept(m_run);
    else
        computeCache(m_run);
}

void DashboardView::loadKept(const Run &run)
{
    // The last result kept in the cache goes on screen first: reading it is a single row.
    m_keptLoaded = true;
    auto *watcher = new QFutureWatcher<std::optional<reports::Dashboard>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run]() {
        watcher->deleteLater();
        if (run.generation != m_generation)
            return;
        if (const std::optional<reports::Dashboard> kept = watcher->result(); kept && !m_dashboard) {
            m_dashboard = kept;
            display(*kept);
        }
        computeCache(run);
    });
    watcher->setFuture(QtConcurrent::run([cachePath = m_cachePath, name = run.username]() {
        store::Database cache;
        if (cache.open(cachePath, store::workbenchCacheSchema()))
            return std::optional<reports::Dashboard>();
        return reports::loadDashboard(cache, name);
    }));
}

void DashboardView::computeCache(const Run &run)
{
    using Outcome = std::pair<std::optional<reports::Dashboard>, QString>;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run]() {
        watcher->deleteLater();
        if (run.generation != m_generation)
            return;
        const auto &[computed, error] = watcher->result();
        m_progress->setValue(1);
        if (!computed) {
            m_status->setText(tr("Not computed: %1").arg(error));
            finishComputation(run);
            return;
        }
        reports::Dashboard next = *computed;
        next.parameters = run.parameters; // the period shown, which the gateway's reports cover
        // The gateway's figures of the last result stay until new ones arrive, if the
        // filters are the same.
        if (m_dashboard && m_dashboard->parameters == next.parameters) {
            for (const reports::ReportResult &kept : m_dashboard->reports) {
                if (!next.report(kept.name))
                    next.take(kept);
            }
        }
        m_dashboard = next;
        display(next);
        if (m_session.isSignedIn())
            fetchGatewayReports(run, reports::dashboardGatewayReports());
        else
            finishComputation(run);
    });
    // The cache's figures are of the work as it stands now (as of today, as the queue counts
    // it, so that a click finds the same items); the period is for the gateway's reports.
    reports::ReportParameters now = run.parameters;
    now.to = QDate::currentDate();
    watcher->setFuture(QtConcurrent::run([cachePath = m_cachePath, chosen = now, viewer = run.viewer]() -> Outcome {
        yieldToTheWindow(); // a scan of every item: the window draws first
        store::Database cache;
        if (const store::StoreError error = cache.open(cachePath, store::workbenchCacheSchema()))
            return {std::nullopt, error.message()};
        QString error;
        std::optional<reports::Dashboard> dashboard
            = reports::computeCacheDashboard(cache, chosen, viewer, store::SyncJournal(cache).lastSync(), &error);
        return {std::move(dashboard), error};
    }));
}

void DashboardView::fetchGatewayReports(const Run &run, QStringList names)
{
    if (run.generation != m_generation)
        return;
    if (names.isEmpty()) {
        finishComputation(run);
        return;
    }
    reports::ReportParameters chosen = run.parameters;
    chosen.queue.reset(); // the gateway's reports take none
    auto request = std::make_shared<api::ReportRequest>(names.takeFirst(), chosen);
    m_session.client().send(request, this, [this, request, run, names](const api::ApiError &error) {
        if (run.generation != m_generation)
            return;
        m_progress->setValue(m_progress->value() + 1);
        if (error) {
            m_status->setText(tr("Gateway figures from the last time: %1").arg(error.message()));
        } else if (m_dashboard) {
            m_dashboard->take(request->result);
            display(*m_dashboard);
        }
        fetchGatewayReports(run, names);
    });
}

void DashboardView::finishComputation(const Run &run)
{
    m_computing = false;
    m_progress->hide();
    if (m_dashboard) {
        m_status->setText(tr("Updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
        // Kept for the next opening, on a connection of the worker's own.
        std::ignore = QtConcurrent::run([cachePath = m_cachePath, name = run.username, kept = *m_dashboard]() {
            store::Database cache;
            if (!cache.open(cachePath, store::workbenchCacheSchema()))
                reports::saveDashboard(cache, name, kept);
        });
    }
    if (m_chartsToDraw.isEmpty())
        Q_EMIT computed();
    else
        m_computedWhenDrawn = true;
    if (m_again)
        refresh();
}

void DashboardView::display(const reports::Dashboard &dashboard)
{
    showTiles(dashboard.tiles);
    // One chart per event: building six in one would hold the window past a frame.
    for (ChartSlot *slot : std::as_const(m_charts)) {
        if (!m_chartsToDraw.contains(slot))
            m_chartsToDraw.append(slot);
    }
    m_drawTimer->start();
    Q_EMIT shown();
}

void DashboardView::drawNextChart()
{
    if (m_chartsToDraw.isEmpty())
        return;
    ChartSlot *slot = m_chartsToDraw.takeFirst();
    showChart(*slot, m_dashboard ? m_dashboard->report(slot->report) : nullptr);
    if (!m_chartsToDraw.isEmpty()) {
        m_drawTimer->start();
        return;
    }
    Q_EMIT drawn();
    if (std::exchange(m_computedWhenDrawn, false))
        Q_EMIT computed();
}

void DashboardView::showTiles(const reports::DashboardTiles &tiles)
{
    const auto set = [this](const QString &key, const QString &figure, const QString &tooltip) {
        QPushButton *tile = m_tiles.value(key);
        tile->setText(figure + u"\n"_s + tile->property("caption").toString());
        tile->setToolTip(tooltip);
    };
    const QLocale locale;
    set(u"openItems"_s, locale.toString(tiles.openItems),
        tr("%1 open items, %2 open").arg(locale.toString(tiles.openItems), money(tiles.openCents)));
    set(u"atRisk"_s, money(tiles.atRiskCents),
        tr("Amount at risk of open items whose next deadline falls within 30 days"));
    set(u"denialRate"_s,
        tiles.denialRate ? reports::displayText(*tiles.denialRate, reports::ColumnType::Percent) : u"–"_s,
        tiles.denialRate ? tr("Claims denied on remittances over claims adjudicated in the period (HFMA MAP Key AR-5)")
                         : tr("The gateway computes the denial rate: sign in to see it"));
    set(u"pastDeadline"_s, locale.toString(tiles.pastDeadline),
        tr("%1 open items whose deadlines have all passed; %2 at risk")
            .arg(locale.toString(tiles.pastDeadline), money(tiles.pastDeadlineCents)));
    set(u"dueThisWeek"_s, locale.toString(tiles.dueThisWeek), tr("Open items whose next deadline is within 7 days"));
    set(u"pending"_s, locale.toString(tiles.pendingActions), tr("Actions waiting to be sent to the gateway"));
    set(u"conflicts"_s, locale.toString(tiles.conflicts), tr("Actions the gateway answered with a conflict"));
}

void DashboardView::showChart(ChartSlot &slot, const reports::ReportResult *result)
{
    std::optional<reportrender::ChartData> drawn = result ? reportrender::chartData(*result) : std::nullopt;
    if (drawn == slot.data && slot.data)
        return; // unchanged: no new chart, no flicker
    slot.data = drawn;
    QChart *chart = nullptr;
    if (drawn) {
        chart = reportrender::buildChart(*drawn);
    } else {
        chart = new QChart;
        const auto info = std::find_if(chartInfos.cbegin(), chartInfos.cend(), [&slot](const ChartInfo &each) {
            return slot.report == QLatin1StringView(each.report);
        });
        const bool gateway = reports::dashboardGatewayReports().contains(slot.report);
        const QString why = result               ? tr("Nothing in this period")
            : gateway && !m_session.isSignedIn() ? tr("Computed by the gateway: shown once signed in")
                                                 : tr("Computing…");
        // A chart's title takes HTML: the reason on a line of its own, under the title.
        chart->setTitle(u"%1<br><br><span style=\"color:#6b7280\">%2</span>"_s.arg(tr(info->title).toHtmlEscaped(),
                                                                                   why.toHtmlEscaped()));
    }
    const QString report = slot.report;
    for (QAbstractSeries *series : chart->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            const QList<QBarSet *> sets = bars->barSets();
            for (qsizetype index = 0; index < sets.size(); ++index) {
                connect(sets.at(index), &QBarSet::hovered, this, [this, report, index](bool status, int category) {
                    const reportrender::ChartData *shown = this->chart(report);
                    if (status && shown)
                        QToolTip::showText(QCursor::pos(), shown->series.value(index).tooltips.value(category));
                    else
                        QToolTip::hideText();
                });
                connect(sets.at(index), &QBarSet::clicked, this,
                        [this, report, index](int category) { Q_EMIT drill(drillFor(report, category, index)); });
            }
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            connect(line, &QLineSeries::hovered, this, [this, report, line](const QPointF &point, bool state) {
                const reportrender::ChartData *shown = this->chart(report);
                if (!state || !shown || shown->series.isEmpty())
                    return QToolTip::hideText();
                const QList<QPointF> points = line->points();
                qsizetype nearest = 0;
                for (qsizetype index = 1; index < points.size(); ++index) {
                    if (std::abs(points.at(index).x() - point.x()) < std::abs(points.at(nearest).x() - point.x()))
                        nearest = index;
                }
                QToolTip::showText(QCursor::pos(), shown->series.first().tooltips.value(nearest));
            });
        }
    }
    QChart *old = slot.view->chart();
    slot.view->setChart(chart);
    delete old;
}

const reportrender::ChartData *DashboardView::chart(const QString &report) const
{
    for (const ChartSlot *slot : m_charts) {
        if (slot->report == report && slot->data)
            return &*slot->data;
    }
    return nullptr;
}

DashboardDrill DashboardView::drillFor(const QString &report, qsizetype category, qsizetype series) const
{
    DashboardDrill drill = drillOnScreen();
    const reportrender::ChartData *drawn = chart(report);
    if (!drawn)
        return drill;
    const QString categoryKey = drawn->categoryKeys.value(category);
    if (report == u"open-work"_s) {
        drill.queue = models::fromWireName<models::Queue>(drawn->series.value(series).key);
        drill.filter.age = ageBucketAt(category);
    } else if (report == u"deadlines"_s) {
        drill.filter.deadline = categoryKey == reportrender::deadlineWithin7 ? itemmodels::DeadlineWindow::DueWithin7
            : categoryKey == reportrender::deadlineDays8To14                 ? itemmodels::DeadlineWindow::DueIn8To14
                                                                             : itemmodels::DeadlineWindow::DueIn15To30;
    } else if (report == u"denials"_s) {
        drill.queue = models::Queue::Denial;
        drill.filter.payerId = categoryKey;
        drill.filter.category = models::fromWireName<models::DenialCategory>(drawn->series.value(series).key);
    } else if (report == u"productivity"_s) {
        drill.ownerId = categoryKey;
    } else if (report == u"remittance-exceptions"_s) {
        drill.queue = models::Queue::Remittance;
    }
    return drill;
}

DashboardDrill DashboardView::drillOnScreen() const
{
    // The filters of the figures on screen, not of the combos (changed since, perhaps).
    const reports::ReportParameters shown = m_dashboard ? m_dashboard->parameters : parameters();
    DashboardDrill drill;
    drill.queue = shown.queue;
    drill.filter.payerId = shown.payerId;
    drill.filter.facilityId = shown.facility;
    if (!seesEveryone() && m_user)
        drill.ownerId = m_user->id;
    return drill;
}

void DashboardView::drillFromTile(const QString &tile)
{
    if (tile == u"pending"_s || tile == u"conflicts"_s) {
        Q_EMIT outboxRequested();
        return;
    }
    DashboardDrill drill = drillOnScreen();
    if (tile == u"pastDeadline"_s)
        drill.filter.deadline = itemmodels::DeadlineWindow::DeadlinePassed;
    else if (tile == u"dueThisWeek"_s)
        drill.filter.deadline = itemmodels::DeadlineWindow::DueWithin7;
    else if (tile == u"denialRate"_s)
        drill.queue = models::Queue::Denial;
    Q_EMIT this->drill(drill);
}

bool DashboardView::saveChart(const QString &report, const QString &path) const
{
    const reportrender::ChartData *drawn = chart(report);
    if (!drawn)
        return false;
    return reportrender::chartImage(*drawn, QSize(1200, 600)).save(path, "PNG");
}

void DashboardView::saveChartAsked(const QString &report)
{
    if (!chart(report))
        return;
    auto *dialog
        = new QFileDialog(this, tr("Save the chart as a picture"), report + u".png"_s, tr("PNG pictures (*.png)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"png"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, report](const QString &path) {
        if (!saveChart(report, path))
            m_status->setText(tr("Could not save %1").arg(path));
    });
    dialog->open();
}

} // namespace rcm::ui
