// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reports/reportfile.h"
#include "services/reports/reportresult.h"

namespace rcm::reports {

/// A report as CSV for another program: UTF-8, a header row of column titles, one line per
/// row and the totals last, numbers unformatted (plainText()), lines ending in CRLF. Text
/// cells go through csvField().
RenderedReport renderCsv(const ReportResult &result);

/// One CSV text field: text a spreadsheet would run as a formula (a leading = + - @, tab or
/// carriage return) gets a leading apostrophe, and a field holding a comma, quote or line
/// break is quoted.
QByteArray csvField(QString text);

} // namespace rcm::reports
