// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/exportrecord.h"
#include "services/reports/reportfile.h"
#include "services/reports/reportresult.h"

class QImage;

namespace rcm::reportrender {

/// Renders the one result in the chosen format (its wire name, "csv", "xlsx" or "pdf", is
/// what rcmctl's --format and the export register take). PDF needs a QGuiApplication; the
/// offscreen platform will do.
/// A PDF written on a worker takes its chart from chart (see renderPdf).
reports::RenderedReport renderReport(const reports::ReportResult &result, models::ExportFormat format,
                                     const QImage *chart = nullptr);

} // namespace rcm::reportrender
