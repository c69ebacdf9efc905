// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/remittanceposter.h"

#include "server/claimregister.h"
#include "server/gatewaystore.h"
#include "services/store/transactionguard.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using models::WorkItem;
using store::StoreError;
using Kind = RemittanceExceptionKind;

namespace {

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

QJsonArray defectsJson(const QList<x12::Defect> &defects, x12::Severity severity)
{
    QJsonArray array;
    for (const x12::Defect &defect : defects) {
        if (defect.severity == severity) {
            array.append(QJsonObject {{u"segment"_s, defect.segmentNumber},
                                      {u"segmentId"_s, defect.segmentId},
                                      {u"code"_s, defect.code},
                                      {u"message"_s, defect.message}});
        }
    }
    return array;
}

models::DenialCategory categoryOf(const RemittanceException &exception)
{
    switch (exception.kind) {
    case Kind::Underpaid:
        return models::DenialCategory::Underpayment;
    case Kind::DeniedLine: {
        const auto code
            = reference::ReasonCodeCatalogue::builtIn().find(reference::ReasonCode::Kind::Carc, exception.reasonCode);
        return code ? models::fromWireName<models::DenialCategory>(code->family).value_or(models::DenialCategory::Other)
                    : models::DenialCategory::Other;
    }
    default:
        return models::DenialCategory::Other;
    }
}

models::Priority priorityOf(const RemittanceException &exception)
{
    const qint64 cents = std::abs(exception.amount.cents());
    if (cents >= 500'000)
        return models::Priority::Urgent;
    if (cents >= 50'000 || exception.kind == Kind::Recoupment || exception.kind == Kind::OutOfBalance)
        return models::Priority::High;
    return models::Priority::Normal;
}

} // namespace

RemittancePoster::RemittancePoster(GatewayStore &store)
    : m_store(store)
{ }

RemittancePoster::Result RemittancePoster::import(const QByteArray &x12, const models::User &by, Mode mode,
                                                  const QDateTime &now)
{
    QBuffer buffer;
    buffer.setData(x12);
    buffer.open(QIODevice::ReadOnly);
    return import(&buffer, by, mode, now);
}

RemittancePoster::Result RemittancePoster::import(QIODevice *file, const models::User &by, Mode mode,
                                                  const QDateTime &now)
{
    Result result;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(file);
    const QByteArray digest = hash.result().toHex();
    file->seek(0);
    const x12::RemittanceCheck check = x12::checkRemittances(file, reference::ReasonCodeCatalogue::builtIn());

    ClaimRegister claims(m_store.database());
    RemittanceMatcher matcher(m_store.database(), claims);
    QList<Planned> planned;
    QSet<std::pair<QString, QString>> inThisFile; // a payer's trace sent twice in one file posts once
    for (const x12::CheckedRemittance &checked : check.transactions) {
        RemittancePlan plan = matcher.plan(checked);
        const std::pair key {plan.traceNumber, plan.payerKey};
        if (inThisFile.contains(key)) {
            plan.duplicate = true;
            plan.exceptions.clear();
        }
        if (plan.readable) // an unreadable copy does not stop an intact one from posting
            inThisFile.insert(key);
        planned.append({checked, plan});
    }

    QList<QJsonObject> reports(planned.size());
    if (mode == Mode::Post) {
        if (const StoreError error = post(planned, digest, by, now, reports)) {
            result.error = error.message();
            return result;
        }
    }
    QJsonArray transactions;
    qsizetype posted = 0;
    qsizetype duplicates = 0;
    qsizetype exceptions = 0;
    for (qsizetype index = 0; index < planned.size(); ++index) {
        const Planned &entry = planned.at(index);
        const x12::Remittance &remittance = entry.checked.remittance;
        QJsonObject report = reports.at(index);
        report.insert(u"traceNumber"_s, entry.plan.traceNumber);
        report.insert(u"payer"_s, remittance.payer.name);
        report.insert(u"paymentAmount"_s, remittance.payment.amount.toString());
        report.insert(u"claimCount"_s, remittance.claims.size());
        report.insert(u"balanced"_s, entry.plan.balanced);
        report.insert(u"duplicate"_s, entry.plan.duplicate);
        report.insert(u"posted"_s, report.contains(u"remittanceId"_s));
        if (!report.contains(u"exceptions"_s)) {
            QJsonArray list;
            for (const RemittanceException &exception : entry.plan.exceptions) {
                list.append(QJsonObject {{u"kind"_s, wireName(exception.kind)},
                                         {u"claimNumber"_s, exception.claimNumber},
                                         {u"amount"_s, exception.amount.toString()},
                                         {u"reasonCode"_s, exception.reasonCode},
                                         {u"segment"_s, exception.segmentNumber},
                                         {u"explanation"_s, exception.explanation}});
            }
            report.insert(u"exceptions"_s, list);
        }
        report.insert(u"errors"_s, defectsJson(entry.plan.defects, x12::Severity::Error));
        report.insert(u"warnings"_s, defectsJson(entry.plan.defects, x12::Severity::Warning));
        posted += report.value(u"posted"_s).toBool() ? 1 : 0;
        duplicates += entry.plan.duplicate ? 1 : 0;
        exceptions += entry.plan.exceptions.size();
        transactions.append(report);
    }
    result.report = QJsonObject {
        {u"file"_s, QString::fromLatin1(digest)},
        {u"transactions"_s, transactions},
        {u"errors"_s, defectsJson(check.fileDefects, x12::Severity::Error)},
        {u"warnings"_s, defectsJson(check.fileDefects, x12::Severity::Warning)},
        {u"postedTransactions"_s, posted},
        {u"exceptionCount"_s, exceptions},
    };
    if (planned.isEmpty())
        result.outcome = Result::Outcome::Unreadable;
    else if (duplicates == planned.size())
        result.outcome = Result::Outcome::AllDuplicates;
    else if (mode == Mode::Preview)
        result.outcome = Result::Outcome::Previewed;
    else
        result.outcome = posted > 0 ? Result::Outcome::Posted : Result::Outcome::Unreadable;
    return result;
}

StoreError RemittancePoster::post(QList<Planned> &planned, const QByteArray &digest, const models::User &by,
                                  const QDateTime &now, QList<QJsonObject> &reports)
{
    store::Database &database = m_store.database();
    store::TransactionGuard transaction(database.connection());
    if (transaction.beginError())
        return transaction.beginError();
    QSqlQuery remittanceInsert(database.connection());
    remittanceInsert.prepare(u"INSERT INTO remittances (trace_number, payer_id, payment_cents, method, payment_date, "
                             "claim_count, balanced, file_sha256, received_at, received_by) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery paymentInsert(database.connection());
    paymentInsert.prepare(u"INSERT INTO claim_payments (remittance_id, claim_number, patient_control_number, "
                          "payer_claim_number, status_code, charge_cents, paid_cents, patient_responsibility_cents, "
                          "reverses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery original(database.connection());
    original.prepare(u"SELECT id FROM claim_payments WHERE patient_control_number = ? AND status_code <> '22' "
                     "AND reversed_by IS NULL AND paid_cents = ? ORDER BY id DESC LIMIT 1"_s);
    QSqlQuery reversed(database.connection());
    reversed.prepare(u"UPDATE claim_payments SET reversed_by = ? WHERE id = ?"_s);

    for (qsizetype index = 0; index < planned.size(); ++index) {
        Planned &entry = planned[index];
        // Posted before, or not read cleanly: nothing of it is posted.
        if (entry.plan.duplicate || !entry.plan.readable)
            continue;
        const x12::Remittance &remittance = entry.checked.remittance;
        remittanceInsert.addBindValue(entry.plan.traceNumber);
        remittanceInsert.addBindValue(entry.plan.payerKey);
        remittanceInsert.addBindValue(remittance.payment.amount.cents());
        remittanceInsert.addBindValue(remittance.payment.method);
        remittanceInsert.addBindValue(
            remittance.payment.date.isValid() ? QVariant(remittance.payment.date.toString(Qt::ISODate)) : QVariant());
        remittanceInsert.addBindValue(remittance.claims.size());
        remittanceInsert.addBindValue(entry.plan.balanced ? 1 : 0);
        remittanceInsert.addBindValue(QString::fromLatin1(digest));
        remittanceInsert.addBindValue(now.toString(Qt::ISODateWithMs));
        remittanceInsert.addBindValue(by.id);
        if (!remittanceInsert.exec()) {
            // A duplicate that raced in between planning and posting lands here too.
            return queryError(remittanceInsert);
        }
        const qint64 remittanceId = remittanceInsert.lastInsertId().toLongLong();

        QHash<qsizetype, qint64> paymentIds; // claim index -> claim_payments.id
        for (const ClaimPosting &posting : std::as_const(entry.plan.postings)) {
            const x12::ClaimPayment &payment = remittance.claims.at(posting.claimIndex);
            std::optional<qint64> reverses;
            if (posting.reversesClaimIndex)
                reverses = paymentIds.value(*posting.reversesClaimIndex);
            if (payment.isReversal() && !reverses) {
                // Paired now, not at planning: a payment an earlier transaction of this file
                // posted counts, and one a reversal already took back does not count twice.
                original.addBindValue(payment.patientControlNumber);
                original.addBindValue(-payment.paid.cents());
                if (original.exec() && original.next())
                    reverses = original.value(0).toLongLong();
                original.finish();
                const auto unpaired = [&](const RemittanceException &exception) {
                    return exception.kind == Kind::UnpairedReversal && exception.segmentNumber == payment.segmentNumber;
                };
                const bool alreadyRaised
                    = std::any_of(entry.plan.exceptions.cbegin(), entry.plan.exceptions.cend(), unpaired);
                if (reverses)
                    entry.plan.exceptions.removeIf(unpaired);
                else if (!alreadyRaised)
                    entry.plan.exceptions.append(RemittanceMatcher::unpairedReversal(payment, posting.claim));
            }
            paymentInsert.addBindValue(remittanceId);
            paymentInsert.addBindValue(posting.claim ? QVariant(posting.claim->claimNumber) : QVariant());
            paymentInsert.addBindValue(payment.patientControlNumber);
            paymentInsert.addBindValue(payment.payerClaimControlNumber);
            paymentInsert.addBindValue(payment.statusCode);
            paymentInsert.addBindValue(payment.charge.cents());
            paymentInsert.addBindValue(payment.paid.cents());
            paymentInsert.addBindValue(payment.patientResponsibility.value_or(Money()).cents());
            paymentInsert.addBindValue(reverses ? QVariant(*reverses) : QVariant());
            if (!paymentInsert.exec())
                return queryError(paymentInsert);
            const qint64 paymentId = paymentInsert.lastInsertId().toLongLong();
            paymentIds.insert(posting.claimIndex, paymentId);
            if (reverses) {
                reversed.addBindValue(paymentId);
                reversed.addBindValue(*reverses);
                if (!reversed.exec())
                    return queryError(reversed);
            }
        }

        QJsonArray exceptions;
        int number = 0;
        for (const RemittanceException &exception : std::as_const(entry.plan.exceptions)) {
            QStringList workItemIds;
            if (const StoreError error = raise(exception, remittance, remittanceId, ++number, by, now, &workItemIds))
                return error;
            exceptions.append(QJsonObject {{u"kind"_s, wireName(exception.kind)},
                                           {u"claimNumber"_s, exception.claimNumber},
                                           {u"amount"_s, exception.amount.toString()},
                                           {u"reasonCode"_s, exception.reasonCode},
                                           {u"segment"_s, exception.segmentNumber},
                                           {u"explanation"_s, exception.explanation},
                                           {u"workItemIds"_s, QJsonArray::fromStringList(workItemIds)}});
        }
        reports[index].insert(u"remittanceId"_s, remittanceId);
        reports[index].insert(u"exceptions"_s, exceptions);
    }
    return transaction.commit();
}

StoreError RemittancePoster::raise(const RemittanceException &exception, const x12::Remittance &remittance,
                                   qint64 remittanceId, int number, const models::User &by, const QDateTime &now,
                                   QStringList *workItemIds)
{
    // What the gateway knows of the claim's patient and place comes from its own work item.
    WorkItem item;
    if (exception.claim && !exception.claim->workItemId.isEmpty()) {
        if (const auto known = m_store.item(exception.claim->workItemId))
            item = *known;
    }
    // An open denial item for the claim already works the denial.
    const bool alreadyDenied = !item.id.isEmpty() && item.isOpen() && item.queue == models::Queue::Denial;
    const QString deniedItemId = item.id;
    item.claimNumber = exception.claimNumber;
    if (exception.claim)
        item.accountNumber = exception.claim->accountNumber;
    if (item.accountNumber.isEmpty())
        item.accountNumber = u"(unknown)"_s;
    if (item.patientDisplayName.isEmpty())
        item.patientDisplayName = u"(not matched)"_s;
    if (item.payerId.isEmpty())
        item.payerId = exception.claim ? exception.claim->payerId : remittance.payer.id;
    if (item.payerName.isEmpty())
        item.payerName = remittance.payer.name;
    if (item.facilityId.isEmpty())
        item.facilityId = u"(unknown)"_s;
    item.ownerId.clear();
    item.status = models::WorkItemStatus::New;
    item.priority = priorityOf(exception);
    item.billed = exception.charge;
    item.balance = exception.amount;
    item.atRisk = exception.amount;
    item.groupCode = exception.groupCode;
    item.carc = exception.reasonCode;
    item.rarcs = exception.remarkCodes;
    item.denialCategory = categoryOf(exception);
    item.dueDate = now.date().addDays(exception.kind == Kind::Recoupment ? 3 : 7);
    item.version = 1;
    item.createdAt = now;
    item.updatedAt = now;

    QList<std::pair<WorkItem, models::Queue>> raised;
    item.queue = models::Queue::Remittance;
    item.id = u"ERA-%1-%2"_s.arg(remittanceId).arg(number);
    raised.append({item, item.queue});
    if (exception.raisesDenial && !alreadyDenied) {
        // The denial queue works it too, with the payer's reason codes.
        WorkItem denial = item;
        denial.queue = models::Queue::Denial;
        denial.id += u"-D"_s;
        raised.append({denial, denial.queue});
    }
    store::WorkItemStore items(m_store.database());
    QSqlQuery record(m_store.database().connection());
    record.prepare(u"INSERT INTO remittance_exceptions (work_item_id, remittance_id, kind, segment_number, "
                   "explanation) VALUES (?, ?, ?, ?, ?)"_s);
    for (const auto &[workItem, queue] : raised) {
        Q_UNUSED(queue)
        if (const StoreError error = items.upsertItems({&workItem, 1}))
            return error;
        record.addBindValue(workItem.id);
        record.addBindValue(remittanceId);
        record.addBindValue(wireName(exception.kind));
        record.addBindValue(exception.segmentNumber);
        record.addBindValue(exception.explanation);
        if (!record.exec())
            return queryError(record);
        // The explanation opens the item's history, in the tamper-evident audit chain.
        ActionRequest note;
        note.type = models::ActionType::Note;
        note.text = exception.explanation;
        if (const StoreError error = m_store.appendAudit(workItem, by, note, now))
            return error;
        workItemIds->append(workItem.id);
    }
    if (exception.raisesDenial && alreadyDenied) {
        // The claim is already worked as a denial: the remittance confirms it, in its history.
        ActionRequest note;
        note.type = models::ActionType::Note;
        note.text
            = u"Remittance %1 confirms the denial: %2"_s.arg(remittance.payment.traceNumber, exception.explanation);
        if (const StoreError error = m_store.appendAudit(*m_store.item(deniedItemId), by, note, now))
            return error;
        workItemIds->append(deniedItemId);
    }
    return {};
}

} // namespace rcm::server
