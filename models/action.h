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
    // Not actions on a work item: what the gateway records in its audit chain about
    // sessions (subject "session:<user id>" or "signin:<hash of the name>") and about
    // accounts (subject "user:<id>").
    SignIn,
    SignInFailed,
    SignOut,
    // Recorded by the gateway itself, never asked for by a user:
    RemittancePosted, ///< an 835 file posted, held or released: counts and amounts
    ReadSummary, ///< what one session synced and opened since the last summary
    UserAdded,
    PasswordChanged,
    UserDeactivated,
    EmergencyAccessGranted,
    EmergencyAccessEnded,
    BreakGlassEnabled,
    BreakGlassDisabled,
    ClaimsImported, ///< an 837 file taken into the claim register: counts and charges
    AcknowledgmentsImported, ///< a TA1, 999 or 277CA file: counts of claims accepted and rejected
    ContractsLoaded, ///< a payer contract file replaced payers' terms: counts only
    // An upstream system's item (docs/work-items-in.md), recorded on the work item:
    SourceCreated, ///< created from a source's item
    SourceUpdated, ///< the source changed fields it owns: which ones
    SourceClosed, ///< the source closed its item (resolving it only if nobody had taken it)
    SourceReopened, ///< the source opened again an item it had closed
    SourceBatchReceived, ///< a batch from a source (subject "source:<name>"): counts only
};

/// Whether a user may ask for this on a work item (POST /v1/work-items/{id}/actions, the
/// workbench's action panel); the rest are only ever written by the gateway.
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
    static constexpr WireNames<ActionType, 33> table {{{
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
        {ActionType::SignIn, QLatin1StringView("sign_in")},
        {ActionType::SignInFailed, QLatin1StringView("sign_in_failed")},
        {ActionType::SignOut, QLatin1StringView("sign_out")},
        {ActionType::RemittancePosted, QLatin1StringView("remittance_posted")},
        {ActionType::ReadSummary, QLatin1StringView("read_summary")},
        {ActionType::UserAdded, QLatin1StringView("user_added")},
        {ActionType::PasswordChanged, QLatin1StringView("password_changed")},
        {ActionType::UserDeactivated, QLatin1StringView("user_deactivated")},
        {ActionType::EmergencyAccessGranted, QLatin1StringView("emergency_access_granted")},
        {ActionType::EmergencyAccessEnded, QLatin1StringView("emergency_access_ended")},
        {ActionType::BreakGlassEnabled, QLatin1StringView("break_glass_enabled")},
        {ActionType::BreakGlassDisabled, QLatin1StringView("break_glass_disabled")},
        {ActionType::ClaimsImported, QLatin1StringView("claims_imported")},
        {ActionType::AcknowledgmentsImported, QLatin1StringView("acknowledgments_imported")},
        {ActionType::ContractsLoaded, QLatin1StringView("contracts_loaded")},
        {ActionType::SourceCreated, QLatin1StringView("source_created")},
        {ActionType::SourceUpdated, QLatin1StringView("source_updated")},
        {ActionType::SourceClosed, QLatin1StringView("source_closed")},
        {ActionType::SourceReopened, QLatin1StringView("source_reopened")},
        {ActionType::SourceBatchReceived, QLatin1StringView("source_batch_received")},
    }}};
};

} // namespace rcm::models
