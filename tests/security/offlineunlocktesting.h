// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Drives OfflineUnlock to completion for the tests (only tests wait like this).

#include "services/security/offlineunlock.h"
#include "services/store/cacheowner.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"

#include <QTest>

#include <optional>

namespace rcm::testing {

inline const QString offlineServer = QStringLiteral("http://127.0.0.1:8080/v1");
inline const QString offlinePassword = QStringLiteral("correct horse battery staple");
constexpr int offlineWaitMilliseconds = 30'000;

inline store::CacheOwner offlineAlice()
{
    store::CacheOwner owner;
    owner.server = offlineServer;
    owner.username = QStringLiteral("alice");
    owner.user = {QStringLiteral("u-1001"), QStringLiteral("alice"), QStringLiteral("Alice Example"),
                  models::Role::CashPoster, true};
    owner.offlineUnlockHours = 12;
    owner.autoLockMinutesMax = 10;
    return owner;
}

/// remember() to completion; the error it reported.
inline QString remember(security::OfflineUnlock &unlock, const QString &cachePath, const store::CacheOwner &owner,
                        const QString &password)
{
    QObject context;
    std::optional<QString> error;
    unlock.remember(cachePath, owner, password, &context, [&](const QString &reported) { error = reported; });
    if (!QTest::qWaitFor([&]() { return error.has_value(); }, offlineWaitMilliseconds))
        return QStringLiteral("remember() never answered");
    return *error;
}

/// tryUnlock() to completion.
inline security::OfflineUnlockOutcome tryUnlock(security::OfflineUnlock &unlock, const QString &cachePath,
                                                const QString &server, const QString &username, const QString &password,
                                                const QDateTime &now)
{
    QObject context;
    std::optional<security::OfflineUnlockOutcome> outcome;
    unlock.tryUnlock(cachePath, server, username, password, now, &context,
                     [&](const security::OfflineUnlockOutcome &reported) { outcome = reported; });
    if (!QTest::qWaitFor([&]() { return outcome.has_value(); }, offlineWaitMilliseconds))
        return {security::OfflineUnlockResult::CacheError, std::nullopt, QStringLiteral("tryUnlock() never answered")};
    return *outcome;
}

inline store::CacheOwner storedOwner(const QString &cachePath)
{
    store::Database cache;
    if (cache.open(cachePath, store::workbenchCacheSchema()))
        return {};
    return store::readCacheOwner(cache).value_or(store::CacheOwner());
}

inline store::OfflineUnlockState storedOfflineState(const QString &cachePath)
{
    store::Database cache;
    if (cache.open(cachePath, store::workbenchCacheSchema()))
        return {};
    return store::readOfflineUnlockState(cache);
}

} // namespace rcm::testing
