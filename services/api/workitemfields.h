// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// The one reading of a work item's fields, whichever JSON reader found them: the
// QJsonObject behind workItemFromJson and the sync page reader (changespagereader.cpp).
// Private to services/api.

#include "models/money.h"
#include "models/workitem.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcm::api {

/// One field of an item as a JSON reader found it.
struct FieldValue
{
    enum class Type { Missing, Null, String, Number, Bool, Array, Object };
    Type type = Type::Missing;
    QString string;
    double number = 0;
    qint64 integer = 0; ///< the number as a whole number, when it is one (else 0)
    QStringList strings; ///< an array's entries
    bool onlyStrings = true; ///< whether every entry of an array is a string

    static FieldValue of(const QJsonValue &value)
    {
        FieldValue field;
        switch (value.type()) {
        case QJsonValue::Undefined:
            break;
        case QJsonValue::Null:
            field.type = Type::Null;
            break;
        case QJsonValue::String:
            field.type = Type::String;
            field.string = value.toString();
            break;
        case QJsonValue::Double:
            field.type = Type::Number;
            field.number = value.toDouble();
            field.integer = value.toInteger();
            break;
        case QJsonValue::Bool:
            field.type = Type::Bool;
            break;
        case QJsonValue::Array:
            field.type = Type::Array;
            for (const QJsonValue &entry : value.toArray()) {
                if (!entry.isString()) {
                    field.onlyStrings = false;
                    break;
                }
                field.strings << entry.toString();
            }
            break;
        case QJsonValue::Object:
            field.type = Type::Object;
            break;
        }
        return field;
    }
};

namespace fields {

/// The number written by count ASCII digits at from, or -1.
inline int digits(const QString &text, qsizetype from, qsizetype count)
{
    int value = 0;
    for (qsizetype index = from; index < from + count; ++index) {
        const char16_t character = text.at(index).unicode();
        if (character < u'0' || character > u'9')
            return -1;
        value = value * 10 + (character - u'0');
    }
    return value;
}

/// "YYYY-MM-DD" at from, read directly (an invalid QDate if it is no real day, as
/// QDate::fromString gives), or nothing when the text there is not in that form.
inline std::optional<QDate> canonicalDate(const QString &text, qsizetype from)
{
    if (text.size() < from + 10 || text.at(from + 4) != u'-' || text.at(from + 7) != u'-')
        return std::nullopt;
    const int year = digits(text, from, 4);
    const int month = digits(text, from + 5, 2);
    const int day = digits(text, from + 8, 2);
    if (year < 0 || month < 0 || day < 0)
        return std::nullopt;
    return QDate(year, month, day);
}

/// Reads fields one by one from lookup (a field's name to its FieldValue) and remembers
/// the first problem.
template<typename Lookup>
class FieldReader final
{
public:
    explicit FieldReader(const Lookup &lookup)
        : m_lookup(lookup)
    { }

    QString text(const char *name, bool required = false)
    {
        FieldValue value = m_lookup(name);
        if (value.type == FieldValue::Type::Null || value.type == FieldValue::Type::Missing) {
            if (required)
                fail(name, "is required");
            return {};
        }
        if (value.type != FieldValue::Type::String) {
            fail(name, "must be a string");
            return {};
        }
        if (required && value.string.isEmpty())
            fail(name, "must not be empty");
        return std::move(value.string);
    }

    QDate date(const char *name)
    {
        const QString value = text(name);
        if (value.isEmpty())
            return {};
        const std::optional<QDate> canonical = value.size() == 10 ? canonicalDate(value, 0) : std::nullopt;
        const QDate date = canonical ? *canonical : QDate::fromString(value, Qt::ISODate);
        if (!date.isValid())
            fail(name, "must be a date like 2026-11-27");
        return date;
    }

    QDateTime timestamp(const char *name)
    {
        const QString value = text(name, true);
        // What every store writes, "2026-11-27T09:30:00.000Z", is read directly; any other
        // ISO form goes through QDateTime's reader (ten times the cost).
        if (value.size() == 24 && value.at(10) == u'T' && value.at(13) == u':' && value.at(16) == u':'
            && value.at(19) == u'.' && value.at(23) == u'Z') {
            const std::optional<QDate> day = canonicalDate(value, 0);
            const int hour = digits(value, 11, 2);
            const int minute = digits(value, 14, 2);
            const int second = digits(value, 17, 2);
            const int millisecond = digits(value, 20, 3);
            if (day && day->isValid() && QTime::isValid(hour, minute, second, millisecond))
                return QDateTime(*day, QTime(hour, minute, second, millisecond), Qt::UTC);
        }
        const QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!value.isEmpty() && !time.isValid())
            fail(name, "must be an ISO-8601 timestamp");
        return time.toUTC();
    }

    models::Money money(const char *name)
    {
        const QString value = text(name, true);
        const auto money = models::Money::fromString(value);
        if (!value.isEmpty() && !money)
            fail(name, "must be a decimal amount like \"391.05\"");
        return money.value_or(models::Money());
    }

    qint64 integer(const char *name)
    {
        const FieldValue value = m_lookup(name);
        if (value.type != FieldValue::Type::Number || value.number != static_cast<double>(value.integer)) {
            fail(name, "must be a whole number");
            return 0;
        }
        return value.integer;
    }

    template<typename Enum>
    Enum enumeration(const char *name, Enum fallback)
    {
        const QString value = text(name, true);
        const auto parsed = models::fromWireName<Enum>(value);
        if (!value.isEmpty() && !parsed)
            fail(name, "has an unknown value");
        return parsed.value_or(fallback);
    }

    QStringList textList(const char *name)
    {
        FieldValue value = m_lookup(name);
        if (value.type == FieldValue::Type::Missing || value.type == FieldValue::Type::Null)
            return {};
        if (value.type != FieldValue::Type::Array || !value.onlyStrings) {
            fail(name, "must be an array of strings");
            return {};
        }
        return std::move(value.strings);
    }

    const QString &error() const { return m_error; }

private:
    void fail(const char *name, const char *problem)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1 %2").arg(QLatin1StringView(name), QLatin1StringView(problem));
    }

    const Lookup &m_lookup;
    QString m_error;
};

} // namespace fields

/// Reads a work item from lookup (a field's name to its FieldValue), refusing anything
/// malformed, as workItemFromJson documents.
template<typename Lookup>
std::optional<models::WorkItem> readWorkItem(const Lookup &lookup, QString *error)
{
    using namespace rcm::models;
    fields::FieldReader<Lookup> read(lookup);
    WorkItem item;
    item.id = read.text("id", true);
    item.queue = read.enumeration("queue", Queue::Denial);
    item.status = read.enumeration("status", WorkItemStatus::New);
    item.priority = read.enumeration("priority", Priority::Normal);
    item.ownerId = read.text("ownerId");
    item.dueDate = read.date("dueDate");
    item.claimNumber = read.text("claimNumber", true);
    item.accountNumber = read.text("accountNumber", true);
    item.patientDisplayName = read.text("patientDisplayName", true);
    item.payerId = read.text("payerId", true);
    item.payerName = read.text("payerName", true);
    item.facilityId = read.text("facilityId", true);
    item.serviceFrom = read.date("serviceFrom");
    item.serviceTo = read.date("serviceTo");
    item.billed = read.money("billed");
    item.balance = read.money("balance");
    item.atRisk = read.money("atRisk");
    item.groupCode = read.text("groupCode");
    item.carc = read.text("carc");
    item.rarcs = read.textList("rarcs");
    item.denialCategory = read.enumeration("denialCategory", DenialCategory::Other);
    item.timelyFilingDeadline = read.date("timelyFilingDeadline");
    item.appealDeadline = read.date("appealDeadline");
    item.version = read.integer("version");
    item.createdAt = read.timestamp("createdAt");
    item.updatedAt = read.timestamp("updatedAt");
    if (!read.error().isEmpty()) {
        if (error)
            *error = read.error();
        return std::nullopt;
    }
    return item;
}

} // namespace rcm::api
