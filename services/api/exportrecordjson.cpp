// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/exportrecordjson.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

using models::ExportRecord;

QJsonObject toJson(const ExportRecord &record)
{
    return QJsonObject {
        {u"sha256"_s, record.sha256},
        {u"report"_s, record.report},
        {u"format"_s, QString(models::wireName(record.format))},
        {u"parameters"_s, record.parameters},
        {u"exportedAt"_s, record.exportedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"registeredAt"_s, record.registeredAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"exportedBy"_s,
         QJsonObject {{u"id"_s, record.exportedById},
                      {u"username"_s, record.exportedByUsername},
                      {u"displayName"_s, record.exportedByName}}},
    };
}

std::optional<ExportRecord> exportRecordFromJson(const QJsonObject &object, QString *error)
{
    ExportRecord record;
    record.sha256 = object.value(u"sha256"_s).toString();
    record.report = object.value(u"report"_s).toString();
    const auto format = models::fromWireName<models::ExportFormat>(object.value(u"format"_s).toString());
    record.parameters = object.value(u"parameters"_s).toObject();
    record.exportedAt = QDateTime::fromString(object.value(u"exportedAt"_s).toString(), Qt::ISODateWithMs);
    record.registeredAt = QDateTime::fromString(object.value(u"registeredAt"_s).toString(), Qt::ISODateWithMs);
    const QJsonObject by = object.value(u"exportedBy"_s).toObject();
    record.exportedById = by.value(u"id"_s).toString();
    record.exportedByUsername = by.value(u"username"_s).toString();
    record.exportedByName = by.value(u"displayName"_s).toString();
    QString problem;
    if (record.sha256.size() != 64)
        problem = u"the export has no SHA-256"_s;
    else if (record.report.isEmpty())
        problem = u"the export names no report"_s;
    else if (!format)
        problem = u"the export's format is unknown"_s;
    else if (!record.exportedAt.isValid() || !record.registeredAt.isValid())
        problem = u"the export's times are missing or malformed"_s;
    else if (record.exportedById.isEmpty())
        problem = u"the export names no exporter"_s;
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    record.format = *format;
    record.exportedAt = record.exportedAt.toUTC();
    record.registeredAt = record.registeredAt.toUTC();
    return record;
}

} // namespace rcm::api
