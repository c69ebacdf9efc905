// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/action.h"
#include "models/user.h"
#include "server/passwordhasher.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace rcm::server {

class GatewayStore;

/// A gateway account as its administrator sees it: the user, whether it is a demo
/// account, its own expiry and any emergency grant. Never a password or its hash.
struct UserAccount
{
    models::User user; ///< with the account's own role, not an emergency grant's
    bool demo = false;
    bool canSignIn = false; ///< has a password (the synthetic team members have none)
    QDateTime expiresAt; ///< the break-glass account's end; invalid: none
    std::optional<models::Role> emergencyRole; ///< granted, until emergencyUntil
    QDateTime emergencyUntil;
    QString emergencyReason;
    QString emergencyGrantedBy;
};

/// Adds users and changes them: passwords, deactivation, emergency access and the
/// break-glass account (docs/emergency-access.md). Every change is written to the audit
/// log in the same transaction, under the subject "user:ID", naming the actor given.
/// Shared by `rcm-gateway users` and the emergency-access routes of the API.
class UserAdministration final
{
public:
    /// Why a change was not made; kind says which HTTP status fits it.
    struct Refusal
    {
        enum class Kind { Invalid, NotFound, Conflict, Store };
        Kind kind = Kind::Invalid;
        QString message;
    };
    template<typename T>
    struct Result
    {
        std::optional<T> value;
        std::optional<Refusal> refusal;
    };
    struct EmergencyGrant
    {
        models::Role role = models::Role::Supervisor;
        int minutes = 0;
        QString reason;
    };

    static constexpr QLatin1StringView breakGlassUsername {"break-glass"};
    static constexpr QLatin1StringView breakGlassId {"BREAK-GLASS"};
    static constexpr int maximumEmergencyMinutes = 480;

    /// actorId: who makes the changes, a user id or "rcm-gateway-cli"; actorDetails are
    /// added to each audit entry (the operating-system user of a command line).
    UserAdministration(GatewayStore &store, QString actorId, QJsonObject actorDetails = {},
                       int passwordIterations = PasswordHasher::defaultIterations);

    QList<UserAccount> accounts(store::StoreError *error = nullptr);
    std::optional<UserAccount> account(const QString &username, store::StoreError *error = nullptr);
    std::optional<UserAccount> accountById(const QString &id, store::StoreError *error = nullptr);
    /// The demo accounts a gateway outside demo mode refuses: active ones with a password.
    qint64 demoAccountCount(store::StoreError *error = nullptr);

    Result<UserAccount> addUser(const QString &username, const QString &displayName, models::Role role,
                                const QString &password);
    /// Also ends the user's sessions.
    std::optional<Refusal> changePassword(const QString &username, const QString &password);
    /// Ends the user's sessions; they can no longer sign in. Their items keep their owner.
    std::optional<Refusal> deactivate(const QString &username);

    /// Gives a user a wider role until grant.minutes from now; it ends by itself.
    Result<UserAccount> grantEmergencyAccess(const QString &userId, const EmergencyGrant &grant);
    Result<UserAccount> endEmergencyAccess(const QString &userId);

    /// Creates or re-enables the break-glass supervisor account with a new random
    /// password (returned, shown once) that expires minutes from now.
    Result<QString> enableBreakGlass(int minutes, const QString &reason);
    std::optional<Refusal> disableBreakGlass();

private:
    /// The account whose column ("id" or "username", never user input) holds value.
    std::optional<UserAccount> accountWhere(const QString &column, const QString &value, store::StoreError *error);
    std::optional<Refusal> audit(const QString &userId, models::ActionType type, QJsonObject details);
    std::optional<Refusal> execute(const QString &statement, const QVariantList &values);

    GatewayStore &m_store;
    QString m_actorId;
    QJsonObject m_actorDetails;
    int m_passwordIterations;
};

/// What each role may do, one line each, for `rcm-gateway users roles`.
QString roleSummary(models::Role role);

} // namespace rcm::server
