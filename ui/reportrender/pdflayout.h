// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reports/reportresult.h"

class QImage;

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QSizeF>

#include <functional>

class QPaintDevice;
class QPainter;

namespace rcm::reportrender {

/// A report laid out on pages before anything is painted, so that every page can say how
/// many there are. Each page is a list of drawings in the device's coordinates (the page's
/// printable area); the footer is the painter's to add.
class PdfLayout final
{
    Q_DISABLE_COPY_MOVE(PdfLayout)

public:
    using Drawing = std::function<void(QPainter &)>;
    using Page = QList<Drawing>;

    /// Lays the report out on pages of pageSize (device units) of device, whose resolution
    /// gives the fonts' sizes. The pages hold copies of what they draw, not the result.
    PdfLayout(const reports::ReportResult &result, const QPaintDevice *device, QSizeF pageSize,
              const QImage *chart = nullptr);

    /// How wide the report's table is on device with its figures whole (their titles wrapped) and
    /// its text wrapped no narrower than reads well: wider than a standing page, the page lies down.
    static qreal comfortableTableWidth(const reports::ReportResult &result, const QPaintDevice *device);

    const QList<Page> &pages() const { return m_pages; }
    /// Where the footer goes on every page, below the body.
    QRectF footerRect() const;
    QFont footerFont() const { return m_small; }

private:
    struct Columns
    {
        QList<qreal> natural; ///< nothing wrapped
        QList<qreal> preferred; ///< text wrapped at its longest word, figures and their titles whole
        QList<qreal> minimum; ///< the figures' titles wrapped too
    };
    struct CellRow
    {
        QStringList texts;
        QFont font;
        enum Style { Header, Body, Shaded, Totals } style = Body;
    };

    static Columns measureColumns(const reports::ReportResult &result, const QFont &body, const QFont &bold,
                                  const QPaintDevice *device);
    QList<qreal> fitColumns(const Columns &columns) const;
    QList<qreal> squeezeColumns(const Columns &columns) const;

    void layOutHeading();
    /// The report's chart, as the dashboard draws it, between the heading and the table
    /// (only under a QApplication: QtCharts needs one).
    void layOutChart(const QImage *chart);
    void layOutTable();
    void layOutDefinitions();

    qreal textHeight(const QString &text, const QFont &font, qreal width, int flags = Qt::TextWordWrap) const;
    qreal textWidth(qsizetype column) const;
    int cellFlags(const CellRow &row, qsizetype column) const;
    qreal rowHeight(const CellRow &row) const;
    void placeRow(const CellRow &row, qreal height);
    void placeText(const QString &text, const QFont &font, const QColor &color, qreal width);
    bool fits(qreal height) const;
    void newPage();
    qreal millimetres(qreal value) const;

    const reports::ReportResult &m_result;
    const QPaintDevice *m_device;
    QSizeF m_pageSize;
    qreal m_bodyBottom = 0;
    qreal m_y = 0;
    QList<Page> m_pages;
    QFont m_title;
    QFont m_heading;
    QFont m_body;
    QFont m_bold;
    QFont m_italic;
    QFont m_small;
    QFont m_table;
    QFont m_tableBold;
    QList<qreal> m_columnWidths;
};

} // namespace rcm::reportrender
