// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/outboxentry.h"
#include "models/workitem.h"
#include "services/api/apiclient.h"
#include "services/store/database.h"
#include "services/store/outboxstore.h"
#include "services/store/storeerror.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace rcm::api {
class PostActionRequest;
}

namespace rcm::sync {

/// One action waiting for the server, or one the user must look at.
using OutboxEntry = models::OutboxEntry;
/// Who wrote an action, and for which gateway.
using OutboxAuthor = models::OutboxAuthor;

QString stateName(OutboxEntry::State state);

/// The outbox: every user action is written here, in one transaction, before anything is
/// sent. Actions go out in order per item with their idempotency key; a failure or a
/// restart replays them with the same key. Nothing leaves the outbox silently: an action
/// leaves when the server confirms it or when the user discards it. Each action records
/// its author and gateway and is sent only in their session there: whoever signs in next
/// on the workstation never sends it as theirs.
class Outbox final
{
public:
    /// How long the server remembers idempotency keys (rcm-gateway: a day).
    static constexpr std::chrono::hours idempotencyWindow {24};

    explicit Outbox(store::Database &cache);
    Q_DISABLE_COPY_MOVE(Outbox)

    /// Queues an action on a cached item, based on the version the user sees (the cached
    /// version plus the actions author already queued for it). Returns the entry's id;
    /// refuses without a complete author.
    std::optional<qint64> enqueue(const QString &workItemId, const QJsonObject &action, const OutboxAuthor &author,
                                  store::StoreError *error = nullptr);

    struct SendResult
    {
        int sent = 0;
        int conflicts = 0;
        int failed = 0;
        int flaggedForReview = 0;
        api::ApiError stoppedBy; ///< a network or sign-in problem that stopped sending
    };
    /// Sends what sender wrote for their gateway and is pending, oldest first, one item's
    /// actions in order, one at a time, then calls done in context's thread (not if
    /// context goes first). Other people's actions stay as they are, neither sent nor
    /// counted. The outbox and its cache must outlive the sending.
    void send(api::ApiClient &client, const OutboxAuthor &sender, const QObject *context,
              std::function<void(const SendResult &)> done, const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// Every entry, whoever wrote it (rcmctl's listing, tests).
    QList<OutboxEntry> entries(store::StoreError *error = nullptr);
    /// What author may see: their own entries for their gateway, and those written before
    /// the outbox recorded authors (in review). Never another person's.
    QList<OutboxEntry> entries(const OutboxAuthor &author, store::StoreError *error = nullptr);
    qint64 count(OutboxEntry::State state);
    qint64 count(OutboxEntry::State state, const OutboxAuthor &author);

    /// Puts a conflict, failure or review entry back to pending, as author's: retrying
    /// sends it as oneself, whoever wrote it. The item's pending actions are rebased on
    /// the version the cache holds (the server's, after a conflict).
    store::StoreError retry(qint64 id, const OutboxAuthor &author);
    /// Drops an entry for good; the item's later pending actions are rebased.
    store::StoreError discard(qint64 id);

private:
    struct Sending;
    void sendNext(api::ApiClient &client, const QObject *context, const std::shared_ptr<Sending> &sending);
    void sent(const std::shared_ptr<Sending> &sending, const OutboxEntry &entry, const api::PostActionRequest &request,
              const api::ApiError &error);

    store::StoreError markProblem(const OutboxEntry &entry, OutboxEntry::State state, const QString &message,
                                  const QJsonObject &conflictItem = {});

    store::OutboxStore m_store;
};

} // namespace rcm::sync
