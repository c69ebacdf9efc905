// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/sync/synccycle.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::sync {

bool SyncCycle::Summary::signInRequired() const
{
    return sync.apiError.kind == api::ApiError::Kind::Unauthorized
        || sent.stoppedBy.kind == api::ApiError::Kind::Unauthorized;
}

QString SyncCycle::Summary::message() const
{
    QString text = sync.message();
    if (sent.stoppedBy && sync.outcome == SyncEngine::Result::Outcome::Completed)
        text += u"; actions not sent: "_s + sent.stoppedBy.message();
    if (exports.registered > 0)
        text += u"; %1 report export(s) registered"_s.arg(exports.registered);
    if (exports.refused > 0)
        text += u"; %1 report export(s) refused by the gateway"_s.arg(exports.refused);
    return text;
}

SyncCycle::SyncCycle(store::Database &cache, api::Session &session, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
    , m_session(session)
    , m_outbox(cache)
    , m_exports(cache)
    , m_engine(cache, session.client())
{
    qRegisterMetaType<Summary>();
    m_engine.setSignInRenewal([this](std::function<void(bool)> done) { m_session.renewSignIn(this, done); });
    connect(&m_engine, &SyncEngine::progressed, this,
            [this](const SyncEngine::Progress &progress) { Q_EMIT progressed(progress.itemsReceived); });
    connect(&m_engine, &SyncEngine::finished, this, &SyncCycle::syncDone);
}

SyncCycle::~SyncCycle() = default;

void SyncCycle::start(SyncEngine::RemovalPolicy policy, Scope scope, const QString &exporter,
                      const OutboxAuthor &sender)
{
    Q_ASSERT(!m_running);
    m_running = true;
    m_renewed = false;
    m_policy = policy;
    m_scope = scope;
    m_exporter = exporter.isEmpty() ? m_session.username() : exporter;
    m_sender = sender == OutboxAuthor() ? OutboxAuthor {m_session.user().id, m_session.server().toString()} : sender;
    m_summary = Summary();
    sendOutbox();
}

void SyncCycle::sendOutbox()
{
    m_outbox.send(m_session.client(), m_sender, this, [this](const Outbox::SendResult &result) { outboxDone(result); });
}

void SyncCycle::outboxDone(const Outbox::SendResult &result)
{
    if (result.stoppedBy.kind == api::ApiError::Kind::Unauthorized && !m_renewed) {
        m_renewed = true;
        m_session.renewSignIn(this, [this, result](bool renewed) {
            if (renewed) {
                m_summary.sent.sent += result.sent; // what went before the session expired
                m_summary.sent.conflicts += result.conflicts;
                m_summary.sent.failed += result.failed;
                m_summary.sent.flaggedForReview += result.flaggedForReview;
                sendOutbox();
            } else {
                outboxDone(result); // the sync meets the same 401 and ends asking for a sign-in
            }
        });
        return;
    }
    m_summary.sent.sent += result.sent;
    m_summary.sent.conflicts += result.conflicts;
    m_summary.sent.failed += result.failed;
    m_summary.sent.flaggedForReview += result.flaggedForReview;
    m_summary.sent.stoppedBy = result.stoppedBy;
    Q_EMIT outboxSent(m_summary.sent);
    if (result.stoppedBy.kind == api::ApiError::Kind::Unauthorized)
        return stopUnauthorized(result.stoppedBy);
    if (result.stoppedBy) // offline: the exports would meet the same
        return exportsDone({});
    sendExports();
}

void SyncCycle::sendExports()
{
    m_exports.send(m_session.client(), m_exporter, this,
                   [this](const ExportRegistrations::SendResult &result) { exportsDone(result); });
}

void SyncCycle::exportsDone(const ExportRegistrations::SendResult &result)
{
    m_summary.exports.registered += result.registered;
    m_summary.exports.refused += result.refused;
    if (result.stoppedBy.kind == api::ApiError::Kind::Unauthorized && !m_renewed) {
        m_renewed = true;
        m_session.renewSignIn(this, [this, result](bool renewed) {
            if (renewed)
                return sendExports();
            m_summary.exports.stoppedBy = result.stoppedBy;
            stopUnauthorized(result.stoppedBy);
        });
        return;
    }
    m_summary.exports.stoppedBy = result.stoppedBy;
    if (result.stoppedBy.kind == api::ApiError::Kind::Unauthorized)
        return stopUnauthorized(result.stoppedBy);
    if (m_scope == Scope::OutboxOnly)
        return syncDone(SyncEngine::Result());
    m_engine.start(m_policy);
}

void SyncCycle::stopUnauthorized(const api::ApiError &error)
{
    // Nobody signed in again: fetching changes would only meet the same answer.
    m_summary.sync.outcome = SyncEngine::Result::Outcome::Failed;
    m_summary.sync.apiError = error;
    syncDone(m_summary.sync);
}

void SyncCycle::syncDone(const SyncEngine::Result &result)
{
    m_summary.sync = result;
    // The person's own: another's waiting actions are not theirs to hear about.
    m_summary.pendingActions = m_outbox.count(OutboxEntry::State::Pending, m_sender);
    m_summary.conflicts = m_outbox.count(OutboxEntry::State::Conflict, m_sender);
    m_summary.exportsWaiting = m_exports.waitingCount();
    m_running = false;
    Q_EMIT finished(m_summary);
}

} // namespace rcm::sync
