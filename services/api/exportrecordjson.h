// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/exportrecord.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rcm::api {

/// The API's JSON form of a registered export (docs/api/openapi.yaml, ExportRecord):
/// times UTC ISO-8601 with milliseconds, the format by wire name, the exporter as
/// {id, username, displayName}.
QJsonObject toJson(const models::ExportRecord &record);

/// Reads a registered export, refusing one without a hash, report, known format or times.
std::optional<models::ExportRecord> exportRecordFromJson(const QJsonObject &object, QString *error);

} // namespace rcm::api
