// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/auditcheckpoint.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace rcm::server {

class GatewayStore;

/// The gateway's hourly upkeep: forgets idempotency keys after a day (a client retries a
/// lost reply within minutes), purges tombstones after 30 days (a workbench that has not
/// synced for longer is told to resync in full), deletes expired sessions (past their
/// absolute expiry or idle too long) and forgets old sign-in failures. Starting it first
/// runs the one-time re-judging of open remittance items (PostingRejudge). Each run also
/// writes the read summaries to the audit chain and signs a checkpoint of where the chain ends.
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

    /// The file each run appends a signed checkpoint of the audit chain to; without one
    /// (tests of other things) no checkpoint is written.
    void setAuditCheckpoints(const QString &path) { m_checkpoints.emplace(path); }

    /// Writes the reads gathered since the last run to the audit chain, one summary entry per
    /// session, then appends a checkpoint if the chain grew since the last one.
    store::StoreError recordAudit(const QDateTime &now);

private:
    GatewayStore &m_store;
    std::optional<AuditCheckpointFile> m_checkpoints;
    std::optional<qint64> m_checkpointedThrough;
    Windows m_windows;
    QTimer m_timer;
};

} // namespace rcm::server
