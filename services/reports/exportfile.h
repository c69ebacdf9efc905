// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/exportrecord.h"
#include "services/reports/reportresult.h"

#include <QString>

namespace rcm::reports {

/// What registering an export tells the gateway: the file's SHA-256 (hex), the report, its
/// format and parameters, and when it was generated.
models::ExportRecord exportRecord(const ReportResult &result, models::ExportFormat format, const QString &sha256);

/// The SHA-256 of a file as 64 lower-case hex digits: what the gateway registers for each
/// export and what `rcmctl report verify` looks up. Read in chunks, so a large PDF is never
/// held in memory whole. Returns an empty string and sets error when the file cannot be read.
QString sha256OfFile(const QString &path, QString *error = nullptr);

} // namespace rcm::reports
