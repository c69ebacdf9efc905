// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/exportrecord.h"
#include "services/api/apiclient.h"
#include "services/store/database.h"
#include "services/store/pendingexportstore.h"

#include <functional>
#include <memory>

namespace rcm::sync {

/// Report exports waiting to be registered with the gateway: a file written while the
/// gateway could not be reached is kept in the exporter's cache and registered at the next
/// sync under that person's own session (POST /v1/exports is safe to resend: the same user
/// registering the same hash again gets the first record back).
class ExportRegistrations final
{
public:
    explicit ExportRegistrations(store::Database &cache);
    Q_DISABLE_COPY_MOVE(ExportRegistrations)

    /// Keeps record for username to register at the next sync.
    store::StoreError keep(const models::ExportRecord &record, const QString &username);
    /// The gateway registered the file now: nothing waits for it.
    store::StoreError forget(const QString &sha256);

    struct SendResult
    {
        int registered = 0;
        int refused = 0; ///< the gateway said no (kept, with its reason, and not sent again)
        int failed = 0; ///< server trouble: kept, and sent again at the next sync
        api::ApiError stoppedBy; ///< a network or sign-in problem that stopped sending
    };
    /// Sends what username's exports wait for, one at a time, then calls done in context's
    /// thread (not if context goes first). The cache must outlive the sending.
    void send(api::ApiClient &client, const QString &username, const QObject *context,
              std::function<void(const SendResult &)> done);

    /// Registrations waiting, of anyone; -1 if they cannot be counted.
    qint64 waitingCount();

private:
    struct Sending;
    void sendNext(api::ApiClient &client, const QObject *context, const std::shared_ptr<Sending> &sending);

    store::PendingExportStore m_store;
};

} // namespace rcm::sync
