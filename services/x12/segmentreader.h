// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/defect.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

class QIODevice;

namespace rcm::x12 {

/// The delimiters an interchange declares in its fixed-width ISA header.
struct Delimiters
{
    char element = '*'; ///< ISA byte 3
    char component = ':'; ///< ISA16
    char repetition = 0; ///< ISA11 from version 00402 on; 0 when none
    char segment = '~'; ///< the byte after ISA16
};

/// True when value is exactly the literal; cheaper than QByteArrayView's operator== with a
/// C string, which measures the literal on every call.
template<std::size_t N>
inline bool equals(QByteArrayView value, const char (&literal)[N])
{
    return value.size() == qsizetype(N - 1) && std::memcmp(value.data(), literal, N - 1) == 0;
}

/// A segment id of up to three characters as one integer, to dispatch on with a switch.
constexpr quint32 segmentTag(std::string_view id)
{
    quint32 value = 0;
    for (char c : id)
        value = (value << 8) | quint32(static_cast<unsigned char>(c));
    return id.size() <= 3 ? value : 0;
}

/// A segment id's bytes as segmentTag() gives it; 0 for an id longer than three.
inline quint32 tagOf(const char *id, qsizetype size)
{
    const auto *bytes = reinterpret_cast<const uchar *>(id);
    switch (size) {
    case 3:
        return quint32(bytes[0]) << 16 | quint32(bytes[1]) << 8 | bytes[2];
    case 2:
        return quint32(bytes[0]) << 8 | bytes[1];
    case 1:
        return bytes[0];
    default:
        return 0;
    }
}

/// A chunk of the file and the segments found in it, as the tokenizer hands them to the
/// reader: one is read while the next is filled (see SegmentReader). Kept small, as it
/// passes from one core to the other: per segment, where its bounds start; per element,
/// where it starts.
struct SegmentBatch
{
    static constexpr qsizetype padding = 64; ///< zeros after the bytes, for a block read past them

    explicit SegmentBatch(qsizetype capacity);
    Q_DISABLE_COPY_MOVE(SegmentBatch)

    QByteArray bytes; ///< the chunk, then a block's worth of zeros
    /// Element i of a segment whose bounds start at b is bytes [b[i], b[i + 1] - 1).
    std::unique_ptr<quint32[]> bounds;
    qsizetype boundCapacity = 0;
    qsizetype boundCount = 0;
    /// Segment i's bounds are bounds[starts[i]] up to bounds[starts[i + 1]] (its elements
    /// and one more); starts[recordCount] ends the last.
    std::unique_ptr<quint32[]> starts;
    qsizetype recordCapacity = 0;
    qsizetype recordCount = 0;
    qint64 firstNumber = 1; ///< the file ordinal of the first segment
    qint64 consumedAtStart = 0; ///< bytes of the file before bytes[0]
    qint64 consumedAtFinish = 0; ///< bytes of the file taken when the batch was filled
    bool last = false; ///< nothing follows: the end of the file, or reading had to stop
    Delimiters delimiters; ///< in effect at the first segment
    QList<std::pair<qsizetype, Delimiters>> delimiterChanges; ///< from segment i on (an ISA)
    QList<Defect> defects; ///< found while filling this batch, in file order
};

/// One segment as read. Its elements are views into the reader's buffer and stay valid
/// only until the reader's next call. At least readableAfter bytes may be read past the
/// end of any element (the buffer is padded), so that a value can be loaded as a word.
class Segment final
{
public:
    static constexpr int maxElements = 64;
    static constexpr qsizetype readableAfter = 16;

    qint64 number() const { return m_number; } ///< ordinal in the file, from 1
    QByteArrayView id() const { return element(0); }
    /// segmentTag() of the id: compare with segmentTag("CLP").
    quint32 tag() const { return m_tag; }
    /// Element index (1 = the first after the id); empty when absent.
    Q_ALWAYS_INLINE QByteArrayView element(int index) const
    {
        if (index >= m_count)
            return {};
        const quint32 begin = m_bounds[index];
        return QByteArrayView(m_bytes + begin, qsizetype(m_bounds[index + 1] - begin - 1));
    }
    /// Elements including the id.
    int elementCount() const { return m_count; }
    QString idText() const;

private:
    friend class SegmentReader;
    friend class SegmentTokenizer;
    qint64 m_number = 0;
    int m_count = 0;
    quint32 m_tag = 0;
    const char *m_bytes = nullptr;
    const quint32 *m_bounds = nullptr;
};

class SegmentTokenizer;

/// The X12 tokenizer's front: reads a device in chunks (memory stays flat however large
/// the file), takes the delimiters from each ISA header, and finds segment terminators and
/// element separators together in one pass over the bytes (SegmentTokenizer).
/// Any segment terminator works, with or without line breaks after it. Defects (a
/// missing or malformed ISA, a truncated file, an absurdly long segment) are reported,
/// never guessed around: reading stops where the delimiters can no longer be trusted.
///
/// A random-access device (a file, a buffer) larger than one chunk is read and split on a
/// thread of the reader's own, one chunk ahead of the segments handed out, so that the
/// caller's work on one chunk overlaps the reading of the next. Such a device must not be
/// used by anyone else while the reader lives; it is read past what was handed out.
class SegmentReader final
{
public:
    enum class Result { Segment, End };

    explicit SegmentReader(QIODevice *device, qsizetype chunkSize = 1 << 20);
    ~SegmentReader();
    Q_DISABLE_COPY_MOVE(SegmentReader)

    /// Reads the next segment; End at the end of the file or where reading had to stop.
    Result next(Segment &segment)
    {
        if (m_index == m_recordCount && !nextBatch()) [[unlikely]]
            return Result::End;
        const quint32 first = m_batch->starts[std::size_t(m_index)];
        const quint32 *bounds = m_batch->bounds.get() + first;
        const char *bytes = m_batch->bytes.constData();
        segment.m_number = m_batch->firstNumber + m_index;
        segment.m_count = int(m_batch->starts[std::size_t(m_index + 1)] - first - 1);
        segment.m_tag = tagOf(bytes + bounds[0], qsizetype(bounds[1] - bounds[0] - 1));
        segment.m_bytes = bytes;
        segment.m_bounds = bounds;
        ++m_index;
        return Result::Segment;
    }

    /// The delimiters of the interchange of the last segment read.
    Delimiters delimiters() const;
    qint64 segmentCount() const { return m_batch ? m_batch->firstNumber + m_index - 1 : 0; }
    /// Bytes of the file taken so far, for progress: up to about the start of the next
    /// segment (line breaks after the last one may or may not count); exact at the end.
    qint64 bytesConsumed() const;
    /// Defects found so far (those of a chunk read ahead included), removed from the reader.
    QList<Defect> takeDefects();

private:
    /// Moves on to the next batch with segments in it; false at the end.
    bool nextBatch();
    void startReadingAhead();
    void readAhead();

    QIODevice *m_device;
    qsizetype m_capacity;
    std::unique_ptr<SegmentTokenizer> m_tokenizer;
    std::array<std::unique_ptr<SegmentBatch>, 2> m_batches;
    SegmentBatch *m_batch = nullptr; ///< the one segments are handed out from
    qsizetype m_index = 0; ///< the next record of m_batch to hand out
    qsizetype m_recordCount = 0; ///< m_batch's
    bool m_started = false;
    QList<Defect> m_defects;

    // Reading ahead: batches move between the reader and its thread under m_mutex.
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<SegmentBatch *> m_ready; ///< filled, in file order
    std::vector<SegmentBatch *> m_free; ///< to fill
    bool m_stopping = false;
};

} // namespace rcm::x12
