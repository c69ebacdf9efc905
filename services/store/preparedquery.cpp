// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/preparedquery.h"

#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

QSqlQuery *PreparedQuery::get(const QSqlDatabase &connection, StoreError *error)
{
    if (m_query)
        return &*m_query;
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    if (!query.prepare(m_sql)) {
        if (error)
            *error = queryFailure(query, u"Preparing a statement");
        return nullptr;
    }
    m_query = std::move(query);
    return &*m_query;
}

StoreError queryFailure(const QSqlQuery &query, QStringView what)
{
    return StoreError(StoreError::Code::Query, u"%1: %2"_s.arg(what, query.lastError().text()));
}

} // namespace rcm::store
