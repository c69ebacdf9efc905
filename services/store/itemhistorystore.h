// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "models/history.h"
#include "services/store/database.h"
#include "services/store/preparedquery.h"
#include "services/store/storeerror.h"

#include <QList>

#include <span>

namespace rcm::store {

/// Each work item's history and the payments posted against its claim, as the server
/// last told them, for the detail panel. A replace swaps an item's whole list in one
/// transaction, so a reader never sees half of an old list and half of a new one.
/// Statements are prepared once; destroy it before closing its Database.
class ItemHistoryStore final
{
public:
    explicit ItemHistoryStore(Database &database);
    Q_DISABLE_COPY_MOVE(ItemHistoryStore)

    StoreError replaceHistory(const QString &itemId, std::span<const models::HistoryEntry> entries);
    StoreError replacePayments(const QString &itemId, std::span<const models::PostedPayment> payments);
    /// Both lists of one item, in one transaction.
    StoreError replaceHistoryAndPayments(const QString &itemId, std::span<const models::HistoryEntry> entries,
                                         std::span<const models::PostedPayment> payments);

    /// Oldest first.
    QList<models::HistoryEntry> history(const QString &itemId, StoreError *error = nullptr);
    /// In the order the server listed them.
    QList<models::PostedPayment> payments(const QString &itemId, StoreError *error = nullptr);

private:
    StoreError writeHistory(const QString &itemId, std::span<const models::HistoryEntry> entries);
    StoreError writePayments(const QString &itemId, std::span<const models::PostedPayment> payments);

    Database &m_database;
    PreparedQuery m_deleteHistory;
    PreparedQuery m_insertHistory;
    PreparedQuery m_selectHistory;
    PreparedQuery m_deletePayments;
    PreparedQuery m_insertPayment;
    PreparedQuery m_selectPayments;
};

} // namespace rcm::store
