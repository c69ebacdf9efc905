// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "services/store/database.h"
#include "services/store/sqlitestatement.h"

#include <QByteArray>
#include <QHash>
#include <QStringList>

#include <memory>
#include <optional>

namespace rcm::server {

/// The pages of GET /v1/work-items written as JSON straight from the gateway's rows: the
/// same bytes as reading each page into WorkItems (GatewayStore::changes) and writing them
/// with api::appendJson, without the WorkItems, QVariants and date parsing in between (a
/// page of a thousand items cost more to convert than to read).
class ChangeFeed final
{
public:
    explicit ChangeFeed(store::Database &database);
    Q_DISABLE_COPY_MOVE(ChangeFeed)

    struct Page
    {
        QByteArray items; ///< the items array's elements, comma-separated, without the brackets
        qint64 lastSequence = 0; ///< after itself when the page is empty
        qsizetype count = 0; ///< items and tombstones
        bool hasMore = false;
        QStringList queues; ///< the queues of the page's items, sorted, each once
    };
    /// The changes the viewer may see after the sequence after, at most limit of them; a
    /// full sync (after 0) leaves out deleted items.
    std::optional<Page> page(const models::User &viewer, qint64 after, int limit, store::StoreError *error);

private:
    store::SqliteStatement *statementFor(models::Role role, bool fullSync, store::StoreError *error);

    store::Database &m_database;
    QHash<QString, std::shared_ptr<store::SqliteStatement>> m_statements; ///< by their SQL
};

} // namespace rcm::server
