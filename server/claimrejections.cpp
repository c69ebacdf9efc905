// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/claimrejections.h"

#include "server/gatewaystore.h"
#include "services/store/workitemstore.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using models::WorkItem;
using store::StoreError;

namespace {

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

models::Priority priorityOf(Money charge)
{
    if (charge.cents() >= 500'000)
        return models::Priority::Urgent;
    return charge.cents() >= 50'000 ? models::Priority::High : models::Priority::Normal;
}

} // namespace

ClaimRejections::ClaimRejections(GatewayStore &store)
    : m_store(store)
{ }

StoreError ClaimRejections::raise(const Rejection &rejection, const models::User &by, const QDateTime &now,
                                  QString *workItemId, bool *raised)
{
    *raised = false;
    QSqlQuery open(m_store.database().connection());
    open.prepare(u"SELECT work_item_id FROM claim_rejections WHERE claim_number = ? AND closed_at IS NULL "
                 "ORDER BY work_item_id LIMIT 1"_s);
    open.addBindValue(rejection.claimNumber);
    if (!open.exec())
        return queryError(open);
    ActionRequest note;
    note.type = models::ActionType::Note;
    note.text = rejection.explanation;
    if (open.next()) {
        // Already worked as a rejection: the new one goes into its history.
        *workItemId = open.value(0).toString();
        open.finish();
        if (const std::optional<WorkItem> item = m_store.item(*workItemId))
            return m_store.appendAudit(*item, by, note, now);
        return {};
    }
    open.finish();

    QSqlQuery submission(m_store.database().connection());
    submission.prepare(u"SELECT s.payer_id, coalesce(p.name, s.payer_id), s.charge_cents, s.patient_name, "
                       "s.facility_id, s.service_from, s.service_to, coalesce(w.account_number, c.account_number) "
                       "FROM claim_submissions AS s LEFT JOIN payers AS p ON p.id = s.payer_id "
                       "LEFT JOIN claims AS c ON c.claim_number = s.claim_number "
                       "LEFT JOIN work_items AS w ON w.id = c.work_item_id WHERE s.id = ?"_s);
    submission.addBindValue(rejection.submissionId);
    if (!submission.exec())
        return queryError(submission);
    if (!submission.next())
        return StoreError(StoreError::Code::Query, u"Submission %1 is not recorded"_s.arg(rejection.submissionId));
    WorkItem item;
    item.id = u"REJ-%1"_s.arg(rejection.submissionId);
    item.queue = models::Queue::ClaimRejection;
    item.status = models::WorkItemStatus::New;
    item.claimNumber = rejection.claimNumber;
    item.payerId = submission.value(0).toString();
    item.payerName = submission.value(1).toString();
    item.billed = Money::fromCents(submission.value(2).toLongLong());
    item.patientDisplayName = submission.value(3).toString();
    item.facilityId = submission.value(4).toString();
    item.serviceFrom = QDate::fromString(submission.value(5).toString(), Qt::ISODate);
    item.serviceTo = QDate::fromString(submission.value(6).toString(), Qt::ISODate);
    item.accountNumber = submission.value(7).toString();
    submission.finish();
    if (item.accountNumber.isEmpty())
        item.accountNumber = rejection.claimNumber;
    item.balance = item.billed;
    item.atRisk = item.billed; // nothing is paid until it is corrected and sent again
    item.priority = priorityOf(item.billed);
    item.denialCategory = models::DenialCategory::Other;
    item.dueDate = now.date().addDays(2); // a rejected claim was never received: fix it within days
    item.createdAt = now;
    item.updatedAt = now;
    item.version = 1;
    if (const StoreError error = store::WorkItemStore(m_store.database()).upsertItems({&item, 1}))
        return error;
    QSqlQuery record(m_store.database().connection());
    record.prepare(u"INSERT INTO claim_rejections (work_item_id, claim_number, submission_id, file_id, source, "
                   "explanation) VALUES (?, ?, ?, ?, ?, ?)"_s);
    record.addBindValue(item.id);
    record.addBindValue(rejection.claimNumber);
    record.addBindValue(rejection.submissionId);
    record.addBindValue(rejection.fileId);
    record.addBindValue(rejection.source);
    record.addBindValue(rejection.explanation);
    if (!record.exec())
        return queryError(record);
    *workItemId = item.id;
    *raised = true;
    // The explanation opens the item's history, in the tamper-evident audit chain.
    return m_store.appendAudit(item, by, note, now);
}

StoreError ClaimRejections::close(const QString &claimNumber, qint64 throughSubmission, const QString &note,
                                  const models::User &by, const QDateTime &now, int *closed)
{
    *closed = 0;
    QSqlQuery query(m_store.database().connection());
    query.prepare(u"UPDATE claim_rejections SET closed_at = ?, closed_by = ? WHERE claim_number = ? "
                  "AND closed_at IS NULL AND submission_id <= ? RETURNING work_item_id"_s);
    query.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(by.id);
    query.addBindValue(claimNumber);
    query.addBindValue(throughSubmission);
    if (!query.exec())
        return queryError(query);
    QStringList itemIds;
    while (query.next())
        itemIds.append(query.value(0).toString());
    query.finish();
    for (const QString &itemId : std::as_const(itemIds)) {
        std::optional<WorkItem> item = m_store.item(itemId);
        if (!item || !item->isOpen())
            continue;
        item->status = models::WorkItemStatus::Resolved;
        item->balance = Money();
        item->atRisk = Money();
        item->version += 1;
        item->updatedAt = now;
        if (const StoreError error = store::WorkItemStore(m_store.database()).upsertItems({&*item, 1}))
            return error;
        ActionRequest resolve;
        resolve.type = models::ActionType::Resolve;
        resolve.text = note;
        if (const StoreError error = m_store.appendAudit(*item, by, resolve, now))
            return error;
        ++*closed;
    }
    return {};
}

} // namespace rcm::server
