// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/payer.h"
#include "models/user.h"
#include "models/workitem.h"
#include "services/store/database.h"
#include "services/store/itemrowwriter.h"
#include "services/store/preparedquery.h"
#include "services/store/sqlitestatement.h"
#include "services/store/storeerror.h"

#include <QHash>
#include <QList>
#include <QSqlQuery>

#include <optional>
#include <span>

namespace rcm::store {

/// Reads and writes work items and their reference data in a workbench cache. Writes are
/// batched: one call, one transaction, one prepared statement reused for every row. Each
/// statement is prepared once, on first use; destroy the store before closing its Database.
class WorkItemStore final
{
public:
    explicit WorkItemStore(Database &database);
    Q_DISABLE_COPY_MOVE(WorkItemStore)

    /// Inserts new items and replaces existing ones (matched by id), all or nothing.
    StoreError upsertItems(std::span<const models::WorkItem> items);
    /// The same outcome, for items most of which the store already holds (a delta sync, a
    /// resync): each existing row is read and only the columns that differ are written, so
    /// an unchanged item costs a read and a changed one touches only the indexes that hold
    /// what changed (ItemRowWriter).
    StoreError mergeItems(std::span<const models::WorkItem> items, ItemRowWriter::Counts *counts = nullptr);
    /// Loading far more items than the cache holds (a first sync, generated data) is
    /// much faster with the indexes built once at the end: between beginBulkLoad() and
    /// endBulkLoad() the queue and search indexes are suspended. Searches and sorted
    /// queries are slow until endBulkLoad(); a crash in between is repaired on open.
    StoreError beginBulkLoad();
    StoreError endBulkLoad();

    StoreError upsertPayers(std::span<const models::Payer> payers);
    StoreError upsertFacilities(std::span<const models::Facility> facilities);
    StoreError upsertUsers(std::span<const models::User> users);

    std::optional<models::WorkItem> item(const QString &id, StoreError *error = nullptr);
    QList<models::Payer> payers(StoreError *error = nullptr);
    /// The payers the cached items name (id and name only), by name: a synced cache
    /// knows payers through its items.
    QList<models::Payer> payersInUse(StoreError *error = nullptr);
    /// The facilities the cached items name, by name (by id where none); a name is empty when the
    /// facilities table does not know the id (a synced cache knows facilities only through
    /// its items). No index holds facility_id: this reads every item.
    QList<models::Facility> facilitiesInUse(StoreError *error = nullptr);
    QList<models::User> users(StoreError *error = nullptr);
    qint64 itemCount(StoreError *error = nullptr);
    /// Open items per owner id, for balancing work between people.
    QHash<QString, qint64> openItemsByOwner(StoreError *error = nullptr);

    /// Ids of the items whose claim number, account, patient or payer match every word
    /// of text (each as a prefix), most urgent first.
    QStringList search(const QString &text, int limit, StoreError *error = nullptr);

    /// An FTS5 query matching every word of what a user typed as a prefix, with FTS
    /// syntax characters neutralised. Empty when text has no words.
    static QString searchExpression(const QString &text);

    /// The work_items columns item() reads, comma-separated, for queries that read items
    /// along with other columns; itemFromQuery() reads them from position firstColumn.
    static QLatin1StringView itemColumns();
    static models::WorkItem itemFromQuery(const QSqlQuery &query, int firstColumn = 0);

    /// SHA-256 over every row of every table in a fixed order: equal digests mean equal
    /// content, whatever the file's page layout.
    QByteArray contentDigest(StoreError *error = nullptr);

private:
    StoreError prepareItemUpsert();

    Database &m_database;
    SqliteStatement m_itemUpsert;
    ItemRowWriter m_rowWriter;
    PreparedQuery m_payerUpsert;
    PreparedQuery m_facilityUpsert;
    PreparedQuery m_userUpsert;
    PreparedQuery m_itemById;
    PreparedQuery m_allPayers;
    PreparedQuery m_payerIdsInUse;
    PreparedQuery m_payerNameInUse;
    PreparedQuery m_facilitiesInUse;
    PreparedQuery m_allUsers;
    PreparedQuery m_itemsByOwner;
    PreparedQuery m_resolvedItemsByOwner;
    PreparedQuery m_itemTotal;
    PreparedQuery m_searchMatches;
};

} // namespace rcm::store
