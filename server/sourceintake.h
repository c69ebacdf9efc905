// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "server/gatewaystore.h"
#include "services/api/sourceitemjson.h"
#include "services/rules/problem.h"
#include "services/store/sqlitestatement.h"
#include "services/store/storeerror.h"
#include "services/store/workitemstore.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <optional>
#include <span>

namespace rcm::server {

class GatewayStore;

/// Work items an upstream system creates and keeps up to date by its own ids
/// (docs/work-items-in.md): PUT /v1/sources/{source}/work-items/{externalId} and the
/// batch. The source owns what it knows (claim, account, payer, amounts, codes, dates, its
/// priority); the workbench owns the workflow. An update never undoes an owner or a status a
/// person set: a close from the source resolves an item nobody has taken, and on an item
/// someone is working it only says so in the item's history, for the owner to act on.
class SourceIntake final
{
public:
    explicit SourceIntake(GatewayStore &store);
    Q_DISABLE_COPY_MOVE(SourceIntake)

    enum class Outcome { Created, Updated, Unchanged, Refused };
    struct Result
    {
        Outcome outcome = Outcome::Unchanged;
        QString externalId;
        QString workItemId; ///< empty when refused, or when a close named an item never created
        qint64 version = 0;
        QStringList changed; ///< wire names of the fields the source changed
        QString reason; ///< why it was refused, or what happened beyond the fields
    };

    /// One item, in its own transaction; a store failure is the error, a refusal the result.
    Result put(const QString &source, const api::SourceItem &item, const models::User &by, const QDateTime &now,
               store::StoreError *error);
    /// Many items in one transaction, in order: a refused item refuses only itself. The
    /// batch is recorded once in the audit log with its counts, refusedUnread (rows refused
    /// before they could be read as items) among them.
    QList<Result> putBatch(const QString &source, std::span<const api::SourceItem> items, const models::User &by,
                           const QDateTime &now, store::StoreError *error, qint64 refusedUnread = 0);
    /// The source's items it has not closed, by external id after `after`, at most limit:
    /// what an extract run compares its file against to close the rows gone from it.
    QStringList openExternalIds(const QString &source, const QString &after, int limit,
                                store::StoreError *error = nullptr);

    static QLatin1StringView wireName(Outcome outcome);

private:
    /// What the gateway knows of a source's item: its work item as it is now (written in
    /// this transaction or stored), and what the source last said of it.
    struct Known
    {
        QString workItemId;
        bool closed = false;
        bool resolvedBySource = false;
        std::optional<models::WorkItem> item; ///< nothing when the item was removed at the gateway
    };
    Result apply(const QString &source, const api::SourceItem &item, const models::User &by, const QDateTime &now,
                 store::StoreError *error);
    Result create(const QString &source, const api::SourceItem &item, const models::User &by, const QDateTime &now,
                  store::StoreError *error);
    Result update(const QString &source, const Known &known, const api::SourceItem &item, const models::User &by,
                  const QDateTime &now, store::StoreError *error);
    std::optional<Known> known(const QString &source, const QString &externalId, store::StoreError *error);
    store::StoreError remember(const QString &source, const QString &externalId, const Known &known,
                               const QDateTime &now);
    std::optional<qint64> nextNumber(store::StoreError *error);
    bool personActedSinceClose(const QString &workItemId, store::StoreError *error);
    /// Keeps a new version of an item and the history entry that says why, until flush().
    void stage(const models::WorkItem &item, GatewayStore::AuditEntry entry);
    /// Writes what was staged (the items with one statement, the entries chained in order)
    /// and the numbering, inside the caller's transaction.
    store::StoreError flush();
    QString payerName(const QString &payerId);

    GatewayStore &m_store;
    store::WorkItemStore m_items;
    store::SqliteStatement m_findSource;
    store::SqliteStatement m_saveSource;
    std::optional<QHash<QString, QString>> m_payerNames;
    QList<models::WorkItem> m_staged;
    QHash<QString, qsizetype> m_stagedIndex; ///< work item id -> position in m_staged
    QList<GatewayStore::AuditEntry> m_stagedHistory;
    std::optional<qint64> m_lastNumber; ///< the last SRC- number handed out in this transaction
};

} // namespace rcm::server
