// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/wirename.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace rcm::models {

/// Who wrote an outbox action, and for which gateway: only that person, signed in to that
/// gateway, sends it. server is the session's base URL as QUrl::toString() gives it
/// (http://127.0.0.1:8080/v1).
struct OutboxAuthor
{
    QString userId;
    QString server;

    bool isComplete() const { return !userId.isEmpty() && !server.isEmpty(); }
    bool operator==(const OutboxAuthor &) const = default;
};

/// One user action waiting for the server in the workbench's outbox, or one the user
/// must look at.
struct OutboxEntry
{
    enum class State {
        Pending, ///< waiting to be sent (or resent: the key makes that safe)
        Conflict, ///< the item changed on the server (412): retry on the new version or discard
        Failed, ///< the server refused it (403, 404, 409, 422): read why, then discard
        Review, ///< older than the server remembers keys, and maybe sent: check before resending
    };
    qint64 id = 0;
    QString idempotencyKey;
    QString workItemId;
    QJsonObject action; ///< {"type": ..., ...}
    qint64 baseVersion = 0;
    State state = State::Pending;
    int attempts = 0;
    QDateTime createdAt;
    QString lastError;
    QJsonObject conflictItem; ///< the server's item, for a conflict
    QString authorId; ///< empty: written before the outbox recorded its author
    QString server; ///< the gateway it was written for (empty with no author)

    OutboxAuthor author() const { return {authorId, server}; }

    QString typeName() const { return action.value(QStringLiteral("type")).toString(); }
};

template<>
struct WireNamesOf<OutboxEntry::State>
{
    static constexpr WireNames<OutboxEntry::State, 4> table {{{
        {OutboxEntry::State::Pending, QLatin1StringView("pending")},
        {OutboxEntry::State::Conflict, QLatin1StringView("conflict")},
        {OutboxEntry::State::Failed, QLatin1StringView("failed")},
        {OutboxEntry::State::Review, QLatin1StringView("review")},
    }}};
};

} // namespace rcm::models
