// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/storeerror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <optional>

namespace rcm::store {

/// A QtSql statement prepared on first use and kept for the life of the store that owns
/// it, so each operation binds and runs it instead of parsing its SQL again. A store
/// that reads rows calls finish() when it is done, so no read stays open on the file.
class PreparedQuery final
{
public:
    explicit PreparedQuery(QString sql)
        : m_sql(std::move(sql))
    { }
    Q_DISABLE_COPY_MOVE(PreparedQuery)

    /// The statement, prepared on connection the first time; null (and error set) if
    /// it cannot be prepared.
    QSqlQuery *get(const QSqlDatabase &connection, StoreError *error);

private:
    QString m_sql;
    std::optional<QSqlQuery> m_query;
};

/// A failed statement as a StoreError: what was being done, and SQLite's reason.
StoreError queryFailure(const QSqlQuery &query, QStringView what);

} // namespace rcm::store
