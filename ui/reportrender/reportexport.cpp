// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/reportrender/reportexport.h"

#include "services/reports/csvrenderer.h"
#include "services/reports/xlsxrenderer.h"
#include "ui/reportrender/pdfrenderer.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::reportrender {

reports::RenderedReport renderReport(const reports::ReportResult &result, models::ExportFormat format,
                                     const QImage *chart)
{
    switch (format) {
    case models::ExportFormat::Csv:
        return reports::renderCsv(result);
    case models::ExportFormat::Xlsx:
        return reports::renderXlsx(result);
    case models::ExportFormat::Pdf:
        return renderPdf(result, PaperSize::Letter, chart);
    }
    return {{}, u"unknown format"_s};
}

} // namespace rcm::reportrender
