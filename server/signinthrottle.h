// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/database.h"

#include <QDateTime>

#include <chrono>
#include <optional>

namespace rcm::server {

class AuditKey;

/// Limits on guessing passwords, kept in the gateway database (table signin_throttle) so
/// that they hold across restarts and for every gateway process sharing it: a user name
/// (known or not) is locked out for a growing time after repeated failures in a row, and
/// a client address may fail only so often in a window. Names are kept only as a hash of
/// their lower-cased form.
class SignInThrottle final
{
public:
    struct Limits
    {
        int failuresBeforeLockout = 5; ///< consecutive failures for one user name
        std::chrono::seconds firstLockout {60}; ///< doubling with each further failure ...
        std::chrono::seconds longestLockout {3600}; ///< ... up to this
        int addressFailures = 20; ///< failures from one client address per window
        std::chrono::seconds addressWindow {600};
        /// A user name's failures are forgotten this long after the last one.
        std::chrono::seconds failureMemory {24 * 3600};
    };

    struct Refusal
    {
        enum class Reason { Locked, RateLimited };
        Reason reason = Reason::Locked;
        std::chrono::seconds retryAfter {1};
        /// The first attempt refused since the lock began: the one worth an audit entry.
        bool first = false;
    };

    SignInThrottle(store::Database &database, Limits limits);

    /// The subject a user name is counted under: its lower-cased form signed with the
    /// audit key (HMAC-SHA256, hex), never the name itself. A mistyped name may be a
    /// password: a plain hash of it could be reversed with a dictionary by anyone reading
    /// the database or the audit. Without a key (some tests), SHA-256.
    static QString nameKey(const QString &username, const AuditKey *key);

    /// Whether an attempt for the name from the address is refused without checking the
    /// password, and for how long.
    std::optional<Refusal> refusal(const QString &address, const QString &nameKey, const QDateTime &now,
                                   store::StoreError *error = nullptr);
    /// Counts a wrong password (or unknown name) against both; locks either when over.
    store::StoreError recordFailure(const QString &address, const QString &nameKey, const QDateTime &now);
    /// A right password: the name's failures are forgotten (the address's are not).
    store::StoreError recordSuccess(const QString &nameKey);
    /// Forgets rows whose last failure was before the given time and whose lock is over.
    store::StoreError purge(const QDateTime &now);

private:
    store::Database &m_database;
    Limits m_limits;
};

} // namespace rcm::server
