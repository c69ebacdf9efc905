// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reports/reportresult.h"

#include <QDateTime>

// Reports the renderers' tests draw: every column type, a total of each kind, a payer
// name with a comma, one that looks like a formula, a negative amount and empty cells.
namespace rcm::reports::samples {

using namespace Qt::Literals::StringLiterals;

inline ReportResult denialsByPayer()
{
    ReportResult result;
    result.name = u"denials-by-payer"_s;
    result.title = u"Denials by payer"_s;
    result.dateBasis = u"Claims adjudicated in the period, by the remittance's payment date"_s;
    result.parameters = {QDate(2026, 1, 1), QDate(2026, 1, 31), QString(), u"North Clinic"_s, std::nullopt};
    result.asOf = QDateTime(QDate(2026, 2, 1), QTime(6, 30), Qt::UTC);
    result.generatedAt = QDateTime(QDate(2026, 2, 2), QTime(14, 5), Qt::UTC);
    result.generatedBy = u"Dana Cole"_s;
    result.columns = {
        {u"payer"_s, u"Payer"_s, ColumnType::Text, TotalKind::None},
        {u"denied_claims"_s, u"Denied claims"_s, ColumnType::Integer, TotalKind::Sum},
        {u"denied_dollars"_s, u"Denied dollars"_s, ColumnType::Money, TotalKind::Sum},
        {u"first_denial"_s, u"First denial"_s, ColumnType::Date, TotalKind::None},
        {u"denial_rate"_s, u"Denial rate"_s, ColumnType::Percent, TotalKind::Computed},
        {u"median_days"_s, u"Median days to deny"_s, ColumnType::Number, TotalKind::None},
    };
    result.rows = {
        {u"Seguros Peña"_s, qint64(12), qint64(345678), QDate(2026, 1, 5), 0.125, 14.5},
        {u"Blue Cross, Blue Shield"_s, qint64(7), qint64(120000), QDate(2026, 1, 9), 0.08333, 9.0},
        {u"=HYPERLINK(\"http://x\")"_s, qint64(1), qint64(-2500), QVariant(), 0.5, QVariant()},
    };
    // 20 claims, $4,631.78; the rate is over all claims adjudicated (200), not a sum of rates.
    result.totals = {QVariant(), qint64(20), qint64(463178), QVariant(), 0.1, QVariant()};
    result.definitions = {
        {u"Denial rate"_s,
         u"Claims with at least one denied line in the period, over all claims adjudicated in the period, "
         "counted from the remittances (835) by payment date."_s,
         u"HFMA MAP Keys: remit-based denial rate"_s},
        {u"Median days to deny"_s, u"From the claim's submission to the remittance that denied it."_s, QString()},
    };
    return result;
}

/// The same report for many payers, to run over pages; totals follow the rows.
inline ReportResult manyPayers(int payers)
{
    ReportResult result = denialsByPayer();
    result.rows.clear();
    qint64 claims = 0;
    qint64 cents = 0;
    for (int index = 0; index < payers; ++index) {
        const qint64 rowClaims = 1 + index % 17;
        const qint64 rowCents = 10000 + qint64(index) * 12345;
        const QString payer = index % 10 == 3
            ? u"Regional Health Plan of the Northern Counties, Medicare Advantage "
              "products including the dual-eligible special needs plan %1"_s.arg(index)
            : u"Payer %1"_s.arg(index);
        result.rows.append({payer, rowClaims, rowCents, QDate(2026, 1, 1).addDays(index % 31),
                            0.05 + (index % 9) / 100.0, double(5 + index % 20)});
        claims += rowClaims;
        cents += rowCents;
    }
    result.totals = {QVariant(), claims, cents, QVariant(), 0.09, QVariant()};
    return result;
}

/// A report with twelve money columns, monthly amounts growing by centsPerMonth: too wide to
/// stand on a page.
inline ReportResult wideReport(qint64 centsPerMonth = 1234567)
{
    ReportResult result = denialsByPayer();
    result.columns = {{u"queue"_s, u"Queue"_s, ColumnType::Text, TotalKind::None}};
    for (int month = 1; month <= 12; ++month) {
        result.columns.append({u"open_%1"_s.arg(month), QDate(2025, month, 1).toString(u"'Open dollars' MMM yyyy"_s),
                               ColumnType::Money, TotalKind::Sum});
    }
    result.rows.clear();
    for (const QString &queue : {u"Denials"_s, u"Authorizations"_s, u"Remittance-exceptions-awaiting-review"_s}) {
        QVariantList row {queue};
        for (int month = 1; month <= 12; ++month)
            row.append(month * centsPerMonth);
        result.rows.append(row);
    }
    result.totals = {QVariant()};
    for (int month = 1; month <= 12; ++month)
        result.totals.append(month * 3 * centsPerMonth);
    return result;
}

} // namespace rcm::reports::samples
