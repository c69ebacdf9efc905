// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayupkeep.h"

#include "server/postingrejudge.h"

#include "server/gatewayserver.h"
#include "server/gatewaystore.h"
#include "server/signinthrottle.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

GatewayUpkeep::GatewayUpkeep(GatewayStore &store, QObject *parent)
    : GatewayUpkeep(store, Windows(), parent)
{ }

GatewayUpkeep::GatewayUpkeep(GatewayStore &store, Windows windows, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_windows(windows)
{
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        purgeExpired(now);
        recordAudit(now);
    });
}

void GatewayUpkeep::start(std::chrono::milliseconds interval)
{
    // Once per database: the items the posting rules before schema 4 raised and the
    // current ones would not (docs/posting-rules.md, section 9).
    PostingRejudge(m_store).run(QDateTime::currentDateTimeUtc());
    m_timer.start(interval);
}

store::StoreError GatewayUpkeep::purgeExpired(const QDateTime &now)
{
    const store::StoreError keys = m_store.purgeIdempotencyKeys(now.addDuration(-m_windows.idempotencyKeys));
    if (keys)
        qCWarning(lcGateway).noquote() << "Purging idempotency keys failed:" << keys.message();
    const store::StoreError tombstones = m_store.purgeTombstones(now.addDuration(-m_windows.tombstones));
    if (tombstones)
        qCWarning(lcGateway).noquote() << "Purging tombstones failed:" << tombstones.message();
    const store::StoreError sessions = m_store.purgeSessions(now, m_windows.sessionIdle);
    if (sessions)
        qCWarning(lcGateway).noquote() << "Purging expired sessions failed:" << sessions.message();
    SignInThrottle::Limits limits;
    limits.failureMemory = m_windows.signInFailures;
    const store::StoreError failures = SignInThrottle(m_store.database(), limits).purge(now);
    if (failures)
        qCWarning(lcGateway).noquote() << "Purging old sign-in failures failed:" << failures.message();
    for (const store::StoreError *error : {&keys, &tombstones, &sessions, &failures}) {
        if (*error)
            return *error;
    }
    return {};
}

} // namespace rcm::server

namespace rcm::server {

store::StoreError GatewayUpkeep::recordAudit(const QDateTime &now)
{
    store::StoreError failure = m_store.readSummaries().flush(m_store, now);
    if (failure)
        qCWarning(lcGateway).noquote() << "Writing the read summaries to the audit log failed:" << failure.message();
    const AuditKey *key = m_store.auditKey();
    if (!m_checkpoints || !key)
        return failure;
    if (!m_checkpointedThrough) {
        m_checkpointedThrough = 0;
        for (const AuditCheckpoint &checkpoint : m_checkpoints->read(*key).valid)
            m_checkpointedThrough = std::max(*m_checkpointedThrough, checkpoint.sequence);
    }
    store::StoreError error;
    std::optional<AuditCheckpoint> head = m_store.auditHead(&error);
    if (!head) {
        qCWarning(lcGateway).noquote() << "Reading the end of the audit log failed:" << error.message();
        return failure ? failure : error;
    }
    if (head->sequence == *m_checkpointedThrough)
        return failure;
    if (head->sequence < *m_checkpointedThrough) {
        // Entries a checkpoint vouched for are gone: a new checkpoint would only paper over
        // it. Say so loudly and leave the evidence as it is for `rcmctl audit verify`.
        const QString cut = u"the audit log ends at entry %1, before the checkpointed entry %2: entries were deleted; "
                            "no checkpoint written"_s.arg(head->sequence)
                                .arg(*m_checkpointedThrough);
        qCCritical(lcGateway).noquote() << cut;
        return failure ? failure : store::StoreError(store::StoreError::Code::Query, cut);
    }
    head->time = now.toUTC();
    if (const QString written = m_checkpoints->append(*head, *key); !written.isEmpty()) {
        qCWarning(lcGateway).noquote() << "Writing an audit checkpoint to" << m_checkpoints->path()
                                       << "failed:" << written;
        return failure ? failure : store::StoreError(store::StoreError::Code::Query, written);
    }
    m_checkpointedThrough = head->sequence;
    return failure;
}

} // namespace rcm::server
