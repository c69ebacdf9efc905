// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"
#include "models/wirename.h"

#include <QDateTime>
#include <QString>

namespace rcm::models {

enum class ActionType {
    Take,
    Assign,
    Note,
    Appeal,
    Resubmit,
    RequestWriteOff,
    ApproveWriteOff,
    RejectWriteOff,
    Hold,
    Release,
    Escalate,
    Resolve,
    Reopen,
    // Account events: audited, never sent as an action on a work item.
    UserAdded,
    PasswordChanged,
    UserDeactivated,
    EmergencyAccessGranted,
    EmergencyAccessEnded,
    BreakGlassEnabled,
    BreakGlassDisabled,
};

/// Whether type is an action on a work item (POST /v1/work-items/{id}/actions), not an
/// account event the audit log records about a user.
constexpr bool isWorkItemAction(ActionType type)
{
    return type <= ActionType::Reopen;
}

/// What a user asks to be done to one work item. The idempotency key makes a replay safe;
/// the base version is the item version the user saw, so a stale action is caught.
struct Action
{
    QString idempotencyKey;
    QString workItemId;
    ActionType type = ActionType::Note;
    qint64 baseVersion = 0;
    QString actorId;
    QString text; ///< note, appeal or escalation text
    QString assigneeId; ///< for Assign
    QString resolutionCode; ///< for Resolve
    Money amount; ///< for RequestWriteOff
    QDateTime createdAt; ///< UTC

    bool operator==(const Action &) const = default;
};

template<>
struct WireNamesOf<ActionType>
{
    static constexpr WireNames<ActionType, 20> table {{{
        {ActionType::Take, QLatin1StringView("take")},
        {ActionType::Assign, QLatin1StringView("assign")},
        {ActionType::Note, QLatin1StringView("note")},
        {ActionType::Appeal, QLatin1StringView("appeal")},
        {ActionType::Resubmit, QLatin1StringView("resubmit")},
        {ActionType::RequestWriteOff, QLatin1StringView("request_writeoff")},
        {ActionType::ApproveWriteOff, QLatin1StringView("approve_writeoff")},
        {ActionType::RejectWriteOff, QLatin1StringView("reject_writeoff")},
        {ActionType::Hold, QLatin1StringView("hold")},
        {ActionType::Release, QLatin1StringView("release")},
        {ActionType::Escalate, QLatin1StringView("escalate")},
        {ActionType::Resolve, QLatin1StringView("resolve")},
        {ActionType::Reopen, QLatin1StringView("reopen")},
        {ActionType::UserAdded, QLatin1StringView("user_added")},
        {ActionType::PasswordChanged, QLatin1StringView("password_changed")},
        {ActionType::UserDeactivated, QLatin1StringView("user_deactivated")},
        {ActionType::EmergencyAccessGranted, QLatin1StringView("emergency_access_granted")},
        {ActionType::EmergencyAccessEnded, QLatin1StringView("emergency_access_ended")},
        {ActionType::BreakGlassEnabled, QLatin1StringView("break_glass_enabled")},
        {ActionType::BreakGlassDisabled, QLatin1StringView("break_glass_disabled")},
    }}};
};

} // namespace rcm::models
