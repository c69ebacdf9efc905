// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/workitem.h"
#include "services/reports/reportresult.h"
#include "services/store/database.h"

#include <optional>

namespace rcm::reports {

/// Who runs a cache report: a supervisor or finance gets everyone's work, anyone else
/// their own.
struct ReportViewer
{
    QString userId;
    QString displayName;
    bool seesEveryone = false;
};

/// A queue as the open-work report names it in its rows ("Denials", ...).
QString queueTitle(models::Queue queue);

/// Computes a report from the workstation's cache (open-work, deadlines); works offline.
/// Nothing and error set if the name is not a cache report or the cache cannot be read.
/// asOf is when the cache was last synced (the data's as-of time).
std::optional<ReportResult> computeCacheReport(const QString &name, store::Database &cache,
                                               const ReportParameters &parameters, const ReportViewer &viewer,
                                               const QDateTime &asOf, QString *error = nullptr);

} // namespace rcm::reports
