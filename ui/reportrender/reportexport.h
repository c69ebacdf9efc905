// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reports/reportfile.h"
#include "services/reports/reportresult.h"

#include <optional>

namespace rcm::reportrender {

/// The formats a report is exported in.
enum class ReportFormat { Csv, Xlsx, Pdf };

/// "csv", "xlsx" or "pdf" (as rcmctl's --format and file suffixes have them); nothing else.
std::optional<ReportFormat> formatNamed(const QString &name);
QString formatName(ReportFormat format);

/// Renders the one result in the chosen format (PDF needs a QGuiApplication; the offscreen
/// platform will do).
reports::RenderedReport renderReport(const reports::ReportResult &result, ReportFormat format);

} // namespace rcm::reportrender
