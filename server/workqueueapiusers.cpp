// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Work Queue API's routes about people: the team list, emergency access, and what a
// service account may not do (docs/emergency-access.md). The rest is in workqueueapi.cpp.
#include "server/workqueueapi.h"

#include "server/useradministration.h"
#include "services/api/workitemjson.h"
#include "services/rules/actionpolicy.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using namespace rcm::models;

ApiResponse WorkQueueApi::users(const User &viewer)
{
    store::StoreError error;
    const auto team = m_store.usersWithOpenWork(&error);
    if (error)
        return problemResponse(problem(503, u"store-error"_s, u"Try again"_s, error.message()));
    // A login name is half of a sign-in: only supervisors, who manage the team, see them.
    const bool showsLogins = viewer.role == Role::Supervisor;
    QJsonArray result;
    for (const auto &[member, openItems] : team) {
        QJsonObject entry = api::toJson(member);
        if (!showsLogins)
            entry.remove(u"username"_s);
        entry.insert(u"openItems"_s, openItems);
        result.append(entry);
    }
    return json(result);
}

namespace {

QJsonObject emergencyAccessJson(const UserAccount &account)
{
    QJsonObject entry {{u"id"_s, account.user.id},
                       {u"username"_s, account.user.username},
                       {u"role"_s, QString(wireName(account.user.role))}};
    if (account.emergencyRole && account.emergencyUntil.isValid()) {
        entry.insert(u"emergencyAccess"_s,
                     QJsonObject {{u"role"_s, QString(wireName(*account.emergencyRole))},
                                  {u"until"_s, account.emergencyUntil.toString(Qt::ISODateWithMs)},
                                  {u"reason"_s, account.emergencyReason},
                                  {u"grantedBy"_s, account.emergencyGrantedBy}});
    } else {
        entry.insert(u"emergencyAccess"_s, QJsonValue::Null);
    }
    return entry;
}

Problem refusalProblem(const UserAdministration::Refusal &refusal)
{
    using Kind = UserAdministration::Refusal::Kind;
    switch (refusal.kind) {
    case Kind::Invalid:
        return problem(422, u"invalid-request"_s, u"Invalid emergency access request"_s, refusal.message);
    case Kind::NotFound:
        return problem(404, u"not-found"_s, u"No such user"_s, refusal.message);
    case Kind::Conflict:
        return problem(409, u"conflict"_s, u"Not possible for this user"_s, refusal.message);
    case Kind::Store:
        break;
    }
    return problem(503, u"store-error"_s, u"Try again"_s, refusal.message);
}

Problem onlySupervisorsGrant()
{
    return problem(403, u"forbidden"_s, u"Not allowed"_s,
                   u"Only a supervisor in their own right (not through emergency access) grants or ends emergency "
                   "access"_s);
}

} // namespace

bool WorkQueueApi::isSupervisorInOwnRight(const User &user)
{
    if (user.role != Role::Supervisor)
        return false;
    const std::optional<UserAccount> account = UserAdministration(m_store, user.id).accountById(user.id);
    return account && account->user.role == Role::Supervisor;
}

ApiResponse WorkQueueApi::grantEmergencyAccess(const QString &id, const ApiRequest &request, const User &user)
{
    if (!isSupervisorInOwnRight(user))
        return problemResponse(onlySupervisorsGrant());
    Problem bad;
    const std::optional<QJsonObject> body = jsonBody(request, &bad);
    if (!body)
        return problemResponse(bad);
    const auto role = fromWireName<Role>(body->value(u"role"_s).toString());
    const QJsonValue minutes = body->value(u"minutes"_s);
    for (auto it = body->begin(); it != body->end(); ++it) {
        if (it.key() != u"role"_s && it.key() != u"minutes"_s && it.key() != u"reason"_s) {
            return problemResponse(problem(422, u"invalid-request"_s, u"Invalid emergency access request"_s,
                                           u"\"%1\" is not a field; send role, minutes and reason"_s.arg(it.key())));
        }
    }
    if (!role || !minutes.isDouble() || minutes.toDouble() != double(minutes.toInt())
        || !body->value(u"reason"_s).isString()) {
        return problemResponse(problem(422, u"invalid-request"_s, u"Invalid emergency access request"_s,
                                       u"Send {\"role\": a role, \"minutes\": 1-%1, \"reason\": text}"_s.arg(
                                           UserAdministration::maximumEmergencyMinutes)));
    }
    UserAdministration administration(m_store, user.id);
    const auto granted
        = administration.grantEmergencyAccess(id, {*role, minutes.toInt(), body->value(u"reason"_s).toString()});
    if (granted.refusal)
        return problemResponse(refusalProblem(*granted.refusal));
    return json(emergencyAccessJson(*granted.value));
}

ApiResponse WorkQueueApi::endEmergencyAccess(const QString &id, const User &user)
{
    if (!isSupervisorInOwnRight(user))
        return problemResponse(onlySupervisorsGrant());
    UserAdministration administration(m_store, user.id);
    const auto ended = administration.endEmergencyAccess(id);
    if (ended.refusal)
        return problemResponse(refusalProblem(*ended.refusal));
    return json(emergencyAccessJson(*ended.value));
}

std::optional<Problem> WorkQueueApi::serviceAccountRefusal(const QString &route, const User &user) const
{
    // The integration account sends files in; it reads nothing of the work queue.
    if (ActionPolicy::worksQueues(user.role) || route == u"/v1/remittances"_s || route == u"/v1/claims"_s
        || route == u"/v1/acknowledgments"_s || route == u"/v1/contracts"_s)
        return std::nullopt;
    return problem(403, u"forbidden"_s, u"Not allowed"_s,
                   u"A service account posts files; it does not read work items, users or reports"_s);
}

} // namespace rcm::server
