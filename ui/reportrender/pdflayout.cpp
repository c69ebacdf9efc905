// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/reportrender/pdflayout.h"

#include "services/reports/reportfile.h"
#include "ui/reportrender/reportcharts.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reportrender {

using reports::ColumnType;
using reports::ReportResult;

namespace {

constexpr qreal cellPadding = 1.6; // millimetres, each side of a cell's text
constexpr qreal rowPadding = 0.9; // millimetres, above and below
constexpr qreal footerHeight = 9; // millimetres below the body
constexpr qreal readableWidth = 180; // millimetres: wider paragraphs are hard to read
constexpr qreal chartWidth = 180; // millimetres
constexpr qreal widestTextColumn = 25; // millimetres: a longer word breaks before the type shrinks
constexpr qreal comfortableText = 60; // millimetres: a text column narrower than this reads choppy
struct TableType
{
    qreal points;
    int stretch;
};
// Narrower, then smaller, only as far as the table needs to fit.
constexpr std::array<TableType, 5> tableTypes = {{
    {8.5, QFont::Unstretched},
    {8.5, QFont::SemiCondensed},
    {7.5, QFont::SemiCondensed},
    {6.5, QFont::SemiCondensed},
    {5.5, QFont::SemiCondensed},
}};
constexpr qreal narrowestText = 8; // millimetres a text column keeps when figures crowd it

const QColor ink(0x11, 0x18, 0x27);
const QColor muted(0x4b, 0x55, 0x63);
const QColor headerFill(0xe5, 0xe7, 0xeb);
const QColor shadedFill(0xf4, 0xf5, 0xf7);
const QColor ruleColor(0x37, 0x41, 0x51);

QFont reportFont(qreal points, QFont::Weight weight = QFont::Normal, QFont::Style style = QFont::StyleNormal,
                 int stretch = QFont::Unstretched)
{
    QFont font;
    font.setFamilies({u"DejaVu Sans"_s, u"Liberation Sans"_s});
    font.setStretch(stretch);
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    font.setWeight(weight);
    font.setStyle(style);
    // No ligatures: "fi" drawn as one glyph is not found by a search for "Definitions".
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

qreal millimetresOn(const QPaintDevice *device, qreal value)
{
    return value * device->logicalDpiX() / 25.4;
}

// Text wraps at spaces; figures and dates never do.
bool wraps(ColumnType type)
{
    return type == ColumnType::Text;
}

Qt::Alignment alignmentOf(ColumnType type)
{
    const bool left = type == ColumnType::Text || type == ColumnType::Date;
    return (left ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignTop;
}

qreal longestWord(const QString &text, const QFontMetricsF &metrics)
{
    qreal widest = 0;
    static const QRegularExpression space(u"\\s+"_s);
    for (const QString &word : text.split(space, Qt::SkipEmptyParts))
        widest = std::max(widest, metrics.horizontalAdvance(word));
    return widest;
}

QStringList cellTexts(const ReportResult &result, const QVariantList &row)
{
    QStringList texts;
    for (qsizetype column = 0; column < result.columns.size(); ++column)
        texts.append(reports::displayText(row.value(column), result.columns.at(column).type));
    return texts;
}

QStringList totalTexts(const ReportResult &result)
{
    QStringList texts = cellTexts(result, result.totals);
    if (!texts.isEmpty() && result.columns.first().type == ColumnType::Text
        && result.columns.first().total == reports::TotalKind::None)
        texts.first() = QCoreApplication::translate("rcm::reportrender", "Total");
    return texts;
}

qreal sum(const QList<qreal> &values)
{
    return std::accumulate(values.cbegin(), values.cend(), qreal(0));
}

} // namespace

PdfLayout::PdfLayout(const ReportResult &result, const QPaintDevice *device, QSizeF pageSize, const QImage *chart)
    : m_result(result)
    , m_device(device)
    , m_pageSize(pageSize)
    , m_title(reportFont(15, QFont::Bold))
    , m_heading(reportFont(11.5, QFont::Bold))
    , m_body(reportFont(9))
    , m_bold(reportFont(9, QFont::Bold))
    , m_italic(reportFont(8.5, QFont::Normal, QFont::StyleItalic))
    , m_small(reportFont(7.5))
{
    Columns columns;
    for (const TableType &type : tableTypes) {
        m_table = reportFont(type.points, QFont::Normal, QFont::StyleNormal, type.stretch);
        m_tableBold = reportFont(type.points, QFont::Bold, QFont::StyleNormal, type.stretch);
        columns = measureColumns(result, m_table, m_tableBold, device);
        if (sum(columns.minimum) <= m_pageSize.width())
            break;
    }
    m_columnWidths = fitColumns(columns);
    m_bodyBottom = m_pageSize.height() - millimetres(footerHeight);
    newPage();
    layOutHeading();
    layOutChart(chart);
    layOutTable();
    layOutDefinitions();
}

qreal PdfLayout::comfortableTableWidth(const ReportResult &result, const QPaintDevice *device)
{
    const Columns columns = measureColumns(result, reportFont(tableTypes.front().points),
                                           reportFont(tableTypes.front().points, QFont::Bold), device);
    qreal width = 0;
    for (qsizetype column = 0; column < result.columns.size(); ++column) {
        width += wraps(result.columns.at(column).type)
            ? std::min(columns.natural.at(column), millimetresOn(device, comfortableText))
            : columns.minimum.at(column);
    }
    return width;
}

QRectF PdfLayout::footerRect() const
{
    const qreal top = m_bodyBottom + millimetres(3);
    return {0, top, m_pageSize.width(), m_pageSize.height() - top};
}

PdfLayout::Columns PdfLayout::measureColumns(const ReportResult &result, const QFont &body, const QFont &bold,
                                             const QPaintDevice *device)
{
    const QFontMetricsF bodyMetrics(body, device);
    const QFontMetricsF boldMetrics(bold, device);
    const qreal padding
        = 2 * millimetresOn(device, cellPadding) + millimetresOn(device, 0.3); // and a hair for rounding
    const QStringList totals = result.hasTotals() ? totalTexts(result) : QStringList();
    Columns columns;
    for (qsizetype column = 0; column < result.columns.size(); ++column) {
        const ColumnType type = result.columns.at(column).type;
        const QString &title = result.columns.at(column).title;
        qreal widest = totals.isEmpty() ? 0 : boldMetrics.horizontalAdvance(totals.at(column));
        qreal widestWord = totals.isEmpty() ? 0 : longestWord(totals.at(column), boldMetrics);
        for (const QVariantList &row : result.rows) {
            const QString text = reports::displayText(row.value(column), type);
            widest = std::max(widest, bodyMetrics.horizontalAdvance(text));
            if (wraps(type))
                widestWord = std::max(widestWord, longestWord(text, bodyMetrics));
        }
        const qreal least = wraps(type) ? std::min(widestWord, millimetresOn(device, widestTextColumn)) : widest;
        const qreal natural = std::max(widest, boldMetrics.horizontalAdvance(title)) + padding;
        const qreal minimum = std::max(least, longestWord(title, boldMetrics)) + padding;
        columns.natural.append(natural);
        columns.preferred.append(wraps(type) ? minimum : natural);
        columns.minimum.append(minimum);
    }
    return columns;
}

// The table spans the page. When its natural widths do not fit, the text columns wrap first;
// then the figures' titles; when even that does not fit, all columns shrink alike.
QList<qreal> PdfLayout::fitColumns(const Columns &columns) const
{
    const qreal available = m_pageSize.width();
    QList<qreal> widths;
    const qreal natural = sum(columns.natural);
    if (natural <= available) {
        for (const qreal width : columns.natural)
            widths.append(width * available / natural);
        return widths;
    }
    const qreal least = sum(columns.minimum);
    if (least > available)
        return squeezeColumns(columns);
    // Between the widest level that fits and the one above it, each column takes its share.
    const bool preferredFits = sum(columns.preferred) <= available;
    const QList<qreal> &lower = preferredFits ? columns.preferred : columns.minimum;
    const QList<qreal> &upper = preferredFits ? columns.natural : columns.preferred;
    const qreal room = sum(upper) - sum(lower);
    const qreal share = room > 0 ? (available - sum(lower)) / room : 0;
    for (qsizetype column = 0; column < lower.size(); ++column)
        widths.append(lower.at(column) + (upper.at(column) - lower.at(column)) * share);
    return widths;
}

// Not even the smallest type fits: figures keep their widths, for a figure cut short is a wrong
// figure, and text columns take what is left, breaking words if they must. Only when the
// figures alone are too wide does every column shrink (and figures may overlap).
QList<qreal> PdfLayout::squeezeColumns(const Columns &columns) const
{
    const qreal available = m_pageSize.width();
    qreal figures = 0;
    qreal text = 0;
    for (qsizetype column = 0; column < columns.minimum.size(); ++column)
        (wraps(m_result.columns.at(column).type) ? text : figures) += columns.minimum.at(column);
    const qsizetype textColumns = std::count_if(m_result.columns.cbegin(), m_result.columns.cend(),
                                                [](const reports::ReportColumn &column) { return wraps(column.type); });
    const bool figuresFit = available - figures >= qreal(textColumns) * millimetres(narrowestText);
    QList<qreal> widths;
    for (qsizetype column = 0; column < columns.minimum.size(); ++column) {
        const qreal width = columns.minimum.at(column);
        if (!figuresFit)
            widths.append(width * available / (figures + text));
        else
            widths.append(wraps(m_result.columns.at(column).type) ? width * (available - figures) / text : width);
    }
    return widths;
}

void PdfLayout::layOutHeading()
{
    const qreal width = std::min(m_pageSize.width(), millimetres(readableWidth));
    placeText(m_result.title, m_title, ink, width);
    m_y += millimetres(1.5);
    QStringList parameters;
    for (const auto &[label, value] : m_result.parameters.described())
        parameters.append(QCoreApplication::translate("rcm::reportrender", "%1: %2").arg(label, value));
    placeText(parameters.join(u"   ·   "_s), m_body, muted, width);
    QString times = QCoreApplication::translate("rcm::reportrender", "Data as of %1   ·   Generated %2")
                        .arg(reports::timestampText(m_result.asOf), reports::timestampText(m_result.generatedAt));
    if (!m_result.generatedBy.isEmpty())
        times = QCoreApplication::translate("rcm::reportrender", "%1 by %2").arg(times, m_result.generatedBy);
    placeText(times, m_body, muted, width);
    if (!m_result.dateBasis.isEmpty())
        placeText(QCoreApplication::translate("rcm::reportrender", "Date basis: %1").arg(m_result.dateBasis), m_body,
                  muted, width);
    m_y += millimetres(5);
}

void PdfLayout::layOutChart(const QImage *chart)
{
    const std::optional<ChartData> data = chartData(m_result);
    if (!data)
        return;
    // QtCharts draws only on the application's thread: there the chart goes in as vector
    // drawing; a PDF written on a worker takes the picture made for it on that thread.
    const bool live = qobject_cast<QApplication *>(QCoreApplication::instance())
        && QThread::currentThread() == QCoreApplication::instance()->thread();
    if (!live && (!chart || chart->isNull()))
        return;
    const qreal width = std::min(m_pageSize.width(), millimetres(chartWidth));
    const QRectF rect(0, m_y, width, width * chartPaperSize.height() / chartPaperSize.width());
    if (live) {
        m_pages.last().append([chart = *data, rect](QPainter &painter) { paintChart(chart, painter, rect); });
    } else {
        m_pages.last().append([image = *chart, rect](QPainter &painter) {
            painter.setRenderHint(QPainter::SmoothPixmapTransform);
            painter.drawImage(rect, image);
        });
    }
    m_y += rect.height() + millimetres(5);
}

void PdfLayout::layOutTable()
{
    if (m_result.columns.isEmpty())
        return;
    QStringList titles;
    for (const reports::ReportColumn &column : m_result.columns)
        titles.append(column.title);
    const CellRow header {titles, m_tableBold, CellRow::Header};
    const qreal headerHeight = rowHeight(header);
    QList<CellRow> rows;
    for (qsizetype index = 0; index < m_result.rows.size(); ++index) {
        rows.append(
            {cellTexts(m_result, m_result.rows.at(index)), m_table, index % 2 == 1 ? CellRow::Shaded : CellRow::Body});
    }
    if (m_result.hasTotals())
        rows.append({totalTexts(m_result), m_tableBold, CellRow::Totals});

    // A header is never left alone at the foot of a page.
    if (!fits(headerHeight + (rows.isEmpty() ? 0 : rowHeight(rows.first()))))
        newPage();
    placeRow(header, headerHeight);
    if (rows.isEmpty()) {
        m_y += millimetres(1);
        placeText(QCoreApplication::translate("rcm::reportrender", "No rows for these parameters."), m_italic, muted,
                  m_pageSize.width());
    }
    for (const CellRow &row : std::as_const(rows)) {
        const qreal height = rowHeight(row);
        if (!fits(height)) {
            newPage();
            placeRow(header, headerHeight);
        }
        placeRow(row, height);
    }
}

void PdfLayout::layOutDefinitions()
{
    if (m_result.definitions.isEmpty())
        return;
    const qreal width = std::min(m_pageSize.width(), millimetres(readableWidth));
    const QString heading = QCoreApplication::translate("rcm::reportrender", "Definitions");
    const qreal headingHeight = textHeight(heading, m_heading, width) + millimetres(2);
    m_y += millimetres(8);
    bool first = true;
    for (const reports::ReportDefinition &definition : m_result.definitions) {
        const QString standard = definition.standard.isEmpty()
            ? QString()
            : QCoreApplication::translate("rcm::reportrender", "Standard: %1").arg(definition.standard);
        const qreal height = textHeight(definition.measure, m_bold, width)
            + textHeight(definition.definition, m_body, width)
            + (standard.isEmpty() ? 0 : textHeight(standard, m_italic, width)) + millimetres(3.5);
        if (!fits(height + (first ? headingHeight : 0)))
            newPage();
        if (first) {
            placeText(heading, m_heading, ink, width);
            m_y += millimetres(2);
            first = false;
        }
        placeText(definition.measure, m_bold, ink, width);
        placeText(definition.definition, m_body, ink, width);
        if (!standard.isEmpty())
            placeText(standard, m_italic, muted, width);
        m_y += millimetres(3.5);
    }
}

qreal PdfLayout::textHeight(const QString &text, const QFont &font, qreal width, int flags) const
{
    const QFontMetricsF metrics(font, m_device);
    if (text.isEmpty())
        return metrics.height();
    return std::max(metrics.height(), metrics.boundingRect(QRectF(0, 0, width, 1e9), flags, text).height());
}

qreal PdfLayout::textWidth(qsizetype column) const
{
    return m_columnWidths.at(column) - 2 * millimetres(cellPadding);
}

// drawText()'s alignment and wrapping for one cell: text and titles wrap at spaces, or
// anywhere when a word is wider than the column; figures never wrap.
int PdfLayout::cellFlags(const CellRow &row, qsizetype column) const
{
    // Never clipped: a figure cut short at the left would read as a smaller figure.
    const ColumnType type = m_result.columns.at(column).type;
    const int alignment = int(alignmentOf(type)) | Qt::TextDontClip;
    if (row.style != CellRow::Header && !wraps(type))
        return alignment;
    const bool wordsFit = longestWord(row.texts.at(column), QFontMetricsF(row.font, m_device)) <= textWidth(column);
    return alignment | (wordsFit ? Qt::TextWordWrap : Qt::TextWrapAnywhere);
}

qreal PdfLayout::rowHeight(const CellRow &row) const
{
    qreal height = QFontMetricsF(row.font, m_device).height();
    for (qsizetype column = 0; column < row.texts.size(); ++column) {
        const int flags = cellFlags(row, column);
        if (flags & (Qt::TextWordWrap | Qt::TextWrapAnywhere))
            height = std::max(height, textHeight(row.texts.at(column), row.font, textWidth(column), flags));
    }
    return height + 2 * millimetres(rowPadding);
}

void PdfLayout::placeRow(const CellRow &row, qreal height)
{
    QList<int> flags;
    for (qsizetype column = 0; column < row.texts.size(); ++column)
        flags.append(cellFlags(row, column));
    const QRectF band(0, m_y, sum(m_columnWidths), height);
    const qreal padding = millimetres(cellPadding);
    const qreal rowInset = millimetres(rowPadding);
    const qreal ruleWidth = millimetres(0.25);
    m_pages.last().append([row, band, flags, widths = m_columnWidths, padding, rowInset, ruleWidth](QPainter &painter) {
        if (row.style == CellRow::Header || row.style == CellRow::Shaded)
            painter.fillRect(band, row.style == CellRow::Header ? headerFill : shadedFill);
        painter.setFont(row.font);
        painter.setPen(ink);
        qreal x = band.left();
        for (qsizetype column = 0; column < row.texts.size(); ++column) {
            const QRectF cell(x + padding, band.top() + rowInset, widths.at(column) - 2 * padding,
                              band.height() - 2 * rowInset);
            painter.drawText(cell, flags.at(column), row.texts.at(column));
            x += widths.at(column);
        }
        if (row.style == CellRow::Header || row.style == CellRow::Totals) {
            painter.setPen(QPen(ruleColor, ruleWidth));
            const qreal y = row.style == CellRow::Header ? band.bottom() : band.top();
            painter.drawLine(QPointF(band.left(), y), QPointF(band.right(), y));
        }
    });
    m_y += height;
}

void PdfLayout::placeText(const QString &text, const QFont &font, const QColor &color, qreal width)
{
    const QRectF rect(0, m_y, width, textHeight(text, font, width));
    m_pages.last().append([text, font, color, rect](QPainter &painter) {
        painter.setFont(font);
        painter.setPen(color);
        painter.drawText(rect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    });
    m_y += rect.height();
}

bool PdfLayout::fits(qreal height) const
{
    return m_y + height <= m_bodyBottom;
}

void PdfLayout::newPage()
{
    m_pages.append(Page());
    m_y = 0;
}

qreal PdfLayout::millimetres(qreal value) const
{
    return millimetresOn(m_device, value);
}

} // namespace rcm::reportrender
