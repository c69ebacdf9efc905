// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"
#include "models/workitem.h"

#include <QDate>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcm::api {

/// What an upstream system (a source: an EHR work queue, a clearinghouse, a nightly
/// extract) says about one of its work items, as PUT /v1/sources/{source}/work-items/{id}
/// and the batch take it (docs/work-items-in.md). The source owns these fields; a field
/// left out keeps what the item has, and null clears it. The workflow (owner, status once
/// someone has taken the item, notes, history) is the workbench's and is not here.
struct SourceItem
{
    QString externalId; ///< the source's own id for the item
    /// "status": "closed" (true) or "open" (false); left out, the source's status stays as
    /// it last said (open for a new item).
    std::optional<bool> closed;
    QString closeReason;
    std::optional<models::Queue> queue; ///< required to create; never changes after
    std::optional<QString> claimNumber;
    std::optional<QString> accountNumber;
    std::optional<QString> patientDisplayName;
    std::optional<QString> payerId;
    std::optional<QString> payerName;
    std::optional<QString> facilityId;
    std::optional<QDate> serviceFrom;
    std::optional<QDate> serviceTo;
    std::optional<models::Money> billed;
    std::optional<models::Money> balance;
    std::optional<models::Money> atRisk;
    std::optional<QString> groupCode;
    std::optional<QString> carc;
    std::optional<QStringList> rarcs;
    std::optional<models::DenialCategory> denialCategory;
    std::optional<QDate> timelyFilingDeadline;
    std::optional<QDate> appealDeadline;
    std::optional<QDate> dueDate;
    std::optional<models::Priority> priority;
};

/// A source's name in the path: 1 to 32 letters, digits, ".", "_" or "-".
bool isValidSourceName(QStringView name);
/// An external id: 1 to 64 letters, digits, ".", "_", ":" or "-".
bool isValidExternalId(QStringView id);

/// Reads one item as a source sends it, refusing what is malformed: an unknown field, a
/// wrong type, an unknown enum value, an amount that is not a decimal, a date that is not
/// ISO, text too long. On failure error names the field. When externalId is given, the
/// object's own "externalId" (if any) must equal it; otherwise the object must carry one.
std::optional<SourceItem> sourceItemFromJson(const QJsonObject &object, QString *error, const QString &externalId = {});

/// Writes what the source says onto item (the fields it gives; null cleared) and returns
/// the names of the fields that changed, in wire names ("balance", "appealDeadline").
QStringList applySourceFields(const SourceItem &source, models::WorkItem *item);

} // namespace rcm::api
