// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/envelopereader.h"
#include "services/x12/remittance.h"
#include "services/x12/remittancebuilder.h"
#include "services/x12/segmentreader.h"

class QIODevice;

namespace rcm::x12 {

/// Reads the 835 transactions of an X12 file one at a time, so that a file of any size
/// is read in flat memory: each ISA/GS/ST envelope is checked (counts and control
/// numbers, EnvelopeReader), transactions other than 835 are skipped with a warning, and each 835 is
/// built into a Remittance with the defects found in it. Balancing is separate
/// (checkBalance), so a caller can read without judging.
///
///     RemittanceReader reader(&file);
///     Remittance remittance;
///     while (reader.readNext(remittance)) { ... }
///     reader.fileDefects(); // envelopes, skipped transactions, a truncated file
class RemittanceReader final
{
public:
    explicit RemittanceReader(QIODevice *device, qsizetype chunkSize = 1 << 20);
    Q_DISABLE_COPY_MOVE(RemittanceReader)

    /// Reads the next 835 transaction into remittance; false once the file is done.
    bool readNext(Remittance &remittance);

    /// Defects outside any 835 transaction (envelopes, skipped or truncated transactions,
    /// an unreadable file); complete once readNext() has returned false.
    const QList<Defect> &fileDefects() const { return m_reader.fileDefects(); }
    qint64 segmentCount() const { return m_reader.segmentCount(); }
    qint64 bytesRead() const { return m_reader.bytesRead(); }
    qint64 remittanceCount() const { return m_reader.transactionCount(); }

private:
    /// Builds each 835 the envelope walker hands over into the caller's Remittance.
    class Handler final : public TransactionHandler
    {
    public:
        const Kind &kind() const override;
        bool accepts(QByteArrayView transactionSetId) const override;
        void begin(const Segment &st, const Envelope &envelope, const Delimiters &delimiters) override;
        void add(const Segment &segment) override { m_builder.add(segment); }
        void addDefect(const Defect &defect) override { m_target->defects.append(defect); }
        void finish(qint64 lastSegment) override { m_builder.finish(lastSegment); }

        Remittance *m_target = nullptr;

    private:
        RemittanceBuilder m_builder;
    };

    Handler m_handler;
    EnvelopeReader m_reader;
};

/// Everything read from one file, for callers that keep it all (rcmctl era check,
/// tests, an import preview). Large files should use RemittanceReader directly.
struct RemittanceFile
{
    QList<Remittance> transactions;
    QList<Defect> defects; ///< the file's own, outside any transaction
};

RemittanceFile readRemittanceFile(QIODevice *device);

} // namespace rcm::x12
