// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/itemhistorystore.h"

#include "services/store/transactionguard.h"

#include <QJsonDocument>
#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

using namespace rcm::models;

ItemHistoryStore::ItemHistoryStore(Database &database)
    : m_database(database)
    , m_deleteHistory(u"DELETE FROM item_history WHERE work_item_id = ?"_s)
    , m_insertHistory(u"INSERT INTO item_history (work_item_id, sequence, type, actor_id, occurred_at, details_json) "
                      "VALUES (?, ?, ?, ?, ?, ?)"_s)
    , m_selectHistory(u"SELECT sequence, type, actor_id, occurred_at, details_json FROM item_history "
                      "WHERE work_item_id = ? ORDER BY sequence"_s)
    , m_deletePayments(u"DELETE FROM item_payments WHERE work_item_id = ?"_s)
    , m_insertPayment(u"INSERT INTO item_payments (work_item_id, position, trace_number, payment_date, status_code, "
                      "charge_cents, paid_cents, patient_responsibility_cents, reversed) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s)
    , m_selectPayments(u"SELECT trace_number, payment_date, status_code, charge_cents, paid_cents, "
                       "patient_responsibility_cents, reversed FROM item_payments WHERE work_item_id = ? "
                       "ORDER BY position"_s)
{ }

StoreError ItemHistoryStore::replaceHistory(const QString &itemId, std::span<const HistoryEntry> entries)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = writeHistory(itemId, entries))
        return error;
    return transaction.commit();
}

StoreError ItemHistoryStore::replacePayments(const QString &itemId, std::span<const PostedPayment> payments)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = writePayments(itemId, payments))
        return error;
    return transaction.commit();
}

StoreError ItemHistoryStore::replaceHistoryAndPayments(const QString &itemId, std::span<const HistoryEntry> entries,
                                                       std::span<const PostedPayment> payments)
{
    TransactionGuard transaction(m_database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    if (StoreError error = writeHistory(itemId, entries))
        return error;
    if (StoreError error = writePayments(itemId, payments))
        return error;
    return transaction.commit();
}

StoreError ItemHistoryStore::writeHistory(const QString &itemId, std::span<const HistoryEntry> entries)
{
    StoreError error;
    QSqlQuery *remove = m_deleteHistory.get(m_database.connection(), &error);
    QSqlQuery *insert = m_insertHistory.get(m_database.connection(), &error);
    if (!remove || !insert)
        return error;
    remove->bindValue(0, itemId);
    if (!remove->exec())
        return queryFailure(*remove, u"Clearing an item's history");
    for (const HistoryEntry &entry : entries) {
        insert->bindValue(0, itemId);
        insert->bindValue(1, entry.sequence);
        insert->bindValue(2, entry.type);
        insert->bindValue(3, entry.actorId);
        insert->bindValue(4, entry.occurredAt.toString(Qt::ISODateWithMs));
        insert->bindValue(5, QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)));
        if (!insert->exec())
            return queryFailure(*insert, u"Writing an item's history");
    }
    return {};
}

StoreError ItemHistoryStore::writePayments(const QString &itemId, std::span<const PostedPayment> payments)
{
    StoreError error;
    QSqlQuery *remove = m_deletePayments.get(m_database.connection(), &error);
    QSqlQuery *insert = m_insertPayment.get(m_database.connection(), &error);
    if (!remove || !insert)
        return error;
    remove->bindValue(0, itemId);
    if (!remove->exec())
        return queryFailure(*remove, u"Clearing an item's payments");
    qint64 position = 0;
    for (const PostedPayment &payment : payments) {
        insert->bindValue(0, itemId);
        insert->bindValue(1, position++);
        insert->bindValue(2, payment.traceNumber);
        insert->bindValue(3,
                          payment.paymentDate.isValid() ? QVariant(payment.paymentDate.toString(Qt::ISODate))
                                                        : QVariant(QMetaType::fromType<QString>()));
        insert->bindValue(4, payment.statusCode);
        insert->bindValue(5, payment.charge.cents());
        insert->bindValue(6, payment.paid.cents());
        insert->bindValue(7, payment.patientResponsibility.cents());
        insert->bindValue(8, payment.reversed ? 1 : 0);
        if (!insert->exec())
            return queryFailure(*insert, u"Writing an item's payments");
    }
    return {};
}

QList<HistoryEntry> ItemHistoryStore::history(const QString &itemId, StoreError *error)
{
    QList<HistoryEntry> entries;
    QSqlQuery *query = m_selectHistory.get(m_database.connection(), error);
    if (!query)
        return entries;
    const auto done = qScopeGuard([query]() { query->finish(); });
    query->bindValue(0, itemId);
    if (!query->exec()) {
        setError(error, queryFailure(*query, u"Reading an item's history"));
        return entries;
    }
    while (query->next()) {
        entries.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString(),
                        QDateTime::fromString(query->value(3).toString(), Qt::ISODateWithMs),
                        QJsonDocument::fromJson(query->value(4).toString().toUtf8()).object()});
    }
    return entries;
}

QList<PostedPayment> ItemHistoryStore::payments(const QString &itemId, StoreError *error)
{
    QList<PostedPayment> payments;
    QSqlQuery *query = m_selectPayments.get(m_database.connection(), error);
    if (!query)
        return payments;
    const auto done = qScopeGuard([query]() { query->finish(); });
    query->bindValue(0, itemId);
    if (!query->exec()) {
        setError(error, queryFailure(*query, u"Reading an item's payments"));
        return payments;
    }
    while (query->next()) {
        payments.append({query->value(0).toString(), QDate::fromString(query->value(1).toString(), Qt::ISODate),
                         query->value(2).toString(), Money::fromCents(query->value(3).toLongLong()),
                         Money::fromCents(query->value(4).toLongLong()), Money::fromCents(query->value(5).toLongLong()),
                         query->value(6).toBool()});
    }
    return payments;
}

} // namespace rcm::store
