// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/wirename.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace rcm::models {

enum class ExportFormat { Csv, Xlsx, Pdf };

/// What the gateway knows of one exported report file: its SHA-256, which report with
/// which parameters in which format, who exported it and when. A file whose hash the
/// gateway never registered was not issued by it (or was edited after export).
struct ExportRecord
{
    QString sha256; ///< 64 lower-case hex digits of the file's SHA-256
    QString report; ///< the report's name, as in the catalogue
    ExportFormat format = ExportFormat::Csv;
    QJsonObject parameters; ///< from, to, payer, facility, ... as the report was run
    QDateTime exportedAt; ///< UTC, when the file was written
    QDateTime registeredAt; ///< UTC, when the gateway first heard of it
    QString exportedById;
    QString exportedByUsername;
    QString exportedByName; ///< display name

    bool operator==(const ExportRecord &) const = default;
};

template<>
struct WireNamesOf<ExportFormat>
{
    static constexpr WireNames<ExportFormat, 3> table {{{
        {ExportFormat::Csv, QLatin1StringView("csv")},
        {ExportFormat::Xlsx, QLatin1StringView("xlsx")},
        {ExportFormat::Pdf, QLatin1StringView("pdf")},
    }}};
};

} // namespace rcm::models
