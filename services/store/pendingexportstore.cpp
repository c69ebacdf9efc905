// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/pendingexportstore.h"

#include "services/store/sqlitestatement.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

PendingExportStore::PendingExportStore(Database &database)
    : m_database(database)
    , m_insert(u"INSERT INTO pending_exports (sha256, report, format, parameters_json, exported_at, exported_by) "
               "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING"_s)
    , m_selectWaiting(u"SELECT sha256, report, format, parameters_json, exported_at FROM pending_exports "
                      "WHERE exported_by = ? AND refused IS NULL ORDER BY exported_at, sha256"_s)
    , m_markAttempt(u"UPDATE pending_exports SET attempts = attempts + 1 WHERE sha256 = ?"_s)
    , m_delete(u"DELETE FROM pending_exports WHERE sha256 = ?"_s)
    , m_markRefused(u"UPDATE pending_exports SET refused = ? WHERE sha256 = ?"_s)
    , m_countWaiting(u"SELECT count(*) FROM pending_exports WHERE refused IS NULL"_s)
{ }

StoreError PendingExportStore::run(PreparedQuery &statement, const QVariantList &values, QStringView what)
{
    StoreError error;
    QSqlQuery *query = statement.get(m_database.connection(), &error);
    if (!query)
        return error;
    for (qsizetype i = 0; i < values.size(); ++i)
        query->bindValue(int(i), values.at(i));
    if (!query->exec())
        return queryFailure(*query, what);
    query->finish();
    return {};
}

StoreError PendingExportStore::keep(const models::ExportRecord &record, const QString &username)
{
    const QString parameters = QString::fromUtf8(QJsonDocument(record.parameters).toJson(QJsonDocument::Compact));
    return run(m_insert,
               {record.sha256, record.report, QString(models::wireName(record.format)), parameters,
                QString::fromLatin1(isoTimestamp(record.exportedAt)), username},
               u"Keeping an export to register");
}

QList<models::ExportRecord> PendingExportStore::waiting(const QString &username, StoreError *error)
{
    QList<models::ExportRecord> records;
    StoreError problem;
    QSqlQuery *query = m_selectWaiting.get(m_database.connection(), &problem);
    if (!query) {
        setError(error, std::move(problem));
        return records;
    }
    query->bindValue(0, username);
    if (!query->exec()) {
        setError(error, queryFailure(*query, u"Reading the exports to register"));
        return records;
    }
    while (query->next()) {
        models::ExportRecord record;
        record.sha256 = query->value(0).toString();
        record.report = query->value(1).toString();
        // A format a newer build wrote stays in the table for that build to send.
        const auto format = models::fromWireName<models::ExportFormat>(query->value(2).toString());
        if (!format)
            continue;
        record.format = *format;
        record.parameters = QJsonDocument::fromJson(query->value(3).toString().toUtf8()).object();
        record.exportedAt = QDateTime::fromString(query->value(4).toString(), Qt::ISODateWithMs);
        records.append(record);
    }
    query->finish();
    return records;
}

StoreError PendingExportStore::recordAttempt(const QString &sha256)
{
    return run(m_markAttempt, {sha256}, u"Counting an export's registration attempt");
}

StoreError PendingExportStore::remove(const QString &sha256)
{
    return run(m_delete, {sha256}, u"Removing a registered export");
}

StoreError PendingExportStore::recordRefusal(const QString &sha256, const QString &reason)
{
    return run(m_markRefused, {reason, sha256}, u"Recording a refused export registration");
}

qint64 PendingExportStore::waitingCount(StoreError *error)
{
    StoreError problem;
    QSqlQuery *query = m_countWaiting.get(m_database.connection(), &problem);
    if (!query || !query->exec() || !query->next()) {
        setError(error, query ? queryFailure(*query, u"Counting the exports to register") : std::move(problem));
        return -1;
    }
    const qint64 count = query->value(0).toLongLong();
    query->finish();
    return count;
}

} // namespace rcm::store
