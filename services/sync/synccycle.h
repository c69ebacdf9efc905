// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/api/session.h"
#include "services/store/database.h"
#include "services/sync/exportregistrations.h"
#include "services/sync/outbox.h"
#include "services/sync/syncengine.h"

#include <QObject>

namespace rcm::sync {

/// One sync as the workbench and rcmctl both run it: send the outbox, register the report
/// exports written since the last sync, bring the cache up to date, and sign in again when the session has expired
/// (with a password kept for the run, or by asking the person: then the cycle ends and their outbox waits).
class SyncCycle final : public QObject
{
    Q_OBJECT

public:
    struct Summary
    {
        Outbox::SendResult sent;
        ExportRegistrations::SendResult exports;
        SyncEngine::Result sync;
        qint64 pendingActions = 0;
        qint64 conflicts = 0;
        qint64 exportsWaiting = 0; ///< report exports still to register (offline, or refused)
        /// The session expired and nobody signed in again: sign in, then sync again.
        bool signInRequired() const;
        /// One line for the status bar or the terminal.
        QString message() const;
    };

    SyncCycle(store::Database &cache, api::Session &session, QObject *parent = nullptr);
    ~SyncCycle() override;
    Q_DISABLE_COPY_MOVE(SyncCycle)

    /// What a cycle covers: the outbox and then the changes, or only the outbox (rcmctl
    /// act and outbox retry send what was queued without fetching).
    enum class Scope { OutboxAndChanges, OutboxOnly };

    /// Starts a cycle; finished() reports how it ended. One at a time. The report exports
    /// registered are those kept for exporter, and the actions sent those sender wrote for
    /// this gateway: the person the caller signed in (empty: the session's user and server,
    /// read here, so only from the session's own thread).
    void start(SyncEngine::RemovalPolicy policy = SyncEngine::RemovalPolicy::AskAboveThreshold,
               Scope scope = Scope::OutboxAndChanges, const QString &exporter = {}, const OutboxAuthor &sender = {});
    bool isRunning() const { return m_running; }
    SyncEngine &engine() { return m_engine; }

Q_SIGNALS:
    /// What the outbox did, before the changes are fetched (rcmctl prints it).
    void outboxSent(const rcm::sync::Outbox::SendResult &result);
    void progressed(qint64 itemsReceived);
    void finished(const rcm::sync::SyncCycle::Summary &summary);

private:
    void sendOutbox();
    void outboxDone(const Outbox::SendResult &result);
    void sendExports();
    void exportsDone(const ExportRegistrations::SendResult &result);
    /// Ends the cycle before fetching: nobody signed in again after a 401.
    void stopUnauthorized(const api::ApiError &error);
    void syncDone(const SyncEngine::Result &result);

    store::Database &m_cache;
    api::Session &m_session;
    Outbox m_outbox;
    ExportRegistrations m_exports;
    SyncEngine m_engine;
    SyncEngine::RemovalPolicy m_policy = SyncEngine::RemovalPolicy::AskAboveThreshold;
    Scope m_scope = Scope::OutboxAndChanges;
    QString m_exporter;
    OutboxAuthor m_sender;
    Summary m_summary;
    bool m_running = false;
    bool m_renewed = false; ///< the session was renewed once this cycle (not again)
};

} // namespace rcm::sync

Q_DECLARE_METATYPE(rcm::sync::SyncCycle::Summary)
