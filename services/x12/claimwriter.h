// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "services/x12/claimsubmission.h"
#include "services/x12/segmentreader.h"

#include <QByteArray>
#include <QDate>

class QIODevice;

namespace rcm::x12 {

/// Writes claim transactions as an X12 837 (005010X222A1 professional, 005010X223A2
/// institutional, or the version a transaction names in ST03): one interchange (ISA..IEA)
/// per call, one functional group (GS..GE, GS01 HC) per run of transactions of one
/// version, correct counts and control numbers. Claims sharing a billing provider share
/// its HL 20, consecutive claims of one subscriber their HL 22; a patient other than
/// the subscriber gets an HL 23. Used for synthetic demo and benchmark files: it writes
/// what it is given (with a placeholder diagnosis, since claims here keep none) and
/// checks nothing.
class ClaimWriter final
{
public:
    enum class LineBreak { None, Newline, CarriageReturnNewline };

    struct Options
    {
        Delimiters delimiters;
        LineBreak lineBreak = LineBreak::None;
        QString senderId = QStringLiteral("SYNTHPROVIDER"); ///< ISA06 and GS02
        QString receiverId = QStringLiteral("SYNTHPAYER"); ///< ISA08 and GS03
        QDate date = QDate(2026, 1, 2); ///< ISA09, GS04 and (when a transaction has none) BHT04
        QString usageIndicator = QStringLiteral("P"); ///< ISA15: P production, T test
        qint64 interchangeControlNumber = 1; ///< ISA13 of the first interchange; each next one adds 1
        qint64 groupControlNumber = 1; ///< GS06 of the first group; each next one adds 1
        qint64 transactionControlNumber = 1; ///< ST02 of the first transaction without its own
    };

    ClaimWriter(QIODevice *device, Options options);
    Q_DISABLE_COPY_MOVE(ClaimWriter)
    ~ClaimWriter();

    /// Writes one interchange holding the transactions; false when the device fails.
    bool writeInterchange(const QList<ClaimTransaction> &transactions);
    qint64 bytesWritten() const { return m_bytesWritten; }

private:
    void writeTransaction(const ClaimTransaction &transaction, const QByteArray &version);
    void writeClaim(const BilledClaim &claim, ClaimForm form);
    void writeOtherPayers(const BilledClaim &claim);
    void writeLine(const BilledLine &line, ClaimForm form);
    void writeParty(const char *entity, const ClaimParty &party, const char *defaultQualifier);

    void segment(std::initializer_list<QByteArrayView> elements);
    QByteArray composite(const ProcedureCode &code) const;
    bool flush();

    QIODevice *m_device;
    Options m_options;
    QByteArray m_buffer;
    qint64 m_segmentsInTransaction = 0;
    qint64 m_hierarchyNumber = 0;
    qint64 m_bytesWritten = 0;
    bool m_failed = false;
};

/// Who bills and who pays a models::Claim, which the claim register does not hold: what
/// writing it as an 837 needs besides the claim. Synthetic claims (demo, benchmarks) only.
struct ClaimParties
{
    ClaimParty billingProvider; ///< name, NPI (idQualifier XX), taxId (REF*EI), taxonomy
    QString payerName; ///< the primary payer's; its id is the claim's payerId
    QString secondaryPayerName; ///< else its id is written as its name
    QString tertiaryPayerName;
    QString filingIndicator = QStringLiteral("CI"); ///< SBR09
    QString subscriberId; ///< the member id
    QString subscriberLastName;
    QString subscriberFirstName;
    QString relationship = QStringLiteral("18"); ///< 18 self; else PAT01, with the patient's name
    QString patientLastName;
    QString patientFirstName;
};

/// The 837 view of a claim: CLM05 from form, facilityCode and frequencyCode (default 1),
/// REF*F8 = payerClaimNumber for a replacement or void (7, 8), statement period (837I),
/// DRG, secondary and tertiary payers as 2320 loops, lines with REF*6R and (837I) their
/// revenue codes.
BilledClaim billedClaimOf(const models::Claim &claim, const ClaimParties &parties);

struct ClaimToWrite
{
    models::Claim claim;
    ClaimParties parties;
};

/// The claims as 837 transactions: claim.form picks 837P or 837I, and each form's claims,
/// in their order, fill transactions of at most claimsPerTransaction claims; submitter and receiver are
/// the options' sender and receiver.
QList<ClaimTransaction> claimTransactionsOf(const QList<ClaimToWrite> &claims, const ClaimWriter::Options &options,
                                            int claimsPerTransaction = 500);

/// Writes claimTransactionsOf(claims) as one 837 interchange.
bool writeClaimInterchange(QIODevice *device, const QList<ClaimToWrite> &claims,
                           const ClaimWriter::Options &options = {}, int claimsPerTransaction = 500);
QByteArray claimInterchange(const QList<ClaimToWrite> &claims, const ClaimWriter::Options &options = {},
                            int claimsPerTransaction = 500);

} // namespace rcm::x12
