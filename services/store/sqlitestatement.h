// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/storeerror.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace rcm::store {

/// A statement prepared once through SQLite's C API on a QtSql connection, for the few
/// hot paths (bulk writes) where binding through QVariant costs more than the write.
/// It must be destroyed before the Database it was prepared on is closed.
class SqliteStatement final
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    StoreError prepare(const QSqlDatabase &connection, const QString &sql);
    bool isPrepared() const { return m_statement != nullptr; }

    /// Binds by 1-based position. Strings are bound without copying: they must live
    /// until step(). An empty string or an invalid date binds NULL.
    void bindText(int position, const QString &text);
    void bindLatin1(int position, QLatin1StringView text);
    /// UTF-8 bytes as text; an empty one binds '' (not NULL). Not copied either.
    void bindUtf8(int position, QByteArrayView text);
    void bindInteger(int position, qint64 value);
    void bindNull(int position);
    void bindDate(int position, const QDate &date);
    void bindTimestamp(int position, const QDateTime &time);

    /// Runs the statement once and resets it for the next row.
    StoreError step();
    /// For a query of at most one row: runs it and keeps its row (if any) readable through
    /// the column accessors until reset(); false (with error set on failure) when no row.
    bool fetchOne(StoreError *error);
    /// For a query of many rows: steps to the next one, true while there is a row; at the
    /// end (false, with error set on failure) the statement is reset for the next run.
    bool next(StoreError *error);
    qint64 columnInteger(int column) const;
    QString columnText(int column) const;
    bool columnIsNull(int column) const;
    enum class ColumnType { Integer, Float, Text, Blob, Null };
    ColumnType columnType(int column) const;
    /// The column's text as SQLite holds it (UTF-8), valid until the next step or reset.
    QByteArrayView columnUtf8(int column) const;
    /// Ends fetchOne()'s row and clears the bindings for the next run.
    void reset();

private:
    sqlite3 *m_database = nullptr;
    sqlite3_stmt *m_statement = nullptr;
};

/// The SQLite handle under a QtSql connection, or null if it is not an open SQLite one.
sqlite3 *sqliteHandle(const QSqlDatabase &connection);

/// "2026-11-27", the form dates take in every store.
QByteArray isoDate(const QDate &date);
/// "2026-11-27T09:30:00.000Z", the form timestamps take in every store (always UTC).
QByteArray isoTimestamp(const QDateTime &time);

} // namespace rcm::store
