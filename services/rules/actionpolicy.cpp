// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/rules/actionpolicy.h"

#include <QJsonValue>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace rcm::rules {

using namespace rcm::models;

namespace {

constexpr qsizetype maximumTextLength = 4000;

bool isSupervisorOnly(ActionType type)
{
    return type == ActionType::Assign || type == ActionType::ApproveWriteOff || type == ActionType::RejectWriteOff;
}

bool needsOwnership(ActionType type)
{
    return type != ActionType::Take && type != ActionType::Note && !isSupervisorOnly(type);
}

/// The statuses an action may start from; empty means any.
QSet<WorkItemStatus> allowedFrom(ActionType type)
{
    using S = WorkItemStatus;
    const QSet<S> open = {S::New, S::InProgress, S::PendingPayer, S::OnHold, S::Escalated, S::WriteOffRequested};
    switch (type) {
    case ActionType::Note:
        return {};
    case ActionType::Take:
    case ActionType::Assign:
        return open;
    case ActionType::Appeal:
    case ActionType::Resubmit:
        return {S::New, S::InProgress, S::Escalated};
    case ActionType::RequestWriteOff:
        return {S::New, S::InProgress, S::Escalated, S::PendingPayer};
    case ActionType::ApproveWriteOff:
    case ActionType::RejectWriteOff:
        return {S::WriteOffRequested};
    case ActionType::Hold:
        return {S::New, S::InProgress, S::PendingPayer, S::Escalated};
    case ActionType::Release:
        return {S::OnHold};
    case ActionType::Escalate:
        return {S::New, S::InProgress, S::PendingPayer, S::OnHold};
    case ActionType::Resolve:
        return {S::New, S::InProgress, S::PendingPayer, S::OnHold, S::Escalated};
    case ActionType::Reopen:
        return {S::Resolved};
    case ActionType::SignIn:
    case ActionType::SignInFailed:
    case ActionType::SignOut:
    case ActionType::RemittancePosted:
    case ActionType::ClaimsImported:
    case ActionType::AcknowledgmentsImported:
    case ActionType::ContractsLoaded:
    case ActionType::SourceCreated:
    case ActionType::SourceUpdated:
    case ActionType::SourceClosed:
    case ActionType::SourceReopened:
    case ActionType::SourceBatchReceived:
    case ActionType::ReadSummary:
    case ActionType::UserAdded:
    case ActionType::PasswordChanged:
    case ActionType::UserDeactivated:
    case ActionType::EmergencyAccessGranted:
    case ActionType::EmergencyAccessEnded:
    case ActionType::BreakGlassEnabled:
    case ActionType::BreakGlassDisabled:
        return {}; // never asked for: check refuses them
    }
    return {};
}

/// The fields each action type accepts besides "type", and which of them it requires.
struct FieldRule
{
    QStringList allowed;
    QStringList required;
};

FieldRule fieldsOf(ActionType type)
{
    switch (type) {
    case ActionType::Take:
    case ActionType::Release:
        return {{}, {}};
    case ActionType::Assign:
        return {{u"assignee"_s, u"text"_s}, {u"assignee"_s}};
    case ActionType::Note:
    case ActionType::Appeal:
        return {{u"text"_s}, {u"text"_s}};
    case ActionType::RequestWriteOff:
        return {{u"amount"_s, u"text"_s}, {u"amount"_s, u"text"_s}};
    case ActionType::Resolve:
        return {{u"resolution"_s, u"text"_s}, {u"resolution"_s}};
    case ActionType::Resubmit:
    case ActionType::ApproveWriteOff:
    case ActionType::RejectWriteOff:
    case ActionType::Hold:
    case ActionType::Escalate:
    case ActionType::Reopen:
        return {{u"text"_s}, {}};
    case ActionType::SignIn:
    case ActionType::SignInFailed:
    case ActionType::SignOut:
    case ActionType::RemittancePosted:
    case ActionType::ClaimsImported:
    case ActionType::AcknowledgmentsImported:
    case ActionType::ContractsLoaded:
    case ActionType::SourceCreated:
    case ActionType::SourceUpdated:
    case ActionType::SourceClosed:
    case ActionType::SourceReopened:
    case ActionType::SourceBatchReceived:
    case ActionType::ReadSummary:
    case ActionType::UserAdded:
    case ActionType::PasswordChanged:
    case ActionType::UserDeactivated:
    case ActionType::EmergencyAccessGranted:
    case ActionType::EmergencyAccessEnded:
    case ActionType::BreakGlassEnabled:
    case ActionType::BreakGlassDisabled:
        return {{}, {}};
    }
    return {};
}

Problem invalid(const QString &detail)
{
    return problem(422, u"invalid-action"_s, u"The action is not valid"_s, detail);
}

} // namespace

QJsonObject ActionRequest::details() const
{
    QJsonObject details;
    if (!text.isEmpty())
        details.insert(u"text"_s, text);
    if (!assigneeId.isEmpty())
        details.insert(u"assignee"_s, assigneeId);
    if (!resolutionCode.isEmpty())
        details.insert(u"resolution"_s, resolutionCode);
    if (type == ActionType::RequestWriteOff)
        details.insert(u"amount"_s, amount.toString());
    return details;
}

namespace ActionPolicy {

bool canView(Role role, Queue queue)
{
    switch (role) {
    case Role::Biller: // billers work what the payer denied and what never got to it
        return queue == Queue::Denial || queue == Queue::ClaimRejection;
    case Role::Coder:
        return queue == Queue::Denial;
    case Role::AuthorizationSpecialist:
        return queue == Queue::Authorization;
    case Role::CashPoster:
        return queue == Queue::Remittance || queue == Queue::Denial;
    case Role::Supervisor:
    case Role::Finance:
        return true;
    case Role::Integration:
        return false;
    }
    return false;
}

bool worksQueues(Role role)
{
    return role != Role::Integration;
}

bool mayPostRemittances(Role role)
{
    return role == Role::CashPoster || role == Role::Supervisor || role == Role::Integration;
}

bool mayImportClaims(Role role)
{
    return role == Role::Supervisor || role == Role::Integration;
}

bool mayLoadContracts(Role role)
{
    return role == Role::Supervisor || role == Role::Integration;
}

bool mayIngestWorkItems(Role role)
{
    return role == Role::Supervisor || role == Role::Integration;
}

const QStringList &resolutionCodes()
{
    static const QStringList codes = {u"paid"_s,
                                      u"corrected_and_paid"_s,
                                      u"patient_responsibility"_s,
                                      u"contractual_adjustment"_s,
                                      u"duplicate_closed"_s,
                                      u"no_action_needed"_s};
    return codes;
}

std::optional<ActionRequest> parseAction(const QJsonObject &body, Problem *result)
{
    auto fail = [&](const QString &detail) {
        if (result)
            *result = invalid(detail);
        return std::nullopt;
    };
    const QJsonValue typeValue = body.value(u"type"_s);
    if (!typeValue.isString())
        return fail(u"\"type\" is required and must be a string"_s);
    const auto type = fromWireName<ActionType>(typeValue.toString());
    if (!type || !isWorkItemAction(*type))
        return fail(u"\"type\" is not an action: %1"_s.arg(typeValue.toString()));
    const FieldRule rule = fieldsOf(*type);
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"type"_s && !rule.allowed.contains(it.key()))
            return fail(u"\"%1\" is not a field of a %2 action"_s.arg(it.key(), typeValue.toString()));
        if (!it.value().isString())
            return fail(u"\"%1\" must be a string"_s.arg(it.key()));
    }
    for (const QString &field : rule.required) {
        if (body.value(field).toString().trimmed().isEmpty())
            return fail(u"\"%1\" is required for a %2 action"_s.arg(field, typeValue.toString()));
    }
    ActionRequest request;
    request.type = *type;
    request.text = body.value(u"text"_s).toString().trimmed();
    if (request.text.size() > maximumTextLength)
        return fail(u"\"text\" is longer than %1 characters"_s.arg(maximumTextLength));
    request.assigneeId = body.value(u"assignee"_s).toString();
    request.resolutionCode = body.value(u"resolution"_s).toString();
    if (*type == ActionType::Resolve && !resolutionCodes().contains(request.resolutionCode))
        return fail(u"\"resolution\" must be one of: %1"_s.arg(resolutionCodes().join(u", "_s)));
    if (*type == ActionType::RequestWriteOff) {
        const auto amount = Money::fromString(body.value(u"amount"_s).toString());
        if (!amount || amount->cents() <= 0)
            return fail(u"\"amount\" must be a positive decimal amount like \"125.00\""_s);
        if (!amount->isWithinCap()) {
            return fail(u"\"amount\" %1 is more than any single amount may be (%2)"_s.arg(
                amount->toString(), Money::fromCents(Money::capCents).toString()));
        }
        request.amount = *amount;
    }
    return request;
}

std::optional<Problem> check(const User &actor, const WorkItem &item, const ActionRequest &request,
                             const ActionContext &context)
{
    const QString action = QString(wireName(request.type));
    if (!isWorkItemAction(request.type))
        return invalid(u"\"type\" is not an action: %1"_s.arg(action));
    if (!worksQueues(actor.role)) {
        return problem(403, u"forbidden"_s, u"Not allowed"_s,
                       u"A service account posts files; it does not act on work items"_s);
    }
    if (actor.role == Role::Finance)
        return problem(403, u"forbidden"_s, u"Not allowed"_s, u"Finance has read-only access to work items"_s);
    if (isSupervisorOnly(request.type) && actor.role != Role::Supervisor)
        return problem(403, u"forbidden"_s, u"Not allowed"_s, u"Only a supervisor may %1"_s.arg(action));
    if (request.type == ActionType::ApproveWriteOff && context.writeOffRequesterId == actor.id) {
        return problem(403, u"segregation-of-duties"_s, u"Not allowed"_s,
                       u"A write-off must be approved by someone other than the person who requested it"_s);
    }
    const bool isOwner = !item.ownerId.isEmpty() && item.ownerId == actor.id;
    if (needsOwnership(request.type) && !isOwner && actor.role != Role::Supervisor) {
        return problem(403, u"not-owner"_s, u"Not allowed"_s,
                       u"Only the item's owner or a supervisor may %1; take the item first"_s.arg(action));
    }
    const QSet<WorkItemStatus> from = allowedFrom(request.type);
    if (!from.isEmpty() && !from.contains(item.status)) {
        return problem(409, u"invalid-transition"_s, u"Not possible in this status"_s,
                       u"An item that is %1 cannot take a %2 action"_s.arg(QString(wireName(item.status)), action));
    }
    if (request.type == ActionType::Take && !item.ownerId.isEmpty() && !isOwner) {
        return problem(409, u"already-owned"_s, u"Owned by someone else"_s,
                       u"The item belongs to another user; a supervisor can reassign it"_s);
    }
    if (request.type == ActionType::Appeal && item.queue != Queue::Denial)
        return problem(409, u"invalid-transition"_s, u"Not possible in this queue"_s, u"Only denials are appealed"_s);
    if (request.type == ActionType::Resubmit && item.queue == Queue::Remittance) {
        return problem(409, u"invalid-transition"_s, u"Not possible in this queue"_s,
                       u"A remittance exception is posted or adjusted, not resubmitted"_s);
    }
    if (request.type == ActionType::Assign) {
        if (!context.assignee || !context.assignee->active)
            return invalid(u"\"assignee\" is not an active user: %1"_s.arg(request.assigneeId));
        if (!canView(context.assignee->role, item.queue) || context.assignee->role == Role::Finance)
            return invalid(u"\"assignee\" does not work the %1 queue"_s.arg(QString(wireName(item.queue))));
    }
    if (request.type == ActionType::RequestWriteOff && request.amount > item.balance) {
        return invalid(
            u"\"amount\" %1 is more than the balance %2"_s.arg(request.amount.toString(), item.balance.toString()));
    }
    return std::nullopt;
}

WorkItem apply(WorkItem item, const User &actor, const ActionRequest &request, const ActionContext &context,
               const QDateTime &now)
{
    using S = WorkItemStatus;
    switch (request.type) {
    case ActionType::Take:
        item.ownerId = actor.id;
        if (item.status == S::New)
            item.status = S::InProgress;
        break;
    case ActionType::Assign:
        item.ownerId = request.assigneeId;
        if (item.status == S::New)
            item.status = S::InProgress;
        break;
    case ActionType::Note:
        break;
    case ActionType::Appeal:
    case ActionType::Resubmit:
        item.status = S::PendingPayer;
        break;
    case ActionType::RequestWriteOff:
        item.status = S::WriteOffRequested;
        break;
    case ActionType::ApproveWriteOff:
        item.status = S::Resolved;
        item.balance -= std::min(context.writeOffAmount, item.balance);
        item.atRisk = std::min(item.atRisk, item.balance);
        break;
    case ActionType::RejectWriteOff:
    case ActionType::Release:
    case ActionType::Reopen:
        item.status = S::InProgress;
        break;
    case ActionType::Hold:
        item.status = S::OnHold;
        break;
    case ActionType::Escalate:
        item.status = S::Escalated;
        break;
    case ActionType::Resolve:
        item.status = S::Resolved;
        break;
    case ActionType::SignIn:
    case ActionType::SignInFailed:
    case ActionType::SignOut:
    case ActionType::RemittancePosted:
    case ActionType::ClaimsImported:
    case ActionType::AcknowledgmentsImported:
    case ActionType::ContractsLoaded:
    case ActionType::SourceCreated:
    case ActionType::SourceUpdated:
    case ActionType::SourceClosed:
    case ActionType::SourceReopened:
    case ActionType::SourceBatchReceived:
    case ActionType::ReadSummary:
    case ActionType::UserAdded:
    case ActionType::PasswordChanged:
    case ActionType::UserDeactivated:
    case ActionType::EmergencyAccessGranted:
    case ActionType::EmergencyAccessEnded:
    case ActionType::BreakGlassEnabled:
    case ActionType::BreakGlassDisabled:
        break; // the gateway's own records: parseAction never lets a user ask for them
    }
    item.version += 1;
    item.updatedAt = now.toUTC();
    return item;
}

} // namespace ActionPolicy

} // namespace rcm::rules
