#include "models/itemmodels/workqueuemodel.h"

#include "models/itemmodels/displaynames.h"
#include "services/store/workitemstore.h"

#include <QIODevice>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::itemmodels {

using namespace rcm::models;

namespace {

constexpr int pageSize = 200;
constexpr int cachedPages = 20;

/// The SQL expression each column sorts by. Priority (the default) follows
/// work_items_by_queue; the others sort the filtered rows in SQL (indexes per sort column
/// come with the queue views' work).
QString sortExpression(int column)
{
    switch (column) {
    case WorkQueueModel::PriorityColumn:
        return u"work_items.priority"_s;
    case WorkQueueModel::ClaimColumn:
        return u"work_items.claim_number"_s;
    case WorkQueueModel::AccountColumn:
        return u"work_items.account_number"_s;
    case WorkQueueModel::PatientColumn:
        return u"work_items.patient_display_name"_s;
    case WorkQueueModel::PayerColumn:
        return u"work_items.payer_name"_s;
    case WorkQueueModel::ServiceDateColumn:
        return u"work_items.service_from"_s;
    case WorkQueueModel::BilledColumn:
        return u"work_items.billed_cents"_s;
    case WorkQueueModel::BalanceColumn:
        return u"work_items.balance_cents"_s;
    case WorkQueueModel::ReasonColumn:
        return u"work_items.carc"_s;
    case WorkQueueModel::FilingDeadlineColumn:
        return u"work_items.timely_filing_deadline"_s;
    case WorkQueueModel::AgeColumn:
        return u"work_items.created_at"_s;
    case WorkQueueModel::StatusColumn:
        return u"work_items.status"_s;
    case WorkQueueModel::OwnerColumn:
        return u"users.display_name"_s;
    default:
        return u"work_items.priority"_s;
    }
}

QString money(qint64 cents)
{
    return QLocale().toCurrencyString(static_cast<double>(cents) / 100.0, u"$"_s);
}

} // namespace

WorkQueueModel::WorkQueueModel(QSqlDatabase connection, QObject *parent)
    : QAbstractTableModel(parent)
    , m_connection(std::move(connection))
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
    QSqlQuery query(m_connection);
    QString statement = u"SELECT count(*) FROM work_items WHERE status <> 'resolved'"_s;
    if (scope == OwnerScope::Owner)
        statement += u" AND owner_id = ?"_s;
    else if (scope == OwnerScope::Nobody)
        statement += u" AND owner_id IS NULL"_s;
    query.prepare(statement);
    if (scope == OwnerScope::Owner)
        query.addBindValue(ownerId);
    return query.exec() && query.next() ? query.value(0).toLongLong() : 0;
}

void WorkQueueModel::setSearchText(const QString &text)
{
    const QString expression = store::WorkItemStore::searchExpression(text);
    if (expression == m_searchExpression)
        return;
    m_searchExpression = expression;
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
    if (m_rowCount > 0)
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

QString WorkQueueModel::whereClause(StatusCondition status) const
{
    QStringList conditions;
    if (status == StatusCondition::Open)
        conditions << u"work_items.status <> 'resolved'"_s;
    else if (status == StatusCondition::Resolved)
        conditions << u"work_items.status = 'resolved'"_s;
    if (m_queue)
        conditions << u"work_items.queue = :queue"_s;
    if (m_ownerScope == OwnerScope::Owner)
        conditions << u"work_items.owner_id = :owner"_s;
    else if (m_ownerScope == OwnerScope::Nobody)
        conditions << u"work_items.owner_id IS NULL"_s;
    if (!m_filter.payerId.isEmpty())
        conditions << u"work_items.payer_id = :payer"_s;
    if (m_filter.category)
        conditions << u"work_items.denial_category = :category"_s;
    if (m_filter.status)
        conditions << u"work_items.status = :status"_s;
    if (!m_filter.ownerId.isEmpty())
        conditions << u"work_items.owner_id = :filterOwner"_s;
    // Age is whole days since the item was created: compare its ISO timestamp with dates.
    const auto [youngest, oldest] = ageRange(m_filter.age);
    if (m_filter.age != AgeBucket::Any && youngest > 0)
        conditions << u"work_items.created_at < :createdBefore"_s;
    if (oldest >= 0)
        conditions << u"work_items.created_at >= :createdFrom"_s;
    if (m_filter.minimumBalance)
        conditions << u"work_items.balance_cents >= :minimumBalance"_s;
    if (m_filter.maximumBalance)
        conditions << u"work_items.balance_cents <= :maximumBalance"_s;
    if (!m_searchExpression.isEmpty()) {
        conditions << u"work_items.row_id IN (SELECT rowid FROM work_items_search WHERE work_items_search MATCH "
                      ":search)"_s;
    }
    return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s);
}

void WorkQueueModel::bindFilter(QSqlQuery &query) const
{
    if (m_queue)
        query.bindValue(u":queue"_s, QString(wireName(*m_queue)));
    if (m_ownerScope == OwnerScope::Owner)
        query.bindValue(u":owner"_s, m_ownerId);
    if (!m_filter.payerId.isEmpty())
        query.bindValue(u":payer"_s, m_filter.payerId);
    if (m_filter.category)
        query.bindValue(u":category"_s, QString(wireName(*m_filter.category)));
    if (m_filter.status)
        query.bindValue(u":status"_s, QString(wireName(*m_filter.status)));
    if (!m_filter.ownerId.isEmpty())
        query.bindValue(u":filterOwner"_s, m_filter.ownerId);
    const auto [youngest, oldest] = ageRange(m_filter.age);
    if (m_filter.age != AgeBucket::Any && youngest > 0)
        query.bindValue(u":createdBefore"_s, m_today.addDays(-(youngest - 1)).toString(Qt::ISODate));
    if (oldest >= 0)
        query.bindValue(u":createdFrom"_s, m_today.addDays(-oldest).toString(Qt::ISODate));
    if (m_filter.minimumBalance)
        query.bindValue(u":minimumBalance"_s, m_filter.minimumBalance->cents());
    if (m_filter.maximumBalance)
        query.bindValue(u":maximumBalance"_s, m_filter.maximumBalance->cents());
    if (!m_searchExpression.isEmpty())
        query.bindValue(u":search"_s, m_searchExpression);
}

void WorkQueueModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_rowCount = 0;
    m_lastError.clear();
    // Open = all - resolved: both counts can be read from indexes alone (queue, and
    // status with queue), where "status <> 'resolved'" would visit every row's table page.
    qint64 counts[2] = {0, 0};
    const StatusCondition conditions[2] = {StatusCondition::Any, StatusCondition::Resolved};
    for (int index = 0; index < 2; ++index) {
        QSqlQuery query(m_connection);
        query.prepare(u"SELECT count(*) FROM work_items"_s + whereClause(conditions[index]));
        bindFilter(query);
        if (query.exec() && query.next())
            counts[index] = query.value(0).toLongLong();
        else
            m_lastError = query.lastError().text();
    }
    m_rowCount = static_cast<int>(counts[0] - counts[1]);
    endResetModel();
}

QString WorkQueueModel::selectStatement() const
{
    const QString direction = m_sortOrder == Qt::AscendingOrder ? u"ASC"_s : u"DESC"_s;
    return u"SELECT work_items.id, priority, claim_number, account_number, patient_display_name, "
           "payer_name, service_from, billed_cents, balance_cents, group_code, carc, denial_category, "
           "timely_filing_deadline, status, users.display_name, "
           "EXISTS (SELECT 1 FROM outbox WHERE outbox.work_item_id = work_items.id), substr(work_items.created_at, 1, "
           "10) "
           "FROM work_items "
           "LEFT JOIN users ON users.id = work_items.owner_id"_s
        + whereClause(StatusCondition::Open)
        + u" ORDER BY %1 %2, work_items.due_date, work_items.row_id"_s.arg(sortExpression(m_sortColumn), direction);
}

namespace {

/// One CSV field: quoted when it must be, and never read as a formula by a spreadsheet.
QByteArray csvField(QString text)
{
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        text = u'"' + QString(text).replace(u'"', u"\"\""_s) + u'"';
    return text.toUtf8();
}

} // namespace

qint64 WorkQueueModel::exportCsv(QIODevice &out, const std::function<bool(qint64)> &progress) const
{
    QSqlQuery query(m_connection);
    query.setForwardOnly(true);
    query.prepare(selectStatement());
    bindFilter(query);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return -1;
    }
    QByteArray line;
    for (int column = 0; column < ColumnCount; ++column)
        line += (column > 0 ? "," : "") + csvField(headerData(column, Qt::Horizontal).toString());
    out.write(line + "\r\n");
    qint64 rows = 0;
    while (query.next()) {
        // Plain values for a spreadsheet: amounts as decimals, dates ISO, codes as they are.
        const QStringList fields = {
            QString(wireName(static_cast<Priority>(query.value(1).toInt()))),
            query.value(2).toString(),
            query.value(3).toString(),
            query.value(4).toString(),
            query.value(5).toString(),
            query.value(6).toString(),
            Money::fromCents(query.value(7).toLongLong()).toString(),
            Money::fromCents(query.value(8).toLongLong()).toString(),
            query.value(10).toString().isEmpty() ? QString()
                                                 : query.value(9).toString() + u'-' + query.value(10).toString(),
            query.value(12).toString(),
            QString::number(QDate::fromString(query.value(16).toString(), Qt::ISODate).daysTo(m_today)),
            query.value(13).toString(),
            query.value(14).toString(),
        };
        line.clear();
        for (qsizetype index = 0; index < fields.size(); ++index)
            line += (index > 0 ? "," : "") + csvField(fields.at(index));
        if (out.write(line + "\r\n") < 0) {
            m_lastError = out.errorString();
            return -1;
        }
        if (++rows % 5000 == 0 && progress && !progress(rows))
            return -1;
    }
    return rows;
}

const WorkQueueModel::Row *WorkQueueModel::rowAt(int row) const
{
    const int page = row / pageSize;
    if (!m_pages.contains(page)) {
        QSqlQuery query(m_connection);
        query.setForwardOnly(true);
        query.prepare(selectStatement() + u" LIMIT %1 OFFSET %2"_s.arg(pageSize).arg(page * pageSize));
        bindFilter(query);
        if (!query.exec()) {
            m_lastError = query.lastError().text();
            return nullptr;
        }
        auto rows = std::make_unique<QList<Row>>();
        rows->reserve(pageSize);
        while (query.next()) {
            Row item;
            item.id = query.value(0).toString();
            item.priority = query.value(1).toInt();
            item.claimNumber = query.value(2).toString();
            item.accountNumber = query.value(3).toString();
            item.patient = query.value(4).toString();
            item.payer = query.value(5).toString();
            item.serviceFrom = QDate::fromString(query.value(6).toString(), Qt::ISODate);
            item.billedCents = query.value(7).toLongLong();
            item.balanceCents = query.value(8).toLongLong();
            item.groupCode = query.value(9).toString();
            item.carc = query.value(10).toString();
            item.category = fromWireName<DenialCategory>(query.value(11).toString()).value_or(DenialCategory::Other);
            item.filingDeadline = QDate::fromString(query.value(12).toString(), Qt::ISODate);
            item.status = fromWireName<WorkItemStatus>(query.value(13).toString()).value_or(WorkItemStatus::New);
            item.owner = query.value(14).toString();
            item.pending = query.value(15).toBool();
            item.createdOn = QDate::fromString(query.value(16).toString(), Qt::ISODate);
            rows->append(item);
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
        return displayName(static_cast<Priority>(row.priority));
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
        return money(row.billedCents);
    case BalanceColumn:
        return money(row.balanceCents);
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
    QHash<Queue, qint64> counts;
    QSqlQuery query(m_connection);
    // All minus resolved, each from an index alone (see reload()).
    if (!query.exec(u"SELECT queue, count(*) FROM work_items GROUP BY queue"_s))
        return counts;
    while (query.next()) {
        if (const auto queue = fromWireName<Queue>(query.value(0).toString()))
            counts.insert(*queue, query.value(1).toLongLong());
    }
    if (!query.exec(u"SELECT queue, count(*) FROM work_items WHERE status = 'resolved' GROUP BY queue"_s))
        return counts;
    while (query.next()) {
        if (const auto queue = fromWireName<Queue>(query.value(0).toString()))
            counts[*queue] -= query.value(1).toLongLong();
    }
    return counts;
}

} // namespace rcm::itemmodels
