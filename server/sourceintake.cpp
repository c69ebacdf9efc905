// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/sourceintake.h"

#include "server/gatewaystore.h"
#include "services/reference/reasoncodecatalogue.h"
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

QString fieldList(const QStringList &fields)
{
    return fields.isEmpty() ? u"no fields"_s : fields.join(u", "_s);
}

} // namespace

SourceIntake::SourceIntake(GatewayStore &store)
    : m_store(store)
    , m_findSource(u"SELECT work_item_id, closed, resolved_by_source FROM work_item_sources "
                   "WHERE source = ? AND external_id = ?"_s)
    , m_saveSource(u"INSERT INTO work_item_sources (source, external_id, work_item_id, closed, resolved_by_source, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source, external_id) DO UPDATE "
                   "SET closed = excluded.closed, resolved_by_source = excluded.resolved_by_source, "
                   "updated_at = excluded.updated_at"_s)
    , m_nextNumber(u"UPDATE meta SET value = value + 1 WHERE key = 'source_item_seq' RETURNING value"_s)
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
        *error = transaction.commit();
    return result;
}

QList<SourceIntake::Result> SourceIntake::putBatch(const QString &source, std::span<const api::SourceItem> items,
                                                   const models::User &by, const QDateTime &now, StoreError *error)
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
                               {u"items"_s, qint64(items.size())},
                               {u"created"_s, counts.value(Outcome::Created)},
                               {u"updated"_s, counts.value(Outcome::Updated)},
                               {u"unchanged"_s, counts.value(Outcome::Unchanged)},
                               {u"refused"_s, counts.value(Outcome::Refused)}};
    if (counts.value(Outcome::Created) + counts.value(Outcome::Updated) > 0)
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
    QSqlQuery *query = m_findSource.get(m_store.database().connection(), error);
    if (!query)
        return std::nullopt;
    query->addBindValue(source);
    query->addBindValue(externalId);
    if (!query->exec()) {
        *error = store::queryFailure(*query, u"Looking up a source's item");
        return std::nullopt;
    }
    std::optional<Known> found;
    if (query->next())
        found = Known {query->value(0).toString(), query->value(1).toBool(), query->value(2).toBool()};
    query->finish();
    return found;
}

StoreError SourceIntake::remember(const QString &source, const QString &externalId, const Known &known,
                                  const QDateTime &now)
{
    StoreError error;
    QSqlQuery *query = m_saveSource.get(m_store.database().connection(), &error);
    if (!query)
        return error;
    const QString time = now.toUTC().toString(Qt::ISODateWithMs);
    for (const QVariant &value :
         {QVariant(source), QVariant(externalId), QVariant(known.workItemId), QVariant(known.closed ? 1 : 0),
          QVariant(known.resolvedBySource ? 1 : 0), QVariant(time), QVariant(time)}) {
        query->addBindValue(value);
    }
    return query->exec() ? StoreError() : store::queryFailure(*query, u"Recording a source's item");
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
    QSqlQuery *number = m_nextNumber.get(m_store.database().connection(), error);
    if (!number)
        return {};
    if (!number->exec() || !number->next()) {
        *error = store::queryFailure(*number, u"Numbering a source's item");
        return {};
    }
    WorkItem created;
    created.id = u"SRC-%1"_s.arg(number->value(0).toLongLong(), 7, 10, QLatin1Char('0'));
    number->finish();
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
    if ((*error = m_store.writeItem(created)))
        return {};
    if ((*error = remember(source, item.externalId, Known {created.id, false, false}, now)))
        return {};
    const QJsonObject details {{u"source"_s, source},
                               {u"externalId"_s, item.externalId},
                               {u"text"_s, u"Created from %1 (its item %2)"_s.arg(source, item.externalId)}};
    if ((*error = m_store.appendAuditEntry(created.id, by.id, models::ActionType::SourceCreated, created.version,
                                           details, now))) {
        return {};
    }
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
    std::optional<WorkItem> current = m_store.item(known.workItemId);
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
        if (known.resolvedBySource && current->status == WorkItemStatus::Resolved && current->ownerId.isEmpty()) {
            updated.status = WorkItemStatus::New;
            text = u"%1 reopened its item %2; it is open again."_s.arg(source, item.externalId);
        } else {
            text = u"%1 reopened its item %2; its status stays as it was set here."_s.arg(source, item.externalId);
        }
        after.resolvedBySource = false;
    } else if (!result.changed.isEmpty()) {
        text = u"%1 updated %2."_s.arg(source, fieldList(result.changed));
    }
    if (type == models::ActionType::SourceUpdated && result.changed.isEmpty()) {
        result.outcome = Outcome::Unchanged;
        return result;
    }
    if (type != models::ActionType::SourceUpdated && !result.changed.isEmpty())
        text += u" It also updated %1."_s.arg(fieldList(result.changed));
    updated.version = current->version + 1;
    updated.updatedAt = now;
    if ((*error = m_store.writeItem(updated)))
        return {};
    if ((*error = remember(source, item.externalId, after, now)))
        return {};
    QJsonObject details {{u"source"_s, source}, {u"externalId"_s, item.externalId}, {u"text"_s, text}};
    if (!result.changed.isEmpty())
        details.insert(u"fields"_s, QJsonArray::fromStringList(result.changed));
    if (closed && !item.closeReason.isEmpty())
        details.insert(u"reason"_s, item.closeReason);
    if ((*error = m_store.appendAuditEntry(updated.id, by.id, type, updated.version, details, now)))
        return {};
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
