// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/workqueueapi.h"

#include "server/claimregister.h"
#include "server/exportregister.h"
#include "server/gatewayreports.h"
#include "server/gatewayserver.h"
#include "server/remittanceposter.h"
#include "server/useradministration.h"

#include "services/api/workitemjson.h"
#include "services/reference/reasoncodecatalogue.h"
#include "services/rules/actionpolicy.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using namespace rcm::models;

qint64 ApiRequest::bodySize() const
{
    return bodyFile ? bodyFile->size() : body.size();
}

namespace {

QByteArray etagFor(qint64 version)
{
    return '"' + QByteArray::number(version) + '"';
}

std::optional<qint64> versionFromIfMatch(const QByteArray &header)
{
    QByteArray value = header.trimmed();
    if (value.startsWith("W/"))
        return std::nullopt; // weak validators cannot guard a write
    if (value.size() < 3 || !value.startsWith('"') || !value.endsWith('"'))
        return std::nullopt;
    bool ok = false;
    const qint64 version = value.mid(1, value.size() - 2).toLongLong(&ok);
    return ok && version > 0 ? std::optional(version) : std::nullopt;
}

Problem unauthorized()
{
    return problem(401, u"unauthorized"_s, u"Sign in required"_s,
                   u"Send a bearer token from POST /v1/session; it may have expired"_s);
}

QJsonObject historyEntry(const AuditEvent &event)
{
    return QJsonObject {{u"sequence"_s, event.sequence},
                        {u"type"_s, QString(wireName(event.actionType))},
                        {u"actorId"_s, event.actorId},
                        {u"occurredAt"_s, event.occurredAt.toString(Qt::ISODateWithMs)},
                        {u"resultingVersion"_s, event.resultingVersion},
                        {u"details"_s, QJsonDocument::fromJson(event.detailsJson).object()}};
}

} // namespace

WorkQueueApi::WorkQueueApi(GatewayStore &store, Options options)
    : m_store(store)
    , m_options(options)
    , m_signIn(store, {options.sessionLifetime, options.sessionIdle, options.signInLimits, options.clock})
    , m_changeFeed(store.database())
{ }

QString WorkQueueApi::encodeCursor(qint64 sequence)
{
    const QByteArray plain = "s1:" + QByteArray::number(sequence);
    return QString::fromLatin1(plain.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<qint64> WorkQueueApi::decodeCursor(const QString &cursor)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith("s1:"))
        return std::nullopt;
    bool ok = false;
    const qint64 sequence = decoded.decoded.mid(3).toLongLong(&ok);
    return ok && sequence >= 0 ? std::optional(sequence) : std::nullopt;
}

ApiResponse WorkQueueApi::handle(const ApiRequest &request)
{
    m_correlationId = request.correlationId;
    static const QRegularExpression itemPath(
        u"^/v1/work-items/([A-Za-z0-9._-]{1,64})(/actions|/history|/payments)?$"_s);
    static const QRegularExpression reportPath(u"^/v1/reports/([a-z-]{1,64})$"_s);
    const QString &path = request.path;
    const bool isGet = request.method == "GET";
    const bool isPost = request.method == "POST";

    ApiResponse response;
    auto route = [&](const QString &name, const ApiResponse &answer) {
        ApiResponse routed = answer;
        routed.route = name;
        return routed;
    };
    if (path == u"/v1/health"_s)
        return route(path, isGet ? health() : problemResponse(problem(405, u"method-not-allowed"_s, u"Use GET"_s)));
    if (path == u"/v1/session"_s)
        return route(path, session(request));
    if (path == u"/v1/policy"_s)
        return route(path, isGet ? policy() : problemResponse(problem(405, u"method-not-allowed"_s, u"Use GET"_s)));

    // Everything else needs a signed-in user.
    const std::optional<User> user = signedInUser(request);
    m_sessionReference = user
        ? GatewayStore::sessionReference(QString::fromLatin1(request.headers.value("authorization").mid(7).trimmed()))
        : QString();

    const QRegularExpressionMatch match = itemPath.match(path);
    static const QRegularExpression exportPath(u"^/v1/exports/([^/]{1,128})$"_s);
    const QRegularExpressionMatch exportMatch = exportPath.match(path);
    // The export register answers a status and JSON, or a problem.
    auto exportAnswer = [this](const ExportRegister::Answer &answer) {
        if (answer.problem)
            return problemResponse(*answer.problem);
        ApiResponse registered = json(answer.body, answer.status);
        if (answer.replayed)
            registered.headers.append({QByteArray("Idempotent-Replayed"), QByteArray("true")});
        return registered;
    };
    const QRegularExpressionMatch reportMatch = reportPath.match(path);
    static const QRegularExpression heldPath(u"^/v1/remittances/([0-9]{1,18})/release$"_s);
    const QRegularExpressionMatch heldMatch = heldPath.match(path);
    QString name;
    std::function<ApiResponse()> handler;
    if (path == u"/v1/work-items"_s && isGet) {
        name = path;
        handler = [&] {
            return listChanges(request, *user);
        };
    } else if (match.hasMatch() && match.captured(2).isEmpty() && isGet) {
        name = u"/v1/work-items/{id}"_s;
        handler = [&] {
            return getItem(match.captured(1), *user);
        };
    } else if (match.hasMatch() && match.captured(2) == u"/actions"_s && isPost) {
        name = u"/v1/work-items/{id}/actions"_s;
        handler = [&] {
            return postAction(request, match.captured(1), *user);
        };
    } else if (match.hasMatch() && match.captured(2) == u"/history"_s && isGet) {
        name = u"/v1/work-items/{id}/history"_s;
        handler = [&] {
            return history(match.captured(1), *user);
        };
    } else if (match.hasMatch() && match.captured(2) == u"/payments"_s && isGet) {
        name = u"/v1/work-items/{id}/payments"_s;
        handler = [&] {
            return payments(match.captured(1), *user);
        };
    } else if (path == u"/v1/users"_s && isGet) {
        name = path;
        handler = [&] {
            return users(*user);
        };
    } else if (path == u"/v1/reference/payers"_s && isGet) {
        name = path;
        handler = [&] {
            return payers();
        };
    } else if (path == u"/v1/remittances"_s && isPost) {
        name = path;
        handler = [&] {
            return importRemittance(request, *user);
        };
    } else if (path == u"/v1/claims"_s && isPost) {
        name = path;
        handler = [&] {
            return importClaims(request, *user);
        };
    } else if (path == u"/v1/acknowledgments"_s && isPost) {
        name = path;
        handler = [&] {
            return importAcknowledgments(request, *user);
        };
    } else if (path == u"/v1/contracts"_s && isPost) {
        name = path;
        handler = [&] {
            return importContracts(request, *user);
        };
    } else if (heldMatch.hasMatch() && isPost) {
        name = u"/v1/remittances/{id}/release"_s;
        handler = [&] {
            return releaseRemittance(heldMatch.captured(1), request, *user);
        };
    } else if (path == u"/v1/exports"_s && isPost) {
        name = path;
        handler = [&] {
            Problem problem;
            const std::optional<QJsonObject> body = jsonBody(request, &problem);
            if (!body)
                return problemResponse(problem);
            return exportAnswer(ExportRegister(m_store).registerExport(*body, *user, QDateTime::currentDateTimeUtc()));
        };
    } else if (exportMatch.hasMatch() && isGet) {
        name = u"/v1/exports/{sha256}"_s;
        handler = [&] {
            return exportAnswer(ExportRegister(m_store).lookUp(exportMatch.captured(1)));
        };
    } else if (reportMatch.hasMatch() && isGet) {
        name = u"/v1/reports/{name}"_s;
        handler = [&] {
            return report(reportMatch.captured(1), request, *user);
        };
    } else if (path == u"/v1/reference/reason-codes"_s && isGet) {
        name = path;
        handler = [&] {
            return reasonCodes();
        };
    }
    static const QRegularExpression emergencyPath(u"^/v1/users/([A-Za-z0-9._-]{1,64})/emergency-access$"_s);
    if (const QRegularExpressionMatch emergency = emergencyPath.match(path);
        emergency.hasMatch() && (isPost || request.method == "DELETE")) {
        name = u"/v1/users/{id}/emergency-access"_s;
        handler = [&, id = emergency.captured(1)] {
            return isPost ? grantEmergencyAccess(id, request, *user) : endEmergencyAccess(id, *user);
        };
    }
    if (!handler) {
        // The ingest routes check who may send items themselves (workqueueapisources.cpp).
        if (std::optional<ApiResponse> answer = sourceRoute(request, user, &name); answer || !name.isEmpty()) {
            if (!answer)
                return route(name, problemResponse(unauthorized()));
            response = route(name, *answer);
            response.userId = user->id;
            return response;
        }
        return route(
            u"(unknown)"_s,
            problemResponse(problem(404, u"not-found"_s, u"No such resource"_s,
                                    u"%1 %2 is not part of the API"_s.arg(QString::fromLatin1(request.method), path))));
    }
    if (!user)
        return route(name, problemResponse(unauthorized()));
    if (const std::optional<Problem> refused = serviceAccountRefusal(name, *user)) {
        response = route(name, problemResponse(*refused));
        response.userId = user->id;
        return response;
    }
    response = route(name, handler());
    response.userId = user->id;
    // Items opened, for the session's read summary (the pages are noted by listChanges).
    if (response.status == 200 && match.hasMatch() && isGet) {
        const QString view = match.captured(2).isEmpty() ? u"item"_s : match.captured(2).mid(1);
        m_store.readSummaries().recordOpened(m_sessionReference, user->id, match.captured(1), view,
                                             QDateTime::currentDateTimeUtc());
        summariseIfFull();
    }
    return response;
}

std::optional<User> WorkQueueApi::signedInUser(const ApiRequest &request)
{
    const QByteArray authorization = request.headers.value("authorization");
    if (authorization.size() > 7 && authorization.first(7).toLower() == "bearer ")
        return m_signIn.userFor(QString::fromLatin1(authorization.mid(7).trimmed()));
    return std::nullopt;
}

std::optional<ApiResponse> WorkQueueApi::refuseUpload(const ApiRequest &request, qint64 length)
{
    m_correlationId = request.correlationId;
    const QString route = request.path;
    if (!takesFile(request.method, request.path.toLatin1())) {
        ApiResponse refusal = problemResponse(problem(
            404, u"not-found"_s, u"No such resource"_s,
            u"Only POST /v1/remittances, /v1/claims, /v1/acknowledgments and a source's work-items:batch take a "
            "file-sized body"_s));
        refusal.route = u"(unknown)"_s;
        return refusal;
    }
    const std::optional<User> user = signedInUser(request);
    std::optional<Problem> refused = user ? uploadRefusal(route, *user, length) : std::optional(unauthorized());
    if (!refused)
        return std::nullopt;
    ApiResponse refusal = problemResponse(*refused);
    refusal.route = route;
    refusal.userId = user ? user->id : QString();
    return refusal;
}

ApiResponse WorkQueueApi::health()
{
    return json(QJsonObject {{u"status"_s, u"ok"_s}, {u"version"_s, QCoreApplication::applicationVersion()}});
}

bool WorkQueueApi::isSignIn(const ApiRequest &request)
{
    return request.method == "POST" && request.path == u"/v1/session"_s;
}

std::variant<ApiResponse, SignInDesk::Pending> WorkQueueApi::beginSignIn(const ApiRequest &request)
{
    m_correlationId = request.correlationId;
    Problem problem;
    const std::optional<QJsonObject> body = jsonBody(request, &problem);
    if (!body) {
        ApiResponse refused = problemResponse(problem);
        refused.route = request.path;
        return refused;
    }
    return m_signIn.begin(request, *body);
}

ApiResponse WorkQueueApi::finishSignIn(const SignInDesk::Pending &pending, bool passwordMatches)
{
    return m_signIn.finish(pending, passwordMatches);
}

ApiResponse WorkQueueApi::session(const ApiRequest &request)
{
    if (request.method == "POST") {
        // Here the password is checked on this thread; GatewayServer checks it on a pool.
        auto begun = beginSignIn(request);
        if (auto *answer = std::get_if<ApiResponse>(&begun))
            return *answer;
        const auto &pending = std::get<SignInDesk::Pending>(begun);
        return finishSignIn(pending, PasswordHasher::verify(pending.password, pending.stored));
    }
    if (request.method == "DELETE") {
        const std::optional<User> user = signedInUser(request);
        if (!user)
            return problemResponse(unauthorized());
        return m_signIn.signOut(request, QString::fromLatin1(request.headers.value("authorization").mid(7).trimmed()),
                                *user);
    }
    return problemResponse(problem(405, u"method-not-allowed"_s, u"Use POST to sign in or DELETE to sign out"_s));
}

ApiResponse WorkQueueApi::policy()
{
    return json(QJsonObject {{u"autoLockMinutesMax"_s, m_options.autoLockMinutesMax},
                             {u"offlineUnlockHours"_s, m_options.offlineUnlockHours},
                             {u"sessionIdleMinutes"_s, qint64(m_options.sessionIdle.count() / 60)},
                             {u"sessionAbsoluteHours"_s, qint64(m_options.sessionLifetime.count() / 3600)}});
}

ApiResponse WorkQueueApi::listChanges(const ApiRequest &request, const User &user)
{
    qint64 after = 0;
    const QString cursor = request.query.queryItemValue(u"cursor"_s);
    if (!cursor.isEmpty()) {
        const auto decoded = decodeCursor(cursor);
        if (!decoded)
            return problemResponse(problem(400, u"invalid-cursor"_s, u"Invalid cursor"_s,
                                           u"Use a nextCursor from an earlier reply, or none for a full sync"_s));
        after = *decoded;
        // A cursor of 0 (from a full sync of an empty view) is a full sync again.
        if (after > 0 && after < m_store.purgedThrough()) {
            return problemResponse(problem(410, u"resync-required"_s, u"Resync required"_s,
                                           u"This cursor is older than the changes the server keeps; start a full "
                                           "sync with an empty cursor and keep unsent actions"_s));
        }
        // A cursor from the future: this database was restored from a backup taken before
        // the changes the client has seen. Answering "nothing new" would strand the client
        // on items the server no longer has, and hide every change numbered below it.
        store::StoreError error;
        const std::optional<qint64> latest = m_store.latestSequence(&error);
        if (!latest)
            return problemResponse(problem(503, u"store-error"_s, u"Try again"_s, error.message()));
        if (after > *latest) {
            return problemResponse(problem(410, u"resync-required"_s, u"Resync required"_s,
                                           u"This cursor is ahead of the server's changes (the server was restored "
                                           "from a backup); start a full sync with an empty cursor and keep unsent "
                                           "actions"_s));
        }
    }
    int limit = m_options.defaultPageSize;
    if (request.query.hasQueryItem(u"limit"_s)) {
        bool ok = false;
        limit = request.query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > m_options.maximumPageSize) {
            return problemResponse(
                problem(400, u"invalid-limit"_s, u"Invalid limit"_s,
                        u"limit must be a whole number from 1 to %1"_s.arg(m_options.maximumPageSize)));
        }
    }
    store::StoreError error;
    const auto page = m_changeFeed.page(user, after, limit, &error);
    if (!page)
        return problemResponse(problem(503, u"store-error"_s, u"Try again"_s, error.message()));
    ApiResponse response;
    response.body.reserve(page->items.size() + 100);
    response.body += "{\"hasMore\":";
    response.body += page->hasMore ? "true" : "false";
    response.body += ",\"items\":[";
    response.body += page->items;
    response.body += "],\"nextCursor\":\"" + encodeCursor(page->lastSequence).toLatin1() + "\"}";
    m_store.readSummaries().recordPage(m_sessionReference, user.id, after, page->lastSequence, page->count,
                                       page->queues, QDateTime::currentDateTimeUtc());
    summariseIfFull();
    return response;
}

ApiResponse WorkQueueApi::getItem(const QString &id, const User &user)
{
    const std::optional<WorkItem> item = m_store.item(id);
    if (!item || !ActionPolicy::canView(user.role, item->queue))
        return problemResponse(problem(404, u"not-found"_s, u"No such work item"_s));
    ApiResponse response = json(api::toJson(*item));
    response.headers.append({QByteArray("ETag"), etagFor(item->version)});
    return response;
}

ApiResponse WorkQueueApi::postAction(const ApiRequest &request, const QString &id, const User &user)
{
    // A workbench's outbox names who wrote the action: sent in someone else's session (another
    // person signed in on the same workstation) it would be audited as theirs. Without the
    // header (older clients, scripts) the session's user is the author, as before.
    if (request.headers.contains("x-rcm-author")
        && QString::fromUtf8(request.headers.value("x-rcm-author").trimmed()) != user.id) {
        return problemResponse(problem(403, u"author-mismatch"_s, u"Not the author's session"_s,
                                       u"Another user wrote this action (X-RCM-Author); it is not taken in your "
                                       "session. Its author sends it, or you check it and retry it as yours"_s));
    }
    const QByteArray key = request.headers.value("idempotency-key").trimmed();
    static const QRegularExpression validKey(u"^[A-Za-z0-9._:-]{8,128}$"_s);
    if (!validKey.match(QString::fromLatin1(key)).hasMatch()) {
        return problemResponse(problem(400, u"idempotency-key-required"_s, u"Idempotency-Key required"_s,
                                       u"Send an Idempotency-Key header of 8 to 128 letters, digits or ._:-"_s));
    }
    if (!request.headers.contains("if-match")) {
        return problemResponse(problem(428, u"if-match-required"_s, u"If-Match required"_s,
                                       u"Send If-Match with the ETag of the item version the action is based on"_s));
    }
    const auto expectedVersion = versionFromIfMatch(request.headers.value("if-match"));
    if (!expectedVersion) {
        return problemResponse(problem(400, u"invalid-if-match"_s, u"Invalid If-Match"_s,
                                       u"If-Match must be one strong ETag such as \"3\""_s));
    }
    Problem problem;
    const std::optional<QJsonObject> body = jsonBody(request, &problem);
    if (!body)
        return problemResponse(problem);
    const std::optional<ActionRequest> action = ActionPolicy::parseAction(*body, &problem);
    if (!action)
        return problemResponse(problem);

    // The key covers what is asked and of which item, not the version it was based on,
    // so that a retry after a conflict may reuse it.
    const QByteArray requestHash
        = QCryptographicHash::hash(QByteArray(id.toUtf8() + '\n' + QJsonDocument(*body).toJson(QJsonDocument::Compact)),
                                   QCryptographicHash::Sha256)
              .toHex();
    const GatewayStore::ActionOutcome outcome = m_store.applyAction(
        user, id, QString::fromLatin1(key), requestHash, *expectedVersion, *action, QDateTime::currentDateTimeUtc());
    if (outcome.problem) {
        Problem failure = *outcome.problem;
        if (failure.status == 412)
            failure.extra.insert(u"currentItem"_s, api::toJson(outcome.item));
        ApiResponse response = problemResponse(failure);
        if (failure.status == 412)
            response.headers.append({QByteArray("ETag"), etagFor(outcome.item.version)});
        return response;
    }
    ApiResponse response = json(api::toJson(outcome.item), outcome.status);
    response.headers.append({QByteArray("ETag"), etagFor(outcome.item.version)});
    if (outcome.replayed)
        response.headers.append({QByteArray("Idempotent-Replayed"), QByteArray("true")});
    return response;
}

ApiResponse WorkQueueApi::history(const QString &id, const User &user)
{
    const std::optional<WorkItem> item = m_store.item(id);
    if (!item || !ActionPolicy::canView(user.role, item->queue))
        return problemResponse(problem(404, u"not-found"_s, u"No such work item"_s));
    store::StoreError error;
    const QList<AuditEvent> events = m_store.history(id, &error);
    if (error)
        return problemResponse(problem(503, u"store-error"_s, u"Try again"_s, error.message()));
    QJsonArray entries;
    for (const AuditEvent &event : events)
        entries.append(historyEntry(event));
    return json(QJsonObject {{u"id"_s, id}, {u"history"_s, entries}});
}

ApiResponse WorkQueueApi::payments(const QString &id, const User &user)
{
    const std::optional<WorkItem> item = m_store.item(id);
    if (!item || !ActionPolicy::canView(user.role, item->queue))
        return problemResponse(problem(404, u"not-found"_s, u"No such work item"_s));
    store::StoreError error;
    const QList<models::PostedPayment> posted = ClaimRegister(m_store.database()).payments(item->claimNumber, &error);
    if (error)
        return problemResponse(problem(503, u"store-error"_s, u"Try again"_s, error.message()));
    QJsonArray entries;
    for (const models::PostedPayment &payment : posted) {
        entries.append(QJsonObject {
            {u"traceNumber"_s, payment.traceNumber},
            {u"paymentDate"_s,
             payment.paymentDate.isValid() ? QJsonValue(payment.paymentDate.toString(Qt::ISODate)) : QJsonValue()},
            {u"status"_s, payment.statusCode},
            {u"charge"_s, payment.charge.toString()},
            {u"paid"_s, payment.paid.toString()},
            {u"patientResponsibility"_s, payment.patientResponsibility.toString()},
            {u"reversed"_s, payment.reversed},
        });
    }
    return json(QJsonObject {{u"id"_s, id}, {u"payments"_s, entries}});
}

ApiResponse WorkQueueApi::payers()
{
    QJsonArray result;
    for (const Payer &payer : m_store.payers())
        result.append(api::toJson(payer));
    return json(result);
}

ApiResponse WorkQueueApi::reasonCodes()
{
    QJsonArray result;
    for (const reference::ReasonCode &code : reference::ReasonCodeCatalogue::builtIn().codes()) {
        result.append(QJsonObject {
            {u"kind"_s, code.kind == reference::ReasonCode::Kind::Carc ? u"carc"_s : u"rarc"_s},
            {u"code"_s, code.code},
            {u"family"_s, code.family},
            {u"description"_s, code.description},
            {u"start"_s, code.start.isValid() ? QJsonValue(code.start.toString(Qt::ISODate)) : QJsonValue()},
            {u"stop"_s, code.stop.isValid() ? QJsonValue(code.stop.toString(Qt::ISODate)) : QJsonValue()}});
    }
    return json(result);
}

ApiResponse WorkQueueApi::importRemittance(const ApiRequest &request, const User &user)
{
    if (const std::optional<Problem> refused = importRefusal(user, request.bodySize()))
        return problemResponse(*refused);
    if (request.bodySize() == 0)
        return problemResponse(problem(400, u"empty-body"_s, u"No file"_s, u"Send the 835 file as the body"_s));
    const bool preview = request.query.queryItemValue(u"preview"_s) == u"true"_s;
    const RemittancePoster::Mode mode = preview ? RemittancePoster::Mode::Preview : RemittancePoster::Mode::Post;
    RemittancePoster poster(
        m_store,
        {m_options.acceptTestInterchanges ? posting::TestInterchanges::Accept : posting::TestInterchanges::Refuse});
    const RemittancePoster::Result result
        = request.bodyFile ? poster.import(request.bodyFile, user, mode) : poster.import(request.body, user, mode);
    switch (result.outcome) {
    case RemittancePoster::Result::Outcome::Posted:
        return json(result.report, 201);
    case RemittancePoster::Result::Outcome::Previewed:
        return json(result.report, 200);
    case RemittancePoster::Result::Outcome::AllDuplicates: {
        Problem duplicate = problem(409, u"duplicate-remittance"_s, u"Already posted"_s,
                                    u"Every transaction in this file was posted before (same trace number and payer); "
                                    "nothing was posted again"_s);
        duplicate.extra = QJsonObject {{u"report"_s, result.report}};
        return problemResponse(duplicate);
    }
    case RemittancePoster::Result::Outcome::Unreadable: {
        Problem unreadable = problem(422, u"unreadable-remittance"_s, u"Not a usable 835"_s,
                                     u"No transaction of this file can be posted, so nothing was posted%1"_s.arg(
                                         result.error.isEmpty() ? QString() : u": "_s + result.error));
        unreadable.extra = QJsonObject {{u"report"_s, result.report}};
        return problemResponse(unreadable);
    }
    case RemittancePoster::Result::Outcome::NotFound: // only from a release
    case RemittancePoster::Result::Outcome::NotHeld:
    case RemittancePoster::Result::Outcome::Failed:
        break;
    }
    return problemResponse(problem(503, u"store-error"_s, u"Could not post"_s, result.error));
}

ApiResponse WorkQueueApi::releaseRemittance(const QString &id, const ApiRequest &request, const User &user)
{
    // The people who post remittances release a held one; the audit names them.
    if (user.role != models::Role::CashPoster && user.role != models::Role::Supervisor) {
        return problemResponse(problem(403, u"forbidden"_s, u"Not allowed"_s,
                                       u"Only cash posters and supervisors release held remittances"_s));
    }
    Problem bad;
    const std::optional<QJsonObject> body = jsonBody(request, &bad);
    if (!body)
        return problemResponse(bad);
    const QString note = body->value(u"note"_s).toString().trimmed();
    if (note.isEmpty() || note.size() > 2000) {
        return problemResponse(problem(400, u"note-required"_s, u"Say why"_s,
                                       u"Releasing a held remittance needs a note (up to 2000 characters) saying why "
                                       "the difference is accepted"_s));
    }
    const RemittancePoster::Result result = RemittancePoster(m_store).release(id.toLongLong(), user, note);
    switch (result.outcome) {
    case RemittancePoster::Result::Outcome::Posted:
        return json(result.report, 200);
    case RemittancePoster::Result::Outcome::NotFound:
        return problemResponse(
            problem(404, u"not-found"_s, u"No such held remittance"_s, u"No remittance %1 was ever held"_s.arg(id)));
    case RemittancePoster::Result::Outcome::NotHeld:
        return problemResponse(problem(409, u"not-held"_s, u"Not held"_s,
                                       u"Remittance %1 is no longer held: it was released or replaced"_s.arg(id)));
    case RemittancePoster::Result::Outcome::Previewed:
    case RemittancePoster::Result::Outcome::AllDuplicates:
    case RemittancePoster::Result::Outcome::Unreadable:
    case RemittancePoster::Result::Outcome::Failed:
        break;
    }
    return problemResponse(problem(503, u"store-error"_s, u"Could not release"_s, result.error));
}

std::optional<Problem> WorkQueueApi::importRefusal(const User &user, qint64 length) const
{
    // Cash posters post remittances; supervisors and the integration account may too.
    if (!ActionPolicy::mayPostRemittances(user.role))
        return problem(403, u"forbidden"_s, u"Not allowed"_s,
                       u"Only cash posters, supervisors and the integration account import remittances"_s);
    if (length > m_options.maximumRemittanceBytes) {
        return problem(413, u"body-too-large"_s, u"Request too large"_s,
                       u"An 835 file may be at most %1 bytes"_s.arg(m_options.maximumRemittanceBytes));
    }
    return std::nullopt;
}

ApiResponse WorkQueueApi::report(const QString &name, const ApiRequest &request, const User &user)
{
    // Every signed-in user may ask; GatewayReports narrows the rows to their own work
    // unless they supervise or work in finance.
    const GatewayReports::Outcome outcome = GatewayReports(m_store.database()).run(name, request.query, user);
    if (outcome.problem)
        return problemResponse(*outcome.problem);
    return json(outcome.result->toJson());
}

std::optional<QJsonObject> WorkQueueApi::jsonBody(const ApiRequest &request, Problem *result) const
{
    if (request.body.size() > m_options.maximumBodyBytes) {
        *result = problem(413, u"body-too-large"_s, u"Request too large"_s,
                          u"The body may be at most %1 bytes"_s.arg(m_options.maximumBodyBytes));
        return std::nullopt;
    }
    const QByteArray contentType = request.headers.value("content-type").split(';').constFirst().trimmed().toLower();
    if (contentType != "application/json") {
        *result = problem(415, u"unsupported-media-type"_s, u"JSON required"_s, u"Send the body as application/json"_s);
        return std::nullopt;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        *result = problem(400, u"malformed-json"_s, u"Malformed JSON"_s,
                          u"%1 at byte %2"_s.arg(error.errorString()).arg(error.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *result = problem(400, u"malformed-json"_s, u"Malformed JSON"_s, u"The body must be a JSON object"_s);
        return std::nullopt;
    }
    return document.object();
}

ApiResponse WorkQueueApi::json(const QJsonObject &object, int status) const
{
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

ApiResponse WorkQueueApi::json(const QJsonArray &array) const
{
    ApiResponse response;
    response.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return response;
}

void WorkQueueApi::summariseIfFull()
{
    if (!m_store.readSummaries().isFull(m_sessionReference))
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const store::StoreError error = m_store.readSummaries().flush(m_store, now, m_sessionReference))
        qCWarning(lcGateway).noquote() << "Writing a read summary failed; kept for the upkeep:" << error.message();
}

ApiResponse WorkQueueApi::problemResponse(const Problem &problem) const
{
    ApiResponse response;
    response.status = problem.status;
    response.contentType = "application/problem+json";
    if (problem.status >= 500) {
        // What the database said (statements, table names) is for the log, under the
        // correlation id the client can quote; the answer says only what to do.
        qCWarning(lcGateway).noquote() << "Request" << m_correlationId << "answered" << problem.status << problem.type
                                       << "because:" << problem.detail;
        Problem answered = problem;
        answered.detail = u"The gateway could not complete this request; try again. If it keeps failing, give "
                          "the administrator the correlation id %1."_s.arg(m_correlationId);
        response.body = QJsonDocument(answered.toJson(m_correlationId)).toJson(QJsonDocument::Compact);
        return response;
    }
    response.body = QJsonDocument(problem.toJson(m_correlationId)).toJson(QJsonDocument::Compact);
    return response;
}

} // namespace rcm::server
