// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/storeerror.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace rcm::server {

class GatewayStore;

/// The gateway's hourly upkeep: forgets idempotency keys after a day (a client retries a
/// lost reply within minutes), purges tombstones after 30 days (a workbench that has not
/// synced for longer is told to resync in full), deletes expired sessions (past their
/// absolute expiry or idle too long) and forgets old sign-in failures. Starting it first
/// runs the one-time re-judging of open remittance items (PostingRejudge).
class GatewayUpkeep final : public QObject
{
    Q_OBJECT

public:
    struct Windows
    {
        std::chrono::hours idempotencyKeys = std::chrono::hours(24);
        std::chrono::hours tombstones = std::chrono::hours(24 * 30);
        std::chrono::seconds sessionIdle {30 * 60}; ///< as WorkQueueApi::Options::sessionIdle
        std::chrono::seconds signInFailures {24 * 3600}; ///< as SignInThrottle::Limits::failureMemory
    };

    explicit GatewayUpkeep(GatewayStore &store, QObject *parent = nullptr);
    GatewayUpkeep(GatewayStore &store, Windows windows, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(GatewayUpkeep)

    /// Runs the upkeep every interval from now on.
    void start(std::chrono::milliseconds interval = std::chrono::hours(1));

    /// Purges what is older than its window, counted back from now. Every purge runs even
    /// if one fails; the first error is returned (and each is logged).
    store::StoreError purgeExpired(const QDateTime &now);

private:
    GatewayStore &m_store;
    Windows m_windows;
    QTimer m_timer;
};

} // namespace rcm::server
