#include "services/sync/itemdetailsfetch.h"

#include "services/api/requests.h"
#include "services/store/transactionguard.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::sync {

namespace {

bool writeDetails(store::Database &cache, const QString &itemId, const api::HistoryRequest &history,
                  const api::PaymentsRequest *payments)
{
    store::TransactionGuard transaction(cache.connection());
    QSqlQuery query(cache.connection());
    query.prepare(u"DELETE FROM item_history WHERE work_item_id = ?"_s);
    query.addBindValue(itemId);
    if (!query.exec())
        return false;
    query.prepare(u"INSERT INTO item_history (work_item_id, sequence, type, actor_id, occurred_at, details_json) "
                  "VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (const api::HistoryRequest::Entry &entry : history.entries) {
        query.addBindValue(itemId);
        query.addBindValue(entry.sequence);
        query.addBindValue(entry.type);
        query.addBindValue(entry.actorId);
        query.addBindValue(entry.occurredAt.toString(Qt::ISODateWithMs));
        query.addBindValue(QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)));
        if (!query.exec())
            return false;
    }
    if (payments) {
        query.prepare(u"DELETE FROM item_payments WHERE work_item_id = ?"_s);
        query.addBindValue(itemId);
        if (!query.exec())
            return false;
        query.prepare(u"INSERT INTO item_payments (work_item_id, position, trace_number, payment_date, "
                      "status_code, charge_cents, paid_cents, patient_responsibility_cents, reversed) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        for (qsizetype position = 0; position < payments->payments.size(); ++position) {
            const models::PostedPayment &payment = payments->payments.at(position);
            query.addBindValue(itemId);
            query.addBindValue(position);
            query.addBindValue(payment.traceNumber);
            query.addBindValue(payment.paymentDate.isValid() ? QVariant(payment.paymentDate.toString(Qt::ISODate))
                                                             : QVariant());
            query.addBindValue(payment.statusCode);
            query.addBindValue(payment.charge.cents());
            query.addBindValue(payment.paid.cents());
            query.addBindValue(payment.patientResponsibility.cents());
            query.addBindValue(payment.reversed ? 1 : 0);
            if (!query.exec())
                return false;
        }
    }
    query.finish();
    return !transaction.commit();
}

} // namespace

ItemDetailsFetch::ItemDetailsFetch(store::Database &cache, api::ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_client(client)
{ }

void ItemDetailsFetch::fetch(const QString &itemId)
{
    const quint64 fetch = ++m_fetches;
    m_latest.insert(itemId, fetch);
    auto history = std::make_shared<api::HistoryRequest>(itemId);
    m_client.send(history, this, [this, itemId, fetch, history](const api::ApiError &historyError) {
        if (historyError) {
            Q_EMIT failed(itemId, historyError);
            return;
        }
        auto payments = std::make_shared<api::PaymentsRequest>(itemId);
        m_client.send(payments, this, [this, itemId, fetch, history, payments](const api::ApiError &paymentsError) {
            if (m_latest.value(itemId) != fetch)
                return; // a newer fetch of this item is under way
            m_latest.remove(itemId);
            if (writeDetails(m_cache, itemId, *history, paymentsError ? nullptr : payments.get()))
                Q_EMIT fetched(itemId);
        });
    });
}

} // namespace rcm::sync
