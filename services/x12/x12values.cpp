#include "services/x12/x12values.h"

#include <charconv>

namespace rcm::x12 {

std::optional<models::Money> parseAmount(QByteArrayView text)
{
    qsizetype position = 0;
    const qsizetype size = text.size();
    const bool negative = size > 0 && text[0] == '-';
    if (negative)
        ++position;
    qint64 whole = 0;
    int wholeDigits = 0;
    for (; position < size && text[position] >= '0' && text[position] <= '9'; ++position, ++wholeDigits) {
        if (wholeDigits == 15) // a trillion dollars: no payment is that large, and cents must not overflow
            return std::nullopt;
        whole = whole * 10 + (text[position] - '0');
    }
    qint64 fraction = 0;
    int fractionDigits = 0;
    if (position < size && text[position] == '.') {
        ++position;
        for (; position < size && text[position] >= '0' && text[position] <= '9'; ++position, ++fractionDigits) {
            if (fractionDigits == 2)
                return std::nullopt;
            fraction = fraction * 10 + (text[position] - '0');
        }
        if (fractionDigits == 0) // "7." is not an amount, as Money::fromString agrees
            return std::nullopt;
    }
    if (position != size || wholeDigits + fractionDigits == 0)
        return std::nullopt;
    if (fractionDigits == 1)
        fraction *= 10;
    const qint64 cents = whole * 100 + fraction;
    return models::Money::fromCents(negative ? -cents : cents);
}

std::optional<double> parseDecimal(QByteArrayView text)
{
    if (text.isEmpty() || text[0] == '+')
        return std::nullopt;
    double value = 0;
    const char *end = text.data() + text.size();
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
