// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/changespagereader.h"

#include "services/api/workitemfields.h"
#include "services/api/workitemjson.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <simdjson.h>

#include <array>
#include <cstring>
#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

namespace {

// The fields readWorkItem asks for; any other key is ignored, as QJsonObject lookups do.
constexpr std::array<std::string_view, 26> fieldNames {"id",
                                                       "queue",
                                                       "status",
                                                       "priority",
                                                       "ownerId",
                                                       "dueDate",
                                                       "claimNumber",
                                                       "accountNumber",
                                                       "patientDisplayName",
                                                       "payerId",
                                                       "payerName",
                                                       "facilityId",
                                                       "serviceFrom",
                                                       "serviceTo",
                                                       "billed",
                                                       "balance",
                                                       "atRisk",
                                                       "groupCode",
                                                       "carc",
                                                       "rarcs",
                                                       "denialCategory",
                                                       "timelyFilingDeadline",
                                                       "appealDeadline",
                                                       "version",
                                                       "createdAt",
                                                       "updatedAt"};

int fieldIndex(std::string_view name)
{
    for (std::size_t index = 0; index < fieldNames.size(); ++index) {
        if (fieldNames[index] == name)
            return int(index);
    }
    return -1;
}

QString text(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
}

FieldValue fieldOf(simdjson::dom::element value)
{
    using Type = simdjson::dom::element_type;
    FieldValue field;
    switch (value.type()) {
    case Type::NULL_VALUE:
        field.type = FieldValue::Type::Null;
        break;
    case Type::STRING:
        field.type = FieldValue::Type::String;
        field.string = text(value.get_string().value_unsafe());
        break;
    case Type::INT64:
        field.type = FieldValue::Type::Number;
        field.integer = value.get_int64().value_unsafe();
        field.number = double(field.integer);
        break;
    case Type::UINT64:
    case Type::DOUBLE: {
        field.type = FieldValue::Type::Number;
        field.number = value.get_double().value_unsafe();
        // As QJsonValue::toInteger(): the number if it is a whole one that fits, else 0.
        const bool fits = field.number >= -9223372036854775808.0 && field.number < 9223372036854775808.0;
        const auto whole = fits ? qint64(field.number) : 0;
        field.integer = fits && double(whole) == field.number ? whole : 0;
        break;
    }
    case Type::BOOL:
        field.type = FieldValue::Type::Bool;
        break;
    case Type::ARRAY: {
        field.type = FieldValue::Type::Array;
        const simdjson::dom::array entries = value.get_array().value_unsafe();
        for (const simdjson::dom::element entry : entries) {
            if (!entry.is_string()) {
                field.onlyStrings = false;
                break;
            }
            field.strings << text(entry.get_string().value_unsafe());
        }
        break;
    }
    case Type::OBJECT:
        field.type = FieldValue::Type::Object;
        break;
    }
    return field;
}

/// One item: its known fields (the last of a repeated key, as QJsonDocument keeps), read
/// into a tombstone's id or a work item.
QString readItem(simdjson::dom::element element, ChangesPage &page)
{
    std::array<std::optional<simdjson::dom::element>, fieldNames.size()> found;
    bool deleted = false;
    if (element.is_object()) {
        const simdjson::dom::object object = element.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair field : object) {
            if (field.key == "deleted") {
                deleted = field.value.is_bool() && field.value.get_bool().value_unsafe();
                continue;
            }
            if (const int index = fieldIndex(field.key); index >= 0)
                found[std::size_t(index)] = field.value;
        }
    }
    auto lookup = [&found](const char *name) {
        const int index = fieldIndex(name);
        return index >= 0 && found[std::size_t(index)] ? fieldOf(*found[std::size_t(index)]) : FieldValue();
    };
    if (deleted) {
        const FieldValue id = lookup("id");
        if (id.type != FieldValue::Type::String || id.string.isEmpty())
            return u"a tombstone without an id"_s;
        page.removedIds.append(id.string);
        return {};
    }
    QString error;
    std::optional<models::WorkItem> item = readWorkItem(lookup, &error);
    if (!item)
        return u"an item is malformed: %1"_s.arg(error);
    page.items.append(std::move(*item));
    return {};
}

} // namespace

QString readChangesPage(const QJsonDocument &document, ChangesPage &page)
{
    const QJsonObject object = document.object();
    const QJsonValue items = object.value(u"items"_s);
    const QJsonValue cursor = object.value(u"nextCursor"_s);
    const QJsonValue hasMore = object.value(u"hasMore"_s);
    if (!document.isObject() || !items.isArray() || !cursor.isString() || !hasMore.isBool())
        return u"the page lacks items, nextCursor or hasMore"_s;
    if (cursor.toString().isEmpty())
        return u"the page has an empty nextCursor"_s;
    ChangesPage read;
    for (const QJsonValue &value : items.toArray()) {
        const QJsonObject item = value.toObject();
        if (item.value(u"deleted"_s).toBool()) {
            const QString id = item.value(u"id"_s).toString();
            if (id.isEmpty())
                return u"a tombstone without an id"_s;
            read.removedIds.append(id);
            continue;
        }
        QString error;
        std::optional<models::WorkItem> workItem = workItemFromJson(item, &error);
        if (!workItem)
            return u"an item is malformed: %1"_s.arg(error);
        read.items.append(std::move(*workItem));
    }
    read.nextCursor = cursor.toString();
    read.hasMore = hasMore.toBool();
    page = std::move(read);
    return {};
}

QString readChangesPage(QByteArrayView json, ChangesPage &page, bool *notJson)
{
    *notJson = false;
    // One parser per thread, kept: its buffers grow to the largest page once.
    thread_local simdjson::dom::parser parser;
    const simdjson::padded_string padded(json.data(), std::size_t(json.size()));
    simdjson::dom::element document;
    if (const simdjson::error_code error = parser.parse(padded).get(document)) {
        // simdjson is stricter than QJsonDocument in a few corners (a byte-order mark, a raw
        // control character in a string, an integer beyond 64 bits, an unpaired surrogate
        // escape): what QJsonDocument takes is read as it always was.
        QJsonParseError parseError;
        const QJsonDocument fallback
            = QJsonDocument::fromJson(QByteArray::fromRawData(json.data(), json.size()), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            *notJson = true;
            return u"%1; %2"_s.arg(QString::fromUtf8(simdjson::error_message(error)), parseError.errorString());
        }
        return readChangesPage(fallback, page);
    }
    std::optional<simdjson::dom::element> items;
    std::optional<simdjson::dom::element> cursor;
    std::optional<simdjson::dom::element> hasMore;
    if (document.is_object()) {
        const simdjson::dom::object object = document.get_object().value_unsafe();
        for (const simdjson::dom::key_value_pair field : object) {
            if (field.key == "items")
                items = field.value;
            else if (field.key == "nextCursor")
                cursor = field.value;
            else if (field.key == "hasMore")
                hasMore = field.value;
        }
    }
    // Anything but a complete page is refused: an empty object from a proxy must never
    // read as "nothing changed" or "everything was deleted".
    if (!items || !items->is_array() || !cursor || !cursor->is_string() || !hasMore || !hasMore->is_bool())
        return u"the page lacks items, nextCursor or hasMore"_s;
    const QString nextCursor = text(cursor->get_string().value_unsafe());
    if (nextCursor.isEmpty())
        return u"the page has an empty nextCursor"_s;
    page = ChangesPage();
    const simdjson::dom::array entries = items->get_array().value_unsafe();
    page.items.reserve(qsizetype(entries.size()));
    for (const simdjson::dom::element entry : entries) {
        if (QString problem = readItem(entry, page); !problem.isEmpty())
            return problem;
    }
    page.nextCursor = nextCursor;
    page.hasMore = hasMore->get_bool().value_unsafe();
    return {};
}

} // namespace rcm::api
