// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/reportrender/reportcharts.h"

#include "services/reports/cachereports.h"
#include "ui/itemmodels/displaynames.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QGraphicsScene>
#include <QHash>
#include <QLineSeries>
#include <QPainter>
#include <QStackedBarSeries>
#include <QThread>
#include <QValueAxis>

#include <array>

using namespace Qt::Literals::StringLiterals;
using rcm::reports::ColumnType;
using rcm::reports::ReportResult;

namespace rcm::reportrender {

namespace {

constexpr const char *context = "rcm::reportrender"; // where lupdate files this file's tr() calls

QString tr(const char *text)
{
    return QCoreApplication::translate(context, text);
}

QVariant cell(const ReportResult &result, const QVariantList &row, const QString &key)
{
    const int column = result.columnIndex(key);
    return column < 0 ? QVariant() : row.value(column);
}

qint64 integer(const ReportResult &result, const QVariantList &row, const QString &key)
{
    return cell(result, row, key).toLongLong();
}

QString money(qint64 cents)
{
    return reports::displayText(cents, ColumnType::Money);
}

QString count(qint64 value)
{
    return reports::displayText(value, ColumnType::Integer);
}

/// The queue a row of the open-work report is about (its first cell is the queue's title).
std::optional<models::Queue> queueOfRow(const QVariantList &row)
{
    for (const models::Queue queue : models::allValues<models::Queue>()) {
        if (reports::queueTitle(queue) == row.value(0).toString())
            return queue;
    }
    return std::nullopt;
}

/// A denial family's wire name as a person reads it.
QString familyLabel(const QString &family)
{
    const auto category = models::fromWireName<models::DenialCategory>(family);
    return category ? itemmodels::displayName(*category) : family;
}

/// Items by age bucket, one stacked series per queue (a row of the report).
ChartData openWorkChart(const ReportResult &result)
{
    ChartData data;
    data.kind = ChartData::Kind::StackedBar;
    data.title = tr("Open work by age and queue");
    data.valueTitle = tr("Open items");
    const QStringList buckets
        = {tr("0–30 days"), tr("31–60 days"), tr("61–90 days"), tr("91–120 days"), tr("Over 120 days")};
    for (qsizetype bucket = 0; bucket < buckets.size(); ++bucket) {
        data.categories.append(buckets.at(bucket));
        data.categoryKeys.append(QString::number(bucket));
    }
    for (const QVariantList &row : result.rows) {
        ChartSeries series;
        const std::optional<models::Queue> queue = queueOfRow(row);
        series.key = queue ? QString(models::wireName(*queue)) : QString();
        series.name = queue ? itemmodels::displayName(*queue) : row.value(0).toString();
        for (qsizetype bucket = 0; bucket < buckets.size(); ++bucket) {
            const qint64 items = integer(result, row, u"items_%1"_s.arg(bucket));
            const qint64 cents = integer(result, row, u"dollars_%1"_s.arg(bucket));
            series.values.append(double(items));
            series.tooltips.append(
                tr("%1, %2: %3 items, %4").arg(series.name, buckets.at(bucket), count(items), money(cents)));
        }
        data.series.append(series);
    }
    return data;
}

/// Items by deadline window; the report's windows are cumulative, the chart's are not.
ChartData deadlinesChart(const ReportResult &result)
{
    ChartData data;
    data.title = tr("Deadlines ahead");
    data.valueTitle = tr("Open items");
    data.categories = {tr("Within 7 days"), tr("In 8–14 days"), tr("In 15–30 days")};
    data.categoryKeys = {deadlineWithin7, deadlineDays8To14, deadlineDays15To30};
    const std::array<qint64, 3> items
        = {integer(result, result.totals, u"items_7"_s), integer(result, result.totals, u"items_14"_s),
           integer(result, result.totals, u"items_30"_s)};
    const std::array<qint64, 3> cents
        = {integer(result, result.totals, u"at_risk_7"_s), integer(result, result.totals, u"at_risk_14"_s),
           integer(result, result.totals, u"at_risk_30"_s)};
    ChartSeries series;
    series.name = tr("Items due");
    series.key = u"items"_s;
    for (std::size_t window = 0; window < items.size(); ++window) {
        const qint64 windowItems = items.at(window) - (window > 0 ? items.at(window - 1) : 0);
        const qint64 windowCents = cents.at(window) - (window > 0 ? cents.at(window - 1) : 0);
        series.values.append(double(windowItems));
        series.tooltips.append(tr("%1: %2 items, %3 at risk")
                                   .arg(data.categories.at(qsizetype(window)), count(windowItems), money(windowCents)));
    }
    data.series.append(series);
    return data;
}

/// Denials by payer, one stacked series per denial family.
ChartData denialsChart(const ReportResult &result)
{
    ChartData data;
    data.kind = ChartData::Kind::StackedBar;
    data.title = tr("Denials by payer and family");
    data.valueTitle = tr("Denials");
    QStringList families;
    for (const QVariantList &row : result.rows) {
        const QString payerId = cell(result, row, u"payer_id"_s).toString();
        if (!data.categoryKeys.contains(payerId)) {
            data.categoryKeys.append(payerId);
            data.categories.append(cell(result, row, u"payer"_s).toString());
        }
        const QString family = cell(result, row, u"family"_s).toString();
        if (!families.contains(family))
            families.append(family);
    }
    for (const QString &family : std::as_const(families)) {
        ChartSeries series;
        series.name = familyLabel(family);
        series.key = family;
        series.values.fill(0, data.categories.size());
        series.tooltips.fill(QString(), data.categories.size());
        data.series.append(series);
    }
    for (const QVariantList &row : result.rows) {
        const qsizetype category = data.categoryKeys.indexOf(cell(result, row, u"payer_id"_s).toString());
        ChartSeries &series = data.series[families.indexOf(cell(result, row, u"family"_s).toString())];
        const qint64 denials = integer(result, row, u"denials"_s);
        series.values[category] += double(denials);
        series.tooltips[category] = tr("%1, %2: %3 denials, %4 denied")
                                        .arg(data.categories.at(category), series.name, count(denials),
                                             money(integer(result, row, u"denied_charges"_s)));
    }
    // A family with no denial anywhere only crowds the legend.
    data.series.removeIf([](const ChartSeries &series) {
        return std::all_of(series.values.cbegin(), series.values.cend(), [](double value) { return value == 0; });
    });
    return data;
}

/// Actions by person over the period.
ChartData productivityChart(const ReportResult &result)
{
    ChartData data;
    data.title = tr("Productivity by person");
    data.valueTitle = tr("Actions");
    QList<std::array<qint64, 3>> sums; // actions, items resolved, dollars resolved
    for (const QVariantList &row : result.rows) {
        const QString userId = cell(result, row, u"user_id"_s).toString();
        qsizetype index = data.categoryKeys.indexOf(userId);
        if (index < 0) {
            index = data.categoryKeys.size();
            data.categoryKeys.append(userId);
            data.categories.append(cell(result, row, u"user"_s).toString());
            sums.append({0, 0, 0});
        }
        sums[index][0] += integer(result, row, u"actions"_s);
        sums[index][1] += integer(result, row, u"items_resolved"_s);
        sums[index][2] += integer(result, row, u"dollars_resolved"_s);
    }
    ChartSeries series;
    series.name = tr("Actions");
    series.key = u"actions"_s;
    for (qsizetype index = 0; index < sums.size(); ++index) {
        series.values.append(double(sums.at(index)[0]));
        series.tooltips.append(tr("%1: %2 actions, %3 items resolved, %4 resolved")
                                   .arg(data.categories.at(index), count(sums.at(index)[0]), count(sums.at(index)[1]),
                                        money(sums.at(index)[2])));
    }
    data.series.append(series);
    return data;
}

/// Exceptions by kind.
ChartData remittanceExceptionsChart(const ReportResult &result)
{
    ChartData data;
    data.title = tr("Remittance exceptions by kind");
    data.valueTitle = tr("Exceptions");
    ChartSeries series;
    series.name = tr("Exceptions");
    series.key = u"exceptions"_s;
    for (const QVariantList &row : result.rows) {
        const QString key = cell(result, row, u"kind"_s).toString();
        const QString known = itemmodels::exceptionKindName(key);
        // A kind this build does not know keeps the gateway's own label.
        const QString kind = known != key ? known : cell(result, row, u"exception"_s).toString();
        data.categories.append(kind);
        data.categoryKeys.append(key);
        const qint64 exceptions = integer(result, row, u"exceptions"_s);
        series.values.append(double(exceptions));
        series.tooltips.append(tr("%1: %2 exceptions, %3")
                                   .arg(kind, count(exceptions), money(integer(result, row, u"exception_dollars"_s))));
    }
    data.series.append(series);
    return data;
}

/// Open dollars by day: a line.
ChartData openDollarsChart(const ReportResult &result)
{
    ChartData data;
    data.kind = ChartData::Kind::Line;
    data.title = tr("Open dollars over time");
    data.valueTitle = tr("Thousands of dollars");
    ChartSeries series;
    series.name = tr("Open dollars");
    series.key = u"open_dollars"_s;
    for (const QVariantList &row : result.rows) {
        const QDate day = cell(result, row, u"day"_s).toDate();
        const qint64 cents = integer(result, row, u"open_dollars"_s);
        data.categories.append(day.toString(Qt::ISODate));
        data.categoryKeys.append(day.toString(Qt::ISODate));
        series.values.append(double(cents) / 100'000.0);
        series.tooltips.append(tr("%1: %2 open").arg(QLocale().toString(day, QLocale::ShortFormat), money(cents)));
    }
    data.series.append(series);
    return data;
}

void addBarSeries(QChart *chart, const ChartData &data)
{
    QAbstractBarSeries *bars = data.kind == ChartData::Kind::StackedBar
        ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
        : static_cast<QAbstractBarSeries *>(new QBarSeries);
    for (qsizetype index = 0; index < data.series.size(); ++index) {
        const ChartSeries &series = data.series.at(index);
        auto *set = new QBarSet(series.name);
        for (const double value : series.values)
            set->append(value);
        set->setColor(seriesColour(index));
        set->setBorderColor(Qt::white);
        bars->append(set);
    }
    bars->setBarWidth(0.7);
    chart->addSeries(bars);
    auto *categories = new QBarCategoryAxis;
    categories->append(data.categories);
    chart->addAxis(categories, Qt::AlignBottom);
    bars->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setTitleText(data.valueTitle);
    values->setLabelFormat(u"%.0f"_s);
    values->setMin(0);
    chart->addAxis(values, Qt::AlignLeft);
    bars->attachAxis(values);
    values->applyNiceNumbers();
    chart->legend()->setVisible(data.series.size() > 1);
}

void addLineSeries(QChart *chart, const ChartData &data)
{
    for (qsizetype index = 0; index < data.series.size(); ++index) {
        const ChartSeries &series = data.series.at(index);
        auto *line = new QLineSeries;
        line->setName(series.name);
        for (qsizetype point = 0; point < series.values.size(); ++point) {
            const QDateTime day(QDate::fromString(data.categoryKeys.value(point), Qt::ISODate), QTime(12, 0), Qt::UTC);
            line->append(double(day.toMSecsSinceEpoch()), series.values.at(point));
        }
        QPen pen(seriesColour(index));
        pen.setWidthF(2.0);
        line->setPen(pen);
        chart->addSeries(line);
        auto *days = new QDateTimeAxis;
        days->setFormat(u"MMM d"_s);
        days->setTickCount(7);
        chart->addAxis(days, Qt::AlignBottom);
        line->attachAxis(days);
        auto *values = new QValueAxis;
        values->setTitleText(data.valueTitle);
        values->setLabelFormat(u"%.0f"_s);
        chart->addAxis(values, Qt::AlignLeft);
        line->attachAxis(values);
        values->applyNiceNumbers();
    }
    chart->legend()->setVisible(false);
}

} // namespace

double ChartData::total() const
{
    double sum = 0;
    for (const ChartSeries &each : series) {
        for (const double value : each.values)
            sum += value;
    }
    return sum;
}

std::optional<ChartData> chartData(const ReportResult &result)
{
    if (result.rows.isEmpty())
        return std::nullopt;
    std::optional<ChartData> data;
    if (result.name == u"open-work"_s)
        data = openWorkChart(result);
    else if (result.name == u"deadlines"_s)
        data = deadlinesChart(result);
    else if (result.name == u"denials"_s)
        data = denialsChart(result);
    else if (result.name == u"productivity"_s)
        data = productivityChart(result);
    else if (result.name == u"remittance-exceptions"_s)
        data = remittanceExceptionsChart(result);
    else if (result.name == u"open-dollars"_s)
        data = openDollarsChart(result);
    if (data)
        data->report = result.name;
    return data;
}

QColor seriesColour(qsizetype index)
{
    // Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, vermillion,
    // sky blue, reddish purple, yellow; then grey.
    static const std::array<QColor, 8> palette
        = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73), QColor(0xd5, 0x5e, 0x00),
           QColor(0x56, 0xb4, 0xe9), QColor(0xcc, 0x79, 0xa7), QColor(0xf0, 0xe4, 0x42), QColor(0x99, 0x99, 0x99)};
    return palette.at(std::size_t(index) % palette.size());
}

QChart *buildChart(const ChartData &data)
{
    auto *chart = new QChart;
    chart->setTitle(data.title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocale(QLocale()); // month names and figures as the reader writes them
    chart->setLocalizeNumbers(true);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    if (data.kind == ChartData::Kind::Line)
        addLineSeries(chart, data);
    else
        addBarSeries(chart, data);
    return chart;
}

void paintChart(const ChartData &data, QPainter &painter, const QRectF &target)
{
    // QtCharts draws through QGraphicsWidget and QGraphicsScene, which need a QApplication
    // and its thread.
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())
        || QThread::currentThread() != QCoreApplication::instance()->thread())
        return;
    QGraphicsScene scene;
    QChart *chart = buildChart(data);
    scene.addItem(chart); // the scene owns it
    QSizeF size = chartPaperSize;
    size.setHeight(size.width() * target.height() / target.width());
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    scene.setSceneRect(chart->geometry());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    scene.render(&painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
    painter.restore();
}

QImage chartImage(const ChartData &data, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    paintChart(data, painter, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

} // namespace rcm::reportrender
