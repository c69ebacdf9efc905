// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/schema.h"
#include "services/store/storeerror.h"

#include <QSqlDatabase>
#include <QString>

namespace rcm::store {

/// One SQLite connection to one file, owned by the thread that opened it. Opening checks
/// that the file is ours, creates it owner-only, turns on WAL and foreign keys and
/// brings the schema up to date. A file that is damaged, foreign or too new is reported
/// and left exactly as it was.
class Database final
{
public:
    Database();
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    StoreError open(const QString &path, const Schema &schema);
    void close();

    bool isOpen() const { return m_connection.isOpen(); }
    const QString &path() const { return m_path; }
    QSqlDatabase connection() const { return m_connection; }
    int schemaVersion() const { return m_schemaVersion; }

    /// Runs SQLite's quick_check over the whole file. Slow on a large file: for
    /// diagnostics and repair, not for every start.
    StoreError checkIntegrity();

    /// For a bulk load into a table: drops its secondary indexes and triggers, keeping
    /// their definitions in the file, so that rows go in without per-row index work.
    /// restoreIndexes() recreates them in one sorted pass. Should the process die in
    /// between, the next open() restores them before anything else happens.
    StoreError suspendIndexes(const QString &table);
    StoreError restoreIndexes();
    bool hasSuspendedIndexes();

    /// Copies everything in the write-ahead log into the file and empties the log, so the
    /// file alone holds the data (before it is moved or copied).
    StoreError checkpoint();

    /// Executes one statement with no result rows; for pragmas and DDL.
    StoreError execute(const QString &statement);

private:
    /// sortInFiles: SQLite's sorter on temp files with worker threads (fast), or in memory.
    StoreError restoreIndexes(bool sortInFiles);
    StoreError createFileOwnerOnly();
    StoreError checkOwnership(const Schema &schema, int *version);
    StoreError enableWriteAheadLog();
    StoreError configureConnection();
    StoreError migrate(const Schema &schema);
    StoreError readVersion(int *version);
    StoreError fail(StoreError error);

    QStringList m_afterIndexRestore;
    int m_cacheMebibytes = 64;

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_connection;
    int m_schemaVersion = 0;
};

} // namespace rcm::store
