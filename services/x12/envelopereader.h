// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/envelope.h"
#include "services/x12/segmentreader.h"

class QIODevice;

namespace rcm::x12 {

/// What an EnvelopeReader hands the transactions it reads to: one kind of transaction set
/// (835, 837, 999, 277...), built segment by segment between its ST and SE.
class TransactionHandler
{
public:
    /// The defect codes and words for the file's transactions of other kinds, and for a
    /// file with none of this kind.
    struct Kind
    {
        QLatin1StringView skippedCode; ///< a transaction of another kind: a warning, skipped
        QLatin1StringView noneCode; ///< the file has none of this kind: an error
        QString name; ///< "an 835 remittance": "Transaction 0001 is a 277, not <name>"
    };

    virtual ~TransactionHandler() = default;
    virtual const Kind &kind() const = 0;
    /// Whether this handler reads transaction sets with this ST01 (and this GS08 version).
    virtual bool accepts(QByteArrayView transactionSetId) const = 0;
    /// A transaction starts: st is its ST segment.
    virtual void begin(const Segment &st, const Envelope &envelope, const Delimiters &delimiters) = 0;
    /// One segment of it, after ST and before SE.
    virtual void add(const Segment &segment) = 0;
    /// A defect of the transaction as a whole (its SE trailer, or a file ending inside it).
    virtual void addDefect(const Defect &defect) = 0;
    /// The transaction is complete (lastSegment: its SE, or the last segment read).
    virtual void finish(qint64 lastSegment) = 0;
    /// A segment inside an interchange but outside any group (TA1): true when the handler
    /// takes it as a unit of its own, which EnvelopeReader::next() then reports.
    virtual bool addInterchangeSegment(const Segment &segment, const Envelope &envelope)
    {
        Q_UNUSED(segment);
        Q_UNUSED(envelope);
        return false;
    }
};

/// Walks the ISA/GS/ST envelopes of an X12 file in flat memory, checking counts and
/// control numbers, and hands each transaction its handler accepts to the handler;
/// transactions of other kinds are skipped with a warning. One envelope walker for every
/// transaction set the gateway reads, so that each checks its envelopes the same way.
///
///     EnvelopeReader reader(&file, handler);
///     while (reader.next()) { ... the handler holds one transaction ... }
///     reader.fileDefects(); // envelopes, skipped transactions, a truncated file
class EnvelopeReader final
{
public:
    EnvelopeReader(QIODevice *device, TransactionHandler &handler, qsizetype chunkSize = 1 << 20);
    Q_DISABLE_COPY_MOVE(EnvelopeReader)

    /// Reads until the handler has a complete transaction (or an interchange-level unit
    /// it took); false once the file is done.
    bool next();

    /// Defects outside any transaction the handler read (envelopes, skipped or truncated
    /// transactions, an unreadable file); complete once next() has returned false.
    const QList<Defect> &fileDefects() const { return m_fileDefects; }
    qint64 segmentCount() const { return m_segments.segmentCount(); }
    qint64 bytesRead() const { return m_segments.bytesConsumed(); }
    /// Transactions (and interchange-level units) handed to the handler.
    qint64 transactionCount() const { return m_transactionCount; }

private:
    enum class Level { Outside, Interchange, Group, Transaction };
    enum class Transaction { Handled, Skipped };

    void openInterchange(const Segment &segment);
    void openGroup(const Segment &segment);
    void openTransaction(const Segment &segment);
    void closeTransaction(const Segment *se);
    void closeGroup(const Segment *ge);
    void closeInterchange(const Segment *iea);
    /// An envelope segment, or one outside any transaction; true when the handler took it
    /// as a unit of its own.
    bool handleEnvelope();
    bool finishFile();
    void report(Severity severity, QLatin1StringView code, const Segment &segment, const QString &message);

    SegmentReader m_segments;
    TransactionHandler &m_handler;
    Segment m_segment;
    Level m_level = Level::Outside;
    Transaction m_transaction = Transaction::Skipped;
    Envelope m_envelope;
    QString m_transactionSetId;
    QString m_controlNumber; ///< ST02 of the transaction being read
    qint64 m_transactionSegments = 0;
    qint64 m_groupTransactions = 0;
    qint64 m_interchangeGroups = 0;
    qint64 m_transactionCount = 0;
    static constexpr qsizetype maxDefects = 1000;

    bool m_done = false;
    bool m_replay = false; ///< m_segment is still to be handled
    QList<Defect> m_fileDefects;
};

} // namespace rcm::x12
