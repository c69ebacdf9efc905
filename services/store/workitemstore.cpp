// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/workitemstore.h"

#include "services/store/transactionguard.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlRecord>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

using namespace rcm::models;

namespace {

constexpr auto itemColumnList = "id, queue, status, priority, owner_id, due_date, claim_number, account_number, "
                                "patient_display_name, payer_id, payer_name, facility_id, service_from, service_to, "
                                "billed_cents, balance_cents, at_risk_cents, group_code, carc, rarcs, denial_category, "
                                "timely_filing_deadline, appeal_deadline, version, created_at, updated_at";
constexpr int itemColumnCount = 26;

template<typename Enum>
QString enumText(Enum value)
{
    return QString(wireName(value));
}

template<typename Enum>
Enum enumFrom(const QVariant &value, Enum fallback)
{
    return fromWireName<Enum>(value.toString()).value_or(fallback);
}

QDate dateFrom(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QDateTime timestampFrom(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

StoreError queryError(const QSqlQuery &query, const char *what)
{
    return StoreError(StoreError::Code::Query, u"%1: %2"_s.arg(QLatin1StringView(what), query.lastError().text()));
}

WorkItem itemFromRecord(const QSqlQuery &query, int firstColumn)
{
    int column = firstColumn;
    auto next = [&]() {
        return query.value(column++);
    };
    WorkItem item;
    item.id = next().toString();
    item.queue = enumFrom(next(), Queue::Denial);
    item.status = enumFrom(next(), WorkItemStatus::New);
    item.priority = static_cast<Priority>(next().toInt());
    item.ownerId = next().toString();
    item.dueDate = dateFrom(next());
    item.claimNumber = next().toString();
    item.accountNumber = next().toString();
    item.patientDisplayName = next().toString();
    item.payerId = next().toString();
    item.payerName = next().toString();
    item.facilityId = next().toString();
    item.serviceFrom = dateFrom(next());
    item.serviceTo = dateFrom(next());
    item.billed = Money::fromCents(next().toLongLong());
    item.balance = Money::fromCents(next().toLongLong());
    item.atRisk = Money::fromCents(next().toLongLong());
    item.groupCode = next().toString();
    item.carc = next().toString();
    item.rarcs = next().toString().split(u' ', Qt::SkipEmptyParts);
    item.denialCategory = enumFrom(next(), DenialCategory::Other);
    item.timelyFilingDeadline = dateFrom(next());
    item.appealDeadline = dateFrom(next());
    item.version = next().toLongLong();
    item.createdAt = timestampFrom(next());
    item.updatedAt = timestampFrom(next());
    return item;
}

} // namespace

QLatin1StringView WorkItemStore::itemColumns()
{
    return QLatin1StringView(itemColumnList);
}

WorkItem WorkItemStore::itemFromQuery(const QSqlQuery &query, int firstColumn)
{
    return itemFromRecord(query, firstColumn);
}

WorkItemStore::WorkItemStore(Database &database)
    : m_database(database)
    , m_rowWriter(database)
    , m_payerUpsert(u"INSERT OR REPLACE INTO payers (id, name, kind, timely_filing_days, appeal_days) "
                    "VALUES (?, ?, ?, ?, ?)"_s)
    , m_facilityUpsert(u"INSERT OR REPLACE INTO facilities (id, name, is_hospital) VALUES (?, ?, ?)"_s)
    , m_userUpsert(u"INSERT OR REPLACE INTO users (id, username, display_name, role, active) VALUES (?, ?, ?, ?, ?)"_s)
    , m_itemById(u"SELECT %1 FROM work_items WHERE id = ?"_s.arg(QLatin1StringView(itemColumnList)))
    , m_allPayers(u"SELECT id, name, kind, timely_filing_days, appeal_days FROM payers ORDER BY id"_s)
    // The distinct ids come from the payer index alone; then one row per payer for its name.
    , m_payerIdsInUse(u"SELECT DISTINCT payer_id FROM work_items"_s)
    , m_payerNameInUse(u"SELECT payer_name FROM work_items WHERE payer_id = ? LIMIT 1"_s)
    , m_facilitiesInUse(u"SELECT used.id, coalesce(facilities.name, ''), coalesce(facilities.is_hospital, 0) "
                        "FROM (SELECT DISTINCT facility_id AS id FROM work_items) AS used "
                        "LEFT JOIN facilities ON facilities.id = used.id "
                        "ORDER BY coalesce(facilities.name, used.id), used.id"_s)
    , m_allUsers(u"SELECT id, username, display_name, role, active FROM users ORDER BY id"_s)
    // Open = all minus resolved: the first count reads the owner index alone.
    , m_itemsByOwner(u"SELECT owner_id, count(*) FROM work_items WHERE owner_id IS NOT NULL GROUP BY owner_id"_s)
    , m_resolvedItemsByOwner(u"SELECT owner_id, count(*) FROM work_items WHERE status = 'resolved' "
                             "AND owner_id IS NOT NULL GROUP BY owner_id"_s)
    , m_itemTotal(u"SELECT count(*) FROM work_items"_s)
    , m_searchMatches(u"SELECT work_items.id FROM work_items_search JOIN work_items ON work_items.row_id = "
                      "work_items_search.rowid WHERE work_items_search MATCH ? "
                      "ORDER BY work_items.priority DESC, work_items.due_date LIMIT ?"_s)
{ }

StoreError WorkItemStore::prepareItemUpsert()
{
    if (m_itemUpsert.isPrepared())
        return {};
    QStringList placeholders;
    QStringList updates;
    const QStringList columns = QString::fromLatin1(itemColumnList).split(u", "_s);
    for (const QString &column : columns) {
        placeholders << u"?"_s;
        if (column != u"id"_s)
            updates << u"%1 = excluded.%1"_s.arg(column);
    }
    return m_itemUpsert.prepare(
        m_database.connection(),
        u"INSERT INTO work_items (%1) VALUES (%2) ON CONFLICT (id) DO UPDATE SET %3"_s.arg(
            QLatin1StringView(itemColumnList), placeholders.join(u", "_s), updates.join(u", "_s)));
}

StoreError WorkItemStore::upsertItems(std::span<const WorkItem> items)
{
    if (StoreError error = prepareItemUpsert())
        return error;
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    for (const WorkItem &item : items) {
        const QString rarcs = item.rarcs.join(u' ');
        int column = 1;
        m_itemUpsert.bindText(column++, item.id);
        m_itemUpsert.bindLatin1(column++, wireName(item.queue));
        m_itemUpsert.bindLatin1(column++, wireName(item.status));
        m_itemUpsert.bindInteger(column++, static_cast<int>(item.priority));
        m_itemUpsert.bindText(column++, item.ownerId);
        m_itemUpsert.bindDate(column++, item.dueDate);
        m_itemUpsert.bindText(column++, item.claimNumber);
        m_itemUpsert.bindText(column++, item.accountNumber);
        m_itemUpsert.bindText(column++, item.patientDisplayName);
        m_itemUpsert.bindText(column++, item.payerId);
        m_itemUpsert.bindText(column++, item.payerName);
        m_itemUpsert.bindText(column++, item.facilityId);
        m_itemUpsert.bindDate(column++, item.serviceFrom);
        m_itemUpsert.bindDate(column++, item.serviceTo);
        m_itemUpsert.bindInteger(column++, item.billed.cents());
        m_itemUpsert.bindInteger(column++, item.balance.cents());
        m_itemUpsert.bindInteger(column++, item.atRisk.cents());
        m_itemUpsert.bindText(column++, item.groupCode);
        m_itemUpsert.bindText(column++, item.carc);
        m_itemUpsert.bindText(column++, rarcs);
        m_itemUpsert.bindLatin1(column++, wireName(item.denialCategory));
        m_itemUpsert.bindDate(column++, item.timelyFilingDeadline);
        m_itemUpsert.bindDate(column++, item.appealDeadline);
        m_itemUpsert.bindInteger(column++, item.version);
        m_itemUpsert.bindTimestamp(column++, item.createdAt);
        m_itemUpsert.bindTimestamp(column++, item.updatedAt);
        Q_ASSERT(column == itemColumnCount + 1);
        if (StoreError error = m_itemUpsert.step())
            return StoreError(error.code(), u"Writing work item %1: %2"_s.arg(item.id, error.message()));
    }
    return transaction.commit();
}

StoreError WorkItemStore::mergeItems(std::span<const WorkItem> items, ItemRowWriter::Counts *counts)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = m_rowWriter.write(items, counts))
        return error;
    return transaction.commit();
}

StoreError WorkItemStore::beginBulkLoad()
{
    // A bulk load is repeated whole if interrupted, so its commits need not each wait
    // for the disk; WAL keeps the file consistent either way.
    if (StoreError error = m_database.execute(u"PRAGMA synchronous = NORMAL"_s))
        return error;
    return m_database.suspendIndexes(u"work_items"_s);
}

StoreError WorkItemStore::endBulkLoad()
{
    StoreError error = m_database.restoreIndexes();
    if (StoreError restored = m_database.execute(u"PRAGMA synchronous = FULL"_s); !error)
        error = restored;
    return error;
}

namespace {

template<typename Row, typename Binder>
StoreError upsertRows(Database &database, PreparedQuery &statement, std::span<const Row> rows, Binder bindRow)
{
    TransactionGuard transaction(database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    StoreError error;
    QSqlQuery *query = statement.get(database.connection(), &error);
    if (!query)
        return error;
    for (const Row &row : rows) {
        bindRow(*query, row);
        if (!query->exec())
            return queryError(*query, "Writing reference data");
    }
    return transaction.commit();
}

} // namespace

StoreError WorkItemStore::upsertPayers(std::span<const Payer> payers)
{
    return upsertRows(m_database, m_payerUpsert, payers, [](QSqlQuery &query, const Payer &payer) {
        query.bindValue(0, payer.id);
        query.bindValue(1, payer.name);
        query.bindValue(2, enumText(payer.kind));
        query.bindValue(3, payer.timelyFilingDays);
        query.bindValue(4, payer.appealDays);
    });
}

StoreError WorkItemStore::upsertFacilities(std::span<const Facility> facilities)
{
    return upsertRows(m_database, m_facilityUpsert, facilities, [](QSqlQuery &query, const Facility &facility) {
        query.bindValue(0, facility.id);
        query.bindValue(1, facility.name);
        query.bindValue(2, facility.isHospital ? 1 : 0);
    });
}

StoreError WorkItemStore::upsertUsers(std::span<const User> users)
{
    return upsertRows(m_database, m_userUpsert, users, [](QSqlQuery &query, const User &user) {
        query.bindValue(0, user.id);
        query.bindValue(1, user.username);
        query.bindValue(2, user.displayName);
        query.bindValue(3, enumText(user.role));
        query.bindValue(4, user.active ? 1 : 0);
    });
}

std::optional<WorkItem> WorkItemStore::item(const QString &id, StoreError *error)
{
    QSqlQuery *query = m_itemById.get(m_database.connection(), error);
    if (!query)
        return std::nullopt;
    const auto done = qScopeGuard([query]() { query->finish(); });
    query->bindValue(0, id);
    if (!query->exec()) {
        setError(error, queryError(*query, "Reading a work item"));
        return std::nullopt;
    }
    if (!query->next())
        return std::nullopt;
    return itemFromRecord(*query, 0);
}

QList<Payer> WorkItemStore::payers(StoreError *error)
{
    QList<Payer> result;
    QSqlQuery *query = m_allPayers.get(m_database.connection(), error);
    if (!query)
        return result;
    const auto done = qScopeGuard([query]() { query->finish(); });
    if (!query->exec()) {
        setError(error, queryError(*query, "Reading payers"));
        return result;
    }
    while (query->next()) {
        result.append({query->value(0).toString(), query->value(1).toString(),
                       enumFrom(query->value(2), PayerKind::Commercial), query->value(3).toInt(),
                       query->value(4).toInt()});
    }
    return result;
}

QList<Payer> WorkItemStore::payersInUse(StoreError *error)
{
    QList<Payer> result;
    QSqlQuery *ids = m_payerIdsInUse.get(m_database.connection(), error);
    QSqlQuery *name = m_payerNameInUse.get(m_database.connection(), error);
    if (!ids || !name)
        return result;
    const auto done = qScopeGuard([ids]() { ids->finish(); });
    if (!ids->exec()) {
        setError(error, queryError(*ids, "Reading payers"));
        return result;
    }
    while (ids->next()) {
        Payer payer;
        payer.id = ids->value(0).toString();
        name->bindValue(0, payer.id);
        if (name->exec() && name->next())
            payer.name = name->value(0).toString();
        name->finish();
        result.append(payer);
    }
    std::sort(result.begin(), result.end(), [](const Payer &a, const Payer &b) { return a.name < b.name; });
    return result;
}

QList<Facility> WorkItemStore::facilitiesInUse(StoreError *error)
{
    QList<Facility> result;
    QSqlQuery *query = m_facilitiesInUse.get(m_database.connection(), error);
    if (!query)
        return result;
    const auto done = qScopeGuard([query]() { query->finish(); });
    if (!query->exec()) {
        setError(error, queryError(*query, "Reading facilities"));
        return result;
    }
    while (query->next())
        result.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toBool()});
    return result;
}

QList<User> WorkItemStore::users(StoreError *error)
{
    QList<User> result;
    QSqlQuery *query = m_allUsers.get(m_database.connection(), error);
    if (!query)
        return result;
    const auto done = qScopeGuard([query]() { query->finish(); });
    if (!query->exec()) {
        setError(error, queryError(*query, "Reading users"));
        return result;
    }
    while (query->next()) {
        result.append({query->value(0).toString(), query->value(1).toString(), query->value(2).toString(),
                       enumFrom(query->value(3), Role::Biller), query->value(4).toBool()});
    }
    return result;
}

QHash<QString, qint64> WorkItemStore::openItemsByOwner(StoreError *error)
{
    QHash<QString, qint64> result;
    for (const auto &[statement, sign] : {std::pair {&m_itemsByOwner, 1}, std::pair {&m_resolvedItemsByOwner, -1}}) {
        QSqlQuery *query = statement->get(m_database.connection(), error);
        if (!query)
            return {};
        const auto done = qScopeGuard([query]() { query->finish(); });
        if (!query->exec()) {
            setError(error, queryError(*query, "Counting work per owner"));
            return {};
        }
        while (query->next())
            result[query->value(0).toString()] += sign * query->value(1).toLongLong();
    }
    return result;
}

qint64 WorkItemStore::itemCount(StoreError *error)
{
    QSqlQuery *query = m_itemTotal.get(m_database.connection(), error);
    if (!query)
        return -1;
    const auto done = qScopeGuard([query]() { query->finish(); });
    if (!query->exec() || !query->next()) {
        setError(error, queryError(*query, "Counting work items"));
        return -1;
    }
    return query->value(0).toLongLong();
}

QString WorkItemStore::searchExpression(const QString &text)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}-]+"_s);
    QStringList terms;
    for (const QString &word : text.split(separators, Qt::SkipEmptyParts))
        terms << u"\"%1\"*"_s.arg(word);
    return terms.join(u' ');
}

QStringList WorkItemStore::search(const QString &text, int limit, StoreError *error)
{
    QStringList ids;
    const QString expression = searchExpression(text);
    if (expression.isEmpty())
        return ids;
    QSqlQuery *query = m_searchMatches.get(m_database.connection(), error);
    if (!query)
        return ids;
    const auto done = qScopeGuard([query]() { query->finish(); });
    query->bindValue(0, expression);
    query->bindValue(1, limit);
    if (!query->exec()) {
        setError(error, queryError(*query, "Searching work items"));
        return ids;
    }
    while (query->next())
        ids << query->value(0).toString();
    return ids;
}

QByteArray WorkItemStore::contentDigest(StoreError *error)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QStringList statements = {
        u"SELECT * FROM payers ORDER BY id"_s,
        u"SELECT * FROM facilities ORDER BY id"_s,
        u"SELECT * FROM users ORDER BY id"_s,
        u"SELECT %1 FROM work_items ORDER BY id"_s.arg(QLatin1StringView(itemColumnList)),
    };
    for (const QString &statement : statements) {
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        if (!query.exec(statement)) {
            setError(error, queryError(query, "Reading the cache for its digest"));
            return {};
        }
        const int columns = query.record().count();
        while (query.next()) {
            for (int column = 0; column < columns; ++column) {
                const QVariant value = query.value(column);
                hash.addData(value.isNull() ? QByteArrayView("\x01N") : QByteArrayView(value.toString().toUtf8()));
                hash.addData(QByteArrayView("\x1f"));
            }
            hash.addData(QByteArrayView("\x1e"));
        }
    }
    return hash.result().toHex();
}

} // namespace rcm::store
