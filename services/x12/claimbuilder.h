// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/claimsubmission.h"
#include "services/x12/segmentreader.h"

#include <array>
#include <vector>

namespace rcm::x12 {

/// Builds one ClaimTransaction from the segments of an 837 transaction (between ST and
/// SE), following its hierarchy: billing provider (HL 20), subscriber (HL 22), patient
/// (HL 23), then the claims (2300) under the last HL, each taking the context above it,
/// with their providers (2310), other payers (2320/2330B) and service lines (2400).
/// Values it cannot read become defects, never guesses. Dates of birth, addresses and
/// diagnoses are not read at all.
class ClaimBuilder final
{
public:
    ClaimBuilder() = default;
    Q_DISABLE_COPY_MOVE(ClaimBuilder)

    /// Starts filling target (which is reset) from its ST segment; checks the group's
    /// functional id (HC) and version against ST03.
    void begin(ClaimTransaction *target, const Segment &st, const Envelope &envelope, const Delimiters &delimiters);
    void add(const Segment &segment);
    /// Checks what must be present and that each claim's charge is its lines' sum.
    void finish(qint64 lastSegment);

private:
    enum class Loop {
        Header,
        Submitter,
        Receiver,
        BillingProvider,
        Subscriber,
        Patient,
        Claim,
        ClaimProvider, ///< 2310x: the NM1 of a rendering, attending or facility provider
        OtherSubscriber, ///< 2320 and 2330A
        OtherPayer, ///< 2330B
        Line,
        LineProvider, ///< 2420x
    };
    enum class Need { Required, Optional };

    /// What the HL loops above a claim say about it, copied into each claim.
    struct Context
    {
        ClaimParty billingProvider;
        ClaimParty payer;
        QString payerResponsibility;
        QString filingIndicator;
        QString subscriberId;
        QString subscriberLastName;
        QString subscriberFirstName;
        QString patientLastName;
        QString patientFirstName;
        QString relationship;
    };

    void addHierarchy(const Segment &segment);
    void addParty(const Segment &segment);
    void addReference(const Segment &segment);
    void addSubscriber(const Segment &segment);
    void addClaim(const Segment &segment);
    void addDate(const Segment &segment);
    void addServiceLine(const Segment &segment, ClaimForm lineForm);
    void addDiagnosisGroup(const Segment &segment);
    void addOtherPayerAmount(const Segment &segment);

    BilledClaim &newClaim();
    BilledLine &newLine(BilledClaim &claim);
    void closeClaim();
    void checkClaim(const BilledClaim &claim);
    void decideForm(const Segment &st);

    static void assignText(QString &target, QByteArrayView value);
    void assignCode(QString &target, QByteArrayView value);
    /// A short code ("HC", "99213", "UN"): shared from a small cache, so that a file of
    /// millions of lines does not allocate a string for each.
    QString code(QByteArrayView value);
    const QString &cachedCode(QByteArrayView value); ///< value of 1 to 7 bytes
    static QString elementName(const Segment &segment, int index);
    Money amount(const Segment &segment, int index, Need need, AmountQuality &quality, const char16_t *what);
    /// A D8 (CCYYMMDD) or RD8 (CCYYMMDD-CCYYMMDD) date: from and to (invalid to for D8).
    bool dateRange(const Segment &segment, QDate &from, QDate &to, const char16_t *what);
    std::optional<QDate> cachedDate(QByteArrayView value);
    void procedure(ProcedureCode &result, const Segment &segment, int index, Need need);
    void defect(Severity severity, QLatin1StringView code, const Segment &segment, const QString &message);

    struct CachedCode
    {
        quint64 key = 0;
        QString text;
    };
    static constexpr int codeCacheBits = 10;
    std::array<CachedCode, 1 << codeCacheBits> m_codes;
    /// target = value for names and ids that recur through a file (providers, payers,
    /// taxonomies, common names): shared from a cache of recent ones instead of allocated.
    void assignRecurring(QString &target, QByteArrayView value);
    struct CachedText
    {
        qsizetype size = -1;
        std::array<char, 40> bytes {};
        QString text;
    };
    static constexpr int textCacheBits = 9;
    std::vector<CachedText> m_texts = std::vector<CachedText>(std::size_t(1) << textCacheBits);
    struct CachedDate
    {
        quint64 key = 0;
        QDate date;
    };
    static constexpr int dateCacheBits = 8;
    std::array<CachedDate, 1 << dateCacheBits> m_dates;

    ClaimTransaction *m_transaction = nullptr;
    BilledClaim *m_claim = nullptr; ///< the last of m_transaction->claims
    BilledLine *m_line = nullptr;
    qsizetype m_claimCount = 0;
    qsizetype m_lineCount = 0;
    int m_lineNumber = 0; ///< LX01 of the line loop being read
    std::vector<BilledClaim> m_spareClaims;
    std::vector<BilledLine> m_spareLines;
    Context m_context;
    Delimiters m_delimiters;
    Loop m_loop = Loop::Header;
    ClaimParty *m_party = nullptr; ///< the provider whose REF and PRV follow, when any
    bool m_versionKnown = false;
    bool m_sawHeader = false;
};

} // namespace rcm::x12
