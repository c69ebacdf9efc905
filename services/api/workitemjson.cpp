// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/workitemjson.h"

#include "services/api/workitemfields.h"

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
    return readWorkItem([&object](const char *name) { return FieldValue::of(object.value(QLatin1StringView(name))); },
                        error);
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
