// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlDatabase;

namespace rcm::store {

/// One cumulative upgrade step: the SQL statements that take a file from version - 1
/// to version. Steps run in order, each in its own transaction.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

/// A database's schema declared as data: which program owns the file (SQLite's
/// application_id) and the ordered list of migrations. The latest version is the last
/// step's.
struct Schema
{
    QString name; ///< for messages: "workbench cache", "gateway database"
    qint32 applicationId = 0;
    int pageSize = 4096; ///< set when the file is created; cannot change once in WAL mode
    /// SQLite's page cache per connection: a desktop's cache must fit beside the EHR; a
    /// server's database is worth more memory.
    int cacheMebibytes = 64;
    QList<Migration> migrations;
    /// Statements that bring derived data (a full-text index) back in step after
    /// Database::restoreIndexes() recreated the indexes and triggers a bulk load suspended.
    QStringList afterIndexRestore;

    int latestVersion() const { return migrations.isEmpty() ? 0 : migrations.constLast().version; }

    /// This schema as an older build knew it: only the steps up to and including version.
    Schema upTo(int version) const;
};

} // namespace rcm::store
