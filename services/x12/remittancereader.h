// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/remittance.h"
#include "services/x12/remittancebuilder.h"
#include "services/x12/segmentreader.h"

class QIODevice;

namespace rcm::x12 {

/// Reads the 835 transactions of an X12 file one at a time, so that a file of any size
/// is read in flat memory: each ISA/GS/ST envelope is checked (counts and control
/// numbers), transactions other than 835 are skipped with a warning, and each 835 is
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
    const QList<Defect> &fileDefects() const { return m_fileDefects; }
    qint64 segmentCount() const { return m_segments.segmentCount(); }
    qint64 bytesRead() const { return m_segments.bytesConsumed(); }
    qint64 remittanceCount() const { return m_remittanceCount; }

private:
    enum class Level { Outside, Interchange, Group, Transaction };
    enum class Transaction { Remittance, Skipped };

    void openInterchange(const Segment &segment);
    void openGroup(const Segment &segment);
    void openTransaction(const Segment &segment, Remittance &remittance);
    void closeTransaction(const Segment *se, Remittance &remittance);
    void closeGroup(const Segment *ge);
    void closeInterchange(const Segment *iea);
    void handleEnvelope(Remittance &remittance);
    void report(Severity severity, QLatin1StringView code, const Segment &segment, const QString &message);
    void collectReaderDefects();

    SegmentReader m_segments;
    RemittanceBuilder m_builder;
    Segment m_segment;
    Level m_level = Level::Outside;
    Transaction m_transaction = Transaction::Skipped;
    Envelope m_envelope;
    QString m_transactionSetId;
    qint64 m_transactionSegments = 0;
    qint64 m_groupTransactions = 0;
    qint64 m_interchangeGroups = 0;
    qint64 m_remittanceCount = 0;
    static constexpr qsizetype maxDefects = 1000;

    bool m_done = false;
    bool m_replay = false; ///< m_segment is still to be handled
    QList<Defect> m_fileDefects;
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
