// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/outboxentry.h"
#include "models/workitem.h"
#include "services/store/database.h"
#include "services/store/preparedquery.h"
#include "services/store/storeerror.h"
#include "services/store/workitemstore.h"

#include <QList>
#include <QSqlQuery>

#include <optional>

namespace rcm::store {

/// The outbox table of a workbench cache: user actions written before they are sent, with
/// their idempotency key, the item version they were based on and what became of them.
/// Each change that touches several rows (an enqueue, a confirmation, a retry) is one
/// transaction. Statements are prepared once; destroy it before closing its Database.
class OutboxStore final
{
public:
    explicit OutboxStore(Database &database);
    Q_DISABLE_COPY_MOVE(OutboxStore)

    /// Adds a pending action on a cached item, based on the version the user sees: the
    /// cached version plus the actions already pending for it. Returns the entry's id.
    /// author (who is signed in, and to which gateway) is refused when incomplete.
    std::optional<qint64> enqueue(const QString &workItemId, const QJsonObject &action, const QString &idempotencyKey,
                                  const QDateTime &createdAt, const models::OutboxAuthor &author,
                                  StoreError *error = nullptr);

    /// Every entry, oldest first, whoever wrote it.
    QList<models::OutboxEntry> entries(StoreError *error = nullptr);
    /// What author may see, oldest first: their own entries for their gateway, and the
    /// entries written before the outbox recorded authors (in review, to check and retry).
    QList<models::OutboxEntry> entries(const models::OutboxAuthor &author, StoreError *error = nullptr);
    /// -1 if the count cannot be read.
    qint64 count(models::OutboxEntry::State state, StoreError *error = nullptr);
    /// The same, of what author may see (as entries(author)).
    qint64 count(models::OutboxEntry::State state, const models::OutboxAuthor &author, StoreError *error = nullptr);

    /// Counts a send before it happens: after a crash, attempts > 0 says the server may have it.
    StoreError recordAttempt(qint64 id, const QDateTime &at);
    /// Notes why a send did not get through, keeping the entry pending.
    StoreError recordSendError(qint64 id, const QString &message);
    /// Sets aside an entry the user must look at; the server's current item, when given,
    /// replaces the cached one in the same transaction.
    StoreError recordProblem(qint64 id, models::OutboxEntry::State state, const QString &message,
                             const QJsonObject &conflictItem = {}, const models::WorkItem *serverItem = nullptr);
    /// The server applied the entry: it leaves the outbox and the item becomes the server's.
    /// When the server's version is not the entry's base plus one (it applied the action over
    /// changes the item's source made meanwhile), the author's later actions on the item are
    /// rebased on it.
    StoreError confirm(const models::OutboxEntry &entry, const models::WorkItem &serverItem);

    /// Puts an entry back to pending (a reviewed one with a fresh idempotency window from
    /// now) as author's, whoever wrote it, and rebases the item's pending actions on the
    /// cached version.
    StoreError returnToPending(qint64 id, const QDateTime &now, const models::OutboxAuthor &author);
    /// Drops an entry for good; the item's later pending actions are rebased.
    StoreError remove(qint64 id);

private:
    StoreError deleteEntry(qint64 id, QStringView what);
    StoreError lookUp(qint64 id, QString *workItemId, models::OutboxEntry::State *state, models::OutboxAuthor *author);
    StoreError rebase(const QString &workItemId, const models::OutboxAuthor &author);
    QList<models::OutboxEntry> readEntries(QSqlQuery &query, StoreError *error);
    qint64 readCount(QSqlQuery &query, StoreError *error);

    Database &m_database;
    WorkItemStore m_items;
    PreparedQuery m_baseVersion;
    PreparedQuery m_insert;
    PreparedQuery m_selectAll;
    PreparedQuery m_selectVisible;
    PreparedQuery m_countInState;
    PreparedQuery m_countVisibleInState;
    PreparedQuery m_markAttempt;
    PreparedQuery m_noteError;
    PreparedQuery m_markProblem;
    PreparedQuery m_delete;
    PreparedQuery m_cachedVersion;
    PreparedQuery m_pendingOfItem;
    PreparedQuery m_setBaseVersion;
    PreparedQuery m_lookUp;
    PreparedQuery m_backToPending;
};

} // namespace rcm::store
