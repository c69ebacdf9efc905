// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/workqueuequery.h"

#include "services/store/preparedquery.h"
#include "services/store/workitemstore.h"

#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

using namespace rcm::models;

namespace {

/// Kept statements beyond this many are dropped and prepared again when needed: a user
/// trying filters one after another should not grow the cache without bound.
constexpr std::size_t maximumStatements = 64;

/// The SQL expression each order sorts by. Priority (the default) follows
/// work_items_by_queue, balance and filing deadline have their own indexes within a queue.
QString sortExpression(WorkQueueOrder order)
{
    switch (order) {
    case WorkQueueOrder::Priority:
        return u"work_items.priority"_s;
    case WorkQueueOrder::ClaimNumber:
        return u"work_items.claim_number"_s;
    case WorkQueueOrder::AccountNumber:
        return u"work_items.account_number"_s;
    case WorkQueueOrder::Patient:
        return u"work_items.patient_display_name"_s;
    case WorkQueueOrder::Payer:
        return u"work_items.payer_name"_s;
    case WorkQueueOrder::ServiceDate:
        return u"work_items.service_from"_s;
    case WorkQueueOrder::Billed:
        return u"work_items.billed_cents"_s;
    case WorkQueueOrder::Balance:
        return u"work_items.balance_cents"_s;
    case WorkQueueOrder::ReasonCode:
        return u"work_items.carc"_s;
    case WorkQueueOrder::FilingDeadline:
        return u"work_items.timely_filing_deadline"_s;
    case WorkQueueOrder::Age:
        return u"work_items.created_at"_s;
    case WorkQueueOrder::Status:
        return u"work_items.status"_s;
    case WorkQueueOrder::Owner:
        return u"users.display_name"_s;
    }
    return u"work_items.priority"_s;
}

/// A WHERE clause and the values for its placeholders, built together so they agree.
struct Condition
{
    QString sql;
    QList<std::pair<QString, QVariant>> values;

    void bind(QSqlQuery &query) const
    {
        for (const auto &[name, value] : values)
            query.bindValue(name, value);
    }
};

enum class StatusCondition { Any, Open, Resolved };

/// Deadlines are ISO dates or NULL (never empty), so they compare with an ISO date as text.
/// The next deadline and its days are ReportQueries::deadlinesByOwner()'s, written without
/// its subqueries: a queue's count after a click on a report's bar must equal the bar.
void addDeadlineCondition(const WorkQueueCriteria::DeadlineRange &range, QStringList &conditions,
                          QList<std::pair<QString, QVariant>> &values)
{
    const QString asOf = range.asOf.toString(Qt::ISODate);
    if (range.passed) {
        // The latest of the deadlines it has (NULL when it has none) is before the as-of day.
        conditions << u"max(coalesce(work_items.timely_filing_deadline, work_items.appeal_deadline), "
                      "coalesce(work_items.appeal_deadline, work_items.timely_filing_deadline)) < :asOfPassed"_s;
        values.append({u":asOfPassed"_s, asOf});
        return;
    }
    // The filing deadline if it is ahead and no appeal deadline ahead comes before it, else
    // the appeal deadline if it is ahead; NULL when neither is (BETWEEN is then not true).
    conditions << u"CAST(julianday(CASE WHEN work_items.timely_filing_deadline >= :asOfFiling "
                  "AND NOT coalesce(work_items.appeal_deadline >= :asOfEarlierAppeal "
                  "AND work_items.appeal_deadline < work_items.timely_filing_deadline, 0) "
                  "THEN work_items.timely_filing_deadline "
                  "WHEN work_items.appeal_deadline >= :asOfAppeal THEN work_items.appeal_deadline END) "
                  "- julianday(:asOfDays) AS INTEGER) BETWEEN :firstDay AND :lastDay"_s;
    // Each placeholder once: the driver's support for a name used twice is not relied on.
    values.append({u":asOfFiling"_s, asOf});
    values.append({u":asOfEarlierAppeal"_s, asOf});
    values.append({u":asOfAppeal"_s, asOf});
    values.append({u":asOfDays"_s, asOf});
    values.append({u":firstDay"_s, range.firstDay});
    values.append({u":lastDay"_s, range.lastDay});
}

Condition conditionFor(const WorkQueueCriteria &criteria, StatusCondition status)
{
    QStringList conditions;
    Condition result;
    auto add = [&](const QString &sql, const QString &name = {}, const QVariant &value = {}) {
        conditions << sql;
        if (!name.isEmpty())
            result.values.append({name, value});
    };
    if (status == StatusCondition::Open)
        add(u"work_items.status <> 'resolved'"_s);
    else if (status == StatusCondition::Resolved)
        add(u"work_items.status = 'resolved'"_s);
    if (criteria.queue)
        add(u"work_items.queue = :queue"_s, u":queue"_s, QString(wireName(*criteria.queue)));
    if (criteria.ownerScope == WorkQueueCriteria::OwnerScope::Owner)
        add(u"work_items.owner_id = :owner"_s, u":owner"_s, criteria.ownerId);
    else if (criteria.ownerScope == WorkQueueCriteria::OwnerScope::Nobody)
        add(u"work_items.owner_id IS NULL"_s);
    if (!criteria.payerId.isEmpty())
        add(u"work_items.payer_id = :payer"_s, u":payer"_s, criteria.payerId);
    if (criteria.category)
        add(u"work_items.denial_category = :category"_s, u":category"_s, QString(wireName(*criteria.category)));
    if (criteria.status)
        add(u"work_items.status = :status"_s, u":status"_s, QString(wireName(*criteria.status)));
    if (!criteria.assigneeId.isEmpty())
        add(u"work_items.owner_id = :assignee"_s, u":assignee"_s, criteria.assigneeId);
    // created_at is an ISO timestamp: it compares with an ISO date as text.
    if (criteria.createdBefore.isValid())
        add(u"work_items.created_at < :createdBefore"_s, u":createdBefore"_s,
            criteria.createdBefore.toString(Qt::ISODate));
    if (criteria.createdOnOrAfter.isValid())
        add(u"work_items.created_at >= :createdFrom"_s, u":createdFrom"_s,
            criteria.createdOnOrAfter.toString(Qt::ISODate));
    if (criteria.minimumBalance)
        add(u"work_items.balance_cents >= :minimumBalance"_s, u":minimumBalance"_s, criteria.minimumBalance->cents());
    if (criteria.maximumBalance)
        add(u"work_items.balance_cents <= :maximumBalance"_s, u":maximumBalance"_s, criteria.maximumBalance->cents());
    if (!criteria.facilityId.isEmpty())
        add(u"work_items.facility_id = :facility"_s, u":facility"_s, criteria.facilityId);
    if (criteria.deadline)
        addDeadlineCondition(*criteria.deadline, conditions, result.values);
    if (const QString expression = WorkItemStore::searchExpression(criteria.searchText); !expression.isEmpty()) {
        add(u"work_items.row_id IN (SELECT rowid FROM work_items_search WHERE work_items_search MATCH :search)"_s,
            u":search"_s, expression);
    }
    if (!conditions.isEmpty())
        result.sql = u" WHERE "_s + conditions.join(u" AND "_s);
    return result;
}

WorkQueueRow rowFrom(const QSqlQuery &query)
{
    WorkQueueRow row;
    row.id = query.value(0).toString();
    row.priority = static_cast<Priority>(query.value(1).toInt());
    row.claimNumber = query.value(2).toString();
    row.accountNumber = query.value(3).toString();
    row.patient = query.value(4).toString();
    row.payer = query.value(5).toString();
    row.serviceFrom = QDate::fromString(query.value(6).toString(), Qt::ISODate);
    row.billed = Money::fromCents(query.value(7).toLongLong());
    row.balance = Money::fromCents(query.value(8).toLongLong());
    row.groupCode = query.value(9).toString();
    row.carc = query.value(10).toString();
    row.category = fromWireName<DenialCategory>(query.value(11).toString()).value_or(DenialCategory::Other);
    row.filingDeadline = QDate::fromString(query.value(12).toString(), Qt::ISODate);
    row.status = fromWireName<WorkItemStatus>(query.value(13).toString()).value_or(WorkItemStatus::New);
    row.owner = query.value(14).toString();
    row.pending = query.value(15).toBool();
    row.createdOn = QDate::fromString(query.value(16).toString(), Qt::ISODate);
    return row;
}

} // namespace

WorkQueueQuery::WorkQueueQuery(Database &database)
    : m_database(database)
{ }

WorkQueueQuery::~WorkQueueQuery() = default;

QSqlQuery *WorkQueueQuery::statement(const QString &sql, StoreError *error)
{
    if (const auto found = m_statements.find(sql); found != m_statements.end())
        return found->second.get();
    if (m_statements.size() >= maximumStatements)
        m_statements.clear();
    auto query = std::make_unique<QSqlQuery>(m_database.connection());
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        if (error)
            *error = queryFailure(*query, u"Preparing a queue query");
        return nullptr;
    }
    return m_statements.emplace(sql, std::move(query)).first->second.get();
}

qint64 WorkQueueQuery::countMatching(const WorkQueueCriteria &criteria, Counted counted, StoreError *error)
{
    const StatusCondition status = counted == Counted::Open ? StatusCondition::Open
        : counted == Counted::Resolved                      ? StatusCondition::Resolved
                                                            : StatusCondition::Any;
    const Condition condition = conditionFor(criteria, status);
    QSqlQuery *query = statement(u"SELECT count(*) FROM work_items"_s + condition.sql, error);
    if (!query)
        return -1;
    const auto done = qScopeGuard([query]() { query->finish(); });
    condition.bind(*query);
    if (!query->exec() || !query->next()) {
        if (error)
            *error = queryFailure(*query, u"Counting a queue");
        return -1;
    }
    return query->value(0).toLongLong();
}

qint64 WorkQueueQuery::countOpen(const WorkQueueCriteria &criteria, StoreError *error)
{
    // No index holds the facility or the deadlines: every row's table page is read anyway,
    // so one pass that skips the resolved costs less than the two below.
    if (!criteria.facilityId.isEmpty() || criteria.deadline)
        return countMatching(criteria, Counted::Open, error);
    // Open = all - resolved: both counts can be read from indexes alone (queue, and
    // status with queue), where "status <> 'resolved'" would visit every row's table page.
    const qint64 all = countMatching(criteria, Counted::All, error);
    if (all < 0)
        return -1;
    const qint64 resolved = countMatching(criteria, Counted::Resolved, error);
    return resolved < 0 ? -1 : all - resolved;
}

QHash<Queue, qint64> WorkQueueQuery::openCountsByQueue(StoreError *error)
{
    QHash<Queue, qint64> counts;
    // All minus resolved, each from an index alone (see countOpen()).
    const std::pair<QString, qint64> passes[] = {
        {u"SELECT queue, count(*) FROM work_items GROUP BY queue"_s, 1},
        {u"SELECT queue, count(*) FROM work_items WHERE status = 'resolved' GROUP BY queue"_s, -1},
    };
    for (const auto &[sql, sign] : passes) {
        QSqlQuery *query = statement(sql, error);
        if (!query)
            return counts;
        const auto done = qScopeGuard([query]() { query->finish(); });
        if (!query->exec()) {
            if (error)
                *error = queryFailure(*query, u"Counting the queues");
            return counts;
        }
        while (query->next()) {
            if (const auto queue = fromWireName<Queue>(query->value(0).toString()))
                counts[*queue] += sign * query->value(1).toLongLong();
        }
    }
    return counts;
}

QSqlQuery *WorkQueueQuery::runSelect(const WorkQueueCriteria &criteria, WorkQueueOrder order, Qt::SortOrder direction,
                                     const QString &tail, StoreError *error)
{
    const Condition condition = conditionFor(criteria, StatusCondition::Open);
    const QString sql = u"SELECT work_items.id, priority, claim_number, account_number, patient_display_name, "
                        "payer_name, service_from, billed_cents, balance_cents, group_code, carc, denial_category, "
                        "timely_filing_deadline, status, users.display_name, "
                        "EXISTS (SELECT 1 FROM outbox WHERE outbox.work_item_id = work_items.id), "
                        "substr(work_items.created_at, 1, 10) "
                        "FROM work_items LEFT JOIN users ON users.id = work_items.owner_id"_s
        + condition.sql
        + u" ORDER BY %1 %2, work_items.due_date, work_items.row_id"_s.arg(
            sortExpression(order), direction == Qt::AscendingOrder ? u"ASC"_s : u"DESC"_s)
        + tail;
    QSqlQuery *query = statement(sql, error);
    if (!query)
        return nullptr;
    condition.bind(*query);
    return query;
}

QList<WorkQueueRow> WorkQueueQuery::rows(const WorkQueueCriteria &criteria, WorkQueueOrder order,
                                         Qt::SortOrder direction, qint64 offset, int limit, StoreError *error)
{
    QList<WorkQueueRow> result;
    QSqlQuery *query = runSelect(criteria, order, direction, u" LIMIT :limit OFFSET :offset"_s, error);
    if (!query)
        return result;
    const auto done = qScopeGuard([query]() { query->finish(); });
    query->bindValue(u":limit"_s, limit);
    query->bindValue(u":offset"_s, offset);
    if (!query->exec()) {
        if (error)
            *error = queryFailure(*query, u"Reading a queue");
        return result;
    }
    result.reserve(limit);
    while (query->next())
        result.append(rowFrom(*query));
    return result;
}

void WorkQueueQuery::read(WorkQueueSnapshot &snapshot, int pageSize, StoreError *error)
{
    StoreError failure;
    snapshot.firstRows.clear();
    snapshot.count = countOpen(snapshot.criteria, &failure);
    if (!failure)
        snapshot.firstRows = rows(snapshot.criteria, snapshot.order, snapshot.direction, 0, pageSize, &failure);
    if (failure) {
        snapshot.count = -1;
        snapshot.firstRows.clear();
    }
    if (error)
        *error = failure;
}

StoreError WorkQueueQuery::forEachRow(const WorkQueueCriteria &criteria, WorkQueueOrder order, Qt::SortOrder direction,
                                      const std::function<bool(const WorkQueueRow &)> &visit)
{
    StoreError error;
    QSqlQuery *query = runSelect(criteria, order, direction, QString(), &error);
    if (!query)
        return error;
    const auto done = qScopeGuard([query]() { query->finish(); });
    if (!query->exec())
        return queryFailure(*query, u"Reading a queue");
    while (query->next()) {
        if (!visit(rowFrom(*query)))
            break;
    }
    return {};
}

} // namespace rcm::store
