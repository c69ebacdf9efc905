// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/remittanceposter.h"

#include "server/claimregister.h"
#include "server/gatewaystore.h"
#include "server/x12intake.h"
#include "services/store/transactionguard.h"
#include "services/x12/remittancereader.h"
#include "services/x12/remittancewriter.h"

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
using x12intake::defectsJson;
using Kind = RemittanceExceptionKind;

namespace {

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

/// How many exceptions one import's answer lists in full; the rest are counted.
constexpr qsizetype maximumListedExceptions = 2000;
/// How many transactions it lists in full.
constexpr qsizetype maximumListedTransactions = 1000;

/// An empty text for a NOT NULL column: QtSql binds a null QString as NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

QJsonArray exceptionsJson(const QList<RemittanceException> &exceptions, const QList<QStringList> &workItemIds)
{
    QJsonArray list;
    for (qsizetype index = 0; index < exceptions.size(); ++index) {
        const RemittanceException &exception = exceptions.at(index);
        QJsonObject object {{u"kind"_s, wireName(exception.kind)},
                            {u"claimNumber"_s, exception.claimNumber},
                            {u"amount"_s, exception.amount.toString()},
                            {u"groupCode"_s, exception.groupCode},
                            {u"reasonCode"_s, exception.reasonCode},
                            {u"remarkCodes"_s, QJsonArray::fromStringList(exception.remarkCodes)},
                            {u"segment"_s, exception.segmentNumber},
                            {u"explanation"_s, exception.explanation}};
        if (exception.dueDate.isValid())
            object.insert(u"dueDate"_s, exception.dueDate.toString(Qt::ISODate));
        if (index < workItemIds.size())
            object.insert(u"workItemIds"_s, QJsonArray::fromStringList(workItemIds.at(index)));
        list.append(object);
    }
    return list;
}

QJsonArray providerAdjustmentsJson(const x12::Remittance &remittance, const RemittancePlan &plan)
{
    QJsonArray list;
    for (const ProviderAdjustmentPosting &posting : plan.providerAdjustments) {
        const x12::ProviderAdjustment &adjustment = remittance.providerAdjustments.at(posting.index);
        QJsonObject object {{u"reasonCode"_s, adjustment.reasonCode},
                            {u"reference"_s, adjustment.reference},
                            {u"amount"_s, adjustment.amount.toString()},
                            {u"classification"_s, QString(posting.rule.name)},
                            {u"raised"_s, posting.exceptionIndex.has_value()}};
        if (!posting.claimNumber.isEmpty())
            object.insert(u"claimNumber"_s, posting.claimNumber);
        list.append(object);
    }
    return list;
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
    if (cents >= 50'000 || exception.kind == Kind::Recoupment || exception.kind == Kind::OutOfBalance
        || exception.kind == Kind::Overpaid)
        return models::Priority::High;
    return models::Priority::Normal;
}

} // namespace

RemittancePoster::RemittancePoster(GatewayStore &store)
    : RemittancePoster(store, Options())
{ }

RemittancePoster::RemittancePoster(GatewayStore &store, Options options)
    : m_store(store)
    , m_options(options)
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

    ClaimRegister claims(m_store.database());
    RemittanceMatcher matcher(m_store.database(), claims, {m_options.testInterchanges, false, now.date()});
    // Each transaction is planned after the ones before it were posted, so a payment an
    // earlier transaction of the file posted counts (a reversal pairs with it, a second
    // payment of the same claim is seen), and only one transaction is in memory at a time.
    std::optional<store::TransactionGuard> transaction;
    if (mode == Mode::Post) {
        transaction.emplace(m_store.database().connection());
        if (const StoreError error = transaction->beginError()) {
            result.error = error.message();
            return result;
        }
    }
    x12::RemittanceReader reader(file);
    x12::Remittance remittance;
    QSet<std::pair<QString, QString>> inThisFile; // a payer's trace sent twice in one file posts once
    QJsonArray transactions;
    qsizetype count = 0;
    qsizetype posted = 0;
    qsizetype duplicates = 0;
    qsizetype exceptions = 0;
    qsizetype listedExceptions = 0;
    qsizetype transactionsNotListed = 0;
    qsizetype held = 0;
    Money postedAmount;
    Money heldAmount;
    bool sumsFit = true;
    while (reader.readNext(remittance)) {
        const x12::CheckedRemittance checked
            = x12::checkRemittance(std::exchange(remittance, {}), reference::ReasonCodeCatalogue::builtIn());
        RemittancePlan plan = matcher.plan(checked);
        const std::pair key {plan.traceNumber, plan.payerKey};
        if (inThisFile.contains(key)) {
            plan.duplicate = true;
            plan.exceptions.clear();
        }
        if (plan.readable) // an unreadable copy does not stop an intact one from posting
            inThisFile.insert(key);
        QJsonObject report;
        if (mode == Mode::Post) {
            if (const StoreError error = post({checked, plan}, digest, by, now, report)) {
                result.error = error.message();
                return result;
            }
        }
        const x12::Remittance &read = checked.remittance;
        report.insert(u"traceNumber"_s, plan.traceNumber);
        report.insert(u"payer"_s, read.payer.name);
        report.insert(u"paymentAmount"_s, read.payment.amount.toString());
        report.insert(u"claimCount"_s, read.claims.size());
        report.insert(u"balanced"_s, plan.balanced);
        report.insert(u"held"_s, plan.held());
        if (plan.held())
            report.insert(u"difference"_s, plan.difference.toString());
        report.insert(u"duplicate"_s, plan.duplicate);
        report.insert(u"posted"_s, report.contains(u"remittanceId"_s) && !plan.held());
        if (!report.contains(u"exceptions"_s))
            report.insert(u"exceptions"_s, exceptionsJson(plan.exceptions, {}));
        report.insert(u"providerAdjustments"_s, providerAdjustmentsJson(read, plan));
        report.insert(u"errors"_s, defectsJson(plan.defects, x12::Severity::Error));
        report.insert(u"warnings"_s, defectsJson(plan.defects, x12::Severity::Warning));
        if (!plan.readable && result.error.isEmpty()) {
            const auto firstError = std::find_if(plan.defects.cbegin(), plan.defects.cend(),
                                                 [](const x12::Defect &defect) { return defect.isError(); });
            if (firstError != plan.defects.cend())
                result.error = firstError->message;
        }
        // A payer's large file can raise a million items: the answer lists the first ones
        // (each is a work item with its explanation), so it stays small whatever the file.
        QJsonArray listed = report.value(u"exceptions"_s).toArray();
        const qsizetype room = std::max<qsizetype>(0, maximumListedExceptions - listedExceptions);
        if (listed.size() > room) {
            report.insert(u"exceptionsNotListed"_s, listed.size() - room);
            while (listed.size() > room)
                listed.removeLast();
            report.insert(u"exceptions"_s, listed);
        }
        listedExceptions += listed.size();
        posted += report.value(u"posted"_s).toBool() ? 1 : 0;
        held += plan.held() ? 1 : 0;
        if (report.value(u"posted"_s).toBool() || plan.held()) {
            Money &total = plan.held() ? heldAmount : postedAmount;
            const std::optional<Money> sum = Money::checkedSum(total, read.payment.amount);
            sumsFit = sumsFit && sum.has_value();
            total = sum.value_or(total);
        }
        duplicates += plan.duplicate ? 1 : 0;
        exceptions += plan.exceptions.size();
        ++count;
        // Likewise the transactions: the first ones in full, then only those a person must
        // look at (not posted cleanly), up to a bound; the rest are counted.
        const bool notable = !plan.readable || plan.duplicate || plan.held() || !listed.isEmpty();
        if (transactions.size() < maximumListedTransactions
            || (notable && transactions.size() < 2 * maximumListedTransactions))
            transactions.append(report);
        else
            ++transactionsNotListed;
    }
    if (!sumsFit) {
        result.error = u"The file's payments add up to more than an amount can hold; nothing was posted"_s;
        return result;
    }
    if (transaction && posted + held > 0) {
        // One entry per file in the audit chain: what was posted and held, in counts and
        // amounts (no patient, no claim).
        const QJsonObject details {
            {u"file"_s, QString::fromLatin1(digest)},
            {u"transactions"_s, count},
            {u"posted"_s, posted},
            {u"held"_s, held},
            {u"duplicates"_s, duplicates},
            {u"exceptions"_s, exceptions},
            {u"postedAmount"_s, postedAmount.toString()},
            {u"heldAmount"_s, heldAmount.toString()},
        };
        if (const StoreError error = m_store.appendAuditEntry(u"remittance:"_s + QString::fromLatin1(digest), by.id,
                                                              models::ActionType::RemittancePosted, 0, details, now)) {
            result.error = error.message();
            return result;
        }
    }
    if (transaction) {
        if (const StoreError error = transaction->commit()) {
            result.error = error.message();
            return result;
        }
    }
    const QList<x12::Defect> &fileDefects = reader.fileDefects();
    if (result.error.isEmpty()) {
        const auto firstError = std::find_if(fileDefects.cbegin(), fileDefects.cend(),
                                             [](const x12::Defect &defect) { return defect.isError(); });
        if (firstError != fileDefects.cend())
            result.error = firstError->message;
    }
    result.report = QJsonObject {
        {u"file"_s, QString::fromLatin1(digest)},
        {u"transactions"_s, transactions},
        {u"errors"_s, defectsJson(fileDefects, x12::Severity::Error)},
        {u"warnings"_s, defectsJson(fileDefects, x12::Severity::Warning)},
        {u"postedTransactions"_s, posted},
        {u"exceptionCount"_s, exceptions},
    };
    result.report.insert(u"heldTransactions"_s, held);
    result.report.insert(u"transactionCount"_s, count);
    if (transactionsNotListed > 0)
        result.report.insert(u"transactionsNotListed"_s, transactionsNotListed);
    if (count == 0)
        result.outcome = Result::Outcome::Unreadable;
    else if (duplicates == count)
        result.outcome = Result::Outcome::AllDuplicates;
    else if (mode == Mode::Preview)
        result.outcome = Result::Outcome::Previewed;
    else
        result.outcome = posted + held > 0 ? Result::Outcome::Posted : Result::Outcome::Unreadable;
    return result;
}

StoreError RemittancePoster::post(Planned entry, const QByteArray &digest, const models::User &by, const QDateTime &now,
                                  QJsonObject &report)
{
    // Posted before, or not read cleanly: nothing of it is posted.
    if (entry.plan.duplicate || !entry.plan.readable)
        return {};
    const x12::Remittance &remittance = entry.checked.remittance;
    QSqlQuery query(m_store.database().connection());
    if (entry.plan.heldRemittanceId) {
        // The payer's corrected copy of a held transaction: it takes the held one's place.
        query.prepare(u"UPDATE remittances SET status = 'released', payment_cents = ?, method = ?, payment_date = ?, "
                      "claim_count = ?, balanced = ?, file_sha256 = ?, received_at = ?, received_by = ? "
                      "WHERE id = ?"_s);
    } else {
        query.prepare(u"INSERT INTO remittances (payment_cents, method, payment_date, claim_count, balanced, "
                      "file_sha256, received_at, received_by, trace_number, payer_id, status) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    }
    query.addBindValue(remittance.payment.amount.cents());
    query.addBindValue(remittance.payment.method);
    query.addBindValue(remittance.payment.date.isValid() ? QVariant(remittance.payment.date.toString(Qt::ISODate))
                                                         : QVariant());
    query.addBindValue(remittance.claims.size());
    query.addBindValue(entry.plan.balanced ? 1 : 0);
    query.addBindValue(QString::fromLatin1(digest));
    query.addBindValue(now.toString(Qt::ISODateWithMs));
    query.addBindValue(by.id);
    if (entry.plan.heldRemittanceId) {
        query.addBindValue(*entry.plan.heldRemittanceId);
    } else {
        query.addBindValue(entry.plan.traceNumber);
        query.addBindValue(entry.plan.payerKey);
        query.addBindValue(entry.plan.held() ? u"held"_s : u"posted"_s);
    }
    if (!query.exec())
        return queryError(query); // a duplicate that raced in between planning and posting lands here too
    const qint64 remittanceId
        = entry.plan.heldRemittanceId ? *entry.plan.heldRemittanceId : query.lastInsertId().toLongLong();
    query.finish();
    report.insert(u"remittanceId"_s, remittanceId);

    if (entry.plan.held()) {
        if (const StoreError error = raiseAll(entry, remittanceId, by, now, report))
            return error;
        const QJsonArray ids
            = report.value(u"exceptions"_s).toArray().at(0).toObject().value(u"workItemIds"_s).toArray();
        return hold(entry, remittanceId, ids.isEmpty() ? QString() : ids.at(0).toString());
    }
    if (entry.plan.heldRemittanceId) {
        const QString note
            = u"Replaced by the payer's corrected, balanced copy of the same remittance (file %1)."_s.arg(
                QString::fromLatin1(digest.left(16)));
        if (const StoreError error = closeHeldItem(remittanceId, by, note, now))
            return error;
    }
    if (const StoreError error = postPayments(entry, remittanceId))
        return error;
    return raiseAll(entry, remittanceId, by, now, report);
}

StoreError RemittancePoster::postPayments(Planned entry, qint64 remittanceId)
{
    const x12::Remittance &remittance = entry.checked.remittance;
    store::Database &database = m_store.database();
    QSqlQuery paymentInsert(database.connection());
    paymentInsert.prepare(u"INSERT INTO claim_payments (remittance_id, claim_number, patient_control_number, "
                          "payer_claim_number, status_code, charge_cents, paid_cents, patient_responsibility_cents, "
                          "reverses, payer_id, forwarded_to, original_reference, interest_cents) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    QSqlQuery reversed(database.connection());
    reversed.prepare(u"UPDATE claim_payments SET reversed_by = ? WHERE id = ?"_s);
    QHash<qsizetype, qint64> paymentIds; // claim index -> claim_payments.id
    for (const ClaimPosting &posting : std::as_const(entry.plan.postings)) {
        const x12::ClaimPayment &payment = remittance.claims.at(posting.claimIndex);
        std::optional<qint64> reverses = posting.reversesPayment;
        if (posting.reversesClaimIndex)
            reverses = paymentIds.value(*posting.reversesClaimIndex);
        paymentInsert.addBindValue(remittanceId);
        paymentInsert.addBindValue(posting.claim ? QVariant(posting.claim->claimNumber) : QVariant());
        paymentInsert.addBindValue(payment.patientControlNumber);
        paymentInsert.addBindValue(payment.payerClaimControlNumber);
        paymentInsert.addBindValue(payment.statusCode);
        paymentInsert.addBindValue(payment.charge.cents());
        paymentInsert.addBindValue(payment.paid.cents());
        paymentInsert.addBindValue(payment.patientResponsibility.value_or(Money()).cents());
        paymentInsert.addBindValue(reverses ? QVariant(*reverses) : QVariant());
        paymentInsert.addBindValue(entry.plan.payerKey);
        const QString forwardedTo
            = payment.crossoverPayerName.isEmpty() ? payment.crossoverPayerId : payment.crossoverPayerName;
        paymentInsert.addBindValue(forwardedTo.isEmpty() ? QVariant() : QVariant(forwardedTo));
        paymentInsert.addBindValue(payment.originalReference.isEmpty() ? QVariant()
                                                                       : QVariant(payment.originalReference));
        paymentInsert.addBindValue(payment.interest ? QVariant(payment.interest->cents()) : QVariant());
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
    return {};
}

StoreError RemittancePoster::hold(Planned entry, qint64 remittanceId, const QString &workItemId)
{
    // The transaction as read, written again on its own, so a release can post it later.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        x12::RemittanceWriter::Options options;
        options.usageIndicator = entry.checked.remittance.envelope.usageIndicator;
        x12::RemittanceWriter writer(&buffer, options);
        if (!writer.writeInterchange({entry.checked.remittance}))
            return StoreError(StoreError::Code::Query, u"The held transaction could not be kept"_s);
    }
    QSqlQuery insert(m_store.database().connection());
    insert.prepare(u"INSERT INTO held_remittances (remittance_id, x12, difference_cents, explanation, work_item_id) "
                   "VALUES (?, ?, ?, ?, ?)"_s);
    insert.addBindValue(remittanceId);
    insert.addBindValue(buffer.data());
    insert.addBindValue(entry.plan.difference.cents());
    insert.addBindValue(entry.plan.exceptions.isEmpty() ? QString() : entry.plan.exceptions.constFirst().explanation);
    insert.addBindValue(workItemId.isEmpty() ? QVariant() : QVariant(workItemId));
    return insert.exec() ? StoreError() : queryError(insert);
}

StoreError RemittancePoster::raiseAll(Planned entry, qint64 remittanceId, const models::User &by, const QDateTime &now,
                                      QJsonObject &report)
{
    const x12::Remittance &remittance = entry.checked.remittance;
    QList<QStringList> ids;
    // Items are numbered per remittance; a released or replaced one already has its held item.
    QSqlQuery earlier(m_store.database().connection());
    earlier.prepare(u"SELECT count(*) FROM remittance_exceptions WHERE remittance_id = ?"_s);
    earlier.addBindValue(remittanceId);
    int number = earlier.exec() && earlier.next() ? earlier.value(0).toInt() : 0;
    earlier.finish();
    for (const RemittanceException &exception : std::as_const(entry.plan.exceptions)) {
        QStringList workItemIds;
        if (const StoreError error = raise(exception, remittance, remittanceId, ++number, by, now, &workItemIds))
            return error;
        ids.append(workItemIds);
    }
    report.insert(u"exceptions"_s, exceptionsJson(entry.plan.exceptions, ids));
    if (entry.plan.held())
        return {};
    QSqlQuery insert(m_store.database().connection());
    insert.prepare(u"INSERT INTO provider_adjustments (remittance_id, segment_number, provider_id, fiscal_period_end, "
                   "reason_code, reference, amount_cents, classification, claim_number, work_item_id) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const ProviderAdjustmentPosting &posting : std::as_const(entry.plan.providerAdjustments)) {
        const x12::ProviderAdjustment &adjustment = remittance.providerAdjustments.at(posting.index);
        insert.addBindValue(remittanceId);
        insert.addBindValue(adjustment.segmentNumber);
        insert.addBindValue(notNull(adjustment.providerId));
        insert.addBindValue(adjustment.fiscalPeriodEnd.isValid()
                                ? QVariant(adjustment.fiscalPeriodEnd.toString(Qt::ISODate))
                                : QVariant());
        insert.addBindValue(notNull(adjustment.reasonCode));
        insert.addBindValue(notNull(adjustment.reference));
        insert.addBindValue(adjustment.amount.cents());
        insert.addBindValue(QString(posting.rule.name));
        insert.addBindValue(posting.claimNumber.isEmpty() ? QVariant() : QVariant(posting.claimNumber));
        const QStringList raised = posting.exceptionIndex ? ids.value(*posting.exceptionIndex) : QStringList();
        insert.addBindValue(raised.isEmpty() ? QVariant() : QVariant(raised.constFirst()));
        if (!insert.exec())
            return queryError(insert);
    }
    return {};
}

RemittancePoster::Result RemittancePoster::release(qint64 remittanceId, const models::User &by, const QString &note,
                                                   const QDateTime &now)
{
    Result result;
    store::Database &database = m_store.database();
    QSqlQuery held(database.connection());
    held.prepare(u"SELECT remittances.status, held_remittances.x12, remittances.file_sha256 FROM remittances "
                 "JOIN held_remittances ON held_remittances.remittance_id = remittances.id "
                 "WHERE remittances.id = ?"_s);
    held.addBindValue(remittanceId);
    if (!held.exec()) {
        result.error = held.lastError().text();
        return result;
    }
    if (!held.next()) {
        result.outcome = Result::Outcome::NotFound;
        return result;
    }
    if (held.value(0).toString() != u"held"_s) {
        result.outcome = Result::Outcome::NotHeld;
        return result;
    }
    QBuffer buffer;
    buffer.setData(held.value(1).toByteArray());
    const QByteArray digest = held.value(2).toString().toLatin1();
    held.finish();
    buffer.open(QIODevice::ReadOnly);
    x12::RemittanceReader reader(&buffer);
    x12::Remittance remittance;
    if (!reader.readNext(remittance)) {
        result.error = u"The held transaction can no longer be read"_s;
        return result;
    }
    const x12::CheckedRemittance checked
        = x12::checkRemittance(std::move(remittance), reference::ReasonCodeCatalogue::builtIn());
    ClaimRegister claims(database);
    RemittanceMatcher matcher(database, claims, {posting::TestInterchanges::Accept, true, now.date()});
    RemittancePlan plan = matcher.plan(checked);

    store::TransactionGuard transaction(database.connection());
    if (const StoreError error = transaction.beginError()) {
        result.error = error.message();
        return result;
    }
    QJsonObject report;
    report.insert(u"remittanceId"_s, remittanceId);
    const Planned entry {checked, plan};
    StoreError error = postPayments(entry, remittanceId);
    if (!error)
        error = raiseAll(entry, remittanceId, by, now, report);
    if (!error) {
        // The difference, accepted, balances the ledger like a provider-level adjustment.
        QSqlQuery accepted(database.connection());
        accepted.prepare(u"INSERT INTO provider_adjustments (remittance_id, segment_number, provider_id, reason_code, "
                         "reference, amount_cents, classification) VALUES (?, ?, '', 'CS', ?, ?, "
                         "'accepted-difference')"_s);
        accepted.addBindValue(remittanceId);
        accepted.addBindValue(checked.remittance.firstSegment);
        accepted.addBindValue(u"HELD-%1"_s.arg(remittanceId));
        accepted.addBindValue(-plan.difference.cents());
        if (!accepted.exec())
            error = queryError(accepted);
    }
    if (!error) {
        QSqlQuery released(database.connection());
        released.prepare(u"UPDATE remittances SET status = 'released' WHERE id = ?"_s);
        released.addBindValue(remittanceId);
        if (!released.exec())
            error = queryError(released);
    }
    if (!error) {
        error = closeHeldItem(remittanceId, by,
                              u"Released by %1, accepting the difference of %2: %3"_s.arg(
                                  by.username, u"$"_s + plan.difference.toString(), note),
                              now);
    }
    if (!error) {
        const QJsonObject details {{u"file"_s, QString::fromLatin1(digest)},
                                   {u"released"_s, remittanceId},
                                   {u"traceNumber"_s, plan.traceNumber},
                                   {u"paymentAmount"_s, checked.remittance.payment.amount.toString()},
                                   {u"acceptedDifference"_s, plan.difference.toString()}};
        error = m_store.appendAuditEntry(u"remittance:"_s + QString::fromLatin1(digest), by.id,
                                         models::ActionType::RemittancePosted, 0, details, now);
    }
    if (!error)
        error = transaction.commit();
    if (error) {
        result.error = error.message();
        return result;
    }
    report.insert(u"traceNumber"_s, plan.traceNumber);
    report.insert(u"difference"_s, plan.difference.toString());
    report.insert(u"released"_s, true);
    report.insert(u"file"_s, QString::fromLatin1(digest));
    report.insert(u"providerAdjustments"_s, providerAdjustmentsJson(checked.remittance, plan));
    result.report = report;
    result.outcome = Result::Outcome::Posted;
    return result;
}

StoreError RemittancePoster::closeHeldItem(qint64 remittanceId, const models::User &by, const QString &note,
                                           const QDateTime &now)
{
    QSqlQuery query(m_store.database().connection());
    query.prepare(u"UPDATE held_remittances SET released_at = ?, released_by = ?, release_note = ? "
                  "WHERE remittance_id = ? RETURNING work_item_id"_s);
    query.addBindValue(now.toString(Qt::ISODateWithMs));
    query.addBindValue(by.id);
    query.addBindValue(note);
    query.addBindValue(remittanceId);
    if (!query.exec())
        return queryError(query);
    const QString itemId = query.next() ? query.value(0).toString() : QString();
    query.finish();
    std::optional<WorkItem> item = itemId.isEmpty() ? std::nullopt : m_store.item(itemId);
    if (!item || !item->isOpen())
        return {};
    item->status = models::WorkItemStatus::Resolved;
    item->balance = Money();
    item->version += 1;
    item->updatedAt = now;
    if (const StoreError error = store::WorkItemStore(m_store.database()).upsertItems({&*item, 1}))
        return error;
    ActionRequest resolve;
    resolve.type = models::ActionType::Resolve;
    resolve.text = note;
    return m_store.appendAudit(*item, by, resolve, now);
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
    if (item.payerId.isEmpty()) // a payer that sent neither an id nor a claim we know
        item.payerId = remittance.payer.name.isEmpty() ? u"(unknown)"_s : remittance.payer.name;
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
    item.dueDate = exception.dueDate.isValid() ? exception.dueDate
                                               : now.date().addDays(exception.kind == Kind::Recoupment ? 3 : 7);
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
