// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/gatewaystore.h"
#include "server/passwordhasher.h"
#include "server/signinthrottle.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>

#include <chrono>
#include <functional>
#include <optional>
#include <variant>

namespace rcm::server {

struct ApiRequest;
struct ApiResponse;

/// Signing in and out of the gateway (POST and DELETE /v1/session): the limits on
/// guessing (SignInThrottle), the same password work whether or not the name exists, the
/// session, and an audit entry for every sign-in, failure and sign-out with the client's
/// address and why, never the password. A sign-in is two steps, so that the password
/// check (the costly part) can run off the thread that reads and writes the database.
class SignInDesk final
{
public:
    struct Options
    {
        std::chrono::seconds sessionLifetime {8 * 3600}; ///< absolute
        std::chrono::seconds sessionIdle {30 * 60}; ///< unused this long, a session ends
        SignInThrottle::Limits limits;
        std::function<QDateTime()> clock; ///< the time now (UTC); empty: the system clock
    };

    /// A sign-in whose password is still to be checked against stored.
    struct Pending
    {
        QString password;
        PasswordHasher::Hashed stored; ///< the user's, or a decoy no password matches
        std::optional<models::User> user; ///< empty: no active user with a password has the name
        QString nameKey;
        QString address;
        QString correlationId;
    };

    SignInDesk(GatewayStore &store, Options options);

    QDateTime now() const;
    const Options &options() const { return m_options; }

    /// Checks the limits and reads what the password is to be checked against; or answers
    /// at once (429 when locked or rate-limited). body is the request's parsed JSON.
    std::variant<ApiResponse, Pending> begin(const ApiRequest &request, const QJsonObject &body);
    /// Records the outcome of the check and answers: a session, or 401.
    ApiResponse finish(const Pending &pending, bool passwordMatches);
    /// Too many sign-ins already waiting for a password check: pending is not checked.
    ApiResponse busy(const ApiRequest &request, const Pending &pending);

    /// At most this many password checks at once for one client address, and one for one
    /// user name: the limits count failures only once checked, so more at once would let
    /// that many guesses past them.
    static constexpr int maximumChecksPerAddress = 4;

    /// The user a bearer token signs in (and records the use), if it is valid.
    std::optional<models::User> userFor(const QString &token);
    /// Ends the caller's session (DELETE /v1/session).
    ApiResponse signOut(const ApiRequest &request, const QString &token, const models::User &user);

private:
    ApiResponse refuse(const Pending &attempt, const SignInThrottle::Refusal &refusal);
    void checked(const Pending &attempt); ///< its password check is over (or never ran)
    store::StoreError audit(const Pending &attempt, models::ActionType type, const QString &reason);

    GatewayStore &m_store;
    Options m_options;
    SignInThrottle m_throttle;
    QHash<QString, int> m_checkingNames; ///< name key -> password checks under way
    QHash<QString, int> m_checkingAddresses; ///< client address -> password checks under way
};

} // namespace rcm::server
