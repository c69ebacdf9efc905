// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/itemmodels/displaynames.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace rcm::itemmodels {

using namespace rcm::models;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("rcm::itemmodels", text);
}
} // namespace

QString displayName(Queue queue)
{
    switch (queue) {
    case Queue::Denial:
        return tr("Denials");
    case Queue::Authorization:
        return tr("Authorizations");
    case Queue::Remittance:
        return tr("Remittance exceptions");
    case Queue::ClaimRejection:
        return tr("Claim rejections");
    }
    return {};
}

QString displayName(WorkItemStatus status)
{
    switch (status) {
    case WorkItemStatus::New:
        return tr("New");
    case WorkItemStatus::InProgress:
        return tr("In progress");
    case WorkItemStatus::PendingPayer:
        return tr("Pending payer");
    case WorkItemStatus::OnHold:
        return tr("On hold");
    case WorkItemStatus::Escalated:
        return tr("Escalated");
    case WorkItemStatus::WriteOffRequested:
        return tr("Write-off requested");
    case WorkItemStatus::Resolved:
        return tr("Resolved");
    }
    return {};
}

QString displayName(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return tr("Low");
    case Priority::Normal:
        return tr("Normal");
    case Priority::High:
        return tr("High");
    case Priority::Urgent:
        return tr("Urgent");
    }
    return {};
}

QString displayName(DenialCategory category)
{
    switch (category) {
    case DenialCategory::None:
        return tr("None");
    case DenialCategory::Eligibility:
        return tr("Eligibility");
    case DenialCategory::Authorization:
        return tr("Authorization");
    case DenialCategory::TimelyFiling:
        return tr("Timely filing");
    case DenialCategory::Coding:
        return tr("Coding");
    case DenialCategory::Duplicate:
        return tr("Duplicate");
    case DenialCategory::MedicalNecessity:
        return tr("Medical necessity");
    case DenialCategory::CoordinationOfBenefits:
        return tr("Coordination of benefits");
    case DenialCategory::Underpayment:
        return tr("Underpayment");
    case DenialCategory::Other:
        return tr("Other");
    }
    return {};
}

QString exceptionKindName(const QString &kind)
{
    static const QHash<QString, const char *> names = {
        {u"unmatched-claim"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Unmatched claim")},
        {u"unmatched-line"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Unmatched line")},
        {u"underpaid"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Paid below expected")},
        {u"denied"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Denied")},
        {u"recoupment"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Recoupment (PLB)")},
        {u"out-of-balance"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Held: out of balance")},
        {u"overpaid"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Credit balance (overpaid)")},
        {u"payer-not-on-claim"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Payer not on claim")},
        {u"not-our-claim"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Not the payer's claim")},
        {u"interest-mismatch"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Interest mismatch")},
        {u"unknown-reason-code"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Unknown reason code")},
        {u"unpaired-reversal"_s, QT_TRANSLATE_NOOP("rcm::itemmodels", "Reversal without payment")},
    };
    const char *name = names.value(kind);
    return name ? tr(name) : kind;
}

} // namespace rcm::itemmodels
