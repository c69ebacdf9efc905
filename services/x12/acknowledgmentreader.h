// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/acknowledgment.h"
#include "services/x12/envelopereader.h"
#include "services/x12/segmentreader.h"

#include <memory>

class QIODevice;

namespace rcm::x12 {

/// Reads the acknowledgments of an X12 file one at a time: each TA1 (an interchange's
/// answer, outside any group), each 999 (or 997) and each 277CA claim acknowledgment
/// (005010X214), with the defects found in it. Other transaction sets (835, 837) are
/// skipped with a warning. A 277 written to another guide (a 005010X212 claim status
/// response) comes back with a transaction.wrong-guide error and nothing read from it:
/// a caller uses no acknowledgment whose defects hold an error.
///
///     AcknowledgmentReader reader(&file);
///     Acknowledgment acknowledgment;
///     while (reader.readNext(acknowledgment)) { ... }
///     reader.fileDefects(); // envelopes, skipped transactions, a truncated file
class AcknowledgmentReader final
{
public:
    explicit AcknowledgmentReader(QIODevice *device, qsizetype chunkSize = 1 << 20);
    Q_DISABLE_COPY_MOVE(AcknowledgmentReader)
    ~AcknowledgmentReader();

    /// Reads the next acknowledgment into acknowledgment (reset first); false once the
    /// file is done.
    bool readNext(Acknowledgment &acknowledgment);

    /// Defects outside any acknowledgment read (envelopes, skipped or truncated
    /// transactions, an unreadable file); complete once readNext() has returned false.
    const QList<Defect> &fileDefects() const { return m_reader.fileDefects(); }
    qint64 segmentCount() const { return m_reader.segmentCount(); }
    qint64 acknowledgmentCount() const { return m_reader.transactionCount(); }

private:
    class Handler;
    std::unique_ptr<Handler> m_handler;
    EnvelopeReader m_reader;
};

/// Everything read from one file, for callers that keep it all.
struct AcknowledgmentFile
{
    QList<Acknowledgment> acknowledgments;
    QList<Defect> defects; ///< the file's own, outside any acknowledgment
};

AcknowledgmentFile readAcknowledgmentFile(QIODevice *device);

} // namespace rcm::x12
