// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/remittancebuilder.h"

#include "services/x12/internedcodes.h"
#include "services/x12/x12values.h"

#include <QtEndian>

#include <cstring>
#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

namespace {

AdjustmentGroup groupFromCode(QByteArrayView code)
{
    if (equals(code, "CO"))
        return AdjustmentGroup::Contractual;
    if (equals(code, "PR"))
        return AdjustmentGroup::PatientResponsibility;
    if (equals(code, "OA"))
        return AdjustmentGroup::Other;
    if (equals(code, "PI"))
        return AdjustmentGroup::PayerInitiated;
    if (equals(code, "CR"))
        return AdjustmentGroup::Correction;
    return AdjustmentGroup::Unknown;
}

/// Splits a composite element at the component separator into at most N views.
template<std::size_t N>
int components(QByteArrayView composite, char separator, std::array<QByteArrayView, N> &parts)
{
    // Composites are a few bytes long ("HC:99213:25"): a byte loop beats a memchr call per part.
    int count = 0;
    const char *start = composite.data();
    const char *const end = start + composite.size();
    for (const char *position = start; position != end; ++position) {
        if (*position != separator)
            continue;
        parts[std::size_t(count++)] = QByteArrayView(start, position - start);
        start = position + 1;
        if (count == int(N))
            return count;
    }
    parts[std::size_t(count++)] = QByteArrayView(start, end - start);
    return count;
}

/// claimStatusFromCode(text), where code holds text's bytes: the usual one or two digits
/// are read from the bytes, anything else as claimStatusFromCode reads it.
ClaimStatus claimStatus(QByteArrayView code, const QString &text)
{
    const auto digit = [&](qsizetype index) {
        return unsigned(code[index]) - '0';
    };
    if (code.size() == 1 && digit(0) < 10)
        return claimStatusFromNumber(int(digit(0)));
    if (code.size() == 2 && digit(0) < 10 && digit(1) < 10)
        return claimStatusFromNumber(int(digit(0) * 10 + digit(1)));
    return claimStatusFromCode(text);
}

/// The next item of a list being refilled: the one at count when the list still holds
/// it from what was read before (with its strings, which an unchanged code then keeps),
/// else a new one. truncate() drops those left over once the list is complete.
template<typename T>
T &refill(QList<T> &list, qsizetype &count)
{
    const qsizetype index = count++;
    if (index == list.size())
        return list.emplace_back();
    return list[index];
}

template<typename T>
void truncate(QList<T> &list, qsizetype count)
{
    if (list.size() > count)
        list.resize(count);
}

} // namespace

void RemittanceBuilder::begin(Remittance *target, const Segment &st, const Envelope &envelope,
                              const Delimiters &delimiters)
{
    m_remittance = target;
    // The claims of the transaction read before stay in the list, to be reused in place
    // (with their lines, lists and strings) by this one; finish() drops those left over.
    QList<ClaimPayment> claims = std::move(target->claims);
    *m_remittance = Remittance();
    m_remittance->claims = std::move(claims);
    m_remittance->envelope = envelope;
    m_remittance->controlNumber = text(st.element(2));
    m_remittance->firstSegment = st.number();
    m_claim = nullptr;
    m_line = nullptr;
    m_claimCount = 0;
    m_lineCount = 0;
    m_delimiters = delimiters;
    m_loop = Loop::Header;
    m_sawPayment = m_sawTrace = m_sawPayer = m_sawPayee = false;
}

// A reused claim or line has every member addClaim or addServiceLine does not always
// assign reset here to its new value; the lists keep their storage. These catch a
// member added to the structs without a thought for the reset.
static_assert(sizeof(ClaimPayment) == 392, "reset the new member of a reused claim in newClaim()");
static_assert(sizeof(ServiceLine) == 392, "reset the new member of a reused line in newLine()");

void RemittanceBuilder::closeLine()
{
    if (!m_line)
        return;
    truncate(m_line->adjustments, m_lineAdjustmentCount);
    truncate(m_line->remarkCodes, m_lineRemarkCount);
    if (!m_lineControlNumberRead && !m_line->lineControlNumber.isNull()) {
        // Left from the line this one reuses: its storage kept for the next line that has one.
        constexpr std::size_t maxSpareTexts = 4096;
        if (m_spareTexts.size() < maxSpareTexts)
            m_spareTexts.push_back(std::move(m_line->lineControlNumber));
        m_line->lineControlNumber = QString();
    }
}

void RemittanceBuilder::closeClaim()
{
    if (!m_claim)
        return;
    closeLine();
    truncate(m_claim->adjustments, m_claimAdjustmentCount);
    truncate(m_claim->remarkCodes, m_claimRemarkCount);
    // The current claim's lines beyond those read are left from the claim it reuses.
    if (m_lineCount == m_claim->lines.size())
        return;
    QList<ServiceLine> &lines = m_claim->lines;
    for (qsizetype index = m_lineCount; index < lines.size(); ++index)
        m_spareLines.push_back(std::move(lines[index]));
    lines.resize(m_lineCount);
}

ClaimPayment &RemittanceBuilder::newClaim()
{
    closeClaim();
    m_lineCount = 0;
    m_claimAdjustmentCount = 0; // its adjustments and remark codes are refilled, and truncated by closeClaim
    m_claimRemarkCount = 0;
    QList<ClaimPayment> &claims = m_remittance->claims;
    const qsizetype index = m_claimCount++;
    if (index == claims.size()) {
        if (m_spareClaims.empty())
            return claims.emplace_back();
        claims.emplace_back(std::move(m_spareClaims.back()));
        m_spareClaims.pop_back();
    }
    ClaimPayment &claim = claims[index];
    // Assigned by addClaim: segmentNumber, patientControlNumber, statusCode, status,
    // charge, paid, filingIndicator, payerClaimControlNumber, facilityCode, frequencyCode.
    // Its lines are reused by newLine, and those left over dropped by closeClaim.
    claim.patientResponsibility.reset();
    claim.statementFrom = QDate();
    claim.statementTo = QDate();
    claim.interest.reset();
    claim.coverageAmount.reset();
    claim.crossoverPayerName.clear();
    claim.crossoverPayerId.clear();
    claim.originalReference.clear();
    claim.amountQuality = AmountQuality::Complete;
    return claim;
}

ServiceLine &RemittanceBuilder::newLine(ClaimPayment &claim)
{
    closeLine();
    m_lineAdjustmentCount = 0; // its adjustments and remark codes are refilled, and truncated by closeLine
    m_lineRemarkCount = 0;
    m_lineControlNumberRead = false; // its control number is overwritten in place, or dropped by closeLine
    const qsizetype index = m_lineCount++;
    if (index == claim.lines.size()) {
        if (m_spareLines.empty())
            return claim.lines.emplace_back();
        claim.lines.emplace_back(std::move(m_spareLines.back()));
        m_spareLines.pop_back();
    }
    ServiceLine &line = claim.lines[index];
    // Assigned by addServiceLine: segmentNumber, procedure's qualifier, code and modifiers,
    // charge, paid, revenueCode, units, originalUnits.
    if (!line.procedure.description.isNull())
        line.procedure.description = QString();
    line.originalProcedure.reset();
    line.serviceDate = QDate();
    line.serviceFrom = QDate();
    line.serviceTo = QDate();
    line.allowed.reset();
    return line;
}

QString RemittanceBuilder::text(QByteArrayView value) const
{
    return value.isEmpty() ? QString() : QString::fromUtf8(value);
}

void RemittanceBuilder::assignText(QString &target, QByteArrayView value)
{
    const qsizetype size = value.size();
    if (size == 0) {
        target = QString();
        return;
    }
    // ASCII is its own UTF-16, one unit per byte: written into target's storage when it
    // is large enough and not shared, else into new storage with room for a longer one.
    if (!target.isDetached() || target.capacity() < size) {
        QString fresh;
        fresh.reserve(std::max<qsizetype>(size, 24));
        target = std::move(fresh);
    }
    if (target.size() != size)
        target.resize(size);
    char16_t *out = reinterpret_cast<char16_t *>(target.data());
    const auto *bytes = reinterpret_cast<const uchar *>(value.data());
    uchar high = 0; // one loop, which the compiler vectorizes: copies, and notes any byte past ASCII
    for (qsizetype index = 0; index < size; ++index) {
        high |= bytes[index];
        out[index] = bytes[index];
    }
    if (high >= 0x80)
        target = QString::fromUtf8(value);
}

Q_ALWAYS_INLINE RemittanceBuilder::CachedCode *RemittanceBuilder::cachedCode(QByteArrayView value)
{
    const qsizetype size = value.size();
    if (size == 0 || size > 7)
        return nullptr;
    // The bytes packed little-endian with the size on top, read as two overlapping words
    // (or three single bytes) rather than one by one.
    const auto *bytes = reinterpret_cast<const uchar *>(value.data());
    quint64 key;
    if (size >= 4) {
        quint32 low;
        quint32 high;
        std::memcpy(&low, bytes, 4);
        std::memcpy(&high, bytes + size - 4, 4);
        key = qFromLittleEndian(low) | (quint64(qFromLittleEndian(high)) << (8 * (size - 4)));
    } else {
        key = quint64(bytes[0]) | (quint64(bytes[size / 2]) << (8 * (size / 2)))
            | (quint64(bytes[size - 1]) << (8 * (size - 1)));
    }
    key |= quint64(size) << 56;
    // Direct-mapped: one multiply to a slot, the newest code wins a collision.
    CachedCode &slot = m_codes[std::size_t((key * 0x9E3779B97F4A7C15ULL) >> (64 - codeCacheBits))];
    if (slot.key != key || slot.text.isNull()) {
        slot.key = key;
        slot.text = internedCode(value);
        if (slot.text.isNull())
            slot.text = QString::fromUtf8(value);
    }
    return &slot;
}

QString RemittanceBuilder::code(QByteArrayView value)
{
    if (value.isEmpty())
        return {};
    if (const CachedCode *cached = cachedCode(value))
        return cached->text;
    return QString::fromUtf8(value);
}

void RemittanceBuilder::assignCode(QString &target, QByteArrayView value)
{
    if (value.isEmpty()) {
        if (!target.isNull())
            target = QString();
    } else if (const CachedCode *cached = cachedCode(value)) {
        // Interned codes share their characters, not a reference-counted block: compare those.
        if (target.constData() != cached->text.constData() || target.size() != cached->text.size())
            target = cached->text;
    } else {
        target = QString::fromUtf8(value);
    }
}

QString RemittanceBuilder::elementName(const Segment &segment, int index) const
{
    return segment.idText() + (index < 10 ? u"0"_s : QString()) + QString::number(index);
}

void RemittanceBuilder::defect(Severity severity, QLatin1StringView code, const Segment &segment,
                               const QString &message)
{
    constexpr qsizetype maxDefects = 1000; // a garbage file must not fill memory with complaints
    if (m_remittance->defects.size() >= maxDefects)
        return;
    m_remittance->defects.append({severity, code, segment.number(), segment.idText(), message});
}

Money RemittanceBuilder::amount(const Segment &segment, int index, Need need, AmountQuality &quality,
                                const char16_t *what)
{
    // The usual case first and alone; the defects are written out of line (reportAmount).
    const QByteArrayView value = segment.element(index);
    if (!value.isEmpty()) {
        static_assert(Segment::readableAfter >= 8, "parsePaddedAmount reads a word past the value");
        qint64 cents;
        if (parsePaddedAmount(value, cents) && Money::fromCents(cents).isWithinCap()) [[likely]]
            return Money::fromCents(cents);
    } else if (need == Need::Optional) {
        return {};
    }
    quality = AmountQuality::HasInvalidAmounts;
    reportAmount(segment, index, what);
    return {};
}

void RemittanceBuilder::reportAmount(const Segment &segment, int index, const char16_t *what)
{
    const QByteArrayView value = segment.element(index);
    if (value.isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"%1 (%2) is missing."_s.arg(elementName(segment, index), QString::fromUtf16(what)));
    } else if (const std::optional<Money> parsed = parseAmount(value)) {
        defect(Severity::Error, defectcode::AmountInvalid, segment,
               u"%1 (%2) %3 is more than any single amount may be (%4): a defect in the file, not a payment."_s.arg(
                   elementName(segment, index), QString::fromUtf16(what), parsed->toString(),
                   Money::fromCents(Money::capCents).toString()));
    } else {
        defect(Severity::Error, defectcode::AmountInvalid, segment,
               u"%1 (%2) \"%3\" is not an amount: expected digits with at most two decimals, like 391.05."_s.arg(
                   elementName(segment, index), QString::fromUtf16(what), QString::fromLatin1(clipped(value, 32))));
    }
}

QDate RemittanceBuilder::date(const Segment &segment, int index, Need need, const char16_t *what)
{
    const QByteArrayView value = segment.element(index);
    if (!value.isEmpty()) {
        if (const QDate parsed = cachedDate(value); parsed.isValid()) [[likely]]
            return parsed;
    } else if (need == Need::Optional) {
        return {};
    }
    reportDate(segment, index, what);
    return {};
}

void RemittanceBuilder::reportDate(const Segment &segment, int index, const char16_t *what)
{
    const QByteArrayView value = segment.element(index);
    if (value.isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"%1 (%2) is missing."_s.arg(elementName(segment, index), QString::fromUtf16(what)));
    } else {
        defect(Severity::Warning, defectcode::DateInvalid, segment,
               u"%1 (%2) \"%3\" is not a date in the form CCYYMMDD."_s.arg(
                   elementName(segment, index), QString::fromUtf16(what), QString::fromLatin1(clipped(value, 16))));
    }
}

QDate RemittanceBuilder::cachedDate(QByteArrayView value)
{
    if (value.size() != 8)
        return parseDate(value).value_or(QDate());
    // The same few dates recur through a file (statement, service and payment dates).
    quint64 key;
    std::memcpy(&key, value.data(), 8);
    CachedDate &slot = m_dates[std::size_t((key * 0x9E3779B97F4A7C15ULL) >> (64 - dateCacheBits))];
    if (slot.key == key)
        return slot.date;
    const QDate parsed = parseDate(value).value_or(QDate());
    if (parsed.isValid()) {
        slot.key = key;
        slot.date = parsed;
    }
    return parsed;
}

void RemittanceBuilder::assignNumber(std::optional<double> &target, const Segment &segment, int index)
{
    const QByteArrayView value = segment.element(index);
    if (value.isEmpty()) {
        target.reset();
    } else if (value.size() == 1 && unsigned(value[0] - '0') < 10) { // the usual unit count, "1"
        target = double(value[0] - '0');
    } else {
        target = parseDecimal(value);
        if (!target) [[unlikely]]
            reportNumber(segment, index);
    }
}

void RemittanceBuilder::reportNumber(const Segment &segment, int index)
{
    defect(Severity::Warning, defectcode::NumberInvalid, segment,
           u"%1 \"%2\" is not a number."_s.arg(elementName(segment, index),
                                               QString::fromLatin1(clipped(segment.element(index), 16))));
}

void RemittanceBuilder::procedure(ProcedureCode &result, const Segment &segment, int index, Need need)
{
    const QByteArrayView composite = segment.element(index);
    if (composite.isEmpty() && need == Need::Optional)
        return;
    // Only the parts components() fills are read; m_parts saves zeroing 128 bytes a call.
    std::array<QByteArrayView, 8> &parts = m_parts;
    const int count = components(composite, m_delimiters.component, parts);
    assignCode(result.qualifier, parts[0]);
    assignCode(result.code, count > 1 ? parts[1] : QByteArrayView());
    qsizetype modifiers = 0;
    for (int part = 2; part < std::min(count, 6); ++part) {
        if (!parts[std::size_t(part)].isEmpty())
            assignCode(refill(result.modifiers, modifiers), parts[std::size_t(part)]);
    }
    truncate(result.modifiers, modifiers);
    if (count > 6)
        result.description = text(parts[6]);
    if (result.code.isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"%1 has no procedure code after the qualifier \"%2\" (components are separated by '%3', as ISA16 "
               "declares)."_s.arg(elementName(segment, index), QString::fromLatin1(clipped(composite, 24)),
                                  QChar::fromLatin1(m_delimiters.component)));
    }
}

void RemittanceBuilder::add(const Segment &segment)
{
    switch (segment.tag()) {
    case segmentTag("CAS"):
        return addAdjustment(segment);
    case segmentTag("SVC"):
        return addServiceLine(segment);
    case segmentTag("DTM"):
        return addDate(segment);
    case segmentTag("REF"):
        return addReference(segment);
    case segmentTag("AMT"):
        if (m_loop == Loop::Line && equals(segment.element(1), "B6"))
            line()->allowed = amount(segment, 2, Need::Required, claim()->amountQuality, u"allowed amount");
        else if (m_loop == Loop::Claim && equals(segment.element(1), "I"))
            claim()->interest = amount(segment, 2, Need::Required, claim()->amountQuality, u"interest");
        else if (m_loop == Loop::Claim && equals(segment.element(1), "AU"))
            claim()->coverageAmount = amount(segment, 2, Need::Required, claim()->amountQuality, u"coverage amount");
        return;
    case segmentTag("NM1"):
        // The crossover carrier (NM1*TT): the payer a claim was forwarded to.
        if (m_loop == Loop::Claim && equals(segment.element(1), "TT")) {
            claim()->crossoverPayerName = text(segment.element(3));
            claim()->crossoverPayerId = text(segment.element(9));
        }
        return;
    case segmentTag("CLP"):
        return addClaim(segment);
    case segmentTag("BPR"):
        return addPayment(segment);
    case segmentTag("TRN"):
        m_sawTrace = true;
        if (segment.element(2).isEmpty())
            defect(Severity::Error, defectcode::ElementMissing, segment, u"TRN02 (trace number) is missing."_s);
        m_remittance->payment.traceNumber = text(segment.element(2));
        m_remittance->payment.originatorId = text(segment.element(3));
        return;
    case segmentTag("PLB"):
        return addProviderAdjustment(segment);
    case segmentTag("MOA"):
    case segmentTag("MIA"):
        return addRemarks(segment);
    case segmentTag("N1"):
        return addParty(segment);
    case segmentTag("LQ"):
        if (m_loop == Loop::Line && equals(segment.element(1), "HE") && !segment.element(2).isEmpty())
            assignCode(refill(line()->remarkCodes, m_lineRemarkCount), segment.element(2));
        return;
    case segmentTag("LX"):
        m_loop = Loop::ClaimGroup;
        return;
    default:
        return; // PER, QTY, TS3, TS2, CUR, RDM, N3, N4, ...: not needed for posting
    }
}

void RemittanceBuilder::addPayment(const Segment &segment)
{
    m_sawPayment = true;
    Payment &payment = m_remittance->payment;
    payment.handlingCode = code(segment.element(1));
    payment.amount = amount(segment, 2, Need::Required, m_remittance->amountQuality, u"total payment");
    payment.creditDebit = code(segment.element(3));
    if (payment.creditDebit == u"D")
        payment.amount = -payment.amount;
    payment.method = code(segment.element(4));
    payment.date = date(segment, 16, Need::Optional, u"payment date");
    if (segment.element(16).isEmpty()) {
        // A missing payment date does not stop posting (the trace number reassociates the
        // deposit), so it is a warning; a date one element early usually means a lost '*'.
        const bool early = parseDate(segment.element(15)).has_value();
        defect(Severity::Warning, defectcode::ElementMissing, segment,
               early ? u"BPR16 (payment date) is missing; BPR15 holds a date instead (one element separator short?)."_s
                     : u"BPR16 (payment date) is missing."_s);
    }
}

void RemittanceBuilder::addParty(const Segment &segment)
{
    const QByteArrayView role = segment.element(1);
    Party *party = nullptr;
    if (equals(role, "PR")) {
        m_sawPayer = true;
        m_loop = Loop::Payer;
        party = &m_remittance->payer;
    } else if (equals(role, "PE")) {
        m_sawPayee = true;
        m_loop = Loop::Payee;
        party = &m_remittance->payee;
    } else {
        return;
    }
    party->name = text(segment.element(2));
    party->idQualifier = code(segment.element(3));
    party->id = text(segment.element(4));
    if (equals(segment.element(3), "FI"))
        party->taxId = party->id;
    if (party->name.isEmpty())
        defect(Severity::Error, defectcode::ElementMissing, segment, u"N102 (name) is missing."_s);
}

void RemittanceBuilder::addReference(const Segment &segment)
{
    const QByteArrayView qualifier = segment.element(1);
    switch (m_loop) {
    case Loop::Payer:
        if (equals(qualifier, "2U"))
            m_remittance->payer.additionalId = text(segment.element(2));
        break;
    case Loop::Payee:
        if (equals(qualifier, "TJ"))
            m_remittance->payee.taxId = text(segment.element(2));
        else if (equals(qualifier, "PQ"))
            m_remittance->payee.additionalId = text(segment.element(2));
        break;
    case Loop::Claim:
        if (equals(qualifier, "F8"))
            claim()->originalReference = text(segment.element(2));
        break;
    case Loop::Line:
        if (equals(qualifier, "6R")) {
            QString &target = line()->lineControlNumber;
            if (target.isNull() && !m_spareTexts.empty() && !segment.element(2).isEmpty()) {
                target = std::move(m_spareTexts.back());
                m_spareTexts.pop_back();
            }
            assignText(target, segment.element(2));
            m_lineControlNumberRead = true;
        }
        break;
    default:
        break;
    }
}

void RemittanceBuilder::addClaim(const Segment &segment)
{
    m_loop = Loop::Claim;
    ClaimPayment &claimPayment = newClaim();
    m_claim = &claimPayment;
    m_line = nullptr;
    claimPayment.segmentNumber = segment.number();
    assignText(claimPayment.patientControlNumber, segment.element(1));
    assignCode(claimPayment.statusCode, segment.element(2));
    claimPayment.status = claimStatus(segment.element(2), claimPayment.statusCode);
    if (claimPayment.patientControlNumber.isEmpty())
        defect(Severity::Error, defectcode::ElementMissing, segment, u"CLP01 (patient control number) is missing."_s);
    if (claimPayment.statusCode.isEmpty())
        defect(Severity::Error, defectcode::ElementMissing, segment, u"CLP02 (claim status) is missing."_s);
    claimPayment.charge = amount(segment, 3, Need::Required, claimPayment.amountQuality, u"claim charge");
    claimPayment.paid = amount(segment, 4, Need::Required, claimPayment.amountQuality, u"claim payment");
    if (!segment.element(5).isEmpty())
        claimPayment.patientResponsibility
            = amount(segment, 5, Need::Optional, claimPayment.amountQuality, u"patient responsibility");
    assignCode(claimPayment.filingIndicator, segment.element(6));
    assignText(claimPayment.payerClaimControlNumber, segment.element(7));
    assignCode(claimPayment.facilityCode, segment.element(8));
    assignCode(claimPayment.frequencyCode, segment.element(9));
}

void RemittanceBuilder::addAdjustment(const Segment &segment)
{
    QList<Adjustment> *adjustments = nullptr;
    qsizetype *count = nullptr;
    ClaimPayment *current = claim();
    if (m_loop == Loop::Line) {
        adjustments = &line()->adjustments;
        count = &m_lineAdjustmentCount;
    } else if (m_loop == Loop::Claim) {
        adjustments = &current->adjustments;
        count = &m_claimAdjustmentCount;
    }
    if (!adjustments) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"A CAS adjustment appears outside any claim or service line; it is not counted."_s);
        return;
    }
    const QByteArrayView group = segment.element(1);
    if (groupFromCode(group) == AdjustmentGroup::Unknown) {
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"CAS01 \"%1\" is not an adjustment group (CO, PR, OA, PI or CR)."_s.arg(
                   QString::fromLatin1(clipped(group, 8))));
    }
    // Up to six (reason, amount, quantity) triplets; those past the segment's last element
    // are absent, and only a missing first one is reported.
    const int elements = segment.elementCount();
    for (int first = 2; first <= 17 && (first == 2 || first < elements); first += 3) {
        const QByteArrayView reason = segment.element(first);
        if (reason.isEmpty()) {
            if (first == 2)
                defect(Severity::Error, defectcode::ElementMissing, segment, u"CAS02 (reason code) is missing."_s);
            if (segment.element(first + 1).isEmpty())
                continue;
        }
        Adjustment &adjustment = refill(*adjustments, *count);
        adjustment.group = groupFromCode(group);
        assignCode(adjustment.groupCode, group);
        assignCode(adjustment.reasonCode, reason);
        adjustment.amount = amount(segment, first + 1, Need::Required, current->amountQuality, u"adjustment amount");
        assignNumber(adjustment.quantity, segment, first + 2);
    }
}

void RemittanceBuilder::addDate(const Segment &segment)
{
    const QByteArrayView qualifier = segment.element(1);
    if (m_loop == Loop::Claim) {
        if (equals(qualifier, "232"))
            claim()->statementFrom = date(segment, 2, Need::Required, u"statement from");
        else if (equals(qualifier, "233"))
            claim()->statementTo = date(segment, 2, Need::Required, u"statement to");
    } else if (m_loop == Loop::Line) {
        if (equals(qualifier, "472"))
            line()->serviceDate = date(segment, 2, Need::Required, u"service date");
        else if (equals(qualifier, "150"))
            line()->serviceFrom = date(segment, 2, Need::Required, u"service from");
        else if (equals(qualifier, "151"))
            line()->serviceTo = date(segment, 2, Need::Required, u"service to");
    }
}

void RemittanceBuilder::addServiceLine(const Segment &segment)
{
    ClaimPayment *current = claim();
    if (!current || (m_loop != Loop::Claim && m_loop != Loop::Line)) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"A service line (SVC) appears outside any claim; it is not counted."_s);
        return;
    }
    m_loop = Loop::Line;
    ServiceLine &serviceLine = newLine(*current);
    m_line = &serviceLine;
    serviceLine.segmentNumber = segment.number();
    procedure(serviceLine.procedure, segment, 1, Need::Required);
    serviceLine.charge = amount(segment, 2, Need::Required, current->amountQuality, u"line charge");
    serviceLine.paid = amount(segment, 3, Need::Required, current->amountQuality, u"line payment");
    assignCode(serviceLine.revenueCode, segment.element(4));
    assignNumber(serviceLine.units, segment, 5);
    if (!segment.element(6).isEmpty())
        procedure(serviceLine.originalProcedure.emplace(), segment, 6, Need::Optional);
    assignNumber(serviceLine.originalUnits, segment, 7);
}

void RemittanceBuilder::addRemarks(const Segment &segment)
{
    ClaimPayment *current = claim();
    if (!current || m_loop == Loop::Line)
        return;
    // MOA03-07 and MIA05, MIA20-23 carry remark codes; the other elements are amounts.
    const bool outpatient = segment.tag() == segmentTag("MOA");
    const std::array<int, 5> outpatientCodes = {3, 4, 5, 6, 7};
    const std::array<int, 5> inpatientCodes = {5, 20, 21, 22, 23};
    for (int index : outpatient ? outpatientCodes : inpatientCodes) {
        if (!segment.element(index).isEmpty())
            assignCode(refill(current->remarkCodes, m_claimRemarkCount), segment.element(index));
    }
}

void RemittanceBuilder::addProviderAdjustment(const Segment &segment)
{
    m_loop = Loop::Summary;
    const QString providerId = text(segment.element(1));
    if (providerId.isEmpty())
        defect(Severity::Error, defectcode::ElementMissing, segment, u"PLB01 (provider id) is missing."_s);
    const QDate fiscalPeriodEnd = date(segment, 2, Need::Required, u"fiscal period date");
    for (int first = 3; first <= 13; first += 2) {
        const QByteArrayView reason = segment.element(first);
        if (reason.isEmpty() && segment.element(first + 1).isEmpty()) {
            if (first == 3)
                defect(Severity::Error, defectcode::ElementMissing, segment,
                       u"PLB03 (adjustment reason) is missing."_s);
            continue;
        }
        std::array<QByteArrayView, 2> parts;
        components(reason, m_delimiters.component, parts);
        ProviderAdjustment adjustment;
        adjustment.segmentNumber = segment.number();
        adjustment.providerId = providerId;
        adjustment.fiscalPeriodEnd = fiscalPeriodEnd;
        adjustment.reasonCode = code(parts[0]);
        adjustment.reference = text(parts[1]);
        adjustment.amount
            = amount(segment, first + 1, Need::Required, m_remittance->amountQuality, u"provider adjustment amount");
        m_remittance->providerAdjustments.append(adjustment);
    }
}

void RemittanceBuilder::finish(qint64 lastSegment)
{
    closeClaim();
    QList<ClaimPayment> &claims = m_remittance->claims;
    if (m_claimCount < claims.size()) {
        for (qsizetype index = m_claimCount; index < claims.size(); ++index)
            m_spareClaims.push_back(std::move(claims[index]));
        claims.resize(m_claimCount);
    }
    m_claim = nullptr;
    m_line = nullptr;
    m_remittance->lastSegment = lastSegment;
    auto missing = [&](const QString &id, const QString &message) {
        m_remittance->defects.append(
            {Severity::Error, defectcode::SegmentMissing, m_remittance->firstSegment, id, message});
    };
    const QString transaction = m_remittance->controlNumber;
    if (!m_sawPayment)
        missing(u"BPR"_s,
                u"Transaction %1 has no BPR segment: the payment amount and date are unknown."_s.arg(transaction));
    if (!m_sawTrace)
        missing(
            u"TRN"_s,
            u"Transaction %1 has no TRN segment: there is no trace number to match the deposit."_s.arg(transaction));
    if (!m_sawPayer)
        missing(u"N1"_s, u"Transaction %1 has no payer (N1*PR)."_s.arg(transaction));
    if (!m_sawPayee)
        missing(u"N1"_s, u"Transaction %1 has no payee (N1*PE)."_s.arg(transaction));
    if (m_remittance->claims.isEmpty() && m_remittance->providerAdjustments.isEmpty())
        missing(u"CLP"_s,
                u"Transaction %1 has no claim payment (CLP) and no provider adjustment (PLB): nothing to post."_s.arg(
                    transaction));
    m_remittance = nullptr;
}

} // namespace rcm::x12
