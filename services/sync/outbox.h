#pragma once

#include "models/workitem.h"
#include "services/api/apiclient.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QJsonObject>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace rcm::api {
class PostActionRequest;
}

namespace rcm::sync {

/// One action waiting for the server, or one the user must look at.
struct OutboxEntry
{
    enum class State {
        Pending, ///< waiting to be sent (or resent: the key makes that safe)
        Conflict, ///< the item changed on the server (412): retry on the new version or discard
        Failed, ///< the server refused it (403, 404, 409, 422): read why, then discard
        Review, ///< older than the server remembers keys, and maybe sent: check before resending
    };
    qint64 id = 0;
    QString idempotencyKey;
    QString workItemId;
    QJsonObject action; ///< {"type": ..., ...}
    qint64 baseVersion = 0;
    State state = State::Pending;
    int attempts = 0;
    QDateTime createdAt;
    QString lastError;
    QJsonObject conflictItem; ///< the server's item, for a conflict

    QString typeName() const { return action.value(QStringLiteral("type")).toString(); }
};

QString stateName(OutboxEntry::State state);

/// The outbox: every user action is written here, in one transaction, before anything is
/// sent. Actions go out in order per item with their idempotency key; a failure or a
/// restart replays them with the same key. Nothing leaves the outbox silently: an action
/// leaves when the server confirms it or when the user discards it.
class Outbox final
{
public:
    /// How long the server remembers idempotency keys (rcm-gateway: a day).
    static constexpr std::chrono::hours idempotencyWindow {24};

    explicit Outbox(store::Database &cache);
    Q_DISABLE_COPY_MOVE(Outbox)

    /// Queues an action on a cached item, based on the version the user sees (the cached
    /// version plus the actions already queued for it). Returns the entry's id.
    std::optional<qint64> enqueue(const QString &workItemId, const QJsonObject &action,
                                  store::StoreError *error = nullptr);

    struct SendResult
    {
        int sent = 0;
        int conflicts = 0;
        int failed = 0;
        int flaggedForReview = 0;
        api::ApiError stoppedBy; ///< a network or sign-in problem that stopped sending
    };
    /// Sends what is pending, oldest first, one item's actions in order, one at a time,
    /// then calls done in context's thread (not if context goes first). The outbox and
    /// its cache must outlive the sending.
    void send(api::ApiClient &client, const QObject *context, std::function<void(const SendResult &)> done,
              const QDateTime &now = QDateTime::currentDateTimeUtc());

    QList<OutboxEntry> entries(store::StoreError *error = nullptr);
    qint64 count(OutboxEntry::State state);

    /// Puts a conflict, failure or review entry back to pending; the item's pending
    /// actions are rebased on the version the cache holds (the server's, after a conflict).
    store::StoreError retry(qint64 id);
    /// Drops an entry for good; the item's later pending actions are rebased.
    store::StoreError discard(qint64 id);

private:
    struct Sending;
    void sendNext(api::ApiClient &client, const QObject *context, const std::shared_ptr<Sending> &sending);
    void sent(const std::shared_ptr<Sending> &sending, const OutboxEntry &entry, const api::PostActionRequest &request,
              const api::ApiError &error);

    store::StoreError lookUp(qint64 id, QString *workItemId, OutboxEntry::State *state);
    store::StoreError rebase(const QString &workItemId);
    store::StoreError markAttempt(const OutboxEntry &entry, const QDateTime &now);
    store::StoreError markProblem(const OutboxEntry &entry, OutboxEntry::State state, const QString &message,
                                  const QJsonObject &conflictItem = {});
    store::StoreError confirm(const OutboxEntry &entry, const models::WorkItem &item);

    store::Database &m_cache;
};

} // namespace rcm::sync
