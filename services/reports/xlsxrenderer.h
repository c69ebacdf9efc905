// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reports/reportfile.h"
#include "services/reports/reportresult.h"

namespace rcm::reports {

/// A report as an Excel workbook (libxlsxwriter). The first sheet is the table: a bold header
/// row frozen above the rows, an autofilter, numbers, currency, dates and percents as real
/// cells with their formats, and a totals row whose sums are SUBTOTAL formulas that carry
/// their computed values (so a viewer that does not recalculate shows the figures too) and
/// follow the filter. The second sheet, "Definitions", states the parameters, the times, the
/// date basis and every measure's definition.
RenderedReport renderXlsx(const ReportResult &result);

} // namespace rcm::reports
