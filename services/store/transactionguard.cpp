// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/transactionguard.h"

#include "services/store/sqlitestatement.h"
#include "services/store/storelogging.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

TransactionGuard::TransactionGuard(QSqlDatabase database, Mode mode)
    : m_database(std::move(database))
{
    // QSqlDatabase::transaction() issues a deferred BEGIN; an immediate one takes the
    // write lock up front, so two writers wait on busy_timeout instead of deadlocking.
    static std::atomic<quint64> savepoints {0};
    sqlite3 *handle = sqliteHandle(m_database);
    if (handle && sqlite3_get_autocommit(handle) == 0)
        m_savepoint = u"nested_%1"_s.arg(savepoints.fetch_add(1));
    QSqlQuery begin(m_database);
    const QString statement = !m_savepoint.isEmpty() ? u"SAVEPOINT "_s + m_savepoint
        : mode == Mode::Immediate                    ? u"BEGIN IMMEDIATE"_s
                                                     : u"BEGIN"_s;
    if (!begin.exec(statement)) {
        const bool busy = begin.lastError().nativeErrorCode() == u"5"_s;
        m_error = StoreError(busy ? StoreError::Code::Busy : StoreError::Code::Query,
                             u"Could not start a transaction: %1"_s.arg(begin.lastError().text()));
        return;
    }
    m_active = true;
}

TransactionGuard::~TransactionGuard()
{
    if (m_active)
        rollback();
}

bool TransactionGuard::isOpenInSqlite() const
{
    sqlite3 *handle = sqliteHandle(m_database);
    return m_active && handle && sqlite3_get_autocommit(handle) == 0;
}

StoreError TransactionGuard::commit()
{
    if (!m_active)
        return m_error.isError() ? m_error : StoreError(StoreError::Code::Query, u"No transaction to commit"_s);
    QSqlQuery query(m_database);
    if (!query.exec(m_savepoint.isEmpty() ? u"COMMIT"_s : u"RELEASE "_s + m_savepoint)) {
        const StoreError error(StoreError::Code::Query, u"Could not commit: %1"_s.arg(query.lastError().text()));
        rollback();
        return error;
    }
    m_active = false;
    return {};
}

void TransactionGuard::rollback()
{
    if (!m_active)
        return;
    QSqlQuery query(m_database);
    const bool rolledBack = m_savepoint.isEmpty()
        ? query.exec(u"ROLLBACK"_s)
        : query.exec(u"ROLLBACK TO "_s + m_savepoint) && query.exec(u"RELEASE "_s + m_savepoint);
    if (!rolledBack)
        qCWarning(lcStore) << "Rollback failed:" << query.lastError().text();
    m_active = false;
}

} // namespace rcm::store
