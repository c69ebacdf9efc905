// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/claimbuilder.h"
#include "services/x12/claimsubmission.h"
#include "services/x12/envelopereader.h"

class QIODevice;

namespace rcm::x12 {

/// Reads the 837 claim transactions (professional 005010X222A1/A2, institutional
/// 005010X223A2/A3) of an X12 file one at a time, in flat memory: each envelope is
/// checked (EnvelopeReader), transactions other than 837 are skipped with a warning, and
/// each 837 is built into a ClaimTransaction with the defects found in it.
///
///     ClaimReader reader(&file);
///     ClaimTransaction transaction;
///     while (reader.readNext(transaction)) { ... }
///     reader.fileDefects(); // envelopes, skipped transactions, a truncated file
class ClaimReader final
{
public:
    explicit ClaimReader(QIODevice *device, qsizetype chunkSize = 1 << 20);
    Q_DISABLE_COPY_MOVE(ClaimReader)

    /// Reads the next 837 transaction into transaction; false once the file is done.
    bool readNext(ClaimTransaction &transaction);

    /// Defects outside any 837 transaction; complete once readNext() has returned false.
    const QList<Defect> &fileDefects() const { return m_reader.fileDefects(); }
    qint64 segmentCount() const { return m_reader.segmentCount(); }
    qint64 bytesRead() const { return m_reader.bytesRead(); }
    qint64 transactionCount() const { return m_reader.transactionCount(); }

private:
    /// Builds each 837 the envelope walker hands over into the caller's ClaimTransaction.
    class Handler final : public TransactionHandler
    {
    public:
        const Kind &kind() const override;
        bool accepts(QByteArrayView transactionSetId) const override;
        void begin(const Segment &st, const Envelope &envelope, const Delimiters &delimiters) override
        {
            m_builder.begin(m_target, st, envelope, delimiters);
        }
        void add(const Segment &segment) override { m_builder.add(segment); }
        void addDefect(const Defect &defect) override { m_target->defects.append(defect); }
        void finish(qint64 lastSegment) override { m_builder.finish(lastSegment); }

        ClaimTransaction *m_target = nullptr;

    private:
        ClaimBuilder m_builder;
    };

    Handler m_handler;
    EnvelopeReader m_reader;
};

/// Everything read from one file, for callers that keep it all (tests, an import
/// preview). Large files should use ClaimReader directly.
struct ClaimFile
{
    QList<ClaimTransaction> transactions;
    QList<Defect> defects; ///< the file's own, outside any transaction
};

ClaimFile readClaimFile(QIODevice *device);

} // namespace rcm::x12
