// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/money.h"
#include "models/wirename.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace rcm::models {

enum class Queue {
    Denial,
    Authorization,
    Remittance,
    ClaimRejection, ///< claims a clearinghouse or payer rejected (999, 277CA) before adjudication
};

enum class WorkItemStatus {
    New,
    InProgress,
    PendingPayer,
    OnHold,
    Escalated,
    WriteOffRequested,
    Resolved,
};

/// Higher is more urgent; stored as this integer so that SQL can sort on it.
enum class Priority { Low = 1, Normal = 2, High = 3, Urgent = 4 };

/// The families denials fall into; each routes to the people who can fix it.
enum class DenialCategory {
    None,
    Eligibility,
    Authorization,
    TimelyFiling,
    Coding,
    Duplicate,
    MedicalNecessity,
    CoordinationOfBenefits,
    Underpayment,
    Other,
};

/// One unit of follow-up work on one claim or account, in one queue.
struct WorkItem
{
    QString id;
    Queue queue = Queue::Denial;
    WorkItemStatus status = WorkItemStatus::New;
    Priority priority = Priority::Normal;
    QString ownerId; ///< empty when unassigned
    QDate dueDate;

    QString claimNumber;
    QString accountNumber;
    QString patientDisplayName;
    QString payerId;
    QString payerName;
    QString facilityId;
    QDate serviceFrom;
    QDate serviceTo;

    Money billed;
    Money balance;
    Money atRisk;

    QString groupCode; ///< CO, PR, OA, PI, CR
    QString carc; ///< claim adjustment reason code, e.g. "197"
    QStringList rarcs; ///< remittance advice remark codes, e.g. {"N54"}
    DenialCategory denialCategory = DenialCategory::None;

    QDate timelyFilingDeadline;
    QDate appealDeadline;

    qint64 version = 1;
    QDateTime createdAt; ///< UTC
    QDateTime updatedAt; ///< UTC

    bool isOpen() const { return status != WorkItemStatus::Resolved; }
    bool operator==(const WorkItem &) const = default;
};

template<>
struct WireNamesOf<Queue>
{
    static constexpr WireNames<Queue, 4> table {{{
        {Queue::Denial, QLatin1StringView("denial")},
        {Queue::Authorization, QLatin1StringView("authorization")},
        {Queue::Remittance, QLatin1StringView("remittance")},
        {Queue::ClaimRejection, QLatin1StringView("claim_rejection")},
    }}};
};

template<>
struct WireNamesOf<WorkItemStatus>
{
    static constexpr WireNames<WorkItemStatus, 7> table {{{
        {WorkItemStatus::New, QLatin1StringView("new")},
        {WorkItemStatus::InProgress, QLatin1StringView("in_progress")},
        {WorkItemStatus::PendingPayer, QLatin1StringView("pending_payer")},
        {WorkItemStatus::OnHold, QLatin1StringView("on_hold")},
        {WorkItemStatus::Escalated, QLatin1StringView("escalated")},
        {WorkItemStatus::WriteOffRequested, QLatin1StringView("writeoff_requested")},
        {WorkItemStatus::Resolved, QLatin1StringView("resolved")},
    }}};
};

template<>
struct WireNamesOf<Priority>
{
    static constexpr WireNames<Priority, 4> table {{{
        {Priority::Low, QLatin1StringView("low")},
        {Priority::Normal, QLatin1StringView("normal")},
        {Priority::High, QLatin1StringView("high")},
        {Priority::Urgent, QLatin1StringView("urgent")},
    }}};
};

template<>
struct WireNamesOf<DenialCategory>
{
    static constexpr WireNames<DenialCategory, 10> table {{{
        {DenialCategory::None, QLatin1StringView("none")},
        {DenialCategory::Eligibility, QLatin1StringView("eligibility")},
        {DenialCategory::Authorization, QLatin1StringView("authorization")},
        {DenialCategory::TimelyFiling, QLatin1StringView("timely_filing")},
        {DenialCategory::Coding, QLatin1StringView("coding")},
        {DenialCategory::Duplicate, QLatin1StringView("duplicate")},
        {DenialCategory::MedicalNecessity, QLatin1StringView("medical_necessity")},
        {DenialCategory::CoordinationOfBenefits, QLatin1StringView("coordination_of_benefits")},
        {DenialCategory::Underpayment, QLatin1StringView("underpayment")},
        {DenialCategory::Other, QLatin1StringView("other")},
    }}};
};

} // namespace rcm::models
