// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/claimimporter.h"

#include "server/claimregister.h"
#include "server/claimrejections.h"
#include "server/gatewaystore.h"
#include "server/x12intake.h"
#include "services/store/transactionguard.h"
#include "services/x12/claimreader.h"

#include <QBuffer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using models::Money;
using store::StoreError;
using x12::Defect;
using x12::Severity;

namespace {

/// How many claims the answer lists one by one; the rest are counted.
constexpr qsizetype maximumListedClaims = 1000;

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

QVariant optionalDate(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant();
}

QString personName(const QString &last, const QString &first)
{
    if (first.isEmpty())
        return last;
    return last.isEmpty() ? first : last + u", "_s + first;
}

/// What the register already holds of a claim.
struct Held
{
    QString claimNumber;
    QString payerClaimNumber;
    QString workItemId;
    bool voided = false;
};

/// What happened to one claim of the file.
enum class Outcome { Added, Corrected, Replaced, Voided, VoidUnmatched };

QString wireName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Added:
        return u"added"_s;
    case Outcome::Corrected:
        return u"corrected"_s;
    case Outcome::Replaced:
        return u"replaced"_s;
    case Outcome::Voided:
        return u"voided"_s;
    case Outcome::VoidUnmatched:
        return u"void-unmatched"_s;
    }
    return {};
}

/// The statements one import runs for every claim, prepared once.
class Intake final
{
public:
    explicit Intake(store::Database &database)
        : m_byNumber(database.connection())
        , m_byPayerNumber(database.connection())
        , m_workItem(database.connection())
        , m_void(database.connection())
        , m_submission(database.connection())
    {
        const QString columns = u"SELECT claim_number, payer_claim_number, work_item_id, voided FROM claims "_s;
        m_byNumber.prepare(columns + u"WHERE claim_number = ?"_s);
        m_byPayerNumber.prepare(columns + u"WHERE payer_claim_number = ? LIMIT 1"_s);
        m_workItem.prepare(u"SELECT id, facility_id FROM work_items WHERE claim_number = ? AND deleted = 0 "
                           "AND queue <> 'claim_rejection' ORDER BY row_id LIMIT 1"_s);
        m_void.prepare(u"UPDATE claims SET voided = 1, frequency_code = ? WHERE claim_number = ?"_s);
        m_submission.prepare(u"INSERT INTO claim_submissions (file_id, claim_number, frequency_code, sender_id, "
                             "interchange_control_number, group_control_number, transaction_control_number, "
                             "batch_reference, billing_provider_npi, payer_id, charge_cents, segment_number, "
                             "patient_name, facility_id, service_from, service_to) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    }

    std::optional<Held> byNumber(const QString &number, StoreError *error) { return held(m_byNumber, number, error); }
    std::optional<Held> byPayerNumber(const QString &number, StoreError *error)
    {
        return held(m_byPayerNumber, number, error);
    }

    /// The work item about the claim (not a rejection), and its facility.
    std::pair<QString, QString> workItem(const QString &claimNumber, StoreError *error)
    {
        m_workItem.addBindValue(claimNumber);
        if (!m_workItem.exec()) {
            *error = queryError(m_workItem);
            return {};
        }
        std::pair<QString, QString> found;
        if (m_workItem.next())
            found = {m_workItem.value(0).toString(), m_workItem.value(1).toString()};
        m_workItem.finish();
        return found;
    }

    StoreError markVoided(const QString &claimNumber, const QString &frequency)
    {
        m_void.addBindValue(frequency);
        m_void.addBindValue(claimNumber);
        return m_void.exec() ? StoreError() : queryError(m_void);
    }

    std::optional<qint64> recordSubmission(qint64 fileId, const x12::ClaimTransaction &transaction,
                                           const x12::BilledClaim &claim, const QString &frequency,
                                           const QString &facilityId, StoreError *error)
    {
        const x12::Envelope &envelope = transaction.envelope;
        m_submission.addBindValue(fileId);
        m_submission.addBindValue(claim.patientControlNumber);
        m_submission.addBindValue(frequency);
        m_submission.addBindValue(envelope.senderId);
        m_submission.addBindValue(x12intake::controlNumber(envelope.interchangeControlNumber));
        m_submission.addBindValue(x12intake::controlNumber(envelope.groupControlNumber));
        m_submission.addBindValue(x12intake::controlNumber(transaction.controlNumber));
        m_submission.addBindValue(transaction.batchReference.isNull() ? u""_s : transaction.batchReference);
        const QString npi = claim.billingProvider.npi();
        m_submission.addBindValue(npi.isNull() ? u""_s : npi);
        m_submission.addBindValue(claim.payer.id.isNull() ? u""_s : claim.payer.id);
        m_submission.addBindValue(claim.charge.cents());
        m_submission.addBindValue(claim.segmentNumber);
        m_submission.addBindValue(QString(personName(claim.patientLastName, claim.patientFirstName) + u""_s));
        m_submission.addBindValue(facilityId.isNull() ? u""_s : facilityId);
        m_submission.addBindValue(optionalDate(claim.firstServiceDate()));
        m_submission.addBindValue(optionalDate(claim.lastServiceDate()));
        if (!m_submission.exec()) {
            *error = queryError(m_submission);
            return std::nullopt;
        }
        return m_submission.lastInsertId().toLongLong();
    }

private:
    static std::optional<Held> held(QSqlQuery &query, const QString &value, StoreError *error)
    {
        if (value.isEmpty())
            return std::nullopt;
        query.addBindValue(value);
        if (!query.exec()) {
            *error = queryError(query);
            return std::nullopt;
        }
        std::optional<Held> found;
        if (query.next()) {
            found = Held {query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                          query.value(3).toBool()};
        }
        query.finish();
        return found;
    }

    QSqlQuery m_byNumber;
    QSqlQuery m_byPayerNumber;
    QSqlQuery m_workItem;
    QSqlQuery m_void;
    QSqlQuery m_submission;
};

} // namespace

models::Claim ClaimImporter::claimOf(const x12::BilledClaim &billed, const x12::ClaimTransaction &transaction)
{
    models::Claim claim;
    claim.claimNumber = billed.patientControlNumber;
    claim.accountNumber
        = billed.medicalRecordNumber.isEmpty() ? billed.patientControlNumber : billed.medicalRecordNumber;
    claim.payerId = billed.payer.id.isEmpty() ? billed.payer.name : billed.payer.id;
    for (const x12::OtherPayer &other : billed.otherPayers) {
        const QString id = other.payerId.isEmpty() ? other.payerName : other.payerId;
        if (other.responsibility == u"T"_s && claim.tertiaryPayerId.isEmpty())
            claim.tertiaryPayerId = id;
        else if (other.responsibility != u"P"_s && claim.secondaryPayerId.isEmpty())
            claim.secondaryPayerId = id;
        else if (other.responsibility != u"P"_s && claim.tertiaryPayerId.isEmpty())
            claim.tertiaryPayerId = id;
    }
    claim.form = transaction.form == x12::ClaimForm::Institutional ? models::ClaimForm::Institutional
                                                                   : models::ClaimForm::Professional;
    claim.facilityCode = billed.facilityCode;
    claim.frequencyCode = billed.frequencyCode.isEmpty() ? u"1"_s : billed.frequencyCode;
    claim.drg = billed.drg;
    claim.statementFrom = billed.statementFrom;
    claim.statementTo = billed.statementTo;
    int number = 0;
    for (const x12::BilledLine &billedLine : billed.lines) {
        models::ClaimLine line;
        line.lineNumber = billedLine.lineNumber > 0 ? billedLine.lineNumber : number + 1;
        number = line.lineNumber;
        line.procedureCode = billedLine.procedure.code;
        line.modifiers = billedLine.procedure.modifiers;
        line.charge = billedLine.charge;
        line.units = billedLine.units ? std::max(1, int(std::lround(*billedLine.units))) : 1;
        line.serviceDate = billedLine.serviceFrom.isValid() ? billedLine.serviceFrom : billed.statementFrom;
        line.serviceDateTo = billedLine.serviceTo;
        line.lineControlNumber = billedLine.lineControlNumber;
        line.revenueCode = billedLine.revenueCode;
        claim.lines.append(std::move(line));
    }
    return claim;
}

ClaimImporter::ClaimImporter(GatewayStore &store, Options options)
    : m_store(store)
    , m_options(options)
{ }

ClaimImporter::Result ClaimImporter::import(const QByteArray &x12, const models::User &by, Mode mode,
                                            const QDateTime &now)
{
    QBuffer buffer;
    buffer.setData(x12);
    buffer.open(QIODevice::ReadOnly);
    return import(&buffer, by, mode, now);
}

ClaimImporter::Result ClaimImporter::import(QIODevice *file, const models::User &by, Mode mode, const QDateTime &now)
{
    Result result;
    store::Database &database = m_store.database();
    store::TransactionGuard transaction(database.connection());
    const std::optional<x12intake::OpenFile> opened
        = x12intake::openFile(database, transaction, file, u"837"_s, by, now, result);
    if (!opened)
        return result;
    const QByteArray &digest = opened->digest;
    const qint64 fileId = opened->id;
    StoreError error;
    Intake intake(database);
    ClaimRegister claims(database);
    ClaimRejections rejections(m_store);
    x12::ClaimReader reader(file);
    x12::ClaimTransaction read;
    QList<Defect> defects; // the transactions' own, plus the guards'
    QJsonArray listed;
    QHash<QString, qint64> counts;
    qsizetype transactions = 0;
    qsizetype claimCount = 0;
    int rejectionsClosed = 0;
    Money charges;
    bool storeFailed = false;
    while (reader.readNext(read)) {
        ++transactions;
        QList<Defect> found = read.defects;
        found.append(posting::checkUsage(read.envelope, read.firstSegment, m_options.testInterchanges, u"claims"_s));
        const bool usable = !x12::hasErrors(found);
        defects.append(found);
        if (!usable || storeFailed)
            continue;
        for (const x12::BilledClaim &billed : std::as_const(read.claims)) {
            ++claimCount;
            charges += billed.charge;
            const QString frequency = billed.frequencyCode.isEmpty() ? u"1"_s : billed.frequencyCode;
            const bool correcting = frequency == u"7"_s || frequency == u"8"_s;
            std::optional<Held> held;
            if (correcting && !billed.originalReference.isEmpty())
                held = intake.byPayerNumber(billed.originalReference, &error);
            if (!held && !error)
                held = intake.byNumber(billed.patientControlNumber, &error);
            if (error)
                break;
            if (correcting && billed.originalReference.isEmpty()) {
                defects.append(
                    {Severity::Warning, u"claim.no-original-reference"_s, billed.segmentNumber, u"CLM"_s,
                     u"Claim %1 is a %2 (frequency %3) without REF*F8 naming the claim it corrects; it "
                     "was linked by its patient control number."_s.arg(
                         billed.patientControlNumber, frequency == u"8"_s ? u"void"_s : u"replacement"_s, frequency)});
            }
            Outcome outcome = Outcome::Added;
            QString facilityId;
            if (frequency == u"8"_s) {
                if (!held) {
                    outcome = Outcome::VoidUnmatched;
                    defects.append({Severity::Warning, u"claim.void-unmatched"_s, billed.segmentNumber, u"CLM"_s,
                                    u"Claim %1 voids a claim this gateway does not hold: nothing was voided."_s.arg(
                                        billed.patientControlNumber)});
                } else {
                    outcome = Outcome::Voided;
                    error = intake.markVoided(held->claimNumber, frequency);
                }
            } else {
                models::Claim claim = claimOf(billed, read);
                if (held) {
                    outcome = frequency == u"7"_s ? Outcome::Replaced : Outcome::Corrected;
                    claim.payerClaimNumber = held->payerClaimNumber;
                    claim.workItemId = held->workItemId;
                    // A replacement that renumbers the claim leaves no claim under the old number.
                    if (held->claimNumber != claim.claimNumber)
                        error = intake.markVoided(held->claimNumber, frequency);
                } else if (frequency == u"7"_s) {
                    defects.append({Severity::Warning, u"claim.replacement-unmatched"_s, billed.segmentNumber, u"CLM"_s,
                                    u"Claim %1 replaces a claim this gateway does not hold: it was added as a new "
                                    "claim."_s.arg(billed.patientControlNumber)});
                }
                if (!error) {
                    auto [workItemId, facility] = intake.workItem(claim.claimNumber, &error);
                    if (claim.workItemId.isEmpty())
                        claim.workItemId = workItemId;
                    facilityId = facility;
                }
                if (!error)
                    error = claims.addClaims({&claim, 1});
            }
            if (facilityId.isEmpty() && !error)
                facilityId = intake.workItem(billed.patientControlNumber, &error).second;
            if (facilityId.isEmpty())
                facilityId = billed.facility.npi().isEmpty() ? billed.billingProvider.npi() : billed.facility.npi();
            std::optional<qint64> submission;
            if (!error)
                submission = intake.recordSubmission(fileId, read, billed, frequency, facilityId, &error);
            if (!error && submission && outcome != Outcome::Added && outcome != Outcome::VoidUnmatched) {
                // Sent again corrected, or withdrawn: what was rejected is no longer to be worked,
                // under the number it was sent with and the one it has now.
                const QString note = outcome == Outcome::Voided
                    ? u"The claim was voided (frequency 8, 837 file %1): the rejection is closed."_s.arg(
                        QString::fromLatin1(digest.left(12)))
                    : u"The corrected claim was sent again (frequency %1, 837 file %2): the rejection is closed."_s.arg(
                        frequency, QString::fromLatin1(digest.left(12)));
                QStringList numbers {billed.patientControlNumber};
                if (held && held->claimNumber != billed.patientControlNumber)
                    numbers << held->claimNumber;
                for (const QString &claimNumber : std::as_const(numbers)) {
                    int closed = 0;
                    if (!error)
                        error = rejections.close(claimNumber, *submission, note, by, now, &closed);
                    rejectionsClosed += closed;
                }
            }
            if (error)
                break;
            ++counts[wireName(outcome)];
            if (listed.size() < maximumListedClaims) {
                listed.append(QJsonObject {{u"claimNumber"_s, billed.patientControlNumber},
                                           {u"frequency"_s, frequency},
                                           {u"outcome"_s, wireName(outcome)},
                                           {u"charge"_s, billed.charge.toString()},
                                           {u"lines"_s, billed.lines.size()},
                                           {u"segment"_s, billed.segmentNumber}});
            }
        }
        if (error)
            storeFailed = true;
    }
    if (storeFailed) {
        result.error = error.message();
        return result;
    }
    QList<Defect> all = reader.fileDefects();
    all.append(defects);
    QJsonObject outcomes;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        outcomes.insert(it.key(), it.value());
    result.report = QJsonObject {
        {u"file"_s, QString::fromLatin1(digest)},
        {u"transactionCount"_s, transactions},
        {u"claimCount"_s, claimCount},
        {u"charges"_s, charges.toString()},
        {u"outcomes"_s, outcomes},
        {u"rejectionsClosed"_s, rejectionsClosed},
        {u"claims"_s, listed},
        {u"errors"_s, x12intake::defectsJson(all, Severity::Error)},
        {u"warnings"_s, x12intake::defectsJson(all, Severity::Warning)},
    };
    if (claimCount > listed.size())
        result.report.insert(u"claimsNotListed"_s, claimCount - listed.size());
    if (x12::hasErrors(all) || claimCount == 0) {
        result.outcome = Result::Outcome::Unreadable;
        result.error = x12intake::firstError(all);
        if (result.error.isEmpty())
            result.error = u"The file holds no claim."_s;
        result.report.insert(u"imported"_s, false);
        return result; // the guard rolls everything back
    }
    result.report.insert(u"imported"_s, mode == Mode::Import);
    if (mode == Mode::Preview) {
        result.outcome = Result::Outcome::Previewed;
        return result;
    }
    // One entry per file in the audit chain, in counts (no patient, no claim).
    QJsonObject details {{u"file"_s, QString::fromLatin1(digest)},
                         {u"transactions"_s, transactions},
                         {u"claims"_s, claimCount},
                         {u"charges"_s, charges.toString()},
                         {u"rejectionsClosed"_s, rejectionsClosed}};
    for (auto it = outcomes.constBegin(); it != outcomes.constEnd(); ++it)
        details.insert(it.key(), it.value());
    x12intake::commitFile(m_store, transaction, *opened, u"claims"_s, models::ActionType::ClaimsImported, details, by,
                          now, result);
    return result;
}

} // namespace rcm::server
