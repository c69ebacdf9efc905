// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reports/reportfile.h"
#include "services/reports/reportresult.h"

class QImage;

namespace rcm::reportrender {

enum class PaperSize {
    Letter,
    A4,
};

/// A report as PDF for a person to read and file: the title, parameters, as-of and
/// generated-at times on the first page, the table with its header repeated on every page
/// (text wrapped, figures right-aligned as displayText() writes them, the totals last), the
/// definitions after the table, and "Page n of m" on every page. The page turns to landscape
/// when the table is too wide to stand. Needs a QGuiApplication (the offscreen platform will do).
/// The report's chart is drawn as vector graphics on the application's thread; on another
/// thread it is chart, made on the application's thread (chartImage(data, chartPrintSize)),
/// and left out without one.
reports::RenderedReport renderPdf(const reports::ReportResult &result, PaperSize paper = PaperSize::Letter,
                                  const QImage *chart = nullptr);

} // namespace rcm::reportrender
