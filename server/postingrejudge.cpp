// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/postingrejudge.h"

#include "server/gatewaystore.h"
#include "services/reference/reasoncodecatalogue.h"
#include "services/store/transactionguard.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcRejudge, "rcm.gateway.rejudge")

namespace rcm::server {

using models::Money;
using store::StoreError;

namespace {

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

struct OldItem
{
    QString id;
    QString kind; ///< remittance_exceptions.kind
    QString explanation;
    QString groupCode;
    QString carc;
    QString claimNumber;
    QString payerKind;
};

/// Why the current rules would not raise an item the old rules raised, or nothing.
std::pair<QString, QString> verdict(const OldItem &item, bool predetermination)
{
    if (item.kind == u"denied"_s) {
        if (item.carc == u"23"_s && item.groupCode != u"PR"_s)
            return {u"prior-payer"_s,
                    u"Re-judged under the current posting rules: %1-23 is what a prior payer paid or adjusted, not a "
                    "denial (docs/posting-rules.md, section 1). Resolved."_s.arg(item.groupCode)};
        if (item.carc == u"24"_s && item.groupCode != u"PR"_s)
            return {u"capitation"_s,
                    u"Re-judged under the current posting rules: %1-24 is a capitated service, paid through the "
                    "capitation agreement, not a denial. Resolved."_s.arg(item.groupCode)};
        if (predetermination)
            return {u"predetermination"_s,
                    u"Re-judged under the current posting rules: the payer's answer was a predetermination (CLP02 = "
                    "25), an estimate before care, not a denial. Resolved."_s};
    }
    if (item.kind == u"underpaid"_s && (item.payerKind == u"medicare"_s || item.payerKind == u"medicare_advantage"_s)) {
        // The old explanation: "... so $E was expected: $S short." or "$E expected, $S short."
        static const QRegularExpression amounts(
            uR"(\$(-?[0-9]+\.[0-9]{2})(?: was)? expected[:,] \$(-?[0-9]+\.[0-9]{2}) short)"_s);
        const QRegularExpressionMatch match = amounts.match(item.explanation);
        if (match.hasMatch()) {
            const std::optional<Money> expected = Money::fromString(match.captured(1));
            const std::optional<Money> shortfall = Money::fromString(match.captured(2));
            // Sequestration takes 2% of what the payer pays; a cent either way is rounding.
            if (expected && shortfall && shortfall->cents() > 0
                && shortfall->cents() <= qRound64(double(expected->cents()) * 0.02) + 1)
                return {u"sequestration"_s,
                        u"Re-judged under the current posting rules: the %1 short on %2 expected is the 2%% Medicare "
                        "sequestration cut (CO-253), a lawful reduction, not an underpayment. Resolved."_s.arg(
                            u"$"_s + shortfall->toString(), u"$"_s + expected->toString())};
        }
    }
    if (item.kind == u"unknown-reason-code"_s) {
        static const QRegularExpression named(uR"((CARC|RARC) ([A-Z0-9]+) is not in the reason-code catalogue)"_s);
        QStringList known;
        bool allKnown = true;
        for (auto match = named.globalMatch(item.explanation); match.hasNext();) {
            const QRegularExpressionMatch code = match.next();
            const auto kind
                = code.captured(1) == u"CARC"_s ? reference::ReasonCode::Kind::Carc : reference::ReasonCode::Kind::Rarc;
            if (reference::ReasonCodeCatalogue::builtIn().find(kind, code.captured(2)))
                known << code.captured(1) + u' ' + code.captured(2);
            else
                allKnown = false;
        }
        if (allKnown && !known.isEmpty() && !item.explanation.contains(u"retired"_s)
            && !item.explanation.contains(u"only took effect"_s))
            return {u"reason-code-known"_s,
                    u"Re-judged under the current posting rules: %1 now in the reason-code catalogue, which holds "
                    "every CARC and RARC with its dates. Resolved."_s.arg(
                        known.join(u", "_s) + (known.size() == 1 ? u" is"_s : u" are"_s))};
    }
    return {};
}

} // namespace

PostingRejudge::PostingRejudge(GatewayStore &store)
    : m_store(store)
{ }

PostingRejudge::Outcome PostingRejudge::run(const QDateTime &now, StoreError *error)
{
    Outcome outcome;
    const auto fail = [&](const StoreError &failure) {
        if (error)
            *error = failure;
        qCWarning(lcRejudge).noquote() << "Re-judging open remittance items failed:" << failure.message();
        return outcome;
    };
    store::Database &database = m_store.database();
    QSqlQuery flag(database.connection());
    if (!flag.exec(u"SELECT value FROM meta WHERE key = 'posting_rules_rejudged'"_s))
        return fail(queryError(flag));
    if (flag.next())
        return outcome;
    flag.finish();

    store::TransactionGuard transaction(database.connection());
    if (transaction.beginError())
        return fail(transaction.beginError());
    QSqlQuery open(database.connection());
    if (!open.exec(u"SELECT work_items.id, remittance_exceptions.kind, remittance_exceptions.explanation, "
                   "coalesce(work_items.group_code, ''), coalesce(work_items.carc, ''), work_items.claim_number, "
                   "coalesce(payers.kind, '') FROM remittance_exceptions "
                   "JOIN work_items ON work_items.id = remittance_exceptions.work_item_id "
                   "LEFT JOIN payers ON payers.id = work_items.payer_id "
                   "WHERE work_items.status <> 'resolved' AND work_items.deleted = 0 ORDER BY work_items.id"_s))
        return fail(queryError(open));
    QList<OldItem> items;
    while (open.next()) {
        items.append({open.value(0).toString(), open.value(1).toString(), open.value(2).toString(),
                      open.value(3).toString(), open.value(4).toString(), open.value(5).toString(),
                      open.value(6).toString()});
    }
    open.finish();
    QSqlQuery predetermined(database.connection());
    predetermined.prepare(u"SELECT 1 FROM claim_payments WHERE claim_number = ? AND status_code = '25' LIMIT 1"_s);
    models::User gateway;
    gateway.id = u"gateway"_s;
    gateway.username = u"gateway"_s;
    store::WorkItemStore store(database);
    for (const OldItem &old : std::as_const(items)) {
        ++outcome.examined;
        predetermined.addBindValue(old.claimNumber);
        const bool predetermination = predetermined.exec() && predetermined.next();
        predetermined.finish();
        const auto [rule, note] = verdict(old, predetermination);
        if (rule.isEmpty())
            continue;
        std::optional<models::WorkItem> item = m_store.item(old.id);
        if (!item)
            continue;
        item->status = models::WorkItemStatus::Resolved;
        item->version += 1;
        item->updatedAt = now;
        if (const StoreError failure = store.upsertItems({&*item, 1}))
            return fail(failure);
        rules::ActionRequest resolve;
        resolve.type = models::ActionType::Resolve;
        resolve.text = note;
        if (const StoreError failure = m_store.appendAudit(*item, gateway, resolve, now))
            return fail(failure);
        ++outcome.resolved;
        ++outcome.byReason[rule];
    }
    QSqlQuery done(database.connection());
    if (!done.exec(u"INSERT INTO meta (key, value) VALUES ('posting_rules_rejudged', 1)"_s))
        return fail(queryError(done));
    if (const StoreError failure = transaction.commit())
        return fail(failure);
    outcome.ran = true;
    qCInfo(lcRejudge).noquote() << "Re-judged" << outcome.examined
                                << "open remittance items under the current posting rules; resolved"
                                << outcome.resolved;
    return outcome;
}

} // namespace rcm::server
