// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/itemmodels/workqueuemodel.h"

#include "services/reports/csvrenderer.h"
#include "services/store/workitemstore.h"
#include "ui/itemmodels/displaynames.h"

#include <QIODevice>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace rcm::itemmodels {

using namespace rcm::models;

namespace {

constexpr int cachedPages = 20;

QString money(qint64 cents)
{
    return QLocale().toCurrencyString(static_cast<double>(cents) / 100.0, u"$"_s);
}

} // namespace

WorkQueueModel::WorkQueueModel(store::Database &cache, QObject *parent)
    : QAbstractTableModel(parent)
    , m_query(cache)
    , m_today(QDate::currentDate())
    , m_pages(cachedPages)
{
    reload();
}

void WorkQueueModel::setQueue(std::optional<Queue> queue)
{
    if (queue == m_queue)
        return;
    m_queue = queue;
    reload();
}

void WorkQueueModel::setOwnerScope(OwnerScope scope, const QString &ownerId)
{
    if (scope == m_ownerScope && ownerId == m_ownerId)
        return;
    m_ownerScope = scope;
    m_ownerId = ownerId;
    reload();
}

qint64 WorkQueueModel::countOpen(OwnerScope scope, const QString &ownerId) const
{
    store::WorkQueueCriteria criteria;
    criteria.ownerScope = scope;
    criteria.ownerId = ownerId;
    return std::max<qint64>(m_query.countOpen(criteria), 0);
}

void WorkQueueModel::setSearchText(const QString &text)
{
    const QString expression = store::WorkItemStore::searchExpression(text);
    if (expression == m_searchExpression)
        return;
    m_searchExpression = expression;
    m_searchText = text;
    reload();
}

void WorkQueueModel::setFilter(const QueueFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void WorkQueueModel::setToday(const QDate &today)
{
    m_today = today;
    // Age buckets and deadline windows count from today: another day selects other rows.
    if (m_filter.age != AgeBucket::Any || m_filter.deadline != DeadlineWindow::Any)
        reload();
    else if (m_rowCount > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
}

void WorkQueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || (column == m_sortColumn && order == m_sortOrder))
        return;
    // Rows are fetched afresh from SQL in the new order, so this is a reset, not a move.
    beginResetModel();
    m_sortColumn = column;
    m_sortOrder = order;
    m_pages.clear();
    endResetModel();
}

store::WorkQueueCriteria WorkQueueModel::criteria() const
{
    store::WorkQueueCriteria criteria;
    criteria.queue = m_queue;
    criteria.ownerScope = m_ownerScope;
    if (m_ownerScope == OwnerScope::Owner)
        criteria.ownerId = m_ownerId;
    criteria.payerId = m_filter.payerId;
    criteria.category = m_filter.category;
    criteria.status = m_filter.status;
    criteria.assigneeId = m_filter.ownerId;
    // Age is whole days since the item was created.
    const auto [youngest, oldest] = ageRange(m_filter.age);
    if (m_filter.age != AgeBucket::Any && youngest > 0)
        criteria.createdBefore = m_today.addDays(-(youngest - 1));
    if (oldest >= 0)
        criteria.createdOnOrAfter = m_today.addDays(-oldest);
    criteria.minimumBalance = m_filter.minimumBalance;
    criteria.maximumBalance = m_filter.maximumBalance;
    criteria.facilityId = m_filter.facilityId;
    // Deadlines count from the same day as ages, as the deadlines report counts from its as-of day.
    if (m_filter.deadline == DeadlineWindow::DeadlinePassed) {
        criteria.deadline = store::WorkQueueCriteria::DeadlineRange {m_today, 0, 0, true};
    } else if (m_filter.deadline != DeadlineWindow::Any) {
        const auto [firstDay, lastDay] = deadlineDays(m_filter.deadline);
        criteria.deadline = store::WorkQueueCriteria::DeadlineRange {m_today, firstDay, lastDay, false};
    }
    criteria.searchText = m_searchText;
    return criteria;
}

store::WorkQueueOrder WorkQueueModel::order() const
{
    static constexpr std::array<store::WorkQueueOrder, ColumnCount> orders = {
        store::WorkQueueOrder::Priority,       store::WorkQueueOrder::ClaimNumber, store::WorkQueueOrder::AccountNumber,
        store::WorkQueueOrder::Patient,        store::WorkQueueOrder::Payer,       store::WorkQueueOrder::ServiceDate,
        store::WorkQueueOrder::Billed,         store::WorkQueueOrder::Balance,     store::WorkQueueOrder::ReasonCode,
        store::WorkQueueOrder::FilingDeadline, store::WorkQueueOrder::Age,         store::WorkQueueOrder::Status,
        store::WorkQueueOrder::Owner,
    };
    return m_sortColumn >= 0 && m_sortColumn < ColumnCount ? orders.at(static_cast<std::size_t>(m_sortColumn))
                                                           : store::WorkQueueOrder::Priority;
}

store::WorkQueueSnapshot WorkQueueModel::view() const
{
    store::WorkQueueSnapshot snapshot;
    snapshot.criteria = criteria();
    snapshot.order = order();
    snapshot.direction = m_sortOrder;
    return snapshot;
}

void WorkQueueModel::refresh(const store::WorkQueueSnapshot &snapshot)
{
    reload(snapshot.count >= 0 && snapshot.sameViewAs(view()) ? &snapshot : nullptr);
}

void WorkQueueModel::reload(const store::WorkQueueSnapshot *read)
{
    beginResetModel();
    m_pages.clear();
    m_rowCount = 0;
    m_lastError.clear();
    store::StoreError error;
    const qint64 count = read ? read->count : m_query.countOpen(criteria(), &error);
    if (error)
        m_lastError = error.message();
    m_rowCount = static_cast<int>(std::max<qint64>(count, 0));
    if (read && (read->firstRows.size() == pageSize || read->firstRows.size() == m_rowCount))
        m_pages.insert(0, new QList<Row>(read->firstRows));
    endResetModel();
}

qint64 WorkQueueModel::exportCsv(QIODevice &out, const std::function<bool(qint64)> &progress) const
{
    QByteArray line;
    for (int column = 0; column < ColumnCount; ++column)
        line += (column > 0 ? "," : "") + reports::csvField(headerData(column, Qt::Horizontal).toString());
    out.write(line + "\r\n");
    qint64 rows = 0;
    bool stopped = false;
    const store::StoreError error = m_query.forEachRow(criteria(), order(), m_sortOrder, [&](const Row &row) {
        // Plain values for a spreadsheet: amounts as decimals, dates ISO, codes as they are.
        const QStringList fields = {
            QString(wireName(row.priority)),
            row.claimNumber,
            row.accountNumber,
            row.patient,
            row.payer,
            row.serviceFrom.toString(Qt::ISODate),
            row.billed.toString(),
            row.balance.toString(),
            row.carc.isEmpty() ? QString() : row.groupCode + u'-' + row.carc,
            row.filingDeadline.toString(Qt::ISODate),
            QString::number(row.createdOn.daysTo(m_today)),
            QString(wireName(row.status)),
            row.owner,
        };
        line.clear();
        for (qsizetype index = 0; index < fields.size(); ++index)
            line += (index > 0 ? "," : "") + reports::csvField(fields.at(index));
        if (out.write(line + "\r\n") < 0) {
            m_lastError = out.errorString();
            return !(stopped = true);
        }
        if (++rows % 5000 == 0 && progress && !progress(rows))
            return !(stopped = true);
        return true;
    });
    if (error) {
        m_lastError = error.message();
        return -1;
    }
    return stopped ? -1 : rows;
}

const WorkQueueModel::Row *WorkQueueModel::rowAt(int row) const
{
    const int page = row / pageSize;
    if (!m_pages.contains(page)) {
        store::StoreError error;
        auto rows = std::make_unique<QList<Row>>(
            m_query.rows(criteria(), order(), m_sortOrder, qint64(page) * pageSize, pageSize, &error));
        if (error) {
            m_lastError = error.message();
            return nullptr;
        }
        m_pages.insert(page, rows.release());
    }
    const QList<Row> *rows = m_pages.object(page);
    const int offset = row % pageSize;
    return offset < rows->size() ? &rows->at(offset) : nullptr;
}

int WorkQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int WorkQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WorkQueueModel::displayValue(const Row &row, int column) const
{
    switch (column) {
    case PriorityColumn:
        return displayName(row.priority);
    case ClaimColumn:
        return row.claimNumber;
    case AccountColumn:
        return row.accountNumber;
    case PatientColumn:
        return row.patient;
    case PayerColumn:
        return row.payer;
    case ServiceDateColumn:
        return QLocale().toString(row.serviceFrom, QLocale::ShortFormat);
    case BilledColumn:
        return money(row.billed.cents());
    case BalanceColumn:
        return money(row.balance.cents());
    case ReasonColumn:
        if (row.carc.isEmpty())
            return displayName(row.category);
        return u"%1-%2 %3"_s.arg(row.groupCode, row.carc, displayName(row.category));
    case FilingDeadlineColumn:
        if (!row.filingDeadline.isValid())
            return QString();
        return tr("%n day(s)", nullptr, static_cast<int>(m_today.daysTo(row.filingDeadline)));
    case AgeColumn:
        return row.createdOn.isValid() ? tr("%n day(s)", nullptr, static_cast<int>(row.createdOn.daysTo(m_today)))
                                       : QString();
    case StatusColumn:
        return displayName(row.status);
    case OwnerColumn:
        return row.owner.isEmpty() ? tr("Unassigned") : row.owner;
    default:
        return {};
    }
}

QVariant WorkQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row *row = rowAt(index.row());
    if (!row)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(*row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == BilledColumn || index.column() == BalanceColumn || index.column() == FilingDeadlineColumn
            || index.column() == AgeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case WorkItemIdRole:
        return row->id;
    case DaysToDeadlineRole:
        return row->filingDeadline.isValid() ? QVariant(static_cast<int>(m_today.daysTo(row->filingDeadline)))
                                             : QVariant();
    default:
        return {};
    }
}

QVariant WorkQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PriorityColumn:
        return tr("Priority");
    case ClaimColumn:
        return tr("Claim");
    case AccountColumn:
        return tr("Account");
    case PatientColumn:
        return tr("Patient");
    case PayerColumn:
        return tr("Payer");
    case ServiceDateColumn:
        return tr("Service date");
    case BilledColumn:
        return tr("Billed");
    case BalanceColumn:
        return tr("Balance");
    case ReasonColumn:
        return tr("Reason");
    case FilingDeadlineColumn:
        return tr("Filing deadline");
    case AgeColumn:
        return tr("Age");
    case StatusColumn:
        return tr("Status");
    case OwnerColumn:
        return tr("Owner");
    default:
        return {};
    }
}

QHash<Queue, qint64> WorkQueueModel::countsByQueue() const
{
    return m_query.openCountsByQueue();
}

} // namespace rcm::itemmodels
