// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// remittance-exceptions: the exceptions 835 posting raised, by kind: how many, the money at
// issue and how many are still open. Over the remittances remittance-reconciliation covers,
// so that its totals are that report's Exceptions and Exception dollars.
#include "server/gatewayreportsql.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using reports::ColumnType;
using reports::TotalKind;

namespace {

/// A kind (remittance_exceptions.kind, RemittanceMatcher's wire names) in a cash poster's
/// words, as the workbench's import preview names it; a kind not listed is shown as it is.
QString exceptionLabel(const QString &kind)
{
    static const QHash<QString, QString> labels = {
        {u"unmatched-claim"_s, u"Unmatched claim"_s},
        {u"unmatched-line"_s, u"Unmatched line"_s},
        {u"underpaid"_s, u"Paid below expected"_s},
        {u"denied"_s, u"Denied"_s},
        {u"recoupment"_s, u"Recoupment (PLB)"_s},
        {u"out-of-balance"_s, u"Held: out of balance"_s},
        {u"overpaid"_s, u"Credit balance (overpaid)"_s},
        {u"payer-not-on-claim"_s, u"Payer not on claim"_s},
        {u"not-our-claim"_s, u"Not the payer's claim"_s},
        {u"interest-mismatch"_s, u"Interest mismatch"_s},
        {u"unknown-reason-code"_s, u"Unknown reason code"_s},
        {u"unpaired-reversal"_s, u"Reversal without payment"_s},
    };
    return labels.value(kind, kind);
}

QList<reports::ReportDefinition> exceptionDefinitions()
{
    return {
        {u"Kind, exception"_s,
         u"Why posting could not take the payment as it came: unmatched-claim (no claim has the patient control "
         "number or payer claim number), unmatched-line (the claim has no line that matches by line control number, "
         "procedure, date or revenue code), underpaid (paid below the payer's allowed amount or the contract, after "
         "the patient's share and legitimate reductions), denied (a line, some units or the claim denied, under the "
         "reason that drives it), recoupment (a provider-level adjustment, PLB, takes money back), out-of-balance "
         "(the transaction's own amounts do not add up: held, nothing posted until released), unknown-reason-code "
         "(a CARC or RARC not in the catalogue, or not in force), unpaired-reversal (a reversal, CLP02 = 22, of a "
         "payment never posted here), overpaid (paid above what the contract and the patient's share allow, or paid "
         "twice: a credit balance to refund), payer-not-on-claim (the payer is not on the claim's coverage), "
         "not-our-claim (CLP02 = 23), interest-mismatch (PLB interest disagrees with the claim's AMT*I). Exception "
         "is the kind in a cash poster's words (docs/posting-rules.md)."_s,
         {}},
        {u"Exceptions"_s,
         u"The exceptions raised posting the remittances whose payment date (BPR16; else the UTC day the gateway "
         "received it) falls in the period: one remittance-queue work item each; a denial also worked in the "
         "denial queue counts once. The total is remittance-reconciliation's Exceptions for the same period, "
         "payer, facility and viewer."_s,
         {}},
        {u"Exception dollars"_s,
         u"The money each of those exceptions (remittances paid in the period: BPR16, else the day received) put at "
         "issue when raised: an underpayment's shortfall, a denial's unpaid charge, an unmatched claim's payment, a "
         "recoupment's amount. It is the item's balance now plus the write-offs approved on it since, so working "
         "the item does not change it; the total is remittance-reconciliation's Exception dollars."_s,
         {}},
        {u"Still open"_s,
         u"Of those exceptions (remittances paid in the period: BPR16, else the day received), the ones whose "
         "remittance-queue work item is neither resolved nor removed as of the report's as-of time. The "
         "remittance's date places an exception in the period, whenever it was worked."_s,
         {}},
        {u"Rows"_s,
         u"One per kind with at least one exception, the most exceptions first, then by kind. The remittances are "
         "those remittance-reconciliation selects: payment date (BPR16; else the day received) in the period; a "
         "payer or facility asked for selects the remittances with a claim of that payer or facility (or, for a "
         "payer, whose 835 names it), and every exception of those remittances counts, as the deposit's do."_s,
         {}},
    };
}

} // namespace

reports::ReportResult remittanceExceptionsReport(store::Database &database, const ReportScope &scope,
                                                 store::StoreError *error)
{
    reports::ReportResult result;
    result.name = u"remittance-exceptions"_s;
    result.title = u"Remittance exceptions by kind"_s;
    result.dateBasis = u"The remittance's payment date (BPR16), else the UTC day the gateway received it; open "
                       "as of the report's as-of time."_s;
    result.columns = {
        {u"kind"_s, u"Kind"_s, ColumnType::Text, TotalKind::None},
        {u"exception"_s, u"Exception"_s, ColumnType::Text, TotalKind::None},
        {u"exceptions"_s, u"Exceptions"_s, ColumnType::Integer, TotalKind::Sum},
        {u"exception_dollars"_s, u"Exception dollars"_s, ColumnType::Money, TotalKind::Sum},
        {u"still_open"_s, u"Still open"_s, ColumnType::Integer, TotalKind::Sum},
    };
    result.definitions = exceptionDefinitions();

    // Each exception once: its remittance-queue item (a denial's denial-queue twin is the
    // same exception), with the money it carried when raised, as reconciliation counts it.
    ReportSql sql(u"SELECT e.kind, count(*), sum(i.balance_cents + coalesce(o.cents, 0)), "
                  "sum(CASE WHEN i.status <> 'resolved' AND i.deleted = 0 THEN 1 ELSE 0 END) "
                  "FROM remittance_exceptions AS e JOIN remittances AS r ON r.id = e.remittance_id "
                  "JOIN work_items AS i ON i.id = e.work_item_id LEFT JOIN ("_s
                  + writeOffsByItemSql() + u") AS o ON o.work_item_id = i.id WHERE i.queue = 'remittance'"_s);
    sql.remittanceSelection(u"r"_s, scope) << u" GROUP BY e.kind ORDER BY 2 DESC, e.kind"_s;
    std::optional<QSqlQuery> query = sql.run(database, error);
    if (!query)
        return result;
    qint64 exceptions = 0;
    qint64 cents = 0;
    qint64 open = 0;
    while (query->next()) {
        const QString kind = query->value(0).toString();
        result.rows.append({kind, exceptionLabel(kind), query->value(1).toLongLong(), query->value(2).toLongLong(),
                            query->value(3).toLongLong()});
        exceptions += query->value(1).toLongLong();
        cents += query->value(2).toLongLong();
        open += query->value(3).toLongLong();
    }
    result.totals = {QVariant(), QVariant(), exceptions, cents, open};
    return result;
}

} // namespace rcm::server
