// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/payer.h"
#include "models/user.h"
#include "models/workitem.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rcm::api {

/// The Work Queue API's JSON form of a work item (docs/api/openapi.yaml, WorkItem):
/// camelCase names, amounts as decimal strings ("391.05"), dates "YYYY-MM-DD",
/// timestamps UTC ISO-8601 with milliseconds, enums by wire name.
QJsonObject toJson(const models::WorkItem &item);

/// The same JSON written straight into bytes, for pages of thousands of items where
/// building a QJsonObject per item costs more than the rest of the request.
void appendJson(QByteArray &out, const models::WorkItem &item);
/// text as a JSON string (quoted and escaped as QJsonDocument writes it), appended to out.
void appendJsonString(QByteArray &out, const QString &text);
/// The same for text already in UTF-8.
void appendJsonUtf8(QByteArray &out, QByteArrayView utf8);

/// Reads a work item, refusing anything malformed: a missing id, a wrong type, an
/// unknown enum value, a non-decimal amount. On failure error says which field.
std::optional<models::WorkItem> workItemFromJson(const QJsonObject &object, QString *error);

QJsonObject toJson(const models::User &user);
QJsonObject toJson(const models::Payer &payer);

} // namespace rcm::api
