// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// What the gateway's report queries share: the scope a report is computed over, SQL
// built with its values in order, and the expressions every report reads the audit log
// with. Internal to the gateway's reports (gatewayreports.cpp and one file per report).

#include "services/reports/reportresult.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariantList>

#include <optional>

namespace rcm::server {

/// What one report is computed over: the parameters, and the one user whose work it is
/// limited to (empty: the whole report, for supervisors and finance).
struct ReportScope
{
    reports::ReportParameters parameters;
    QString ownerId;

    bool isWhole() const { return ownerId.isEmpty(); }
};

/// An SQL statement and its positional values, appended together so that every value is
/// bound where its placeholder is. Filters that were not asked for add no SQL at all.
class ReportSql final
{
public:
    explicit ReportSql(QString text = {})
        : m_text(std::move(text))
    { }

    ReportSql &operator<<(const QString &text);
    /// Text with one placeholder and its value.
    ReportSql &bind(const QString &text, const QVariant &value);
    /// " AND <timestamp or date> within the period": from its first day to its last, whole.
    ReportSql &period(const QString &expression, const ReportScope &scope);
    /// " AND <expression> before the end of the period" (or nothing without an end).
    ReportSql &until(const QString &expression, const ReportScope &scope);
    /// " AND" the work item (alias) is the payer's and facility's asked for.
    ReportSql &itemFilters(const QString &alias, const ReportScope &scope);
    /// " AND" the work item (alias) is owned by the scope's user, when the scope is not whole.
    ReportSql &ownedBy(const QString &alias, const ReportScope &scope);
    /// " AND" the remittance (alias) is one the remittance reports cover: paid in the period
    /// (remittanceDaySql), of the payer and facility asked for, and, when the scope is not
    /// whole, one the scope's user posted or with an exception item they own.
    ReportSql &remittanceSelection(const QString &alias, const ReportScope &scope);

    const QString &text() const { return m_text; }
    /// Runs it forward-only; nothing and the error if it fails.
    std::optional<QSqlQuery> run(store::Database &database, store::StoreError *error) const;

private:
    QString m_text;
    QVariantList m_values;
};

/// The day a remittance (alias) counts on: its payment date (BPR16), else the UTC day the
/// gateway received it.
QString remittanceDaySql(const QString &remittanceAlias);
/// The cents of a write-off request's amount ("125.00") in an audit entry's details.
QString amountCentsSql(const QString &detailsColumn);
/// The write-off approved by an approve_writeoff audit entry (alias): the amount of the
/// request it answers, the one right before it on the item. Approval lowers the balance by
/// it (ActionPolicy::apply; a request is never above the balance, which nothing else
/// changes while it waits).
QString approvedWriteOffSql(const QString &approvalAlias);
/// The balance a work item (itemAlias) carried just before an audit entry (eventAlias):
/// its balance now plus every write-off approved at or after that entry, the only action
/// that changes a balance.
QString balanceBeforeSql(const QString &eventAlias, const QString &itemAlias);
/// Per work item: the write-offs approved on it in all (work_item_id, cents).
QString writeOffsByItemSql();

/// A fraction, or nothing (an empty cell) when there is nothing to divide by.
QVariant fraction(qint64 numerator, qint64 denominator);
/// Display names by id (users, payers), for the rows; ids stay in the SQL.
QHash<QString, QString> namesById(store::Database &database, const QString &table, const QString &nameColumn);

// One function per report, each in a file of its own, called by GatewayReports inside one
// read transaction. Each fills in what it computes (name, title, date basis, columns, rows,
// totals, definitions); the caller adds the parameters, the times and who asked.
reports::ReportResult denialsReport(store::Database &database, const ReportScope &scope, store::StoreError *error);
reports::ReportResult productivityReport(store::Database &database, const ReportScope &scope, store::StoreError *error);
reports::ReportResult writeOffsReport(store::Database &database, const ReportScope &scope, store::StoreError *error);
reports::ReportResult reconciliationReport(store::Database &database, const ReportScope &scope,
                                           store::StoreError *error);
reports::ReportResult providerAdjustmentsReport(store::Database &database, const ReportScope &scope,
                                                store::StoreError *error);
reports::ReportResult openDollarsReport(store::Database &database, const ReportScope &scope, store::StoreError *error);
reports::ReportResult remittanceExceptionsReport(store::Database &database, const ReportScope &scope,
                                                 store::StoreError *error);

} // namespace rcm::server
