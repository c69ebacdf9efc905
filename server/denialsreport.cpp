// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// denials: by payer and denial family, the denials opened, the remittance-based denial
// rate over the claims adjudicated in the period, and the overturn rate of appeals.
#include "server/gatewayreportsql.h"

#include <QMap>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using reports::ColumnType;
using reports::TotalKind;

namespace {

/// The day a remittance adjudicated its claims: the payment date (BPR16), else the day
/// the gateway received the 835.
const QString adjudicationDay = u"coalesce(r.payment_date, substr(r.received_at, 1, 10))"_s;

struct DenialFigures
{
    qint64 denials = 0;
    qint64 deniedCharges = 0;
    qint64 deniedOnRemittances = 0;
    qint64 appealed = 0;
    qint64 overturned = 0;
};

using PayerAndFamily = std::pair<QString, QString>;

/// Remittance figures go by the claim's payer (c) and its work item's facility and owner
/// (w), joined only when asked for: over a million claim payments the join is most of the
/// cost.
QString claimItemJoin(const ReportScope &scope)
{
    const bool needed = !scope.parameters.facility.isEmpty() || !scope.isWhole();
    return needed ? u" JOIN work_items AS w ON w.id = c.work_item_id"_s : QString();
}

ReportSql &claimFilters(ReportSql &sql, const ReportScope &scope)
{
    if (!scope.parameters.payerId.isEmpty())
        sql.bind(u" AND c.payer_id = ?"_s, scope.parameters.payerId);
    if (!scope.parameters.facility.isEmpty())
        sql.bind(u" AND w.facility_id = ?"_s, scope.parameters.facility);
    return sql.ownedBy(u"w"_s, scope);
}

bool readDenials(store::Database &database, const ReportScope &scope, QMap<PayerAndFamily, DenialFigures> &figures,
                 store::StoreError *error)
{
    ReportSql sql(u"SELECT w.payer_id, w.denial_category, count(*), sum(w.billed_cents) FROM work_items AS w "
                  "WHERE w.queue = 'denial' AND w.deleted = 0"_s);
    sql.period(u"w.created_at"_s, scope).itemFilters(u"w"_s, scope).ownedBy(u"w"_s, scope)
        << u" GROUP BY w.payer_id, w.denial_category"_s;
    std::optional<QSqlQuery> query = sql.run(database, error);
    while (query && query->next()) {
        DenialFigures &row = figures[{query->value(0).toString(), query->value(1).toString()}];
        row.denials = query->value(2).toLongLong();
        row.deniedCharges = query->value(3).toLongLong();
    }
    return query.has_value();
}

bool readRemittanceDenials(store::Database &database, const ReportScope &scope,
                           QMap<PayerAndFamily, DenialFigures> &figures, store::StoreError *error)
{
    // One denial exception per claim per remittance (RemittanceMatcher); its remittance
    // queue item carries the family of the first denied line's CARC.
    ReportSql sql(
        u"SELECT c.payer_id, e.denial_category, count(*) FROM (SELECT DISTINCT x.remittance_id, "
        "i.claim_number, i.denial_category FROM remittance_exceptions AS x JOIN work_items AS i "
        "ON i.id = x.work_item_id WHERE x.kind = 'denied' AND i.queue = 'remittance') AS e "
        "JOIN remittances AS r ON r.id = e.remittance_id JOIN claims AS c ON c.claim_number = e.claim_number"_s
        + claimItemJoin(scope) + u" WHERE 1 = 1"_s);
    sql.period(adjudicationDay, scope);
    claimFilters(sql, scope) << u" GROUP BY c.payer_id, e.denial_category"_s;
    std::optional<QSqlQuery> query = sql.run(database, error);
    while (query && query->next())
        figures[{query->value(0).toString(), query->value(1).toString()}].deniedOnRemittances
            = query->value(2).toLongLong();
    return query.has_value();
}

std::optional<QHash<QString, qint64>> readAdjudicated(store::Database &database, const ReportScope &scope,
                                                      store::StoreError *error)
{
    ReportSql sql(u"SELECT c.payer_id, count(*) FROM claim_payments AS p JOIN remittances AS r "
                  "ON r.id = p.remittance_id JOIN claims AS c ON c.claim_number = p.claim_number"_s
                  + claimItemJoin(scope) + u" WHERE p.status_code <> '22'"_s);
    sql.period(adjudicationDay, scope);
    claimFilters(sql, scope) << u" GROUP BY c.payer_id"_s;
    std::optional<QSqlQuery> query = sql.run(database, error);
    if (!query)
        return std::nullopt;
    QHash<QString, qint64> adjudicated;
    while (query->next())
        adjudicated.insert(query->value(0).toString(), query->value(1).toLongLong());
    return adjudicated;
}

bool readAppeals(store::Database &database, const ReportScope &scope, QMap<PayerAndFamily, DenialFigures> &figures,
                 store::StoreError *error)
{
    // Overturned: resolved as paid after the first appeal, or paid on a remittance
    // received after it (and not reversed since).
    ReportSql sql(u"SELECT w.payer_id, w.denial_category, count(*), sum("
                  "EXISTS (SELECT 1 FROM audit_log AS z WHERE z.work_item_id = f.work_item_id "
                  "AND z.sequence > f.sequence AND z.action_type = 'resolve' "
                  "AND json_extract(z.details_json, '$.resolution') IN ('paid', 'corrected_and_paid')) "
                  "OR EXISTS (SELECT 1 FROM claim_payments AS p JOIN remittances AS r ON r.id = p.remittance_id "
                  "WHERE p.claim_number = w.claim_number AND p.status_code <> '22' AND p.paid_cents > 0 "
                  "AND p.reversed_by IS NULL AND r.received_at > f.appealed_at)) "
                  "FROM (SELECT a.work_item_id, min(a.sequence) AS sequence, min(a.occurred_at) AS appealed_at "
                  "FROM audit_log AS a WHERE a.action_type = 'appeal' GROUP BY a.work_item_id) AS f "
                  "JOIN work_items AS w ON w.id = f.work_item_id WHERE w.queue = 'denial' AND w.deleted = 0"_s);
    sql.period(u"f.appealed_at"_s, scope).itemFilters(u"w"_s, scope).ownedBy(u"w"_s, scope)
        << u" GROUP BY w.payer_id, w.denial_category"_s;
    std::optional<QSqlQuery> query = sql.run(database, error);
    while (query && query->next()) {
        DenialFigures &row = figures[{query->value(0).toString(), query->value(1).toString()}];
        row.appealed = query->value(2).toLongLong();
        row.overturned = query->value(3).toLongLong();
    }
    return query.has_value();
}

QList<reports::ReportDefinition> denialDefinitions()
{
    return {
        {u"Denials"_s,
         u"Work items opened in the denial queue in the period (by the UTC day they were opened), by the payer the "
         "claim was billed to and the denial family of the item's CARC. Deleted items are left out. A denial the "
         "gateway raises from a remittance counts on the day the remittance was posted; a remittance that confirms "
         "a claim already worked as a denial adds no second one."_s,
         {}},
        {u"Denied charges"_s,
         u"The billed charges of those denials: the claim's, or the denied lines' for a denial raised from a "
         "remittance. Charges, not balances: the dollar basis of an initial denial rate by dollars."_s,
         u"HFMA Claim Integrity Task Force (initial denials as a percentage of charges)"_s},
        {u"Claims denied on remittances"_s,
         u"Claim payments (CLP) on remittances adjudicated in the period for which the gateway raised a denial: "
         "the payer paid nothing on a billed line or claim for a reason other than the patient's share or the "
         "contract. One per claim per remittance, in the family of the first denied line's CARC."_s,
         {}},
        {u"Claims adjudicated"_s,
         u"Claim payments (CLP) on remittances adjudicated in the period that matched a claim of the gateway's "
         "register, reversals (CLP02 = 22) left out; each claim counts once per remittance. Every row of a payer "
         "shows the payer's count, so this column is not summed. Payments that matched no claim have no known "
         "payer: the remittance reconciliation report shows them."_s,
         {}},
        {u"Remittance denial rate"_s,
         u"Numerator: claims denied on remittances (the row's payer and family). Denominator: claims adjudicated "
         "(the row's payer). By claim count. Date basis: the remittance's payment date (BPR16), else the day the "
         "gateway received it. The totals row divides all denied claims by all claims adjudicated."_s,
         u"HFMA MAP Key AR-5 (Remittance Denial Rate)"_s},
        {u"Appealed denials"_s,
         u"Denial-queue items whose first appeal (an appeal action in the audit log) falls in the period."_s,
         {}},
        {u"Overturned"_s,
         u"Appealed denials that, after their first appeal, were resolved as paid or corrected_and_paid, or whose "
         "claim was paid more than zero (not a reversal, not reversed since) on a remittance received after the "
         "appeal. The workbench records no \"overturned\" outcome; being paid after the appeal is what it records. "
         "Counted as of the report's as-of time, so a recent period's figure grows as payers decide."_s,
         {}},
        {u"Overturn rate"_s,
         u"Overturned ÷ appealed denials, per row; the totals row over all rows. No HFMA MAP Key defines it."_s,
         {}},
    };
}

} // namespace

reports::ReportResult denialsReport(store::Database &database, const ReportScope &scope, store::StoreError *error)
{
    reports::ReportResult result;
    result.name = u"denials"_s;
    result.title = u"Denials by payer and denial family"_s;
    result.dateBasis = u"Denials by the day they were opened; remittance figures by the payment date (BPR16), else "
                       "the day received; appeals by the day of the first appeal. Days are UTC."_s;
    result.columns = {
        {u"payer_id"_s, u"Payer id"_s, ColumnType::Text, TotalKind::None},
        {u"payer"_s, u"Payer"_s, ColumnType::Text, TotalKind::None},
        {u"family"_s, u"Denial family"_s, ColumnType::Text, TotalKind::None},
        {u"denials"_s, u"Denials"_s, ColumnType::Integer, TotalKind::Sum},
        {u"denied_charges"_s, u"Denied charges"_s, ColumnType::Money, TotalKind::Sum},
        {u"remittance_denied_claims"_s, u"Claims denied on remittances"_s, ColumnType::Integer, TotalKind::Sum},
        {u"claims_adjudicated"_s, u"Claims adjudicated (payer)"_s, ColumnType::Integer, TotalKind::Computed},
        {u"denial_rate"_s, u"Remittance denial rate"_s, ColumnType::Percent, TotalKind::Computed},
        {u"appealed"_s, u"Appealed denials"_s, ColumnType::Integer, TotalKind::Sum},
        {u"overturned"_s, u"Overturned"_s, ColumnType::Integer, TotalKind::Sum},
        {u"overturn_rate"_s, u"Overturn rate"_s, ColumnType::Percent, TotalKind::Computed},
    };
    result.definitions = denialDefinitions();

    QMap<PayerAndFamily, DenialFigures> figures;
    if (!readDenials(database, scope, figures, error) || !readRemittanceDenials(database, scope, figures, error)
        || !readAppeals(database, scope, figures, error))
        return result;
    const std::optional<QHash<QString, qint64>> adjudicated = readAdjudicated(database, scope, error);
    if (!adjudicated)
        return result;
    // A payer whose claims were adjudicated without a denial shows its rate of zero.
    for (auto it = adjudicated->cbegin(); it != adjudicated->cend(); ++it) {
        const bool hasRow = std::any_of(figures.keyBegin(), figures.keyEnd(),
                                        [&](const PayerAndFamily &key) { return key.first == it.key(); });
        if (!hasRow)
            figures.insert({it.key(), u"none"_s}, {});
    }

    const QHash<QString, QString> payerNames = namesById(database, u"payers"_s, u"name"_s);
    DenialFigures total;
    qint64 totalAdjudicated = 0;
    for (const qint64 count : *adjudicated)
        totalAdjudicated += count;
    for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
        const DenialFigures &row = it.value();
        const qint64 payerAdjudicated = adjudicated->value(it.key().first);
        result.rows.append({it.key().first, payerNames.value(it.key().first, it.key().first), it.key().second,
                            row.denials, row.deniedCharges, row.deniedOnRemittances, payerAdjudicated,
                            fraction(row.deniedOnRemittances, payerAdjudicated), row.appealed, row.overturned,
                            fraction(row.overturned, row.appealed)});
        total.denials += row.denials;
        total.deniedCharges += row.deniedCharges;
        total.deniedOnRemittances += row.deniedOnRemittances;
        total.appealed += row.appealed;
        total.overturned += row.overturned;
    }
    std::sort(result.rows.begin(), result.rows.end(), [](const QVariantList &left, const QVariantList &right) {
        return std::pair(left.at(1).toString(), left.at(2).toString())
            < std::pair(right.at(1).toString(), right.at(2).toString());
    });
    result.totals = {QVariant(),
                     QVariant(),
                     QVariant(),
                     total.denials,
                     total.deniedCharges,
                     total.deniedOnRemittances,
                     totalAdjudicated,
                     fraction(total.deniedOnRemittances, totalAdjudicated),
                     total.appealed,
                     total.overturned,
                     fraction(total.overturned, total.appealed)};
    return result;
}

} // namespace rcm::server
