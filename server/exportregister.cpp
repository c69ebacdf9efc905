// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/exportregister.h"

#include "services/api/exportrecordjson.h"
#include "services/store/transactionguard.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::ExportFormat;
using models::ExportRecord;
using store::StoreError;

namespace {

bool isSha256(const QString &value)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    return hex.match(value).hasMatch();
}

Problem invalidSha256()
{
    return problem(400, u"invalid-hash"_s, u"Invalid SHA-256"_s,
                   u"sha256 must be the file's SHA-256 as 64 lower-case hexadecimal digits"_s);
}

Problem invalidExport(const QString &detail)
{
    return problem(400, u"invalid-export"_s, u"Invalid export registration"_s, detail);
}

Problem storeProblem(const StoreError &error)
{
    return problem(503, u"store-error"_s, u"Try again"_s, error.message());
}

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

} // namespace

ExportRegister::ExportRegister(GatewayStore &store)
    : m_store(store)
{ }

QString ExportRegister::auditSubject(const QString &sha256)
{
    return u"export:"_s + sha256;
}

std::optional<ExportRecord> ExportRegister::parse(const QJsonObject &body, Problem *result) const
{
    static const QStringList known = {u"sha256"_s, u"report"_s, u"format"_s, u"parameters"_s, u"exportedAt"_s};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key())) {
            *result = invalidExport(
                u"Unknown field \"%1\"; send sha256, report, format, parameters and exportedAt"_s.arg(it.key()));
            return std::nullopt;
        }
    }
    ExportRecord record;
    record.sha256 = body.value(u"sha256"_s).toString();
    if (!isSha256(record.sha256)) {
        *result = invalidSha256();
        return std::nullopt;
    }
    const auto format = models::fromWireName<ExportFormat>(body.value(u"format"_s).toString());
    if (!format) {
        *result = problem(400, u"invalid-format"_s, u"Invalid format"_s, u"format must be csv, xlsx or pdf"_s);
        return std::nullopt;
    }
    record.format = *format;
    static const QRegularExpression reportName(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
    record.report = body.value(u"report"_s).toString();
    if (!reportName.match(record.report).hasMatch()) {
        *result = invalidExport(u"report must be a report's name: 1 to 64 lower-case letters, digits or ._-"_s);
        return std::nullopt;
    }
    if (!body.value(u"parameters"_s).isObject()) {
        *result = invalidExport(u"parameters must be an object (empty when the report took none)"_s);
        return std::nullopt;
    }
    record.parameters = body.value(u"parameters"_s).toObject();
    record.exportedAt = QDateTime::fromString(body.value(u"exportedAt"_s).toString(), Qt::ISODateWithMs);
    if (!record.exportedAt.isValid() || record.exportedAt.timeSpec() == Qt::LocalTime) {
        *result = invalidExport(u"exportedAt must be an ISO 8601 date and time with a zone, such as "
                                "2026-03-02T14:05:00.000Z"_s);
        return std::nullopt;
    }
    record.exportedAt = record.exportedAt.toUTC();
    return record;
}

ExportRegister::Answer ExportRegister::registerExport(const QJsonObject &body, const models::User &user,
                                                      const QDateTime &now)
{
    Answer answer;
    Problem problem;
    std::optional<ExportRecord> record = parse(body, &problem);
    if (!record) {
        answer.problem = problem;
        return answer;
    }
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError()) {
        answer.problem = storeProblem(transaction.beginError());
        return answer;
    }
    StoreError error;
    if (const std::optional<ExportRecord> earlier = find(record->sha256, &error)) {
        if (earlier->exportedById != user.id) {
            answer.problem = rules::problem(409, u"export-registered-by-another"_s, u"Registered by someone else"_s,
                                            u"Another user registered a file with this SHA-256 first"_s);
            return answer;
        }
        answer.body = api::toJson(*earlier);
        answer.replayed = true;
        return answer;
    }
    if (error) {
        answer.problem = storeProblem(error);
        return answer;
    }
    record->registeredAt = now.toUTC();
    QSqlQuery insert(m_store.database().connection());
    insert.prepare(u"INSERT INTO exports (sha256, report, parameters_json, format, exported_by, exported_at, "
                   "registered_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(record->sha256);
    insert.addBindValue(record->report);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(record->parameters).toJson(QJsonDocument::Compact)));
    insert.addBindValue(QString(models::wireName(record->format)));
    insert.addBindValue(user.id);
    insert.addBindValue(record->exportedAt.toString(Qt::ISODateWithMs));
    insert.addBindValue(record->registeredAt.toString(Qt::ISODateWithMs));
    if (!insert.exec())
        error = queryError(insert);
    // Report names, formats and parameters (dates, payer and facility ids) carry no PHI.
    const QJsonObject details {
        {u"event"_s, u"export_registered"_s},  {u"sha256"_s, record->sha256},
        {u"report"_s, record->report},         {u"format"_s, QString(models::wireName(record->format))},
        {u"parameters"_s, record->parameters}, {u"exportedAt"_s, record->exportedAt.toString(Qt::ISODateWithMs)}};
    if (!error) {
        error = m_store.appendAuditEntry(auditSubject(record->sha256), user.id, models::ActionType::Note, 0, details,
                                         now);
    }
    if (!error)
        error = transaction.commit();
    if (error) {
        answer.problem = storeProblem(error);
        return answer;
    }
    record->exportedById = user.id;
    record->exportedByUsername = user.username;
    record->exportedByName = user.displayName;
    answer.status = 201;
    answer.body = api::toJson(*record);
    return answer;
}

ExportRegister::Answer ExportRegister::lookUp(const QString &sha256)
{
    Answer answer;
    if (!isSha256(sha256)) {
        answer.problem = invalidSha256();
        return answer;
    }
    StoreError error;
    const std::optional<ExportRecord> record = find(sha256, &error);
    if (error) {
        answer.problem = storeProblem(error);
    } else if (!record) {
        answer.problem = problem(404, u"export-never-issued"_s, u"Never issued"_s,
                                 u"This gateway never issued a file with this SHA-256; if it came from an export, it "
                                 "was changed afterwards"_s);
    } else {
        answer.body = api::toJson(*record);
    }
    return answer;
}

std::optional<ExportRecord> ExportRegister::find(const QString &sha256, StoreError *error)
{
    QSqlQuery query(m_store.database().connection());
    query.prepare(u"SELECT exports.report, exports.parameters_json, exports.format, exports.exported_by, "
                  "exports.exported_at, exports.registered_at, users.username, users.display_name "
                  "FROM exports JOIN users ON users.id = exports.exported_by WHERE exports.sha256 = ?"_s);
    query.addBindValue(sha256);
    if (!query.exec()) {
        if (error)
            *error = queryError(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    ExportRecord record;
    record.sha256 = sha256;
    record.report = query.value(0).toString();
    record.parameters = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
    record.format = models::fromWireName<ExportFormat>(query.value(2).toString()).value_or(ExportFormat::Csv);
    record.exportedById = query.value(3).toString();
    record.exportedAt = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs).toUTC();
    record.registeredAt = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs).toUTC();
    record.exportedByUsername = query.value(6).toString();
    record.exportedByName = query.value(7).toString();
    return record;
}

} // namespace rcm::server
