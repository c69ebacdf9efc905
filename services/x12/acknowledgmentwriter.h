// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/acknowledgment.h"
#include "services/x12/claimsubmission.h"
#include "services/x12/segmentreader.h"

#include <QByteArray>

#include <functional>

class QIODevice;

namespace rcm::x12 {

/// Writes acknowledgments as X12: TA1 (interchange), 999 (005010X231A1) and 277CA
/// (005010X214), each interchange with correct counts and control numbers, so that tests
/// and the demo can answer the claims the gateway received as a clearinghouse would.
/// It writes what it is given and judges nothing itself.
class AcknowledgmentWriter final
{
public:
    enum class LineBreak { None, Newline };

    struct Options
    {
        Delimiters delimiters;
        LineBreak lineBreak = LineBreak::None;
        QString senderId = QStringLiteral("SYNTHCLEARING"); ///< ISA06 and GS02: who answers
        QString receiverId = QStringLiteral("SYNTHPROVIDER"); ///< ISA08 and GS03: who sent the claims
        QDate date = QDate(2026, 1, 2);
        QString usageIndicator = QStringLiteral("P"); ///< ISA15: P production, T test
        qint64 firstInterchangeControlNumber = 1; ///< ISA13 of the first interchange; then one more each
    };

    AcknowledgmentWriter(QIODevice *device, Options options);
    Q_DISABLE_COPY_MOVE(AcknowledgmentWriter)
    ~AcknowledgmentWriter();

    /// Writes one interchange: the TA1s first (outside any group), then the 999s in one
    /// functional group (GS01 FA) and the 277CAs in another (GS01 HN); a group with none
    /// is not written. ST02 is each acknowledgment's controlNumber, else 0001, 0002, ...
    /// False when the device fails.
    bool writeInterchange(const QList<InterchangeAcknowledgment> &interchanges,
                          const QList<FunctionalAcknowledgment> &functionals,
                          const QList<ClaimAcknowledgment> &claimStatuses);
    /// The same, from acknowledgments as read (each goes where its type says).
    bool writeInterchange(const QList<Acknowledgment> &acknowledgments);

    /// The ISA13 the last interchange was written with.
    QString lastInterchangeControlNumber() const { return m_lastInterchange; }
    qint64 bytesWritten() const { return m_bytesWritten; }

private:
    void writeFunctional(const FunctionalAcknowledgment &functional, qint64 number);
    void writeClaimStatus(const ClaimAcknowledgment &claimStatus, qint64 number);
    void writeEntry(const ClaimAcknowledgment &claimStatus, const StatusEntry &entry);
    void writeStatus(const ClaimStatus277 &status);
    void writeServiceDate(const QDate &from, const QDate &to);
    QByteArray composite(const StatusCode &code) const;
    void segment(std::initializer_list<QByteArrayView> elements);
    bool flush();

    QIODevice *m_device;
    Options m_options;
    QByteArray m_buffer;
    qint64 m_segmentsInTransaction = 0;
    qint64 m_nextInterchange = 1;
    qint64 m_nextGroup = 1;
    QString m_lastInterchange;
    qint64 m_bytesWritten = 0;
    bool m_failed = false;
};

/// The X12 text of one interchange of acknowledgments, for tests and the demo.
QByteArray acknowledgmentText(const QList<Acknowledgment> &acknowledgments,
                              const AcknowledgmentWriter::Options &options = {});

/// A 999 answering the 837 transactions of one functional group as read: each is
/// accepted unless its ST02 is in rejectedControlNumbers (then rejected, IK5 R with code
/// 5); AK9 says A, P or R from those.
FunctionalAcknowledgment functionalAcknowledgmentFor(const QList<ClaimTransaction> &transactions,
                                                     const QStringList &rejectedControlNumbers = {});

/// A 277CA for one 837 transaction as read: the submitter (its BHT03 as the batch), one
/// billing provider per provider NPI, and each claim with the one status statusOf gives
/// it (for example {A2, 20, PR} accepted, {A3, 21, 85} rejected). Dated date.
ClaimAcknowledgment claimAcknowledgmentFor(const ClaimTransaction &transaction,
                                           const std::function<StatusCode(const BilledClaim &)> &statusOf,
                                           const QDate &date);

} // namespace rcm::x12
