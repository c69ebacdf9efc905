// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/session.h"
#include "services/reports/dashboard.h"
#include "services/store/cacheschema.h"
#include "services/store/workitemstore.h"
#include "services/store/workqueuequery.h"
#include "services/synthetic/syntheticgenerator.h"
#include "tests/server/gatewayfixture.h"
#include "tests/ui/windowsignin.h"
#include "ui/dashboardview.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/mainwindow.h"
#include "ui/queuenavigation.h"
#include "ui/reportrender/pdfrenderer.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QChartView>
#include <QComboBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::WorkItem;

/// The dashboard: its figures against counts made here from the generated items themselves,
/// its charts against the report results, and a click leading to exactly the work it counts.
class TestDashboard final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QList<WorkItem> m_items;
    const QDate m_today = QDate::currentDate();
    const models::User m_supervisor {u"DEMO-SUPERVISOR"_s, u"supervisor"_s, u"Sue Supervisor"_s,
                                     models::Role::Supervisor, true};
    const reports::ReportViewer m_everyone {u"DEMO-SUPERVISOR"_s, u"Sue Supervisor"_s, true};

    /// Days to the item's next deadline on or after today, if any.
    std::optional<qint64> daysToNext(const WorkItem &item) const
    {
        std::optional<qint64> days;
        for (const QDate &deadline : {item.timelyFilingDeadline, item.appealDeadline}) {
            if (deadline.isValid() && deadline >= m_today)
                days = std::min(days.value_or(deadline.toJulianDay()), m_today.daysTo(deadline));
        }
        return days;
    }
    bool pastEveryDeadline(const WorkItem &item) const
    {
        return !daysToNext(item) && (item.timelyFilingDeadline.isValid() || item.appealDeadline.isValid());
    }

    reports::Dashboard compute(const reports::ReportParameters &parameters = {})
    {
        store::Database cache;
        if (cache.open(m_path, store::workbenchCacheSchema()))
            return {};
        QString error;
        const auto dashboard
            = reports::computeCacheDashboard(cache, parameters, m_everyone, QDateTime::currentDateTimeUtc(), &error);
        if (!dashboard)
            qWarning("%s", qPrintable(error));
        return dashboard.value_or(reports::Dashboard());
    }

    /// Open items the queue shows for a drill, counted as the queue counts them.
    qint64 queueCount(const ui::DashboardDrill &drill)
    {
        store::Database cache;
        if (cache.open(m_path, store::workbenchCacheSchema()))
            return -2;
        itemmodels::WorkQueueModel model(cache);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQueue(drill.queue);
        if (!drill.ownerId.isEmpty())
            model.setOwnerScope(itemmodels::WorkQueueModel::OwnerScope::Owner, drill.ownerId);
        model.setFilter(drill.filter);
        return store::WorkQueueQuery(cache).countOpen(model.criteria());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_dir.filePath(u"cache.db"_s);
        store::Database cache;
        QVERIFY(!cache.open(m_path, store::workbenchCacheSchema()));
        const synthetic::SyntheticGenerator generator({11, m_today});
        m_items = generator.items(0, 3000);
        QVERIFY(!store::WorkItemStore(cache).upsertItems(m_items));
    }

    void theTilesEqualTheReportsAndCountsMadeHere()
    {
        const reports::Dashboard dashboard = compute();
        qint64 open = 0, openCents = 0, dueThisWeek = 0, atRisk30 = 0, past = 0;
        for (const WorkItem &item : std::as_const(m_items)) {
            if (!item.isOpen())
                continue;
            ++open;
            openCents += item.balance.cents();
            const std::optional<qint64> days = daysToNext(item);
            if (days && *days <= 7)
                ++dueThisWeek;
            if (days && *days <= 30)
                atRisk30 += item.atRisk.cents();
            if (pastEveryDeadline(item))
                ++past;
        }
        QVERIFY(open > 1000 && past > 0 && dueThisWeek > 0);
        QCOMPARE(dashboard.tiles.openItems, open);
        QCOMPARE(dashboard.tiles.openCents, openCents);
        QCOMPARE(dashboard.tiles.dueThisWeek, dueThisWeek);
        QCOMPARE(dashboard.tiles.atRiskCents, atRisk30);
        QCOMPARE(dashboard.tiles.pastDeadline, past);
        QVERIFY(!dashboard.tiles.denialRate); // the gateway's figure: none offline
        const reports::ReportResult *openWork = dashboard.report(u"open-work"_s);
        QVERIFY(openWork);
        QCOMPARE(openWork->totals.at(openWork->columnIndex(u"items"_s)).toLongLong(), open);
    }

    void aQueueNarrowsEveryFigure()
    {
        reports::ReportParameters parameters;
        parameters.queue = models::Queue::Remittance;
        const reports::Dashboard dashboard = compute(parameters);
        const qint64 open = std::count_if(m_items.cbegin(), m_items.cend(), [](const WorkItem &item) {
            return item.isOpen() && item.queue == models::Queue::Remittance;
        });
        QVERIFY(open > 0);
        QCOMPARE(dashboard.tiles.openItems, open);
        QCOMPARE(dashboard.report(u"open-work"_s)->rows.size(), 1);
    }

    void aKeptDashboardComesBackWhole()
    {
        reports::Dashboard dashboard = compute();
        dashboard.tiles.denialRate = 0.125;
        store::Database cache;
        QVERIFY(!cache.open(m_path, store::workbenchCacheSchema()));
        QVERIFY(!reports::saveDashboard(cache, u"someone"_s, dashboard));
        const std::optional<reports::Dashboard> kept = reports::loadDashboard(cache, u"someone"_s);
        QVERIFY(kept);
        QCOMPARE(kept->toJson(), dashboard.toJson());
        QCOMPARE(kept->tiles, dashboard.tiles);
        QVERIFY(!reports::loadDashboard(cache, u"nobody"_s));
    }

    void theChartsDrawTheReportsFigures()
    {
        const reports::Dashboard dashboard = compute();
        const reports::ReportResult &openWork = *dashboard.report(u"open-work"_s);
        const std::optional<reportrender::ChartData> chart = reportrender::chartData(openWork);
        QVERIFY(chart);
        QCOMPARE(chart->series.size(), openWork.rows.size());
        for (qsizetype row = 0; row < openWork.rows.size(); ++row) {
            for (int bucket = 0; bucket < 5; ++bucket) {
                QCOMPARE(chart->series.at(row).values.at(bucket),
                         openWork.rows.at(row).at(openWork.columnIndex(u"items_%1"_s.arg(bucket))).toDouble());
            }
        }
        QCOMPARE(qint64(chart->total()), dashboard.tiles.openItems);
        const std::optional<reportrender::ChartData> deadlines
            = reportrender::chartData(*dashboard.report(u"deadlines"_s));
        QVERIFY(deadlines);
        QCOMPARE(deadlines->series.at(0).values.at(0), double(dashboard.tiles.dueThisWeek));
        const reports::ReportResult &report = *dashboard.report(u"deadlines"_s);
        QCOMPARE(qint64(deadlines->total()), report.totals.at(report.columnIndex(u"items_30"_s)).toLongLong());
    }

    void theViewShowsTheFiguresAndEveryBarLeadsToTheWorkItCounts()
    {
        api::Session session {QUrl()};
        ui::DashboardView view(m_path, session);
        view.setViewer(m_supervisor);
        QSignalSpy computed(&view, &ui::DashboardView::computed);
        view.resize(1500, 950);
        view.show();
        QVERIFY(computed.wait(30000));
        const reports::Dashboard &dashboard = *view.dashboard();
        QVERIFY(view.findChild<QPushButton *>(u"tile-openItems"_s)
                    ->text()
                    .startsWith(QLocale().toString(dashboard.tiles.openItems)));
        for (const QString &report : {u"open-work"_s, u"deadlines"_s}) {
            const reportrender::ChartData *chart = view.chart(report);
            QVERIFY2(chart, qPrintable(report));
            for (qsizetype series = 0; series < chart->series.size(); ++series) {
                for (qsizetype category = 0; category < chart->categories.size(); ++category) {
                    const ui::DashboardDrill drill = view.drillFor(report, category, series);
                    QCOMPARE(queueCount(drill), qint64(chart->series.at(series).values.at(category)));
                }
            }
        }
        // The tiles lead to their work too.
        QSignalSpy drills(&view, &ui::DashboardView::drill);
        QTest::mouseClick(view.findChild<QPushButton *>(u"tile-pastDeadline"_s), Qt::LeftButton);
        QCOMPARE(drills.size(), 1);
        QCOMPARE(queueCount(drills.constFirst().constFirst().value<ui::DashboardDrill>()),
                 dashboard.tiles.pastDeadline);
        QTest::mouseClick(view.findChild<QPushButton *>(u"tile-dueThisWeek"_s), Qt::LeftButton);
        QCOMPARE(queueCount(drills.constLast().constFirst().value<ui::DashboardDrill>()), dashboard.tiles.dueThisWeek);
        // Every chart can be saved as a picture.
        const QString png = m_dir.filePath(u"open-work.png"_s);
        QVERIFY(view.saveChart(u"open-work"_s, png));
        const QImage picture(png);
        QCOMPARE(picture.size(), QSize(1200, 600));
        // The chart is on it: the first series' colour (Okabe and Ito's blue) fills bars.
        qint64 blue = 0;
        for (int y = 0; y < picture.height(); y += 4) {
            for (int x = 0; x < picture.width(); x += 4)
                blue += picture.pixelColor(x, y) == reportrender::seriesColour(0) ? 1 : 0;
        }
        QVERIFY2(blue > 500, qPrintable(QString::number(blue)));
        if (const QString folder = qEnvironmentVariable("RCM_SCREENSHOT_DIR"); !folder.isEmpty())
            view.grab().save(folder + u"/dashboard.png"_s); // to look at, not to compare
    }

    void theLastResultShowsAtOnceOnTheNextOpening()
    {
        api::Session session {QUrl()};
        {
            ui::DashboardView first(m_path, session);
            first.setViewer(m_supervisor);
            QSignalSpy computed(&first, &ui::DashboardView::computed);
            first.show();
            QVERIFY(computed.wait(30000));
        }
        // The kept result is written on a worker.
        QTRY_VERIFY_WITH_TIMEOUT(
            [this]() {
                store::Database cache;
                return !cache.open(m_path, store::workbenchCacheSchema())
                    && reports::loadDashboard(cache, m_supervisor.username).has_value();
            }(),
            10000);
        ui::DashboardView again(m_path, session);
        again.setViewer(m_supervisor);
        QStringList order;
        connect(&again, &ui::DashboardView::shown, this, [&order]() { order.append(u"shown"_s); });
        connect(&again, &ui::DashboardView::computed, this, [&order]() { order.append(u"computed"_s); });
        again.show();
        QTRY_VERIFY_WITH_TIMEOUT(order.contains(u"computed"_s), 30000);
        QCOMPARE(order.value(0), u"shown"_s);
        QVERIFY(order.count(u"shown"_s) >= 2); // the kept one, then the new one
    }

    void anotherPersonNeverSeesTheLastPersonsFigures()
    {
        const auto owned = std::find_if(m_items.cbegin(), m_items.cend(),
                                        [](const WorkItem &item) { return !item.ownerId.isEmpty(); });
        QVERIFY(owned != m_items.cend());
        const models::User biller {owned->ownerId, u"another-biller"_s, u"Another Biller"_s, models::Role::Biller,
                                   true};
        const qint64 theirs = std::count_if(m_items.cbegin(), m_items.cend(), [&biller](const WorkItem &item) {
            return item.isOpen() && item.ownerId == biller.id;
        });
        api::Session session {QUrl()};
        ui::DashboardView view(m_path, session);
        view.setViewer(m_supervisor);
        QSignalSpy computed(&view, &ui::DashboardView::computed);
        QList<qint64> shownOpenItems; // the open items of every result put on screen
        connect(&view, &ui::DashboardView::shown, this,
                [&]() { shownOpenItems.append(view.dashboard()->tiles.openItems); });
        view.show(); // the supervisor's computation starts...
        view.setViewer(biller); // ...and the biller takes over before it ends
        QVERIFY(computed.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isComputing(), 30000);
        // Nothing of the supervisor's reached the screen: every result shown is the biller's.
        QVERIFY(!shownOpenItems.isEmpty());
        for (const qint64 shownItems : std::as_const(shownOpenItems))
            QCOMPARE(shownItems, theirs);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                store::Database cache;
                if (cache.open(m_path, store::workbenchCacheSchema()))
                    return false;
                const std::optional<reports::Dashboard> kept = reports::loadDashboard(cache, biller.username);
                return kept && kept->tiles.openItems == theirs;
            }(),
            10000);
    }

    void theWindowOpensTheDashboardAndAClickLeadsToTheWorkAndBack_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("language");
        QTest::newRow("supervisor") << u"supervisor"_s << u"en"_s;
        QTest::newRow("biller") << u"biller"_s << u"en"_s;
        QTest::newRow("supervisor in Spanish") << u"supervisor"_s << u"es"_s;
        QTest::newRow("biller in Spanish") << u"biller"_s << u"es"_s;
    }

    void theWindowOpensTheDashboardAndAClickLeadsToTheWorkAndBack()
    {
        QFETCH(QString, username);
        QFETCH(QString, language);
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(ui::installTranslation(language));
        testing::GatewayFixture gateway(600);
        QVERIFY(gateway.isReady());
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        window.resize(1600, 1000);
        window.show();
        QCOMPARE(testing::signInAndWait(window, gateway.url(QString()).toString(), username, u"demo"_s), QString());
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isSyncing(), 30000);

        // The first sync kept this person's dashboard, so that its first opening is at once.
        QTRY_VERIFY_WITH_TIMEOUT(reports::loadDashboard(cache, username).has_value(), 30000);
        // First for a supervisor, after their own work for anyone else.
        auto *navigation = window.findChild<ui::QueueNavigation *>();
        const int dashboardRow = username == u"supervisor"_s ? 0 : 1;
        QTRY_COMPARE(navigation->item(dashboardRow)->data(ui::QueueNavigation::keyRole).toString(),
                     QString(ui::QueueNavigation::dashboardKey));
        auto *view = window.findChild<ui::DashboardView *>();
        QSignalSpy computed(view, &ui::DashboardView::computed);
        navigation->setCurrentRow(dashboardRow);
        QVERIFY(view->isVisible());
        QVERIFY(computed.wait(30000));
        // The gateway's four reports came with the cache's two.
        const reports::Dashboard &dashboard = *view->dashboard();
        for (const QString &name : reports::dashboardGatewayReports())
            QVERIFY2(dashboard.report(name), qPrintable(name));
        // A biller's figures are their own work.
        const QString ownerId = username == u"supervisor"_s ? QString() : u"DEMO-BILLER"_s;
        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(u"SELECT count(*) FROM work_items WHERE status <> 'resolved'"_s
                           + (ownerId.isEmpty() ? QString() : u" AND owner_id = '%1'"_s.arg(ownerId)))
                && query.next());
        QCOMPARE(dashboard.tiles.openItems, query.value(0).toLongLong());
        query.finish();
        if (const QString folder = qEnvironmentVariable("RCM_SCREENSHOT_DIR"); !folder.isEmpty())
            window.grab().save(u"%1/dashboard-%2-%3.png"_s.arg(folder, username, language));

        // A tile leads to the queue with its filter, counting what the tile says.
        QTest::mouseClick(view->findChild<QPushButton *>(u"tile-dueThisWeek"_s), Qt::LeftButton);
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        QVERIFY(table->isVisible() && !view->isVisible());
        auto *model = static_cast<itemmodels::WorkQueueModel *>(table->model());
        QCOMPARE(model->filter().deadline, itemmodels::DeadlineWindow::DueWithin7);
        QCOMPARE(store::WorkQueueQuery(cache).countOpen(model->criteria()), dashboard.tiles.dueThisWeek);
        // Back: the dashboard as it was left.
        const QDateTime computedAt = dashboard.computedAt;
        auto *back = window.findChild<QAction *>(u"backToDashboard"_s);
        QVERIFY(back->isEnabled());
        back->trigger();
        QVERIFY(view->isVisible());
        QCOMPARE(view->dashboard()->computedAt, computedAt);
        if (language == u"es"_s) {
            // The report's PDF, its chart included, reads in the same language.
            const reports::RenderedReport pdf = reportrender::renderPdf(*dashboard.report(u"open-work"_s));
            QVERIFY(pdf.ok());
            const QString path = dir.filePath(u"open-work.pdf"_s);
            QVERIFY(reports::writeReport(pdf, path).ok());
            QProcess text;
            text.start(u"pdftotext"_s, {u"-f"_s, u"1"_s, u"-l"_s, u"1"_s, path, u"-"_s});
            QVERIFY(text.waitForFinished(20000));
            const QString page = QString::fromUtf8(text.readAllStandardOutput());
            QVERIFY2(page.contains(u"Datos a "_s) && page.contains(u"0–30 días"_s), qPrintable(page));
            QVERIFY2(page.contains(u"Página 1 de"_s), qPrintable(page.right(300)));
        }
        QVERIFY(ui::installTranslation(u"en"_s));
    }
};

QTEST_MAIN(TestDashboard)
#include "test_dashboard.moc"
