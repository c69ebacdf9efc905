// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/signindesk.h"

#include "server/gatewayserver.h"
#include "server/workqueueapi.h"
#include "services/api/workitemjson.h"
#include "services/store/transactionguard.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::ActionType;
using models::User;

namespace {

/// Who the audit names as the actor of an attempt nobody is signed in for yet.
const QString nobody = u"anonymous"_s;

ApiResponse answer(const QJsonObject &object, int status = 200)
{
    ApiResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    response.route = u"/v1/session"_s;
    return response;
}

ApiResponse problemAnswer(const Problem &problem, const QString &correlationId)
{
    ApiResponse response;
    response.status = problem.status;
    response.contentType = "application/problem+json";
    Problem answered = problem;
    if (problem.type == u"store-error"_s) {
        // What the database said is for the log, as WorkQueueApi::problemResponse does.
        qCWarning(lcGateway).noquote() << "Sign-in" << correlationId << "answered" << problem.status << problem.type
                                       << "because:" << problem.detail;
        answered.detail = u"The gateway could not complete this request; try again. If it keeps failing, give "
                          "the administrator the correlation id %1."_s.arg(correlationId);
    }
    response.body = QJsonDocument(answered.toJson(correlationId)).toJson(QJsonDocument::Compact);
    response.route = u"/v1/session"_s;
    return response;
}

Problem wrongCredentials()
{
    return problem(401, u"invalid-credentials"_s, u"Sign-in failed"_s, u"The user name or password is wrong"_s);
}

/// The subject of an attempt's audit entry: the user's sessions, or for a name no user
/// has only a hash of it (a mistyped name may well be a password).
QString subjectOf(const SignInDesk::Pending &attempt)
{
    return attempt.user ? u"session:"_s + attempt.user->id : u"signin:"_s + attempt.nameKey;
}

} // namespace

SignInDesk::SignInDesk(GatewayStore &store, Options options)
    : m_store(store)
    , m_options(std::move(options))
    , m_throttle(store.database(), m_options.limits)
{ }

QDateTime SignInDesk::now() const
{
    return m_options.clock ? m_options.clock().toUTC() : QDateTime::currentDateTimeUtc();
}

std::variant<ApiResponse, SignInDesk::Pending> SignInDesk::begin(const ApiRequest &request, const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if ((it.key() != u"username"_s && it.key() != u"password"_s) || !it.value().isString()) {
            return problemAnswer(problem(422, u"invalid-request"_s, u"Invalid sign-in request"_s,
                                         u"Send {\"username\": string, \"password\": string} only"_s),
                                 request.correlationId);
        }
    }
    const QString username = body.value(u"username"_s).toString();
    Pending attempt;
    attempt.password = body.value(u"password"_s).toString();
    if (username.isEmpty() || attempt.password.isEmpty()) {
        return problemAnswer(
            problem(422, u"invalid-request"_s, u"Invalid sign-in request"_s, u"username and password are required"_s),
            request.correlationId);
    }
    attempt.nameKey = SignInThrottle::nameKey(username, m_store.auditKey());
    attempt.address = request.clientAddress;
    attempt.correlationId = request.correlationId;
    store::StoreError error;
    const std::optional<GatewayStore::Credentials> credentials = m_store.credentials(username, &error);
    if (error) {
        return problemAnswer(problem(503, u"store-error"_s, u"Try again"_s, error.message()), request.correlationId);
    }
    if (credentials) {
        attempt.user = credentials->user;
        attempt.stored = credentials->stored;
    } else {
        attempt.stored = PasswordHasher::decoy(m_store.strongestIterations());
    }
    if (const std::optional<SignInThrottle::Refusal> refusal
        = m_throttle.refusal(attempt.address, attempt.nameKey, now(), &error)) {
        return refuse(attempt, *refusal);
    }
    if (error) {
        return problemAnswer(problem(503, u"store-error"_s, u"Try again"_s, error.message()), request.correlationId);
    }
    if (m_checkingNames.contains(attempt.nameKey)
        || m_checkingAddresses.value(attempt.address) >= maximumChecksPerAddress) {
        ApiResponse response = problemAnswer(
            problem(429, u"sign-in-in-progress"_s, u"A sign-in is already being checked"_s,
                    u"Wait for the answer to the sign-in already sent with this name or from this address"_s),
            request.correlationId);
        response.headers.append({QByteArray("Retry-After"), QByteArray("1")});
        return response;
    }
    ++m_checkingNames[attempt.nameKey];
    ++m_checkingAddresses[attempt.address];
    return attempt;
}

void SignInDesk::checked(const Pending &attempt)
{
    for (auto *checking : {&m_checkingNames, &m_checkingAddresses}) {
        const QString &key = checking == &m_checkingNames ? attempt.nameKey : attempt.address;
        if (auto at = checking->find(key); at != checking->end() && --*at <= 0)
            checking->erase(at);
    }
}

ApiResponse SignInDesk::refuse(const Pending &attempt, const SignInThrottle::Refusal &refusal)
{
    const bool locked = refusal.reason == SignInThrottle::Refusal::Reason::Locked;
    if (refusal.first)
        audit(attempt, ActionType::SignInFailed, locked ? u"locked"_s : u"rate-limited"_s);
    Problem refused = locked
        ? problem(429, u"sign-in-locked"_s, u"Too many failed sign-ins"_s,
                  u"Sign-in with this user name is locked after repeated failures; try again in %1 seconds"_s.arg(
                      refusal.retryAfter.count()))
        : problem(
            429, u"sign-in-rate-limited"_s, u"Too many failed sign-ins"_s,
            u"Too many failed sign-ins from this address; try again in %1 seconds"_s.arg(refusal.retryAfter.count()));
    refused.extra.insert(u"retryAfter"_s, qint64(refusal.retryAfter.count()));
    ApiResponse response = problemAnswer(refused, attempt.correlationId);
    response.headers.append({QByteArray("Retry-After"), QByteArray::number(qint64(refusal.retryAfter.count()))});
    return response;
}

ApiResponse SignInDesk::finish(const Pending &pending, bool passwordMatches)
{
    checked(pending);
    const QDateTime at = now();
    const bool signedIn = passwordMatches && pending.user;
    store::TransactionGuard transaction(m_store.database().connection());
    store::StoreError error = transaction.beginError();
    QString token;
    if (!error && signedIn) {
        error = m_throttle.recordSuccess(pending.nameKey);
        if (!error)
            token = m_store.createSession(pending.user->id, m_options.sessionLifetime, &error, at);
        if (!error)
            error = audit(pending, ActionType::SignIn, {});
    } else if (!error) {
        error = m_throttle.recordFailure(pending.address, pending.nameKey, at);
        if (!error)
            error = audit(pending, ActionType::SignInFailed, pending.user ? u"wrong-password"_s : u"unknown-user"_s);
    }
    if (!error)
        error = transaction.commit();
    if (error)
        return problemAnswer(problem(503, u"store-error"_s, u"Try again"_s, error.message()), pending.correlationId);
    if (!signedIn)
        return problemAnswer(wrongCredentials(), pending.correlationId);
    ApiResponse response = answer(
        QJsonObject {{u"token"_s, token},
                     {u"expiresAt"_s, at.addSecs(m_options.sessionLifetime.count()).toString(Qt::ISODateWithMs)},
                     {u"user"_s, api::toJson(*pending.user)}});
    response.userId = pending.user->id;
    return response;
}

ApiResponse SignInDesk::busy(const ApiRequest &request, const Pending &pending)
{
    checked(pending);
    ApiResponse response = problemAnswer(problem(503, u"sign-in-busy"_s, u"Too many sign-ins at once"_s,
                                                 u"The gateway is checking too many passwords; try again shortly"_s),
                                         request.correlationId);
    response.headers.append({QByteArray("Retry-After"), QByteArray("1")});
    return response;
}

std::optional<User> SignInDesk::userFor(const QString &token)
{
    return m_store.userForSession(token, now(), m_options.sessionIdle);
}

ApiResponse SignInDesk::signOut(const ApiRequest &request, const QString &token, const User &user)
{
    store::TransactionGuard transaction(m_store.database().connection());
    store::StoreError error = transaction.beginError();
    if (!error)
        m_store.endSession(token, &error);
    if (!error) {
        error = m_store.appendAuditEntry(u"session:"_s + user.id, user.id, ActionType::SignOut, 0,
                                         QJsonObject {{u"address"_s, request.clientAddress}}, now());
    }
    if (!error)
        error = transaction.commit();
    if (error)
        return problemAnswer(problem(503, u"store-error"_s, u"Try again"_s, error.message()), request.correlationId);
    ApiResponse response;
    response.status = 204;
    response.contentType.clear();
    response.route = u"/v1/session"_s;
    response.userId = user.id;
    return response;
}

store::StoreError SignInDesk::audit(const Pending &attempt, ActionType type, const QString &reason)
{
    QJsonObject details {{u"address"_s, attempt.address}};
    if (!reason.isEmpty())
        details.insert(u"reason"_s, reason);
    const QString actor = type == ActionType::SignIn ? attempt.user->id : nobody;
    return m_store.appendAuditEntry(subjectOf(attempt), actor, type, 0, details, now());
}

} // namespace rcm::server
