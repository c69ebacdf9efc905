// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/action.h"
#include "models/user.h"
#include "models/workitem.h"
#include "services/rules/problem.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace rcm::rules {

/// An action as the API received it, already checked for shape (see parseAction).
struct ActionRequest
{
    models::ActionType type = models::ActionType::Note;
    QString text;
    QString assigneeId;
    QString resolutionCode;
    models::Money amount;

    /// The audit event's details: ids, codes and amounts; the note text where there is one.
    QJsonObject details() const;
};

/// What the rules need to know beyond the item and the actor.
struct ActionContext
{
    std::optional<models::User> assignee; ///< for assign: the user named, if they exist
    QString writeOffRequesterId; ///< for approve/reject: who asked for the write-off
    models::Money writeOffAmount; ///< for approve: how much they asked to write off
};

/// The rules of the work queue: who may see which queue, which action each role may
/// take, and which status each action moves an item from and to. Pure functions, so
/// that every rule is tested without a server.
namespace ActionPolicy {

/// Queues a role works; supervisors and finance see all of them, a service account
/// (integration) none.
bool canView(models::Role role, models::Queue queue);

/// Whether a role works the queue at all: syncs items, reads the team and reports. Every
/// role of a person does; the integration service account does not.
bool worksQueues(models::Role role);

/// Who may post 835 remittance files: cash posters, supervisors and the integration
/// service account.
bool mayPostRemittances(models::Role role);

/// Who may send the gateway claims (837) and their acknowledgments (TA1, 999, 277CA):
/// the integration service account that feeds it, and supervisors.
bool mayImportClaims(models::Role role);

/// Who may load payer contracts (fee schedules, case rates): supervisors and the
/// integration service account.
bool mayLoadContracts(models::Role role);

/// Who may create and update work items from an upstream system (PUT and batch under
/// /v1/sources/): the integration service account, and supervisors.
bool mayIngestWorkItems(models::Role role);

/// Resolution codes a resolve action accepts.
const QStringList &resolutionCodes();

/// Parses {"type": ..., ...}: unknown fields, wrong types and missing or invalid values
/// are a 422 problem naming the field.
std::optional<ActionRequest> parseAction(const QJsonObject &body, Problem *problem);

/// Why actor may not do request on item (403 role, 409 transition, 422 value), or
/// nothing if they may.
std::optional<Problem> check(const models::User &actor, const models::WorkItem &item, const ActionRequest &request,
                             const ActionContext &context);

/// The item after the action: status, owner, balance and a version one higher.
models::WorkItem apply(models::WorkItem item, const models::User &actor, const ActionRequest &request,
                       const ActionContext &context, const QDateTime &now);

} // namespace ActionPolicy

} // namespace rcm::rules
