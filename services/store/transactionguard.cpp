#include "services/store/transactionguard.h"

#include "services/store/storelogging.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

TransactionGuard::TransactionGuard(QSqlDatabase database, Mode mode)
    : m_database(std::move(database))
{
    // QSqlDatabase::transaction() issues a deferred BEGIN; an immediate one takes the
    // write lock up front, so two writers wait on busy_timeout instead of deadlocking.
    QSqlQuery begin(m_database);
    if (!begin.exec(mode == Mode::Immediate ? u"BEGIN IMMEDIATE"_s : u"BEGIN"_s)) {
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

StoreError TransactionGuard::commit()
{
    if (!m_active)
        return m_error.isError() ? m_error : StoreError(StoreError::Code::Query, u"No transaction to commit"_s);
    QSqlQuery query(m_database);
    if (!query.exec(u"COMMIT"_s)) {
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
    if (!query.exec(u"ROLLBACK"_s))
        qCWarning(lcStore) << "Rollback failed:" << query.lastError().text();
    m_active = false;
}

} // namespace rcm::store
