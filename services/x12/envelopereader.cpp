// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/envelopereader.h"

#include <QIODevice>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

namespace {

bool isEnvelopeSegment(quint32 tag)
{
    return tag == segmentTag("ISA") || tag == segmentTag("GS") || tag == segmentTag("ST") || tag == segmentTag("GE")
        || tag == segmentTag("IEA");
}

QString text(QByteArrayView value)
{
    return QString::fromLatin1(value.trimmed());
}

/// A count element compared with what was counted; false when it differs or is not a number.
bool countMatches(QByteArrayView element, qint64 counted)
{
    bool ok = false;
    const qint64 value = element.trimmed().toLongLong(&ok);
    return ok && value == counted;
}

/// Control numbers are compared as numbers where both are numbers ("000000907" = "907"
/// in GS06/GE02 as some senders pad one and not the other), else as text.
bool controlNumbersMatch(QByteArrayView left, QByteArrayView right)
{
    bool leftOk = false;
    bool rightOk = false;
    const qint64 leftValue = left.trimmed().toLongLong(&leftOk);
    const qint64 rightValue = right.trimmed().toLongLong(&rightOk);
    if (leftOk && rightOk)
        return leftValue == rightValue;
    return left.trimmed() == right.trimmed();
}

} // namespace

EnvelopeReader::EnvelopeReader(QIODevice *device, TransactionHandler &handler, qsizetype chunkSize)
    : m_segments(device, chunkSize)
    , m_handler(handler)
{
    if (!device || !device->isReadable()) {
        m_fileDefects.append(
            {Severity::Error, defectcode::FileUnreadable, 0, QString(), u"The file cannot be read."_s});
        m_done = true;
    }
}

void EnvelopeReader::report(Severity severity, QLatin1StringView code, const Segment &segment, const QString &message)
{
    if (m_fileDefects.size() == maxDefects) {
        m_fileDefects.append({Severity::Error, code, segment.number(), segment.idText(),
                              u"More than %1 defects: the rest of the file is not reported."_s.arg(maxDefects)});
    }
    if (m_fileDefects.size() > maxDefects)
        return;
    m_fileDefects.append({severity, code, segment.number(), segment.idText(), message});
}

void EnvelopeReader::openInterchange(const Segment &segment)
{
    m_level = Level::Interchange;
    m_interchangeGroups = 0;
    m_envelope = Envelope();
    m_envelope.senderId = text(segment.element(6));
    m_envelope.receiverId = text(segment.element(8));
    m_envelope.interchangeDate = text(segment.element(9));
    m_envelope.interchangeTime = text(segment.element(10));
    m_envelope.interchangeControlNumber = text(segment.element(13));
    m_envelope.usageIndicator = text(segment.element(15));
}

void EnvelopeReader::openGroup(const Segment &segment)
{
    m_level = Level::Group;
    m_groupTransactions = 0;
    m_envelope.functionalId = text(segment.element(1));
    m_envelope.groupSenderId = text(segment.element(2));
    m_envelope.groupReceiverId = text(segment.element(3));
    m_envelope.groupControlNumber = text(segment.element(6));
    m_envelope.version = text(segment.element(8));
}

void EnvelopeReader::openTransaction(const Segment &segment)
{
    m_level = Level::Transaction;
    m_transactionSegments = 1;
    m_transactionSetId = text(segment.element(1));
    m_controlNumber = text(segment.element(2));
    if (!m_handler.accepts(segment.element(1).trimmed())) {
        m_transaction = Transaction::Skipped;
        report(Severity::Warning, m_handler.kind().skippedCode, segment,
               u"Transaction %1 is a %2, not %3; it was skipped."_s.arg(m_controlNumber, m_transactionSetId,
                                                                        m_handler.kind().name));
        return;
    }
    m_transaction = Transaction::Handled;
    m_handler.begin(segment, m_envelope, m_segments.delimiters());
}

void EnvelopeReader::closeTransaction(const Segment *se)
{
    QList<Defect> defects;
    if (se) {
        if (!countMatches(se->element(1), m_transactionSegments)) {
            defects.append({Severity::Error, defectcode::SeCountMismatch, se->number(), u"SE"_s,
                            u"SE01 says the transaction has %1 segments, but it has %2 (from ST to SE)."_s
                                .arg(text(se->element(1)))
                                .arg(m_transactionSegments)});
        }
        if (m_transaction == Transaction::Handled && se->element(2).trimmed() != m_controlNumber.toLatin1()) {
            defects.append(
                {Severity::Error, defectcode::SeControlNumberMismatch, se->number(), u"SE"_s,
                 u"SE02 control number %1 does not match ST02 %2."_s.arg(text(se->element(2)), m_controlNumber)});
        }
    }
    m_level = Level::Group;
    ++m_groupTransactions;
    if (m_transaction == Transaction::Handled) {
        for (const Defect &defect : std::as_const(defects))
            m_handler.addDefect(defect);
        m_handler.finish(se ? se->number() : m_segments.segmentCount());
        ++m_transactionCount;
    } else {
        m_fileDefects.append(defects);
    }
}

void EnvelopeReader::closeGroup(const Segment *ge)
{
    if (ge) {
        if (!countMatches(ge->element(1), m_groupTransactions)) {
            report(Severity::Error, defectcode::GeCountMismatch, *ge,
                   u"GE01 says the group has %1 transactions, but it has %2."_s.arg(text(ge->element(1)))
                       .arg(m_groupTransactions));
        }
        if (!controlNumbersMatch(ge->element(2), m_envelope.groupControlNumber.toLatin1())) {
            report(Severity::Error, defectcode::GeControlNumberMismatch, *ge,
                   u"GE02 control number %1 does not match GS06 %2."_s.arg(text(ge->element(2)),
                                                                           m_envelope.groupControlNumber));
        }
    }
    m_level = Level::Interchange;
    ++m_interchangeGroups;
}

void EnvelopeReader::closeInterchange(const Segment *iea)
{
    if (iea) {
        if (!countMatches(iea->element(1), m_interchangeGroups)) {
            report(Severity::Error, defectcode::IeaCountMismatch, *iea,
                   u"IEA01 says the interchange has %1 functional groups, but it has %2."_s.arg(text(iea->element(1)))
                       .arg(m_interchangeGroups));
        }
        if (iea->element(2).trimmed() != m_envelope.interchangeControlNumber.toLatin1()) {
            report(Severity::Error, defectcode::IeaControlNumberMismatch, *iea,
                   u"IEA02 control number %1 does not match ISA13 %2."_s.arg(text(iea->element(2)),
                                                                             m_envelope.interchangeControlNumber));
        }
    }
    m_level = Level::Outside;
}

bool EnvelopeReader::handleEnvelope()
{
    const quint32 tag = m_segment.tag();
    const auto missing = [&](QLatin1StringView code, const QString &what) {
        report(Severity::Error, code, m_segment, u"%1 is not closed before this %2."_s.arg(what, m_segment.idText()));
    };
    if (tag == segmentTag("ISA")) {
        if (m_level == Level::Group)
            missing(defectcode::GeMissing, u"Functional group %1"_s.arg(m_envelope.groupControlNumber));
        if (m_level != Level::Outside)
            missing(defectcode::IeaMissing, u"Interchange %1"_s.arg(m_envelope.interchangeControlNumber));
        openInterchange(m_segment);
    } else if (tag == segmentTag("GS")) {
        if (m_level == Level::Outside)
            report(Severity::Error, defectcode::SegmentOutsideEnvelope, m_segment,
                   u"A functional group (GS) starts outside any interchange (ISA)."_s);
        if (m_level == Level::Group)
            missing(defectcode::GeMissing, u"Functional group %1"_s.arg(m_envelope.groupControlNumber));
        openGroup(m_segment);
    } else if (tag == segmentTag("ST")) {
        if (m_level != Level::Group)
            report(Severity::Error, defectcode::SegmentOutsideEnvelope, m_segment,
                   u"A transaction (ST) starts outside any functional group (GS)."_s);
        openTransaction(m_segment);
    } else if (tag == segmentTag("GE")) {
        if (m_level == Level::Group)
            closeGroup(&m_segment);
        else
            report(Severity::Error, defectcode::SegmentOutsideEnvelope, m_segment,
                   u"A GE trailer appears without its GS header."_s);
    } else if (tag == segmentTag("IEA")) {
        if (m_level == Level::Group) {
            missing(defectcode::GeMissing, u"Functional group %1"_s.arg(m_envelope.groupControlNumber));
            closeGroup(nullptr);
        }
        if (m_level == Level::Interchange)
            closeInterchange(&m_segment);
        else
            report(Severity::Error, defectcode::SegmentOutsideEnvelope, m_segment,
                   u"An IEA trailer appears without its ISA header."_s);
    } else if (m_level == Level::Interchange && m_handler.addInterchangeSegment(m_segment, m_envelope)) {
        ++m_transactionCount;
        return true;
    } else {
        report(Severity::Error, defectcode::SegmentOutsideEnvelope, m_segment,
               u"This %1 segment is outside any transaction (ST..SE); it is not read."_s.arg(m_segment.idText()));
    }
    return false;
}

bool EnvelopeReader::finishFile()
{
    m_fileDefects.append(m_segments.takeDefects());
    m_done = true;
    const bool stoppedEarly = hasErrors(m_fileDefects);
    if (m_level != Level::Outside && !stoppedEarly) {
        m_fileDefects.append({Severity::Error, defectcode::FileTruncated, m_segments.segmentCount(), QString(),
                              u"The file ends before its interchange is closed (no IEA): it may have been "
                              "cut short."_s});
    }
    const bool open = m_level == Level::Transaction;
    m_level = Level::Outside;
    if (open && m_transaction == Transaction::Handled) {
        m_handler.addDefect({Severity::Error, defectcode::FileTruncated, m_segments.segmentCount(), QString(),
                             u"The file ends inside transaction %1, before its SE trailer."_s.arg(m_controlNumber)});
        m_handler.finish(m_segments.segmentCount());
        ++m_transactionCount;
        return true;
    }
    if (m_transactionCount == 0 && !hasErrors(m_fileDefects)) {
        m_fileDefects.append({Severity::Error, m_handler.kind().noneCode, 0, QString(),
                              u"The file holds no transaction of the kind expected: %1."_s.arg(m_handler.kind().name)});
    }
    return false;
}

bool EnvelopeReader::next()
{
    if (m_done)
        return false;
    while (true) {
        if (m_replay)
            m_replay = false;
        else if (m_segments.next(m_segment) == SegmentReader::Result::End)
            return finishFile();
        const quint32 tag = m_segment.tag();
        if (m_level == Level::Transaction) {
            ++m_transactionSegments;
            if (tag == segmentTag("SE")) {
                const bool handled = m_transaction == Transaction::Handled;
                closeTransaction(&m_segment);
                if (handled)
                    return true;
                continue;
            }
            if (!isEnvelopeSegment(tag)) {
                if (m_transaction == Transaction::Handled)
                    m_handler.add(m_segment);
                continue;
            }
            --m_transactionSegments;
            const Defect missing {
                Severity::Error, defectcode::SeMissing, m_segment.number(), m_segment.idText(),
                u"Transaction %1 has no SE trailer before this %2."_s.arg(m_controlNumber, m_segment.idText())};
            const bool handled = m_transaction == Transaction::Handled;
            if (handled)
                m_handler.addDefect(missing);
            else
                m_fileDefects.append(missing);
            closeTransaction(nullptr);
            if (handled) {
                m_replay = true; // this segment opens what comes next: handled on the next call
                return true;
            }
            if (handleEnvelope())
                return true;
            continue;
        }
        if (handleEnvelope())
            return true;
    }
}

} // namespace rcm::x12
