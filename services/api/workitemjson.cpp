// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/workitemjson.h"

#include <QJsonArray>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

using namespace rcm::models;

namespace {

QJsonValue dateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textValue(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

/// The number written by count ASCII digits at from, or -1.
int digits(const QString &text, qsizetype from, qsizetype count)
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
std::optional<QDate> canonicalDate(const QString &text, qsizetype from)
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

/// Reads fields one by one and remembers the first problem.
class FieldReader final
{
public:
    explicit FieldReader(const QJsonObject &object)
        : m_object(object)
    { }

    QString text(const char *name, bool required = false)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (value.isNull() || value.isUndefined()) {
            if (required)
                fail(name, "is required");
            return {};
        }
        if (!value.isString()) {
            fail(name, "must be a string");
            return {};
        }
        QString text = value.toString();
        if (required && text.isEmpty())
            fail(name, "must not be empty");
        return text;
    }

    QDate date(const char *name)
    {
        const QString value = text(name);
        if (value.isEmpty())
            return {};
        std::optional<QDate> canonical = value.size() == 10 ? canonicalDate(value, 0) : std::nullopt;
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

    Money money(const char *name)
    {
        const QString value = text(name, true);
        const auto money = Money::fromString(value);
        if (!value.isEmpty() && !money)
            fail(name, "must be a decimal amount like \"391.05\"");
        return money.value_or(Money());
    }

    qint64 integer(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (!value.isDouble() || value.toDouble() != static_cast<double>(value.toInteger())) {
            fail(name, "must be a whole number");
            return 0;
        }
        return value.toInteger();
    }

    template<typename Enum>
    Enum enumeration(const char *name, Enum fallback)
    {
        const QString value = text(name, true);
        const auto parsed = fromWireName<Enum>(value);
        if (!value.isEmpty() && !parsed)
            fail(name, "has an unknown value");
        return parsed.value_or(fallback);
    }

    QStringList textList(const char *name)
    {
        const QJsonValue value = m_object.value(QLatin1StringView(name));
        if (value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            fail(name, "must be an array of strings");
            return {};
        }
        QStringList result;
        for (const QJsonValue &entry : value.toArray()) {
            if (!entry.isString()) {
                fail(name, "must be an array of strings");
                return {};
            }
            result << entry.toString();
        }
        return result;
    }

    const QString &error() const { return m_error; }

private:
    void fail(const char *name, const char *problem)
    {
        if (m_error.isEmpty())
            m_error = u"%1 %2"_s.arg(QLatin1StringView(name), QLatin1StringView(problem));
    }

    const QJsonObject &m_object;
    QString m_error;
};

} // namespace

QJsonObject toJson(const WorkItem &item)
{
    return QJsonObject {
        {u"id"_s, item.id},
        {u"queue"_s, QString(wireName(item.queue))},
        {u"status"_s, QString(wireName(item.status))},
        {u"priority"_s, QString(wireName(item.priority))},
        {u"ownerId"_s, textValue(item.ownerId)},
        {u"dueDate"_s, dateValue(item.dueDate)},
        {u"claimNumber"_s, item.claimNumber},
        {u"accountNumber"_s, item.accountNumber},
        {u"patientDisplayName"_s, item.patientDisplayName},
        {u"payerId"_s, item.payerId},
        {u"payerName"_s, item.payerName},
        {u"facilityId"_s, item.facilityId},
        {u"serviceFrom"_s, dateValue(item.serviceFrom)},
        {u"serviceTo"_s, dateValue(item.serviceTo)},
        {u"billed"_s, item.billed.toString()},
        {u"balance"_s, item.balance.toString()},
        {u"atRisk"_s, item.atRisk.toString()},
        {u"groupCode"_s, textValue(item.groupCode)},
        {u"carc"_s, textValue(item.carc)},
        {u"rarcs"_s, QJsonArray::fromStringList(item.rarcs)},
        {u"denialCategory"_s, QString(wireName(item.denialCategory))},
        {u"timelyFilingDeadline"_s, dateValue(item.timelyFilingDeadline)},
        {u"appealDeadline"_s, dateValue(item.appealDeadline)},
        {u"version"_s, item.version},
        {u"createdAt"_s, timestamp(item.createdAt)},
        {u"updatedAt"_s, timestamp(item.updatedAt)},
    };
}

void appendJsonString(QByteArray &out, const QString &text)
{
    appendJsonUtf8(out, text.toUtf8());
}

void appendJsonUtf8(QByteArray &out, QByteArrayView utf8)
{
    out += '"';
    // Runs of bytes that need no escape are copied whole.
    const char *run = utf8.data();
    const char *const end = run + utf8.size();
    for (const char *position = run; position != end; ++position) {
        const char character = *position;
        const auto byte = static_cast<unsigned char>(character);
        if (character != '"' && character != '\\' && byte >= 0x20)
            continue;
        out.append(run, position - run);
        run = position + 1;
        if (character == '"' || character == '\\') {
            out += '\\';
            out += character;
            continue;
        }
        // As QJsonDocument writes them: the short escapes where JSON has one.
        const char *shortEscape = byte == '\b' ? "\\b"
            : byte == '\f'                     ? "\\f"
            : byte == '\n'                     ? "\\n"
            : byte == '\r'                     ? "\\r"
            : byte == '\t'                     ? "\\t"
                                               : nullptr;
        if (shortEscape) {
            out += shortEscape;
            continue;
        }
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
        out += escaped;
    }
    out.append(run, end - run);
    out += '"';
}

namespace {

void appendField(QByteArray &out, const char *name, const QString &text, bool nullWhenEmpty = false)
{
    out += '"';
    out += name;
    out += "\":";
    if (nullWhenEmpty && text.isEmpty())
        out += "null";
    else
        appendJsonString(out, text);
    out += ',';
}

void appendDate(QByteArray &out, const char *name, const QDate &date)
{
    out += '"';
    out += name;
    out += "\":";
    if (date.isValid()) {
        char buffer[16];
        out += '"';
        out.append(buffer,
                   std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year(), date.month(), date.day()));
        out += '"';
    } else {
        out += "null";
    }
    out += ',';
}

void appendLatin1(QByteArray &out, const char *name, QLatin1StringView value)
{
    out += '"';
    out += name;
    out += "\":\"";
    out.append(value.data(), value.size());
    out += "\",";
}

} // namespace

void appendJson(QByteArray &out, const WorkItem &item)
{
    // Keys in the order QJsonObject writes them (sorted), so both forms are byte-identical.
    out += '{';
    appendField(out, "accountNumber", item.accountNumber);
    appendDate(out, "appealDeadline", item.appealDeadline);
    appendLatin1(out, "atRisk", QLatin1StringView(item.atRisk.toString().toLatin1()));
    appendLatin1(out, "balance", QLatin1StringView(item.balance.toString().toLatin1()));
    appendLatin1(out, "billed", QLatin1StringView(item.billed.toString().toLatin1()));
    appendField(out, "carc", item.carc, true);
    appendField(out, "claimNumber", item.claimNumber);
    appendField(out, "createdAt", timestamp(item.createdAt));
    appendLatin1(out, "denialCategory", wireName(item.denialCategory));
    appendDate(out, "dueDate", item.dueDate);
    appendField(out, "facilityId", item.facilityId);
    appendField(out, "groupCode", item.groupCode, true);
    appendField(out, "id", item.id);
    appendField(out, "ownerId", item.ownerId, true);
    appendField(out, "patientDisplayName", item.patientDisplayName);
    appendField(out, "payerId", item.payerId);
    appendField(out, "payerName", item.payerName);
    appendLatin1(out, "priority", wireName(item.priority));
    appendLatin1(out, "queue", wireName(item.queue));
    out += "\"rarcs\":[";
    for (qsizetype index = 0; index < item.rarcs.size(); ++index) {
        if (index > 0)
            out += ',';
        appendJsonString(out, item.rarcs.at(index));
    }
    out += "],";
    appendDate(out, "serviceFrom", item.serviceFrom);
    appendDate(out, "serviceTo", item.serviceTo);
    appendLatin1(out, "status", wireName(item.status));
    appendDate(out, "timelyFilingDeadline", item.timelyFilingDeadline);
    appendField(out, "updatedAt", timestamp(item.updatedAt));
    out += "\"version\":";
    out += QByteArray::number(item.version);
    out += '}';
}

std::optional<WorkItem> workItemFromJson(const QJsonObject &object, QString *error)
{
    FieldReader read(object);
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

QJsonObject toJson(const User &user)
{
    return QJsonObject {{u"id"_s, user.id},
                        {u"username"_s, user.username},
                        {u"displayName"_s, user.displayName},
                        {u"role"_s, QString(wireName(user.role))},
                        {u"active"_s, user.active}};
}

QJsonObject toJson(const Payer &payer)
{
    return QJsonObject {{u"id"_s, payer.id},
                        {u"name"_s, payer.name},
                        {u"kind"_s, QString(wireName(payer.kind))},
                        {u"timelyFilingDays"_s, payer.timelyFilingDays},
                        {u"appealDays"_s, payer.appealDays}};
}

} // namespace rcm::api
