// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace rcm::models {

/// One line of a work item's history as the gateway's audit log records it: who did
/// what, when, with the action's details (a note's text, a resolution, an amount).
struct HistoryEntry
{
    qint64 sequence = 0; ///< position in the item's history, from 1
    QString type; ///< the action's wire name ("note", "assign", ...)
    QString actorId;
    QDateTime occurredAt;
    QJsonObject details;

    bool operator==(const HistoryEntry &) const = default;
};

} // namespace rcm::models
