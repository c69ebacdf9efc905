// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Work Queue API's ingest routes (docs/work-items-in.md): an upstream system creates
// and updates work items by its own ids, one at a time (PUT) or up to 10,000 at a time
// (the batch, whose larger bodies are spooled like file uploads), and lists the ones it
// has not closed. The rest is in workqueueapi.cpp.
#include "server/workqueueapi.h"

#include "server/sourceintake.h"
#include "services/api/workitemjson.h"
#include "services/rules/actionpolicy.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::User;

namespace {

constexpr int maximumBatchItems = 10'000;
constexpr int maximumOpenIdsPage = 10'000;

QJsonObject resultJson(const SourceIntake::Result &result)
{
    QJsonObject object {{u"externalId"_s, result.externalId},
                        {u"outcome"_s, QString(SourceIntake::wireName(result.outcome))}};
    if (!result.workItemId.isEmpty()) {
        object.insert(u"workItemId"_s, result.workItemId);
        object.insert(u"version"_s, result.version);
    }
    if (!result.changed.isEmpty() && result.outcome != SourceIntake::Outcome::Refused)
        object.insert(u"changed"_s, QJsonArray::fromStringList(result.changed));
    if (!result.reason.isEmpty())
        object.insert(u"reason"_s, result.reason);
    return object;
}

/// The batch's answer, written straight into bytes: for 10,000 rows, building a JSON
/// document first costs more than taking the batch in.
QByteArray batchAnswer(const QString &source, const QList<SourceIntake::Result> &answers)
{
    std::array<qint64, 4> counts {};
    QByteArray rows;
    rows.reserve(answers.size() * 96);
    for (qsizetype index = 0; index < answers.size(); ++index) {
        const SourceIntake::Result &answer = answers.at(index);
        ++counts[size_t(answer.outcome)];
        rows += index == 0 ? "{\"index\":" : ",{\"index\":";
        rows += QByteArray::number(index);
        rows += ",\"externalId\":";
        if (answer.externalId.isEmpty())
            rows += "null";
        else
            api::appendJsonString(rows, answer.externalId);
        rows += ",\"outcome\":\"";
        rows += SourceIntake::wireName(answer.outcome).latin1();
        rows += '"';
        if (!answer.workItemId.isEmpty()) {
            rows += ",\"workItemId\":";
            api::appendJsonString(rows, answer.workItemId);
            rows += ",\"version\":" + QByteArray::number(answer.version);
        }
        if (!answer.changed.isEmpty() && answer.outcome != SourceIntake::Outcome::Refused) {
            rows += ",\"changed\":[";
            for (qsizetype field = 0; field < answer.changed.size(); ++field) {
                if (field > 0)
                    rows += ',';
                api::appendJsonString(rows, answer.changed.at(field));
            }
            rows += ']';
        }
        if (!answer.reason.isEmpty()) {
            rows += ",\"reason\":";
            api::appendJsonString(rows, answer.reason);
        }
        rows += '}';
    }
    QByteArray out = "{\"source\":";
    api::appendJsonString(out, source);
    out += ",\"counts\":{";
    for (SourceIntake::Outcome outcome : {SourceIntake::Outcome::Created, SourceIntake::Outcome::Updated,
                                          SourceIntake::Outcome::Unchanged, SourceIntake::Outcome::Refused}) {
        if (outcome != SourceIntake::Outcome::Created)
            out += ',';
        out += '"' + QByteArray(SourceIntake::wireName(outcome).latin1())
            + "\":" + QByteArray::number(counts[size_t(outcome)]);
    }
    out += "},\"results\":[" + rows + "]}";
    return out;
}

} // namespace

std::optional<Problem> WorkQueueApi::sourceRefusal(const User &user, qint64 length) const
{
    if (!ActionPolicy::mayIngestWorkItems(user.role)) {
        return problem(403, u"forbidden"_s, u"Not allowed"_s,
                       u"Only the integration account and supervisors send work items from a source"_s);
    }
    if (length > m_options.maximumSourceBatchBytes) {
        return problem(
            413, u"body-too-large"_s, u"Request too large"_s,
            u"A batch may be at most %1 bytes; send fewer items per request"_s.arg(m_options.maximumSourceBatchBytes));
    }
    return std::nullopt;
}

std::optional<ApiResponse> WorkQueueApi::sourceRoute(const ApiRequest &request, const std::optional<User> &user,
                                                     QString *name)
{
    static const QRegularExpression itemPath(
        u"^/v1/sources/([A-Za-z0-9._-]{1,32})/work-items(?:/([A-Za-z0-9._:-]{1,64})|(:batch))?$"_s);
    const QRegularExpressionMatch match = itemPath.match(request.path);
    if (!match.hasMatch())
        return std::nullopt;
    const QString source = match.captured(1);
    const bool isBatch = !match.captured(3).isEmpty();
    const QString externalId = match.captured(2);
    if (isBatch && request.method == "POST")
        *name = u"/v1/sources/{source}/work-items:batch"_s;
    else if (!externalId.isEmpty() && request.method == "PUT")
        *name = u"/v1/sources/{source}/work-items/{externalId}"_s;
    else if (!isBatch && externalId.isEmpty() && request.method == "GET")
        *name = u"/v1/sources/{source}/work-items"_s;
    else
        return std::nullopt;
    if (!user)
        return std::nullopt; // the caller answers 401
    if (const std::optional<Problem> refused = sourceRefusal(*user, request.bodySize()))
        return problemResponse(*refused);
    if (isBatch)
        return sourceBatch(request, source, *user);
    if (!externalId.isEmpty())
        return putSourceItem(request, source, externalId, *user);
    return openSourceItems(request, source);
}

ApiResponse WorkQueueApi::putSourceItem(const ApiRequest &request, const QString &source, const QString &externalId,
                                        const User &user)
{
    Problem refused;
    const std::optional<QJsonObject> body = jsonBody(request, &refused);
    if (!body)
        return problemResponse(refused);
    QString error;
    const std::optional<api::SourceItem> item = api::sourceItemFromJson(*body, &error, externalId);
    if (!item)
        return problemResponse(problem(422, u"invalid-item"_s, u"The item is not valid"_s, error));
    SourceIntake intake(m_store);
    store::StoreError storeError;
    const SourceIntake::Result result = intake.put(source, *item, user, QDateTime::currentDateTimeUtc(), &storeError);
    if (storeError)
        return problemResponse(problem(503, u"store-error"_s, u"The item could not be saved"_s, storeError.message()));
    if (result.outcome == SourceIntake::Outcome::Refused) {
        Problem problem = rules::problem(422, u"item-refused"_s, u"The item was refused"_s, result.reason);
        problem.extra = resultJson(result);
        return problemResponse(problem);
    }
    return json(resultJson(result), result.outcome == SourceIntake::Outcome::Created ? 201 : 200);
}

ApiResponse WorkQueueApi::sourceBatch(const ApiRequest &request, const QString &source, const User &user)
{
    QByteArray bytes = request.body;
    if (request.bodyFile) {
        request.bodyFile->seek(0);
        bytes = request.bodyFile->readAll();
    }
    const QByteArray contentType = request.headers.value("content-type").split(';').constFirst().trimmed().toLower();
    if (contentType != "application/json")
        return problemResponse(
            problem(415, u"unsupported-media-type"_s, u"JSON required"_s, u"Send the batch as application/json"_s));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    bytes.clear();
    if (parseError.error != QJsonParseError::NoError) {
        return problemResponse(
            problem(400, u"malformed-json"_s, u"Malformed JSON"_s,
                    u"%1 at byte %2; nothing was taken"_s.arg(parseError.errorString()).arg(parseError.offset)));
    }
    const QJsonValue itemsValue = document.object().value(u"items"_s);
    if (!document.isObject() || !itemsValue.isArray() || document.object().size() != 1) {
        return problemResponse(problem(400, u"malformed-json"_s, u"Malformed batch"_s,
                                       u"The body must be {\"items\": [...]} and nothing else"_s));
    }
    const QJsonArray items = itemsValue.toArray();
    if (items.size() > maximumBatchItems) {
        return problemResponse(
            problem(413, u"batch-too-large"_s, u"Too many items"_s,
                    u"A batch holds at most %1 items; this one has %2"_s.arg(maximumBatchItems).arg(items.size())));
    }
    // Malformed rows are answered as refused in their place; the good ones go in together.
    QList<SourceIntake::Result> answers(items.size());
    std::vector<api::SourceItem> valid;
    std::vector<qsizetype> positions;
    valid.reserve(size_t(items.size()));
    for (qsizetype index = 0; index < items.size(); ++index) {
        QString error;
        std::optional<api::SourceItem> item;
        if (items.at(index).isObject())
            item = api::sourceItemFromJson(items.at(index).toObject(), &error);
        else
            error = u"each item must be a JSON object"_s;
        if (!item) {
            answers[index].outcome = SourceIntake::Outcome::Refused;
            answers[index].externalId = items.at(index).toObject().value(u"externalId"_s).toString();
            answers[index].reason = error;
            continue;
        }
        valid.push_back(std::move(*item));
        positions.push_back(index);
    }
    SourceIntake intake(m_store);
    store::StoreError storeError;
    const QList<SourceIntake::Result> results = intake.putBatch(source, valid, user, QDateTime::currentDateTimeUtc(),
                                                                &storeError, items.size() - qsizetype(valid.size()));
    if (storeError) {
        return problemResponse(problem(503, u"store-error"_s, u"The batch could not be saved"_s,
                                       storeError.message() + u"; nothing was taken: send it again"_s));
    }
    for (size_t i = 0; i < positions.size(); ++i)
        answers[positions[i]] = results.at(qsizetype(i));
    ApiResponse response;
    response.body = batchAnswer(source, answers);
    return response;
}

ApiResponse WorkQueueApi::openSourceItems(const ApiRequest &request, const QString &source)
{
    const QString after = request.query.queryItemValue(u"after"_s);
    bool ok = true;
    const QString limitText = request.query.queryItemValue(u"limit"_s);
    const int limit = limitText.isEmpty() ? 1000 : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > maximumOpenIdsPage) {
        return problemResponse(problem(400, u"invalid-parameter"_s, u"Invalid limit"_s,
                                       u"limit must be 1 to %1"_s.arg(maximumOpenIdsPage)));
    }
    SourceIntake intake(m_store);
    store::StoreError error;
    const QStringList ids = intake.openExternalIds(source, after, limit + 1, &error);
    if (error)
        return problemResponse(problem(503, u"store-error"_s, u"Could not list the items"_s, error.message()));
    const bool more = ids.size() > limit;
    const QStringList page = more ? ids.first(limit) : ids;
    QJsonObject answer {{u"source"_s, source}, {u"externalIds"_s, QJsonArray::fromStringList(page)}};
    if (more)
        answer.insert(u"after"_s, page.constLast());
    return json(answer);
}

} // namespace rcm::server
