// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/acknowledgmentreader.h"

#include "services/x12/acknowledgmentcodes.h"
#include "services/x12/x12values.h"

#include <QIODevice>
#include <QSet>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

using models::Money;

namespace {

QString text(QByteArrayView value)
{
    return QString::fromLatin1(value.trimmed());
}

bool isOneOf(const QString &code, std::initializer_list<const char16_t *> allowed)
{
    for (const char16_t *value : allowed) {
        if (code == QStringView(value))
            return true;
    }
    return false;
}

/// "words (code)", or just the words when they already name the code (an unknown one).
QString withCode(const QString &words, const QString &code)
{
    return words.endsWith(code) ? words : u"%1 (%2)"_s.arg(words, code);
}

QString levelName(AcknowledgmentLevel level)
{
    switch (level) {
    case AcknowledgmentLevel::InformationSource:
        return u"information source"_s;
    case AcknowledgmentLevel::InformationReceiver:
        return u"information receiver"_s;
    case AcknowledgmentLevel::BillingProvider:
        return u"billing provider"_s;
    case AcknowledgmentLevel::Claim:
        return u"claim"_s;
    }
    return QString();
}

} // namespace

/// Builds each TA1, 999 and 277CA the envelope walker hands over into the caller's
/// Acknowledgment.
class AcknowledgmentReader::Handler final : public TransactionHandler
{
public:
    const Kind &kind() const override;
    bool accepts(QByteArrayView transactionSetId) const override;
    void begin(const Segment &st, const Envelope &envelope, const Delimiters &delimiters) override;
    void add(const Segment &segment) override;
    void addDefect(const Defect &defect) override { m_target->defects.append(defect); }
    void finish(qint64 lastSegment) override;
    bool addInterchangeSegment(const Segment &segment, const Envelope &envelope) override;

    Acknowledgment *m_target = nullptr;

private:
    enum class Reading { Functional, ClaimStatus, Ignored };

    void checkVersion(const Segment &st, const QString &version);
    // 999 (and 997).
    void addFunctional(const Segment &segment);
    void addResponse(const Segment &segment);
    void addSegmentError(const Segment &segment);
    void addElementError(const Segment &segment);
    void addContext(const Segment &segment);
    void addResponseTrailer(const Segment &segment);
    void addGroupTrailer(const Segment &segment);
    void closeSegmentError();
    TransactionSetResponse *response();
    // 277CA.
    void addClaimStatus(const Segment &segment);
    void addHeader(const Segment &segment);
    void addLevel(const Segment &segment);
    void addName(const Segment &segment);
    void addStatus(const Segment &segment);
    void addReference(const Segment &segment);
    void addServiceDate(const Segment &segment);
    void addServiceLine(const Segment &segment);
    void finishClaimStatus();
    StatusEntry *entry();
    LineStatus *line();

    QList<QByteArrayView> components(QByteArrayView element) const;
    std::optional<Money> amount(const Segment &segment, int index, const QString &what);
    QDate date(const Segment &segment, int index, Severity severity, const QString &what);
    void defect(Severity severity, QLatin1StringView code, const Segment &segment, const QString &message);

    Delimiters m_delimiters;
    Reading m_reading = Reading::Ignored;
    bool m_sawHeader = false; ///< AK1 or BHT
    bool m_sawTrailer = false; ///< AK9
    bool m_responseClosed = true; ///< the last AK2 has its IK5
    QString m_segmentError; ///< the IK3 being read, in words, until its loop ends
    qsizetype m_entry = -1; ///< the HL being read; -1 before any or in an HL not read
    qsizetype m_line = -1; ///< the SVC being read in m_entry
    QSet<QString> m_hierarchicalIds;
};

const TransactionHandler::Kind &AcknowledgmentReader::Handler::kind() const
{
    static const Kind acknowledgment {defectcode::NotAcknowledgment, defectcode::NoAcknowledgment,
                                      u"an acknowledgment (TA1, 999 or 277CA)"_s};
    return acknowledgment;
}

bool AcknowledgmentReader::Handler::accepts(QByteArrayView transactionSetId) const
{
    return equals(transactionSetId, "999") || equals(transactionSetId, "997") || equals(transactionSetId, "277");
}

void AcknowledgmentReader::Handler::defect(Severity severity, QLatin1StringView code, const Segment &segment,
                                           const QString &message)
{
    m_target->defects.append({severity, code, segment.number(), segment.idText(), message});
}

QList<QByteArrayView> AcknowledgmentReader::Handler::components(QByteArrayView element) const
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype index = 0; index <= element.size(); ++index) {
        if (index == element.size() || element[index] == m_delimiters.component) {
            parts.append(element.sliced(start, index - start).trimmed());
            start = index + 1;
        }
    }
    return parts;
}

std::optional<Money> AcknowledgmentReader::Handler::amount(const Segment &segment, int index, const QString &what)
{
    const QByteArrayView value = segment.element(index).trimmed();
    if (value.isEmpty())
        return std::nullopt;
    const std::optional<Money> parsed = parseAmount(value);
    if (!parsed) {
        defect(Severity::Error, defectcode::AmountInvalid, segment,
               u"%1%2 (%3) \"%4\" is not an amount."_s.arg(segment.idText())
                   .arg(index, 2, 10, QLatin1Char('0'))
                   .arg(what, QString::fromLatin1(clipped(value, 40))));
    }
    return parsed;
}

QDate AcknowledgmentReader::Handler::date(const Segment &segment, int index, Severity severity, const QString &what)
{
    const QByteArrayView value = segment.element(index).trimmed();
    if (value.isEmpty())
        return QDate();
    const std::optional<QDate> parsed = parseDate(value);
    if (!parsed) {
        defect(severity, defectcode::DateInvalid, segment,
               u"%1%2 (%3) \"%4\" is not a date (CCYYMMDD)."_s.arg(segment.idText())
                   .arg(index, 2, 10, QLatin1Char('0'))
                   .arg(what, QString::fromLatin1(clipped(value, 40))));
        return QDate();
    }
    return *parsed;
}

bool AcknowledgmentReader::Handler::addInterchangeSegment(const Segment &segment, const Envelope &envelope)
{
    if (segment.tag() != segmentTag("TA1"))
        return false;
    *m_target = Acknowledgment();
    m_target->type = Acknowledgment::Type::Interchange;
    // A TA1 answers the interchange, not a group: no group fields, whatever came before.
    m_target->envelope.senderId = envelope.senderId;
    m_target->envelope.receiverId = envelope.receiverId;
    m_target->envelope.interchangeControlNumber = envelope.interchangeControlNumber;
    m_target->envelope.interchangeDate = envelope.interchangeDate;
    m_target->envelope.interchangeTime = envelope.interchangeTime;
    m_target->envelope.usageIndicator = envelope.usageIndicator;
    m_target->firstSegment = segment.number();
    m_target->lastSegment = segment.number();
    InterchangeAcknowledgment &interchange = m_target->interchange;
    interchange.segmentNumber = segment.number();
    interchange.interchangeControlNumber = text(segment.element(1));
    interchange.acknowledgmentCode = text(segment.element(4));
    interchange.noteCode = text(segment.element(5));
    if (interchange.interchangeControlNumber.isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"TA101 (the interchange control number acknowledged) is missing: the TA1 cannot be tied to a "
               "file sent."_s);
    }
    const QByteArrayView day = segment.element(2).trimmed();
    if (!day.isEmpty()) {
        // TA102 is the acknowledged ISA09: YYMMDD.
        const std::optional<QDate> parsed
            = day.size() == 6 ? parseDate(QByteArray(QByteArray("20") + day)) : std::nullopt;
        if (parsed)
            interchange.interchangeDate = *parsed;
        else
            defect(Severity::Warning, defectcode::DateInvalid, segment,
                   u"TA102 \"%1\" is not a date (YYMMDD)."_s.arg(QString::fromLatin1(clipped(day, 40))));
    }
    if (!isOneOf(interchange.acknowledgmentCode, {u"A", u"E", u"R"})) {
        defect(Severity::Error, defectcode::CodeInvalid, segment,
               u"TA104 \"%1\" is not A (accepted), E (accepted with errors) or R (rejected)."_s.arg(
                   interchange.acknowledgmentCode));
    }
    if (interchange.noteCode.isEmpty()) {
        defect(Severity::Warning, defectcode::ElementMissing, segment,
               u"TA105 (the note code saying what was wrong) is missing."_s);
    }
    return true;
}

void AcknowledgmentReader::Handler::begin(const Segment &st, const Envelope &envelope, const Delimiters &delimiters)
{
    *m_target = Acknowledgment();
    m_target->envelope = envelope;
    m_target->firstSegment = st.number();
    m_delimiters = delimiters;
    m_sawHeader = false;
    m_sawTrailer = false;
    m_responseClosed = true;
    m_segmentError.clear();
    m_entry = -1;
    m_line = -1;
    m_hierarchicalIds.clear();
    const QString controlNumber = text(st.element(2));
    const QString reference = text(st.element(3));
    const QString version = reference.isEmpty() ? envelope.version : reference;
    if (equals(st.element(1).trimmed(), "277")) {
        m_target->type = Acknowledgment::Type::ClaimStatus;
        m_target->claimStatus.controlNumber = controlNumber;
        m_reading = Reading::ClaimStatus;
    } else {
        m_target->type = Acknowledgment::Type::Functional;
        m_target->functional.controlNumber = controlNumber;
        m_reading = Reading::Functional;
    }
    checkVersion(st, version);
}

void AcknowledgmentReader::Handler::checkVersion(const Segment &st, const QString &version)
{
    const QString controlNumber = text(st.element(2));
    if (m_reading == Reading::Functional) {
        if (equals(st.element(1).trimmed(), "999") && !version.startsWith(u"005010X231"_s)) {
            defect(Severity::Warning, defectcode::VersionUnknown, st,
                   u"The 999 declares version \"%1\", not 005010X231A1; it is read as one."_s.arg(version));
        }
        return;
    }
    if (version.startsWith(u"005010X214"_s))
        return;
    if (version.startsWith(u"005010X212"_s)) {
        defect(Severity::Error, defectcode::WrongGuide, st,
               u"Transaction %1 is a 277 claim status response (005010X212), the answer to a status request, "
               "not a claim acknowledgment (277CA, 005010X214); it is not read."_s.arg(controlNumber));
        m_reading = Reading::Ignored;
    } else if (version.startsWith(u"005010"_s)) {
        defect(Severity::Error, defectcode::WrongGuide, st,
               u"Transaction %1 is a 277 written to guide %2, not a claim acknowledgment (277CA, 005010X214); "
               "it is not read."_s.arg(controlNumber, version));
        m_reading = Reading::Ignored;
    } else {
        defect(
            Severity::Warning, defectcode::VersionUnknown, st,
            u"The 277 declares version \"%1\", not 005010X214; it is read as a claim acknowledgment."_s.arg(version));
    }
}

void AcknowledgmentReader::Handler::add(const Segment &segment)
{
    if (m_reading == Reading::Functional)
        addFunctional(segment);
    else if (m_reading == Reading::ClaimStatus)
        addClaimStatus(segment);
}

void AcknowledgmentReader::Handler::finish(qint64 lastSegment)
{
    m_target->lastSegment = lastSegment;
    if (m_reading == Reading::Functional) {
        closeSegmentError();
        const auto missing = [&](const QString &what) {
            m_target->defects.append({Severity::Error, defectcode::SegmentMissing, lastSegment, QString(), what});
        };
        if (!m_sawHeader)
            missing(u"The 999 has no AK1: it does not say which functional group it answers."_s);
        if (!m_responseClosed)
            missing(u"The last AK2 has no IK5: it does not say whether that transaction was accepted."_s);
        if (!m_sawTrailer)
            missing(u"The 999 has no AK9: it does not say whether the functional group was accepted."_s);
    } else if (m_reading == Reading::ClaimStatus) {
        finishClaimStatus();
    }
}

// --- 999 -------------------------------------------------------------------------------

TransactionSetResponse *AcknowledgmentReader::Handler::response()
{
    QList<TransactionSetResponse> &transactions = m_target->functional.transactions;
    return transactions.isEmpty() ? nullptr : &transactions.last();
}

void AcknowledgmentReader::Handler::addFunctional(const Segment &segment)
{
    FunctionalAcknowledgment &functional = m_target->functional;
    switch (segment.tag()) {
    case segmentTag("AK1"):
        m_sawHeader = true;
        functional.functionalId = text(segment.element(1));
        functional.groupControlNumber = text(segment.element(2));
        functional.version = text(segment.element(3));
        if (functional.groupControlNumber.isEmpty()) {
            defect(Severity::Error, defectcode::ElementMissing, segment,
                   u"AK102 (the group control number acknowledged) is missing: the 999 cannot be tied to a "
                   "file sent."_s);
        }
        break;
    case segmentTag("AK2"):
        addResponse(segment);
        break;
    case segmentTag("IK3"):
    case segmentTag("AK3"):
        addSegmentError(segment);
        break;
    case segmentTag("IK4"):
    case segmentTag("AK4"):
        addElementError(segment);
        break;
    case segmentTag("CTX"):
        addContext(segment);
        break;
    case segmentTag("IK5"):
    case segmentTag("AK5"):
        addResponseTrailer(segment);
        break;
    case segmentTag("AK9"):
        addGroupTrailer(segment);
        break;
    default:
        defect(Severity::Warning, defectcode::SegmentUnexpected, segment,
               u"A %1 segment is not part of a 999; it is ignored."_s.arg(segment.idText()));
    }
}

void AcknowledgmentReader::Handler::addResponse(const Segment &segment)
{
    closeSegmentError();
    if (!m_responseClosed) {
        defect(Severity::Error, defectcode::SegmentMissing, segment,
               u"The AK2 before this one has no IK5: it does not say whether that transaction was accepted."_s);
    }
    TransactionSetResponse &added = m_target->functional.transactions.emplaceBack();
    added.segmentNumber = segment.number();
    added.transactionSetId = text(segment.element(1));
    added.controlNumber = text(segment.element(2));
    added.implementationReference = text(segment.element(3));
    if (added.controlNumber.isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"AK202 (the transaction control number acknowledged) is missing."_s);
    }
    m_responseClosed = false;
}

void AcknowledgmentReader::Handler::addSegmentError(const Segment &segment)
{
    closeSegmentError();
    if (!response() || m_responseClosed) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"%1 (a segment error) appears outside any AK2..IK5 loop; it is ignored."_s.arg(segment.idText()));
        return;
    }
    const QString loop = text(segment.element(3));
    const QString code = text(segment.element(4));
    SegmentError &error = response()->errors.emplaceBack();
    error.segmentId = text(segment.element(1));
    error.position = segment.element(2).trimmed().toLongLong();
    error.loopId = loop;
    error.code = code;
    m_segmentError = u"segment %1 at position %2%3"_s.arg(text(segment.element(1)), text(segment.element(2)),
                                                          loop.isEmpty() ? QString() : u" (loop %1)"_s.arg(loop));
    if (!code.isEmpty())
        m_segmentError += u": "_s + withCode(acknowledgmentcode::segmentError(code), code);
}

void AcknowledgmentReader::Handler::addElementError(const Segment &segment)
{
    if (m_segmentError.isEmpty()) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"%1 (an element error) appears without the segment error (IK3) it belongs to; it is ignored."_s.arg(
                   segment.idText()));
        return;
    }
    // IK401: element position, component position, repetition; the bad value (IK404) is
    // not kept, as it may be a patient's name or date of birth.
    const QList<QByteArrayView> position = components(segment.element(1));
    QString where = u"element %1"_s.arg(QString::fromLatin1(position.value(0)));
    if (!position.value(1).isEmpty())
        where += u"-%1"_s.arg(QString::fromLatin1(position.value(1)));
    const QString reference = text(segment.element(2));
    if (!reference.isEmpty())
        where += u" (data element %1)"_s.arg(reference);
    const QString code = text(segment.element(3));
    response()->errors.last().elements.append(
        {QByteArrayView(position.value(0)).toInt(), QByteArrayView(position.value(1)).toInt(), reference, code});
    m_segmentError += u"; %1: %2"_s.arg(where, withCode(acknowledgmentcode::elementError(code), code));
}

void AcknowledgmentReader::Handler::addContext(const Segment &segment)
{
    const QList<QByteArrayView> identifier = components(segment.element(1));
    const QString name = QString::fromLatin1(identifier.value(0));
    const QString reference = QString::fromLatin1(identifier.value(1));
    if (name == u"CLM01"_s && !reference.isEmpty()) {
        // The business unit: the claim the error is in.
        if (TransactionSetResponse *current = response())
            current->claimReferences.append(reference);
        if (!m_segmentError.isEmpty()) {
            m_segmentError += u", in claim %1"_s.arg(reference);
            response()->errors.last().claimReference = reference;
        }
    } else if (!m_segmentError.isEmpty() && !segment.element(2).isEmpty()) {
        m_segmentError
            += u", triggered by segment %1 at position %2"_s.arg(text(segment.element(2)), text(segment.element(3)));
    }
}

void AcknowledgmentReader::Handler::closeSegmentError()
{
    if (m_segmentError.isEmpty())
        return;
    if (TransactionSetResponse *current = response())
        current->segmentErrors.append(m_segmentError);
    m_segmentError.clear();
}

void AcknowledgmentReader::Handler::addResponseTrailer(const Segment &segment)
{
    closeSegmentError();
    TransactionSetResponse *current = response();
    if (!current || m_responseClosed) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"%1 appears without the AK2 it closes; it is ignored."_s.arg(segment.idText()));
        return;
    }
    m_responseClosed = true;
    current->acknowledgmentCode = text(segment.element(1));
    for (int index = 2; index <= 6; ++index) {
        if (!segment.element(index).trimmed().isEmpty())
            current->syntaxErrorCodes.append(text(segment.element(index)));
    }
    if (!isOneOf(current->acknowledgmentCode, {u"A", u"E", u"M", u"R", u"W", u"X"})) {
        defect(
            Severity::Error, defectcode::CodeInvalid, segment,
            u"%101 \"%2\" for transaction %3 is not an acknowledgment code (A, E, M, R, W or X): whether it "
            "was accepted is not known."_s.arg(segment.idText(), current->acknowledgmentCode, current->controlNumber));
    }
}

void AcknowledgmentReader::Handler::addGroupTrailer(const Segment &segment)
{
    closeSegmentError();
    if (!m_responseClosed) {
        defect(Severity::Error, defectcode::SegmentMissing, segment,
               u"The last AK2 has no IK5: it does not say whether that transaction was accepted."_s);
        m_responseClosed = true;
    }
    m_sawTrailer = true;
    FunctionalAcknowledgment &functional = m_target->functional;
    functional.groupAcknowledgmentCode = text(segment.element(1));
    if (!isOneOf(functional.groupAcknowledgmentCode, {u"A", u"E", u"M", u"P", u"R", u"W", u"X"})) {
        defect(Severity::Error, defectcode::CodeInvalid, segment,
               u"AK901 \"%1\" is not an acknowledgment code (A, E, M, P, R, W or X): whether the group was "
               "accepted is not known."_s.arg(functional.groupAcknowledgmentCode));
    }
    const std::array<std::pair<int *, const char16_t *>, 3> counts
        = {{{&functional.transactionsIncluded, u"included"},
            {&functional.transactionsReceived, u"received"},
            {&functional.transactionsAccepted, u"accepted"}}};
    for (std::size_t index = 0; index < counts.size(); ++index) {
        const int element = int(index) + 2;
        bool ok = false;
        *counts[index].first = segment.element(element).trimmed().toInt(&ok);
        if (!ok) {
            defect(Severity::Error, defectcode::NumberInvalid, segment,
                   u"AK90%1 (transactions %2) \"%3\" is not a number."_s.arg(element).arg(
                       QStringView(counts[index].second), text(segment.element(element))));
        }
    }
    for (int index = 5; index <= 9; ++index) {
        if (!segment.element(index).trimmed().isEmpty())
            functional.groupErrorCodes.append(text(segment.element(index)));
    }
}

// --- 277CA -----------------------------------------------------------------------------

StatusEntry *AcknowledgmentReader::Handler::entry()
{
    return m_entry < 0 ? nullptr : &m_target->claimStatus.entries[m_entry];
}

LineStatus *AcknowledgmentReader::Handler::line()
{
    StatusEntry *current = entry();
    return current && m_line >= 0 ? &current->lines[m_line] : nullptr;
}

void AcknowledgmentReader::Handler::addClaimStatus(const Segment &segment)
{
    if (segment.tag() == segmentTag("BHT")) {
        addHeader(segment);
        return;
    }
    if (segment.tag() == segmentTag("HL")) {
        addLevel(segment);
        return;
    }
    if (!entry())
        return; // before any HL (reported at the end) or inside an HL not read (reported there)
    switch (segment.tag()) {
    case segmentTag("NM1"):
        addName(segment);
        break;
    case segmentTag("TRN"):
        entry()->trace = text(segment.element(2));
        if (entry()->trace.isEmpty()) {
            defect(Severity::Error, defectcode::ElementMissing, segment, u"TRN02 (the trace number) is missing."_s);
        }
        break;
    case segmentTag("STC"):
        addStatus(segment);
        break;
    case segmentTag("REF"):
        addReference(segment);
        break;
    case segmentTag("DTP"):
        addServiceDate(segment);
        break;
    case segmentTag("SVC"):
        addServiceLine(segment);
        break;
    default:
        break; // DTP*050/009, QTY and AMT totals: not needed to tie answers to claims
    }
}

void AcknowledgmentReader::Handler::addHeader(const Segment &segment)
{
    m_sawHeader = true;
    ClaimAcknowledgment &claimStatus = m_target->claimStatus;
    claimStatus.reference = text(segment.element(3));
    claimStatus.created = date(segment, 4, Severity::Warning, u"the creation date"_s);
}

void AcknowledgmentReader::Handler::addLevel(const Segment &segment)
{
    m_line = -1;
    m_entry = -1;
    const QString id = text(segment.element(1));
    const QString parent = text(segment.element(2));
    const QString code = text(segment.element(3));
    AcknowledgmentLevel level = AcknowledgmentLevel::InformationSource;
    if (code == u"20"_s) {
        level = AcknowledgmentLevel::InformationSource;
    } else if (code == u"21"_s) {
        level = AcknowledgmentLevel::InformationReceiver;
    } else if (code == u"19"_s) {
        level = AcknowledgmentLevel::BillingProvider;
    } else if (code == u"PT"_s) {
        level = AcknowledgmentLevel::Claim;
    } else {
        defect(Severity::Error, defectcode::CodeInvalid, segment,
               u"HL %1 is at level \"%2\", which a 277CA does not have (20, 21, 19 or PT); its segments are "
               "not read."_s.arg(id, code));
        return;
    }
    if (id.isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment, u"HL01 (the level's id) is missing."_s);
    }
    if (level != AcknowledgmentLevel::InformationSource && !m_hierarchicalIds.contains(parent)) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"HL %1 (%2 level) names parent \"%3\", which is not an earlier HL: what it answers for is not "
               "known."_s.arg(id, levelName(level), parent));
    }
    m_hierarchicalIds.insert(id);
    QList<StatusEntry> &entries = m_target->claimStatus.entries;
    StatusEntry &added = entries.emplaceBack();
    added.segmentNumber = segment.number();
    added.level = level;
    added.hierarchicalId = id;
    added.parentId = parent;
    m_entry = entries.size() - 1;
}

void AcknowledgmentReader::Handler::addName(const Segment &segment)
{
    StatusEntry &current = *entry();
    current.entityCode = text(segment.element(1));
    // A patient's name is never kept; an organisation's (payer, submitter, provider) is.
    if (current.level != AcknowledgmentLevel::Claim && !equals(segment.element(2).trimmed(), "1"))
        current.name = text(segment.element(3));
    current.idQualifier = text(segment.element(8));
    current.id = text(segment.element(9));
}

void AcknowledgmentReader::Handler::addStatus(const Segment &segment)
{
    ClaimStatus277 status;
    status.segmentNumber = segment.number();
    for (const int index : {1, 10, 11}) {
        const QByteArrayView element = segment.element(index).trimmed();
        if (element.isEmpty()) {
            if (index == 1) {
                defect(Severity::Error, defectcode::ElementMissing, segment,
                       u"STC01 (the claim status category and code) is missing."_s);
            }
            continue;
        }
        const QList<QByteArrayView> parts = components(element);
        StatusCode code {QString::fromLatin1(parts.value(0)), QString::fromLatin1(parts.value(1)),
                         QString::fromLatin1(parts.value(2))};
        if (code.category.isEmpty() || code.status.isEmpty()) {
            defect(Severity::Error, defectcode::ElementMissing, segment,
                   u"STC%1 has no status category or no status code."_s.arg(index, 2, 10, QLatin1Char('0')));
        }
        status.codes.append(code);
    }
    status.effective = date(segment, 2, Severity::Error, u"the status date"_s);
    status.actionCode = text(segment.element(3));
    status.amount = amount(segment, 4, u"the total charge"_s);
    status.message = text(segment.element(12));
    if (LineStatus *current = line()) {
        current->statuses.append(status);
        return;
    }
    StatusEntry &current = *entry();
    if (current.level == AcknowledgmentLevel::Claim && !current.charge && status.amount)
        current.charge = status.amount;
    current.statuses.append(status);
}

void AcknowledgmentReader::Handler::addReference(const Segment &segment)
{
    const QByteArrayView qualifier = segment.element(1).trimmed();
    const QString value = text(segment.element(2));
    if (LineStatus *current = line()) {
        if (equals(qualifier, "FJ"))
            current->lineControlNumber = value;
        return;
    }
    StatusEntry &current = *entry();
    if (current.level != AcknowledgmentLevel::Claim)
        return; // the provider's secondary ids (REF*TJ, ...) are not needed
    if (equals(qualifier, "1K"))
        current.payerClaimNumber = value;
    else if (equals(qualifier, "BLT"))
        current.billTypeOrFacility = value;
    else if (equals(qualifier, "D9"))
        current.clearinghouseTrace = value;
}

void AcknowledgmentReader::Handler::addServiceDate(const Segment &segment)
{
    if (!equals(segment.element(1).trimmed(), "472"))
        return;
    QDate from;
    QDate to;
    const QByteArrayView format = segment.element(2).trimmed();
    const QByteArrayView value = segment.element(3).trimmed();
    const qsizetype dash = value.indexOf('-');
    if (equals(format, "RD8") && dash > 0) {
        from = parseDate(value.first(dash)).value_or(QDate());
        to = parseDate(value.sliced(dash + 1)).value_or(QDate());
    } else if (equals(format, "D8")) {
        from = parseDate(value).value_or(QDate());
    }
    if (!from.isValid() || (equals(format, "RD8") && !to.isValid())) {
        defect(Severity::Error, defectcode::DateInvalid, segment,
               u"DTP03 \"%1\" is not a service date in format %2 (D8 CCYYMMDD or RD8 CCYYMMDD-CCYYMMDD)."_s.arg(
                   QString::fromLatin1(clipped(value, 40)), QString::fromLatin1(format)));
        return;
    }
    if (to == from)
        to = QDate();
    if (LineStatus *current = line()) {
        current->serviceFrom = from;
        current->serviceTo = to;
    } else if (entry()->level == AcknowledgmentLevel::Claim) {
        entry()->serviceFrom = from;
        entry()->serviceTo = to;
    }
}

void AcknowledgmentReader::Handler::addServiceLine(const Segment &segment)
{
    StatusEntry &current = *entry();
    if (current.level != AcknowledgmentLevel::Claim) {
        defect(Severity::Warning, defectcode::SegmentUnexpected, segment,
               u"A service line (SVC) outside a claim level (HL PT) is ignored."_s);
        return;
    }
    LineStatus &added = current.lines.emplaceBack();
    m_line = current.lines.size() - 1;
    added.segmentNumber = segment.number();
    QStringList procedure;
    for (const QByteArrayView part : components(segment.element(1)))
        procedure.append(QString::fromLatin1(part));
    while (!procedure.isEmpty() && procedure.last().isEmpty())
        procedure.removeLast();
    added.procedure = procedure.join(u':');
    added.revenueCode = text(segment.element(4));
    if (segment.element(2).trimmed().isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment, u"SVC02 (the line's charge) is missing."_s);
    } else {
        added.charge = amount(segment, 2, u"the line's charge"_s).value_or(Money());
    }
}

void AcknowledgmentReader::Handler::finishClaimStatus()
{
    const qint64 last = m_target->lastSegment;
    ClaimAcknowledgment &claimStatus = m_target->claimStatus;
    if (!m_sawHeader) {
        m_target->defects.append(
            {Severity::Error, defectcode::SegmentMissing, last, QString(), u"The 277CA has no BHT header."_s});
    }
    if (claimStatus.entries.isEmpty()
        || claimStatus.entries.constFirst().level != AcknowledgmentLevel::InformationSource) {
        m_target->defects.append({Severity::Error, defectcode::SegmentMissing, last, u"HL"_s,
                                  u"The 277CA does not start with an information source level (HL 20)."_s});
    }
    for (const StatusEntry &current : std::as_const(claimStatus.entries)) {
        const auto report = [&](Severity severity, QLatin1StringView code, const QString &message) {
            m_target->defects.append({severity, code, current.segmentNumber, u"HL"_s, message});
        };
        if (current.level == AcknowledgmentLevel::Claim) {
            if (current.trace.isEmpty())
                report(Severity::Error, defectcode::SegmentMissing,
                       u"Claim level HL %1 has no TRN (the patient control number): it cannot be tied to a "
                       "claim."_s.arg(current.hierarchicalId));
            if (current.statuses.isEmpty())
                report(Severity::Error, defectcode::SegmentMissing,
                       u"Claim level HL %1 has no STC: it does not say whether the claim was accepted."_s.arg(
                           current.hierarchicalId));
        } else if (current.level == AcknowledgmentLevel::InformationReceiver && current.trace.isEmpty()) {
            report(Severity::Warning, defectcode::SegmentMissing,
                   u"Information receiver level HL %1 has no TRN (the 837 batch it answers)."_s.arg(
                       current.hierarchicalId));
        }
    }
}

AcknowledgmentReader::AcknowledgmentReader(QIODevice *device, qsizetype chunkSize)
    : m_handler(std::make_unique<Handler>())
    , m_reader(device, *m_handler, chunkSize)
{ }

AcknowledgmentReader::~AcknowledgmentReader() = default;

bool AcknowledgmentReader::readNext(Acknowledgment &acknowledgment)
{
    m_handler->m_target = &acknowledgment;
    return m_reader.next();
}

AcknowledgmentFile readAcknowledgmentFile(QIODevice *device)
{
    AcknowledgmentFile file;
    AcknowledgmentReader reader(device);
    Acknowledgment acknowledgment;
    while (reader.readNext(acknowledgment))
        file.acknowledgments.append(std::move(acknowledgment));
    file.defects = reader.fileDefects();
    return file;
}

} // namespace rcm::x12
