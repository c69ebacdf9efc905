// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/changefeed.h"

#include "models/workitem.h"
#include "services/api/workitemjson.h"
#include "services/rules/actionpolicy.h"
#include "services/store/workitemstore.h"

#include <QDate>
#include <QDateTime>

#include <algorithm>
#include <charconv>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using namespace rcm::models;

namespace {

// The columns after change_seq and deleted, in WorkItemStore::itemColumns() order.
enum Column {
    Sequence,
    Deleted,
    Id,
    QueueColumn,
    Status,
    PriorityColumn,
    Owner,
    DueDate,
    ClaimNumber,
    AccountNumber,
    PatientDisplayName,
    PayerId,
    PayerName,
    FacilityId,
    ServiceFrom,
    ServiceTo,
    Billed,
    Balance,
    AtRisk,
    GroupCode,
    Carc,
    Rarcs,
    DenialCategoryColumn,
    TimelyFilingDeadline,
    AppealDeadline,
    Version,
    CreatedAt,
    UpdatedAt,
};

bool isDigits(QByteArrayView text, qsizetype from, qsizetype count)
{
    return std::all_of(text.begin() + from, text.begin() + from + count,
                       [](char character) { return character >= '0' && character <= '9'; });
}

int number(QByteArrayView text, qsizetype from, qsizetype count)
{
    int value = 0;
    std::from_chars(text.data() + from, text.data() + from + count, value);
    return value;
}

/// A date as WorkItemStore reads it (ISO, else none) and appendJson writes it: the stored
/// text itself when it is already "YYYY-MM-DD" and a real date.
void appendDate(QByteArray &out, const char *name, QByteArrayView stored)
{
    out += '"';
    out += name;
    out += "\":";
    if (stored.size() == 10 && stored[4] == '-' && stored[7] == '-' && isDigits(stored, 0, 4) && isDigits(stored, 5, 2)
        && isDigits(stored, 8, 2) && QDate::isValid(number(stored, 0, 4), number(stored, 5, 2), number(stored, 8, 2))) {
        out += '"';
        out += stored;
        out += "\",";
        return;
    }
    const QDate date = QDate::fromString(QString::fromUtf8(stored), Qt::ISODate);
    if (date.isValid()) {
        out += '"';
        out += store::isoDate(date);
        out += '"';
    } else {
        out += "null";
    }
    out += ',';
}

/// A timestamp likewise: the stored text when it is already "YYYY-MM-DDTHH:MM:SS.mmmZ"
/// (what every store writes), else read and written again.
void appendTimestamp(QByteArray &out, const char *name, QByteArrayView stored)
{
    out += '"';
    out += name;
    out += "\":";
    const bool canonical = stored.size() == 24 && stored[4] == '-' && stored[7] == '-' && stored[10] == 'T'
        && stored[13] == ':' && stored[16] == ':' && stored[19] == '.' && stored[23] == 'Z' && isDigits(stored, 0, 4)
        && isDigits(stored, 5, 2) && isDigits(stored, 8, 2) && isDigits(stored, 11, 2) && isDigits(stored, 14, 2)
        && isDigits(stored, 17, 2) && isDigits(stored, 20, 3)
        && QDate::isValid(number(stored, 0, 4), number(stored, 5, 2), number(stored, 8, 2))
        && QTime::isValid(number(stored, 11, 2), number(stored, 14, 2), number(stored, 17, 2), number(stored, 20, 3));
    if (canonical) {
        api::appendJsonUtf8(out, stored);
    } else {
        const QDateTime time = QDateTime::fromString(QString::fromUtf8(stored), Qt::ISODateWithMs);
        api::appendJsonString(out, time.toUTC().toString(Qt::ISODateWithMs));
    }
    out += ',';
}

bool isAscii(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char character) { return (character & 0x80) == 0; });
}

/// A text column: its stored bytes when they are ASCII (all but some names); otherwise read
/// as the store reads it (through UTF-16, so that bytes that are not valid UTF-8 come out
/// as replacement characters rather than break the page's JSON).
void appendText(QByteArray &out, const char *name, const store::SqliteStatement &row, int column,
                bool nullWhenEmpty = false)
{
    out += '"';
    out += name;
    out += "\":";
    const QByteArrayView stored = row.columnUtf8(column);
    if (nullWhenEmpty && stored.isEmpty())
        out += "null";
    else if (isAscii(stored))
        api::appendJsonUtf8(out, stored);
    else
        api::appendJsonString(out, row.columnText(column));
    out += ',';
}

void appendName(QByteArray &out, const char *name, QLatin1StringView value)
{
    out += '"';
    out += name;
    out += "\":\"";
    out.append(value.data(), value.size());
    out += "\",";
}

void appendMoney(QByteArray &out, const char *name, qint64 cents)
{
    out += '"';
    out += name;
    out += "\":\"";
    const bool negative = cents < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(cents) : quint64(cents);
    if (negative)
        out += '-';
    out += QByteArray::number(magnitude / 100);
    out += '.';
    out += char('0' + magnitude % 100 / 10);
    out += char('0' + magnitude % 10);
    out += "\",";
}

/// A stored enum's wire name as the store reads it: a name it does not know reads as
/// the fallback.
template<typename Enum>
QLatin1StringView knownName(QByteArrayView stored, Enum fallback)
{
    for (const Enum value : allValues<Enum>()) {
        if (wireName(value) == QLatin1StringView(stored))
            return wireName(value);
    }
    return wireName(fallback);
}

/// One item, as api::appendJson writes it (keys sorted).
void appendItem(QByteArray &out, const store::SqliteStatement &row)
{
    auto text = [&](Column column) {
        return row.columnUtf8(column);
    };
    out += '{';
    appendText(out, "accountNumber", row, AccountNumber);
    appendDate(out, "appealDeadline", text(AppealDeadline));
    appendMoney(out, "atRisk", row.columnInteger(AtRisk));
    appendMoney(out, "balance", row.columnInteger(Balance));
    appendMoney(out, "billed", row.columnInteger(Billed));
    appendText(out, "carc", row, Carc, true);
    appendText(out, "claimNumber", row, ClaimNumber);
    appendTimestamp(out, "createdAt", text(CreatedAt));
    appendName(out, "denialCategory", knownName(text(DenialCategoryColumn), DenialCategory::Other));
    appendDate(out, "dueDate", text(DueDate));
    appendText(out, "facilityId", row, FacilityId);
    appendText(out, "groupCode", row, GroupCode, true);
    appendText(out, "id", row, Id);
    appendText(out, "ownerId", row, Owner, true);
    appendText(out, "patientDisplayName", row, PatientDisplayName);
    appendText(out, "payerId", row, PayerId);
    appendText(out, "payerName", row, PayerName);
    appendName(out, "priority", wireName(static_cast<Priority>(row.columnInteger(PriorityColumn))));
    appendName(out, "queue", knownName(text(QueueColumn), Queue::Denial));
    out += "\"rarcs\":[";
    if (isAscii(text(Rarcs))) {
        bool first = true;
        for (const QLatin1StringView code : QLatin1StringView(text(Rarcs)).tokenize(u' ', Qt::SkipEmptyParts)) {
            if (!first)
                out += ',';
            first = false;
            api::appendJsonUtf8(out, QByteArrayView(code.data(), code.size()));
        }
    } else {
        const QStringList codes = row.columnText(Rarcs).split(u' ', Qt::SkipEmptyParts);
        for (qsizetype index = 0; index < codes.size(); ++index) {
            if (index > 0)
                out += ',';
            api::appendJsonString(out, codes.at(index));
        }
    }
    out += "],";
    appendDate(out, "serviceFrom", text(ServiceFrom));
    appendDate(out, "serviceTo", text(ServiceTo));
    appendName(out, "status", knownName(text(Status), WorkItemStatus::New));
    appendDate(out, "timelyFilingDeadline", text(TimelyFilingDeadline));
    appendTimestamp(out, "updatedAt", text(UpdatedAt));
    out += "\"version\":";
    out += QByteArray::number(row.columnInteger(Version));
    out += '}';
}

} // namespace

ChangeFeed::ChangeFeed(store::Database &database)
    : m_database(database)
{ }

store::SqliteStatement *ChangeFeed::statementFor(Role role, bool fullSync, store::StoreError *error)
{
    QStringList queues;
    for (const Queue queue : allValues<Queue>()) {
        if (rules::ActionPolicy::canView(role, queue))
            queues << u"'%1'"_s.arg(QString(wireName(queue)));
    }
    const QString sql = u"SELECT change_seq, deleted, %1 FROM work_items WHERE change_seq > ?1 AND queue IN (%2)%3 "
                        "ORDER BY change_seq LIMIT ?2"_s.arg(store::WorkItemStore::itemColumns(), queues.join(u", "_s),
                                                             fullSync ? u" AND deleted = 0"_s : QString());
    std::shared_ptr<store::SqliteStatement> &statement = m_statements[sql];
    if (!statement) {
        auto prepared = std::make_shared<store::SqliteStatement>();
        if (store::StoreError prepareError = prepared->prepare(m_database.connection(), sql)) {
            store::setError(error, prepareError);
            return nullptr;
        }
        statement = std::move(prepared);
    }
    return statement.get();
}

std::optional<ChangeFeed::Page> ChangeFeed::page(const User &viewer, qint64 after, int limit, store::StoreError *error)
{
    store::SqliteStatement *rows = statementFor(viewer.role, after == 0, error);
    if (!rows)
        return std::nullopt;
    rows->bindInteger(1, after);
    rows->bindInteger(2, qint64(limit) + 1); // one more than asked tells whether there is more
    Page page;
    page.lastSequence = after;
    page.items.reserve(qsizetype(limit) * 700);
    store::StoreError stepError;
    while (rows->next(&stepError)) {
        if (page.count == limit) {
            page.hasMore = true;
            rows->reset();
            break;
        }
        if (page.count > 0)
            page.items += ',';
        page.lastSequence = rows->columnInteger(Sequence);
        ++page.count;
        if (rows->columnInteger(Deleted) != 0) { // ids are [A-Za-z0-9._-]: nothing to escape
            page.items += "{\"deleted\":true,\"id\":\"";
            const QByteArrayView id = rows->columnUtf8(Id);
            page.items += isAscii(id) ? QByteArray(id.data(), id.size()) : rows->columnText(Id).toUtf8();
            page.items += "\"}";
            continue;
        }
        appendItem(page.items, *rows);
        const QLatin1StringView queue = knownName(rows->columnUtf8(QueueColumn), Queue::Denial);
        if (!page.queues.contains(queue))
            page.queues.append(queue);
    }
    if (stepError) {
        store::setError(error, stepError);
        return std::nullopt;
    }
    std::sort(page.queues.begin(), page.queues.end());
    return page;
}

} // namespace rcm::server
