// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/ingest/extractmapping.h"

#include "services/ingest/extractvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ingest {

namespace {

struct KnownField
{
    QStringView name;
    FieldType type;
};

// The work item's wire fields an extract may fill (services/api/workitemjson.cpp).
constexpr std::array<KnownField, 23> knownFieldTable = {{
    {u"externalId", FieldType::Text},
    {u"queue", FieldType::Text},
    {u"status", FieldType::Text},
    {u"closeReason", FieldType::Text},
    {u"priority", FieldType::Text},
    {u"claimNumber", FieldType::Text},
    {u"accountNumber", FieldType::Text},
    {u"patientDisplayName", FieldType::Text},
    {u"payerId", FieldType::Text},
    {u"payerName", FieldType::Text},
    {u"facilityId", FieldType::Text},
    {u"serviceFrom", FieldType::Date},
    {u"serviceTo", FieldType::Date},
    {u"billed", FieldType::Amount},
    {u"balance", FieldType::Amount},
    {u"atRisk", FieldType::Amount},
    {u"groupCode", FieldType::Text},
    {u"carc", FieldType::Text},
    {u"rarcs", FieldType::List},
    {u"denialCategory", FieldType::Text},
    {u"timelyFilingDeadline", FieldType::Date},
    {u"appealDeadline", FieldType::Date},
    {u"dueDate", FieldType::Date},
}};

std::optional<FieldType> typeOf(QStringView name)
{
    for (const KnownField &known : knownFieldTable) {
        if (known.name == name)
            return known.type;
    }
    return std::nullopt;
}

const QStringList defaultDateFormats {u"yyyy-MM-dd"_s};

/// Unknown keys are refused so that a misspelt option ("colum") is not silently ignored.
bool checkKeys(const QJsonObject &object, const QStringList &allowed, const QString &where, QString *error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            *error = u"%1: unknown key \"%2\" (known: %3)"_s.arg(where, it.key(), allowed.join(u", "_s));
            return false;
        }
    }
    return true;
}

bool readDateFormats(const QJsonValue &value, const QString &where, QStringList *formats, QString *error)
{
    if (!value.isArray() || value.toArray().isEmpty()) {
        *error = u"%1: expected a list of date formats, e.g. [\"MM/dd/yyyy\"]"_s.arg(where);
        return false;
    }
    formats->clear();
    for (const QJsonValue &format : value.toArray()) {
        const QString problem = format.isString() ? dateFormatProblem(format.toString()) : u"expected a string"_s;
        if (!problem.isEmpty()) {
            *error = u"%1: %2"_s.arg(where, problem);
            return false;
        }
        formats->append(format.toString());
    }
    return true;
}

bool readValues(const QJsonValue &value, const QString &where, FieldMapping *field, QString *error)
{
    if (!value.isObject() || value.toObject().isEmpty()) {
        *error = u"%1: expected an object of cell values and what they become, e.g. {\"OPEN\": \"open\"}"_s.arg(where);
        return false;
    }
    const QJsonObject table = value.toObject();
    for (auto it = table.begin(); it != table.end(); ++it) {
        if (!it.value().isString()) {
            *error = u"%1: the value for \"%2\" must be a string"_s.arg(where, it.key());
            return false;
        }
        const QString key = it.key().trimmed().toCaseFolded();
        if (field->values.contains(key) && field->values.value(key) != it.value().toString()) {
            *error = u"%1: \"%2\" is listed twice with different values (cells match ignoring case)"_s.arg(where,
                                                                                                           it.key());
            return false;
        }
        field->values.insert(key, it.value().toString());
        field->valueNames.append(it.key());
    }
    return true;
}

bool readFieldOptions(const QJsonObject &options, const QString &where, FieldMapping *field, QString *error)
{
    if (!checkKeys(options,
                   {u"column"_s, u"value"_s, u"values"_s, u"default"_s, u"split"_s, u"dateFormats"_s, u"pattern"_s},
                   where, error))
        return false;
    const bool hasColumn = options.contains(u"column"_s);
    if (hasColumn == options.contains(u"value"_s)) {
        *error = u"%1: give either \"column\" (read from the file) or \"value\" (a constant)"_s.arg(where);
        return false;
    }
    const QString source = hasColumn ? u"column"_s : u"value"_s;
    if (!options.value(source).isString() || options.value(source).toString().trimmed().isEmpty()) {
        *error = u"%1.%2: expected a non-empty string"_s.arg(where, source);
        return false;
    }
    if (!hasColumn) {
        for (const QString &key : {u"values"_s, u"default"_s, u"pattern"_s}) {
            if (options.contains(key)) {
                *error = u"%1: \"%2\" applies to a column, not to a constant value"_s.arg(where, key);
                return false;
            }
        }
    }
    if (hasColumn)
        field->column = options.value(source).toString().trimmed();
    if (options.contains(u"values"_s) && !readValues(options.value(u"values"_s), where + u".values"_s, field, error))
        return false;
    if (options.contains(u"default"_s)) {
        if (field->values.isEmpty() || !options.value(u"default"_s).isString()) {
            *error = u"%1.default: expected a string, beside a \"values\" table"_s.arg(where);
            return false;
        }
        field->defaultValue = options.value(u"default"_s).toString();
    }
    if (options.contains(u"split"_s)) {
        if (field->type != FieldType::List || !options.value(u"split"_s).isString()
            || options.value(u"split"_s).toString().isEmpty()) {
            *error = u"%1.split: expected a non-empty separator, on a list field (rarcs)"_s.arg(where);
            return false;
        }
        field->split = options.value(u"split"_s).toString();
    }
    if (options.contains(u"dateFormats"_s)) {
        if (field->type != FieldType::Date) {
            *error = u"%1.dateFormats: applies only to a date field"_s.arg(where);
            return false;
        }
        if (!readDateFormats(options.value(u"dateFormats"_s), where + u".dateFormats"_s, &field->dateFormats, error))
            return false;
    }
    if (options.contains(u"pattern"_s)) {
        field->pattern.setPattern(options.value(u"pattern"_s).toString());
        if (!options.value(u"pattern"_s).isString() || field->pattern.pattern().isEmpty()
            || !field->pattern.isValid()) {
            *error = u"%1.pattern: not a valid regular expression: %2"_s.arg(where, field->pattern.errorString());
            return false;
        }
    }
    if (!hasColumn) {
        QString problem;
        field->constant = field->valueFor(options.value(source).toString().trimmed(), &problem);
        if (!problem.isEmpty()) {
            *error = u"%1.value: %2"_s.arg(where, problem);
            return false;
        }
    }
    return true;
}

std::optional<FieldMapping> readField(const QString &name, const QJsonValue &value, const QStringList &dateFormats,
                                      QString *error)
{
    const std::optional<FieldType> type = typeOf(name);
    if (!type) {
        *error = u"fields: \"%1\" is not a work-item field (known: %2)"_s.arg(
            name, ExtractMapping::knownFields().join(u", "_s));
        return std::nullopt;
    }
    FieldMapping field;
    field.field = name;
    field.type = *type;
    field.dateFormats = dateFormats;
    const QString where = u"fields.%1"_s.arg(name);
    if (value.isString()) {
        field.column = value.toString().trimmed();
        if (field.column.isEmpty()) {
            *error = u"%1: expected a column name"_s.arg(where);
            return std::nullopt;
        }
        return field;
    }
    if (!value.isObject()) {
        *error = u"%1: expected a column name or an object with \"column\" or \"value\""_s.arg(where);
        return std::nullopt;
    }
    if (!readFieldOptions(value.toObject(), where, &field, error))
        return std::nullopt;
    return field;
}

bool readDialect(const QJsonObject &root, CsvDialect *dialect, QString *error)
{
    if (root.contains(u"encoding"_s)) {
        dialect->encoding = root.value(u"encoding"_s).toString().trimmed();
        if (!CsvDialect::isKnownEncoding(dialect->encoding)) {
            *error = u"encoding: \"%1\" is not a text encoding this system knows (e.g. UTF-8, windows-1252, "
                     "ISO-8859-1)"_s.arg(dialect->encoding);
            return false;
        }
    }
    if (root.contains(u"delimiter"_s)) {
        const QString delimiter = root.value(u"delimiter"_s).toString();
        if (delimiter.size() != 1 || delimiter == u"\""_s || delimiter == u"\r"_s || delimiter == u"\n"_s) {
            *error = u"delimiter: expected one character other than a quote or a line break, e.g. \",\" or "
                     "\"\\t\""_s;
            return false;
        }
        dialect->delimiter = delimiter.front();
    }
    return true;
}

} // namespace

QJsonValue FieldMapping::valueFor(const QString &cell, QString *error) const
{
    const QJsonValue leftOut(QJsonValue::Undefined);
    if (cell.isEmpty())
        return leftOut;
    QString text = cell;
    if (!pattern.pattern().isEmpty()) {
        const QRegularExpressionMatch match = pattern.match(text);
        if (!match.hasMatch()) {
            *error = u"\"%1\" does not match the pattern %2"_s.arg(cell, pattern.pattern());
            return leftOut;
        }
        text = match.captured(pattern.captureCount() > 0 ? 1 : 0).trimmed();
    }
    const auto translate = [&](const QString &item) {
        if (values.isEmpty())
            return item;
        const auto found = values.constFind(item.toCaseFolded());
        if (found != values.cend())
            return *found;
        if (defaultValue)
            return *defaultValue;
        *error = u"\"%1\" is not one of the values the mapping lists (%2)"_s.arg(item, valueNames.join(u", "_s));
        return QString();
    };
    if (type == FieldType::List) {
        QJsonArray items;
        const QStringList parts = split.isEmpty() ? QStringList {text} : text.split(split, Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString item = translate(part.trimmed());
            if (!error->isEmpty())
                return leftOut;
            if (!item.isEmpty())
                items.append(item);
        }
        return items.isEmpty() ? leftOut : QJsonValue(items);
    }
    text = translate(text);
    if (!error->isEmpty() || text.isEmpty())
        return leftOut;
    switch (type) {
    case FieldType::Date:
        if (const QDate date = dateFromText(text, dateFormats); date.isValid())
            return date.toString(Qt::ISODate);
        *error = u"\"%1\" is not a date in the form %2"_s.arg(text, dateFormats.join(u" or "_s));
        return leftOut;
    case FieldType::Amount:
        if (const std::optional<models::Money> amount = amountFromText(text); !amount) {
            *error = u"\"%1\" is not an amount"_s.arg(text);
        } else if (!amount->isWithinCap()) {
            *error = u"\"%1\" is more than the largest amount accepted ($99,999,999.99)"_s.arg(text);
        } else {
            return amount->toString();
        }
        return leftOut;
    case FieldType::Text:
    case FieldType::List:
        break;
    }
    return text;
}

std::optional<ExtractMapping> ExtractMapping::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"not valid JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = u"expected a JSON object with \"format\" and \"fields\""_s;
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    if (!checkKeys(root, {u"format"_s, u"description"_s, u"encoding"_s, u"delimiter"_s, u"dateFormats"_s, u"fields"_s},
                   u"the mapping"_s, error))
        return std::nullopt;
    if (root.value(u"format"_s).toInt(-1) != formatVersion) {
        *error = u"format: expected %1 (the mapping format this version reads)"_s.arg(formatVersion);
        return std::nullopt;
    }
    ExtractMapping mapping;
    if (!readDialect(root, &mapping.m_dialect, error))
        return std::nullopt;
    QStringList dateFormats = defaultDateFormats;
    if (root.contains(u"dateFormats"_s)
        && !readDateFormats(root.value(u"dateFormats"_s), u"dateFormats"_s, &dateFormats, error))
        return std::nullopt;
    if (!root.value(u"fields"_s).isObject()) {
        *error = u"fields: expected an object of work-item fields and the columns that fill them"_s;
        return std::nullopt;
    }
    const QJsonObject fields = root.value(u"fields"_s).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        std::optional<FieldMapping> field = readField(it.key(), it.value(), dateFormats, error);
        if (!field)
            return std::nullopt;
        mapping.m_fields.append(std::move(*field));
    }
    if (!fields.contains(u"externalId"_s)) {
        *error = u"fields: externalId must be mapped (each item's id in the system it comes from)"_s;
        return std::nullopt;
    }
    return mapping;
}

QStringList ExtractMapping::knownFields()
{
    QStringList names;
    for (const KnownField &known : knownFieldTable)
        names.append(known.name.toString());
    return names;
}

} // namespace rcm::ingest
