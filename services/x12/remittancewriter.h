// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/remittance.h"
#include "services/x12/segmentreader.h"

#include <QByteArray>

class QIODevice;

namespace rcm::x12 {

/// Writes remittances as an X12 835 (005010X221A1): one interchange (ISA..IEA) with one
/// functional group per call, correct counts and control numbers, in the delimiters asked
/// for. Used to make test and benchmark files; it writes what it is given and does not
/// balance anything itself.
class RemittanceWriter final
{
public:
    enum class LineBreak { None, Newline, CarriageReturnNewline };

    struct Options
    {
        Delimiters delimiters;
        LineBreak lineBreak = LineBreak::None;
        QString senderId = QStringLiteral("SYNTHPAYER");
        QString receiverId = QStringLiteral("SYNTHPROVIDER");
        QDate date = QDate(2026, 1, 2);
        QString usageIndicator = QStringLiteral("P"); ///< ISA15: P production, T test
        QString functionalId = QStringLiteral("HP"); ///< GS01
        bool writeImplementationReference
            = true; ///< ST03 (005010X221A1 unless the remittance says), which older files omit
    };

    RemittanceWriter(QIODevice *device, Options options);
    Q_DISABLE_COPY_MOVE(RemittanceWriter)
    ~RemittanceWriter();

    /// Writes one interchange holding the transactions; false when the device fails.
    bool writeInterchange(const QList<Remittance> &transactions);
    qint64 bytesWritten() const { return m_bytesWritten; }

private:
    void writeTransaction(const Remittance &remittance, qint64 transactionNumber);
    void writeClaim(const ClaimPayment &claim);
    void writeLine(const ServiceLine &line);
    void writeAdjustments(const QList<Adjustment> &adjustments);

    void segment(std::initializer_list<QByteArrayView> elements);
    QByteArray composite(const ProcedureCode &code) const;
    bool flush();

    QIODevice *m_device;
    Options m_options;
    QByteArray m_buffer;
    qint64 m_segmentsInTransaction = 0;
    qint64 m_interchangeNumber = 0;
    qint64 m_bytesWritten = 0;
    bool m_failed = false;
};

QByteArray amountText(const Money &amount);
QByteArray dateText(const QDate &date);

} // namespace rcm::x12
