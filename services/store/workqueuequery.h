// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"
#include "models/workitem.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlQuery>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace rcm::store {

/// Which open items a work queue view shows. Every field left empty matches everything.
struct WorkQueueCriteria
{
    /// Whose items: anyone's, one user's ("My work") or nobody's ("Unassigned").
    enum class OwnerScope { Anyone, Owner, Nobody };

    /// Items by their next deadline, as ReportQueries::deadlinesByOwner() counts them: the
    /// earlier of the filing and appeal deadlines on or after asOf, firstDay to lastDay
    /// days after asOf (both inclusive, 0 is asOf itself). With passed set, the days are
    /// not used: items with no deadline on or after asOf but at least one before it.
    struct DeadlineRange
    {
        QDate asOf;
        int firstDay = 0;
        int lastDay = 0;
        bool passed = false;

        bool operator==(const DeadlineRange &) const = default;
    };

    std::optional<models::Queue> queue; ///< empty: every queue
    OwnerScope ownerScope = OwnerScope::Anyone;
    QString ownerId; ///< whose, for OwnerScope::Owner
    QString payerId;
    std::optional<models::DenialCategory> category;
    std::optional<models::WorkItemStatus> status;
    QString assigneeId; ///< a filter on the owner, on top of the scope
    QDate createdBefore; ///< items created before this day; invalid: no bound
    QDate createdOnOrAfter; ///< items created on or after this day; invalid: no bound
    std::optional<models::Money> minimumBalance;
    std::optional<models::Money> maximumBalance;
    QString facilityId;
    std::optional<DeadlineRange> deadline;
    QString searchText; ///< what the user typed: every word must match a claim, account, patient or payer

    bool operator==(const WorkQueueCriteria &) const = default;
};

/// What a queue is ordered by; ties go by due date.
enum class WorkQueueOrder {
    Priority,
    ClaimNumber,
    AccountNumber,
    Patient,
    Payer,
    ServiceDate,
    Billed,
    Balance,
    ReasonCode,
    FilingDeadline,
    Age,
    Status,
    Owner,
};

/// One row of a queue as a biller's table shows it.
struct WorkQueueRow
{
    QString id;
    models::Priority priority = models::Priority::Normal;
    QString claimNumber;
    QString accountNumber;
    QString patient;
    QString payer;
    QDate serviceFrom;
    models::Money billed;
    models::Money balance;
    QString groupCode;
    QString carc;
    models::DenialCategory category = models::DenialCategory::None;
    QDate filingDeadline;
    QDate createdOn;
    models::WorkItemStatus status = models::WorkItemStatus::New;
    QString owner; ///< display name; empty when unassigned
    bool pending = false; ///< actions wait in the outbox
};

/// A queue as one view shows it: what it selects and in which order, with its count and
/// first page once read. A worker reads it after a sync, so the window's model is filled
/// without SQL on the window's thread.
struct WorkQueueSnapshot
{
    WorkQueueCriteria criteria;
    WorkQueueOrder order = WorkQueueOrder::Priority;
    Qt::SortOrder direction = Qt::DescendingOrder;
    qint64 count = -1; ///< -1: not read
    QList<WorkQueueRow> firstRows; ///< the first page, as rows() gives it

    /// Whether it shows the same rows as other (the read part aside).
    bool sameViewAs(const WorkQueueSnapshot &other) const
    {
        return criteria == other.criteria && order == other.order && direction == other.direction;
    }
};

/// Counts and pages the open items of a work queue in SQL, so a queue of a million items
/// costs a page of rows at a time: filter, search and order are applied by SQLite, from
/// indexes where they exist. Statements are prepared once per shape of criteria and order,
/// and kept; destroy it before closing its Database.
class WorkQueueQuery final
{
public:
    explicit WorkQueueQuery(Database &database);
    ~WorkQueueQuery();
    Q_DISABLE_COPY_MOVE(WorkQueueQuery)

    /// -1 if the count cannot be read.
    qint64 countOpen(const WorkQueueCriteria &criteria, StoreError *error = nullptr);
    /// Open items per queue, for the navigation counts.
    QHash<models::Queue, qint64> openCountsByQueue(StoreError *error = nullptr);

    /// Rows [offset, offset + limit) of the open items in order.
    QList<WorkQueueRow> rows(const WorkQueueCriteria &criteria, WorkQueueOrder order, Qt::SortOrder direction,
                             qint64 offset, int limit, StoreError *error = nullptr);
    /// Reads the count and the first pageSize rows of the view; on an error the count
    /// stays -1.
    void read(WorkQueueSnapshot &snapshot, int pageSize, StoreError *error = nullptr);
    /// Every open item in order, one row at a time (an export); visit returns false to stop.
    StoreError forEachRow(const WorkQueueCriteria &criteria, WorkQueueOrder order, Qt::SortOrder direction,
                          const std::function<bool(const WorkQueueRow &)> &visit);

private:
    QSqlQuery *statement(const QString &sql, StoreError *error);
    enum class Counted { All, Open, Resolved };
    qint64 countMatching(const WorkQueueCriteria &criteria, Counted counted, StoreError *error);
    QSqlQuery *runSelect(const WorkQueueCriteria &criteria, WorkQueueOrder order, Qt::SortOrder direction,
                         const QString &tail, StoreError *error);

    Database &m_database;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements; ///< by SQL text
};

} // namespace rcm::store
