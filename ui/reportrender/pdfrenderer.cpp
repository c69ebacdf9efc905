// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/reportrender/pdfrenderer.h"

#include "ui/reportrender/pdflayout.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reportrender {

namespace {

constexpr int resolution = 600; // dots per inch of the layout; the PDF itself is vector

void paintFooter(QPainter &painter, const PdfLayout &layout, const reports::ReportResult &result, int page,
                 int pageCount)
{
    const QRectF footer = layout.footerRect();
    painter.setPen(QPen(QColor(0x9c, 0xa3, 0xaf), resolution * 0.2 / 25.4));
    painter.drawLine(footer.topLeft(), footer.topRight());
    painter.setFont(layout.footerFont());
    painter.setPen(QColor(0x4b, 0x55, 0x63));
    const QRectF text = footer.adjusted(0, resolution * 1.2 / 25.4, 0, 0);
    painter.drawText(text, Qt::AlignLeft | Qt::AlignTop,
                     QCoreApplication::translate("rcm::reportrender", "%1   ·   data as of %2")
                         .arg(result.title, reports::timestampText(result.asOf)));
    painter.drawText(text, Qt::AlignRight | Qt::AlignTop,
                     QCoreApplication::translate("rcm::reportrender", "Page %1 of %2").arg(page).arg(pageCount));
}

} // namespace

reports::RenderedReport renderPdf(const reports::ReportResult &result, PaperSize paper, const QImage *chart)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {{},
                QCoreApplication::translate("rcm::reportrender",
                                            "A PDF needs a QGuiApplication (the offscreen platform will do)")};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(resolution);
    writer.setTitle(result.title);
    writer.setCreator(u"RCM Workbench"_s);
    writer.setPageSize(QPageSize(paper == PaperSize::A4 ? QPageSize::A4 : QPageSize::Letter));
    writer.setPageMargins(QMarginsF(14, 14, 14, 10), QPageLayout::Millimeter);
    writer.setPageOrientation(QPageLayout::Portrait);
    if (PdfLayout::comfortableTableWidth(result, &writer) > writer.width())
        writer.setPageOrientation(QPageLayout::Landscape);

    // Laid out whole first, so that every page can say how many there are.
    const PdfLayout layout(result, &writer, QSizeF(writer.width(), writer.height()), chart);
    QPainter painter;
    if (!painter.begin(&writer))
        return {{}, QCoreApplication::translate("rcm::reportrender", "Cannot start the PDF")};
    const int pageCount = int(layout.pages().size());
    for (int page = 0; page < pageCount; ++page) {
        if (page > 0)
            writer.newPage();
        for (const PdfLayout::Drawing &drawing : layout.pages().at(page))
            drawing(painter);
        paintFooter(painter, layout, result, page + 1, pageCount);
    }
    if (!painter.end())
        return {{}, QCoreApplication::translate("rcm::reportrender", "Cannot finish the PDF")};
    return {buffer.data(), {}};
}

} // namespace rcm::reportrender
