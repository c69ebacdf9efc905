// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace rcm::reports {

/// Where a report is computed: from the workstation's cache (works offline) or by the
/// gateway, which holds every remittance and every action.
enum class ReportSource { Cache, Gateway };

struct ReportInfo
{
    QString name; ///< as rcmctl and the API take it: "open-work"
    QString title;
    QString description; ///< one line
    ReportSource source = ReportSource::Cache;
};

/// Every report, in the order a menu lists them.
QList<ReportInfo> reportCatalogue();
std::optional<ReportInfo> findReport(const QString &name);

} // namespace rcm::reports
