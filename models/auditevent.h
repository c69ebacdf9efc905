// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/action.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace rcm::models {

/// One entry of the append-only audit log. Each entry's hash covers its own fields and
/// the previous entry's hash, so removing or editing an entry breaks the chain.
struct AuditEvent
{
    qint64 sequence = 0;
    QString workItemId;
    QString actorId;
    ActionType actionType = ActionType::Note;
    qint64 resultingVersion = 0;
    QDateTime occurredAt; ///< UTC
    QByteArray detailsJson; ///< compact JSON; ids and codes only, never PHI
    QByteArray previousHash; ///< hex SHA-256 of the previous entry; empty for the first
    QByteArray hash; ///< hex SHA-256 of this entry

    /// The canonical bytes the hash is computed over.
    QByteArray canonicalBytes() const;
    QByteArray computeHash() const;

    bool operator==(const AuditEvent &) const = default;
};

} // namespace rcm::models
