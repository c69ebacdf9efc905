// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/signinthrottle.h"

#include "server/auditkey.h"

#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using store::StoreError;

namespace {

const QString userKind = u"user"_s;
const QString addressKind = u"address"_s;

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

QString utcText(const QDateTime &time)
{
    return QString::fromLatin1(store::isoTimestamp(time));
}

QDateTime fromText(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

struct Row
{
    int failures = 0;
    QDateTime windowStartedAt;
    QDateTime lastFailureAt;
    QDateTime lockedUntil;
};

std::optional<Row> readRow(QSqlDatabase connection, const QString &kind, const QString &subject, StoreError *error)
{
    QSqlQuery query(connection);
    query.prepare(u"SELECT failures, window_started_at, last_failure_at, locked_until FROM signin_throttle "
                  "WHERE kind = ? AND subject = ?"_s);
    query.addBindValue(kind);
    query.addBindValue(subject);
    if (!query.exec()) {
        store::setError(error, queryError(query));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return Row {query.value(0).toInt(), fromText(query.value(1)), fromText(query.value(2)), fromText(query.value(3))};
}

StoreError writeRow(QSqlDatabase connection, const QString &kind, const QString &subject, const Row &row,
                    bool newlyLocked)
{
    QSqlQuery query(connection);
    query.prepare(u"INSERT INTO signin_throttle (kind, subject, failures, window_started_at, last_failure_at, "
                  "locked_until, refusal_recorded) VALUES (?, ?, ?, ?, ?, ?, 0) "
                  "ON CONFLICT (kind, subject) DO UPDATE SET failures = excluded.failures, "
                  "window_started_at = excluded.window_started_at, last_failure_at = excluded.last_failure_at, "
                  "locked_until = excluded.locked_until, "
                  "refusal_recorded = CASE WHEN ? THEN 0 ELSE refusal_recorded END"_s);
    query.addBindValue(kind);
    query.addBindValue(subject);
    query.addBindValue(row.failures);
    query.addBindValue(utcText(row.windowStartedAt));
    query.addBindValue(utcText(row.lastFailureAt));
    query.addBindValue(row.lockedUntil.isValid() ? QVariant(utcText(row.lockedUntil))
                                                 : QVariant(QMetaType::fromType<QString>()));
    query.addBindValue(newlyLocked ? 1 : 0);
    return query.exec() ? StoreError() : queryError(query);
}

/// Whole seconds from now until then, at least one (Retry-After: 0 would invite a spin).
std::chrono::seconds secondsUntil(const QDateTime &now, const QDateTime &then)
{
    const qint64 milliseconds = now.msecsTo(then);
    return std::chrono::seconds(std::max<qint64>(1, (milliseconds + 999) / 1000));
}

} // namespace

SignInThrottle::SignInThrottle(store::Database &database, Limits limits)
    : m_database(database)
    , m_limits(limits)
{ }

QString SignInThrottle::nameKey(const QString &username, const AuditKey *key)
{
    const QByteArray name = username.trimmed().toLower().toUtf8();
    return QString::fromLatin1(key ? key->sign(name)
                                   : QCryptographicHash::hash(name, QCryptographicHash::Sha256).toHex());
}

std::optional<SignInThrottle::Refusal> SignInThrottle::refusal(const QString &address, const QString &nameKey,
                                                               const QDateTime &now, StoreError *error)
{
    std::optional<Refusal> result;
    QString lockedKind;
    QString lockedSubject;
    for (const auto &[kind, subject] : {std::pair {userKind, nameKey}, std::pair {addressKind, address}}) {
        const std::optional<Row> row = readRow(m_database.connection(), kind, subject, error);
        if (!row || !row->lockedUntil.isValid() || row->lockedUntil <= now)
            continue;
        const std::chrono::seconds retryAfter = secondsUntil(now, row->lockedUntil);
        if (!result || retryAfter > result->retryAfter) {
            result = Refusal {kind == userKind ? Refusal::Reason::Locked : Refusal::Reason::RateLimited, retryAfter,
                              false};
            lockedKind = kind;
            lockedSubject = subject;
        }
    }
    if (!result)
        return result;
    // Only the first refusal of a lock goes to the audit chain: a script hammering a
    // locked name must not grow it without bound (each refusal still gets its log line).
    QSqlQuery mark(m_database.connection());
    mark.prepare(u"UPDATE signin_throttle SET refusal_recorded = 1 WHERE kind = ? AND subject = ? "
                 "AND refusal_recorded = 0"_s);
    mark.addBindValue(lockedKind);
    mark.addBindValue(lockedSubject);
    if (mark.exec())
        result->first = mark.numRowsAffected() == 1;
    else
        store::setError(error, queryError(mark));
    return result;
}

StoreError SignInThrottle::recordFailure(const QString &address, const QString &nameKey, const QDateTime &now)
{
    store::TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    StoreError error;
    // The name: consecutive failures, remembered for a day; from the threshold on each
    // one locks it for twice as long as the one before.
    Row user = readRow(m_database.connection(), userKind, nameKey, &error).value_or(Row {});
    if (error)
        return error;
    if (user.failures == 0 || user.lastFailureAt < now.addSecs(-m_limits.failureMemory.count())) {
        user.failures = 0;
        user.windowStartedAt = now;
    }
    ++user.failures;
    user.lastFailureAt = now;
    bool userLocked = false;
    if (user.failures >= m_limits.failuresBeforeLockout) {
        const int doublings = std::min(user.failures - m_limits.failuresBeforeLockout, 30);
        const qint64 seconds
            = std::min<qint64>(qint64(m_limits.firstLockout.count()) << doublings, m_limits.longestLockout.count());
        user.lockedUntil = now.addSecs(seconds);
        userLocked = true;
    }
    if ((error = writeRow(m_database.connection(), userKind, nameKey, user, userLocked)))
        return error;

    // The address: failures in a fixed window; at the limit it is refused until the
    // window ends.
    Row client = readRow(m_database.connection(), addressKind, address, &error).value_or(Row {});
    if (error)
        return error;
    if (client.failures == 0 || client.windowStartedAt <= now.addSecs(-m_limits.addressWindow.count())) {
        client = Row {0, now, now, QDateTime()};
    }
    ++client.failures;
    client.lastFailureAt = now;
    const bool addressLocked = client.failures >= m_limits.addressFailures && !client.lockedUntil.isValid();
    if (client.failures >= m_limits.addressFailures)
        client.lockedUntil = client.windowStartedAt.addSecs(m_limits.addressWindow.count());
    if ((error = writeRow(m_database.connection(), addressKind, address, client, addressLocked)))
        return error;
    return transaction.commit();
}

StoreError SignInThrottle::recordSuccess(const QString &nameKey)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM signin_throttle WHERE kind = ? AND subject = ?"_s);
    query.addBindValue(userKind);
    query.addBindValue(nameKey);
    return query.exec() ? StoreError() : queryError(query);
}

StoreError SignInThrottle::purge(const QDateTime &now)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM signin_throttle WHERE last_failure_at < ? "
                  "AND (locked_until IS NULL OR locked_until <= ?)"_s);
    query.addBindValue(utcText(now.addSecs(-m_limits.failureMemory.count())));
    query.addBindValue(utcText(now));
    return query.exec() ? StoreError() : queryError(query);
}

} // namespace rcm::server
