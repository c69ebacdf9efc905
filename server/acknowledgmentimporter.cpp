// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/acknowledgmentimporter.h"

#include "server/claimrejections.h"
#include "server/gatewaystore.h"
#include "server/x12intake.h"
#include "services/reference/claimstatuscodes.h"
#include "services/store/transactionguard.h"
#include "services/x12/acknowledgmentreader.h"

#include <QBuffer>
#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using store::StoreError;
using x12::Defect;
using x12::Severity;

namespace {

constexpr qsizetype maximumListedClaims = 1000;

namespace code {
inline constexpr QLatin1StringView Ambiguous("acknowledgment.ambiguous");
inline constexpr QLatin1StringView UnknownSubmission("acknowledgment.unknown-submission");
inline constexpr QLatin1StringView UnknownClaim("acknowledgment.unknown-claim");
inline constexpr QLatin1StringView NothingMatched("acknowledgment.nothing-matched");
} // namespace code

StoreError queryError(const QSqlQuery &query)
{
    return StoreError(StoreError::Code::Query, query.lastError().text());
}

/// One claim as sent in one 837.
struct Submission
{
    qint64 id = 0;
    qint64 fileId = 0;
    QString claimNumber;
    QString transaction; ///< its ST02, as compared
};

/// Submissions of more than one file: which one is answered cannot be told.
bool ambiguous(const QList<Submission> &submissions)
{
    for (const Submission &submission : submissions) {
        if (submission.fileId != submissions.first().fileId)
            return true;
    }
    return false;
}

enum class Effect { Reject, Accept, Receipt };

/// Finds the submissions an acknowledgment answers.
class Ties final
{
public:
    explicit Ties(store::Database &database)
        : m_database(database)
    { }

    QList<Submission> find(const QString &condition, const QVariantList &values, StoreError *error)
    {
        QSqlQuery query(m_database.connection());
        query.prepare(u"SELECT id, file_id, claim_number, transaction_control_number FROM claim_submissions WHERE "_s
                      + condition + u" ORDER BY id"_s);
        for (const QVariant &value : values)
            query.addBindValue(value);
        QList<Submission> found;
        if (!query.exec()) {
            *error = queryError(query);
            return found;
        }
        while (query.next())
            found.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                          query.value(3).toString()});
        return found;
    }

private:
    store::Database &m_database;
};

/// TA105: what the clearinghouse found wrong with the interchange's envelope.
QString interchangeNote(const QString &note)
{
    static const QHash<QString, QString> notes {
        {u"000"_s, u"no error"_s},
        {u"001"_s, u"the control numbers in the ISA and IEA do not match"_s},
        {u"002"_s, u"this standard version is not supported"_s},
        {u"003"_s, u"this version of the controls is not supported"_s},
        {u"004"_s, u"the segment terminator is invalid"_s},
        {u"005"_s, u"the sender's id qualifier is invalid"_s},
        {u"006"_s, u"the sender's id is invalid"_s},
        {u"007"_s, u"the receiver's id qualifier is invalid"_s},
        {u"008"_s, u"the receiver's id is invalid"_s},
        {u"009"_s, u"the receiver is unknown"_s},
        {u"010"_s, u"the authorization information qualifier is invalid"_s},
        {u"012"_s, u"the security information qualifier is invalid"_s},
        {u"014"_s, u"the interchange date is invalid"_s},
        {u"015"_s, u"the interchange time is invalid"_s},
        {u"016"_s, u"the interchange standards identifier is invalid"_s},
        {u"018"_s, u"the interchange control number is invalid"_s},
        {u"019"_s, u"the acknowledgment requested flag is invalid"_s},
        {u"020"_s, u"the test indicator is invalid"_s},
        {u"021"_s, u"the number of included groups is invalid"_s},
        {u"022"_s, u"the control structure is invalid"_s},
        {u"023"_s, u"the file ended too soon"_s},
        {u"024"_s, u"the interchange content is invalid"_s},
        {u"025"_s, u"the interchange control number was received before (a duplicate)"_s},
        {u"026"_s, u"the data element separator is invalid"_s},
        {u"027"_s, u"the component element separator is invalid"_s},
    };
    return notes.value(note, u"a note code this gateway does not know"_s);
}

QString joinedSentences(const QStringList &sentences)
{
    QString text;
    for (const QString &sentence : sentences) {
        if (!text.isEmpty())
            text += u' ';
        text += sentence;
        if (!sentence.endsWith(u'.'))
            text += u'.';
    }
    return text;
}

/// A 277CA STC in words: each status code explained, its date and the payer's message.
QString statusWords(const x12::ClaimStatus277 &status)
{
    QStringList sentences;
    for (const x12::StatusCode &statusCode : status.codes)
        sentences.append(reference::claimstatus::explain(statusCode.category, statusCode.status, statusCode.entity));
    if (!status.message.isEmpty())
        sentences.append(u"The message reads: \"%1\""_s.arg(status.message));
    return joinedSentences(sentences);
}

/// What a 277CA STC does to the claims beneath it: a rejecting category wins.
std::optional<Effect> effectOf(const x12::ClaimStatus277 &status)
{
    std::optional<Effect> effect;
    for (const x12::StatusCode &statusCode : status.codes) {
        switch (reference::claimStatusEffect(statusCode.category)) {
        case reference::ClaimStatusEffect::Rejects:
            return Effect::Reject;
        case reference::ClaimStatusEffect::Accepts:
            effect = Effect::Accept;
            break;
        case reference::ClaimStatusEffect::AcknowledgesReceipt:
            if (!effect)
                effect = Effect::Receipt;
            break;
        case reference::ClaimStatusEffect::Other:
            break;
        }
    }
    return effect;
}

QString wireName(Effect effect)
{
    switch (effect) {
    case Effect::Reject:
        return u"rejected"_s;
    case Effect::Accept:
        return u"accepted"_s;
    case Effect::Receipt:
        return u"received"_s;
    }
    return {};
}

} // namespace

AcknowledgmentImporter::AcknowledgmentImporter(GatewayStore &store, Options options)
    : m_store(store)
    , m_options(options)
{ }

AcknowledgmentImporter::Result AcknowledgmentImporter::import(const QByteArray &x12, const models::User &by, Mode mode,
                                                              const QDateTime &now)
{
    QBuffer buffer;
    buffer.setData(x12);
    buffer.open(QIODevice::ReadOnly);
    return import(&buffer, by, mode, now);
}

AcknowledgmentImporter::Result AcknowledgmentImporter::import(QIODevice *file, const models::User &by, Mode mode,
                                                              const QDateTime &now)
{
    Result result;
    store::Database &database = m_store.database();
    store::TransactionGuard transaction(database.connection());
    const std::optional<x12intake::OpenFile> opened
        = x12intake::openFile(database, transaction, file, u"acknowledgment"_s, by, now, result);
    if (!opened)
        return result;
    const QByteArray &digest = opened->digest;
    const qint64 fileId = opened->id;
    const QString fileName = QString::fromLatin1(digest.left(12));
    StoreError error;
    Ties ties(database);
    ClaimRejections rejections(m_store);
    QSqlQuery setStatus(database.connection());
    setStatus.prepare(u"UPDATE claim_submissions SET status = ?, status_at = ? WHERE id = ? "
                      "AND (status <> 'accepted' OR ? = 'rejected')"_s);
    QSqlQuery payerNumber(database.connection());
    payerNumber.prepare(u"UPDATE claims SET payer_claim_number = ? WHERE claim_number = ? "
                        "AND payer_claim_number IS NULL"_s);

    QList<Defect> defects;
    QJsonArray listed;
    QHash<QString, qint64> counts;
    QSet<qint64> rejectedHere; // a claim rejected twice by one file gets one entry
    qsizetype acknowledgments = 0;
    qsizetype matched = 0;
    int raised = 0;
    int closed = 0;

    // Applies one answer to one submission.
    const auto apply = [&](const Submission &submission, Effect effect, const QString &source,
                           const QString &explanation, const QString &payerClaimNumber, qint64 segment) {
        ++matched;
        ++counts[wireName(effect)];
        if (listed.size() < maximumListedClaims) {
            listed.append(QJsonObject {{u"claimNumber"_s, submission.claimNumber},
                                       {u"source"_s, source},
                                       {u"outcome"_s, wireName(effect)},
                                       {u"segment"_s, segment},
                                       {u"explanation"_s, explanation}});
        }
        if (effect == Effect::Reject) {
            if (rejectedHere.contains(submission.id))
                return;
            rejectedHere.insert(submission.id);
            QString itemId;
            bool isNew = false;
            error = rejections.raise({submission.claimNumber, submission.id, fileId, source, explanation}, by, now,
                                     &itemId, &isNew);
            raised += isNew ? 1 : 0;
        } else if (effect == Effect::Accept) {
            int count = 0;
            error
                = rejections.close(submission.claimNumber, submission.id,
                                   u"%1 accepted the claim (acknowledgment file %2): %3 The rejection is closed."_s.arg(
                                       source, fileName, explanation),
                                   by, now, &count);
            closed += count;
            if (!error && !payerClaimNumber.isEmpty()) {
                payerNumber.addBindValue(payerClaimNumber);
                payerNumber.addBindValue(submission.claimNumber);
                if (!payerNumber.exec())
                    error = queryError(payerNumber);
            }
        }
        if (!error) {
            const QString status = wireName(effect);
            setStatus.addBindValue(status);
            setStatus.addBindValue(now.toUTC().toString(Qt::ISODateWithMs));
            setStatus.addBindValue(submission.id);
            setStatus.addBindValue(status);
            if (!setStatus.exec())
                error = queryError(setStatus);
        }
    };
    // The submissions found, or a defect saying why none can be used.
    const auto usable
        = [&](const QList<Submission> &found, qint64 segment, const QString &segmentId, const QString &what) -> bool {
        if (found.isEmpty()) {
            defects.append({Severity::Warning, code::UnknownSubmission, segment, segmentId,
                            u"%1 answers nothing this gateway received: it changes nothing."_s.arg(what)});
            return false;
        }
        if (ambiguous(found)) {
            defects.append(
                {Severity::Error, code::Ambiguous, segment, segmentId,
                 u"%1 matches claims of more than one 837 file received here (same sender and "
                 "control numbers): which one it answers cannot be told, so the file is refused."_s.arg(what)});
            return false;
        }
        return true;
    };

    x12::AcknowledgmentReader reader(file);
    x12::Acknowledgment ack;
    while (!error && reader.readNext(ack)) {
        ++acknowledgments;
        QList<Defect> found = ack.defects;
        found.append(
            posting::checkUsage(ack.envelope, ack.firstSegment, m_options.testInterchanges, u"acknowledgments"_s));
        defects.append(found);
        if (x12::hasErrors(found))
            continue;
        // The acknowledgment is addressed to whoever sent the 837.
        const QString sender = ack.envelope.receiverId;
        switch (ack.type) {
        case x12::Acknowledgment::Type::Interchange: {
            const x12::InterchangeAcknowledgment &ta1 = ack.interchange;
            const QString what = u"TA1 for interchange %1"_s.arg(ta1.interchangeControlNumber);
            const QList<Submission> all
                = ties.find(u"sender_id = ? AND interchange_control_number = ?"_s,
                            {sender, x12intake::controlNumber(ta1.interchangeControlNumber)}, &error);
            if (error || !usable(all, ta1.segmentNumber, u"TA1"_s, what))
                break;
            const Effect effect = ta1.rejected() ? Effect::Reject : Effect::Receipt;
            const QString explanation = ta1.rejected()
                ? u"The clearinghouse rejected the whole interchange %1 (TA1, note code %2: %3): none of its claims "
                  "reached the payer. Correct the file and send the claims again."_s.arg(
                      ta1.interchangeControlNumber, ta1.noteCode, interchangeNote(ta1.noteCode))
                : u"The clearinghouse received interchange %1 (TA1 %2)."_s.arg(ta1.interchangeControlNumber,
                                                                               ta1.acknowledgmentCode);
            for (const Submission &submission : all) {
                apply(submission, effect, u"TA1"_s, explanation, {}, ta1.segmentNumber);
                if (error)
                    break;
            }
            break;
        }
        case x12::Acknowledgment::Type::Functional: {
            const x12::FunctionalAcknowledgment &functional = ack.functional;
            const QString group = x12intake::controlNumber(functional.groupControlNumber);
            QSet<QString> answered;
            for (const x12::TransactionSetResponse &response : functional.transactions) {
                answered.insert(x12intake::controlNumber(response.controlNumber));
                const QString what
                    = u"The 999's answer to transaction %1 of group %2"_s.arg(response.controlNumber, group);
                const QList<Submission> all
                    = ties.find(u"sender_id = ? AND group_control_number = ? AND transaction_control_number = ?"_s,
                                {sender, group, x12intake::controlNumber(response.controlNumber)}, &error);
                if (error || !usable(all, response.segmentNumber, u"AK2"_s, what))
                    continue;
                const bool rejected = response.rejected() || functional.groupRejected();
                QString explanation;
                if (rejected) {
                    QStringList sentences {
                        u"The clearinghouse's check of the 837 rejected transaction %1 of group %2 (999 IK5 %3%4), "
                        "so none of its claims reached the payer"_s.arg(
                            response.controlNumber, group, response.acknowledgmentCode,
                            response.syntaxErrorCodes.isEmpty() ? QString()
                                                                : u": "_s + response.syntaxErrorCodes.join(u", "_s))};
                    sentences.append(response.segmentErrors);
                    sentences.append(u"Correct the claim and send it again"_s);
                    explanation = joinedSentences(sentences);
                } else {
                    explanation = u"The clearinghouse accepted transaction %1 of group %2 (999 IK5 %3)."_s.arg(
                        response.controlNumber, group, response.acknowledgmentCode);
                }
                for (const Submission &submission : all) {
                    apply(submission, rejected ? Effect::Reject : Effect::Receipt, u"999"_s, explanation, {},
                          response.segmentNumber);
                    if (error)
                        break;
                }
            }
            if (functional.groupRejected() && !error) {
                // Transactions the 999 does not list one by one are rejected with their group.
                const QList<Submission> all
                    = ties.find(u"sender_id = ? AND group_control_number = ?"_s, {sender, group}, &error);
                if (error || !usable(all, ack.firstSegment, u"AK1"_s, u"The 999 for group %1"_s.arg(group)))
                    break;
                const QString explanation
                    = u"The clearinghouse's check of the 837 rejected the whole functional group %1 (999 AK9 %2%3): "
                      "none of its claims reached the payer. Correct the file and send the claims again."_s.arg(
                          group, functional.groupAcknowledgmentCode,
                          functional.groupErrorCodes.isEmpty()
                              ? QString()
                              : u", codes "_s + functional.groupErrorCodes.join(u", "_s));
                for (const Submission &submission : all) {
                    if (!answered.contains(submission.transaction))
                        apply(submission, Effect::Reject, u"999"_s, explanation, {}, ack.firstSegment);
                    if (error)
                        break;
                }
            }
            break;
        }
        case x12::Acknowledgment::Type::ClaimStatus: {
            const x12::ClaimAcknowledgment &status = ack.claimStatus;
            QHash<QString, const x12::StatusEntry *> byId;
            for (const x12::StatusEntry &entry : status.entries)
                byId.insert(entry.hierarchicalId, &entry);
            // The batch (2200B TRN02 = the 837's BHT03) and billing provider above an entry.
            const auto ancestor = [&](const x12::StatusEntry &entry, x12::AcknowledgmentLevel level) {
                const x12::StatusEntry *current = &entry;
                for (int depth = 0; current && depth < 8; ++depth) {
                    if (current->level == level)
                        return current;
                    current = byId.value(current->parentId);
                }
                return static_cast<const x12::StatusEntry *>(nullptr);
            };
            for (const x12::StatusEntry &entry : status.entries) {
                if (error)
                    break;
                const x12::StatusEntry *receiver = ancestor(entry, x12::AcknowledgmentLevel::InformationReceiver);
                const QString batch = receiver ? receiver->trace : QString();
                for (const x12::ClaimStatus277 &stc : entry.statuses) {
                    const std::optional<Effect> effect = effectOf(stc);
                    if (!effect)
                        continue;
                    QList<Submission> all;
                    QString what;
                    switch (entry.level) {
                    case x12::AcknowledgmentLevel::InformationSource:
                        continue;
                    case x12::AcknowledgmentLevel::InformationReceiver:
                        if (*effect != Effect::Reject)
                            continue; // a batch's acceptance says nothing of each claim
                        what = u"The 277CA's answer to batch %1"_s.arg(batch);
                        all = ties.find(u"sender_id = ? AND batch_reference = ?"_s, {sender, batch}, &error);
                        break;
                    case x12::AcknowledgmentLevel::BillingProvider:
                        if (*effect != Effect::Reject)
                            continue;
                        what = u"The 277CA's answer to billing provider %1 of batch %2"_s.arg(entry.id, batch);
                        all = ties.find(u"sender_id = ? AND batch_reference = ? AND billing_provider_npi = ?"_s,
                                        {sender, batch, entry.id}, &error);
                        break;
                    case x12::AcknowledgmentLevel::Claim:
                        what = u"The 277CA's answer to claim %1"_s.arg(entry.trace);
                        all = batch.isEmpty()
                            ? ties.find(u"sender_id = ? AND claim_number = ?"_s, {sender, entry.trace}, &error)
                            : ties.find(u"sender_id = ? AND claim_number = ? AND batch_reference = ?"_s,
                                        {sender, entry.trace, batch}, &error);
                        if (!all.isEmpty() && !ambiguous(all))
                            all = {all.last()}; // the latest sending of the claim in that file
                        break;
                    }
                    if (error)
                        break;
                    if (all.isEmpty() && entry.level == x12::AcknowledgmentLevel::Claim) {
                        defects.append(
                            {Severity::Warning, code::UnknownClaim, stc.segmentNumber, u"STC"_s,
                             u"%1 names a claim this gateway never received: it changes nothing."_s.arg(what)});
                        continue;
                    }
                    if (!usable(all, stc.segmentNumber, u"STC"_s, what))
                        continue;
                    const QString level = entry.level == x12::AcknowledgmentLevel::Claim ? QString()
                        : entry.level == x12::AcknowledgmentLevel::BillingProvider
                        ? u" at the billing provider's level (so every claim of that provider in the batch)"_s
                        : u" at the batch's level (so every claim of the batch)"_s;
                    const QString words = statusWords(stc);
                    const QString explanation = *effect == Effect::Reject
                        ? u"The payer's acknowledgment (277CA) of %1 rejected the claim%2: %3 The claim was not "
                          "accepted for processing; correct it and send it again."_s.arg(
                              stc.effective.isValid() ? stc.effective.toString(Qt::ISODate) : u"(no date)"_s, level,
                              words)
                        : words;
                    for (const Submission &submission : all) {
                        apply(submission, *effect, u"277CA"_s, explanation, entry.payerClaimNumber, stc.segmentNumber);
                        if (error)
                            break;
                    }
                }
            }
            break;
        }
        }
    }
    if (error) {
        result.error = error.message();
        return result;
    }
    QList<Defect> all = reader.fileDefects();
    all.append(defects);
    if (!x12::hasErrors(all) && matched == 0 && acknowledgments > 0) {
        all.append({Severity::Error, code::NothingMatched, 0, QString(),
                    u"The file acknowledges nothing this gateway received: no claim, transaction or interchange "
                    "it names was sent through this gateway."_s});
    }
    QJsonObject outcomes;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        outcomes.insert(it.key(), it.value());
    result.report = QJsonObject {
        {u"file"_s, QString::fromLatin1(digest)},
        {u"acknowledgmentCount"_s, acknowledgments},
        {u"outcomes"_s, outcomes},
        {u"rejectionsRaised"_s, raised},
        {u"rejectionsClosed"_s, closed},
        {u"claims"_s, listed},
        {u"errors"_s, x12intake::defectsJson(all, Severity::Error)},
        {u"warnings"_s, x12intake::defectsJson(all, Severity::Warning)},
    };
    if (x12::hasErrors(all)) {
        result.outcome = Result::Outcome::Unreadable;
        result.error = x12intake::firstError(all);
        result.report.insert(u"imported"_s, false);
        return result; // the guard rolls everything back
    }
    result.report.insert(u"imported"_s, mode == Mode::Import);
    if (mode == Mode::Preview) {
        result.outcome = Result::Outcome::Previewed;
        return result;
    }
    QJsonObject details {{u"file"_s, QString::fromLatin1(digest)},
                         {u"acknowledgments"_s, acknowledgments},
                         {u"rejectionsRaised"_s, raised},
                         {u"rejectionsClosed"_s, closed}};
    for (auto it = outcomes.constBegin(); it != outcomes.constEnd(); ++it)
        details.insert(it.key(), it.value());
    x12intake::commitFile(m_store, transaction, *opened, u"acknowledgments"_s,
                          models::ActionType::AcknowledgmentsImported, details, by, now, result);
    return result;
}

} // namespace rcm::server
