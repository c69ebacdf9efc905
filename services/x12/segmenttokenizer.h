// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/segmentreader.h"

class QIODevice;

namespace rcm::x12 {

/// SegmentReader's tokenizer: fills SegmentBatches with a device's bytes and the segments
/// in them, one batch after another. Called from one thread at a time.
class SegmentTokenizer final
{
public:
    SegmentTokenizer(QIODevice *device, qsizetype capacity);
    Q_DISABLE_COPY_MOVE(SegmentTokenizer)

    /// Fills batch: the bytes the last batch left unread first (batch may be that batch,
    /// once the reader is done with it), then the device's, and as many segments as they
    /// hold; batch.last when no batch can follow.
    void fill(SegmentBatch &batch);

private:
    /// 64 bytes are indexed at a time: bit i of a mask stands for byte m_blockStart + i.
    static constexpr qsizetype blockSize = 64;

    enum class Step { Segment, End, Full }; ///< Full: this batch can take no more segments
    enum class Read { More, End, Full }; ///< Full: the buffer has no room left

    /// Adds the next segment to the batch.
    Step step();
    /// step() from any state: line breaks, a byte-order mark, an ISA, the end of the bytes read.
    Step stepSlowPath();
    Read read();
    Step startInterchange();
    qsizetype countedIsaLength(char element);
    /// Indexes the block of bytes from start: which are element separators, which segment
    /// terminators (none past m_end).
    void indexBlock(qsizetype start);
    /// Splits the segment at m_begin into the batch's next bounds (count of them, less
    /// one); the offset of its terminator, or -1 when there is none before m_end.
    qsizetype split(int &elementCount);
    /// Splits the ISA header, which ends at end, into the batch's next bounds; their count, less one.
    int splitHeader(qsizetype begin, qsizetype end);
    /// Counts the segment just split in: count elements, ending at end (past its terminator).
    void add(int count, qsizetype end);
    /// The id of the segment just split.
    QByteArrayView pendingId() const;
    Q_DECL_COLD_FUNCTION Q_NEVER_INLINE void reportTooManyElements(int count);
    void fail(QLatin1StringView code, const QString &segmentId, const QString &message);

    QIODevice *m_device;
    qsizetype m_capacity;
    SegmentBatch *m_batch = nullptr; ///< being filled (or, between fills, the last one filled)
    const char *m_bytes = nullptr; ///< m_batch's
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
};

} // namespace rcm::x12
