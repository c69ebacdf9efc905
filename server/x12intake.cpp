// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/x12intake.h"

#include "server/gatewaystore.h"
#include "services/store/transactionguard.h"

#include <QCryptographicHash>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server::x12intake {

QByteArray digestOf(QIODevice *file)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(file);
    file->seek(0);
    return hash.result().toHex();
}

std::optional<qint64> findFile(store::Database &database, const QByteArray &digest, store::StoreError *error)
{
    QSqlQuery query(database.connection());
    query.prepare(u"SELECT id FROM x12_files WHERE sha256 = ?"_s);
    query.addBindValue(QString::fromLatin1(digest));
    if (!query.exec()) {
        *error = store::StoreError(store::StoreError::Code::Query, query.lastError().text());
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

std::optional<qint64> recordFile(store::Database &database, const QByteArray &digest, const QString &kind, qint64 bytes,
                                 const QString &by, const QDateTime &now, const QJsonObject &summary,
                                 store::StoreError *error)
{
    QSqlQuery query(database.connection());
    query.prepare(u"INSERT INTO x12_files (sha256, kind, bytes, received_at, received_by, summary) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(QString::fromLatin1(digest));
    query.addBindValue(kind);
    query.addBindValue(bytes);
    query.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(by);
    query.addBindValue(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        *error = store::StoreError(store::StoreError::Code::Query, query.lastError().text());
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

store::StoreError setFileSummary(store::Database &database, qint64 fileId, const QJsonObject &summary)
{
    QSqlQuery query(database.connection());
    query.prepare(u"UPDATE x12_files SET summary = ? WHERE id = ?"_s);
    query.addBindValue(QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)));
    query.addBindValue(fileId);
    if (!query.exec())
        return store::StoreError(store::StoreError::Code::Query, query.lastError().text());
    return {};
}

std::optional<OpenFile> openFile(store::Database &database, store::TransactionGuard &transaction, QIODevice *file,
                                 const QString &kind, const models::User &by, const QDateTime &now, Result &result)
{
    if (const store::StoreError begin = transaction.beginError()) {
        result.error = begin.message();
        return std::nullopt;
    }
    OpenFile opened {digestOf(file), 0};
    const QString digest = QString::fromLatin1(opened.digest);
    store::StoreError error;
    if (findFile(database, opened.digest, &error)) {
        result.outcome = Result::Outcome::Duplicate;
        result.error = u"This file was received before (SHA-256 %1): nothing of it is taken again"_s.arg(digest);
        result.report = QJsonObject {{u"file"_s, digest}, {u"duplicate"_s, true}};
        return std::nullopt;
    }
    const std::optional<qint64> id
        = error ? std::nullopt : recordFile(database, opened.digest, kind, file->size(), by.id, now, {}, &error);
    if (!id) {
        result.error = error.message();
        return std::nullopt;
    }
    opened.id = *id;
    return opened;
}

bool commitFile(GatewayStore &store, store::TransactionGuard &transaction, const OpenFile &file, const QString &subject,
                models::ActionType type, const QJsonObject &details, const models::User &by, const QDateTime &now,
                Result &result)
{
    store::StoreError error = setFileSummary(store.database(), file.id, details);
    if (!error) {
        error = store.appendAuditEntry(subject + u':' + QString::fromLatin1(file.digest), by.id, type, 0, details, now);
    }
    if (!error)
        error = transaction.commit();
    if (error) {
        result.error = error.message();
        return false;
    }
    result.outcome = Result::Outcome::Imported;
    return true;
}

QString controlNumber(const QString &text)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    const qulonglong value = trimmed.toULongLong(&ok);
    return ok ? QString::number(value) : trimmed;
}

QJsonArray defectsJson(const QList<x12::Defect> &defects, x12::Severity severity)
{
    // A file of a hundred thousand claims can warn about each: the answer lists the first.
    constexpr qsizetype listed = 1000;
    QJsonArray array;
    qsizetype notListed = 0;
    for (const x12::Defect &defect : defects) {
        if (defect.severity == severity && array.size() >= listed) {
            ++notListed;
        } else if (defect.severity == severity) {
            array.append(QJsonObject {{u"segment"_s, defect.segmentNumber},
                                      {u"segmentId"_s, defect.segmentId},
                                      {u"code"_s, defect.code},
                                      {u"message"_s, defect.message}});
        }
    }
    if (notListed > 0) {
        array.append(QJsonObject {{u"segment"_s, 0},
                                  {u"segmentId"_s, QString()},
                                  {u"code"_s, u"list.truncated"_s},
                                  {u"message"_s, u"%1 more like these are not listed."_s.arg(notListed)}});
    }
    return array;
}

QString firstError(const QList<x12::Defect> &defects)
{
    for (const x12::Defect &defect : defects) {
        if (defect.isError())
            return defect.message;
    }
    return {};
}

} // namespace rcm::server::x12intake
