// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/segmentreader.h"

#include "services/x12/segmenttokenizer.h"
#include "services/x12/x12values.h"

#include <QIODevice>

#include <algorithm>
#include <iterator>
#include <system_error>

namespace rcm::x12 {

SegmentBatch::SegmentBatch(qsizetype capacity)
    : bytes(capacity + padding, '\0') // zeroed: a block indexed near the end reads past the bytes read
    // X12 averages well under one element per two bytes; a batch that fills its records or
    // bounds sooner ends early, and the next starts where it stopped. Neither array is
    // written here, so the pages a file does not need are never touched.
    , bounds(new quint32[std::size_t(capacity / 2 + 2 * (Segment::maxElements + 1))])
    , boundCapacity(capacity / 2 + 2 * (Segment::maxElements + 1))
    , starts(new quint32[std::size_t(capacity / 8 + 2)])
    , recordCapacity(capacity / 8 + 2)
{ }

QString Segment::idText() const
{
    return QString::fromLatin1(clipped(id(), 8));
}

SegmentReader::SegmentReader(QIODevice *device, qsizetype chunkSize)
    : m_device(device)
    , m_capacity(std::clamp<qsizetype>(chunkSize, 4096, qsizetype(1) << 30)) // offsets are 32-bit
    , m_tokenizer(std::make_unique<SegmentTokenizer>(device, m_capacity))
{ }

SegmentReader::~SegmentReader()
{
    if (m_thread.joinable()) {
        {
            const std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }
}

Delimiters SegmentReader::delimiters() const
{
    if (!m_batch)
        return {};
    // The last change at or before the last segment handed out (m_index - 1).
    const auto &changes = m_batch->delimiterChanges;
    const auto after = std::upper_bound(changes.cbegin(), changes.cend(), m_index - 1,
                                        [](qsizetype index, const auto &change) { return index < change.first; });
    return after == changes.cbegin() ? m_batch->delimiters : std::prev(after)->second;
}

qint64 SegmentReader::bytesConsumed() const
{
    if (!m_batch)
        return 0;
    if (m_index < m_recordCount)
        return m_batch->consumedAtStart + m_batch->bounds[m_batch->starts[std::size_t(m_index)]];
    return m_batch->consumedAtFinish;
}

QList<Defect> SegmentReader::takeDefects()
{
    return std::exchange(m_defects, {});
}

void SegmentReader::startReadingAhead()
{
    // Only a random-access device (a file, a buffer) is read from another thread: a
    // sequential one (a socket, a process, a network reply) may live on its thread's
    // events. A file of one chunk gains nothing from a thread.
    if (!m_device || m_device->isSequential() || m_device->size() - m_device->pos() <= m_capacity)
        return;
    for (std::unique_ptr<SegmentBatch> &batch : m_batches) {
        batch = std::make_unique<SegmentBatch>(m_capacity);
        m_free.push_back(batch.get());
    }
    try {
        m_thread = std::thread([this] { readAhead(); });
    } catch (const std::system_error &) { // no thread to be had: read inline
        m_free.clear();
        m_batches[1].reset();
    }
}

void SegmentReader::readAhead()
{
    while (true) {
        SegmentBatch *batch = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || !m_free.empty(); });
            if (m_stopping)
                return;
            batch = m_free.back();
            m_free.pop_back();
        }
        m_tokenizer->fill(*batch);
        const bool last = batch->last; // the reader may take the batch as soon as it is ready
        {
            const std::lock_guard lock(m_mutex);
            m_ready.push_back(batch);
        }
        m_changed.notify_all();
        if (last)
            return;
    }
}

bool SegmentReader::nextBatch()
{
    while (true) {
        if (m_batch && m_batch->last)
            return false;
        if (!m_started) {
            m_started = true;
            startReadingAhead();
        }
        if (m_thread.joinable()) {
            std::unique_lock lock(m_mutex);
            if (m_batch)
                m_free.push_back(m_batch); // its segments were all handed out
            m_changed.notify_all();
            m_changed.wait(lock, [this] { return !m_ready.empty(); });
            m_batch = m_ready.front();
            m_ready.pop_front();
        } else {
            if (!m_batches[0])
                m_batches[0] = std::make_unique<SegmentBatch>(m_capacity);
            m_batch = m_batches[0].get();
            m_tokenizer->fill(*m_batch);
        }
        m_index = 0;
        m_recordCount = m_batch->recordCount;
        m_defects.append(std::move(m_batch->defects));
        if (m_recordCount > 0)
            return true;
    }
}

} // namespace rcm::x12
