// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "services/store/storeerror.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace rcm::store {

class Database;

/// The person a workbench cache belongs to, as of their last online sign-in, with the
/// gateway's policy then: only they may unlock it offline, and only for so long.
struct CacheOwner
{
    QString server; ///< the gateway's base URL as QUrl::toString(), e.g. http://127.0.0.1:8080/v1
    QString username; ///< the sign-in name as typed (matched case-insensitively)
    models::User user; ///< id, username, displayName, role from the sign-in
    QDateTime lastOnlineSignIn; ///< UTC
    int offlineUnlockHours = 12;
    int autoLockMinutesMax = 15;

    bool operator==(const CacheOwner &) const = default;
};

/// Who the cache belongs to (kept in the cache's sync_state table); nullopt: nobody has signed in to it yet.
std::optional<CacheOwner> readCacheOwner(Database &cache, StoreError *error = nullptr);
/// Records owner. When the cache changes hands, what it kept for the previous owner's
/// offline unlock goes, in the same transaction.
StoreError writeCacheOwner(Database &cache, const CacheOwner &owner);
/// Whether (server, username) is this owner (server compared as given, username case-insensitively).
bool isOwner(const CacheOwner &owner, const QString &server, const QString &username);
/// The cache file for one person in folder: folder/<hex of SHA-256 over server + '\n' + lowercased username>.db
/// (no name in the file name).
QString personalCachePath(const QString &folder, const QString &server, const QString &username);

/// What the cache keeps for its owner's offline unlock (sync_state's offline_* keys).
struct OfflineUnlockState
{
    QByteArray verifier; ///< as its keeper wrote it; empty when the cache holds none
    bool verifierInKeyring = false; ///< the system keyring holds it instead
    int failedAttempts = 0; ///< wrong offline passwords in a row
    QDateTime lockedUntil; ///< offline unlock refused until then; invalid: not refused

    bool operator==(const OfflineUnlockState &) const = default;
};

OfflineUnlockState readOfflineUnlockState(Database &cache, StoreError *error = nullptr);
/// Replaces the offline state in one transaction (a default state removes every key).
StoreError writeOfflineUnlockState(Database &cache, const OfflineUnlockState &state);

} // namespace rcm::store
