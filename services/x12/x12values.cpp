// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/x12values.h"

#include <array>
#include <charconv>

namespace rcm::x12 {

std::optional<models::Money> parseAmount(QByteArrayView text)
{
    // Every amount of a file goes through here, so in one pass and few branches.
    const char *position = text.data();
    const char *const end = position + text.size();
    const bool negative = position != end && *position == '-';
    if (negative)
        ++position;
    const char *const wholeStart = position;
    quint64 whole = 0; // unsigned: a run of digits too long wraps harmlessly before it is refused
    for (unsigned digit; position != end && (digit = unsigned(*position) - '0') < 10; ++position)
        whole = whole * 10 + digit;
    // A trillion dollars: no payment is that large, and cents must not overflow.
    constexpr qsizetype maxWholeDigits = 15;
    const qsizetype wholeDigits = position - wholeStart;
    if (wholeDigits > maxWholeDigits)
        return std::nullopt;
    quint64 fraction = 0;
    if (position != end) {
        // One or two decimals and nothing after; "7." is not an amount, as Money::fromString agrees.
        const qsizetype decimals = end - position - 1;
        if (*position != '.' || decimals < 1 || decimals > 2)
            return std::nullopt;
        const unsigned tenths = unsigned(position[1]) - '0';
        const unsigned hundredths = decimals == 2 ? unsigned(position[2]) - '0' : 0;
        if (tenths > 9 || hundredths > 9)
            return std::nullopt;
        fraction = tenths * 10 + hundredths;
    } else if (wholeDigits == 0) {
        return std::nullopt;
    }
    const auto cents = qint64(whole * 100 + fraction);
    return models::Money::fromCents(negative ? -cents : cents);
}

bool parseAmountCents(QByteArrayView text, qint64 &cents)
{
    const std::optional<models::Money> parsed = parseAmount(text);
    if (parsed)
        cents = parsed->cents();
    return parsed.has_value();
}

std::optional<double> parseDecimal(QByteArrayView text)
{
    if (text.isEmpty() || text[0] == '+')
        return std::nullopt;
    // The usual value ("1", "2.5") at once: at most 15 digits are exact in a double, as is
    // a power of ten up to 10^15, so their quotient is the correctly rounded value
    // from_chars gives too. Anything else goes to from_chars.
    const char *position = text.data();
    const char *const end = position + text.size();
    const bool negative = *position == '-';
    if (negative)
        ++position;
    quint64 mantissa = 0;
    int digits = 0;
    for (; position != end && unsigned(*position - '0') < 10 && digits < 16; ++position, ++digits)
        mantissa = mantissa * 10 + quint64(*position - '0');
    const int wholeDigits = digits;
    int fractionDigits = 0;
    bool simple = wholeDigits > 0;
    if (simple && position != end && *position == '.') {
        ++position;
        for (; position != end && unsigned(*position - '0') < 10 && digits < 16; ++position, ++digits, ++fractionDigits)
            mantissa = mantissa * 10 + quint64(*position - '0');
        simple = fractionDigits > 0; // "1." is left to from_chars
    }
    if (simple && position == end && digits <= 15) {
        static constexpr std::array<double, 16> powers
            = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        const double value = double(mantissa) / powers[std::size_t(fractionDigits)];
        return negative ? -value : value;
    }
    double value = 0;
    const auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
    if (error != std::errc() || stop != end)
        return std::nullopt;
    return value;
}

std::optional<QDate> parseDate(QByteArrayView text)
{
    if (text.size() != 8)
        return std::nullopt;
    int digits[8];
    for (int index = 0; index < 8; ++index) {
        const char c = text[index];
        if (c < '0' || c > '9')
            return std::nullopt;
        digits[index] = c - '0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const int month = digits[4] * 10 + digits[5];
    const int day = digits[6] * 10 + digits[7];
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

} // namespace rcm::x12
