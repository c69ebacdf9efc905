// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/database.h"

#include "services/store/storelogging.h"
#include "services/store/transactionguard.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

namespace {

constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr int busyTimeoutMs = 10000;

QString nextConnectionName()
{
    static std::atomic<quint64> counter {0};
    return u"rcm-store-%1"_s.arg(counter.fetch_add(1));
}

bool isSqliteNotADatabase(const QSqlError &error)
{
    // SQLITE_NOTADB (26) and SQLITE_CORRUPT (11).
    return error.nativeErrorCode() == u"26"_s || error.nativeErrorCode() == u"11"_s;
}

} // namespace

Database::Database()
    : m_connectionName(nextConnectionName())
{ }

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!m_connection.isValid())
        return;
    m_connection.close();
    m_connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

StoreError Database::open(const QString &path, const Schema &schema)
{
    close();
    m_path = path;
    m_schemaVersion = 0;
    if (StoreError error = createFileOwnerOnly())
        return error;

    m_connection = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_connection.setDatabaseName(path);
    // Another process may hold the write lock for a moment (a sync, a second window).
    m_connection.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(busyTimeoutMs));
    if (!m_connection.open()) {
        return fail(StoreError(StoreError::Code::CannotOpen,
                               u"Cannot open %1: %2"_s.arg(path, m_connection.lastError().text())));
    }

    int version = 0;
    if (StoreError error = checkOwnership(schema, &version))
        return fail(error);
    if (version > schema.latestVersion()) {
        return fail(StoreError(
            StoreError::Code::TooNew,
            u"%1 was written by a newer version of RCM Workbench (%2 schema %3; this version "
            "knows up to %4). Update the application. The file has not been changed."_s.arg(path, schema.name)
                .arg(version)
                .arg(schema.latestVersion())));
    }
    if (version == 0) {
        if (StoreError error = execute(u"PRAGMA page_size = %1"_s.arg(schema.pageSize)))
            return fail(error);
    }
    m_cacheMebibytes = schema.cacheMebibytes;
    if (StoreError error = configureConnection())
        return fail(error);
    if (StoreError error = migrate(schema))
        return fail(error);
    m_afterIndexRestore = schema.afterIndexRestore;
    if (hasSuspendedIndexes()) {
        qCWarning(lcStore) << "Restoring indexes that an interrupted bulk load suspended";
        if (StoreError error = restoreIndexes())
            return fail(error);
    }
    return {};
}

StoreError Database::createFileOwnerOnly()
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        return StoreError(StoreError::Code::CannotOpen, u"Cannot create the folder %1"_s.arg(info.absolutePath()));
    }
    if (!info.exists()) {
        // Create the file ourselves so that it is owner-only from its first byte; SQLite
        // gives its -wal and -shm files the same permissions as the database file.
        QFile file(m_path);
        // NewOnly fails if another process created the file a moment ago; that is fine.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnly) && !QFileInfo::exists(m_path)) {
            return StoreError(StoreError::Code::CannotOpen, u"Cannot create %1: %2"_s.arg(m_path, file.errorString()));
        }
        return {};
    }
    if (info.permissions()
        & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)) {
        if (!QFile::setPermissions(m_path, ownerOnly)) {
            return StoreError(StoreError::Code::CannotOpen,
                              u"%1 can be read by other users and its permissions cannot be restricted; "
                              "fix them (chmod 600) before it is used."_s.arg(m_path));
        }
        qCWarning(lcStore) << "Restricted a database file that others could read to its owner";
    }
    return {};
}

StoreError Database::checkOwnership(const Schema &schema, int *version)
{
    QSqlQuery query(m_connection);
    if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s) || !query.next()) {
        const QSqlError error = query.lastError();
        return StoreError(isSqliteNotADatabase(error) ? StoreError::Code::NotADatabase : StoreError::Code::CannotOpen,
                          u"%1 cannot be read as a %2: %3. The file has not been changed; move it aside to "
                          "start a new one."_s.arg(m_path, schema.name, error.databaseText()));
    }
    const int tableCount = query.value(0).toInt();
    if (!query.exec(u"PRAGMA application_id"_s) || !query.next())
        return StoreError(StoreError::Code::NotADatabase, u"%1 has no readable header"_s.arg(m_path));
    const qint32 applicationId = query.value(0).toInt();

    if (applicationId == 0 && tableCount == 0) {
        *version = 0; // a new, empty file
        return {};
    }
    if (applicationId != schema.applicationId) {
        return StoreError(StoreError::Code::ForeignDatabase,
                          u"%1 is an SQLite file of some other program, not a %2. It has not been changed."_s.arg(
                              m_path, schema.name));
    }
    if (StoreError error = readVersion(version))
        return error;
    if (*version <= 0) {
        return StoreError(
            StoreError::Code::NotADatabase,
            u"%1 is a %2 without a schema version; it is damaged and has not been changed."_s.arg(m_path, schema.name));
    }
    return {};
}

StoreError Database::readVersion(int *version)
{
    QSqlQuery query(m_connection);
    if (!query.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'"_s) || !query.next())
        return StoreError(StoreError::Code::Query, query.lastError().text());
    if (query.value(0).toInt() == 0) {
        *version = 0;
        return {};
    }
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s))
        return StoreError(StoreError::Code::Query, query.lastError().text());
    *version = query.next() ? query.value(0).toInt() : 0;
    return {};
}

StoreError Database::enableWriteAheadLog()
{
    // Switching to WAL needs the file to itself for a moment; when several processes
    // create a cache at once, SQLite answers "busy" without waiting, so wait here.
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        QSqlQuery query(m_connection);
        if (query.exec(u"PRAGMA journal_mode = WAL"_s) && query.next()) {
            const QString mode = query.value(0).toString();
            if (mode.compare(u"wal"_s, Qt::CaseInsensitive) == 0)
                return {};
            return StoreError(StoreError::Code::JournalMode,
                              u"%1 cannot use write-ahead logging on this file system (SQLite answered \"%2\"). "
                              "Choose a cache location on a local disk."_s.arg(m_path, mode));
        }
        const QString code = query.lastError().nativeErrorCode();
        const bool busy = code == u"5"_s || code == u"6"_s; // SQLITE_BUSY, SQLITE_LOCKED
        if (!busy || waited.elapsed() > busyTimeoutMs) {
            return StoreError(busy ? StoreError::Code::Busy : StoreError::Code::JournalMode,
                              u"Cannot turn on write-ahead logging for %1: %2"_s.arg(m_path, query.lastError().text()));
        }
        QThread::msleep(20);
    }
}

StoreError Database::configureConnection()
{
    if (StoreError error = enableWriteAheadLog())
        return error;
    QSqlQuery query(m_connection);
    const QStringList pragmas = {
        u"PRAGMA foreign_keys = ON"_s,
        // FULL: a committed action survives a power cut, which the outbox promises.
        u"PRAGMA synchronous = FULL"_s, u"PRAGMA temp_store = MEMORY"_s,
        u"PRAGMA cache_size = -%1"_s.arg(m_cacheMebibytes * 1024), // Schema::cacheMebibytes
    };
    for (const QString &pragma : pragmas) {
        if (StoreError error = execute(pragma))
            return error;
    }
    if (!query.exec(u"PRAGMA foreign_keys"_s) || !query.next() || query.value(0).toInt() != 1)
        return StoreError(StoreError::Code::Query, u"SQLite refused to enforce foreign keys"_s);
    return {};
}

StoreError Database::migrate(const Schema &schema)
{
    if (StoreError error = readVersion(&m_schemaVersion))
        return error;
    for (const Migration &migration : schema.migrations) {
        if (migration.version <= m_schemaVersion)
            continue;
        TransactionGuard transaction(m_connection);
        if (transaction.beginError())
            return transaction.beginError();
        // Another process may have upgraded the file while this one waited for the lock.
        int current = 0;
        if (StoreError error = readVersion(&current))
            return error;
        if (current >= migration.version) {
            m_schemaVersion = current;
            continue;
        }
        QStringList statements;
        if (current == 0) {
            statements << u"PRAGMA application_id = %1"_s.arg(schema.applicationId)
                       << u"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value ANY) STRICT"_s
                       << u"CREATE TABLE suspended_schema (name TEXT PRIMARY KEY NOT NULL, "
                          "type TEXT NOT NULL, sql TEXT NOT NULL) STRICT"_s;
        }
        statements << migration.statements;
        statements << u"INSERT INTO meta (key, value) VALUES ('schema_version', %1) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s.arg(migration.version);
        for (const QString &statement : std::as_const(statements)) {
            if (StoreError error = execute(statement)) {
                return StoreError(StoreError::Code::MigrationFailed,
                                  u"Upgrading %1 to version %2 (%3) failed and was undone; the file is still at "
                                  "version %4. %5"_s.arg(m_path)
                                      .arg(migration.version)
                                      .arg(migration.description)
                                      .arg(current)
                                      .arg(error.message()));
            }
        }
        if (StoreError error = transaction.commit())
            return error;
        qCInfo(lcStore) << "Upgraded" << schema.name << "to schema version" << migration.version;
        m_schemaVersion = migration.version;
    }
    return {};
}

StoreError Database::suspendIndexes(const QString &table)
{
    TransactionGuard transaction(m_connection);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_connection);
    query.prepare(u"SELECT name, type, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
                  "AND sql IS NOT NULL ORDER BY type, name"_s);
    query.bindValue(0, table);
    if (!query.exec())
        return StoreError(StoreError::Code::Query, query.lastError().text());
    QList<std::tuple<QString, QString, QString>> objects;
    while (query.next())
        objects.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
    query.finish();
    QSqlQuery save(m_connection);
    save.prepare(u"INSERT INTO suspended_schema (name, type, sql) VALUES (?, ?, ?)"_s);
    for (const auto &[name, type, sql] : std::as_const(objects)) {
        save.bindValue(0, name);
        save.bindValue(1, type);
        save.bindValue(2, sql);
        if (!save.exec())
            return StoreError(StoreError::Code::Query, save.lastError().text());
        if (StoreError error = execute(u"DROP %1 %2"_s.arg(type.toUpper(), name)))
            return error;
    }
    return transaction.commit();
}

namespace {

/// The page cache while indexes are built, which is also the sorter's slice size.
constexpr int sortSliceMebibytes = 4;

} // namespace

StoreError Database::restoreIndexes()
{
    StoreError error = restoreIndexes(true);
    if (error) {
        // Most likely the temp folder is full: sort in memory instead, slower but sure.
        qCWarning(lcStore).noquote() << "Rebuilding indexes with temporary files failed, rebuilding in memory:"
                                     << error.message();
        error = restoreIndexes(false);
    }
    return error;
}

StoreError Database::restoreIndexes(bool sortInFiles)
{
    TransactionGuard transaction(m_connection);
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery query(m_connection);
    // Indexes first, then triggers, then whatever rebuilds derived data.
    if (!query.exec(u"SELECT sql FROM suspended_schema ORDER BY type, name"_s))
        return StoreError(StoreError::Code::Query, query.lastError().text());
    QStringList statements;
    while (query.next())
        statements << query.value(0).toString();
    query.finish();
    if (statements.isEmpty())
        return {};
    // Building an index is sorting its keys. SQLite's sorter sorts in slices of the page
    // cache's size, each on a worker thread, then merges them; with temporary data kept in
    // memory it has no workers and sorts every key in one list instead, which walks memory
    // at random. With temp files (index keys and row ids only: no patient's name or member
    // id is in an index; owner-only, unlinked as soon as they are made, in SQLite's temp
    // folder: SQLITE_TMPDIR, TMPDIR or /var/tmp) and 4 MiB slices, the six indexes of
    // 1,000,000 items took about 5 s instead of 11 s. The search index's rebuild wants the
    // usual cache and temporary data in memory, so it comes after.
    if (sortInFiles) {
        if (StoreError error = execute(u"PRAGMA temp_store = FILE"_s))
            return error;
        execute(u"PRAGMA threads = 2"_s);
        execute(u"PRAGMA cache_size = -%1"_s.arg(sortSliceMebibytes * 1024));
    }
    const auto restoreSettings = qScopeGuard([this]() {
        execute(u"PRAGMA threads = 0"_s);
        execute(u"PRAGMA temp_store = MEMORY"_s);
        execute(u"PRAGMA cache_size = -%1"_s.arg(m_cacheMebibytes * 1024));
    });
    auto run = [this](const QStringList &list) -> StoreError {
        for (const QString &statement : list) {
            if (StoreError error = execute(statement))
                return error;
        }
        return {};
    };
    if (StoreError error = run(statements))
        return error;
    execute(u"PRAGMA threads = 0"_s);
    execute(u"PRAGMA temp_store = MEMORY"_s);
    execute(u"PRAGMA cache_size = -%1"_s.arg(std::max(m_cacheMebibytes, 64) * 1024));
    if (StoreError error = run(m_afterIndexRestore))
        return error;
    if (StoreError error = execute(u"DELETE FROM suspended_schema"_s))
        return error;
    return transaction.commit();
}

bool Database::hasSuspendedIndexes()
{
    QSqlQuery query(m_connection);
    return query.exec(u"SELECT 1 FROM suspended_schema LIMIT 1"_s) && query.next();
}

StoreError Database::checkIntegrity()
{
    QSqlQuery query(m_connection);
    if (!query.exec(u"PRAGMA quick_check"_s))
        return StoreError(StoreError::Code::NotADatabase, query.lastError().text());
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok"_s)
            problems << line;
    }
    if (!problems.isEmpty()) {
        return StoreError(StoreError::Code::NotADatabase,
                          u"%1 is damaged: %2"_s.arg(m_path, problems.mid(0, 5).join(u"; "_s)));
    }
    return {};
}

StoreError Database::checkpoint()
{
    return execute(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
}

StoreError Database::execute(const QString &statement)
{
    QSqlQuery query(m_connection);
    if (!query.exec(statement)) {
        const QSqlError error = query.lastError();
        if (error.nativeErrorCode() == u"5"_s)
            return StoreError(StoreError::Code::Busy, u"The file is busy in another program: %1"_s.arg(error.text()));
        return StoreError(StoreError::Code::Query, u"%1 (in: %2)"_s.arg(error.databaseText(), statement.left(80)));
    }
    return {};
}

StoreError Database::fail(StoreError error)
{
    qCWarning(lcStore).noquote() << "Could not open a database:" << error.message();
    close();
    return error;
}

} // namespace rcm::store
