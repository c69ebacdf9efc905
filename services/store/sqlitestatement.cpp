// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/sqlitestatement.h"

#include <QSqlDriver>

#include <sqlite3.h>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

StoreError SqliteStatement::prepare(const QSqlDatabase &connection, const QString &sql)
{
    sqlite3_finalize(m_statement);
    m_statement = nullptr;
    m_database = sqliteHandle(connection);
    if (!m_database)
        return StoreError(StoreError::Code::Query, u"The connection is not an open SQLite connection"_s);
    if (sqlite3_prepare16_v3(m_database, sql.utf16(), int(sql.size() * 2), SQLITE_PREPARE_PERSISTENT, &m_statement,
                             nullptr)
        != SQLITE_OK) {
        return StoreError(StoreError::Code::Query,
                          u"Cannot prepare a statement: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(m_database))));
    }
    return {};
}

void SqliteStatement::bindText(int position, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement, position);
    else
        sqlite3_bind_text16(m_statement, position, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bindLatin1(int position, QLatin1StringView text)
{
    if (text.isEmpty())
        sqlite3_bind_null(m_statement, position);
    else
        sqlite3_bind_text(m_statement, position, text.data(), int(text.size()), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int position, QByteArrayView text)
{
    sqlite3_bind_text(m_statement, position, text.isEmpty() ? "" : text.data(), int(text.size()), SQLITE_STATIC);
}

void SqliteStatement::bindInteger(int position, qint64 value)
{
    sqlite3_bind_int64(m_statement, position, value);
}

void SqliteStatement::bindNull(int position)
{
    sqlite3_bind_null(m_statement, position);
}

void SqliteStatement::bindDate(int position, const QDate &date)
{
    if (!date.isValid()) {
        sqlite3_bind_null(m_statement, position);
        return;
    }
    const QByteArray text = isoDate(date);
    sqlite3_bind_text(m_statement, position, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindTimestamp(int position, const QDateTime &time)
{
    if (!time.isValid()) {
        sqlite3_bind_null(m_statement, position);
        return;
    }
    const QByteArray text = isoTimestamp(time);
    sqlite3_bind_text(m_statement, position, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

StoreError SqliteStatement::step()
{
    const int result = sqlite3_step(m_statement);
    StoreError error;
    if (result != SQLITE_DONE && result != SQLITE_ROW) {
        error = StoreError(result == SQLITE_BUSY ? StoreError::Code::Busy : StoreError::Code::Query,
                           QString::fromUtf8(sqlite3_errmsg(m_database)));
    }
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    return error;
}

bool SqliteStatement::fetchOne(StoreError *error)
{
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    if (result != SQLITE_DONE) {
        *error = StoreError(result == SQLITE_BUSY ? StoreError::Code::Busy : StoreError::Code::Query,
                            QString::fromUtf8(sqlite3_errmsg(m_database)));
    }
    reset();
    return false;
}

bool SqliteStatement::next(StoreError *error)
{
    return fetchOne(error);
}

bool SqliteStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

SqliteStatement::ColumnType SqliteStatement::columnType(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return ColumnType::Integer;
    case SQLITE_FLOAT:
        return ColumnType::Float;
    case SQLITE_TEXT:
        return ColumnType::Text;
    case SQLITE_BLOB:
        return ColumnType::Blob;
    default:
        return ColumnType::Null;
    }
}

QByteArrayView SqliteStatement::columnUtf8(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return text ? QByteArrayView(text, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
}

qint64 SqliteStatement::columnInteger(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::columnText(int column) const
{
    const auto *text = static_cast<const char16_t *>(sqlite3_column_text16(m_statement, column));
    return text ? QString::fromUtf16(text, sqlite3_column_bytes16(m_statement, column) / 2) : QString();
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

sqlite3 *sqliteHandle(const QSqlDatabase &connection)
{
    const QVariant handle = connection.driver() ? connection.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

QByteArray isoDate(const QDate &date)
{
    char buffer[16];
    const int size = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year(), date.month(), date.day());
    return QByteArray(buffer, size);
}

QByteArray isoTimestamp(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char buffer[32];
    const int size
        = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(),
                        date.day(), clock.hour(), clock.minute(), clock.second(), clock.msec());
    return QByteArray(buffer, size);
}

} // namespace rcm::store
