// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// remittance-reconciliation: by payment (trace number), what the ERA says was paid, what
// posted to claims, what its provider-level adjustments took back or added by class, the
// difference of a held or released transaction, the exceptions it raised and the balance
// left unposted: the report finance ties to the bank deposit.
#include "server/gatewayreportsql.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using reports::ColumnType;
using reports::TotalKind;

namespace {

/// What a remittance's provider-level adjustments (PLB) come to, by class, as the report
/// shows them: interest as money added; recoupments, withholding and the rest as money
/// taken back (the PLB's own sign, net); an accepted difference as the one accepted.
/// Classes not named here (unknown, not a 5010 PLB reason code) reach no column and so
/// stay unposted.
QString providerAdjustmentsByClassSql()
{
    return u"SELECT remittance_id, "
           "sum(CASE WHEN classification = 'interest' THEN -amount_cents ELSE 0 END) AS interest, "
           "sum(CASE WHEN classification IN ('recoupment', 'forward-balance') THEN amount_cents ELSE 0 END) "
           "AS taken_back, "
           "sum(CASE WHEN classification = 'withholding' THEN amount_cents ELSE 0 END) AS withheld, "
           "sum(CASE WHEN classification IN ('authorized-return', 'settlement') THEN amount_cents ELSE 0 END) "
           "AS other, "
           "sum(CASE WHEN classification = 'accepted-difference' THEN -amount_cents ELSE 0 END) AS accepted "
           "FROM provider_adjustments GROUP BY remittance_id"_s;
}

QList<reports::ReportDefinition> reconciliationDefinitions()
{
    return {
        {u"ERA total"_s,
         u"The payment the 835 announces (BPR02): what the bank deposit or check should carry for this trace number "
         "(TRN02). It is the claim payments (CLP04) less the provider-level adjustments (PLB), plus, for a "
         "transaction that does not add up, its difference (held, or accepted on release)."_s,
         {}},
        {u"Status"_s,
         u"posted: the transaction added up and posted as it came. held: it did not add up (BPR02 is not the claim "
         "payments less the PLBs), so nothing of it is posted; an out-of-balance exception says why. released: it "
         "was held, then posted, either by a person accepting the difference (POST /remittances/{id}/release) or "
         "replaced by the payer's corrected, balanced copy."_s,
         {}},
        {u"Posted"_s,
         u"The sum of the claim payments (CLP04) that posted to a claim of the gateway's register; reversals "
         "(CLP02 = 22) post negative. A held transaction posts none until it is released."_s,
         {}},
        {u"PLB interest"_s,
         u"Interest the payer added at provider level (PLB reason L6), as money added to the deposit: the PLB "
         "amounts negated. Interest on a claim (AMT*I) is inside that claim's payment, not here."_s,
         {}},
        {u"PLB recoupments and forward balances"_s,
         u"Money taken back at provider level, net: PLBs classified recoupment (WO, WU, RA, TL, OB, 50, 51, L3, J1, "
         "CS) or forward balance (FB), at the PLB's own sign, so a forward balance that returns money offsets the "
         "recoupment it carries."_s,
         {}},
        {u"PLB withholding"_s,
         u"Money withheld for someone else at provider level: levies (LE), taxes (IR) and other withholding (E3, SL), "
         "as taken back from the deposit."_s,
         {}},
        {u"Other PLB"_s,
         u"The other classified provider-level adjustments, net, taken back positive and added negative: "
         "acknowledged returns of the provider's refunds (72) and settlements (periodic interim payments, "
         "passthroughs, capitation, bonuses and the like)."_s,
         {}},
        {u"Accepted difference"_s,
         u"For a transaction a person released: the difference they accepted, BPR02 less the claim payments less "
         "the PLBs, kept as a provider-level adjustment classified accepted-difference; positive when the deposit is "
         "larger than the file's claims and adjustments account for. Zero otherwise, and when the payer's "
         "corrected copy replaced the held one."_s,
         {}},
        {u"Held difference"_s,
         u"For a transaction still held: how far it is out of balance, BPR02 less the claim payments less the PLBs. "
         "Shown for information; it is not posted, and the whole ERA total of a held transaction is unposted."_s,
         {}},
        {u"Exceptions, exception dollars"_s,
         u"The exceptions the posting raised (one remittance-queue work item each; a denial also worked in the "
         "denial queue counts once) and the money each put at issue when raised: an underpayment's shortfall, a "
         "denial's unpaid charge, an unmatched claim's payment, a recoupment's amount, a held transaction's "
         "difference."_s,
         {}},
        {u"Unposted"_s,
         u"ERA total − posted − PLB interest + PLB recoupments and forward balances + PLB withholding + other PLB − "
         "accepted difference: the money of the deposit that reached neither a claim of the register nor a "
         "classified provider-level adjustment. That is claim payments that matched no claim, and PLBs whose reason "
         "code is not a PLB reason code of 5010 (classified unknown; each raises an exception). For a held "
         "transaction, its whole ERA total. Zero when every dollar of the deposit is accounted for."_s,
         {}},
        {u"Rows"_s,
         u"Remittances whose payment date (BPR16; else the day received) falls in the period, held ones included. "
         "A payer or facility asked for selects the remittances with a claim of that payer or facility (or, for a "
         "payer, whose 835 names it); their amounts stay whole, as the deposit is. A held transaction has posted "
         "no claim yet, so only its 835's payer (TRN03) selects it."_s,
         {}},
    };
}

ReportSql reconciliationSql(const ReportScope &scope)
{
    ReportSql sql(u"SELECT r.trace_number, r.payer_id, "_s + remittanceDaySql(u"r"_s)
                  + u", r.status, r.payment_cents, coalesce(p.posted, 0), coalesce(a.interest, 0), "
                    "coalesce(a.taken_back, 0), coalesce(a.withheld, 0), coalesce(a.other, 0), "
                    "coalesce(a.accepted, 0), coalesce(h.difference_cents, 0), coalesce(x.exceptions, 0), "
                    "coalesce(x.cents, 0) "
                    "FROM remittances AS r "
                    "LEFT JOIN (SELECT remittance_id, sum(paid_cents) AS posted FROM claim_payments "
                    "WHERE claim_number IS NOT NULL GROUP BY remittance_id) AS p ON p.remittance_id = r.id "
                    "LEFT JOIN ("_s
                  + providerAdjustmentsByClassSql()
                  + u") AS a ON a.remittance_id = r.id "
                    "LEFT JOIN held_remittances AS h ON h.remittance_id = r.id AND r.status = 'held' "
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

/// Columns of the query and of the row, in the same order up to exception dollars.
enum Column {
    TraceNumber,
    Payer,
    PaymentDate,
    Status,
    EraTotal,
    Posted,
    Interest,
    TakenBack,
    Withheld,
    OtherAdjustments,
    AcceptedDifference,
    HeldDifference,
    Exceptions,
    ExceptionDollars,
    Unposted,
    ColumnCount
};

QVariantList reconciliationRow(const QSqlQuery &query)
{
    QVariantList row
        = {query.value(TraceNumber).toString(), query.value(Payer).toString(),
           QDate::fromString(query.value(PaymentDate).toString(), Qt::ISODate), query.value(Status).toString()};
    for (int column = EraTotal; column <= ExceptionDollars; ++column)
        row.append(query.value(column).toLongLong());
    const auto at = [&row](Column column) {
        return row.at(column).toLongLong();
    };
    // What reached neither a claim nor a classified PLB; a held transaction has neither.
    row.append(at(EraTotal) - at(Posted) - at(Interest) + at(TakenBack) + at(Withheld) + at(OtherAdjustments)
               - at(AcceptedDifference));
    return row;
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
        {u"status"_s, u"Status"_s, ColumnType::Text, TotalKind::None},
        {u"era_total"_s, u"ERA total"_s, ColumnType::Money, TotalKind::Sum},
        {u"posted"_s, u"Posted"_s, ColumnType::Money, TotalKind::Sum},
        {u"plb_interest"_s, u"PLB interest"_s, ColumnType::Money, TotalKind::Sum},
        {u"plb_recoupments"_s, u"PLB recoupments and forward balances"_s, ColumnType::Money, TotalKind::Sum},
        {u"plb_withholding"_s, u"PLB withholding"_s, ColumnType::Money, TotalKind::Sum},
        {u"plb_other"_s, u"Other PLB"_s, ColumnType::Money, TotalKind::Sum},
        {u"accepted_difference"_s, u"Accepted difference"_s, ColumnType::Money, TotalKind::Sum},
        {u"held_difference"_s, u"Held difference"_s, ColumnType::Money, TotalKind::Sum},
        {u"exceptions"_s, u"Exceptions"_s, ColumnType::Integer, TotalKind::Sum},
        {u"exception_dollars"_s, u"Exception dollars"_s, ColumnType::Money, TotalKind::Sum},
        {u"unposted"_s, u"Unposted"_s, ColumnType::Money, TotalKind::Sum},
    };
    Q_ASSERT(result.columns.size() == ColumnCount);
    result.definitions = reconciliationDefinitions();

    std::optional<QSqlQuery> query = reconciliationSql(scope).run(database, error);
    if (!query)
        return result;
    QVariantList totals(result.columns.size());
    for (int column = EraTotal; column < ColumnCount; ++column)
        totals[column] = qint64(0);
    while (query->next()) {
        const QVariantList row = reconciliationRow(*query);
        for (int column = EraTotal; column < ColumnCount; ++column)
            totals[column] = totals.at(column).toLongLong() + row.at(column).toLongLong();
        result.rows.append(row);
    }
    result.totals = totals;
    return result;
}

} // namespace rcm::server
