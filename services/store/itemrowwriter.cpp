// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/itemrowwriter.h"

#include "services/store/workitemstore.h"

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

using namespace rcm::models;

namespace {

constexpr int columnCount = 26; // WorkItemStore::itemColumns(), id first

/// A column's value as it is bound and stored: NULL, an integer or UTF-8 text.
struct Value
{
    enum class Kind { Null, Integer, Text } kind = Kind::Null;
    qint64 integer = 0;
    QByteArray text;
};

Value text(const QString &string)
{
    return string.isEmpty() ? Value() : Value {Value::Kind::Text, 0, string.toUtf8()};
}

Value latin1(QLatin1StringView name)
{
    return name.isEmpty() ? Value() : Value {Value::Kind::Text, 0, QByteArray(name.data(), name.size())};
}

Value integer(qint64 number)
{
    return {Value::Kind::Integer, number, {}};
}

Value date(const QDate &day)
{
    return day.isValid() ? Value {Value::Kind::Text, 0, isoDate(day)} : Value();
}

Value timestamp(const QDateTime &time)
{
    return time.isValid() ? Value {Value::Kind::Text, 0, isoTimestamp(time)} : Value();
}

/// The values WorkItemStore::upsertItems binds, in itemColumns() order.
std::array<Value, columnCount> valuesOf(const WorkItem &item)
{
    return {text(item.id),
            latin1(wireName(item.queue)),
            latin1(wireName(item.status)),
            integer(static_cast<int>(item.priority)),
            text(item.ownerId),
            date(item.dueDate),
            text(item.claimNumber),
            text(item.accountNumber),
            text(item.patientDisplayName),
            text(item.payerId),
            text(item.payerName),
            text(item.facilityId),
            date(item.serviceFrom),
            date(item.serviceTo),
            integer(item.billed.cents()),
            integer(item.balance.cents()),
            integer(item.atRisk.cents()),
            text(item.groupCode),
            text(item.carc),
            text(item.rarcs.join(u' ')),
            latin1(wireName(item.denialCategory)),
            date(item.timelyFilingDeadline),
            date(item.appealDeadline),
            integer(item.version),
            timestamp(item.createdAt),
            timestamp(item.updatedAt)};
}

void bind(SqliteStatement &statement, int position, const Value &value)
{
    switch (value.kind) {
    case Value::Kind::Null:
        statement.bindNull(position);
        break;
    case Value::Kind::Integer:
        statement.bindInteger(position, value.integer);
        break;
    case Value::Kind::Text:
        statement.bindUtf8(position, value.text);
        break;
    }
}

/// Whether the stored column (of the probe's row) holds value.
bool holds(const SqliteStatement &row, int column, const Value &value)
{
    switch (value.kind) {
    case Value::Kind::Null:
        return row.columnIsNull(column);
    case Value::Kind::Integer:
        return row.columnType(column) == SqliteStatement::ColumnType::Integer
            && row.columnInteger(column) == value.integer;
    case Value::Kind::Text:
        return row.columnType(column) == SqliteStatement::ColumnType::Text && row.columnUtf8(column) == value.text;
    }
    return false;
}

QStringList columnNames()
{
    return QString(WorkItemStore::itemColumns()).split(u", "_s);
}

} // namespace

ItemRowWriter::ItemRowWriter(Database &database)
    : m_database(database)
{
    Q_ASSERT(columnNames().size() == columnCount);
}

SqliteStatement *ItemRowWriter::updateFor(quint32 changedColumns, StoreError *error)
{
    // Kept per set of columns (a sync meets a handful); a store that met hundreds starts over.
    if (m_updates.size() >= 256 && !m_updates.contains(changedColumns))
        m_updates.clear();
    std::shared_ptr<SqliteStatement> &update = m_updates[changedColumns];
    if (!update) {
        const QStringList names = columnNames();
        QStringList assignments;
        for (int column = 0; column < columnCount; ++column) {
            if (changedColumns & (1U << column))
                assignments << u"%1 = ?%2"_s.arg(names.at(column)).arg(column + 1);
        }
        auto prepared = std::make_shared<SqliteStatement>();
        if (StoreError prepareError = prepared->prepare(
                m_database.connection(),
                u"UPDATE work_items SET %1 WHERE row_id = ?%2"_s.arg(assignments.join(u", "_s)).arg(columnCount + 1))) {
            *error = prepareError;
            return nullptr;
        }
        update = std::move(prepared);
    }
    return update.get();
}

StoreError ItemRowWriter::write(std::span<const WorkItem> items, Counts *counts)
{
    const QString columns = QString(WorkItemStore::itemColumns());
    if (!m_probe.isPrepared()) {
        if (StoreError error = m_probe.prepare(m_database.connection(),
                                               u"SELECT row_id, %1 FROM work_items WHERE id = ?1"_s.arg(columns)))
            return error;
    }
    if (!m_insert.isPrepared()) {
        QStringList placeholders;
        for (int column = 1; column <= columnCount; ++column)
            placeholders << u"?%1"_s.arg(column);
        if (StoreError error
            = m_insert.prepare(m_database.connection(),
                               u"INSERT INTO work_items (%1) VALUES (%2)"_s.arg(columns, placeholders.join(u", "_s))))
            return error;
    }
    Counts tally;
    for (const WorkItem &item : items) {
        const std::array<Value, columnCount> values = valuesOf(item);
        StoreError error;
        m_probe.bindText(1, item.id);
        if (!m_probe.fetchOne(&error)) {
            if (error)
                return error;
            for (int column = 0; column < columnCount; ++column)
                bind(m_insert, column + 1, values.at(std::size_t(column)));
            if (StoreError insertError = m_insert.step())
                return StoreError(insertError.code(),
                                  u"Writing work item %1: %2"_s.arg(item.id, insertError.message()));
            ++tally.inserted;
            continue;
        }
        const qint64 rowId = m_probe.columnInteger(0);
        quint32 changed = 0;
        for (int column = 1; column < columnCount; ++column) { // the id matched
            if (!holds(m_probe, column + 1, values.at(std::size_t(column))))
                changed |= 1U << column;
        }
        m_probe.reset();
        if (changed == 0) {
            ++tally.unchanged;
            continue;
        }
        SqliteStatement *update = updateFor(changed, &error);
        if (!update)
            return error;
        for (int column = 1; column < columnCount; ++column) {
            if (changed & (1U << column))
                bind(*update, column + 1, values.at(std::size_t(column)));
        }
        update->bindInteger(columnCount + 1, rowId);
        if (StoreError updateError = update->step())
            return StoreError(updateError.code(), u"Writing work item %1: %2"_s.arg(item.id, updateError.message()));
        ++tally.updated;
    }
    if (counts)
        *counts = tally;
    return {};
}

} // namespace rcm::store
