// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/claimwriter.h"

#include "services/x12/remittancewriter.h"

#include <QBuffer>
#include <QIODevice>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

namespace {

constexpr qsizetype flushThreshold = 1 << 20;

QByteArray padded(const QString &value, qsizetype width)
{
    return value.toLatin1().left(width).leftJustified(width, ' ');
}

QByteArray latin(const QString &value)
{
    return value.toLatin1();
}

QByteArray versionOf(const ClaimTransaction &transaction)
{
    if (!transaction.implementationReference.isEmpty())
        return transaction.implementationReference.toLatin1();
    return transaction.form == ClaimForm::Institutional ? "005010X223A2" : "005010X222A1";
}

QByteArray numberText(double value)
{
    return QByteArray::number(value, 'g', 15);
}

/// A D8 date, or an RD8 range when it spans more than a day.
std::pair<QByteArray, QByteArray> period(const QDate &from, const QDate &to)
{
    if (to.isValid() && to != from)
        return {"RD8", dateText(from) + '-' + dateText(to)};
    return {"D8", dateText(from)};
}

bool sameSubscriber(const BilledClaim &a, const BilledClaim &b)
{
    return a.subscriberId == b.subscriberId && a.subscriberLastName == b.subscriberLastName
        && a.subscriberFirstName == b.subscriberFirstName && a.payer == b.payer
        && a.payerResponsibility == b.payerResponsibility && a.filingIndicator == b.filingIndicator;
}

bool patientIsSubscriber(const BilledClaim &claim)
{
    return claim.relationship.isEmpty() || claim.relationship == u"18";
}

} // namespace

ClaimWriter::ClaimWriter(QIODevice *device, Options options)
    : m_device(device)
    , m_options(std::move(options))
{
    m_buffer.reserve(flushThreshold + 4096);
}

ClaimWriter::~ClaimWriter()
{
    flush();
}

bool ClaimWriter::flush()
{
    if (!m_buffer.isEmpty() && !m_failed) {
        m_failed = m_device->write(m_buffer) != m_buffer.size();
        m_bytesWritten += m_buffer.size();
    }
    m_buffer.clear();
    return !m_failed;
}

void ClaimWriter::segment(std::initializer_list<QByteArrayView> elements)
{
    // Trailing empty elements are not written, as the standard asks.
    auto last = elements.end();
    while (last != elements.begin() && (last - 1)->isEmpty())
        --last;
    bool first = true;
    for (auto element = elements.begin(); element != last; ++element) {
        if (!first)
            m_buffer.append(m_options.delimiters.element);
        m_buffer.append(*element);
        first = false;
    }
    m_buffer.append(m_options.delimiters.segment);
    if (m_options.lineBreak == LineBreak::CarriageReturnNewline)
        m_buffer.append("\r\n");
    else if (m_options.lineBreak == LineBreak::Newline)
        m_buffer.append('\n');
    ++m_segmentsInTransaction;
}

QByteArray ClaimWriter::composite(const ProcedureCode &code) const
{
    QByteArray text = code.qualifier.isEmpty() ? QByteArray("HC") : code.qualifier.toLatin1();
    text += m_options.delimiters.component + code.code.toLatin1();
    for (const QString &modifier : code.modifiers)
        text += m_options.delimiters.component + modifier.toLatin1();
    return text;
}

bool ClaimWriter::writeInterchange(const QList<ClaimTransaction> &transactions)
{
    const QByteArray control = QByteArray::number(m_options.interchangeControlNumber++).rightJustified(9, '0');
    const char repetition = m_options.delimiters.repetition ? m_options.delimiters.repetition : '^';
    segment({"ISA", "00", "          ", "00", "          ", "ZZ", padded(m_options.senderId, 15), "ZZ",
             padded(m_options.receiverId, 15), m_options.date.toString(u"yyMMdd"_s).toLatin1(), "1200",
             QByteArrayView(&repetition, 1), "00501", control, "0", m_options.usageIndicator.toLatin1(),
             QByteArrayView(&m_options.delimiters.component, 1)});
    qint64 groups = 0;
    for (qsizetype first = 0; first < transactions.size();) {
        // One group per run of transactions of one version.
        const QByteArray version = versionOf(transactions.at(first));
        const QByteArray group = QByteArray::number(m_options.groupControlNumber++);
        ++groups;
        segment({"GS", "HC", latin(m_options.senderId), latin(m_options.receiverId), dateText(m_options.date), "1200",
                 group, "X", version});
        qint64 count = 0;
        for (; first < transactions.size() && versionOf(transactions.at(first)) == version; ++first, ++count) {
            writeTransaction(transactions.at(first), version);
            if (m_buffer.size() > flushThreshold && !flush())
                return false;
        }
        segment({"GE", QByteArray::number(count), group});
    }
    segment({"IEA", QByteArray::number(groups), control});
    return flush();
}

void ClaimWriter::writeParty(const char *entity, const ClaimParty &party, const char *defaultQualifier)
{
    // A person's name was read as "LAST, FIRST"; an organisation's as it is.
    const qsizetype comma = party.name.indexOf(u", "_s);
    const bool person = comma > 0;
    const QByteArray last = latin(person ? party.name.first(comma) : party.name);
    const QByteArray first = person ? latin(party.name.sliced(comma + 2)) : QByteArray();
    const QByteArray qualifier = party.id.isEmpty() ? QByteArray()
        : party.idQualifier.isEmpty()               ? QByteArray(defaultQualifier)
                                                    : latin(party.idQualifier);
    segment({"NM1", entity, person ? "1" : "2", last, first, "", "", "", qualifier, latin(party.id)});
}

void ClaimWriter::writeTransaction(const ClaimTransaction &transaction, const QByteArray &version)
{
    m_segmentsInTransaction = 0;
    m_hierarchyNumber = 0;
    const QByteArray control = transaction.controlNumber.isEmpty()
        ? QByteArray::number(m_options.transactionControlNumber++).rightJustified(4, '0')
        : latin(transaction.controlNumber);
    segment({"ST", "837", control, version});
    const QDate created = transaction.created.isValid() ? transaction.created : m_options.date;
    segment({"BHT", "0019", transaction.purpose.isEmpty() ? QByteArray("00") : latin(transaction.purpose),
             transaction.batchReference.isEmpty() ? control : latin(transaction.batchReference), dateText(created),
             "1200", transaction.transactionType.isEmpty() ? QByteArray("CH") : latin(transaction.transactionType)});
    writeParty("41", transaction.submitter, "46");
    segment({"PER", "IC", "BILLING OFFICE", "TE", "5555550100"});
    writeParty("40", transaction.receiver, "46");
    const BilledClaim *previous = nullptr;
    qint64 billingLevel = 0;
    qint64 subscriberLevel = 0;
    for (const BilledClaim &claim : transaction.claims) {
        const bool newProvider = !previous || !(previous->billingProvider == claim.billingProvider);
        if (newProvider) {
            billingLevel = ++m_hierarchyNumber;
            segment({"HL", QByteArray::number(billingLevel), "", "20", "1"});
            if (!claim.billingProvider.taxonomy.isEmpty())
                segment({"PRV", "BI", "PXC", latin(claim.billingProvider.taxonomy)});
            writeParty("85", claim.billingProvider, "XX");
            segment({"N3", "1 SYNTHETIC WAY"});
            segment({"N4", "ANYTOWN", "PA", "17111"});
            if (!claim.billingProvider.taxId.isEmpty())
                segment({"REF", "EI", latin(claim.billingProvider.taxId)});
        }
        const bool dependent = !patientIsSubscriber(claim);
        if (newProvider || dependent || !patientIsSubscriber(*previous) || !sameSubscriber(*previous, claim)) {
            subscriberLevel = ++m_hierarchyNumber;
            segment({"HL", QByteArray::number(subscriberLevel), QByteArray::number(billingLevel), "22",
                     dependent ? "1" : "0"});
            segment({"SBR", latin(claim.payerResponsibility), claim.relationship == u"18" ? "18" : "", "", "", "", "",
                     "", "", latin(claim.filingIndicator)});
            segment({"NM1", "IL", "1", latin(claim.subscriberLastName), latin(claim.subscriberFirstName), "", "", "",
                     "MI", latin(claim.subscriberId)});
            writeParty("PR", claim.payer, "PI");
            if (dependent) {
                segment(
                    {"HL", QByteArray::number(++m_hierarchyNumber), QByteArray::number(subscriberLevel), "23", "0"});
                segment({"PAT", latin(claim.relationship)});
                segment({"NM1", "QC", "1", latin(claim.patientLastName), latin(claim.patientFirstName)});
            }
        }
        writeClaim(claim, transaction.form);
        previous = &claim;
    }
    segment({"SE", QByteArray::number(m_segmentsInTransaction + 1), control});
}

void ClaimWriter::writeClaim(const BilledClaim &claim, ClaimForm form)
{
    const char component = m_options.delimiters.component;
    const QByteArray facility = latin(claim.facilityCode) + component + latin(claim.facilityQualifier) + component
        + latin(claim.frequencyCode);
    segment({"CLM", latin(claim.patientControlNumber), amountText(claim.charge), "", "", facility, "Y", "A", "Y", "Y"});
    if (form == ClaimForm::Institutional && claim.statementFrom.isValid()) {
        const QDate to = claim.statementTo.isValid() ? claim.statementTo : claim.statementFrom;
        segment({"DTP", "434", "RD8", QByteArray(dateText(claim.statementFrom) + '-' + dateText(to))});
    }
    if (!claim.priorAuthorization.isEmpty())
        segment({"REF", "G1", latin(claim.priorAuthorization)});
    if (!claim.originalReference.isEmpty())
        segment({"REF", "F8", latin(claim.originalReference)});
    if (!claim.medicalRecordNumber.isEmpty())
        segment({"REF", "EA", latin(claim.medicalRecordNumber)});
    // Claims here keep no diagnoses; a valid 837 needs a principal one (Z00.00, a general exam).
    segment({"HI", QByteArray("ABK" + QByteArray(1, component) + "Z0000")});
    if (!claim.drg.isEmpty())
        segment({"HI", QByteArray("DR" + QByteArray(1, component) + latin(claim.drg))});
    if (form == ClaimForm::Institutional) {
        if (!claim.attendingProvider.name.isEmpty() || !claim.attendingProvider.id.isEmpty()) {
            writeParty("71", claim.attendingProvider, "XX");
            if (!claim.attendingProvider.taxonomy.isEmpty())
                segment({"PRV", "AT", "PXC", latin(claim.attendingProvider.taxonomy)});
        }
    } else if (!claim.renderingProvider.name.isEmpty() || !claim.renderingProvider.id.isEmpty()) {
        writeParty("82", claim.renderingProvider, "XX");
        if (!claim.renderingProvider.taxonomy.isEmpty())
            segment({"PRV", "PE", "PXC", latin(claim.renderingProvider.taxonomy)});
    }
    if (!claim.facility.name.isEmpty() || !claim.facility.id.isEmpty())
        writeParty("77", claim.facility, "XX");
    writeOtherPayers(claim);
    for (const BilledLine &line : claim.lines)
        writeLine(line, form);
}

void ClaimWriter::writeOtherPayers(const BilledClaim &claim)
{
    for (const OtherPayer &other : claim.otherPayers) {
        segment({"SBR", latin(other.responsibility), "18", "", "", "", "", "", "", "CI"});
        if (other.paid)
            segment({"AMT", "D", amountText(*other.paid)});
        segment({"OI", "", "", "Y", "", "", "Y"});
        segment({"NM1", "IL", "1", latin(claim.subscriberLastName), latin(claim.subscriberFirstName), "", "", "", "MI",
                 latin(claim.subscriberId)});
        segment({"NM1", "PR", "2", latin(other.payerName), "", "", "", "", "PI", latin(other.payerId)});
    }
}

void ClaimWriter::writeLine(const BilledLine &line, ClaimForm form)
{
    segment({"LX", QByteArray::number(line.lineNumber)});
    const QByteArray basis = line.unitBasis.isEmpty() ? QByteArray("UN") : latin(line.unitBasis);
    const QByteArray units = line.units ? numberText(*line.units) : QByteArray();
    if (form == ClaimForm::Institutional) {
        segment({"SV2", latin(line.revenueCode),
                 line.procedure.code.isEmpty() ? QByteArray() : composite(line.procedure), amountText(line.charge),
                 basis, units});
    } else {
        segment({"SV1", composite(line.procedure), amountText(line.charge), basis, units, "", "", "1"});
    }
    if (line.serviceFrom.isValid()) {
        const auto [format, value] = period(line.serviceFrom, line.serviceTo);
        segment({"DTP", "472", format, value});
    }
    if (!line.lineControlNumber.isEmpty())
        segment({"REF", "6R", latin(line.lineControlNumber)});
    if (!line.renderingProviderNpi.isEmpty())
        segment({"NM1", "82", "1", "RENDERING", "PROVIDER", "", "", "", "XX", latin(line.renderingProviderNpi)});
}

BilledClaim billedClaimOf(const models::Claim &claim, const ClaimParties &parties)
{
    const bool institutional = claim.form == models::ClaimForm::Institutional;
    BilledClaim billed;
    billed.patientControlNumber = claim.claimNumber;
    billed.charge = claim.charge();
    billed.facilityCode = !claim.facilityCode.isEmpty() ? claim.facilityCode : institutional ? u"13"_s : u"11"_s;
    billed.facilityQualifier = institutional ? u"A"_s : u"B"_s;
    billed.frequencyCode = claim.frequencyCode.isEmpty() ? u"1"_s : claim.frequencyCode;
    if (billed.frequencyCode == u"7" || billed.frequencyCode == u"8")
        billed.originalReference = claim.payerClaimNumber;
    billed.drg = institutional ? claim.drg : QString();
    billed.billingProvider = parties.billingProvider;
    billed.billingProvider.entityCode = u"85"_s;
    if (billed.billingProvider.idQualifier.isEmpty() && !billed.billingProvider.id.isEmpty())
        billed.billingProvider.idQualifier = u"XX"_s;
    billed.payer
        = {u"PR"_s, parties.payerName.isEmpty() ? claim.payerId : parties.payerName, u"PI"_s, claim.payerId, {}, {}};
    billed.payerResponsibility = u"P"_s;
    billed.filingIndicator = parties.filingIndicator;
    billed.subscriberId = parties.subscriberId;
    billed.subscriberLastName = parties.subscriberLastName;
    billed.subscriberFirstName = parties.subscriberFirstName;
    billed.relationship = parties.relationship;
    const bool self = parties.relationship.isEmpty() || parties.relationship == u"18";
    billed.patientLastName = self ? parties.subscriberLastName : parties.patientLastName;
    billed.patientFirstName = self ? parties.subscriberFirstName : parties.patientFirstName;
    if (!claim.secondaryPayerId.isEmpty())
        billed.otherPayers.append(
            {u"S"_s, parties.secondaryPayerName.isEmpty() ? claim.secondaryPayerId : parties.secondaryPayerName,
             claim.secondaryPayerId, std::nullopt});
    if (!claim.tertiaryPayerId.isEmpty())
        billed.otherPayers.append(
            {u"T"_s, parties.tertiaryPayerName.isEmpty() ? claim.tertiaryPayerId : parties.tertiaryPayerName,
             claim.tertiaryPayerId, std::nullopt});
    for (const models::ClaimLine &line : claim.lines) {
        BilledLine &out = billed.lines.emplace_back();
        out.lineNumber = line.lineNumber;
        out.procedure.qualifier = u"HC"_s;
        out.procedure.code = line.procedureCode;
        out.procedure.modifiers = line.modifiers;
        out.revenueCode = institutional ? line.revenueCode : QString();
        out.charge = line.charge;
        out.units = double(line.units);
        out.unitBasis = u"UN"_s;
        out.serviceFrom = line.serviceDate;
        out.serviceTo
            = line.serviceDateTo.isValid() && line.serviceDateTo != line.serviceDate ? line.serviceDateTo : QDate();
        out.lineControlNumber = line.lineControlNumber;
    }
    if (institutional) {
        billed.statementFrom = claim.statementFrom.isValid() ? claim.statementFrom : billed.firstServiceDate();
        billed.statementTo = claim.statementTo.isValid() ? claim.statementTo : billed.lastServiceDate();
    }
    return billed;
}

QList<ClaimTransaction> claimTransactionsOf(const QList<ClaimToWrite> &claims, const ClaimWriter::Options &options,
                                            int claimsPerTransaction)
{
    QList<ClaimTransaction> transactions;
    // The transaction being filled for each form (professional, institutional), or -1.
    std::array<qsizetype, 2> open = {-1, -1};
    for (const ClaimToWrite &item : claims) {
        const bool institutional = item.claim.form == models::ClaimForm::Institutional;
        qsizetype &current = open[institutional ? 1 : 0];
        if (current < 0 || transactions.at(current).claims.size() >= claimsPerTransaction) {
            current = transactions.size();
            ClaimTransaction &transaction = transactions.emplace_back();
            transaction.form = institutional ? ClaimForm::Institutional : ClaimForm::Professional;
            transaction.purpose = u"00"_s;
            transaction.transactionType = u"CH"_s;
            transaction.created = options.date;
            transaction.submitter = {u"41"_s, u"SYNTHETIC BILLING SERVICE"_s, u"46"_s, options.senderId, {}, {}};
            transaction.receiver = {u"40"_s, u"SYNTHETIC CLEARINGHOUSE"_s, u"46"_s, options.receiverId, {}, {}};
        }
        transactions[current].claims.append(billedClaimOf(item.claim, item.parties));
    }
    return transactions;
}

bool writeClaimInterchange(QIODevice *device, const QList<ClaimToWrite> &claims, const ClaimWriter::Options &options,
                           int claimsPerTransaction)
{
    ClaimWriter writer(device, options);
    return writer.writeInterchange(claimTransactionsOf(claims, options, claimsPerTransaction));
}

QByteArray claimInterchange(const QList<ClaimToWrite> &claims, const ClaimWriter::Options &options,
                            int claimsPerTransaction)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writeClaimInterchange(&buffer, claims, options, claimsPerTransaction);
    buffer.close();
    return bytes;
}

} // namespace rcm::x12
