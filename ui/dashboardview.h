// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/payer.h"
#include "models/user.h"
#include "services/reports/dashboard.h"
#include "ui/itemmodels/queuefilter.h"
#include "ui/reportrender/reportcharts.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace rcm::api {
class Session;
}

namespace rcm::ui {

/// Where a click on the dashboard leads: a queue (or every queue), whose work (a person's,
/// or anyone's) and the filter to set on it.
struct DashboardDrill
{
    std::optional<models::Queue> queue;
    QString ownerId; ///< the navigation's person: empty for anyone
    itemmodels::QueueFilter filter;
};

/// The supervisor's dashboard: headline tiles and the charts of the report engine's results
/// (the cache's open-work and deadlines; the gateway's denials, productivity, remittance
/// exceptions and open dollars), with filters for the period, payer, facility and queue.
/// Everything is computed off the window's thread; the last result (kept in the cache) shows
/// at once while a new one is computed. A click on a tile, a bar or a segment asks for the
/// matching queue; every chart can be saved as PNG.
class DashboardView final : public QWidget
{
    Q_OBJECT

public:
    DashboardView(QString cachePath, api::Session &session, QWidget *parent = nullptr);
    ~DashboardView() override;

    /// Who looks: a supervisor or finance sees everyone's work, anyone else their own.
    void setViewer(const std::optional<models::User> &user);
    void setChoices(const QList<models::Payer> &payers, const QList<models::Facility> &facilities);
    /// Computes again (after a sync, or a change of filters); the last result stays on screen.
    void refresh();
    /// The cache changed (a sync): computes again now if on screen, else when next shown.
    void invalidate();
    bool isComputing() const { return m_computing; }
    const std::optional<reports::Dashboard> &dashboard() const { return m_dashboard; }
    /// The chart on screen for a report, if it has data.
    const reportrender::ChartData *chart(const QString &report) const;
    /// What a click on a category (and series) of a report's chart leads to.
    DashboardDrill drillFor(const QString &report, qsizetype category, qsizetype series) const;
    /// Saves a chart as PNG at path (what its Save picture… menu does after asking).
    bool saveChart(const QString &report, const QString &path) const;

Q_SIGNALS:
    void drill(const rcm::ui::DashboardDrill &drill);
    /// The pending and conflicted actions tile: the outbox wants looking at.
    void outboxRequested();
    /// A result (kept, or freshly computed) is on screen: its tiles now, its charts one per
    /// event after them (drawn() says when the last is).
    void shown();
    void drawn();
    /// A computation is done, gateway reports included, and on screen.
    void computed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct ChartSlot;
    /// One computation: its number (a newer one drops the replies of older ones), the
    /// filters and the person it was started for.
    struct Run
    {
        int generation = 0;
        reports::ReportParameters parameters;
        QString username;
        reports::ReportViewer viewer;
    };
    void buildFilters();
    void buildTiles();
    void buildCharts();
    reports::ReportParameters parameters() const;
    void loadKept(const Run &run);
    void computeCache(const Run &run);
    void fetchGatewayReports(const Run &run, QStringList names);
    void finishComputation(const Run &run);
    /// The queue, payer, facility and person of the figures on screen.
    DashboardDrill drillOnScreen() const;
    void display(const reports::Dashboard &dashboard);
    void drawNextChart();
    void showTiles(const reports::DashboardTiles &tiles);
    void showChart(ChartSlot &slot, const reports::ReportResult *result);
    void saveChartAsked(const QString &report);
    void drillFromTile(const QString &tile);
    bool seesEveryone() const;

    QString m_cachePath;
    api::Session &m_session;
    std::optional<models::User> m_user;
    std::optional<reports::Dashboard> m_dashboard;
    bool m_computing = false;
    bool m_again = false; ///< asked to refresh while computing
    bool m_keptLoaded = false;
    bool m_stale = false; ///< the cache changed while the dashboard was not on screen
    int m_generation = 0; ///< a newer computation (or viewer) drops the replies of older ones
    Run m_run;

    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_payer = nullptr;
    QComboBox *m_facility = nullptr;
    QComboBox *m_queue = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QHash<QString, QPushButton *> m_tiles;
    QList<ChartSlot *> m_charts;
    QList<ChartSlot *> m_chartsToDraw; ///< drawn one per event
    QTimer *m_drawTimer = nullptr;
    bool m_computedWhenDrawn = false; ///< computed() waits for the last chart
};

} // namespace rcm::ui

Q_DECLARE_METATYPE(rcm::ui::DashboardDrill)
