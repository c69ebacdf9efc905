// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/workitem.h"
#include "services/store/database.h"
#include "services/store/sqlitestatement.h"

#include <QHash>

#include <memory>
#include <span>

namespace rcm::store {

/// Writes work items into a cache that already holds many: each item's row is read first,
/// and only the columns that differ are written. A change of priority then touches the two
/// indexes that hold priority rather than all six and the search index, and an item that
/// did not change (a resync sends every item again) is not written at all. New items are
/// inserted. The caller holds the transaction.
class ItemRowWriter final
{
public:
    explicit ItemRowWriter(Database &database);
    Q_DISABLE_COPY_MOVE(ItemRowWriter)

    struct Counts
    {
        qint64 inserted = 0;
        qint64 updated = 0;
        qint64 unchanged = 0;
    };
    StoreError write(std::span<const models::WorkItem> items, Counts *counts = nullptr);

private:
    SqliteStatement *updateFor(quint32 changedColumns, StoreError *error);

    Database &m_database;
    SqliteStatement m_probe;
    SqliteStatement m_insert;
    QHash<quint32, std::shared_ptr<SqliteStatement>> m_updates; ///< by the set of columns they write
};

} // namespace rcm::store
