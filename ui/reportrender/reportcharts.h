// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reports/reportresult.h"

#include <QColor>
#include <QImage>
#include <QRectF>
#include <QStringList>

#include <optional>

class QChart;
class QPainter;

namespace rcm::reportrender {

/// One series of a chart: its name, a key the dashboard filters by, one value per
/// category and the exact figures for each point's tooltip.
struct ChartSeries
{
    QString name;
    QString key;
    QList<double> values;
    QStringList tooltips;

    bool operator==(const ChartSeries &) const = default;
};

/// What a report draws, taken from its one result: the same figures as its table. Categories
/// run along the axis; several series stack. Keys say what each category and series is
/// (a payer id, a queue's row, an age bucket, a deadline window), for a click to filter by.
struct ChartData
{
    enum class Kind { Bar, StackedBar, Line };
    Kind kind = Kind::Bar;
    QString report; ///< the report's name
    QString title;
    QString valueTitle; ///< the value axis: "Items", "Dollars"
    QStringList categories;
    QStringList categoryKeys;
    QList<ChartSeries> series;

    double total() const;
    bool operator==(const ChartData &) const = default;
};

/// The chart a report draws, if it has one: open-work (items by age bucket, stacked by queue),
/// deadlines (items by deadline window), denials (denials by payer, stacked by family),
/// productivity (actions by person), remittance-exceptions (exceptions by kind) and
/// open-dollars (open dollars by day, a line). Nothing for a report without a chart or
/// without rows.
std::optional<ChartData> chartData(const reports::ReportResult &result);

/// The keys of the deadline windows the deadlines chart's categories carry.
inline constexpr QLatin1StringView deadlineWithin7 {"0-7"};
inline constexpr QLatin1StringView deadlineDays8To14 {"8-14"};
inline constexpr QLatin1StringView deadlineDays15To30 {"15-30"};

/// Colours told apart with the common forms of colour blindness (Okabe and Ito's palette),
/// in the order series take them.
QColor seriesColour(qsizetype index);

/// A QtCharts chart of data, owned by the caller (a QChartView takes it). Needs a QApplication.
QChart *buildChart(const ChartData &data);

/// Paints the chart into target (a PDF page, an image) at the logical size of a screen chart
/// scaled to fit, so that text keeps its proportions. Needs a QApplication.
void paintChart(const ChartData &data, QPainter &painter, const QRectF &target);
/// The chart as a picture (PNG export), size in pixels.
QImage chartImage(const ChartData &data, QSize size);

/// The chart as a PDF page carries it: chartPaperSize logical units, its height a fraction of
/// its width. A PDF written on another thread takes it as chartImage(data, chartPrintSize),
/// made on the application's thread (QtCharts may draw only there): about 320 dots per inch
/// at the 180 mm a page gives it.
inline constexpr QSizeF chartPaperSize {760, 342};
inline constexpr QSize chartPrintSize {2280, 1026};

} // namespace rcm::reportrender
