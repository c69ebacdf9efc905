// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/useradministration.h"

#include "server/gatewaystore.h"
#include "server/passwordpolicy.h"
#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::ActionType;
using models::Role;
using models::User;
using Refusal = UserAdministration::Refusal;

namespace {

constexpr auto accountColumns = "id, username, display_name, role, active, demo, password_hash IS NOT NULL, "
                                "expires_at, emergency_role, emergency_until, emergency_reason, emergency_granted_by";

QString utcText(const QDateTime &time)
{
    return QString::fromLatin1(store::isoTimestamp(time));
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

UserAccount accountFromQuery(const QSqlQuery &query)
{
    UserAccount account;
    account.user
        = User {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                models::fromWireName<Role>(query.value(3).toString()).value_or(Role::Biller), query.value(4).toBool()};
    account.demo = query.value(5).toBool();
    account.canSignIn = query.value(6).toBool();
    account.expiresAt = timeFrom(query.value(7));
    if (!query.value(8).isNull())
        account.emergencyRole = models::fromWireName<Role>(query.value(8).toString());
    account.emergencyUntil = timeFrom(query.value(9));
    account.emergencyReason = query.value(10).toString();
    account.emergencyGrantedBy = query.value(11).toString();
    return account;
}

Refusal storeRefusal(const QString &message)
{
    return {Refusal::Kind::Store, message};
}

Refusal noSuchUser(const QString &name)
{
    return {Refusal::Kind::NotFound, u"There is no user %1"_s.arg(name)};
}

QString newUserId()
{
    QByteArray random(6, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return u"USR-"_s + QString::fromLatin1(random.toHex().toUpper());
}

QString newPassword()
{
    QByteArray random(18, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    return QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

UserAdministration::UserAdministration(GatewayStore &store, QString actorId, QJsonObject actorDetails,
                                       int passwordIterations)
    : m_store(store)
    , m_actorId(std::move(actorId))
    , m_actorDetails(std::move(actorDetails))
    , m_passwordIterations(passwordIterations)
{ }

QList<UserAccount> UserAdministration::accounts(store::StoreError *error)
{
    QList<UserAccount> result;
    QSqlQuery query(m_store.database().connection());
    // The synthetic team members (no password, never signing in) are not accounts to manage.
    if (!query.exec(u"SELECT %1 FROM users WHERE password_hash IS NOT NULL ORDER BY username"_s.arg(
            QLatin1StringView(accountColumns)))) {
        store::setError(error, store::StoreError(store::StoreError::Code::Query, query.lastError().text()));
        return result;
    }
    while (query.next())
        result.append(accountFromQuery(query));
    return result;
}

std::optional<UserAccount> UserAdministration::account(const QString &username, store::StoreError *error)
{
    return accountWhere(u"username"_s, username, error);
}

std::optional<UserAccount> UserAdministration::accountById(const QString &id, store::StoreError *error)
{
    return accountWhere(u"id"_s, id, error);
}

std::optional<UserAccount> UserAdministration::accountWhere(const QString &column, const QString &value,
                                                            store::StoreError *error)
{
    QSqlQuery query(m_store.database().connection());
    query.prepare(u"SELECT %1 FROM users WHERE %2 = ?"_s.arg(QLatin1StringView(accountColumns), column));
    query.addBindValue(value);
    if (!query.exec()) {
        store::setError(error, store::StoreError(store::StoreError::Code::Query, query.lastError().text()));
        return std::nullopt;
    }
    return query.next() ? std::optional(accountFromQuery(query)) : std::nullopt;
}

qint64 UserAdministration::demoAccountCount(store::StoreError *error)
{
    QSqlQuery query(m_store.database().connection());
    if (!query.exec(u"SELECT count(*) FROM users WHERE demo = 1 AND active = 1 AND password_hash IS NOT NULL"_s)
        || !query.next()) {
        store::setError(error, store::StoreError(store::StoreError::Code::Query, query.lastError().text()));
        return 0;
    }
    return query.value(0).toLongLong();
}

UserAdministration::Result<UserAccount> UserAdministration::addUser(const QString &username, const QString &displayName,
                                                                    Role role, const QString &password)
{
    static const QRegularExpression validName(u"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$"_s);
    if (!validName.match(username).hasMatch()) {
        return {{},
                Refusal {Refusal::Kind::Invalid,
                         u"A user name is 2 to 64 letters, digits or . _ @ -, starting with a letter or digit"_s}};
    }
    if (username == breakGlassUsername) {
        return {{},
                Refusal {Refusal::Kind::Invalid,
                         u"break-glass is the emergency account: see rcm-gateway users break-glass"_s}};
    }
    const QString shownName = displayName.trimmed().isEmpty() ? username : displayName.trimmed();
    if (shownName.size() > 200)
        return {{}, Refusal {Refusal::Kind::Invalid, u"The display name is longer than 200 characters"_s}};
    if (const QString refused = PasswordPolicy::refusal(password, username); !refused.isEmpty())
        return {{}, Refusal {Refusal::Kind::Invalid, refused}};

    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError())
        return {{}, storeRefusal(transaction.beginError().message())};
    store::StoreError error;
    if (account(username, &error))
        return {{}, Refusal {Refusal::Kind::Conflict, u"A user named %1 exists already"_s.arg(username)}};
    if (error)
        return {{}, storeRefusal(error.message())};
    const User user {newUserId(), username, shownName, role, true};
    if ((error = m_store.addUser(user, password, m_passwordIterations)))
        return {{}, storeRefusal(error.message())};
    if (auto refused = audit(user.id, ActionType::UserAdded,
                             {{u"username"_s, username}, {u"role"_s, QString(models::wireName(role))}}))
        return {{}, refused};
    if ((error = transaction.commit()))
        return {{}, storeRefusal(error.message())};
    return {accountById(user.id), {}};
}

std::optional<Refusal> UserAdministration::changePassword(const QString &username, const QString &password)
{
    if (const QString refused = PasswordPolicy::refusal(password, username); !refused.isEmpty())
        return Refusal {Refusal::Kind::Invalid, refused};
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError())
        return storeRefusal(transaction.beginError().message());
    const std::optional<UserAccount> found = account(username);
    if (!found || !found->canSignIn)
        return noSuchUser(username);
    const PasswordHasher::Hashed hashed = PasswordHasher::hash(password, m_passwordIterations);
    if (auto refused = execute(u"UPDATE users SET password_salt = ?, password_hash = ?, password_iterations = ? "
                               "WHERE id = ?"_s,
                               {hashed.salt, hashed.hash, hashed.iterations, found->user.id}))
        return refused;
    if (auto refused = execute(u"DELETE FROM sessions WHERE user_id = ?"_s, {found->user.id}))
        return refused;
    if (auto refused = audit(found->user.id, ActionType::PasswordChanged, {{u"username"_s, username}}))
        return refused;
    if (const store::StoreError error = transaction.commit())
        return storeRefusal(error.message());
    return std::nullopt;
}

std::optional<Refusal> UserAdministration::deactivate(const QString &username)
{
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError())
        return storeRefusal(transaction.beginError().message());
    const std::optional<UserAccount> found = account(username);
    if (!found || !found->canSignIn)
        return noSuchUser(username);
    if (!found->user.active)
        return Refusal {Refusal::Kind::Conflict, u"%1 is deactivated already"_s.arg(username)};
    if (auto refused = execute(u"UPDATE users SET active = 0, emergency_role = NULL, emergency_until = NULL, "
                               "emergency_reason = NULL, emergency_granted_by = NULL WHERE id = ?"_s,
                               {found->user.id}))
        return refused;
    if (auto refused = execute(u"DELETE FROM sessions WHERE user_id = ?"_s, {found->user.id}))
        return refused;
    if (auto refused = audit(found->user.id, ActionType::UserDeactivated, {{u"username"_s, username}}))
        return refused;
    if (const store::StoreError error = transaction.commit())
        return storeRefusal(error.message());
    return std::nullopt;
}

UserAdministration::Result<UserAccount> UserAdministration::grantEmergencyAccess(const QString &userId,
                                                                                 const EmergencyGrant &grant)
{
    if (grant.minutes < 1 || grant.minutes > maximumEmergencyMinutes) {
        return {{},
                Refusal {Refusal::Kind::Invalid,
                         u"\"minutes\" must be 1 to %1: emergency access is for hours, not days"_s.arg(
                             maximumEmergencyMinutes)}};
    }
    const QString reason = grant.reason.trimmed();
    if (reason.isEmpty() || reason.size() > 2000) {
        return {{},
                Refusal {Refusal::Kind::Invalid,
                         u"\"reason\" is required (up to 2000 characters): say what the emergency is"_s}};
    }
    if (grant.role == Role::Integration) {
        return {
            {},
            Refusal {Refusal::Kind::Invalid, u"\"role\" must be a role of a person, not the integration account"_s}};
    }
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError())
        return {{}, storeRefusal(transaction.beginError().message())};
    const std::optional<UserAccount> found = accountById(userId);
    if (!found || !found->canSignIn)
        return {{}, noSuchUser(userId)};
    if (!found->user.active || found->user.role == Role::Integration) {
        return {{},
                Refusal {Refusal::Kind::Conflict,
                         u"Emergency access is for an active person's account; %1 is not one"_s.arg(userId)}};
    }
    const QDateTime until = m_store.now().addSecs(qint64(grant.minutes) * 60);
    const QString roleName = QString(models::wireName(grant.role));
    if (auto refused = execute(u"UPDATE users SET emergency_role = ?, emergency_until = ?, emergency_reason = ?, "
                               "emergency_granted_by = ? WHERE id = ?"_s,
                               {roleName, utcText(until), reason, m_actorId, userId}))
        return {{}, refused};
    if (auto refused = audit(userId, ActionType::EmergencyAccessGranted,
                             {{u"username"_s, found->user.username},
                              {u"role"_s, roleName},
                              {u"until"_s, utcText(until)},
                              {u"reason"_s, reason}}))
        return {{}, refused};
    if (const store::StoreError error = transaction.commit())
        return {{}, storeRefusal(error.message())};
    return {accountById(userId), {}};
}

UserAdministration::Result<UserAccount> UserAdministration::endEmergencyAccess(const QString &userId)
{
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError())
        return {{}, storeRefusal(transaction.beginError().message())};
    const std::optional<UserAccount> found = accountById(userId);
    if (!found || !found->canSignIn)
        return {{}, noSuchUser(userId)};
    if (!found->emergencyRole || !found->emergencyUntil.isValid() || found->emergencyUntil <= m_store.now())
        return {{}, Refusal {Refusal::Kind::Conflict, u"%1 has no emergency access to end"_s.arg(userId)}};
    if (auto refused = execute(u"UPDATE users SET emergency_role = NULL, emergency_until = NULL, "
                               "emergency_reason = NULL, emergency_granted_by = NULL WHERE id = ?"_s,
                               {userId}))
        return {{}, refused};
    if (auto refused = audit(userId, ActionType::EmergencyAccessEnded,
                             {{u"username"_s, found->user.username},
                              {u"role"_s, QString(models::wireName(*found->emergencyRole))},
                              {u"until"_s, utcText(found->emergencyUntil)}}))
        return {{}, refused};
    if (const store::StoreError error = transaction.commit())
        return {{}, storeRefusal(error.message())};
    return {accountById(userId), {}};
}

UserAdministration::Result<QString> UserAdministration::enableBreakGlass(int minutes, const QString &reason)
{
    if (minutes < 1 || minutes > maximumEmergencyMinutes) {
        return {{},
                Refusal {Refusal::Kind::Invalid,
                         u"--minutes must be 1 to %1: the break-glass account is for hours, not days"_s.arg(
                             maximumEmergencyMinutes)}};
    }
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError())
        return {{}, storeRefusal(transaction.beginError().message())};
    const QString password = newPassword();
    const QDateTime until = m_store.now().addSecs(qint64(minutes) * 60);
    const QString id = QString(breakGlassId);
    store::StoreError error;
    if (!accountById(id, &error)) {
        if (error)
            return {{}, storeRefusal(error.message())};
        const User user {id, QString(breakGlassUsername), u"Break-glass emergency account"_s, Role::Supervisor, true};
        if ((error = m_store.addUser(user, password, m_passwordIterations)))
            return {{}, storeRefusal(error.message())};
    } else {
        const PasswordHasher::Hashed hashed = PasswordHasher::hash(password, m_passwordIterations);
        if (auto refused = execute(u"UPDATE users SET active = 1, role = 'supervisor', password_salt = ?, "
                                   "password_hash = ?, password_iterations = ? WHERE id = ?"_s,
                                   {hashed.salt, hashed.hash, hashed.iterations, id}))
            return {{}, refused};
        if (auto refused = execute(u"DELETE FROM sessions WHERE user_id = ?"_s, {id}))
            return {{}, refused};
    }
    if (auto refused = execute(u"UPDATE users SET expires_at = ? WHERE id = ?"_s, {utcText(until), id}))
        return {{}, refused};
    QJsonObject details {
        {u"username"_s, QString(breakGlassUsername)}, {u"role"_s, u"supervisor"_s}, {u"until"_s, utcText(until)}};
    if (!reason.trimmed().isEmpty())
        details.insert(u"reason"_s, reason.trimmed());
    if (auto refused = audit(id, ActionType::BreakGlassEnabled, details))
        return {{}, refused};
    if ((error = transaction.commit()))
        return {{}, storeRefusal(error.message())};
    return {password, {}};
}

std::optional<Refusal> UserAdministration::disableBreakGlass()
{
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError())
        return storeRefusal(transaction.beginError().message());
    const QString id = QString(breakGlassId);
    const std::optional<UserAccount> found = accountById(id);
    if (!found)
        return Refusal {Refusal::Kind::NotFound, u"There is no break-glass account"_s};
    if (auto refused
        = execute(u"UPDATE users SET active = 0, expires_at = ? WHERE id = ?"_s, {utcText(m_store.now()), id}))
        return refused;
    if (auto refused = execute(u"DELETE FROM sessions WHERE user_id = ?"_s, {id}))
        return refused;
    if (auto refused = audit(id, ActionType::BreakGlassDisabled, {{u"username"_s, QString(breakGlassUsername)}}))
        return refused;
    if (const store::StoreError error = transaction.commit())
        return storeRefusal(error.message());
    return std::nullopt;
}

std::optional<Refusal> UserAdministration::audit(const QString &userId, ActionType type, QJsonObject details)
{
    for (auto it = m_actorDetails.begin(); it != m_actorDetails.end(); ++it)
        details.insert(it.key(), it.value());
    if (const store::StoreError error
        = m_store.appendAuditEntry(u"user:"_s + userId, m_actorId, type, 0, details, m_store.now()))
        return storeRefusal(error.message());
    return std::nullopt;
}

std::optional<Refusal> UserAdministration::execute(const QString &statement, const QVariantList &values)
{
    QSqlQuery query(m_store.database().connection());
    query.prepare(statement);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return storeRefusal(query.lastError().text());
    return std::nullopt;
}

QString roleSummary(Role role)
{
    switch (role) {
    case Role::Biller:
        return u"works the denial queue: takes, notes, appeals and resubmits denials, asks for write-offs"_s;
    case Role::Coder:
        return u"works the denial queue as a biller does, coding denials in particular"_s;
    case Role::AuthorizationSpecialist:
        return u"works the authorization queue"_s;
    case Role::CashPoster:
        return u"works the remittance and denial queues; posts 835 files and releases held ones"_s;
    case Role::Supervisor:
        return u"sees every queue and whole reports; assigns work, approves write-offs, sees login names, grants "
               "emergency access"_s;
    case Role::Finance:
        return u"reads every queue and whole reports; acts on no item"_s;
    case Role::Integration:
        return u"service account for system-to-system calls: posts 835 files (POST /v1/remittances) only; reads no "
               "work item, user or report"_s;
    }
    return {};
}

} // namespace rcm::server
