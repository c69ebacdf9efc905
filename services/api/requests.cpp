// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/requests.h"

#include "services/api/changespagereader.h"

#include "services/api/exportrecordjson.h"
#include "services/api/workitemjson.h"

#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

namespace {

/// "/work-items/ID/what", the id percent-encoded.
QString itemPath(const QString &itemId, QStringView what)
{
    return u"/work-items/"_s + QString::fromLatin1(QUrl::toPercentEncoding(itemId)) + u'/' + what;
}

} // namespace

using namespace rcm::models;

SignInRequest::SignInRequest(QString username, QString password)
    : m_username(std::move(username))
    , m_password(std::move(password))
{ }

QByteArray SignInRequest::body() const
{
    return QJsonDocument(QJsonObject {{u"username"_s, m_username}, {u"password"_s, m_password}})
        .toJson(QJsonDocument::Compact);
}

QString SignInRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    const QJsonObject object = document.object();
    token = object.value(u"token"_s).toString();
    const QJsonObject userObject = object.value(u"user"_s).toObject();
    const auto role = fromWireName<Role>(userObject.value(u"role"_s).toString());
    if (token.isEmpty() || !role)
        return u"the sign-in reply has no token or no user role"_s;
    user = User {userObject.value(u"id"_s).toString(), userObject.value(u"username"_s).toString(),
                 userObject.value(u"displayName"_s).toString(), *role, userObject.value(u"active"_s).toBool()};
    return {};
}

QString SignOutRequest::parse(const QJsonDocument &, const QHash<QByteArray, QByteArray> &)
{
    return {}; // 204: nothing to read
}

QString PolicyRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    const QJsonObject object = document.object();
    int *const fields[] = {&policy.autoLockMinutesMax, &policy.offlineUnlockHours, &policy.sessionIdleMinutes,
                           &policy.sessionAbsoluteHours};
    const QString names[]
        = {u"autoLockMinutesMax"_s, u"offlineUnlockHours"_s, u"sessionIdleMinutes"_s, u"sessionAbsoluteHours"_s};
    for (std::size_t index = 0; index < std::size(names); ++index) {
        const QJsonValue value = object.value(names[index]);
        // A policy read wrongly would loosen the lock: anything but a positive whole number is refused.
        if (!value.isDouble() || value.toDouble() < 1 || value.toDouble() != double(value.toInt()))
            return u"the policy has no valid \"%1\""_s.arg(names[index]);
        *fields[index] = value.toInt();
    }
    return {};
}

ChangesRequest::ChangesRequest(QString cursor, int limit)
    : m_cursor(std::move(cursor))
    , m_limit(limit)
{ }

QString ChangesRequest::path() const
{
    QUrlQuery query;
    query.addQueryItem(u"limit"_s, QString::number(m_limit));
    if (!m_cursor.isEmpty())
        query.addQueryItem(u"cursor"_s, m_cursor);
    return u"/work-items?"_s + query.toString(QUrl::FullyEncoded);
}

void ChangesRequest::take(ChangesPage &&page)
{
    items = std::move(page.items);
    removedIds = std::move(page.removedIds);
    nextCursor = std::move(page.nextCursor);
    hasMore = page.hasMore;
}

QString ChangesRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    ChangesPage page;
    if (QString problem = readChangesPage(document, page); !problem.isEmpty())
        return problem;
    take(std::move(page));
    return {};
}

QString ChangesRequest::parseBytes(const QByteArray &payload, const QHash<QByteArray, QByteArray> &, bool *notJson)
{
    ChangesPage page;
    if (QString problem = readChangesPage(payload, page, notJson); !problem.isEmpty())
        return problem;
    take(std::move(page));
    return {};
}

QString UsersRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    if (!document.isArray())
        return u"the user list is not a JSON array"_s;
    users.clear();
    for (const QJsonValue &value : document.array()) {
        const QJsonObject object = value.toObject();
        const auto role = fromWireName<Role>(object.value(u"role"_s).toString());
        const QString id = object.value(u"id"_s).toString();
        if (id.isEmpty() || !role)
            return u"a user has no id or an unknown role"_s;
        // Only supervisors are told login names; the id stands in for the others'.
        const QString username = object.value(u"username"_s).toString();
        users.append(User {id, username.isEmpty() ? id : username, object.value(u"displayName"_s).toString(), *role,
                           object.value(u"active"_s).toBool()});
    }
    return {};
}

HistoryRequest::HistoryRequest(QString itemId)
    : m_itemId(std::move(itemId))
{ }

QString HistoryRequest::path() const
{
    return itemPath(m_itemId, u"history");
}

QString HistoryRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    const QJsonValue history = document.object().value(u"history"_s);
    if (!history.isArray())
        return u"the history reply has no history array"_s;
    entries.clear();
    for (const QJsonValue &value : history.toArray()) {
        const QJsonObject object = value.toObject();
        Entry entry {object.value(u"sequence"_s).toInteger(), object.value(u"type"_s).toString(),
                     object.value(u"actorId"_s).toString(),
                     QDateTime::fromString(object.value(u"occurredAt"_s).toString(), Qt::ISODateWithMs),
                     object.value(u"details"_s).toObject()};
        if (entry.sequence <= 0 || entry.type.isEmpty() || !entry.occurredAt.isValid())
            return u"a history entry is malformed"_s;
        entries.append(entry);
    }
    return {};
}

PostActionRequest::PostActionRequest(QString itemId, QByteArray actionJson, QString idempotencyKey, qint64 baseVersion,
                                     QString authorId)
    : m_itemId(std::move(itemId))
    , m_actionJson(std::move(actionJson))
    , m_authorId(std::move(authorId))
    , m_idempotencyKey(std::move(idempotencyKey))
    , m_baseVersion(baseVersion)
{ }

QString PostActionRequest::path() const
{
    return itemPath(m_itemId, u"actions");
}

QHash<QByteArray, QByteArray> PostActionRequest::headers() const
{
    QHash<QByteArray, QByteArray> result {{"Idempotency-Key", m_idempotencyKey.toLatin1()},
                                          {"If-Match", '"' + QByteArray::number(m_baseVersion) + '"'}};
    if (!m_authorId.isEmpty())
        result.insert("X-RCM-Author", m_authorId.toUtf8());
    return result;
}

QString PostActionRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers)
{
    QString error;
    const auto parsed = workItemFromJson(document.object(), &error);
    if (!parsed)
        return u"the action's reply is not a work item: %1"_s.arg(error);
    item = *parsed;
    replayed = headers.value("idempotent-replayed") == "true";
    return {};
}

PaymentsRequest::PaymentsRequest(QString itemId)
    : m_itemId(std::move(itemId))
{ }

QString PaymentsRequest::path() const
{
    return itemPath(m_itemId, u"payments");
}

QString PaymentsRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    const QJsonValue list = document.object().value(u"payments"_s);
    if (!list.isArray())
        return u"the payments reply has no payments array"_s;
    payments.clear();
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject object = value.toObject();
        const auto charge = models::Money::fromString(object.value(u"charge"_s).toString());
        const auto paid = models::Money::fromString(object.value(u"paid"_s).toString());
        const auto patient = models::Money::fromString(object.value(u"patientResponsibility"_s).toString());
        if (!charge || !paid || !patient || object.value(u"traceNumber"_s).toString().isEmpty())
            return u"a payment is malformed"_s;
        payments.append({object.value(u"traceNumber"_s).toString(),
                         QDate::fromString(object.value(u"paymentDate"_s).toString(), Qt::ISODate),
                         object.value(u"status"_s).toString(), *charge, *paid, *patient,
                         object.value(u"reversed"_s).toBool()});
    }
    return {};
}

RemittanceImportRequest::RemittanceImportRequest(QByteArray file, Mode mode)
    : m_file(std::move(file))
    , m_mode(mode)
{ }

QString RemittanceImportRequest::path() const
{
    return m_mode == Mode::Preview ? u"/remittances?preview=true"_s : u"/remittances"_s;
}

QString RemittanceImportRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    if (!document.isObject() || !document.object().value(u"transactions"_s).isArray())
        return u"the remittance report has no transactions"_s;
    report = document.object();
    return {};
}

X12FileRequest::X12FileRequest(Kind kind, QByteArray file, Mode mode)
    : m_kind(kind)
    , m_file(std::move(file))
    , m_mode(mode)
{ }

QString X12FileRequest::path() const
{
    const QString base = m_kind == Kind::Claims ? u"/claims"_s : u"/acknowledgments"_s;
    return m_mode == Mode::Preview ? base + u"?preview=true"_s : base;
}

QString X12FileRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    if (!document.isObject() || !document.object().value(u"file"_s).isString())
        return u"the gateway's report does not name the file"_s;
    report = document.object();
    return {};
}

ContractImportRequest::ContractImportRequest(QByteArray file, Mode mode)
    : m_file(std::move(file))
    , m_mode(mode)
{ }

QString ContractImportRequest::path() const
{
    return m_mode == Mode::Preview ? u"/contracts?preview=true"_s : u"/contracts"_s;
}

QString ContractImportRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    if (!document.isObject() || !document.object().value(u"payers"_s).isArray())
        return u"the contract report has no payers"_s;
    report = document.object();
    return {};
}

RemittanceReleaseRequest::RemittanceReleaseRequest(qint64 remittanceId, QString note)
    : m_remittanceId(remittanceId)
    , m_note(std::move(note))
{ }

QString RemittanceReleaseRequest::path() const
{
    return u"/remittances/%1/release"_s.arg(m_remittanceId);
}

QByteArray RemittanceReleaseRequest::body() const
{
    return QJsonDocument(QJsonObject {{u"note"_s, m_note}}).toJson(QJsonDocument::Compact);
}

QString RemittanceReleaseRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    if (!document.isObject() || !document.object().value(u"released"_s).toBool())
        return u"the release's reply does not say it was released"_s;
    report = document.object();
    return {};
}

RegisterExportRequest::RegisterExportRequest(ExportRecord record)
    : m_record(std::move(record))
{ }

QByteArray RegisterExportRequest::body() const
{
    return QJsonDocument(QJsonObject {{u"sha256"_s, m_record.sha256},
                                      {u"report"_s, m_record.report},
                                      {u"format"_s, QString(wireName(m_record.format))},
                                      {u"parameters"_s, m_record.parameters},
                                      {u"exportedAt"_s, m_record.exportedAt.toUTC().toString(Qt::ISODateWithMs)}})
        .toJson(QJsonDocument::Compact);
}

QString RegisterExportRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &headers)
{
    QString error;
    const auto record = exportRecordFromJson(document.object(), &error);
    if (!record)
        return u"the registration's reply is not an export record: %1"_s.arg(error);
    if (record->sha256 != m_record.sha256)
        return u"the registration's reply is about another file"_s;
    registered = *record;
    replayed = headers.value("idempotent-replayed") == "true";
    return {};
}

ExportLookupRequest::ExportLookupRequest(QString sha256)
    : m_sha256(std::move(sha256))
{ }

QString ExportLookupRequest::path() const
{
    return u"/exports/"_s + QString::fromLatin1(QUrl::toPercentEncoding(m_sha256));
}

QString ExportLookupRequest::parse(const QJsonDocument &document, const QHash<QByteArray, QByteArray> &)
{
    QString error;
    const auto found = exportRecordFromJson(document.object(), &error);
    if (!found)
        return u"the lookup's reply is not an export record: %1"_s.arg(error);
    if (found->sha256 != m_sha256)
        return u"the lookup's reply is about another file"_s;
    record = *found;
    return {};
}

ExportLookupRequest::Outcome ExportLookupRequest::outcome(const ApiError &error)
{
    if (!error)
        return Outcome::Found;
    // Only the register's own answer means "never issued": a 404 from a proxy or an older
    // gateway without the route must not brand a genuine file as edited.
    if (error.kind == ApiError::Kind::Refused && error.httpStatus == 404
        && error.problemType == u"export-never-issued"_s)
        return Outcome::NeverIssued;
    return Outcome::Failed;
}

} // namespace rcm::api
