// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/workitem.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace rcm::reports {

/// What a column holds, so that every renderer writes it as what it is: a spreadsheet gets
/// numbers, currency and dates as such, never as text.
enum class ColumnType {
    Text,
    Integer, ///< qint64
    Money, ///< qint64 cents
    Date, ///< QDate
    Percent, ///< double, a fraction: 0.25 is 25 %
    Number, ///< double (a median in days, say)
};

/// How a column's total is made.
enum class TotalKind {
    None, ///< no total
    Sum, ///< the sum of the column (Integer, Money, Number)
    Computed, ///< a figure the report computes (a rate over the whole, not a sum of rates)
};

struct ReportColumn
{
    QString key; ///< stable, for JSON and CSV headers: "open_dollars"
    QString title; ///< shown: "Open dollars"
    ColumnType type = ColumnType::Text;
    TotalKind total = TotalKind::None;
};

/// One measure's definition, as an auditor reads it: what is counted, over what, from
/// which date, and the industry definition it follows where there is one.
struct ReportDefinition
{
    QString measure; ///< "Denial rate"
    QString definition; ///< numerator, denominator and date basis in words
    QString standard; ///< "HFMA MAP Key AR-5 (remittance denial rate)", or empty
};

/// What a report is run for. Empty fields do not narrow it.
struct ReportParameters
{
    QDate from; ///< first day of the period
    QDate to; ///< last day of the period
    QString payerId;
    QString facility;
    /// One queue only (the cache's reports and the dashboard; the gateway's reports take none).
    std::optional<models::Queue> queue;

    bool operator==(const ReportParameters &) const = default;
    /// The parameters as an auditor reads them, label and value.
    QList<std::pair<QString, QString>> described() const;
    /// As the API's query (from, to, payer, facility), for the gateway and the export register.
    QJsonObject toJson() const;
    static ReportParameters fromJson(const QJsonObject &json);
};

/// A report computed once: typed columns, rows, totals, parameters, the data's as-of time
/// and every measure's definition. Every renderer (CSV, XLSX, PDF, a chart) draws from this
/// one result, so the figures cannot differ between formats.
struct ReportResult
{
    QString name; ///< "open-work"
    QString title; ///< "Open work by queue and age"
    QString dateBasis; ///< which date ages and periods are taken from, in words
    ReportParameters parameters;
    QDateTime asOf; ///< when the data was last up to date (the last sync, or the gateway's now)
    QDateTime generatedAt;
    QString generatedBy; ///< the user's display name, or empty
    QList<ReportColumn> columns;
    QList<QVariantList> rows; ///< one value per column, typed as the column says; invalid: empty
    QVariantList totals; ///< one value per column (invalid where none); empty: no totals row
    QList<ReportDefinition> definitions;

    bool hasTotals() const { return !totals.isEmpty(); }
    int columnIndex(const QString &key) const;

    /// The result as the gateway sends it (GET /v1/reports/{name}): money in cents, dates
    /// ISO 8601, percents as fractions.
    QJsonObject toJson() const;
    /// Reads what toJson() wrote; nothing if it is not a report.
    static std::optional<ReportResult> fromJson(const QJsonObject &json, QString *error = nullptr);
};

/// A cell as text for a person (CSV keeps numbers plain; this is for PDF and screens):
/// money with a currency sign and separators, percents with one decimal.
QString displayText(const QVariant &value, ColumnType type);
/// A cell as plain text for a machine: money as 1234.56, dates ISO, percents as 0.2500.
QString plainText(const QVariant &value, ColumnType type);

} // namespace rcm::reports
