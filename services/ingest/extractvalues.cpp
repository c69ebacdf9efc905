// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/ingest/extractvalues.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::ingest {

namespace {

bool isDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !text.isEmpty();
}

/// "1,234,567" grouped by three after a first group of one to three digits.
bool isGroupedByThousands(QStringView whole)
{
    const QList<QStringView> groups = whole.split(u',');
    if (groups.front().size() > 3 || !isDigits(groups.front()))
        return false;
    for (qsizetype index = 1; index < groups.size(); ++index) {
        if (groups.at(index).size() != 3 || !isDigits(groups.at(index)))
            return false;
    }
    return true;
}

} // namespace

std::optional<models::Money> amountFromText(QStringView text)
{
    QStringView rest = text.trimmed();
    bool negative = false;
    if (rest.startsWith(u'(') && rest.endsWith(u')')) {
        negative = true;
        rest = rest.sliced(1, rest.size() - 2).trimmed();
    }
    bool hasSign = false;
    const auto takeSign = [&] {
        if (rest.startsWith(u'-') || rest.startsWith(u'+')) {
            if (hasSign || negative)
                return false; // "--1", "(-1)"
            hasSign = true;
            negative = rest.front() == u'-';
            rest = rest.sliced(1);
        }
        return true;
    };
    if (!takeSign())
        return std::nullopt;
    if (rest.startsWith(u'$'))
        rest = rest.sliced(1);
    if (!takeSign())
        return std::nullopt;

    QString plain = rest.toString();
    if (rest.contains(u',')) {
        const qsizetype point = rest.indexOf(u'.');
        if (!isGroupedByThousands(point < 0 ? rest : rest.first(point)))
            return std::nullopt;
        plain.remove(u',');
    }
    if (plain.startsWith(u'-') || plain.startsWith(u'+'))
        return std::nullopt; // the sign was taken above; another one is not an amount
    const std::optional<models::Money> amount = models::Money::fromString(plain);
    if (!amount)
        return std::nullopt;
    return negative ? -*amount : *amount;
}

QDate dateFromText(QStringView text, const QStringList &formats)
{
    const QString trimmed = text.trimmed().toString();
    for (const QString &format : formats) {
        const QDate date = QDate::fromString(trimmed, format);
        if (date.isValid())
            return date;
    }
    return {};
}

QString dateFormatProblem(const QString &format)
{
    if (!format.contains(u"yyyy"_s)) {
        if (format.contains(u"yy"_s))
            return u"\"%1\" has a two-digit year, which Qt reads as 19xx: use yyyy"_s.arg(format);
        return u"\"%1\" has no year (yyyy)"_s.arg(format);
    }
    if (!format.contains(u'M'))
        return u"\"%1\" has no month (M or MM)"_s.arg(format);
    if (!format.contains(u'd'))
        return u"\"%1\" has no day (d or dd)"_s.arg(format);
    return {};
}

} // namespace rcm::ingest
