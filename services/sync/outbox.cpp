// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/sync/outbox.h"

#include "services/api/requests.h"
#include "services/api/workitemjson.h"

#include <QJsonDocument>
#include <QSet>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace rcm::sync {

using store::StoreError;

QString stateName(OutboxEntry::State state)
{
    return models::wireName(state);
}

Outbox::Outbox(store::Database &cache)
    : m_store(cache)
{ }

std::optional<qint64> Outbox::enqueue(const QString &workItemId, const QJsonObject &action, const OutboxAuthor &author,
                                      StoreError *error)
{
    return m_store.enqueue(workItemId, action, u"rcm-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces),
                           QDateTime::currentDateTimeUtc(), author, error);
}

QList<OutboxEntry> Outbox::entries(StoreError *error)
{
    return m_store.entries(error);
}

QList<OutboxEntry> Outbox::entries(const OutboxAuthor &author, StoreError *error)
{
    return m_store.entries(author, error);
}

qint64 Outbox::count(OutboxEntry::State state)
{
    return m_store.count(state);
}

qint64 Outbox::count(OutboxEntry::State state, const OutboxAuthor &author)
{
    return m_store.count(state, author);
}

StoreError Outbox::markProblem(const OutboxEntry &entry, OutboxEntry::State state, const QString &message,
                               const QJsonObject &conflictItem)
{
    // The server's current item is the truth: show it.
    std::optional<models::WorkItem> serverItem;
    if (!conflictItem.isEmpty()) {
        QString parseError;
        serverItem = api::workItemFromJson(conflictItem, &parseError);
    }
    return m_store.recordProblem(entry.id, state, message, conflictItem, serverItem ? &*serverItem : nullptr);
}

/// One pass of send(): what is left to look at, the items held back and the tally.
struct Outbox::Sending
{
    QList<OutboxEntry> entries;
    qsizetype next = 0;
    QDateTime now;
    OutboxAuthor sender;
    QSet<QString> blockedItems; ///< an earlier action of the item is not through
    SendResult result;
    std::function<void(const SendResult &)> done;
};

void Outbox::send(api::ApiClient &client, const OutboxAuthor &sender, const QObject *context,
                  std::function<void(const SendResult &)> done, const QDateTime &now)
{
    auto sending = std::make_shared<Sending>();
    // Nobody known signed in: nothing is theirs to send.
    if (sender.isComplete())
        sending->entries = entries(sender);
    sending->now = now;
    sending->sender = sender;
    sending->done = std::move(done);
    sendNext(client, context, sending);
}

void Outbox::sendNext(api::ApiClient &client, const QObject *context, const std::shared_ptr<Sending> &sending)
{
    while (sending->next < sending->entries.size()) {
        const OutboxEntry entry = sending->entries.at(sending->next++);
        if (entry.author() != sending->sender)
            continue; // not theirs (unattributed, in review): only retrying makes it someone's
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
        if (StoreError error = m_store.recordAttempt(entry.id, sending->now)) {
            sending->result.stoppedBy.kind = api::ApiError::Kind::Network;
            sending->result.stoppedBy.detail = error.message();
            break;
        }
        auto request = std::make_shared<api::PostActionRequest>(
            entry.workItemId, QJsonDocument(entry.action).toJson(QJsonDocument::Compact), entry.idempotencyKey,
            entry.baseVersion, entry.authorId);
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
        m_store.confirm(entry, request.item);
        if (request.item.version != entry.baseVersion + 1) {
            // Applied over changes the item's source made meanwhile: the store rebased the
            // author's later actions on the item, and so does this pass.
            qint64 base = request.item.version;
            for (qsizetype index = sending->next; index < sending->entries.size(); ++index) {
                OutboxEntry &later = sending->entries[index];
                if (later.workItemId == entry.workItemId && later.author() == entry.author()
                    && later.state == OutboxEntry::State::Pending)
                    later.baseVersion = base++;
            }
        }
        ++result.sent;
        return;
    }
    sending->blockedItems.insert(entry.workItemId);
    if (error.kind == api::ApiError::Kind::Refused && error.problemType == u"author-mismatch"_s) {
        // The gateway's session is not the author's: a person checks who is signed in.
        markProblem(entry, OutboxEntry::State::Review, error.message());
        ++result.flaggedForReview;
    } else if (error.kind == api::ApiError::Kind::Refused && error.httpStatus == 412) {
        markProblem(entry, OutboxEntry::State::Conflict, error.message(),
                    error.problem.value(u"currentItem"_s).toObject());
        ++result.conflicts;
    } else if (error.kind == api::ApiError::Kind::Refused) {
        markProblem(entry, OutboxEntry::State::Failed, error.message());
        ++result.failed;
    } else {
        // Network, timeout, server trouble, sign-in: keep it pending and stop here.
        m_store.recordSendError(entry.id, error.message());
        result.stoppedBy = error;
    }
}

StoreError Outbox::retry(qint64 id, const OutboxAuthor &author)
{
    return m_store.returnToPending(id, QDateTime::currentDateTimeUtc(), author);
}

StoreError Outbox::discard(qint64 id)
{
    return m_store.remove(id);
}

} // namespace rcm::sync
