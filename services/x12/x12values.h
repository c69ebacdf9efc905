// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"

#include <QByteArrayView>
#include <QDate>
#include <QtEndian>

#include <cstring>
#include <optional>

namespace rcm::x12 {

/// X12 element values: an amount (R type: "391.05", "-12.5", "100"; at most two decimals,
/// since money is exact to the cent), a decimal number and a CCYYMMDD date. Each returns
/// nothing for text that is not one, so the caller can report it instead of guessing.
/// At most the first length bytes of value, for quoting a bad value in a message.
inline QByteArrayView clipped(QByteArrayView value, qsizetype length)
{
    return value.first(std::min(length, value.size()));
}

std::optional<models::Money> parseAmount(QByteArrayView text);
std::optional<double> parseDecimal(QByteArrayView text);
std::optional<QDate> parseDate(QByteArrayView text);
/// parseAmount(text) into cents: false when it is not an amount.
bool parseAmountCents(QByteArrayView text, qint64 &cents);

/// parseAmount(text) into cents, for text followed by at least 8 readable bytes (a
/// Segment's elements are): false when it is not an amount. The usual "1920.90" (up to
/// eight whole digits, two decimals, perhaps a minus) is checked and converted as one word
/// (SWAR) rather than digit by digit; anything else goes to parseAmount. A bool and cents,
/// not an optional: returning one stalls every caller on a store-to-load forward.
/// (Inline, so that the caller's amount is read where it is used.)
inline bool parsePaddedAmount(QByteArrayView text, qint64 &cents)
{
    if (text.isEmpty())
        return false;
    const char *bytes = text.data();
    qsizetype size = text.size();
    const bool negative = bytes[0] == '-';
    bytes += negative;
    size -= negative;
    const qsizetype whole = size - 3;
    if (whole < 1 || whole > 8 || bytes[whole] != '.')
        return parseAmountCents(text, cents);
    const unsigned tenths = unsigned(bytes[whole + 1]) - '0';
    const unsigned hundredths = unsigned(bytes[whole + 2]) - '0';
    quint64 word;
    std::memcpy(&word, bytes, sizeof word);
    // Byte i holds character i, whatever the machine's byte order.
    const quint64 digits = qFromLittleEndian(word) - 0x3030303030303030ULL;
    const quint64 ours = whole == 8 ? ~quint64(0) : (quint64(1) << (8 * whole)) - 1;
    // A byte is a digit when neither it nor it plus 0x76 has its high bit set; the bytes
    // past the whole digits are not ours.
    if ((((digits + 0x7676767676767676ULL) | digits) & 0x8080808080808080ULL & ours) != 0 || tenths > 9
        || hundredths > 9)
        return parseAmountCents(text, cents);
    // The digits moved to the top bytes (leading zeros below), then pairs, fours and eights
    // combined: byte 0 is the most significant digit.
    quint64 number = (digits & ours) << (8 * (8 - whole));
    number = number * 10 + (number >> 8);
    number = ((number & 0x00FF00FF00FF00FFULL) * (1 + (quint64(100) << 16))) >> 16;
    number = ((number & 0x0000FFFF0000FFFFULL) * (1 + (quint64(10000) << 32))) >> 32;
    const auto value = qint64(number * 100 + tenths * 10 + hundredths);
    cents = negative ? -value : value;
    return true;
}

} // namespace rcm::x12
