// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/remittance.h"
#include "services/x12/segmentreader.h"

#include <array>
#include <vector>

namespace rcm::x12 {

/// Builds one Remittance from the segments of an 835 transaction (between ST and SE),
/// following its loops: header, payer, payee, claims (2100), service lines (2110) and
/// provider-level adjustments. Values it cannot read become defects, never guesses.
class RemittanceBuilder final
{
public:
    RemittanceBuilder() = default;
    Q_DISABLE_COPY_MOVE(RemittanceBuilder)

    /// Starts filling target (which is reset) from its ST segment.
    void begin(Remittance *target, const Segment &st, const Envelope &envelope, const Delimiters &delimiters);
    void add(const Segment &segment);
    /// Checks what must be present; the caller has handled SE.
    void finish(qint64 lastSegment);

private:
    enum class Loop { Header, Payer, Payee, ClaimGroup, Claim, Line, Summary };
    enum class Need { Required, Optional };

    void addPayment(const Segment &segment);
    void addParty(const Segment &segment);
    void addReference(const Segment &segment);
    void addClaim(const Segment &segment);
    void addAdjustment(const Segment &segment);
    void addDate(const Segment &segment);
    void addServiceLine(const Segment &segment);
    void addRemarks(const Segment &segment);
    void addProviderAdjustment(const Segment &segment);

    ClaimPayment *claim() { return m_claim; }
    ServiceLine *line() { return m_line; }
    /// Appends a claim or a line, reusing one of the transaction read before (its lists and
    /// strings keep their storage), reset to what a new one holds.
    ClaimPayment &newClaim();
    ServiceLine &newLine(ClaimPayment &claim);
    /// Drops the adjustments and remark codes the current line was left with beyond those read.
    void closeLine();
    /// The same for the current claim (and its last line), and drops its lines beyond those read.
    void closeClaim();

    QString text(QByteArrayView value) const;
    /// target = text(value), reusing target's storage when it is not shared.
    static void assignText(QString &target, QByteArrayView value);
    /// A short code ("CO", "45", "99213", "HC"): interned (internedCode) and found again
    /// through a small cache, so that a file of millions of adjustments neither allocates
    /// nor counts references for each.
    QString code(QByteArrayView value);
    /// target = code(value), without touching target when it already holds that code.
    void assignCode(QString &target, QByteArrayView value);
    QString elementName(const Segment &segment, int index) const;
    Money amount(const Segment &segment, int index, Need need, AmountQuality &quality, const char16_t *what);
    QDate date(const Segment &segment, int index, Need need, const char16_t *what);
    /// target = the decimal number of the element, or nothing when it is empty (or not a number: reported).
    void assignNumber(std::optional<double> &target, const Segment &segment, int index);
    // The defects of amount(), date() and assignNumber(), out of their way: every value of a
    // file passes through those, and almost none is reported.
    Q_DECL_COLD_FUNCTION Q_NEVER_INLINE void reportAmount(const Segment &segment, int index, const char16_t *what);
    Q_DECL_COLD_FUNCTION Q_NEVER_INLINE void reportDate(const Segment &segment, int index, const char16_t *what);
    Q_DECL_COLD_FUNCTION Q_NEVER_INLINE void reportNumber(const Segment &segment, int index);
    /// Fills result, a new (empty) ProcedureCode, from a composite procedure element.
    void procedure(ProcedureCode &result, const Segment &segment, int index, Need need);
    void defect(Severity severity, QLatin1StringView code, const Segment &segment, const QString &message);

    struct CachedCode
    {
        quint64 key = 0;
        QString text;
    };
    static constexpr int codeCacheBits = 10;
    CachedCode *cachedCode(QByteArrayView value);
    std::array<CachedCode, 1 << codeCacheBits> m_codes;
    /// parseDate(value) from a small cache of the valid dates read; an invalid QDate when value is not a date.
    QDate cachedDate(QByteArrayView value);
    struct CachedDate
    {
        quint64 key = 0; ///< the 8 bytes; 0 (never a valid date) for none
        QDate date;
    };
    static constexpr int dateCacheBits = 10;
    std::array<CachedDate, 1 << dateCacheBits> m_dates;
    Remittance *m_remittance = nullptr;
    ClaimPayment *m_claim = nullptr; ///< the last of m_remittance->claims
    ServiceLine *m_line = nullptr; ///< the last line of m_claim, once in a line loop
    qsizetype m_claimCount = 0; ///< claims read in this transaction; the list may hold more until finish()
    qsizetype m_lineCount = 0; ///< lines read in m_claim; its list may hold more until closeClaim()
    // Adjustments and remark codes read into m_claim and m_line; their lists may hold more
    // until closeClaim() and closeLine().
    qsizetype m_claimAdjustmentCount = 0;
    qsizetype m_claimRemarkCount = 0;
    qsizetype m_lineAdjustmentCount = 0;
    qsizetype m_lineRemarkCount = 0;
    bool m_lineControlNumberRead = false; ///< m_line's REF*6R was read
    // Claims, lines and line control numbers left over from the transactions read before, to reuse.
    std::vector<ClaimPayment> m_spareClaims;
    std::vector<ServiceLine> m_spareLines;
    std::vector<QString> m_spareTexts;
    std::array<QByteArrayView, 8> m_parts; ///< procedure()'s components
    Delimiters m_delimiters;
    Loop m_loop = Loop::Header;
    bool m_sawPayment = false;
    bool m_sawTrace = false;
    bool m_sawPayer = false;
    bool m_sawPayee = false;
};

} // namespace rcm::x12
