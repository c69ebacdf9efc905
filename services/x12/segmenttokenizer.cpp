// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/segmenttokenizer.h"

#include "services/x12/x12logging.h"
#include "services/x12/x12values.h"

#include <QIODevice>

#include <algorithm>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

namespace {

constexpr qsizetype isaLength = 106; // 105 bytes of fixed-width fields and the terminator

struct IsaField
{
    int separatorAt; ///< where the separator before the next field must be
    const char16_t *name;
};

// The separator after each fixed-width field ISA01..ISA15 (ISA16 is one byte, then the terminator).
constexpr std::array<IsaField, 15> isaFields = {{
    {6, u"ISA01 (authorization qualifier, 2 characters)"},
    {17, u"ISA02 (authorization information, 10 characters)"},
    {20, u"ISA03 (security qualifier, 2 characters)"},
    {31, u"ISA04 (security information, 10 characters)"},
    {34, u"ISA05 (sender qualifier, 2 characters)"},
    {50, u"ISA06 (sender id, 15 characters)"},
    {53, u"ISA07 (receiver qualifier, 2 characters)"},
    {69, u"ISA08 (receiver id, 15 characters)"},
    {76, u"ISA09 (date, 6 characters)"},
    {81, u"ISA10 (time, 4 characters)"},
    {83, u"ISA11 (repetition separator or standards id, 1 character)"},
    {89, u"ISA12 (version, 5 characters)"},
    {99, u"ISA13 (control number, 9 characters)"},
    {101, u"ISA14 (acknowledgment requested, 1 character)"},
    {103, u"ISA15 (usage indicator, 1 character)"},
}};

bool isLineBreak(char c)
{
    return c == '\r' || c == '\n';
}

bool isAlphanumeric(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

} // namespace

SegmentTokenizer::SegmentTokenizer(QIODevice *device, qsizetype capacity)
    : m_device(device)
    , m_capacity(capacity)
{
    static_assert(blockSize <= SegmentBatch::padding, "a block is indexed from any byte read");
    static_assert(blockSize >= Segment::readableAfter, "the padding is what an element may be read past");
}

void SegmentTokenizer::fill(SegmentBatch &batch)
{
    // What the last batch left unread (the start of a segment) moves to the front.
    const qsizetype remaining = m_end - m_begin;
    if (m_batch && remaining > 0)
        std::memmove(batch.bytes.data(), m_batch->bytes.constData() + m_begin, std::size_t(remaining));
    m_batch = &batch;
    m_bytes = batch.bytes.constData();
    m_begin = 0;
    m_end = remaining;
    m_blockStart = -1;
    batch.recordCount = 0;
    batch.boundCount = 0;
    batch.defects.clear();
    batch.last = false;
    batch.firstNumber = m_segmentCount + 1;
    batch.consumedAtStart = m_consumed;
    batch.delimiters = m_delimiters;
    batch.delimiterChanges.clear();
    Step last = Step::Segment;
    while (last == Step::Segment)
        last = step();
    batch.starts[std::size_t(batch.recordCount)] = quint32(batch.boundCount);
    batch.last = last == Step::End;
    batch.consumedAtFinish = m_consumed;
}

void SegmentTokenizer::fail(QLatin1StringView code, const QString &segmentId, const QString &message)
{
    m_failed = true;
    m_batch->defects.append({Severity::Error, code, m_segmentCount + 1, segmentId, message});
    qCDebug(lcX12) << "stopped reading at segment" << m_segmentCount + 1 << code;
}

SegmentTokenizer::Read SegmentTokenizer::read()
{
    if (m_atEnd)
        return Read::End;
    if (m_end == m_capacity)
        return Read::Full;
    m_blockStart = -1; // the block at the old end gains bytes
    const qint64 count = m_device ? m_device->read(m_batch->bytes.data() + m_end, m_capacity - m_end) : -1;
    if (count <= 0) {
        m_atEnd = true;
        return Read::End;
    }
    m_end += count;
    return Read::More;
}

Q_ALWAYS_INLINE void SegmentTokenizer::indexBlock(qsizetype start)
{
    // The buffer has a block's worth of bytes after its capacity, so a whole block can be
    // read from any start before m_end; bits for bytes at or past m_end are cleared.
    const char *const bytes = m_bytes + start;
    quint64 elements = 0;
    quint64 terminators = 0;
#if defined(__SSE2__)
    const __m128i element = _mm_set1_epi8(m_delimiters.element);
    const __m128i terminator = _mm_set1_epi8(m_delimiters.segment);
    for (int offset = 0; offset < blockSize; offset += 16) {
        const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i *>(bytes + offset));
        elements |= quint64(quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(block, element)))) << offset;
        terminators |= quint64(quint32(_mm_movemask_epi8(_mm_cmpeq_epi8(block, terminator)))) << offset;
    }
#else
    for (int offset = 0; offset < blockSize; ++offset) {
        elements |= quint64(bytes[offset] == m_delimiters.element) << offset;
        terminators |= quint64(bytes[offset] == m_delimiters.segment) << offset;
    }
#endif
    const qsizetype available = m_end - start;
    if (available < blockSize) {
        const quint64 valid = (quint64(1) << available) - 1;
        elements &= valid;
        terminators &= valid;
    }
    m_blockStart = start;
    m_blockElements = elements;
    m_blockTerminators = terminators;
}

QByteArrayView SegmentTokenizer::pendingId() const
{
    const quint32 *bounds = m_batch->bounds.get() + m_batch->boundCount;
    return QByteArrayView(m_bytes + bounds[0], qsizetype(bounds[1] - bounds[0] - 1));
}

Q_ALWAYS_INLINE qsizetype SegmentTokenizer::split(int &elementCount)
{
    // Segments and elements are a few bytes long, so instead of a memchr call for each
    // terminator and another pass for the separators, the bytes are indexed 64 at a time
    // (indexBlock) and the segment's separators are read off the masks, bit by bit. What
    // is left of a block after the terminator serves the next segment. Each element's
    // end is written as where the next would start: element i is [b[i], b[i + 1] - 1).
    if (m_blockStart < 0 || m_begin < m_blockStart || m_begin >= m_blockStart + blockSize)
        indexBlock(m_begin);
    const quint64 from = ~quint64(0) << (m_begin - m_blockStart);
    quint64 elements = m_blockElements & from;
    quint64 terminators = m_blockTerminators & from;
    quint32 *const bounds = m_batch->bounds.get() + m_batch->boundCount;
    bounds[0] = quint32(m_begin);
    qsizetype blockStart = m_blockStart;
    qsizetype elementStart = m_begin;
    int count = 0; // a local: the stores to bounds may alias what a reference points at
    const auto element = [&](qsizetype stop) {
        if (count < Segment::maxElements) [[likely]]
            bounds[count + 1] = quint32(stop + 1);
        ++count;
        elementStart = stop + 1;
    };
    while (terminators == 0) {
        for (; elements != 0; elements &= elements - 1)
            element(blockStart + std::countr_zero(elements));
        blockStart += blockSize;
        if (blockStart >= m_end) {
            m_blockStart = -1;
            return -1;
        }
        indexBlock(blockStart);
        elements = m_blockElements;
        terminators = m_blockTerminators;
    }
    const int terminatorBit = std::countr_zero(terminators);
    const quint64 before = (terminators & (~terminators + 1)) - 1;
    for (quint64 found = elements & before; found != 0; found &= found - 1)
        element(blockStart + std::countr_zero(found));
    const qsizetype terminator = blockStart + terminatorBit;
    qsizetype end = terminator;
    if (end > elementStart && m_bytes[end - 1] == '\r' && m_delimiters.segment == '\n')
        --end;
    element(end);
    // The rest of the block, past this terminator, for the next segment.
    const quint64 after = ~before << 1;
    m_blockElements = elements & after;
    m_blockTerminators = terminators & after;
    if (count > Segment::maxElements) [[unlikely]] {
        reportTooManyElements(count);
        count = Segment::maxElements;
    }
    elementCount = count;
    return terminator;
}

int SegmentTokenizer::splitHeader(qsizetype begin, qsizetype end)
{
    // The ISA header is fixed width, and its data may hold the terminator: split up to
    // where the header ends, once per interchange.
    quint32 *const bounds = m_batch->bounds.get() + m_batch->boundCount;
    bounds[0] = quint32(begin);
    int count = 0;
    for (qsizetype position = begin;; ++position) {
        if (position != end && m_bytes[position] != m_delimiters.element)
            continue;
        if (count < Segment::maxElements)
            bounds[count + 1] = quint32(position + 1);
        ++count;
        if (position == end)
            break;
    }
    if (count > Segment::maxElements) {
        reportTooManyElements(count);
        count = Segment::maxElements;
    }
    return count;
}

void SegmentTokenizer::add(int count, qsizetype end)
{
    m_batch->starts[std::size_t(m_batch->recordCount)] = quint32(m_batch->boundCount);
    m_batch->boundCount += count + 1;
    ++m_batch->recordCount;
    ++m_segmentCount;
    m_consumed += end - m_begin;
    m_begin = end;
}

void SegmentTokenizer::reportTooManyElements(int count)
{
    m_batch->defects.append(
        {Severity::Warning, defectcode::SegmentTooManyElements, m_segmentCount + 1,
         QString::fromLatin1(clipped(pendingId(), 8)),
         u"The segment has %1 elements; only the first %2 were read."_s.arg(count).arg(Segment::maxElements - 1)});
}

SegmentTokenizer::Step SegmentTokenizer::startInterchange()
{
    while (m_end - m_begin < isaLength) {
        const Read more = read();
        if (more == Read::Full)
            return Step::Full; // the header moves to a batch of its own
        if (more == Read::End)
            break;
    }
    if (m_end - m_begin < isaLength) {
        fail(defectcode::IsaMalformed, u"ISA"_s,
             u"The ISA header is cut short: it must be 106 characters, the file has %1 left."_s.arg(m_end - m_begin));
        return Step::End;
    }
    const char *isa = m_bytes + m_begin;
    const char element = isa[3];
    if (isAlphanumeric(element) || isLineBreak(element)) {
        fail(defectcode::IsaMalformed, u"ISA"_s,
             u"The ISA header's element separator (its 4th character) is a letter, digit or line break."_s);
        return Step::End;
    }
    qsizetype headerLength = isaLength;
    for (const IsaField &field : isaFields) {
        if (isa[field.separatorAt] != element) {
            headerLength = countedIsaLength(element);
            if (headerLength == 0) {
                fail(defectcode::IsaMalformed, u"ISA"_s,
                     u"The ISA header is not fixed width: %1 is the wrong length, and its 16 elements cannot be "
                     "told apart, so its delimiters are unknown and the file is not read."_s.arg(
                         QString::fromUtf16(field.name)));
                return Step::End;
            }
            // Not fixed width, yet its 16 elements and the two delimiters after them are plain:
            // read on so that every other defect is reported too, but the file stays in error.
            m_batch->defects.append({Severity::Error, defectcode::IsaMalformed, m_segmentCount + 1, u"ISA"_s,
                                     u"The ISA header is not fixed width: %1 is the wrong length (the header is %2 "
                                     "characters, not 106). Its delimiters were read by counting its elements."_s
                                         .arg(QString::fromUtf16(field.name))
                                         .arg(headerLength)});
            break;
        }
    }
    Delimiters delimiters;
    delimiters.element = element;
    delimiters.component = isa[headerLength - 2];
    delimiters.segment = isa[headerLength - 1];
    // ISA11 became the repetition separator in 00402; before, it is the standards id "U".
    const QByteArrayView version(isa + 84, 5);
    delimiters.repetition = version >= QByteArrayView("00402") && !isAlphanumeric(isa[82]) ? isa[82] : 0;
    if (delimiters.segment == element || delimiters.component == element || isAlphanumeric(delimiters.segment)
        || isAlphanumeric(delimiters.component) || delimiters.segment == delimiters.component) {
        fail(defectcode::IsaMalformed, u"ISA"_s,
             u"The ISA header's delimiters are not usable: element '%1', component '%2', segment terminator "
             "'%3' must be distinct and not letters or digits."_s.arg(QChar::fromLatin1(element),
                                                                      QChar::fromLatin1(delimiters.component),
                                                                      QChar::fromLatin1(delimiters.segment)));
        return Step::End;
    }
    m_delimiters = delimiters;
    m_batch->delimiterChanges.append({m_batch->recordCount, delimiters});
    m_blockStart = -1; // indexed with the delimiters before
    const int count = splitHeader(m_begin, m_begin + headerLength - 1);
    add(count, m_begin + headerLength);
    return Step::Segment;
}

qsizetype SegmentTokenizer::countedIsaLength(char element)
{
    // ISA + 16 elements: the component separator is the one byte after the 16th element
    // separator and the segment terminator the byte after that.
    const char *isa = m_bytes + m_begin;
    const qsizetype available = std::min<qsizetype>(m_end - m_begin, 256);
    int separators = 0;
    for (qsizetype position = 3; position < available; ++position) {
        if (isa[position] != element)
            continue;
        if (++separators < 16)
            continue;
        if (position + 2 >= available)
            return 0;
        const char component = isa[position + 1];
        const char terminator = isa[position + 2];
        if (isAlphanumeric(component) || isAlphanumeric(terminator) || terminator == element || component == element)
            return 0;
        return position + 3;
    }
    return 0;
}

SegmentTokenizer::Step SegmentTokenizer::step()
{
    SegmentBatch &batch = *m_batch;
    if (batch.recordCount + 1 >= batch.recordCapacity // one start is kept to end the last
        || batch.boundCount + Segment::maxElements + 1 > batch.boundCapacity) [[unlikely]]
        return Step::Full;
    // The usual segment first: inside an interchange, not at a line break or an ISA, and
    // complete in the bytes read. Anything else takes the careful way.
    const char *const bytes = m_bytes + m_begin;
    if (m_started && !m_failed && m_end - m_begin >= 3 && !isLineBreak(bytes[0])
        && !equals(QByteArrayView(bytes, 3), "ISA")) {
        int count;
        const qsizetype terminator = split(count);
        if (terminator >= 0) [[likely]] {
            add(count, terminator + 1);
            return Step::Segment;
        }
    }
    return stepSlowPath();
}

SegmentTokenizer::Step SegmentTokenizer::stepSlowPath()
{
    if (m_failed)
        return Step::End;
    while (true) {
        // Line breaks (and, at the start, a byte-order mark or blanks) between segments.
        while (true) {
            while (m_begin < m_end
                   && (isLineBreak(m_bytes[m_begin])
                       || (!m_started && (m_bytes[m_begin] == ' ' || m_bytes[m_begin] == '\t'))))
                ++m_begin, ++m_consumed;
            if (!m_started && m_end - m_begin >= 3 && equals(QByteArrayView(m_bytes + m_begin, 3), "\xEF\xBB\xBF")) {
                m_begin += 3;
                m_consumed += 3;
                continue;
            }
            if (m_end - m_begin >= 3)
                break;
            const Read more = read();
            if (more == Read::Full)
                return Step::Full; // what is left moves to the next batch
            if (more == Read::End)
                break;
        }
        if (m_begin >= m_end && m_atEnd)
            return Step::End;
        const QByteArrayView head(m_bytes + m_begin, std::min<qsizetype>(3, m_end - m_begin));
        if (equals(head, "ISA")) {
            m_started = true;
            return startInterchange();
        }
        if (!m_started) {
            m_started = true;
            fail(defectcode::IsaMissing, QString::fromLatin1(head),
                 u"The file does not start with an ISA interchange header, so its delimiters are unknown and it "
                 "cannot be read as X12."_s);
            return Step::End;
        }
        int count = 0;
        const qsizetype terminator = split(count);
        if (terminator < 0) {
            const Read more = read();
            if (more == Read::More)
                continue;
            if (more == Read::Full && m_begin > 0)
                return Step::Full; // the segment moves to the front of the next batch
            const QByteArrayView rest(m_bytes + m_begin, m_end - m_begin);
            if (m_atEnd && rest.trimmed().isEmpty())
                return Step::End;
            if (m_atEnd) {
                fail(defectcode::FileTruncated, QString::fromLatin1(head),
                     u"The file ends in the middle of a segment (no segment terminator '%1' after the last one)."_s.arg(
                         QChar::fromLatin1(m_delimiters.segment)));
            } else {
                fail(defectcode::SegmentTooLong, QString::fromLatin1(head),
                     u"A segment is longer than %1 bytes without a terminator '%2'; the file is not X12 as declared."_s
                         .arg(m_capacity)
                         .arg(QChar::fromLatin1(m_delimiters.segment)));
            }
            return Step::End;
        }
        add(count, terminator + 1);
        return Step::Segment;
    }
}

} // namespace rcm::x12
