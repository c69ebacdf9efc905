// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

namespace rcm::store {

/// One column of a table as its CREATE TABLE declares it.
struct ColumnDefinition
{
    QString name; ///< e.g. "queue"
    QString declaration; ///< type and constraints, e.g. "TEXT NOT NULL"
};

/// The columns of a work item, in order, as version 1 of both the workbench cache and the
/// gateway database created their work_items table: dates are ISO-8601 text (sortable),
/// money integer cents, enums their wire names; row_id gives the full-text index a stable
/// integer key. A released migration must keep its effect, so this list never changes: a
/// new column is added by a new migration of each schema (ALTER TABLE ... ADD COLUMN).
QList<ColumnDefinition> workItemColumns();

/// "CREATE TABLE table (columns...) STRICT", one column per line, laid out exactly as the
/// released migrations wrote it (SQLite keeps the text in sqlite_master).
QString createStrictTable(const QString &table, const QList<ColumnDefinition> &columns);

} // namespace rcm::store
