// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayupkeep.h"

#include "server/postingrejudge.h"

#include "server/gatewayserver.h"
#include "server/gatewaystore.h"
#include "server/signinthrottle.h"

namespace rcm::server {

GatewayUpkeep::GatewayUpkeep(GatewayStore &store, QObject *parent)
    : GatewayUpkeep(store, Windows(), parent)
{ }

GatewayUpkeep::GatewayUpkeep(GatewayStore &store, Windows windows, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_windows(windows)
{
    connect(&m_timer, &QTimer::timeout, this, [this]() { purgeExpired(QDateTime::currentDateTimeUtc()); });
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
