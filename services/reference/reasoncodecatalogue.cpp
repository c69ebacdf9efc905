// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reference/reasoncodecatalogue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reference {

namespace {

QString keyOf(ReasonCode::Kind kind, const QString &code)
{
    return (kind == ReasonCode::Kind::Carc ? u"carc:"_s : u"rarc:"_s) + code;
}

/// A date field is null (not recorded) or YYYY-MM-DD; anything else is a typing slip in the
/// file, refused rather than read as "not recorded".
bool readDate(const QJsonObject &entry, const QString &field, QDate *date)
{
    const QJsonValue value = entry[field];
    if (value.isNull() || value.isUndefined())
        return true;
    *date = QDate::fromString(value.toString(), Qt::ISODate);
    return date->isValid();
}

} // namespace

ReasonCodeCatalogue ReasonCodeCatalogue::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return ReasonCodeCatalogue();
    };
    if (parseError.error != QJsonParseError::NoError)
        return fail(u"not JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    const QJsonArray families = document[u"families"_s].toArray();
    const QJsonArray codes = document[u"codes"_s].toArray();
    if (codes.isEmpty())
        return fail(u"no \"codes\""_s);
    ReasonCodeCatalogue catalogue;
    for (const QJsonValue &value : codes) {
        const QJsonObject entry = value.toObject();
        ReasonCode code;
        const QString kind = entry[u"kind"_s].toString();
        if (kind != u"carc"_s && kind != u"rarc"_s)
            return fail(u"entry %1: kind must be carc or rarc"_s.arg(catalogue.m_codes.size() + 1));
        code.kind = kind == u"carc"_s ? ReasonCode::Kind::Carc : ReasonCode::Kind::Rarc;
        code.code = entry[u"code"_s].toString();
        code.family = entry[u"family"_s].toString();
        code.description = entry[u"description"_s].toString();
        for (const auto &[field, date] :
             {std::pair {u"start"_s, &code.start}, std::pair {u"modified"_s, &code.modified},
              std::pair {u"stop"_s, &code.stop}}) {
            if (!readDate(entry, field, date))
                return fail(u"%1 %2 has a %3 date that is not YYYY-MM-DD"_s.arg(kind, code.code, field));
        }
        if (code.code.isEmpty() || code.description.isEmpty())
            return fail(u"entry %1 has no code or description"_s.arg(catalogue.m_codes.size() + 1));
        if (!families.contains(QJsonValue(code.family)))
            return fail(u"%1 %2 has an unknown family \"%3\""_s.arg(kind, code.code, code.family));
        const QString key = keyOf(code.kind, code.code);
        if (catalogue.m_index.contains(key))
            return fail(u"%1 %2 is listed twice"_s.arg(kind, code.code));
        catalogue.m_index.insert(key, catalogue.m_codes.size());
        catalogue.m_codes.append(code);
    }
    return catalogue;
}

const ReasonCodeCatalogue &ReasonCodeCatalogue::builtIn()
{
    static const ReasonCodeCatalogue catalogue = [] {
        QFile file(u":/reference/reason-codes.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("The built-in reason-code catalogue is missing from the program");
        QString error;
        ReasonCodeCatalogue loaded = fromJson(file.readAll(), &error);
        if (!error.isEmpty())
            qFatal("The built-in reason-code catalogue is invalid: %s", qPrintable(error));
        return loaded;
    }();
    return catalogue;
}

std::optional<ReasonCode> ReasonCodeCatalogue::find(ReasonCode::Kind kind, const QString &code) const
{
    const auto position = m_index.constFind(keyOf(kind, code));
    if (position == m_index.constEnd())
        return std::nullopt;
    return m_codes.at(*position);
}

} // namespace rcm::reference
