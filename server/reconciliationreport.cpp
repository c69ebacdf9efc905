// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// remittance-reconciliation: by payment (trace number), what the ERA says was paid, what
// posted to claims, the exceptions it raised and the balance left unposted: the report
// finance ties to the bank deposit.
#include "server/gatewayreportsql.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using reports::ColumnType;
using reports::TotalKind;

namespace {

QList<reports::ReportDefinition> reconciliationDefinitions()
{
    return {
        {u"ERA total"_s,
         u"The payment the 835 announces (BPR02): what the bank deposit or check should carry for this trace number "
         "(TRN02)."_s,
         {}},
        {u"Posted"_s,
         u"The sum of the claim payments (CLP04) that posted to a claim of the gateway's register; reversals "
         "(CLP02 = 22) post negative."_s,
         {}},
        {u"Exceptions, exception dollars"_s,
         u"The exceptions the posting raised (one remittance-queue work item each; a denial also worked in the "
         "denial queue counts once) and the money each put at issue when raised: an underpayment's shortfall, a "
         "denial's unpaid charge, an unmatched claim's payment, a recoupment's amount."_s,
         {}},
        {u"Unposted"_s,
         u"ERA total − posted: claim payments that matched no claim, and provider-level adjustments (PLB) the "
         "gateway does not post yet. Zero when every dollar of the deposit reached a claim."_s,
         {}},
        {u"Rows"_s,
         u"Remittances whose payment date (BPR16; else the day received) falls in the period. A payer or facility "
         "asked for selects the remittances with a claim of that payer or facility (or, for a payer, whose 835 "
         "names it); their amounts stay whole, as the deposit is."_s,
         {}},
    };
}

ReportSql reconciliationSql(const ReportScope &scope)
{
    ReportSql sql(u"SELECT r.trace_number, r.payer_id, "_s + remittanceDaySql(u"r"_s)
                  + u", r.payment_cents, coalesce(p.posted, 0), coalesce(x.exceptions, 0), coalesce(x.cents, 0) "
                    "FROM remittances AS r "
                    "LEFT JOIN (SELECT remittance_id, sum(paid_cents) AS posted FROM claim_payments "
                    "WHERE claim_number IS NOT NULL GROUP BY remittance_id) AS p ON p.remittance_id = r.id "
                    "LEFT JOIN (SELECT e.remittance_id, count(*) AS exceptions, "
                    "sum(i.balance_cents + coalesce(o.cents, 0)) AS cents FROM remittance_exceptions AS e "
                    "JOIN work_items AS i ON i.id = e.work_item_id LEFT JOIN ("_s
                  + writeOffsByItemSql()
                  + u") AS o ON o.work_item_id = i.id WHERE i.queue = 'remittance' GROUP BY e.remittance_id) AS x "
                    "ON x.remittance_id = r.id WHERE 1 = 1"_s);
    sql.remittanceSelection(u"r"_s, scope);
    sql << u" ORDER BY 3, r.trace_number, r.id"_s;
    return sql;
}

} // namespace

reports::ReportResult reconciliationReport(store::Database &database, const ReportScope &scope,
                                           store::StoreError *error)
{
    reports::ReportResult result;
    result.name = u"remittance-reconciliation"_s;
    result.title = u"Remittance reconciliation by payment"_s;
    result.dateBasis = u"The remittance's payment date (BPR16), else the UTC day the gateway received it."_s;
    result.columns = {
        {u"trace_number"_s, u"Trace number"_s, ColumnType::Text, TotalKind::None},
        {u"payer"_s, u"Payer (TRN03)"_s, ColumnType::Text, TotalKind::None},
        {u"payment_date"_s, u"Payment date"_s, ColumnType::Date, TotalKind::None},
        {u"era_total"_s, u"ERA total"_s, ColumnType::Money, TotalKind::Sum},
        {u"posted"_s, u"Posted"_s, ColumnType::Money, TotalKind::Sum},
        {u"exceptions"_s, u"Exceptions"_s, ColumnType::Integer, TotalKind::Sum},
        {u"exception_dollars"_s, u"Exception dollars"_s, ColumnType::Money, TotalKind::Sum},
        {u"unposted"_s, u"Unposted"_s, ColumnType::Money, TotalKind::Sum},
    };
    result.definitions = reconciliationDefinitions();

    std::optional<QSqlQuery> query = reconciliationSql(scope).run(database, error);
    if (!query)
        return result;
    QVariantList totals(result.columns.size());
    for (int column : {3, 4, 5, 6, 7})
        totals[column] = qint64(0);
    while (query->next()) {
        const qint64 era = query->value(3).toLongLong();
        const qint64 posted = query->value(4).toLongLong();
        const QVariantList row = {query->value(0).toString(),
                                  query->value(1).toString(),
                                  QDate::fromString(query->value(2).toString(), Qt::ISODate),
                                  era,
                                  posted,
                                  query->value(5).toLongLong(),
                                  query->value(6).toLongLong(),
                                  era - posted};
        for (int column : {3, 4, 5, 6, 7})
            totals[column] = totals.at(column).toLongLong() + row.at(column).toLongLong();
        result.rows.append(row);
    }
    result.totals = totals;
    return result;
}

} // namespace rcm::server
