// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/outboxstore.h"

#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"

#include <QJsonDocument>
#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

using models::OutboxAuthor;
using models::OutboxEntry;

namespace {

const QString entryColumns
    = u"id, idempotency_key, work_item_id, action_json, base_version, state, attempts, created_at, "
      "last_error, conflict_item_json, author_id, server"_s;
// A person's own rows on their gateway, and the rows no one can be named for (written
// before the outbox recorded authors), which wait in review for whoever checks them.
const QString visibleTo = u"((author_id = ? AND server = ?) OR author_id = '')"_s;

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString timestamp(const QDateTime &time)
{
    return QString::fromLatin1(isoTimestamp(time));
}

OutboxEntry::State stateFrom(const QString &name)
{
    // Unknown (written by a newer build): let a person look.
    return models::fromWireName<OutboxEntry::State>(name).value_or(OutboxEntry::State::Review);
}

} // namespace

OutboxStore::OutboxStore(Database &database)
    : m_database(database)
    , m_items(database)
    , m_baseVersion(u"SELECT version, (SELECT count(*) FROM outbox WHERE work_item_id = work_items.id AND state = "
                    "'pending' AND author_id = ? AND server = ?) FROM work_items WHERE id = ?"_s)
    , m_insert(u"INSERT INTO outbox (idempotency_key, work_item_id, action_json, base_version, state, created_at, "
               "author_id, server) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)"_s)
    , m_selectAll(u"SELECT %1 FROM outbox ORDER BY id"_s.arg(entryColumns))
    , m_selectVisible(u"SELECT %1 FROM outbox WHERE %2 ORDER BY id"_s.arg(entryColumns, visibleTo))
    , m_countInState(u"SELECT count(*) FROM outbox WHERE state = ?"_s)
    , m_countVisibleInState(u"SELECT count(*) FROM outbox WHERE state = ? AND %1"_s.arg(visibleTo))
    , m_markAttempt(u"UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ?"_s)
    , m_noteError(u"UPDATE outbox SET last_error = ? WHERE id = ?"_s)
    , m_markProblem(u"UPDATE outbox SET state = ?, last_error = ?, conflict_item_json = ? WHERE id = ?"_s)
    , m_delete(u"DELETE FROM outbox WHERE id = ?"_s)
    , m_cachedVersion(u"SELECT version FROM work_items WHERE id = ?"_s)
    , m_pendingOfItem(u"SELECT id FROM outbox WHERE work_item_id = ? AND author_id = ? AND server = ? AND state = "
                      "'pending' ORDER BY id"_s)
    , m_setBaseVersion(u"UPDATE outbox SET base_version = ? WHERE id = ?"_s)
    , m_lookUp(u"SELECT work_item_id, state, author_id, server FROM outbox WHERE id = ?"_s)
    , m_backToPending(u"UPDATE outbox SET state = 'pending', last_error = NULL, conflict_item_json = NULL, "
                      "attempts = CASE WHEN ? THEN 0 ELSE attempts END, "
                      "created_at = CASE WHEN ? THEN ? ELSE created_at END, author_id = ?, server = ? WHERE id = ?"_s)
{ }

std::optional<qint64> OutboxStore::enqueue(const QString &workItemId, const QJsonObject &action,
                                           const QString &idempotencyKey, const QDateTime &createdAt,
                                           const OutboxAuthor &author, StoreError *error)
{
    auto fail = [&](StoreError problem) -> std::optional<qint64> {
        setError(error, std::move(problem));
        return std::nullopt;
    };
    if (!author.isComplete()) {
        return fail(StoreError(StoreError::Code::Query,
                               u"Cannot queue an action without knowing who is signed in, and to which gateway"_s));
    }
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return fail(transaction.beginError());
    StoreError prepareError;
    QSqlQuery *query = m_baseVersion.get(m_database.connection(), &prepareError);
    QSqlQuery *insert = m_insert.get(m_database.connection(), &prepareError);
    if (!query || !insert)
        return fail(prepareError);
    query->bindValue(0, author.userId);
    query->bindValue(1, author.server);
    query->bindValue(2, workItemId);
    if (!query->exec())
        return fail(queryFailure(*query, u"Reading the item's version"));
    if (!query->next()) {
        query->finish();
        return fail(StoreError(StoreError::Code::Query, u"No work item %1 in the cache; sync first"_s.arg(workItemId)));
    }
    // The user acts on the item as they see it: the cached version with the actions they
    // already queued applied, each of which the server will count as one version. Someone
    // else's actions are not theirs to send: they do not count.
    const qint64 baseVersion = query->value(0).toLongLong() + query->value(1).toLongLong();
    query->finish();
    insert->bindValue(0, idempotencyKey);
    insert->bindValue(1, workItemId);
    insert->bindValue(2, compact(action));
    insert->bindValue(3, baseVersion);
    insert->bindValue(4, timestamp(createdAt));
    insert->bindValue(5, author.userId);
    insert->bindValue(6, author.server);
    if (!insert->exec())
        return fail(queryFailure(*insert, u"Queueing an action"));
    const qint64 id = insert->lastInsertId().toLongLong();
    if (StoreError commitError = transaction.commit())
        return fail(commitError);
    return id;
}

QList<OutboxEntry> OutboxStore::entries(StoreError *error)
{
    QSqlQuery *query = m_selectAll.get(m_database.connection(), error);
    return query ? readEntries(*query, error) : QList<OutboxEntry>();
}

QList<OutboxEntry> OutboxStore::entries(const OutboxAuthor &author, StoreError *error)
{
    QSqlQuery *query = m_selectVisible.get(m_database.connection(), error);
    if (!query)
        return {};
    query->bindValue(0, author.userId);
    query->bindValue(1, author.server);
    return readEntries(*query, error);
}

QList<OutboxEntry> OutboxStore::readEntries(QSqlQuery &statement, StoreError *error)
{
    QList<OutboxEntry> result;
    QSqlQuery *query = &statement;
    const auto done = qScopeGuard([query]() { query->finish(); });
    if (!query->exec()) {
        setError(error, queryFailure(*query, u"Reading the outbox"));
        return result;
    }
    while (query->next()) {
        OutboxEntry entry;
        entry.id = query->value(0).toLongLong();
        entry.idempotencyKey = query->value(1).toString();
        entry.workItemId = query->value(2).toString();
        entry.action = QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object();
        entry.baseVersion = query->value(4).toLongLong();
        entry.state = stateFrom(query->value(5).toString());
        entry.attempts = query->value(6).toInt();
        entry.createdAt = QDateTime::fromString(query->value(7).toString(), Qt::ISODateWithMs);
        entry.lastError = query->value(8).toString();
        entry.conflictItem = QJsonDocument::fromJson(query->value(9).toString().toUtf8()).object();
        entry.authorId = query->value(10).toString();
        entry.server = query->value(11).toString();
        result.append(entry);
    }
    return result;
}

qint64 OutboxStore::count(OutboxEntry::State state, StoreError *error)
{
    QSqlQuery *query = m_countInState.get(m_database.connection(), error);
    if (!query)
        return -1;
    query->bindValue(0, QString(models::wireName(state)));
    return readCount(*query, error);
}

qint64 OutboxStore::count(OutboxEntry::State state, const OutboxAuthor &author, StoreError *error)
{
    QSqlQuery *query = m_countVisibleInState.get(m_database.connection(), error);
    if (!query)
        return -1;
    query->bindValue(0, QString(models::wireName(state)));
    query->bindValue(1, author.userId);
    query->bindValue(2, author.server);
    return readCount(*query, error);
}

qint64 OutboxStore::readCount(QSqlQuery &statement, StoreError *error)
{
    QSqlQuery *query = &statement;
    const auto done = qScopeGuard([query]() { query->finish(); });
    if (!query->exec() || !query->next()) {
        setError(error, queryFailure(*query, u"Counting the outbox"));
        return -1;
    }
    return query->value(0).toLongLong();
}

StoreError OutboxStore::recordAttempt(qint64 id, const QDateTime &at)
{
    StoreError error;
    QSqlQuery *query = m_markAttempt.get(m_database.connection(), &error);
    if (!query)
        return error;
    query->bindValue(0, timestamp(at));
    query->bindValue(1, id);
    return query->exec() ? StoreError() : queryFailure(*query, u"Recording a send");
}

StoreError OutboxStore::recordSendError(qint64 id, const QString &message)
{
    StoreError error;
    QSqlQuery *query = m_noteError.get(m_database.connection(), &error);
    if (!query)
        return error;
    query->bindValue(0, message);
    query->bindValue(1, id);
    return query->exec() ? StoreError() : queryFailure(*query, u"Recording a send error");
}

StoreError OutboxStore::recordProblem(qint64 id, OutboxEntry::State state, const QString &message,
                                      const QJsonObject &conflictItem, const models::WorkItem *serverItem)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    StoreError error;
    QSqlQuery *query = m_markProblem.get(m_database.connection(), &error);
    if (!query)
        return error;
    query->bindValue(0, QString(models::wireName(state)));
    query->bindValue(1, message);
    query->bindValue(
        2, conflictItem.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(compact(conflictItem)));
    query->bindValue(3, id);
    if (!query->exec())
        return queryFailure(*query, u"Setting an action aside");
    if (serverItem) {
        if (StoreError itemError = m_items.upsertItems({serverItem, 1}))
            return itemError;
    }
    return transaction.commit();
}

StoreError OutboxStore::confirm(const models::OutboxEntry &entry, const models::WorkItem &serverItem)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = m_items.upsertItems({&serverItem, 1}))
        return error;
    if (StoreError error = deleteEntry(entry.id, u"Confirming an action"))
        return error;
    if (serverItem.version != entry.baseVersion + 1 && !entry.authorId.isEmpty()) {
        if (StoreError error = rebase(entry.workItemId, {entry.authorId, entry.server}))
            return error;
    }
    return transaction.commit();
}

StoreError OutboxStore::deleteEntry(qint64 id, QStringView what)
{
    StoreError error;
    QSqlQuery *query = m_delete.get(m_database.connection(), &error);
    if (!query)
        return error;
    query->bindValue(0, id);
    if (!query->exec())
        return queryFailure(*query, what);
    return {};
}

StoreError OutboxStore::rebase(const QString &workItemId, const OutboxAuthor &author)
{
    // The author's pending actions on the item follow one another from the version the
    // cache holds, which after a conflict is the server's current one.
    StoreError error;
    QSqlQuery *version = m_cachedVersion.get(m_database.connection(), &error);
    QSqlQuery *pending = m_pendingOfItem.get(m_database.connection(), &error);
    QSqlQuery *update = m_setBaseVersion.get(m_database.connection(), &error);
    if (!version || !pending || !update)
        return error;
    version->bindValue(0, workItemId);
    if (!version->exec())
        return queryFailure(*version, u"Reading the item's version");
    if (!version->next()) {
        version->finish();
        return {}; // no longer cached: sending will fail visibly with 404
    }
    qint64 base = version->value(0).toLongLong();
    version->finish();
    pending->bindValue(0, workItemId);
    pending->bindValue(1, author.userId);
    pending->bindValue(2, author.server);
    if (!pending->exec())
        return queryFailure(*pending, u"Reading the item's pending actions");
    QList<qint64> ids;
    while (pending->next())
        ids.append(pending->value(0).toLongLong());
    pending->finish();
    for (qint64 id : std::as_const(ids)) {
        update->bindValue(0, base++);
        update->bindValue(1, id);
        if (!update->exec())
            return queryFailure(*update, u"Rebasing the item's pending actions");
    }
    return {};
}

StoreError OutboxStore::lookUp(qint64 id, QString *workItemId, OutboxEntry::State *state, OutboxAuthor *author)
{
    StoreError error;
    QSqlQuery *query = m_lookUp.get(m_database.connection(), &error);
    if (!query)
        return error;
    const auto done = qScopeGuard([query]() { query->finish(); });
    query->bindValue(0, id);
    if (!query->exec())
        return queryFailure(*query, u"Reading an outbox entry");
    if (!query->next())
        return StoreError(StoreError::Code::Query, u"No outbox entry %1"_s.arg(id));
    *workItemId = query->value(0).toString();
    *state = stateFrom(query->value(1).toString());
    *author = {query->value(2).toString(), query->value(3).toString()};
    return {};
}

StoreError OutboxStore::returnToPending(qint64 id, const QDateTime &now, const OutboxAuthor &author)
{
    if (!author.isComplete()) {
        return StoreError(StoreError::Code::Query,
                          u"Cannot retry an action without knowing who is signed in, and to which gateway"_s);
    }
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    QString workItemId;
    OutboxEntry::State state = OutboxEntry::State::Pending;
    OutboxAuthor previousAuthor;
    if (StoreError error = lookUp(id, &workItemId, &state, &previousAuthor))
        return error;
    // A reviewed entry is resent on purpose: it starts a fresh idempotency window.
    const bool reviewed = state == OutboxEntry::State::Review;
    StoreError error;
    QSqlQuery *update = m_backToPending.get(m_database.connection(), &error);
    if (!update)
        return error;
    update->bindValue(0, reviewed);
    update->bindValue(1, reviewed);
    update->bindValue(2, timestamp(now));
    // Retrying is sending it as oneself: whoever wrote it (or nobody known), it is the
    // retrying person's now.
    update->bindValue(3, author.userId);
    update->bindValue(4, author.server);
    update->bindValue(5, id);
    if (!update->exec())
        return queryFailure(*update, u"Retrying an action");
    if (StoreError rebaseError = rebase(workItemId, author))
        return rebaseError;
    if (previousAuthor != author) {
        if (StoreError rebaseError = rebase(workItemId, previousAuthor))
            return rebaseError;
    }
    return transaction.commit();
}

StoreError OutboxStore::remove(qint64 id)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    QString workItemId;
    OutboxEntry::State state = OutboxEntry::State::Pending;
    OutboxAuthor author;
    if (StoreError error = lookUp(id, &workItemId, &state, &author))
        return error;
    if (StoreError error = deleteEntry(id, u"Discarding an action"))
        return error;
    // The actions its author queued after it assumed it would happen: they follow the cache now.
    if (StoreError rebaseError = rebase(workItemId, author))
        return rebaseError;
    return transaction.commit();
}

} // namespace rcm::store
