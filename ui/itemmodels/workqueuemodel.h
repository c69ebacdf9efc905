// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/workitem.h"
#include "services/store/workqueuequery.h"
#include "ui/itemmodels/queuefilter.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QDate>

#include <functional>
#include <optional>

class QIODevice;

namespace rcm::itemmodels {

/// One queue of the local cache as a table, paged from SQL: only the rows on screen (and
/// a few pages around them) are in memory, whatever the queue's size. Filtering, search
/// and sorting happen in SQL, through store::WorkQueueQuery.
class WorkQueueModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        PriorityColumn,
        ClaimColumn,
        AccountColumn,
        PatientColumn,
        PayerColumn,
        ServiceDateColumn,
        BilledColumn,
        BalanceColumn,
        ReasonColumn,
        FilingDeadlineColumn,
        AgeColumn,
        StatusColumn,
        OwnerColumn,
        ColumnCount
    };

    enum Role {
        WorkItemIdRole = Qt::UserRole + 1,
        DaysToDeadlineRole, ///< int, or invalid when there is no deadline
        SortValueRole,
    };

    /// The cache must outlive the model.
    explicit WorkQueueModel(store::Database &cache, QObject *parent = nullptr);

    /// Whose items to show: anyone's, one user's ("My work") or nobody's ("Unassigned").
    using OwnerScope = store::WorkQueueCriteria::OwnerScope;

    /// Which open items to show: one queue (or every queue when empty) and a search.
    void setQueue(std::optional<models::Queue> queue);
    void setOwnerScope(OwnerScope scope, const QString &ownerId = {});
    /// Open items of a scope across all queues, for the navigation counts.
    qint64 countOpen(OwnerScope scope, const QString &ownerId = {}) const;
    void setSearchText(const QString &text);
    /// Narrows the rows to a payer, facility, category, status, owner, age bucket, deadline
    /// window or balance range.
    void setFilter(const QueueFilter &filter);
    const QueueFilter &filter() const { return m_filter; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// "Today" for deadlines and ages, and the day age buckets and deadline windows count
    /// from; the system date by default.
    void setToday(const QDate &today);

    QString lastError() const { return m_lastError; }
    /// Reads the queue again, after a sync changed the cache.
    void refresh() { reload(); }
    /// The same with the count and first page already read elsewhere (the sync worker);
    /// if the view has changed since, reads again.
    void refresh(const store::WorkQueueSnapshot &snapshot);
    /// What the model shows, as plain data a worker can count with.
    store::WorkQueueCriteria criteria() const;
    /// What the model shows now, for a worker to read (WorkQueueQuery::read) and hand back
    /// to refresh().
    store::WorkQueueSnapshot view() const;
    /// Rows per page, as the model fetches them.
    static constexpr int pageSize = 200;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    /// Writes every row of the current view (filters, search and sort as shown), as CSV
    /// with a header, streaming from SQL. progress(rows) is called now and then; it
    /// returns false to cancel. Returns the rows written, or -1 on error or cancel.
    qint64 exportCsv(QIODevice &out, const std::function<bool(qint64)> &progress = {}) const;

    /// Items per queue for the navigation counts, in one query.
    QHash<models::Queue, qint64> countsByQueue() const;

private:
    using Row = store::WorkQueueRow;

    void reload(const store::WorkQueueSnapshot *read = nullptr);
    store::WorkQueueOrder order() const;
    const Row *rowAt(int row) const;
    QVariant displayValue(const Row &row, int column) const;

    mutable store::WorkQueueQuery m_query;
    std::optional<models::Queue> m_queue;
    OwnerScope m_ownerScope = OwnerScope::Anyone;
    QString m_ownerId;
    QString m_searchText;
    QString m_searchExpression; ///< what the search matches, so that typing a space reloads nothing
    QueueFilter m_filter;
    QDate m_today;
    int m_sortColumn = PriorityColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    int m_rowCount = 0;
    mutable QCache<int, QList<Row>> m_pages;
    mutable QString m_lastError;
};

} // namespace rcm::itemmodels
