// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/storeerror.h"

#include <QSqlDatabase>

namespace rcm::store {

/// Opens a write transaction on construction and rolls it back on destruction unless
/// commit() succeeded, so an early return or an exception never leaves half a change.
/// Inside another transaction it becomes a savepoint, so that store operations compose:
/// the outer transaction commits or rolls back the whole.
class TransactionGuard final
{
public:
    enum class Mode { Deferred, Immediate };

    explicit TransactionGuard(QSqlDatabase database, Mode mode = Mode::Immediate);
    ~TransactionGuard();
    Q_DISABLE_COPY_MOVE(TransactionGuard)

    /// The error from BEGIN, if the transaction could not be started.
    const StoreError &beginError() const { return m_error; }
    bool isActive() const { return m_active; }
    /// Whether SQLite still has it open: after SQLITE_FULL, IOERR or NOMEM it may have
    /// rolled the whole transaction back on its own.
    bool isOpenInSqlite() const;

    StoreError commit();
    void rollback();

private:
    QSqlDatabase m_database;
    StoreError m_error;
    bool m_active = false;
    QString m_savepoint; ///< set when nested in an outer transaction
};

} // namespace rcm::store
