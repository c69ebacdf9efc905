// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"

#include <QByteArrayView>
#include <QDate>

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

} // namespace rcm::x12
