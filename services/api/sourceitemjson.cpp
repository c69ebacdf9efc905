// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/sourceitemjson.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>
#include <array>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

using namespace rcm::models;

namespace {

constexpr qsizetype maximumTextLength = 200;
constexpr qsizetype maximumReasonLength = 1000;
constexpr qsizetype maximumRemarkCodes = 20;

constexpr std::array knownFields {
    "externalId",
    "status",
    "closeReason",
    "queue",
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
    "dueDate",
    "priority",
};

bool isIdCharacter(QChar c, bool allowColon)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_'
        || c == u'-' || (allowColon && c == u':');
}

bool isIdentifier(QStringView text, qsizetype maximum, bool allowColon)
{
    return !text.isEmpty() && text.size() <= maximum
        && std::all_of(text.begin(), text.end(), [&](QChar c) { return isIdCharacter(c, allowColon); });
}

/// Reads the fields a source may send, remembering the first problem. A field that is
/// absent stays std::nullopt; one sent as null becomes an empty value (cleared).
class SourceFieldReader final
{
public:
    /// values: the object's values by position in knownFields (undefined where absent).
    explicit SourceFieldReader(const std::array<QJsonValue, knownFields.size()> &values)
        : m_values(values)
    { }

    std::optional<QString> text(const char *name, qsizetype maximum = maximumTextLength)
    {
        const QJsonValue &value = valueOf(name);
        if (value.isUndefined())
            return std::nullopt;
        if (value.isNull())
            return QString();
        if (!value.isString()) {
            fail(name, u"must be a string"_s);
            return std::nullopt;
        }
        const QString trimmed = value.toString().trimmed();
        if (trimmed.size() > maximum)
            fail(name, u"may be at most %1 characters"_s.arg(maximum));
        // Unicode's control characters (Cc) are exactly these two ranges.
        if (std::any_of(trimmed.begin(), trimmed.end(),
                        [](QChar c) { return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0); }))
            fail(name, u"must not hold control characters"_s);
        return trimmed;
    }

    std::optional<QDate> date(const char *name)
    {
        const std::optional<QString> value = text(name);
        if (!value || value->isEmpty())
            return value ? std::optional(QDate()) : std::nullopt;
        const QDate date = QDate::fromString(*value, Qt::ISODate);
        if (!date.isValid() || value->size() != 10)
            fail(name, u"must be a date like 2026-11-27, not \"%1\""_s.arg(*value));
        return date;
    }

    std::optional<Money> money(const char *name)
    {
        const QJsonValue &value = valueOf(name);
        if (value.isUndefined())
            return std::nullopt;
        std::optional<Money> money;
        if (value.isString())
            money = Money::fromString(value.toString().trimmed());
        else if (value.isDouble())
            money = Money::fromString(QString::number(value.toDouble(), 'f', 2));
        if (!money || !money->isWithinCap()) {
            fail(name, u"must be a decimal amount like \"391.05\" within $99,999,999.99"_s);
            return std::nullopt;
        }
        return money;
    }

    template<typename Enum>
    std::optional<Enum> enumeration(const char *name)
    {
        const QJsonValue &value = valueOf(name);
        if (value.isUndefined())
            return std::nullopt;
        const std::optional<Enum> parsed = value.isString() ? fromWireName<Enum>(value.toString()) : std::nullopt;
        if (!parsed) {
            QStringList known;
            for (Enum each : allValues<Enum>())
                known << QString(wireName(each));
            fail(name, u"must be one of %1"_s.arg(known.join(u", "_s)));
        }
        return parsed;
    }

    std::optional<QStringList> codes(const char *name)
    {
        const QJsonValue &value = valueOf(name);
        if (value.isUndefined())
            return std::nullopt;
        if (value.isNull())
            return QStringList();
        QStringList result;
        const QJsonArray array = value.toArray();
        bool valid = value.isArray() && array.size() <= maximumRemarkCodes;
        for (const QJsonValue &entry : array) {
            const QString code = entry.toString().trimmed();
            valid = valid && entry.isString() && isIdentifier(code, 10, false);
            result << code;
        }
        if (!valid)
            fail(name, u"must be an array of at most %1 codes like \"N54\""_s.arg(maximumRemarkCodes));
        return result;
    }

    void fail(const char *name, const QString &problem)
    {
        if (m_error.isEmpty())
            m_error = QLatin1StringView(name) + u' ' + problem;
    }
    const QString &error() const { return m_error; }

private:
    const QJsonValue &valueOf(const char *name) const
    {
        for (size_t index = 0; index < knownFields.size(); ++index) {
            if (std::strcmp(knownFields[index], name) == 0)
                return m_values[index];
        }
        Q_UNREACHABLE();
    }

    const std::array<QJsonValue, knownFields.size()> &m_values;
    QString m_error;
};

template<typename T>
void assign(const std::optional<T> &given, T &field, const char *name, QStringList &changed)
{
    if (given && *given != field) {
        field = *given;
        changed << QLatin1StringView(name);
    }
}

} // namespace

bool isValidSourceName(QStringView name)
{
    return isIdentifier(name, 32, false);
}

bool isValidExternalId(QStringView id)
{
    return isIdentifier(id, 64, true);
}

std::optional<SourceItem> sourceItemFromJson(const QJsonObject &object, QString *error, const QString &externalId)
{
    // One pass over the object (its lookups by name would each scan its keys).
    static const QHash<QString, size_t> positions = [] {
        QHash<QString, size_t> byName;
        for (size_t index = 0; index < knownFields.size(); ++index)
            byName.insert(QString::fromLatin1(knownFields[index]), index);
        return byName;
    }();
    std::array<QJsonValue, knownFields.size()> values;
    values.fill(QJsonValue(QJsonValue::Undefined));
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto position = positions.constFind(it.key());
        if (position == positions.cend()) {
            *error = u"%1 is not a field a source sends (the workbench owns owner, status once taken, notes "
                     "and history)"_s.arg(it.key());
            return std::nullopt;
        }
        values[*position] = it.value();
    }
    SourceFieldReader read(values);
    SourceItem item;
    const std::optional<QString> id = read.text("externalId", 64);
    if (!externalId.isEmpty() && id && *id != externalId)
        read.fail("externalId", u"\"%1\" differs from the one in the path, \"%2\""_s.arg(*id, externalId));
    item.externalId = externalId.isEmpty() ? id.value_or(QString()) : externalId;
    if (read.error().isEmpty() && !isValidExternalId(item.externalId)) {
        read.fail("externalId",
                  item.externalId.isEmpty() ? u"is required"_s
                                            : u"must be 1 to 64 letters, digits, \".\", \"_\", \":\" or \"-\""_s);
    }
    const std::optional<QString> status = read.text("status");
    if (status && !status->isEmpty() && *status != u"open"_s && *status != u"closed"_s)
        read.fail("status", u"must be \"open\" or \"closed\" (the source's own status of the item)"_s);
    if (status && !status->isEmpty())
        item.closed = *status == u"closed"_s;
    item.closeReason = read.text("closeReason", maximumReasonLength).value_or(QString());
    item.queue = read.enumeration<Queue>("queue");
    item.claimNumber = read.text("claimNumber");
    item.accountNumber = read.text("accountNumber");
    item.patientDisplayName = read.text("patientDisplayName");
    item.payerId = read.text("payerId");
    item.payerName = read.text("payerName");
    item.facilityId = read.text("facilityId");
    item.serviceFrom = read.date("serviceFrom");
    item.serviceTo = read.date("serviceTo");
    item.billed = read.money("billed");
    item.balance = read.money("balance");
    item.atRisk = read.money("atRisk");
    item.groupCode = read.text("groupCode", 2);
    if (item.groupCode && !item.groupCode->isEmpty()
        && !QStringList {u"CO"_s, u"PR"_s, u"OA"_s, u"PI"_s, u"CR"_s}.contains(*item.groupCode))
        read.fail("groupCode", u"must be CO, PR, OA, PI or CR"_s);
    item.carc = read.text("carc", 5);
    item.rarcs = read.codes("rarcs");
    item.denialCategory = read.enumeration<DenialCategory>("denialCategory");
    item.timelyFilingDeadline = read.date("timelyFilingDeadline");
    item.appealDeadline = read.date("appealDeadline");
    item.dueDate = read.date("dueDate");
    item.priority = read.enumeration<Priority>("priority");
    if (item.serviceFrom && item.serviceTo && item.serviceFrom->isValid() && item.serviceTo->isValid()
        && *item.serviceTo < *item.serviceFrom)
        read.fail("serviceTo", u"is before serviceFrom"_s);
    // What every item has: it may be changed, never cleared.
    const std::pair<const char *, const std::optional<QString> *> kept[] = {
        {"claimNumber", &item.claimNumber},
        {"accountNumber", &item.accountNumber},
        {"patientDisplayName", &item.patientDisplayName},
        {"payerId", &item.payerId},
        {"payerName", &item.payerName},
        {"facilityId", &item.facilityId},
    };
    for (const auto &[name, value] : kept) {
        if (*value && (*value)->isEmpty())
            read.fail(name, u"cannot be cleared: every item has one"_s);
    }
    if (item.dueDate && !item.dueDate->isValid()) // the gateway fills one in: a null would undo it
        read.fail("dueDate", u"cannot be cleared: every item has one"_s);
    if (!read.error().isEmpty()) {
        *error = read.error();
        return std::nullopt;
    }
    return item;
}

QStringList applySourceFields(const SourceItem &source, WorkItem *item)
{
    QStringList changed;
    assign(source.claimNumber, item->claimNumber, "claimNumber", changed);
    assign(source.accountNumber, item->accountNumber, "accountNumber", changed);
    assign(source.patientDisplayName, item->patientDisplayName, "patientDisplayName", changed);
    assign(source.payerId, item->payerId, "payerId", changed);
    assign(source.payerName, item->payerName, "payerName", changed);
    assign(source.facilityId, item->facilityId, "facilityId", changed);
    assign(source.serviceFrom, item->serviceFrom, "serviceFrom", changed);
    assign(source.serviceTo, item->serviceTo, "serviceTo", changed);
    assign(source.billed, item->billed, "billed", changed);
    assign(source.balance, item->balance, "balance", changed);
    assign(source.atRisk, item->atRisk, "atRisk", changed);
    assign(source.groupCode, item->groupCode, "groupCode", changed);
    assign(source.carc, item->carc, "carc", changed);
    assign(source.rarcs, item->rarcs, "rarcs", changed);
    assign(source.denialCategory, item->denialCategory, "denialCategory", changed);
    assign(source.timelyFilingDeadline, item->timelyFilingDeadline, "timelyFilingDeadline", changed);
    assign(source.appealDeadline, item->appealDeadline, "appealDeadline", changed);
    assign(source.dueDate, item->dueDate, "dueDate", changed);
    assign(source.priority, item->priority, "priority", changed);
    return changed;
}

} // namespace rcm::api
