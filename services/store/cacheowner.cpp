// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheowner.h"

#include "services/store/database.h"
#include "services/store/preparedquery.h"
#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"

#include <QCryptographicHash>
#include <QDir>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

namespace {

using Values = QHash<QString, QVariant>;

const QString ownerPrefix = u"owner_"_s;
const QString offlinePrefix = u"offline_"_s;

/// The sync_state rows whose keys start with prefix, by key without it.
Values readValues(Database &cache, const QString &prefix, StoreError *error)
{
    QSqlQuery query(cache.connection());
    query.prepare(u"SELECT key, value FROM sync_state WHERE substr(key, 1, ?) = ?"_s);
    query.bindValue(0, prefix.size());
    query.bindValue(1, prefix);
    if (!query.exec()) {
        setError(error, queryFailure(query, u"Reading who the cache belongs to"));
        return {};
    }
    Values values;
    while (query.next())
        values.insert(query.value(0).toString().mid(prefix.size()), query.value(1));
    return values;
}

/// Replaces the rows under prefix with values (null values are left out). Inside the
/// caller's transaction.
StoreError replaceValues(Database &cache, const QString &prefix, const Values &values)
{
    QSqlQuery query(cache.connection());
    query.prepare(u"DELETE FROM sync_state WHERE substr(key, 1, ?) = ?"_s);
    query.bindValue(0, prefix.size());
    query.bindValue(1, prefix);
    if (!query.exec())
        return queryFailure(query, u"Recording who the cache belongs to");
    query.prepare(u"INSERT INTO sync_state (key, value) VALUES (?, ?)"_s);
    for (auto value = values.cbegin(); value != values.cend(); ++value) {
        if (value->isNull())
            continue;
        query.bindValue(0, QString(prefix + value.key()));
        query.bindValue(1, *value);
        if (!query.exec())
            return queryFailure(query, u"Recording who the cache belongs to");
    }
    return {};
}

QVariant timestamp(const QDateTime &time)
{
    return time.isValid() ? QVariant(QString::fromLatin1(isoTimestamp(time))) : QVariant();
}

QDateTime parseTimestamp(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

} // namespace

std::optional<CacheOwner> readCacheOwner(Database &cache, StoreError *error)
{
    StoreError readError;
    const Values values = readValues(cache, ownerPrefix, &readError);
    if (readError) {
        setError(error, readError);
        return std::nullopt;
    }
    if (!values.contains(u"username"_s))
        return std::nullopt;
    CacheOwner owner;
    owner.server = values.value(u"server"_s).toString();
    owner.username = values.value(u"username"_s).toString();
    owner.user.id = values.value(u"user_id"_s).toString();
    owner.user.username = values.value(u"user_username"_s).toString();
    owner.user.displayName = values.value(u"user_display_name"_s).toString();
    owner.user.role
        = models::fromWireName<models::Role>(values.value(u"user_role"_s).toString()).value_or(models::Role::Biller);
    owner.lastOnlineSignIn = parseTimestamp(values.value(u"last_online_sign_in"_s));
    owner.offlineUnlockHours = values.value(u"offline_unlock_hours"_s).toInt();
    owner.autoLockMinutesMax = values.value(u"auto_lock_minutes_max"_s).toInt();
    return owner;
}

StoreError writeCacheOwner(Database &cache, const CacheOwner &owner)
{
    TransactionGuard transaction(cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    StoreError error;
    const std::optional<CacheOwner> previous = readCacheOwner(cache, &error);
    if (error)
        return error;
    if (previous && !isOwner(*previous, owner.server, owner.username)) {
        if (StoreError cleared = replaceValues(cache, offlinePrefix, {}))
            return cleared;
    }
    const Values values {
        {u"server"_s, owner.server},
        {u"username"_s, owner.username},
        {u"user_id"_s, owner.user.id},
        {u"user_username"_s, owner.user.username},
        {u"user_display_name"_s, owner.user.displayName},
        {u"user_role"_s, QString(models::wireName(owner.user.role))},
        {u"last_online_sign_in"_s, timestamp(owner.lastOnlineSignIn)},
        {u"offline_unlock_hours"_s, owner.offlineUnlockHours},
        {u"auto_lock_minutes_max"_s, owner.autoLockMinutesMax},
    };
    if (StoreError written = replaceValues(cache, ownerPrefix, values))
        return written;
    return transaction.commit();
}

bool isOwner(const CacheOwner &owner, const QString &server, const QString &username)
{
    return owner.server == server && owner.username.compare(username, Qt::CaseInsensitive) == 0;
}

QString personalCachePath(const QString &folder, const QString &server, const QString &username)
{
    const QByteArray person = server.toUtf8() + '\n' + username.toLower().toUtf8();
    const QByteArray digest = QCryptographicHash::hash(person, QCryptographicHash::Sha256).toHex();
    return QDir(folder).filePath(QString::fromLatin1(digest) + u".db"_s);
}

OfflineUnlockState readOfflineUnlockState(Database &cache, StoreError *error)
{
    const Values values = readValues(cache, offlinePrefix, error);
    OfflineUnlockState state;
    state.verifier = values.value(u"verifier"_s).toByteArray();
    state.verifierInKeyring = values.value(u"verifier_in_keyring"_s).toInt() == 1;
    state.failedAttempts = values.value(u"failed_attempts"_s).toInt();
    state.lockedUntil = parseTimestamp(values.value(u"locked_until"_s));
    return state;
}

StoreError writeOfflineUnlockState(Database &cache, const OfflineUnlockState &state)
{
    TransactionGuard transaction(cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    const Values values {
        {u"verifier"_s, state.verifier.isEmpty() ? QVariant() : QVariant(state.verifier)},
        {u"verifier_in_keyring"_s, state.verifierInKeyring ? QVariant(1) : QVariant()},
        {u"failed_attempts"_s, state.failedAttempts > 0 ? QVariant(state.failedAttempts) : QVariant()},
        {u"locked_until"_s, timestamp(state.lockedUntil)},
    };
    if (StoreError written = replaceValues(cache, offlinePrefix, values))
        return written;
    return transaction.commit();
}

} // namespace rcm::store
