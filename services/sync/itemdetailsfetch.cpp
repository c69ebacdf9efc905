// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/sync/itemdetailsfetch.h"

#include "services/api/requests.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::sync {

ItemDetailsFetch::ItemDetailsFetch(store::Database &cache, api::ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_history(cache)
    , m_client(client)
{ }

void ItemDetailsFetch::fetch(const QString &itemId)
{
    const quint64 fetch = ++m_fetches;
    m_latest.insert(itemId, fetch);
    auto history = std::make_shared<api::HistoryRequest>(itemId);
    m_client.send(history, this, [this, itemId, fetch, history](const api::ApiError &historyError) {
        if (historyError) {
            if (m_latest.value(itemId) == fetch)
                m_latest.remove(itemId);
            Q_EMIT failed(itemId, historyError);
            return;
        }
        auto payments = std::make_shared<api::PaymentsRequest>(itemId);
        m_client.send(payments, this, [this, itemId, fetch, history, payments](const api::ApiError &paymentsError) {
            if (m_latest.value(itemId) != fetch)
                return; // a newer fetch of this item is under way
            m_latest.remove(itemId);
            if (m_beforeWrite)
                m_beforeWrite();
            const store::StoreError error = paymentsError
                ? m_history.replaceHistory(itemId, history->entries)
                : m_history.replaceHistoryAndPayments(itemId, history->entries, payments->payments);
            if (!error)
                Q_EMIT fetched(itemId);
        });
    });
}

} // namespace rcm::sync
