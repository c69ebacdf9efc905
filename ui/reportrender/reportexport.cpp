// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/reportrender/reportexport.h"

#include "services/reports/csvrenderer.h"
#include "services/reports/xlsxrenderer.h"
#include "ui/reportrender/pdfrenderer.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::reportrender {

std::optional<ReportFormat> formatNamed(const QString &name)
{
    if (name == u"csv"_s)
        return ReportFormat::Csv;
    if (name == u"xlsx"_s)
        return ReportFormat::Xlsx;
    if (name == u"pdf"_s)
        return ReportFormat::Pdf;
    return std::nullopt;
}

QString formatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return u"csv"_s;
    case ReportFormat::Xlsx:
        return u"xlsx"_s;
    case ReportFormat::Pdf:
        return u"pdf"_s;
    }
    return {};
}

reports::RenderedReport renderReport(const reports::ReportResult &result, ReportFormat format)
{
    switch (format) {
    case ReportFormat::Csv:
        return reports::renderCsv(result);
    case ReportFormat::Xlsx:
        return reports::renderXlsx(result);
    case ReportFormat::Pdf:
        return renderPdf(result);
    }
    return {{}, u"unknown format"_s};
}

} // namespace rcm::reportrender
