// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// GatewayStore's audit log: entries chained on (one at a time, or many with one
// statement), the key that signs them, the chain's head for checkpoints, and the check of
// every link. The rest of the store is in gatewaystore.cpp.
#include "server/gatewaystore.h"

#include "services/store/preparedquery.h"
#include "services/store/sqlitestatement.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using namespace rcm::models;
using store::setError;
using store::StoreError;

StoreError GatewayStore::appendAudit(const WorkItem &item, const User &actor, const ActionRequest &request,
                                     const QDateTime &now)
{
    return appendAuditEntry(item.id, actor.id, request.type, item.version, request.details(), now);
}

std::optional<qint64> GatewayStore::auditKeyedFrom()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'audit_keyed_from'"_s) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

bool GatewayStore::loadAuditKey(const QString &path, QString *error)
{
    StoreError headError;
    const std::optional<AuditCheckpoint> head = auditHead(&headError);
    if (!head) {
        *error = headError.message();
        return false;
    }
    const bool keyed = head->sequence > 0 && head->sequence >= head->keyedFrom;
    std::optional<AuditKey> key
        = AuditKey::load(path, keyed ? AuditKey::Creation::MustExist : AuditKey::Creation::CreateIfMissing, error);
    if (!key) {
        if (keyed) {
            *error += u" (the audit log already holds %1 entries signed with a key: restore that key file from its "
                      "backup, or name it with --audit-key; a new key would break the chain)"_s.arg(head->sequence);
        }
        return false;
    }
    setAuditKey(std::move(key));
    return true;
}

StoreError GatewayStore::appendAuditEntry(const QString &subjectId, const QString &actorId, ActionType type,
                                          qint64 resultingVersion, const QJsonObject &details, const QDateTime &now)
{
    const AuditEntry entry {subjectId, actorId, type, resultingVersion, details, now, {}};
    return appendAuditEntries({&entry, 1});
}

StoreError GatewayStore::appendAuditEntries(std::span<const AuditEntry> entries)
{
    if (entries.empty())
        return {};
    const std::optional<qint64> keyedFrom = auditKeyedFrom();
    if (!keyedFrom)
        return StoreError(StoreError::Code::Query, u"The audit log does not say where its keyed chain starts"_s);
    QSqlQuery last(m_database.connection());
    if (!last.exec(u"SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"_s))
        return store::queryFailure(last, u"Reading the audit log's last entry");
    qint64 sequence = 0;
    QByteArray previousHash;
    if (last.next()) {
        sequence = last.value(0).toLongLong();
        previousHash = last.value(1).toString().toLatin1();
    }
    last.finish();
    store::SqliteStatement insert;
    if (StoreError error = insert.prepare(m_database.connection(),
                                          u"INSERT INTO audit_log (sequence, work_item_id, actor_id, action_type, "
                                          "resulting_version, occurred_at, details_json, previous_hash, hash) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)) {
        return error;
    }
    QDateTime textAt;
    QByteArray atText;
    for (const AuditEntry &entry : entries) {
        AuditEvent event;
        event.sequence = ++sequence;
        event.previousHash = previousHash;
        event.workItemId = entry.subjectId;
        event.actorId = entry.actorId;
        event.actionType = entry.type;
        event.resultingVersion = entry.resultingVersion;
        event.occurredAt = entry.at.toUTC();
        event.detailsJson = entry.detailsJson.isEmpty() ? QJsonDocument(entry.details).toJson(QJsonDocument::Compact)
                                                        : entry.detailsJson;
        if (event.sequence >= *keyedFrom) {
            if (!m_auditKey)
                return StoreError(StoreError::Code::Query, u"The audit key is not loaded: no entry can be added"_s);
            event.hash = m_auditKey->sign(event.canonicalBytes());
        } else {
            event.hash = event.computeHash(); // only a database that has not met the key yet
        }
        insert.bindInteger(1, event.sequence);
        const QByteArray subject = event.workItemId.toUtf8();
        const QByteArray actor = event.actorId.toUtf8();
        insert.bindUtf8(2, subject); // '' stays '', as QtSql wrote it
        insert.bindUtf8(3, actor);
        insert.bindLatin1(4, wireName(event.actionType));
        insert.bindInteger(5, event.resultingVersion);
        if (entry.at != textAt) { // a batch's entries share their time: written once
            textAt = entry.at;
            atText = store::isoTimestamp(entry.at);
        }
        insert.bindUtf8(6, atText);
        insert.bindUtf8(7, event.detailsJson);
        insert.bindUtf8(8, event.previousHash); // the first entry's is '', never NULL
        insert.bindUtf8(9, event.hash);
        if (StoreError error = insert.step())
            return error;
        previousHash = event.hash;
    }
    return {};
}

std::optional<AuditCheckpoint> GatewayStore::auditHead(StoreError *error)
{
    const std::optional<qint64> keyedFrom = auditKeyedFrom();
    QSqlQuery query(m_database.connection());
    if (!keyedFrom || !query.exec(u"SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"_s)) {
        setError(error,
                 keyedFrom ? store::queryFailure(query, u"Reading the audit log's last entry")
                           : StoreError(StoreError::Code::Query, u"The keyed chain's start is unknown"_s));
        return std::nullopt;
    }
    AuditCheckpoint head;
    head.keyedFrom = *keyedFrom;
    if (query.next()) {
        head.sequence = query.value(0).toLongLong();
        head.hash = query.value(1).toString().toLatin1();
    }
    return head;
}

namespace {

QString checkpointTime(const AuditCheckpoint &checkpoint)
{
    return checkpoint.time.toUTC().toString(Qt::ISODate);
}

} // namespace

GatewayStore::AuditVerification GatewayStore::verifyAudit(const AuditKey *key,
                                                          const AuditCheckpointFile::Reading *checkpoints)
{
    using Failure = AuditVerification::Failure;
    AuditVerification result;
    auto broken = [&result](Failure failure, qint64 sequence, const QString &detail) {
        result.intact = false;
        result.failure = failure;
        result.firstBrokenSequence = sequence;
        result.detail = detail;
        return result;
    };
    const std::optional<qint64> keyedFrom = auditKeyedFrom();
    if (!keyedFrom)
        return broken(Failure::Rewritten, 0, u"rewritten: the database no longer says where the keyed chain starts"_s);
    result.checkpoint = checkpoints ? checkpoints->newest() : std::nullopt;
    // Every checkpoint still vouches for the entry it names, not only the newest: a
    // checkpoint written after the log was cut short must not hide the cut.
    const QList<AuditCheckpoint> vouched = checkpoints ? checkpoints->valid : QList<AuditCheckpoint>();
    std::optional<AuditCheckpoint> farthest;
    QMultiHash<qint64, qsizetype> vouchedAt;
    for (qsizetype index = 0; index < vouched.size(); ++index) {
        const AuditCheckpoint &each = vouched.at(index);
        if (!farthest || each.sequence > farthest->sequence)
            farthest = each;
        vouchedAt.insert(each.sequence, index);
        if (each.keyedFrom != *keyedFrom) {
            return broken(
                Failure::Rewritten, std::min(each.keyedFrom, *keyedFrom),
                u"rewritten: the keyed chain starts at entry %1, but the checkpoint of %2 says %3"_s.arg(*keyedFrom)
                    .arg(checkpointTime(each))
                    .arg(each.keyedFrom));
        }
    }
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT sequence, work_item_id, actor_id, action_type, resulting_version, occurred_at, "
                    "details_json, previous_hash, hash FROM audit_log ORDER BY sequence"_s)) {
        return broken(Failure::Unreadable, 0, query.lastError().text());
    }
    QByteArray previousHash;
    qint64 expectedSequence = 1;
    while (query.next()) {
        AuditEvent event;
        event.sequence = query.value(0).toLongLong();
        event.workItemId = query.value(1).toString();
        event.actorId = query.value(2).toString();
        const auto type = fromWireName<ActionType>(query.value(3).toString());
        event.actionType = type.value_or(ActionType::Note);
        event.resultingVersion = query.value(4).toLongLong();
        event.occurredAt = QDateTime::fromString(query.value(5).toString(), Qt::ISODateWithMs);
        event.detailsJson = query.value(6).toString().toUtf8();
        event.previousHash = query.value(7).toString().toLatin1();
        event.hash = query.value(8).toString().toLatin1();
        ++result.entries;
        const bool keyed = event.sequence >= *keyedFrom;
        if (keyed && !key) {
            return broken(Failure::NoKey, event.sequence,
                          u"cannot verify without the key: entries from %1 on are chained with it"_s.arg(*keyedFrom));
        }
        if (event.sequence != expectedSequence)
            return broken(Failure::Missing, expectedSequence, u"entry %1 is missing"_s.arg(expectedSequence));
        if (!type) {
            return broken(Failure::Rewritten, event.sequence,
                          u"rewritten: entry %1 has an unknown action type"_s.arg(event.sequence));
        }
        if (event.previousHash != previousHash) {
            return broken(Failure::Rewritten, event.sequence,
                          u"rewritten: entry %1 does not follow the entry before it"_s.arg(event.sequence));
        }
        if (keyed && key->sign(event.canonicalBytes()) != event.hash) {
            return broken(Failure::Rewritten, event.sequence,
                          u"rewritten: entry %1 does not match its keyed hash"_s.arg(event.sequence));
        }
        if (!keyed && event.computeHash() != event.hash) {
            return broken(Failure::Rewritten, event.sequence,
                          u"rewritten: entry %1 was altered after it was written"_s.arg(event.sequence));
        }
        for (auto at = vouchedAt.constFind(event.sequence); at != vouchedAt.cend() && at.key() == event.sequence;
             ++at) {
            const AuditCheckpoint &checkpoint = vouched.at(*at);
            if (event.hash != checkpoint.hash) {
                return broken(Failure::Rewritten, event.sequence,
                              u"rewritten: entry %1 does not match the checkpoint of %2"_s.arg(event.sequence)
                                  .arg(checkpointTime(checkpoint)));
            }
        }
        previousHash = event.hash;
        ++expectedSequence;
    }
    if (farthest && farthest->sequence > expectedSequence - 1) {
        return broken(
            Failure::Truncated, result.entries + 1,
            u"truncated: the checkpoint of %1 covers entry %2 but the log ends at %3"_s.arg(checkpointTime(*farthest))
                .arg(farthest->sequence)
                .arg(result.entries));
    }
    if (checkpoints && !checkpoints->tamperedLines.isEmpty()) {
        QStringList lines;
        for (int line : checkpoints->tamperedLines)
            lines << QString::number(line);
        return broken(
            Failure::CheckpointTampered, 0,
            u"checkpoint file tampered: the signature of line %1 does not match it"_s.arg(lines.join(u", "_s)));
    }
    return result;
}

} // namespace rcm::server
