// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// provider-adjustments: the provider-level adjustments (PLB) of the posted 835s by payer,
// reason code and class: how many, the money, how many name a claim of the register and how
// many are tied to a work item still open. Over the remittances remittance-reconciliation
// covers, so that its amounts by class tie to that report's PLB columns.
#include "server/gatewayreportsql.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using reports::ColumnType;
using reports::TotalKind;

namespace {

QList<reports::ReportDefinition> providerAdjustmentDefinitions()
{
    return {
        {u"Payer, reason code"_s,
         u"The payer as its 835 names it (TRN03, else its id or name) and the PLB's adjustment reason code "
         "(PLB03-1: L6 interest, WO overpayment recovery, FB forward balance, LE levy and so on). A difference a "
         "person accepted releasing a held transaction is kept as reason CS."_s,
         {}},
        {u"Classification"_s,
         u"What the gateway made of the reason code when it posted: interest (L6), forward-balance (FB), recoupment "
         "(WO, WU, RA, TL, OB, 50, 51, L3, J1, CS), authorized-return (72), withholding (LE, IR, E3, SL), settlement "
         "(periodic interim payments, passthroughs, capitation, bonuses...), unknown (not a PLB reason code of "
         "5010), or accepted-difference (the difference of a held transaction a person released)."_s,
         {}},
        {u"Adjustments"_s,
         u"The PLB adjustments (each reason code and amount pair of a PLB segment) of the remittances whose payment "
         "date (BPR16; else the UTC day the gateway received it) falls in the period. A held transaction's PLBs "
         "count once it is released."_s,
         {}},
        {u"Amount"_s,
         u"Their sum as the 835 states it (PLB04, PLB06, ...): positive is money the payer took back from the "
         "deposit, negative money it added (interest, a forward balance handed back). An accepted difference is "
         "the difference negated, so that a deposit is its claim payments less every amount here. The classes tie "
         "to remittance-reconciliation for the same period, payer, facility and viewer: interest is its PLB interest "
         "negated; recoupment and forward-balance together its PLB recoupments and forward balances; withholding "
         "its PLB withholding; authorized-return and settlement together its other PLB; accepted-difference its "
         "accepted difference negated; unknown is part of its unposted."_s,
         {}},
        {u"Traced to a claim"_s,
         u"Of those adjustments, the ones whose reference (PLB03-2, or its first word) names a claim of the "
         "gateway's register: by a payer claim number already posted, the claim's payer claim number or its "
         "patient control number."_s,
         {}},
        {u"With a work item, item still open"_s,
         u"Of those adjustments, the ones tied to a remittance-queue work item, and of those the ones whose item "
         "is neither resolved nor removed as of the report's as-of time. Recoupments, forward balances and unknown "
         "codes raise one when the payer keeps money under a reference (the recoupments and forward balances of "
         "one reference are one debt, one item, and each of them counts); interest, withholding, returns and "
         "settlements raise none."_s,
         {}},
        {u"Rows"_s,
         u"One per payer, reason code and classification with at least one adjustment, by payer, reason code and "
         "classification. The remittances are those remittance-reconciliation selects: payment date (BPR16; else "
         "the day received) in the period; a payer or facility asked for selects the remittances with a claim of "
         "that payer or facility (or, for a payer, whose 835 names it), and every adjustment of those counts."_s,
         {}},
    };
}

} // namespace

reports::ReportResult providerAdjustmentsReport(store::Database &database, const ReportScope &scope,
                                                store::StoreError *error)
{
    reports::ReportResult result;
    result.name = u"provider-adjustments"_s;
    result.title = u"Provider-level adjustments by payer and reason"_s;
    result.dateBasis = u"The remittance's payment date (BPR16), else the UTC day the gateway received it; open "
                       "as of the report's as-of time."_s;
    result.columns = {
        {u"payer"_s, u"Payer (TRN03)"_s, ColumnType::Text, TotalKind::None},
        {u"reason_code"_s, u"Reason code"_s, ColumnType::Text, TotalKind::None},
        {u"classification"_s, u"Classification"_s, ColumnType::Text, TotalKind::None},
        {u"adjustments"_s, u"Adjustments"_s, ColumnType::Integer, TotalKind::Sum},
        {u"amount"_s, u"Amount"_s, ColumnType::Money, TotalKind::Sum},
        {u"traced_to_claim"_s, u"Traced to a claim"_s, ColumnType::Integer, TotalKind::Sum},
        {u"with_work_item"_s, u"With a work item"_s, ColumnType::Integer, TotalKind::Sum},
        {u"item_still_open"_s, u"Item still open"_s, ColumnType::Integer, TotalKind::Sum},
    };
    result.definitions = providerAdjustmentDefinitions();

    ReportSql sql(u"SELECT r.payer_id, a.reason_code, a.classification, count(*), sum(a.amount_cents), "
                  "count(a.claim_number), count(i.id), "
                  "sum(CASE WHEN i.status <> 'resolved' AND i.deleted = 0 THEN 1 ELSE 0 END) "
                  "FROM provider_adjustments AS a JOIN remittances AS r ON r.id = a.remittance_id "
                  "LEFT JOIN work_items AS i ON i.id = a.work_item_id WHERE 1 = 1"_s);
    sql.remittanceSelection(u"r"_s, scope) << u" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"_s;
    std::optional<QSqlQuery> query = sql.run(database, error);
    if (!query)
        return result;
    constexpr int firstCount = 3; // after payer, reason code and classification
    QVariantList totals(result.columns.size());
    for (int column = firstCount; column < result.columns.size(); ++column)
        totals[column] = qint64(0);
    while (query->next()) {
        QVariantList row = {query->value(0).toString(), query->value(1).toString(), query->value(2).toString()};
        for (int column = firstCount; column < result.columns.size(); ++column) {
            row.append(query->value(column).toLongLong());
            totals[column] = totals.at(column).toLongLong() + row.at(column).toLongLong();
        }
        result.rows.append(row);
    }
    result.totals = totals;
    return result;
}

} // namespace rcm::server
