// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/claimbuilder.h"

#include "services/x12/x12values.h"

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

namespace {

// The same codes the 835 posting guards give a wrong group or a disagreeing ST03.
constexpr QLatin1StringView FunctionalIdentifier("envelope.functional-id");
constexpr QLatin1StringView ImplementationReference("envelope.implementation-reference");

template<std::size_t N>
int components(QByteArrayView composite, char separator, std::array<QByteArrayView, N> &parts)
{
    int count = 0;
    qsizetype start = 0;
    while (count < int(N)) {
        const qsizetype found = composite.indexOf(separator, start);
        parts[std::size_t(count++)] = composite.sliced(start, (found < 0 ? composite.size() : found) - start);
        if (found < 0)
            break;
        start = found + 1;
    }
    return count;
}

ClaimForm formOfVersion(QStringView version)
{
    if (version == u"005010X222A1" || version == u"005010X222A2")
        return ClaimForm::Professional;
    if (version == u"005010X223A2" || version == u"005010X223A3")
        return ClaimForm::Institutional;
    return ClaimForm::Unknown;
}

void clearParty(ClaimParty &party)
{
    ElementTextCache::clear(party.entityCode);
    ElementTextCache::clear(party.name);
    ElementTextCache::clear(party.idQualifier);
    ElementTextCache::clear(party.id);
    ElementTextCache::clear(party.taxId);
    ElementTextCache::clear(party.taxonomy);
}

/// target = source, without touching the reference counts when target already shares
/// source's text: a claim reused from the transaction before mostly does.
void share(QString &target, const QString &source)
{
    if (!target.isSharedWith(source))
        target = source;
}

void shareParty(ClaimParty &target, const ClaimParty &source)
{
    share(target.entityCode, source.entityCode);
    share(target.name, source.name);
    share(target.idQualifier, source.idQualifier);
    share(target.id, source.id);
    share(target.taxId, source.taxId);
    share(target.taxonomy, source.taxonomy);
}

} // namespace

void ClaimBuilder::begin(ClaimTransaction *target, const Segment &st, const Envelope &envelope,
                         const Delimiters &delimiters)
{
    m_transaction = target;
    // The claims of the transaction read before are reused in place; finish() drops the rest.
    QList<BilledClaim> claims = std::move(target->claims);
    *m_transaction = ClaimTransaction();
    m_transaction->claims = std::move(claims);
    m_transaction->envelope = envelope;
    m_transaction->controlNumber = QString::fromLatin1(st.element(2));
    m_transaction->implementationReference = QString::fromLatin1(st.element(3).trimmed());
    m_transaction->firstSegment = st.number();
    m_claim = nullptr;
    m_line = nullptr;
    m_party = nullptr;
    m_claimCount = 0;
    m_lineCount = 0;
    m_context = Context();
    m_delimiters = delimiters;
    m_loop = Loop::Header;
    m_sawHeader = false;
    decideForm(st);
}

void ClaimBuilder::decideForm(const Segment &st)
{
    const Envelope &envelope = m_transaction->envelope;
    const QString &reference = m_transaction->implementationReference;
    if (envelope.functionalId != u"HC") {
        defect(Severity::Error, FunctionalIdentifier, st,
               u"The functional group is \"%1\" (GS01), not HC (health care claim): this 837 is not in a claims "
               "group."_s.arg(envelope.functionalId));
    }
    if (!reference.isEmpty() && reference != envelope.version) {
        defect(Severity::Error, ImplementationReference, st,
               u"The transaction says it follows %1 (ST03), but its group says %2 (GS08)."_s.arg(reference,
                                                                                                 envelope.version));
    }
    const QString &version = reference.isEmpty() ? envelope.version : reference;
    m_transaction->form = formOfVersion(version);
    m_versionKnown = m_transaction->form != ClaimForm::Unknown;
    if (!m_versionKnown) {
        defect(Severity::Warning, defectcode::VersionUnknown, st,
               u"The transaction declares version \"%1\", not 005010X222A1/A2 (professional) or 005010X223A2/A3 "
               "(institutional); its form is taken from its service lines (SV1 or SV2)."_s.arg(version));
    }
}

// A reused claim or line has every member reset in newClaim or newLine; these catch a
// member added to the structs without a thought for the reset.
static_assert(sizeof(BilledClaim) == 1192, "reset the new member of a reused claim in newClaim()");
static_assert(sizeof(BilledLine) == 248, "reset the new member of a reused line in newLine()");

void ClaimBuilder::closeClaim()
{
    if (!m_claim || m_lineCount == m_claim->lines.size())
        return;
    QList<BilledLine> &lines = m_claim->lines;
    for (qsizetype index = m_lineCount; index < lines.size(); ++index)
        m_spareLines.push_back(std::move(lines[index]));
    lines.resize(m_lineCount);
}

BilledClaim &ClaimBuilder::newClaim()
{
    closeClaim();
    m_lineCount = 0;
    QList<BilledClaim> &claims = m_transaction->claims;
    const qsizetype index = m_claimCount++;
    if (index == claims.size()) {
        if (m_spareClaims.empty()) {
            claims.emplace_back();
        } else {
            claims.emplace_back(std::move(m_spareClaims.back()));
            m_spareClaims.pop_back();
        }
    }
    BilledClaim &claim = claims[index];
    // Assigned by addClaim: segmentNumber, patientControlNumber, charge, facility code,
    // qualifier and frequency. The context's members are shared copies.
    ElementTextCache::clear(claim.originalReference);
    ElementTextCache::clear(claim.priorAuthorization);
    ElementTextCache::clear(claim.medicalRecordNumber);
    claim.statementFrom = QDate();
    claim.statementTo = QDate();
    ElementTextCache::clear(claim.drg);
    shareParty(claim.billingProvider, m_context.billingProvider);
    clearParty(claim.renderingProvider);
    clearParty(claim.attendingProvider);
    clearParty(claim.facility);
    shareParty(claim.payer, m_context.payer);
    share(claim.payerResponsibility, m_context.payerResponsibility);
    share(claim.filingIndicator, m_context.filingIndicator);
    share(claim.subscriberId, m_context.subscriberId);
    share(claim.subscriberLastName, m_context.subscriberLastName);
    share(claim.subscriberFirstName, m_context.subscriberFirstName);
    share(claim.patientLastName, m_context.patientLastName);
    share(claim.patientFirstName, m_context.patientFirstName);
    share(claim.relationship, m_context.relationship);
    claim.otherPayers.clear();
    claim.amountQuality = AmountQuality::Complete;
    return claim;
}

BilledLine &ClaimBuilder::newLine(BilledClaim &claim)
{
    const qsizetype index = m_lineCount++;
    if (index == claim.lines.size()) {
        if (m_spareLines.empty()) {
            claim.lines.emplace_back();
        } else {
            claim.lines.emplace_back(std::move(m_spareLines.back()));
            m_spareLines.pop_back();
        }
    }
    BilledLine &line = claim.lines[index];
    // Assigned by addServiceLine: segmentNumber, lineNumber, procedure's qualifier and code,
    // revenueCode, charge, units, unitBasis.
    line.procedure.modifiers.clear();
    ElementTextCache::clear(line.procedure.description);
    line.serviceFrom = QDate();
    line.serviceTo = QDate();
    ElementTextCache::clear(line.lineControlNumber);
    ElementTextCache::clear(line.renderingProviderNpi);
    return line;
}

QString ClaimBuilder::elementName(const Segment &segment, int index)
{
    return segment.idText() + (index < 10 ? u"0"_s : QString()) + QString::number(index);
}

void ClaimBuilder::defect(Severity severity, QLatin1StringView code, const Segment &segment, const QString &message)
{
    constexpr qsizetype maxDefects = 1000; // a garbage file must not fill memory with complaints
    if (m_transaction->defects.size() >= maxDefects)
        return;
    m_transaction->defects.append({severity, code, segment.number(), segment.idText(), message});
}

Money ClaimBuilder::amount(const Segment &segment, int index, Need need, AmountQuality &quality, const char16_t *what)
{
    const QByteArrayView value = segment.element(index);
    if (value.isEmpty()) {
        if (need == Need::Required) {
            quality = AmountQuality::HasInvalidAmounts;
            defect(Severity::Error, defectcode::ElementMissing, segment,
                   u"%1 (%2) is missing."_s.arg(elementName(segment, index), QString::fromUtf16(what)));
        }
        return {};
    }
    const std::optional<Money> parsed = parseAmount(value);
    if (parsed && parsed->isWithinCap())
        return *parsed;
    quality = AmountQuality::HasInvalidAmounts;
    defect(Severity::Error, defectcode::AmountInvalid, segment,
           u"%1 (%2) \"%3\" is not an amount: expected digits with at most two decimals, like 391.05."_s.arg(
               elementName(segment, index), QString::fromUtf16(what), QString::fromLatin1(clipped(value, 32))));
    return {};
}

std::optional<QDate> ClaimBuilder::cachedDate(QByteArrayView value)
{
    if (value.size() != 8)
        return std::nullopt;
    quint64 key;
    std::memcpy(&key, value.data(), 8);
    CachedDate &slot = m_dates[std::size_t((key * 0x9E3779B97F4A7C15ULL) >> (64 - dateCacheBits))];
    if (slot.key == key)
        return slot.date;
    const std::optional<QDate> parsed = parseDate(value);
    if (parsed) {
        slot.key = key;
        slot.date = *parsed;
    }
    return parsed;
}

bool ClaimBuilder::dateRange(const Segment &segment, QDate &from, QDate &to, const char16_t *what)
{
    const QByteArrayView format = segment.element(2);
    const QByteArrayView value = segment.element(3);
    from = QDate();
    to = QDate();
    if (value.isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"DTP03 (%1) is missing."_s.arg(QString::fromUtf16(what)));
        return false;
    }
    if (equals(format, "D8")) {
        if (const std::optional<QDate> parsed = cachedDate(value)) {
            from = *parsed;
            return true;
        }
    } else if (equals(format, "RD8") && value.size() == 17 && value[8] == '-') {
        const std::optional<QDate> first = cachedDate(value.first(8));
        const std::optional<QDate> last = cachedDate(value.sliced(9));
        if (first && last && *first <= *last) {
            from = *first;
            to = *last;
            return true;
        }
    }
    defect(Severity::Error, defectcode::DateInvalid, segment,
           u"DTP03 (%1) \"%2\" is not a date in the form DTP02 \"%3\" declares (D8: CCYYMMDD, RD8: "
           "CCYYMMDD-CCYYMMDD)."_s.arg(QString::fromUtf16(what), QString::fromLatin1(clipped(value, 24)),
                                       QString::fromLatin1(clipped(format, 8))));
    return false;
}

void ClaimBuilder::procedure(ProcedureCode &result, const Segment &segment, int index, Need need)
{
    const QByteArrayView composite = segment.element(index);
    if (composite.isEmpty()) {
        ElementTextCache::clear(result.qualifier);
        ElementTextCache::clear(result.code);
        if (need == Need::Required)
            defect(Severity::Error, defectcode::ElementMissing, segment,
                   u"%1 (procedure) is missing."_s.arg(elementName(segment, index)));
        return;
    }
    std::array<QByteArrayView, 8> parts;
    const int count = components(composite, m_delimiters.component, parts);
    m_texts.assignCode(result.qualifier, parts[0]);
    m_texts.assignCode(result.code, count > 1 ? parts[1] : QByteArrayView());
    for (int part = 2; part < std::min(count, 6); ++part) {
        if (!parts[std::size_t(part)].isEmpty())
            result.modifiers.append(m_texts.code(parts[std::size_t(part)]));
    }
    if (count > 6)
        result.description = QString::fromUtf8(parts[6]);
    if (result.code.isEmpty()) {
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"%1 has no procedure code after the qualifier \"%2\" (components are separated by '%3', as ISA16 "
               "declares)."_s.arg(elementName(segment, index), QString::fromLatin1(clipped(composite, 24)),
                                  QChar::fromLatin1(m_delimiters.component)));
    }
}

void ClaimBuilder::add(const Segment &segment)
{
    switch (segment.tag()) {
    case segmentTag("LX"):
        if (!m_claim) {
            defect(Severity::Error, defectcode::SegmentUnexpected, segment,
                   u"A service line (LX) appears outside any claim; it is not counted."_s);
            return;
        }
        m_loop = Loop::Line;
        m_line = nullptr;
        m_party = nullptr;
        m_lineNumber = segment.element(1).toInt();
        return;
    case segmentTag("SV1"):
        return addServiceLine(segment, ClaimForm::Professional);
    case segmentTag("SV2"):
        return addServiceLine(segment, ClaimForm::Institutional);
    case segmentTag("DTP"):
        return addDate(segment);
    case segmentTag("REF"):
        return addReference(segment);
    case segmentTag("NM1"):
        return addParty(segment);
    case segmentTag("PRV"):
        if (m_party)
            m_texts.assignRecurring(m_party->taxonomy, segment.element(3));
        else if (m_loop == Loop::BillingProvider)
            m_texts.assignRecurring(m_context.billingProvider.taxonomy, segment.element(3));
        return;
    case segmentTag("CLM"):
        return addClaim(segment);
    case segmentTag("HI"):
        return addDiagnosisGroup(segment);
    case segmentTag("HL"):
        return addHierarchy(segment);
    case segmentTag("SBR"):
        return addSubscriber(segment);
    case segmentTag("PAT"):
        if (m_loop == Loop::Patient)
            m_texts.assignCode(m_context.relationship, segment.element(1));
        return;
    case segmentTag("AMT"):
        return addOtherPayerAmount(segment);
    case segmentTag("BHT"):
        m_sawHeader = true;
        m_transaction->purpose = m_texts.code(segment.element(2));
        m_transaction->batchReference = QString::fromUtf8(segment.element(3));
        m_transaction->created = cachedDate(segment.element(4)).value_or(QDate());
        if (m_transaction->created.isNull() && !segment.element(4).isEmpty())
            defect(Severity::Warning, defectcode::DateInvalid, segment,
                   u"BHT04 (creation date) \"%1\" is not a date in the form CCYYMMDD."_s.arg(
                       QString::fromLatin1(clipped(segment.element(4), 16))));
        m_transaction->transactionType = m_texts.code(segment.element(6));
        return;
    default:
        return;
    }
}

void ClaimBuilder::addHierarchy(const Segment &segment)
{
    const QByteArrayView level = segment.element(3);
    m_party = nullptr;
    m_line = nullptr;
    if (m_claim) {
        closeClaim();
        m_claim = nullptr;
    }
    // Each level forgets what the loops at and below it said (the strings are shared with
    // the claims read, so they are let go rather than emptied in place).
    const auto forgetPatient = [this] {
        m_context.patientLastName = QString();
        m_context.patientFirstName = QString();
        m_context.relationship = QString();
    };
    const auto forgetSubscriber = [&] {
        m_context.payer = ClaimParty();
        m_context.payerResponsibility = QString();
        m_context.filingIndicator = QString();
        m_context.subscriberId = QString();
        m_context.subscriberLastName = QString();
        m_context.subscriberFirstName = QString();
        forgetPatient();
    };
    if (equals(level, "20")) {
        m_loop = Loop::BillingProvider;
        m_context.billingProvider = ClaimParty();
        forgetSubscriber();
    } else if (equals(level, "22")) {
        m_loop = Loop::Subscriber;
        forgetSubscriber();
    } else if (equals(level, "23")) {
        m_loop = Loop::Patient;
        // A dependent: the patient is named in 2010CA, and PAT01 says how they relate.
        forgetPatient();
    } else {
        m_loop = Loop::Unrecognized;
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"HL03 \"%1\" is not a level an 837 has (20 billing provider, 22 subscriber, 23 patient)."_s.arg(
                   QString::fromLatin1(clipped(level, 8))));
    }
}

void ClaimBuilder::addParty(const Segment &segment)
{
    const QByteArrayView entity = segment.element(1);
    ClaimParty *party = nullptr;
    m_party = nullptr;
    switch (m_loop) {
    case Loop::Header:
    case Loop::Submitter:
    case Loop::Receiver:
        if (equals(entity, "41")) {
            m_loop = Loop::Submitter;
            party = &m_transaction->submitter;
        } else if (equals(entity, "40")) {
            m_loop = Loop::Receiver;
            party = &m_transaction->receiver;
        }
        break;
    case Loop::BillingProvider:
        if (equals(entity, "85"))
            party = &m_context.billingProvider;
        break;
    case Loop::Subscriber:
        if (equals(entity, "IL")) {
            m_texts.assignRecurring(m_context.subscriberLastName, segment.element(3));
            m_texts.assignRecurring(m_context.subscriberFirstName, segment.element(4));
            ElementTextCache::assignText(m_context.subscriberId, segment.element(9));
            m_context.patientLastName = m_context.subscriberLastName;
            m_context.patientFirstName = m_context.subscriberFirstName;
            if (m_context.subscriberId.isEmpty())
                defect(Severity::Error, defectcode::ElementMissing, segment,
                       u"NM109 (the subscriber's member id) is missing."_s);
        } else if (equals(entity, "PR")) {
            party = &m_context.payer;
        }
        break;
    case Loop::Patient:
        if (equals(entity, "QC")) {
            m_texts.assignRecurring(m_context.patientLastName, segment.element(3));
            m_texts.assignRecurring(m_context.patientFirstName, segment.element(4));
        }
        break;
    case Loop::Claim:
    case Loop::ClaimProvider:
        // Any 2310 provider ends the claim's own segments: REFs after it are the provider's.
        m_loop = Loop::ClaimProvider;
        if (equals(entity, "82") && m_transaction->form != ClaimForm::Institutional)
            party = &m_claim->renderingProvider;
        else if (equals(entity, "71"))
            party = &m_claim->attendingProvider;
        else if (equals(entity, "77"))
            party = &m_claim->facility;
        break;
    case Loop::OtherSubscriber:
    case Loop::OtherPayer:
        // 2330A (NM1*IL) is the other subscriber; only 2330B (NM1*PR) names the other payer.
        if (equals(entity, "PR") && !m_claim->otherPayers.isEmpty()) {
            m_loop = Loop::OtherPayer;
            OtherPayer &other = m_claim->otherPayers.last();
            m_texts.assignRecurring(other.payerName, segment.element(3));
            m_texts.assignRecurring(other.payerId, segment.element(9));
        }
        return;
    case Loop::Line:
    case Loop::LineProvider:
        m_loop = Loop::LineProvider;
        if (equals(entity, "82") && m_line) {
            if (equals(segment.element(8), "XX"))
                ElementTextCache::assignText(m_line->renderingProviderNpi, segment.element(9));
        }
        return;
    case Loop::Unrecognized:
        return;
    }
    if (!party)
        return;
    m_party = party;
    m_texts.assignCode(party->entityCode, entity);
    QString &name = party->name;
    const QByteArrayView last = segment.element(3);
    const QByteArrayView first = segment.element(4);
    if (first.isEmpty() || equals(segment.element(2), "2")) {
        m_texts.assignRecurring(name, last);
    } else {
        name = QString::fromUtf8(last) + u", "_s + QString::fromUtf8(first);
    }
    m_texts.assignCode(party->idQualifier, segment.element(8));
    m_texts.assignRecurring(party->id, segment.element(9));
    if (name.isEmpty() && m_loop != Loop::ClaimProvider)
        defect(Severity::Error, defectcode::ElementMissing, segment, u"NM103 (name) is missing."_s);
}

void ClaimBuilder::addReference(const Segment &segment)
{
    const QByteArrayView qualifier = segment.element(1);
    switch (m_loop) {
    case Loop::BillingProvider:
        // Only 2010AA's: the pay-to plan (2010AC) has a tax id of its own.
        if (equals(qualifier, "EI") && m_party == &m_context.billingProvider)
            m_texts.assignRecurring(m_context.billingProvider.taxId, segment.element(2));
        break;
    case Loop::Claim:
        if (equals(qualifier, "F8"))
            ElementTextCache::assignText(m_claim->originalReference, segment.element(2));
        else if (equals(qualifier, "G1"))
            ElementTextCache::assignText(m_claim->priorAuthorization, segment.element(2));
        else if (equals(qualifier, "EA"))
            ElementTextCache::assignText(m_claim->medicalRecordNumber, segment.element(2));
        break;
    case Loop::Line:
        if (equals(qualifier, "6R") && m_line)
            ElementTextCache::assignText(m_line->lineControlNumber, segment.element(2));
        break;
    default:
        break;
    }
}

void ClaimBuilder::addSubscriber(const Segment &segment)
{
    m_party = nullptr;
    if (m_loop == Loop::Subscriber) {
        m_texts.assignCode(m_context.payerResponsibility, segment.element(1));
        if (equals(segment.element(2), "18"))
            m_texts.assignCode(m_context.relationship, segment.element(2));
        m_texts.assignCode(m_context.filingIndicator, segment.element(9));
        if (segment.element(1).isEmpty())
            defect(Severity::Error, defectcode::ElementMissing, segment, u"SBR01 (payer responsibility) is missing."_s);
        return;
    }
    if (m_claim && m_loop != Loop::Line && m_loop != Loop::LineProvider) {
        m_loop = Loop::OtherSubscriber;
        OtherPayer &other = m_claim->otherPayers.emplace_back();
        other.responsibility = m_texts.code(segment.element(1));
        return;
    }
    defect(Severity::Error, defectcode::SegmentUnexpected, segment,
           u"An SBR appears outside a subscriber (HL 22) or claim loop; it is not read."_s);
}

void ClaimBuilder::addClaim(const Segment &segment)
{
    if (m_loop == Loop::Header || m_loop == Loop::Submitter || m_loop == Loop::Receiver
        || m_loop == Loop::BillingProvider) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"A claim (CLM) appears before any subscriber (HL 22): it has no payer or member."_s);
    }
    m_loop = Loop::Claim;
    m_party = nullptr;
    m_line = nullptr;
    BilledClaim &claim = newClaim();
    m_claim = &claim;
    claim.segmentNumber = segment.number();
    ElementTextCache::assignText(claim.patientControlNumber, segment.element(1));
    if (claim.patientControlNumber.isEmpty())
        defect(Severity::Error, defectcode::ElementMissing, segment, u"CLM01 (patient control number) is missing."_s);
    claim.charge = amount(segment, 2, Need::Required, claim.amountQuality, u"claim charge");
    std::array<QByteArrayView, 3> parts;
    const int count = components(segment.element(5), m_delimiters.component, parts);
    m_texts.assignCode(claim.facilityCode, parts[0]);
    m_texts.assignCode(claim.facilityQualifier, count > 1 ? parts[1] : QByteArrayView());
    m_texts.assignCode(claim.frequencyCode, count > 2 ? parts[2] : QByteArrayView());
    if (claim.facilityCode.isEmpty() || claim.frequencyCode.isEmpty()) {
        const QChar separator = QChar::fromLatin1(m_delimiters.component);
        defect(Severity::Error, defectcode::ElementMissing, segment,
               u"CLM05 \"%1\" does not hold a facility code, its qualifier and a frequency code separated by '%2' "
               "as ISA16 declares (like %3)."_s.arg(QString::fromLatin1(clipped(segment.element(5), 24)), separator,
                                                    u"11"_s + separator + u"B"_s + separator + u"1"_s));
    }
}

void ClaimBuilder::addDate(const Segment &segment)
{
    const QByteArrayView qualifier = segment.element(1);
    if ((m_loop == Loop::Line || m_loop == Loop::LineProvider) && m_line && equals(qualifier, "472")) {
        QDate to;
        dateRange(segment, m_line->serviceFrom, to, u"service date");
        if (to != m_line->serviceFrom)
            m_line->serviceTo = to;
    } else if (m_loop == Loop::Claim && equals(qualifier, "434")) {
        QDate to;
        if (dateRange(segment, m_claim->statementFrom, to, u"statement period"))
            m_claim->statementTo = to.isValid() ? to : m_claim->statementFrom;
    }
}

void ClaimBuilder::addServiceLine(const Segment &segment, ClaimForm lineForm)
{
    BilledClaim *current = m_claim;
    if (!current || m_loop != Loop::Line || m_line) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               u"A service line (%1) appears outside a claim's LX loop; it is not counted."_s.arg(segment.idText()));
        return;
    }
    ClaimForm &form = m_transaction->form;
    if (form == ClaimForm::Unknown) {
        form = lineForm;
    } else if (form != lineForm) {
        defect(Severity::Error, defectcode::SegmentUnexpected, segment,
               lineForm == ClaimForm::Professional
                   ? u"A professional service line (SV1) in an institutional 837 (005010X223)."_s
                   : u"An institutional service line (SV2) in a professional 837 (005010X222)."_s);
    }
    BilledLine &line = newLine(*current);
    m_line = &line;
    line.segmentNumber = segment.number();
    line.lineNumber = 0; // LX01 is read when the line is made below
    if (lineForm == ClaimForm::Professional) {
        ElementTextCache::clear(line.revenueCode);
        procedure(line.procedure, segment, 1, Need::Required);
        line.charge = amount(segment, 2, Need::Required, current->amountQuality, u"line charge");
        m_texts.assignCode(line.unitBasis, segment.element(3));
    } else {
        m_texts.assignCode(line.revenueCode, segment.element(1));
        if (line.revenueCode.isEmpty())
            defect(Severity::Error, defectcode::ElementMissing, segment, u"SV201 (revenue code) is missing."_s);
        procedure(line.procedure, segment, 2, Need::Optional);
        line.charge = amount(segment, 3, Need::Required, current->amountQuality, u"line charge");
        m_texts.assignCode(line.unitBasis, segment.element(4));
    }
    const int unitsIndex = lineForm == ClaimForm::Professional ? 4 : 5;
    const QByteArrayView units = segment.element(unitsIndex);
    line.units.reset();
    if (!units.isEmpty()) {
        line.units = parseDecimal(units);
        if (!line.units)
            defect(Severity::Error, defectcode::NumberInvalid, segment,
                   u"%1 (units) \"%2\" is not a number."_s.arg(elementName(segment, unitsIndex),
                                                               QString::fromLatin1(clipped(units, 16))));
    }
    line.lineNumber = m_lineNumber;
}

void ClaimBuilder::addDiagnosisGroup(const Segment &segment)
{
    // Diagnoses are not kept; only the DRG (qualifier DR), which contracts pay by.
    if (m_loop != Loop::Claim)
        return;
    for (int index = 1; index < segment.elementCount(); ++index) {
        const QByteArrayView element = segment.element(index);
        if (element.size() > 3 && element[0] == 'D' && element[1] == 'R' && element[2] == m_delimiters.component) {
            std::array<QByteArrayView, 3> parts;
            components(element, m_delimiters.component, parts);
            m_texts.assignCode(m_claim->drg, parts[1]);
        }
    }
}

void ClaimBuilder::addOtherPayerAmount(const Segment &segment)
{
    if ((m_loop != Loop::OtherSubscriber && m_loop != Loop::OtherPayer) || !equals(segment.element(1), "D"))
        return;
    m_claim->otherPayers.last().paid
        = amount(segment, 2, Need::Required, m_claim->amountQuality, u"other payer's paid amount");
}

void ClaimBuilder::checkClaim(const BilledClaim &claim)
{
    const auto at = [&](const QString &id, const QString &message) {
        m_transaction->defects.append({Severity::Error, defectcode::SegmentMissing, claim.segmentNumber, id, message});
    };
    if (claim.lines.isEmpty()) {
        at(u"LX"_s, u"Claim %1 has no service line (LX with SV1 or SV2)."_s.arg(claim.patientControlNumber));
        return;
    }
    if (claim.amountQuality != AmountQuality::Complete)
        return;
    Money lines;
    for (const BilledLine &line : claim.lines)
        lines += line.charge;
    if (lines != claim.charge) {
        m_transaction->defects.append({Severity::Error, defectcode::ClaimChargeNotLines, claim.segmentNumber, u"CLM"_s,
                                       u"Claim %1 bills %2 (CLM02), but its lines add up to %3."_s.arg(
                                           claim.patientControlNumber, claim.charge.toString(), lines.toString())});
    }
}

void ClaimBuilder::finish(qint64 lastSegment)
{
    closeClaim();
    QList<BilledClaim> &claims = m_transaction->claims;
    if (m_claimCount < claims.size()) {
        for (qsizetype index = m_claimCount; index < claims.size(); ++index)
            m_spareClaims.push_back(std::move(claims[index]));
        claims.resize(m_claimCount);
    }
    m_claim = nullptr;
    m_line = nullptr;
    m_party = nullptr;
    m_transaction->lastSegment = lastSegment;
    for (const BilledClaim &claim : std::as_const(claims))
        checkClaim(claim);
    const QString transaction = m_transaction->controlNumber;
    if (!m_sawHeader)
        m_transaction->defects.append({Severity::Error, defectcode::SegmentMissing, m_transaction->firstSegment,
                                       u"BHT"_s, u"Transaction %1 has no BHT segment."_s.arg(transaction)});
    if (claims.isEmpty())
        m_transaction->defects.append({Severity::Error, defectcode::SegmentMissing, m_transaction->firstSegment,
                                       u"CLM"_s, u"Transaction %1 has no claim (CLM)."_s.arg(transaction)});
    m_transaction = nullptr;
}

} // namespace rcm::x12
