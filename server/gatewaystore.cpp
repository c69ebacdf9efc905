// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewaystore.h"

#include "server/claimregister.h"
#include "server/passwordhasher.h"
#include "services/api/workitemjson.h"
#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"
#include "services/synthetic/syntheticclaims.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using namespace rcm::models;
using store::setError;
using store::StoreError;

namespace {

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

QByteArray tokenHash(const QString &token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
}

QString utcText(const QDateTime &time)
{
    return QString::fromLatin1(store::isoTimestamp(time));
}

User userFromQuery(const QSqlQuery &query, int first = 0)
{
    return User {query.value(first).toString(), query.value(first + 1).toString(), query.value(first + 2).toString(),
                 fromWireName<Role>(query.value(first + 3).toString()).value_or(Role::Biller),
                 query.value(first + 4).toBool()};
}

/// The queues a viewer may see, as an SQL list of quoted wire names.
QString visibleQueues(Role role)
{
    QStringList queues;
    for (Queue queue : allValues<Queue>()) {
        if (ActionPolicy::canView(role, queue))
            queues << u"'%1'"_s.arg(QString(wireName(queue)));
    }
    return queues.join(u", "_s);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

GatewayStore::GatewayStore(store::Database &database)
    : m_database(database)
    , m_items(database)
{ }

QDateTime GatewayStore::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

QString GatewayStore::maySignInCondition(const QDateTime &at) const
{
    // The timestamp is ours (digits and -:.TZ), safe to write into the statement.
    return u"users.active = 1 AND (users.demo = 0 OR %1) AND (users.expires_at IS NULL OR users.expires_at > '%2')"_s
        .arg(m_demoAccounts == DemoAccounts::Allowed ? 1 : 0)
        .arg(utcText(at));
}

QString GatewayStore::userColumns(const QDateTime &at) const
{
    return u"users.id, users.username, users.display_name, CASE WHEN users.emergency_until > '%1' "
           "THEN users.emergency_role ELSE users.role END, users.active"_s.arg(utcText(at));
}

StoreError GatewayStore::addUser(const User &user, const QString &password, int iterations)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO users (id, username, display_name, role, active, password_salt, password_hash, "
                  "password_iterations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(user.id);
    query.addBindValue(user.username);
    query.addBindValue(user.displayName);
    query.addBindValue(QString(wireName(user.role)));
    query.addBindValue(user.active ? 1 : 0);
    if (password.isEmpty()) { // a user who cannot sign in (synthetic team members)
        query.addBindValue(QVariant(QMetaType::fromType<QByteArray>()));
        query.addBindValue(QVariant(QMetaType::fromType<QByteArray>()));
        query.addBindValue(QVariant(QMetaType::fromType<int>()));
    } else {
        const PasswordHasher::Hashed hashed = PasswordHasher::hash(password, iterations);
        query.addBindValue(hashed.salt);
        query.addBindValue(hashed.hash);
        query.addBindValue(hashed.iterations);
    }
    return query.exec() ? StoreError() : queryError(query);
}

std::optional<User> GatewayStore::authenticate(const QString &username, const QString &password)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT %1, password_salt, password_hash, password_iterations FROM users "
                  "WHERE username = ? AND %2"_s.arg(userColumns(now()), maySignInCondition(now())));
    query.addBindValue(username);
    if (!query.exec() || !query.next())
        return std::nullopt;
    const PasswordHasher::Hashed stored {query.value(5).toByteArray(), query.value(6).toByteArray(),
                                         query.value(7).toInt()};
    if (!PasswordHasher::verify(password, stored))
        return std::nullopt;
    return userFromQuery(query);
}

std::optional<User> GatewayStore::user(const QString &id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT %1 FROM users WHERE id = ?"_s.arg(userColumns(now())));
    query.addBindValue(id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return userFromQuery(query);
}

QList<std::pair<User, qint64>> GatewayStore::usersWithOpenWork(StoreError *error)
{
    QList<std::pair<User, qint64>> result;
    QSqlQuery query(m_database.connection());
    // Open statuses named one by one: each is a range of the owner index (owner, status,
    // deleted), so resolved items, most of what an owner ever had, are never visited.
    QStringList open;
    for (const WorkItemStatus status : allValues<WorkItemStatus>()) {
        if (status != WorkItemStatus::Resolved)
            open << u"'%1'"_s.arg(QString(wireName(status)));
    }
    if (!query.exec(u"SELECT %1, (SELECT count(*) FROM work_items WHERE owner_id = users.id AND status IN (%2) "
                    "AND deleted = 0) FROM users ORDER BY id"_s.arg(userColumns(now()), open.join(u", "_s)))) {
        setError(error, queryError(query));
        return result;
    }
    while (query.next())
        result.append({userFromQuery(query), query.value(5).toLongLong()});
    return result;
}

std::optional<GatewayStore::Credentials> GatewayStore::credentials(const QString &username, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        u"SELECT %1, password_salt, password_hash, password_iterations FROM users "
        "WHERE username = ? AND password_hash IS NOT NULL AND %2"_s.arg(userColumns(now()), maySignInCondition(now())));
    query.addBindValue(username);
    if (!query.exec()) {
        setError(error, queryError(query));
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return Credentials {userFromQuery(query),
                        {query.value(5).toByteArray(), query.value(6).toByteArray(), query.value(7).toInt()}};
}

int GatewayStore::strongestIterations()
{
    QSqlQuery query(m_database.connection());
    if (query.exec(u"SELECT max(password_iterations) FROM users WHERE password_hash IS NOT NULL"_s) && query.next()
        && query.value(0).toInt() > 0) {
        return query.value(0).toInt();
    }
    return PasswordHasher::defaultIterations;
}

QString GatewayStore::createSession(const QString &userId, std::chrono::seconds lifetime, StoreError *error,
                                    const QDateTime &now)
{
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    const QString token
        = QString::fromLatin1(secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    QSqlQuery query(m_database.connection());
    query.prepare(u"INSERT INTO sessions (token_hash, user_id, expires_at, last_seen_at) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(tokenHash(token));
    query.addBindValue(userId);
    query.addBindValue(utcText(now.addSecs(lifetime.count())));
    query.addBindValue(utcText(now));
    if (!query.exec()) {
        setError(error, queryError(query));
        return {};
    }
    return token;
}

std::optional<User> GatewayStore::userForSession(const QString &token, const QDateTime &now,
                                                 std::optional<std::chrono::seconds> idleLimit)
{
    // Writing the last use on every request would turn each read into a write; a minute's
    // staleness is far inside any idle limit.
    constexpr qint64 lastSeenGranularitySeconds = 60;
    const QByteArray hash = tokenHash(token);
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT %1, sessions.last_seen_at FROM sessions JOIN users ON users.id = sessions.user_id "
                  "WHERE token_hash = ? AND sessions.expires_at > ? AND %2 "
                  "AND (? IS NULL OR sessions.last_seen_at > ?)"_s.arg(userColumns(now), maySignInCondition(now)));
    const QVariant idleSince
        = idleLimit ? QVariant(utcText(now.addSecs(-idleLimit->count()))) : QVariant(QMetaType::fromType<QString>());
    query.addBindValue(hash);
    query.addBindValue(utcText(now));
    query.addBindValue(idleSince);
    query.addBindValue(idleSince);
    if (!query.exec() || !query.next())
        return std::nullopt;
    const User user = userFromQuery(query);
    const QDateTime lastSeen = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
    query.finish();
    if (!lastSeen.isValid() || lastSeen.secsTo(now) >= lastSeenGranularitySeconds) {
        QSqlQuery touch(m_database.connection());
        touch.prepare(u"UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"_s);
        touch.addBindValue(utcText(now));
        touch.addBindValue(hash);
        touch.exec(); // a lost touch only makes the session go idle a minute early
    }
    return user;
}

std::optional<QString> GatewayStore::endSession(const QString &token, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM sessions WHERE token_hash = ? RETURNING user_id"_s);
    query.addBindValue(tokenHash(token));
    if (!query.exec()) {
        setError(error, queryError(query));
        return std::nullopt;
    }
    return query.next() ? std::optional(query.value(0).toString()) : std::nullopt;
}

StoreError GatewayStore::purgeSessions(const QDateTime &now, std::chrono::seconds idleLimit)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at IS NULL OR last_seen_at <= ?"_s);
    query.addBindValue(utcText(now));
    query.addBindValue(utcText(now.addSecs(-idleLimit.count())));
    return query.exec() ? StoreError() : queryError(query);
}

std::optional<GatewayStore::ChangePage> GatewayStore::changes(const User &viewer, qint64 after, int limit,
                                                              StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT change_seq, deleted, %1 FROM work_items WHERE change_seq > ? AND queue IN (%2)%3 "
                  "ORDER BY change_seq LIMIT ?"_s.arg(store::WorkItemStore::itemColumns(), visibleQueues(viewer.role),
                                                      after == 0 ? u" AND deleted = 0"_s : QString()));
    query.addBindValue(after);
    query.addBindValue(limit + 1); // one more than asked tells whether there is more
    if (!query.exec()) {
        setError(error, queryError(query));
        return std::nullopt;
    }
    ChangePage page;
    page.lastSequence = after;
    page.changes.reserve(limit);
    while (query.next()) {
        if (page.changes.size() == limit) {
            page.hasMore = true;
            break;
        }
        Change change;
        change.sequence = query.value(0).toLongLong();
        change.deleted = query.value(1).toBool();
        if (change.deleted)
            change.item.id = query.value(2).toString();
        else
            change.item = store::WorkItemStore::itemFromQuery(query, 2);
        page.lastSequence = change.sequence;
        page.changes.append(std::move(change));
    }
    return page;
}

qint64 GatewayStore::purgedThrough()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'purged_through_seq'"_s) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

std::optional<qint64> GatewayStore::latestSequence(StoreError *error)
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'change_seq'"_s) || !query.next()) {
        setError(error, queryError(query));
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

std::optional<WorkItem> GatewayStore::item(const QString &id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT deleted FROM work_items WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec() || !query.next() || query.value(0).toBool())
        return std::nullopt;
    query.finish();
    return m_items.item(id);
}

QList<AuditEvent> GatewayStore::history(const QString &itemId, StoreError *error)
{
    QList<AuditEvent> events;
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT sequence, work_item_id, actor_id, action_type, resulting_version, occurred_at, "
                  "details_json, previous_hash, hash FROM audit_log WHERE work_item_id = ? ORDER BY sequence"_s);
    query.addBindValue(itemId);
    if (!query.exec()) {
        setError(error, queryError(query));
        return events;
    }
    while (query.next()) {
        AuditEvent event;
        event.sequence = query.value(0).toLongLong();
        event.workItemId = query.value(1).toString();
        event.actorId = query.value(2).toString();
        event.actionType = fromWireName<ActionType>(query.value(3).toString()).value_or(ActionType::Note);
        event.resultingVersion = query.value(4).toLongLong();
        event.occurredAt = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
        event.detailsJson = query.value(6).toString().toUtf8();
        event.previousHash = query.value(7).toString().toLatin1();
        event.hash = query.value(8).toString().toLatin1();
        events.append(event);
    }
    return events;
}

StoreError GatewayStore::assignOpenItems(const QString &userId, Queue queue, std::optional<DenialCategory> category,
                                         int count)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE work_items SET owner_id = ?, version = version + 1, "
                  "status = CASE status WHEN 'new' THEN 'in_progress' ELSE status END "
                  "WHERE row_id IN (SELECT row_id FROM work_items WHERE queue = ? AND status <> 'resolved' "
                  "AND deleted = 0 AND (? IS NULL OR denial_category = ?) "
                  "AND (owner_id IS NULL OR owner_id NOT IN (SELECT id FROM users WHERE password_hash IS NOT NULL)) "
                  "ORDER BY priority DESC, row_id LIMIT ?)"_s);
    const QVariant categoryName
        = category ? QVariant(QString(wireName(*category))) : QVariant(QMetaType::fromType<QString>());
    query.addBindValue(userId);
    query.addBindValue(QString(wireName(queue)));
    query.addBindValue(categoryName);
    query.addBindValue(categoryName);
    query.addBindValue(count);
    return query.exec() ? StoreError() : queryError(query);
}

StoreError GatewayStore::removeItem(const QString &id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE work_items SET deleted = 1, version = version + 1, updated_at = ? "
                  "WHERE id = ? AND deleted = 0"_s);
    query.addBindValue(utcText(QDateTime::currentDateTimeUtc()));
    query.addBindValue(id);
    if (!query.exec())
        return queryError(query);
    return query.numRowsAffected() == 1 ? StoreError()
                                        : StoreError(StoreError::Code::Query, u"No work item %1 to remove"_s.arg(id));
}

StoreError GatewayStore::purgeTombstones(const QDateTime &changedBefore)
{
    store::TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    const QString before = utcText(changedBefore);
    QSqlQuery query(m_database.connection());
    query.prepare(u"UPDATE meta SET value = max(value, coalesce((SELECT max(change_seq) FROM work_items "
                  "WHERE deleted = 1 AND updated_at < ?), 0)) WHERE key = 'purged_through_seq'"_s);
    query.addBindValue(before);
    if (!query.exec())
        return queryError(query);
    query.prepare(u"DELETE FROM work_items WHERE deleted = 1 AND updated_at < ?"_s);
    query.addBindValue(before);
    if (!query.exec())
        return queryError(query);
    return transaction.commit();
}

StoreError GatewayStore::purgeIdempotencyKeys(const QDateTime &createdBefore)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"DELETE FROM idempotency_keys WHERE created_at < ?"_s);
    query.addBindValue(utcText(createdBefore));
    return query.exec() ? StoreError() : queryError(query);
}

ActionContext GatewayStore::contextFor(const WorkItem &item, const ActionRequest &request)
{
    ActionContext context;
    if (request.type == ActionType::Assign)
        context.assignee = user(request.assigneeId);
    if (request.type == ActionType::ApproveWriteOff || request.type == ActionType::RejectWriteOff) {
        QSqlQuery query(m_database.connection());
        query.prepare(u"SELECT actor_id, details_json FROM audit_log WHERE work_item_id = ? "
                      "AND action_type = 'request_writeoff' ORDER BY sequence DESC LIMIT 1"_s);
        query.addBindValue(item.id);
        if (query.exec() && query.next()) {
            context.writeOffRequesterId = query.value(0).toString();
            const QJsonObject details = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
            context.writeOffAmount = Money::fromString(details.value(u"amount"_s).toString()).value_or(Money());
        }
    }
    return context;
}

GatewayStore::ActionOutcome GatewayStore::applyAction(const User &actor, const QString &itemId,
                                                      const QString &idempotencyKey, const QByteArray &requestHash,
                                                      qint64 expectedVersion, const ActionRequest &request,
                                                      const QDateTime &now)
{
    ActionOutcome outcome;
    auto failed = [&](Problem problem) {
        outcome.status = problem.status;
        outcome.problem = std::move(problem);
        return outcome;
    };
    store::TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return failed(problem(503, u"store-busy"_s, u"Try again"_s, transaction.beginError().message()));

    // The same key again: the first result, never a second application.
    QSqlQuery earlier(m_database.connection());
    earlier.prepare(u"SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = ? AND key = ?"_s);
    earlier.addBindValue(actor.id);
    earlier.addBindValue(idempotencyKey);
    if (earlier.exec() && earlier.next()) {
        if (earlier.value(0).toString().toLatin1() != requestHash) {
            return failed(problem(422, u"idempotency-key-reused"_s, u"Idempotency-Key reused"_s,
                                  u"This Idempotency-Key was used for a different request"_s));
        }
        QString error;
        const auto item
            = api::workItemFromJson(QJsonDocument::fromJson(earlier.value(2).toString().toUtf8()).object(), &error);
        if (!item)
            return failed(problem(500, u"stored-response-damaged"_s, u"Internal error"_s, error));
        outcome.status = earlier.value(1).toInt();
        outcome.item = *item;
        outcome.replayed = true;
        return outcome;
    }
    earlier.finish();

    const std::optional<WorkItem> current = item(itemId);
    if (!current || !ActionPolicy::canView(actor.role, current->queue))
        return failed(problem(404, u"not-found"_s, u"No such work item"_s));
    if (current->version != expectedVersion && !changedOnlyBySource(itemId, expectedVersion, current->version)) {
        outcome.item = *current;
        return failed(problem(412, u"version-mismatch"_s, u"The item changed"_s,
                              u"The item is at version %1, not %2; review it and try again"_s.arg(current->version)
                                  .arg(expectedVersion)));
    }
    const ActionContext context = contextFor(*current, request);
    if (std::optional<Problem> refused = ActionPolicy::check(actor, *current, request, context))
        return failed(*refused);

    const WorkItem updated = ActionPolicy::apply(*current, actor, request, context, now);
    StoreError error = m_items.upsertItems({&updated, 1});
    if (!error)
        error = appendAudit(updated, actor, request, now);
    if (!error) {
        QSqlQuery remember(m_database.connection());
        remember.prepare(u"INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at) "
                         "VALUES (?, ?, ?, 200, ?, ?)"_s);
        remember.addBindValue(actor.id);
        remember.addBindValue(idempotencyKey);
        remember.addBindValue(QString::fromLatin1(requestHash));
        remember.addBindValue(QString::fromUtf8(compact(api::toJson(updated))));
        remember.addBindValue(utcText(now));
        if (!remember.exec())
            error = queryError(remember);
    }
    if (!error)
        error = transaction.commit();
    if (error)
        return failed(problem(503, u"store-error"_s, u"The action could not be saved"_s, error.message()));
    outcome.item = updated;
    return outcome;
}

bool GatewayStore::changedOnlyBySource(const QString &itemId, qint64 since, qint64 current)
{
    if (since <= 0 || since > current)
        return false;
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT count(*) FROM audit_log WHERE work_item_id = ? AND resulting_version > ? "
                  "AND action_type = 'source_updated'"_s);
    query.addBindValue(itemId);
    query.addBindValue(since);
    return query.exec() && query.next() && query.value(0).toLongLong() == current - since;
}

QString GatewayStore::sessionReference(const QString &token)
{
    return QString::fromLatin1(tokenHash(token).toHex().first(16));
}

StoreError GatewayStore::seed(const synthetic::SyntheticGenerator &generator, qint64 itemCount,
                              const std::function<void(qint64)> &progress, SeedClaims seedClaims)
{
    if (StoreError error = m_items.upsertPayers(generator.payers()))
        return error;
    if (StoreError error = m_items.upsertFacilities(generator.facilities()))
        return error;
    QSqlQuery refunds(m_database.connection());
    refunds.prepare(u"INSERT OR REPLACE INTO payer_settings (payer_id, refund_days) VALUES (?, ?)"_s);
    for (const synthetic::SyntheticGenerator::RefundSetting &setting : generator.refundSettings()) {
        refunds.addBindValue(setting.payerId);
        refunds.addBindValue(setting.refundDays);
        if (!refunds.exec())
            return queryError(refunds);
    }
    for (const User &member : generator.users()) {
        if (StoreError error = addUser(member, QString(), 0))
            return error;
    }
    if (StoreError error = m_items.beginBulkLoad())
        return error;
    constexpr qint64 batchSize = 5000;
    for (qint64 first = 0; first < itemCount; first += batchSize) {
        const QList<WorkItem> batch = generator.items(first, std::min(batchSize, itemCount - first));
        if (StoreError error = m_items.upsertItems(batch))
            return error;
        if (progress && seedClaims == SeedClaims::Separately)
            progress(first + batch.size());
        if (seedClaims == SeedClaims::Separately)
            continue;
        // The claims behind the items, line by line, for remittances to match.
        QList<models::Claim> claims;
        claims.reserve(batch.size());
        for (const WorkItem &item : batch)
            claims.append(synthetic::claimFor(item));
        if (StoreError error = ClaimRegister(m_database).addClaims(claims))
            return error;
        if (progress)
            progress(first + batch.size());
    }
    return m_items.endBulkLoad();
}

} // namespace rcm::server
