// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/api/apiclient.h"
#include "services/store/database.h"
#include "services/store/itemhistorystore.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace rcm::sync {

/// Fetches what the detail panel explains beyond the item itself (its history and the
/// payments remittances posted against its claim) into the cache. Offline or refused,
/// what the cache held stays. Only the newest fetch of an item is written, so a slow
/// older answer never overwrites a newer one.
class ItemDetailsFetch final : public QObject
{
    Q_OBJECT

public:
    ItemDetailsFetch(store::Database &cache, api::ApiClient &client, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ItemDetailsFetch)

    void fetch(const QString &itemId);
    /// Called just before an answer is written to the cache: a sync on the same connection
    /// commits its pending pages there, so that this write is not held in its transaction.
    void setBeforeWrite(std::function<void()> beforeWrite) { m_beforeWrite = std::move(beforeWrite); }

Q_SIGNALS:
    /// The item's history (and payments, when they came) are in the cache.
    void fetched(const QString &itemId);
    void failed(const QString &itemId, const rcm::api::ApiError &error);

private:
    store::ItemHistoryStore m_history;
    api::ApiClient &m_client;
    QHash<QString, quint64> m_latest; ///< item id -> the newest fetch's number
    quint64 m_fetches = 0;
    std::function<void()> m_beforeWrite;
};

} // namespace rcm::sync
