// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/contractregister.h"

#include "services/store/transactionguard.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using posting::ContractTerm;
using posting::ContractTermKind;
using store::StoreError;

namespace {

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

bool termBefore(const ContractTerm &a, const ContractTerm &b)
{
    return std::tuple(int(a.kind), a.code, a.modifier, a.effectiveFrom)
        < std::tuple(int(b.kind), b.code, b.modifier, b.effectiveFrom);
}

bool sameTerms(QList<ContractTerm> a, QList<ContractTerm> b)
{
    if (a.size() != b.size())
        return false;
    std::sort(a.begin(), a.end(), termBefore);
    std::sort(b.begin(), b.end(), termBefore);
    for (qsizetype index = 0; index < a.size(); ++index) {
        if (!a.at(index).sameTerm(b.at(index)))
            return false;
    }
    return true;
}

} // namespace

ContractRegister::ContractRegister(store::Database &database)
    : m_database(database)
{ }

QList<ContractTerm> ContractRegister::read(const QString &payerId, StoreError *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(u"SELECT kind, code, modifier, amount_cents, percent_basis_points, effective_from, effective_to "
                  "FROM contracts WHERE payer_id = ? ORDER BY kind, code, modifier, effective_from"_s);
    query.addBindValue(payerId);
    QList<ContractTerm> terms;
    if (!query.exec()) {
        if (error)
            *error = queryError(query);
        return terms;
    }
    while (query.next()) {
        ContractTerm term;
        term.payerId = payerId;
        term.kind
            = posting::contractTermKindFromName(query.value(0).toString()).value_or(ContractTermKind::PercentOfCharges);
        term.code = query.value(1).toString();
        term.modifier = query.value(2).toString();
        term.amount = Money::fromCents(query.value(3).toLongLong());
        term.percentBasisPoints = query.value(4).toInt();
        term.effectiveFrom = QDate::fromString(query.value(5).toString(), Qt::ISODate);
        term.effectiveTo = QDate::fromString(query.value(6).toString(), Qt::ISODate);
        terms.append(term);
    }
    std::sort(terms.begin(), terms.end(), termBefore);
    return terms;
}

QList<ContractTerm> ContractRegister::termsFor(const QString &payerId, StoreError *error)
{
    if (const auto cached = m_cache.constFind(payerId); cached != m_cache.cend())
        return *cached;
    StoreError readError;
    QList<ContractTerm> terms = read(payerId, &readError);
    if (readError) {
        if (error)
            *error = readError;
        return terms;
    }
    m_cache.insert(payerId, terms);
    return terms;
}

int ContractRegister::applyTo(models::Claim &claim)
{
    const QList<ContractTerm> terms = termsFor(claim.payerId);
    return terms.isEmpty() ? 0 : posting::applyContract(claim, terms);
}

ContractRegister::Replacement ContractRegister::replace(std::span<const ContractTerm> terms, Mode mode)
{
    Replacement result;
    QMap<QString, QList<ContractTerm>> byPayer;
    for (const ContractTerm &term : terms)
        byPayer[term.payerId].append(term);
    m_cache.clear();
    store::TransactionGuard transaction(m_database.connection());
    if (transaction.beginError()) {
        result.error = transaction.beginError();
        return result;
    }
    QSqlQuery clear(m_database.connection());
    clear.prepare(u"DELETE FROM contracts WHERE payer_id = ?"_s);
    QSqlQuery insert(m_database.connection());
    insert.prepare(u"INSERT INTO contracts (payer_id, kind, code, modifier, amount_cents, percent_basis_points, "
                   "effective_from, effective_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (auto payer = byPayer.cbegin(); payer != byPayer.cend(); ++payer) {
        PayerChange change;
        change.payerId = payer.key();
        for (const ContractTerm &term : *payer)
            ++change.termCounts[term.kind];
        const QList<ContractTerm> before = read(payer.key(), &result.error);
        if (result.error)
            return result;
        change.termsBefore = int(before.size());
        change.changed = !sameTerms(before, *payer);
        result.payers.append(change);
        if (!change.changed || mode == Mode::Preview)
            continue;
        clear.addBindValue(payer.key());
        if (!clear.exec()) {
            result.error = queryError(clear);
            return result;
        }
        for (const ContractTerm &term : *payer) {
            const bool byPercent = term.kind == ContractTermKind::PercentOfCharges;
            insert.addBindValue(term.payerId);
            insert.addBindValue(posting::contractTermKindName(term.kind));
            insert.addBindValue(term.code.isNull() ? u""_s : term.code);
            insert.addBindValue(term.modifier.isNull() ? u""_s : term.modifier);
            insert.addBindValue(byPercent ? QVariant() : QVariant(term.amount.cents()));
            insert.addBindValue(byPercent ? QVariant(term.percentBasisPoints) : QVariant());
            insert.addBindValue(term.effectiveFrom.toString(Qt::ISODate));
            insert.addBindValue(term.effectiveTo.isValid() ? QVariant(term.effectiveTo.toString(Qt::ISODate))
                                                           : QVariant());
            if (!insert.exec()) {
                result.error = queryError(insert);
                return result;
            }
        }
    }
    if (mode == Mode::Preview) {
        transaction.rollback();
        return result;
    }
    result.error = transaction.commit();
    return result;
}

StoreError loadContractFile(store::Database &database, QByteArrayView csv)
{
    const posting::ContractFile file = posting::readContracts(csv);
    if (!file.isValid()) {
        const posting::ContractFileProblem &first = file.problems.constFirst();
        return StoreError(
            StoreError::Code::Query,
            u"The contract file cannot be loaded: line %1: %2"_s.arg(QString::number(first.lineNumber), first.message));
    }
    return ContractRegister(database).replace(file.terms).error;
}

} // namespace rcm::server
