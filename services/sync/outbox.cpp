#include "services/sync/outbox.h"

#include "services/api/requests.h"
#include "services/api/workitemjson.h"
#include "services/store/sqlitestatement.h"
#include "services/store/transactionguard.h"
#include "services/store/workitemstore.h"
#include "services/sync/syncengine.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace rcm::sync {

using store::StoreError;

namespace {

constexpr std::array<std::pair<OutboxEntry::State, QLatin1StringView>, 4> stateNames = {{
    {OutboxEntry::State::Pending, QLatin1StringView("pending")},
    {OutboxEntry::State::Conflict, QLatin1StringView("conflict")},
    {OutboxEntry::State::Failed, QLatin1StringView("failed")},
    {OutboxEntry::State::Review, QLatin1StringView("review")},
}};

OutboxEntry::State stateFrom(const QString &name)
{
    for (const auto &[state, text] : stateNames) {
        if (text == name)
            return state;
    }
    return OutboxEntry::State::Review; // unknown: let a person look
}

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QString stateName(OutboxEntry::State state)
{
    for (const auto &[value, text] : stateNames) {
        if (value == state)
            return text;
    }
    return {};
}

Outbox::Outbox(store::Database &cache)
    : m_cache(cache)
{ }

std::optional<qint64> Outbox::enqueue(const QString &workItemId, const QJsonObject &action, StoreError *error)
{
    auto fail = [&](StoreError problem) -> std::optional<qint64> {
        if (error)
            *error = std::move(problem);
        return std::nullopt;
    };
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return fail(transaction.beginError());
    QSqlQuery query(m_cache.connection());
    query.prepare(u"SELECT version, (SELECT count(*) FROM outbox WHERE work_item_id = work_items.id AND state = "
                  "'pending') FROM work_items WHERE id = ?"_s);
    query.addBindValue(workItemId);
    if (!query.exec())
        return fail(queryError(query));
    if (!query.next())
        return fail(StoreError(StoreError::Code::Query, u"No work item %1 in the cache; sync first"_s.arg(workItemId)));
    // The user acts on the item as they see it: the cached version with the actions they
    // already queued applied, each of which the server will count as one version.
    const qint64 baseVersion = query.value(0).toLongLong() + query.value(1).toLongLong();
    query.finish();
    QSqlQuery insert(m_cache.connection());
    insert.prepare(u"INSERT INTO outbox (idempotency_key, work_item_id, action_json, base_version, state, created_at) "
                   "VALUES (?, ?, ?, ?, 'pending', ?)"_s);
    insert.addBindValue(QString(u"rcm-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces)));
    insert.addBindValue(workItemId);
    insert.addBindValue(compact(action));
    insert.addBindValue(baseVersion);
    insert.addBindValue(QString::fromLatin1(store::isoTimestamp(QDateTime::currentDateTimeUtc())));
    if (!insert.exec())
        return fail(queryError(insert));
    const qint64 id = insert.lastInsertId().toLongLong();
    if (StoreError commitError = transaction.commit())
        return fail(commitError);
    return id;
}

QList<OutboxEntry> Outbox::entries(StoreError *error)
{
    QList<OutboxEntry> result;
    QSqlQuery query(m_cache.connection());
    if (!query.exec(u"SELECT id, idempotency_key, work_item_id, action_json, base_version, state, attempts, "
                    "created_at, last_error, conflict_item_json FROM outbox ORDER BY id"_s)) {
        if (error)
            *error = queryError(query);
        return result;
    }
    while (query.next()) {
        OutboxEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.idempotencyKey = query.value(1).toString();
        entry.workItemId = query.value(2).toString();
        entry.action = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object();
        entry.baseVersion = query.value(4).toLongLong();
        entry.state = stateFrom(query.value(5).toString());
        entry.attempts = query.value(6).toInt();
        entry.createdAt = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs);
        entry.lastError = query.value(8).toString();
        entry.conflictItem = QJsonDocument::fromJson(query.value(9).toString().toUtf8()).object();
        result.append(entry);
    }
    return result;
}

qint64 Outbox::count(OutboxEntry::State state)
{
    QSqlQuery query(m_cache.connection());
    query.prepare(u"SELECT count(*) FROM outbox WHERE state = ?"_s);
    query.addBindValue(stateName(state));
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

StoreError Outbox::markAttempt(const OutboxEntry &entry, const QDateTime &now)
{
    // Counted before sending: after a crash, attempts > 0 says the server may have it.
    QSqlQuery query(m_cache.connection());
    query.prepare(u"UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ?"_s);
    query.addBindValue(QString::fromLatin1(store::isoTimestamp(now)));
    query.addBindValue(entry.id);
    return query.exec() ? StoreError() : queryError(query);
}

StoreError Outbox::markProblem(const OutboxEntry &entry, OutboxEntry::State state, const QString &message,
                               const QJsonObject &conflictItem)
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_cache.connection());
    query.prepare(u"UPDATE outbox SET state = ?, last_error = ?, conflict_item_json = ? WHERE id = ?"_s);
    query.addBindValue(stateName(state));
    query.addBindValue(message);
    query.addBindValue(conflictItem.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                              : QVariant(compact(conflictItem)));
    query.addBindValue(entry.id);
    if (!query.exec())
        return queryError(query);
    // The server's current item is the truth: show it.
    if (!conflictItem.isEmpty()) {
        QString parseError;
        if (const auto item = api::workItemFromJson(conflictItem, &parseError)) {
            if (StoreError error = store::WorkItemStore(m_cache).upsertItems({&*item, 1}))
                return error;
        }
    }
    return transaction.commit();
}

StoreError Outbox::confirm(const OutboxEntry &entry, const models::WorkItem &item)
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = store::WorkItemStore(m_cache).upsertItems({&item, 1}))
        return error;
    QSqlQuery query(m_cache.connection());
    query.prepare(u"DELETE FROM outbox WHERE id = ?"_s);
    query.addBindValue(entry.id);
    if (!query.exec())
        return queryError(query);
    return transaction.commit();
}

/// One pass of send(): what is left to look at, the items held back and the tally.
struct Outbox::Sending
{
    QList<OutboxEntry> entries;
    qsizetype next = 0;
    QDateTime now;
    QSet<QString> blockedItems; ///< an earlier action of the item is not through
    SendResult result;
    std::function<void(const SendResult &)> done;
};

void Outbox::send(api::ApiClient &client, const QObject *context, std::function<void(const SendResult &)> done,
                  const QDateTime &now)
{
    auto sending = std::make_shared<Sending>();
    sending->entries = entries();
    sending->now = now;
    sending->done = std::move(done);
    sendNext(client, context, sending);
}

void Outbox::sendNext(api::ApiClient &client, const QObject *context, const std::shared_ptr<Sending> &sending)
{
    while (sending->next < sending->entries.size()) {
        const OutboxEntry entry = sending->entries.at(sending->next++);
        if (entry.state != OutboxEntry::State::Pending) {
            sending->blockedItems.insert(entry.workItemId);
            continue;
        }
        if (sending->blockedItems.contains(entry.workItemId))
            continue;
        if (entry.attempts > 0
            && entry.createdAt.secsTo(sending->now) > std::chrono::seconds(idempotencyWindow).count()) {
            // The server may have applied it and forgotten the key: resending could apply
            // it twice. A person decides.
            markProblem(entry, OutboxEntry::State::Review,
                        u"Sent before but not confirmed, and older than the server remembers; check the item's "
                        "history before retrying"_s);
            sending->blockedItems.insert(entry.workItemId);
            ++sending->result.flaggedForReview;
            continue;
        }
        if (StoreError error = markAttempt(entry, sending->now)) {
            sending->result.stoppedBy.kind = api::ApiError::Kind::Network;
            sending->result.stoppedBy.detail = error.message();
            break;
        }
        auto request = std::make_shared<api::PostActionRequest>(
            entry.workItemId, QJsonDocument(entry.action).toJson(QJsonDocument::Compact), entry.idempotencyKey,
            entry.baseVersion);
        client.send(request, context, [this, &client, context, sending, entry, request](const api::ApiError &error) {
            sent(sending, entry, *request, error);
            if (sending->result.stoppedBy) {
                sending->done(sending->result);
                return;
            }
            sendNext(client, context, sending);
        });
        return;
    }
    sending->done(sending->result);
}

void Outbox::sent(const std::shared_ptr<Sending> &sending, const OutboxEntry &entry,
                  const api::PostActionRequest &request, const api::ApiError &error)
{
    SendResult &result = sending->result;
    if (!error) {
        confirm(entry, request.item);
        ++result.sent;
        return;
    }
    sending->blockedItems.insert(entry.workItemId);
    if (error.kind == api::ApiError::Kind::Refused && error.httpStatus == 412) {
        markProblem(entry, OutboxEntry::State::Conflict, error.message(),
                    error.problem.value(u"currentItem"_s).toObject());
        ++result.conflicts;
    } else if (error.kind == api::ApiError::Kind::Refused) {
        markProblem(entry, OutboxEntry::State::Failed, error.message());
        ++result.failed;
    } else {
        // Network, timeout, server trouble, sign-in: keep it pending and stop here.
        QSqlQuery note(m_cache.connection());
        note.prepare(u"UPDATE outbox SET last_error = ? WHERE id = ?"_s);
        note.addBindValue(error.message());
        note.addBindValue(entry.id);
        note.exec();
        result.stoppedBy = error;
    }
}

StoreError Outbox::rebase(const QString &workItemId)
{
    // The item's pending actions follow one another from the version the cache holds,
    // which after a conflict is the server's current one.
    QSqlQuery query(m_cache.connection());
    query.prepare(u"SELECT version FROM work_items WHERE id = ?"_s);
    query.addBindValue(workItemId);
    if (!query.exec())
        return queryError(query);
    if (!query.next())
        return {}; // no longer cached: sending will fail visibly with 404
    qint64 base = query.value(0).toLongLong();
    query.finish();
    QSqlQuery pending(m_cache.connection());
    pending.prepare(u"SELECT id FROM outbox WHERE work_item_id = ? AND state = 'pending' ORDER BY id"_s);
    pending.addBindValue(workItemId);
    if (!pending.exec())
        return queryError(pending);
    QList<qint64> ids;
    while (pending.next())
        ids.append(pending.value(0).toLongLong());
    QSqlQuery update(m_cache.connection());
    update.prepare(u"UPDATE outbox SET base_version = ? WHERE id = ?"_s);
    for (qint64 id : std::as_const(ids)) {
        update.bindValue(0, base++);
        update.bindValue(1, id);
        if (!update.exec())
            return queryError(update);
    }
    return {};
}

StoreError Outbox::lookUp(qint64 id, QString *workItemId, OutboxEntry::State *state)
{
    QSqlQuery query(m_cache.connection());
    query.prepare(u"SELECT work_item_id, state FROM outbox WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return queryError(query);
    if (!query.next())
        return StoreError(StoreError::Code::Query, u"No outbox entry %1"_s.arg(id));
    *workItemId = query.value(0).toString();
    *state = stateFrom(query.value(1).toString());
    return {};
}

StoreError Outbox::retry(qint64 id)
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    QString workItemId;
    OutboxEntry::State state = OutboxEntry::State::Pending;
    if (StoreError error = lookUp(id, &workItemId, &state))
        return error;
    // A reviewed entry is resent on purpose: it starts a fresh idempotency window.
    const bool reviewed = state == OutboxEntry::State::Review;
    QSqlQuery update(m_cache.connection());
    update.prepare(u"UPDATE outbox SET state = 'pending', last_error = NULL, conflict_item_json = NULL, "
                   "attempts = CASE WHEN ? THEN 0 ELSE attempts END, "
                   "created_at = CASE WHEN ? THEN ? ELSE created_at END WHERE id = ?"_s);
    update.addBindValue(reviewed);
    update.addBindValue(reviewed);
    update.addBindValue(QString::fromLatin1(store::isoTimestamp(QDateTime::currentDateTimeUtc())));
    update.addBindValue(id);
    if (!update.exec())
        return queryError(update);
    if (StoreError error = rebase(workItemId))
        return error;
    return transaction.commit();
}

StoreError Outbox::discard(qint64 id)
{
    store::TransactionGuard transaction(m_cache.connection());
    if (transaction.beginError())
        return transaction.beginError();
    QString workItemId;
    OutboxEntry::State state = OutboxEntry::State::Pending;
    if (StoreError error = lookUp(id, &workItemId, &state))
        return error;
    QSqlQuery remove(m_cache.connection());
    remove.prepare(u"DELETE FROM outbox WHERE id = ?"_s);
    remove.addBindValue(id);
    if (!remove.exec())
        return queryError(remove);
    // The actions queued after it assumed it would happen: they follow the cache now.
    if (StoreError error = rebase(workItemId))
        return error;
    return transaction.commit();
}

} // namespace rcm::sync
