// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/sourceintake.h"

#include "server/gatewaystore.h"
#include "services/api/workitemjson.h"
#include "services/reference/reasoncodecatalogue.h"
#include "services/store/preparedquery.h"
#include "services/store/transactionguard.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using models::WorkItem;
using models::WorkItemStatus;
using store::StoreError;

namespace {

models::DenialCategory categoryOf(const api::SourceItem &source, models::Queue queue)
{
    if (source.denialCategory)
        return *source.denialCategory;
    if (queue == models::Queue::Authorization)
        return models::DenialCategory::Authorization;
    if (queue != models::Queue::Denial || !source.carc || source.carc->isEmpty())
        return models::DenialCategory::Other;
    const auto code = reference::ReasonCodeCatalogue::builtIn().find(reference::ReasonCode::Kind::Carc, *source.carc);
    return code ? models::fromWireName<models::DenialCategory>(code->family).value_or(models::DenialCategory::Other)
                : models::DenialCategory::Other;
}

models::Priority priorityOf(Money atRisk)
{
    if (atRisk.cents() >= 500'000)
        return models::Priority::Urgent;
    return atRisk.cents() >= 50'000 ? models::Priority::High : models::Priority::Normal;
}

/// The earliest deadline the source gave, a week before it so that there is time to act,
/// or two weeks from now.
QDate defaultDueDate(const WorkItem &item, const QDate &today)
{
    QDate deadline;
    for (const QDate &date : {item.appealDeadline, item.timelyFilingDeadline}) {
        if (date.isValid() && (!deadline.isValid() || date < deadline))
            deadline = date;
    }
    if (!deadline.isValid())
        return today.addDays(14);
    return std::max(today, deadline.addDays(-7));
}

/// Someone has taken the item into their workflow: it has an owner, or a person moved its
/// status on. From then on its status and owner are theirs.
bool isWorked(const WorkItem &item, bool resolvedBySource)
{
    if (!item.ownerId.isEmpty())
        return true;
    if (item.status == WorkItemStatus::Resolved)
        return !resolvedBySource;
    return item.status != WorkItemStatus::New;
}

/// A source's history entry details as compact JSON, keys in the order QJsonDocument
/// writes them: written for thousands of items at a time.
QByteArray historyDetails(const QString &source, const QString &externalId, const QString &text,
                          const QStringList &fields = {}, const QString &reason = {})
{
    QByteArray out = "{\"externalId\":";
    api::appendJsonString(out, externalId);
    if (!fields.isEmpty()) {
        out += ",\"fields\":[";
        for (qsizetype index = 0; index < fields.size(); ++index) {
            if (index > 0)
                out += ',';
            api::appendJsonString(out, fields.at(index));
        }
        out += ']';
    }
    if (!reason.isEmpty()) {
        out += ",\"reason\":";
        api::appendJsonString(out, reason);
    }
    out += ",\"source\":";
    api::appendJsonString(out, source);
    out += ",\"text\":";
    api::appendJsonString(out, text);
    out += '}';
    return out;
}

QString fieldList(const QStringList &fields)
{
    return fields.isEmpty() ? u"no fields"_s : fields.join(u", "_s);
}

} // namespace

SourceIntake::SourceIntake(GatewayStore &store)
    : m_store(store)
    , m_items(store.database())
{ }

QLatin1StringView SourceIntake::wireName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Created:
        return QLatin1StringView("created");
    case Outcome::Updated:
        return QLatin1StringView("updated");
    case Outcome::Unchanged:
        return QLatin1StringView("unchanged");
    case Outcome::Refused:
        break;
    }
    return QLatin1StringView("refused");
}

SourceIntake::Result SourceIntake::put(const QString &source, const api::SourceItem &item, const models::User &by,
                                       const QDateTime &now, StoreError *error)
{
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError()) {
        *error = transaction.beginError();
        return {};
    }
    Result result = apply(source, item, by, now, error);
    if (!*error)
        *error = flush();
    if (!*error)
        *error = transaction.commit();
    return result;
}

QList<SourceIntake::Result> SourceIntake::putBatch(const QString &source, std::span<const api::SourceItem> items,
                                                   const models::User &by, const QDateTime &now, StoreError *error,
                                                   qint64 refusedUnread)
{
    QList<Result> results;
    results.reserve(qsizetype(items.size()));
    store::TransactionGuard transaction(m_store.database().connection());
    if (transaction.beginError()) {
        *error = transaction.beginError();
        return {};
    }
    QHash<Outcome, qint64> counts;
    for (const api::SourceItem &item : items) {
        results.append(apply(source, item, by, now, error));
        if (*error)
            return {};
        ++counts[results.constLast().outcome];
    }
    // The batch itself, once, in the audit chain: who sent how much from which source.
    const QJsonObject details {{u"source"_s, source},
                               {u"items"_s, qint64(items.size()) + refusedUnread},
                               {u"created"_s, counts.value(Outcome::Created)},
                               {u"updated"_s, counts.value(Outcome::Updated)},
                               {u"unchanged"_s, counts.value(Outcome::Unchanged)},
                               {u"refused"_s, counts.value(Outcome::Refused) + refusedUnread}};
    *error = flush();
    if (!*error && counts.value(Outcome::Created) + counts.value(Outcome::Updated) > 0)
        *error = m_store.appendAuditEntry(u"source:"_s + source, by.id, models::ActionType::SourceBatchReceived, 0,
                                          details, now);
    if (!*error)
        *error = transaction.commit();
    return *error ? QList<Result>() : results;
}

SourceIntake::Result SourceIntake::apply(const QString &source, const api::SourceItem &item, const models::User &by,
                                         const QDateTime &now, StoreError *error)
{
    const std::optional<Known> found = known(source, item.externalId, error);
    if (*error)
        return {};
    return found ? update(source, *found, item, by, now, error) : create(source, item, by, now, error);
}

std::optional<SourceIntake::Known> SourceIntake::known(const QString &source, const QString &externalId,
                                                       StoreError *error)
{
    if (!m_findSource.isPrepared()) {
        *error = m_findSource.prepare(m_store.database().connection(),
                                      u"SELECT s.work_item_id, s.closed, s.resolved_by_source, coalesce(w.deleted, 1) "
                                      "FROM work_item_sources AS s LEFT JOIN work_items AS w "
                                      "ON w.id = s.work_item_id WHERE s.source = ? AND s.external_id = ?"_s);
        if (*error)
            return std::nullopt;
    }
    m_findSource.bindText(1, source);
    m_findSource.bindText(2, externalId);
    if (!m_findSource.fetchOne(error))
        return std::nullopt;
    Known found {m_findSource.columnText(0), m_findSource.columnInteger(1) != 0, m_findSource.columnInteger(2) != 0,
                 std::nullopt};
    const bool removed = m_findSource.columnInteger(3) != 0;
    m_findSource.reset();
    if (const auto staged = m_stagedIndex.constFind(found.workItemId); staged != m_stagedIndex.cend())
        found.item = m_staged.at(*staged); // sent twice in one batch: the second sees the first
    else if (!removed)
        found.item = m_items.item(found.workItemId, error);
    return found;
}

bool SourceIntake::personActedSinceClose(const QString &workItemId, StoreError *error)
{
    // A person who reopened and resolved the item again since the source closed it made
    // the resolution theirs: the source reopening it must not undo that.
    QSqlQuery query(m_store.database().connection());
    query.prepare(u"SELECT count(*) FROM audit_log WHERE work_item_id = ? AND substr(action_type, 1, 7) <> 'source_' "
                  "AND sequence > coalesce((SELECT max(sequence) FROM audit_log WHERE work_item_id = ? "
                  "AND action_type = 'source_closed'), 0)"_s);
    query.addBindValue(workItemId);
    query.addBindValue(workItemId);
    if (!query.exec() || !query.next()) {
        *error = store::queryFailure(query, u"Reading an item's history");
        return true;
    }
    return query.value(0).toLongLong() > 0;
}

std::optional<qint64> SourceIntake::nextNumber(StoreError *error)
{
    if (!m_lastNumber) {
        QSqlQuery query(m_store.database().connection());
        if (!query.exec(u"SELECT value FROM meta WHERE key = 'source_item_seq'"_s) || !query.next()) {
            *error = store::queryFailure(query, u"Numbering a source's item");
            return std::nullopt;
        }
        m_lastNumber = query.value(0).toLongLong();
    }
    return ++*m_lastNumber;
}

void SourceIntake::stage(const WorkItem &item, GatewayStore::AuditEntry entry)
{
    if (const auto position = m_stagedIndex.constFind(item.id); position != m_stagedIndex.cend()) {
        m_staged[*position] = item;
    } else {
        m_stagedIndex.insert(item.id, m_staged.size());
        m_staged.append(item);
    }
    m_stagedHistory.append(std::move(entry));
}

StoreError SourceIntake::flush()
{
    StoreError error = m_items.upsertItems(m_staged);
    if (!error)
        error = m_store.appendAuditEntries(m_stagedHistory);
    if (!error && m_lastNumber) {
        QSqlQuery query(m_store.database().connection());
        query.prepare(u"UPDATE meta SET value = ? WHERE key = 'source_item_seq'"_s);
        query.addBindValue(*m_lastNumber);
        if (!query.exec())
            error = store::queryFailure(query, u"Numbering a source's item");
    }
    m_staged.clear();
    m_stagedIndex.clear();
    m_stagedHistory.clear();
    m_lastNumber.reset();
    return error;
}

StoreError SourceIntake::remember(const QString &source, const QString &externalId, const Known &known,
                                  const QDateTime &now)
{
    if (!m_saveSource.isPrepared()) {
        const StoreError error = m_saveSource.prepare(
            m_store.database().connection(),
            u"INSERT INTO work_item_sources (source, external_id, work_item_id, closed, resolved_by_source, "
            "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (source, external_id) DO UPDATE "
            "SET closed = excluded.closed, resolved_by_source = excluded.resolved_by_source, "
            "updated_at = excluded.updated_at"_s);
        if (error)
            return error;
    }
    m_saveSource.bindText(1, source);
    m_saveSource.bindText(2, externalId);
    m_saveSource.bindText(3, known.workItemId);
    m_saveSource.bindInteger(4, known.closed ? 1 : 0);
    m_saveSource.bindInteger(5, known.resolvedBySource ? 1 : 0);
    m_saveSource.bindTimestamp(6, now);
    return m_saveSource.step();
}

QString SourceIntake::payerName(const QString &payerId)
{
    if (!m_payerNames) {
        m_payerNames.emplace();
        for (const models::Payer &payer : m_store.payers())
            m_payerNames->insert(payer.id, payer.name);
    }
    return m_payerNames->value(payerId, payerId);
}

SourceIntake::Result SourceIntake::create(const QString &source, const api::SourceItem &item, const models::User &by,
                                          const QDateTime &now, StoreError *error)
{
    Result result;
    result.externalId = item.externalId;
    if (item.closed.value_or(false)) {
        result.reason = u"closed before it was ever sent open: nothing to close"_s;
        return result;
    }
    QStringList missing;
    if (!item.queue)
        missing << u"queue"_s;
    if (!item.claimNumber)
        missing << u"claimNumber"_s;
    if (!item.payerId)
        missing << u"payerId"_s;
    if (!missing.isEmpty()) {
        result.outcome = Outcome::Refused;
        result.reason = u"a new item needs %1"_s.arg(missing.join(u", "_s));
        return result;
    }
    const std::optional<qint64> number = nextNumber(error);
    if (!number)
        return {};
    WorkItem created;
    created.id = u"SRC-%1"_s.arg(*number, 7, 10, QLatin1Char('0'));
    created.queue = *item.queue;
    created.status = WorkItemStatus::New;
    result.changed = api::applySourceFields(item, &created);
    if (created.accountNumber.isEmpty())
        created.accountNumber = created.claimNumber;
    if (created.payerName.isEmpty())
        created.payerName = payerName(created.payerId);
    // Every item names a patient and a facility; a source that does not send them says so.
    for (QString *unknown : {&created.patientDisplayName, &created.facilityId}) {
        if (unknown->isEmpty())
            *unknown = u"(not given)"_s;
    }
    if (!item.balance)
        created.balance = created.billed;
    if (!item.atRisk)
        created.atRisk = created.balance;
    created.denialCategory = categoryOf(item, created.queue);
    if (!item.priority)
        created.priority = priorityOf(created.atRisk);
    if (!created.dueDate.isValid())
        created.dueDate = defaultDueDate(created, now.date());
    created.version = 1;
    created.createdAt = now;
    created.updatedAt = now;
    if ((*error = remember(source, item.externalId, Known {created.id, false, false, std::nullopt}, now)))
        return {};
    stage(created,
          {created.id,
           by.id,
           models::ActionType::SourceCreated,
           created.version,
           {},
           now,
           historyDetails(source, item.externalId, u"Created from %1 (its item %2)"_s.arg(source, item.externalId))});
    result.outcome = Outcome::Created;
    result.workItemId = created.id;
    result.version = created.version;
    return result;
}

SourceIntake::Result SourceIntake::update(const QString &source, const Known &known, const api::SourceItem &item,
                                          const models::User &by, const QDateTime &now, StoreError *error)
{
    Result result;
    result.externalId = item.externalId;
    result.workItemId = known.workItemId;
    const std::optional<WorkItem> &current = known.item;
    if (!current) {
        result.outcome = Outcome::Refused;
        result.reason = u"its work item %1 was removed at the gateway"_s.arg(known.workItemId);
        return result;
    }
    result.version = current->version;
    if (item.queue && *item.queue != current->queue) {
        result.outcome = Outcome::Refused;
        result.reason = u"the item is in the %1 queue and cannot move to %2: close it and send a new external id"_s.arg(
            QString(models::wireName(current->queue)), QString(models::wireName(*item.queue)));
        return result;
    }
    WorkItem updated = *current;
    result.changed = api::applySourceFields(item, &updated);
    const bool closed = item.closed.value_or(known.closed);
    Known after = known;
    after.closed = closed;
    const bool worked = isWorked(*current, known.resolvedBySource);
    models::ActionType type = models::ActionType::SourceUpdated;
    QString text;
    if (closed && !known.closed) {
        type = models::ActionType::SourceClosed;
        const QString why = item.closeReason.isEmpty() ? QString() : u" (%1)"_s.arg(item.closeReason);
        if (!worked && current->isOpen()) {
            updated.status = WorkItemStatus::Resolved;
            after.resolvedBySource = true;
            text = u"%1 closed its item %2%3; nobody had taken it, so it is resolved."_s.arg(source, item.externalId,
                                                                                             why);
        } else if (current->isOpen()) {
            text = u"%1 closed its item %2%3 while it was being worked. It stays with its owner and status: review "
                   "it and resolve it if nothing is left to do."_s.arg(source, item.externalId, why);
        } else {
            text = u"%1 closed its item %2%3; the item was already resolved."_s.arg(source, item.externalId, why);
        }
    } else if (!closed && known.closed) {
        type = models::ActionType::SourceReopened;
        if (known.resolvedBySource && current->status == WorkItemStatus::Resolved && current->ownerId.isEmpty()
            && !personActedSinceClose(current->id, error)) {
            updated.status = WorkItemStatus::New;
            text = u"%1 reopened its item %2; it is open again."_s.arg(source, item.externalId);
        } else {
            text = u"%1 reopened its item %2; its status stays as it was set here."_s.arg(source, item.externalId);
        }
        after.resolvedBySource = false;
    } else if (!result.changed.isEmpty()) {
        text = u"%1 updated %2."_s.arg(source, fieldList(result.changed));
    }
    if (*error)
        return {};
    if (type == models::ActionType::SourceUpdated && result.changed.isEmpty()) {
        result.outcome = Outcome::Unchanged;
        return result;
    }
    if (type != models::ActionType::SourceUpdated && !result.changed.isEmpty())
        text += u" It also updated %1."_s.arg(fieldList(result.changed));
    updated.version = current->version + 1;
    updated.updatedAt = now;
    if ((*error = remember(source, item.externalId, after, now)))
        return {};
    stage(updated,
          {updated.id,
           by.id,
           type,
           updated.version,
           {},
           now,
           historyDetails(source, item.externalId, text, result.changed, closed ? item.closeReason : QString())});
    result.outcome = Outcome::Updated;
    result.version = updated.version;
    return result;
}

QStringList SourceIntake::openExternalIds(const QString &source, const QString &after, int limit, StoreError *error)
{
    QStringList ids;
    QSqlQuery query(m_store.database().connection());
    query.prepare(u"SELECT external_id FROM work_item_sources WHERE source = ? AND closed = 0 AND external_id > ? "
                  "ORDER BY external_id LIMIT ?"_s);
    query.addBindValue(source);
    query.addBindValue(after.isEmpty() ? u""_s : after); // never NULL: nothing is greater than NULL
    query.addBindValue(limit);
    if (!query.exec()) {
        store::setError(error, store::queryFailure(query, u"Listing a source's open items"));
        return {};
    }
    while (query.next())
        ids << query.value(0).toString();
    return ids;
}

} // namespace rcm::server
