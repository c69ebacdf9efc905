// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/money.h"

#include <limits>

namespace rcm::models {

std::optional<Money> Money::fromString(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    bool negative = false;
    qsizetype position = 0;
    if (text.front() == u'-' || text.front() == u'+') {
        negative = text.front() == u'-';
        ++position;
    }
    qint64 whole = 0;
    qsizetype wholeDigits = 0;
    constexpr qint64 limit = std::numeric_limits<qint64>::max() / 1000;
    for (; position < text.size() && text[position].isDigit(); ++position, ++wholeDigits) {
        if (whole > limit)
            return std::nullopt;
        whole = whole * 10 + text[position].digitValue();
    }
    qint64 fraction = 0;
    qsizetype fractionDigits = 0;
    if (position < text.size() && text[position] == u'.') {
        ++position;
        for (; position < text.size() && text[position].isDigit(); ++position, ++fractionDigits) {
            if (fractionDigits == 2)
                return std::nullopt;
            fraction = fraction * 10 + text[position].digitValue();
        }
        if (fractionDigits == 0)
            return std::nullopt;
    }
    if (position != text.size() || (wholeDigits == 0 && fractionDigits == 0))
        return std::nullopt;
    if (fractionDigits == 1)
        fraction *= 10;
    const qint64 cents = whole * 100 + fraction;
    return Money::fromCents(negative ? -cents : cents);
}

QString Money::toString() const
{
    const bool negative = m_cents < 0;
    // Work in unsigned space so that the most negative value does not overflow.
    const quint64 magnitude = negative ? quint64(0) - quint64(m_cents) : quint64(m_cents);
    QString result = QString::number(magnitude / 100) + u'.' + QString::number(magnitude % 100).rightJustified(2, u'0');
    return negative ? u'-' + result : result;
}

} // namespace rcm::models
