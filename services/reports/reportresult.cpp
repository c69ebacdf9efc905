// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/reportresult.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reports {

namespace {

constexpr std::array<std::pair<ColumnType, const char *>, 6> typeNames = {{
    {ColumnType::Text, "text"},
    {ColumnType::Integer, "integer"},
    {ColumnType::Money, "money"},
    {ColumnType::Date, "date"},
    {ColumnType::Percent, "percent"},
    {ColumnType::Number, "number"},
}};
constexpr std::array<std::pair<TotalKind, const char *>, 3> totalNames = {{
    {TotalKind::None, "none"},
    {TotalKind::Sum, "sum"},
    {TotalKind::Computed, "computed"},
}};

template<typename Enum, std::size_t N>
QString nameOf(const std::array<std::pair<Enum, const char *>, N> &names, Enum value)
{
    for (const auto &[known, name] : names) {
        if (known == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<std::pair<Enum, const char *>, N> &names, const QString &text)
{
    for (const auto &[known, name] : names) {
        if (text == QLatin1StringView(name))
            return known;
    }
    return std::nullopt;
}

QJsonValue cellToJson(const QVariant &value, ColumnType type)
{
    if (!value.isValid() || value.isNull())
        return QJsonValue::Null;
    switch (type) {
    case ColumnType::Text:
        return value.toString();
    case ColumnType::Integer:
    case ColumnType::Money:
        return value.toLongLong();
    case ColumnType::Date:
        return value.toDate().toString(Qt::ISODate);
    case ColumnType::Percent:
    case ColumnType::Number:
        return value.toDouble();
    }
    return QJsonValue::Null;
}

QVariant cellFromJson(const QJsonValue &value, ColumnType type)
{
    if (value.isNull() || value.isUndefined())
        return {};
    switch (type) {
    case ColumnType::Text:
        return value.toString();
    case ColumnType::Integer:
    case ColumnType::Money:
        return qint64(value.toDouble());
    case ColumnType::Date:
        return QDate::fromString(value.toString(), Qt::ISODate);
    case ColumnType::Percent:
    case ColumnType::Number:
        return value.toDouble();
    }
    return {};
}

QString tr(const char *text)
{
    return QCoreApplication::translate("rcm::reports::ReportResult", text);
}

} // namespace

QList<std::pair<QString, QString>> ReportParameters::described() const
{
    QList<std::pair<QString, QString>> described;
    described.append({tr("From"), from.isValid() ? from.toString(Qt::ISODate) : tr("the beginning")});
    described.append({tr("To"), to.isValid() ? to.toString(Qt::ISODate) : tr("today")});
    described.append({tr("Payer"), payerId.isEmpty() ? tr("all payers") : payerId});
    described.append({tr("Facility"), facility.isEmpty() ? tr("all facilities") : facility});
    if (queue)
        described.append({tr("Queue"), QString(models::wireName(*queue))});
    return described;
}

QJsonObject ReportParameters::toJson() const
{
    QJsonObject json;
    if (from.isValid())
        json.insert(u"from"_s, from.toString(Qt::ISODate));
    if (to.isValid())
        json.insert(u"to"_s, to.toString(Qt::ISODate));
    if (!payerId.isEmpty())
        json.insert(u"payer"_s, payerId);
    if (!facility.isEmpty())
        json.insert(u"facility"_s, facility);
    if (queue)
        json.insert(u"queue"_s, QString(models::wireName(*queue)));
    return json;
}

ReportParameters ReportParameters::fromJson(const QJsonObject &json)
{
    ReportParameters parameters;
    parameters.from = QDate::fromString(json.value(u"from"_s).toString(), Qt::ISODate);
    parameters.to = QDate::fromString(json.value(u"to"_s).toString(), Qt::ISODate);
    parameters.payerId = json.value(u"payer"_s).toString();
    parameters.facility = json.value(u"facility"_s).toString();
    parameters.queue = models::fromWireName<models::Queue>(json.value(u"queue"_s).toString());
    return parameters;
}

int ReportResult::columnIndex(const QString &key) const
{
    for (qsizetype index = 0; index < columns.size(); ++index) {
        if (columns.at(index).key == key)
            return int(index);
    }
    return -1;
}

QJsonObject ReportResult::toJson() const
{
    QJsonArray columnArray;
    for (const ReportColumn &column : columns) {
        columnArray.append(QJsonObject {{u"key"_s, column.key},
                                        {u"title"_s, column.title},
                                        {u"type"_s, nameOf(typeNames, column.type)},
                                        {u"total"_s, nameOf(totalNames, column.total)}});
    }
    const auto rowToJson = [this](const QVariantList &row) {
        QJsonArray cells;
        for (qsizetype index = 0; index < columns.size(); ++index)
            cells.append(cellToJson(row.value(index), columns.at(index).type));
        return cells;
    };
    QJsonArray rowArray;
    for (const QVariantList &row : rows)
        rowArray.append(rowToJson(row));
    QJsonArray definitionArray;
    for (const ReportDefinition &definition : definitions) {
        definitionArray.append(QJsonObject {{u"measure"_s, definition.measure},
                                            {u"definition"_s, definition.definition},
                                            {u"standard"_s, definition.standard}});
    }
    QJsonObject json {
        {u"name"_s, name},
        {u"title"_s, title},
        {u"dateBasis"_s, dateBasis},
        {u"parameters"_s, parameters.toJson()},
        {u"asOf"_s, asOf.toUTC().toString(Qt::ISODateWithMs)},
        {u"generatedAt"_s, generatedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"columns"_s, columnArray},
        {u"rows"_s, rowArray},
        {u"definitions"_s, definitionArray},
    };
    if (!generatedBy.isEmpty())
        json.insert(u"generatedBy"_s, generatedBy);
    if (hasTotals())
        json.insert(u"totals"_s, rowToJson(totals));
    return json;
}

std::optional<ReportResult> ReportResult::fromJson(const QJsonObject &json, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<ReportResult> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    ReportResult result;
    result.name = json.value(u"name"_s).toString();
    if (result.name.isEmpty() || !json.value(u"columns"_s).isArray() || !json.value(u"rows"_s).isArray())
        return fail(u"not a report: name, columns and rows are required"_s);
    result.title = json.value(u"title"_s).toString();
    result.dateBasis = json.value(u"dateBasis"_s).toString();
    result.parameters = ReportParameters::fromJson(json.value(u"parameters"_s).toObject());
    result.asOf = QDateTime::fromString(json.value(u"asOf"_s).toString(), Qt::ISODateWithMs);
    result.generatedAt = QDateTime::fromString(json.value(u"generatedAt"_s).toString(), Qt::ISODateWithMs);
    result.generatedBy = json.value(u"generatedBy"_s).toString();
    for (const QJsonValue &value : json.value(u"columns"_s).toArray()) {
        const QJsonObject column = value.toObject();
        const auto type = valueOf(typeNames, column.value(u"type"_s).toString());
        const auto total = valueOf(totalNames, column.value(u"total"_s).toString(u"none"_s));
        if (!type || !total || column.value(u"key"_s).toString().isEmpty())
            return fail(u"a report column has no key or an unknown type"_s);
        result.columns.append({column.value(u"key"_s).toString(), column.value(u"title"_s).toString(), *type, *total});
    }
    const auto rowFromJson = [&result](const QJsonArray &cells) {
        QVariantList row;
        for (qsizetype index = 0; index < result.columns.size(); ++index)
            row.append(cellFromJson(cells.at(index), result.columns.at(index).type));
        return row;
    };
    for (const QJsonValue &value : json.value(u"rows"_s).toArray()) {
        if (!value.isArray() || value.toArray().size() != result.columns.size())
            return fail(u"a report row does not have one cell per column"_s);
        result.rows.append(rowFromJson(value.toArray()));
    }
    if (json.contains(u"totals"_s))
        result.totals = rowFromJson(json.value(u"totals"_s).toArray());
    for (const QJsonValue &value : json.value(u"definitions"_s).toArray()) {
        const QJsonObject definition = value.toObject();
        result.definitions.append({definition.value(u"measure"_s).toString(),
                                   definition.value(u"definition"_s).toString(),
                                   definition.value(u"standard"_s).toString()});
    }
    return result;
}

QString displayText(const QVariant &value, ColumnType type)
{
    if (!value.isValid() || value.isNull())
        return {};
    const QLocale locale;
    switch (type) {
    case ColumnType::Text:
        return value.toString();
    case ColumnType::Integer:
        return locale.toString(value.toLongLong());
    case ColumnType::Money: { // "$1,234.56", "-$25.00": the sign before the dollar sign, in any locale
        const qint64 cents = value.toLongLong();
        return (cents < 0 ? u"-$"_s : u"$"_s) + locale.toString(double(cents < 0 ? -cents : cents) / 100.0, 'f', 2);
    }
    case ColumnType::Date:
        return locale.toString(value.toDate(), QLocale::ShortFormat);
    case ColumnType::Percent:
        return locale.toString(value.toDouble() * 100.0, 'f', 1) + u" %"_s;
    case ColumnType::Number:
        return locale.toString(value.toDouble(), 'f', 1);
    }
    return {};
}

QString plainText(const QVariant &value, ColumnType type)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (type) {
    case ColumnType::Text:
        return value.toString();
    case ColumnType::Integer:
        return QString::number(value.toLongLong());
    case ColumnType::Money: {
        const qint64 cents = value.toLongLong();
        const qint64 magnitude = cents < 0 ? -cents : cents;
        return (cents < 0 ? u"-"_s : QString()) + QString::number(magnitude / 100) + u'.'
            + QString::number(magnitude % 100).rightJustified(2, u'0');
    }
    case ColumnType::Date:
        return value.toDate().toString(Qt::ISODate);
    case ColumnType::Percent:
        return QString::number(value.toDouble(), 'f', 4);
    case ColumnType::Number:
        return QString::number(value.toDouble(), 'f', 2);
    }
    return {};
}

} // namespace rcm::reports
