// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/defect.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstring>
#include <string_view>

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

/// One segment as read. Its elements are views into the reader's buffer and stay valid
/// only until the reader's next call. At least readableAfter bytes may be read past the
/// end of any element (the buffer is padded), so that a value can be loaded as a word.
class Segment final
{
public:
    static constexpr int maxElements = 64;
    static constexpr qsizetype readableAfter = 16;

    qint64 number() const { return m_number; } ///< ordinal in the file, from 1
    QByteArrayView id() const { return m_elements[0]; }
    /// segmentTag() of the id: compare with segmentTag("CLP").
    quint32 tag() const { return m_tag; }
    /// Element index (1 = the first after the id); empty when absent.
    QByteArrayView element(int index) const
    {
        return index < m_count ? m_elements[std::size_t(index)] : QByteArrayView();
    }
    /// Elements including the id.
    int elementCount() const { return m_count; }
    QString idText() const;

private:
    friend class SegmentReader;
    qint64 m_number = 0;
    int m_count = 0;
    quint32 m_tag = 0;
    std::array<QByteArrayView, maxElements> m_elements {};
};

/// The X12 tokenizer: reads a device in chunks (memory stays flat however large the
/// file), takes the delimiters from each ISA header, and finds segment terminators and
/// element separators together in one pass over the bytes.
/// Any segment terminator works, with or without line breaks after it. Defects (a
/// missing or malformed ISA, a truncated file, an absurdly long segment) are reported,
/// never guessed around: reading stops where the delimiters can no longer be trusted.
class SegmentReader final
{
public:
    enum class Result { Segment, End };

    explicit SegmentReader(QIODevice *device, qsizetype chunkSize = 1 << 20);
    Q_DISABLE_COPY_MOVE(SegmentReader)

    /// Reads the next segment; End at the end of the file or where reading had to stop.
    Result next(Segment &segment);

    const Delimiters &delimiters() const { return m_delimiters; }
    qint64 segmentCount() const { return m_segmentCount; }
    qint64 bytesConsumed() const { return m_consumed; }
    /// Defects found so far, removed from the reader.
    QList<Defect> takeDefects();

private:
    /// 64 bytes are indexed at a time: bit i of a mask stands for byte m_blockStart + i.
    static constexpr qsizetype blockSize = 64;

    /// next() from any state: line breaks, a byte-order mark, an ISA, the end of the bytes read.
    Result nextSlowPath(Segment &segment);
    bool fill();
    bool startInterchange(Segment &segment);
    qsizetype countedIsaLength(char element);
    /// Indexes the block of bytes from start: which are element separators, which segment
    /// terminators (none past m_end).
    void indexBlock(qsizetype start);
    /// Splits the segment at m_begin into segment's elements; the offset of its terminator,
    /// or -1 when there is none before m_end.
    qsizetype split(Segment &segment);
    /// Splits the ISA header, which ends at end, into segment's elements.
    void splitHeader(Segment &segment, const char *begin, const char *end);
    Q_DECL_COLD_FUNCTION Q_NEVER_INLINE void reportTooManyElements(const Segment &segment, int count);
    void fail(QLatin1StringView code, const QString &segmentId, const QString &message);

    QIODevice *m_device;
    QByteArray m_buffer; ///< m_capacity bytes to read into, and a block's worth of zeros after them
    qsizetype m_capacity = 0;
    qsizetype m_blockStart = -1; ///< where the indexed block starts; -1 when there is none
    quint64 m_blockElements = 0; ///< its element separators not yet handed out
    quint64 m_blockTerminators = 0; ///< its segment terminators not yet handed out
    qsizetype m_begin = 0; ///< first unread byte
    qsizetype m_end = 0; ///< end of the bytes read
    bool m_atEnd = false;
    bool m_failed = false;
    bool m_started = false;
    Delimiters m_delimiters;
    qint64 m_segmentCount = 0;
    qint64 m_consumed = 0;
    QList<Defect> m_defects;
};

} // namespace rcm::x12
