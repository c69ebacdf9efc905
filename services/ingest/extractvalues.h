// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace rcm::ingest {

/// Reads an amount the way extracts and spreadsheets write it: "$1,234.56", "1234.5",
/// "(12.00)" and "-$12.00" (negative), " 12 ". Thousands separators must group by three;
/// more than two decimals, a decimal comma or any other text is not an amount.
std::optional<models::Money> amountFromText(QStringView text);

/// The date text reads as in the first of formats that fits (QDate::fromString formats);
/// an invalid QDate when none does.
QDate dateFromText(QStringView text, const QStringList &formats);

/// Why a date format cannot be used for an extract, or an empty string when it can. A
/// two-digit year is refused: Qt reads "yy" as 1900-1999, so "03/15/26" would be 1926.
QString dateFormatProblem(const QString &format);

} // namespace rcm::ingest
