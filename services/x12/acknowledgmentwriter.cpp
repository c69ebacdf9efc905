// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/acknowledgmentwriter.h"

#include "services/x12/remittancewriter.h"

#include <QBuffer>
#include <QIODevice>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

namespace {

QByteArray padded(const QString &value, qsizetype width)
{
    return value.toLatin1().left(width).leftJustified(width, ' ');
}

QByteArray latin1(const QString &value)
{
    return value.toLatin1();
}

QByteArray levelCode(AcknowledgmentLevel level)
{
    switch (level) {
    case AcknowledgmentLevel::InformationSource:
        return "20";
    case AcknowledgmentLevel::InformationReceiver:
        return "21";
    case AcknowledgmentLevel::BillingProvider:
        return "19";
    case AcknowledgmentLevel::Claim:
        return "PT";
    }
    return QByteArray();
}

QByteArray defaultEntity(AcknowledgmentLevel level)
{
    switch (level) {
    case AcknowledgmentLevel::InformationSource:
        return "PR";
    case AcknowledgmentLevel::InformationReceiver:
        return "41";
    case AcknowledgmentLevel::BillingProvider:
        return "85";
    case AcknowledgmentLevel::Claim:
        return "QC";
    }
    return QByteArray();
}

} // namespace

AcknowledgmentWriter::AcknowledgmentWriter(QIODevice *device, Options options)
    : m_device(device)
    , m_options(std::move(options))
    , m_nextInterchange(m_options.firstInterchangeControlNumber)
{ }

AcknowledgmentWriter::~AcknowledgmentWriter()
{
    flush();
}

bool AcknowledgmentWriter::flush()
{
    if (!m_buffer.isEmpty() && !m_failed) {
        m_failed = m_device->write(m_buffer) != m_buffer.size();
        m_bytesWritten += m_buffer.size();
    }
    m_buffer.clear();
    return !m_failed;
}

void AcknowledgmentWriter::segment(std::initializer_list<QByteArrayView> elements)
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
    if (m_options.lineBreak == LineBreak::Newline)
        m_buffer.append('\n');
    ++m_segmentsInTransaction;
}

QByteArray AcknowledgmentWriter::composite(const StatusCode &code) const
{
    if (code.category.isEmpty() && code.status.isEmpty() && code.entity.isEmpty())
        return QByteArray();
    QByteArray text = latin1(code.category) + m_options.delimiters.component + latin1(code.status);
    if (!code.entity.isEmpty())
        text += m_options.delimiters.component + latin1(code.entity);
    return text;
}

bool AcknowledgmentWriter::writeInterchange(const QList<Acknowledgment> &acknowledgments)
{
    QList<InterchangeAcknowledgment> interchanges;
    QList<FunctionalAcknowledgment> functionals;
    QList<ClaimAcknowledgment> claimStatuses;
    for (const Acknowledgment &acknowledgment : acknowledgments) {
        switch (acknowledgment.type) {
        case Acknowledgment::Type::Interchange:
            interchanges.append(acknowledgment.interchange);
            break;
        case Acknowledgment::Type::Functional:
            functionals.append(acknowledgment.functional);
            break;
        case Acknowledgment::Type::ClaimStatus:
            claimStatuses.append(acknowledgment.claimStatus);
            break;
        }
    }
    return writeInterchange(interchanges, functionals, claimStatuses);
}

bool AcknowledgmentWriter::writeInterchange(const QList<InterchangeAcknowledgment> &interchanges,
                                            const QList<FunctionalAcknowledgment> &functionals,
                                            const QList<ClaimAcknowledgment> &claimStatuses)
{
    const QByteArray control = QByteArray::number(m_nextInterchange++).rightJustified(9, '0');
    m_lastInterchange = QString::fromLatin1(control);
    const char repetition = m_options.delimiters.repetition ? m_options.delimiters.repetition : '^';
    const QByteArray day = dateText(m_options.date);
    segment({"ISA", "00", "          ", "00", "          ", "ZZ", padded(m_options.senderId, 15), "ZZ",
             padded(m_options.receiverId, 15), m_options.date.toString(u"yyMMdd"_s).toLatin1(), "1200",
             QByteArrayView(&repetition, 1), "00501", control, "0", latin1(m_options.usageIndicator),
             QByteArrayView(&m_options.delimiters.component, 1)});
    for (const InterchangeAcknowledgment &interchange : interchanges) {
        const QByteArray acknowledgedDate = interchange.interchangeDate.isValid()
            ? interchange.interchangeDate.toString(u"yyMMdd"_s).toLatin1()
            : QByteArray();
        segment({"TA1", latin1(interchange.interchangeControlNumber), acknowledgedDate, "1200",
                 latin1(interchange.acknowledgmentCode), latin1(interchange.noteCode)});
    }
    int groups = 0;
    const auto writeGroup = [&](QByteArrayView functionalId, QByteArrayView version, qsizetype count,
                                const std::function<void(qsizetype, qint64)> &writeOne) {
        if (count == 0)
            return;
        const QByteArray group = QByteArray::number(m_nextGroup++);
        segment({"GS", functionalId, latin1(m_options.senderId), latin1(m_options.receiverId), day, "1200", group, "X",
                 version});
        for (qsizetype index = 0; index < count; ++index)
            writeOne(index, index + 1);
        segment({"GE", QByteArray::number(count), group});
        ++groups;
    };
    writeGroup("FA", "005010X231A1", functionals.size(),
               [&](qsizetype index, qint64 number) { writeFunctional(functionals.at(index), number); });
    writeGroup("HN", "005010X214", claimStatuses.size(),
               [&](qsizetype index, qint64 number) { writeClaimStatus(claimStatuses.at(index), number); });
    segment({"IEA", QByteArray::number(groups), control});
    return flush();
}

void AcknowledgmentWriter::writeFunctional(const FunctionalAcknowledgment &functional, qint64 number)
{
    m_segmentsInTransaction = 0;
    const QByteArray control = functional.controlNumber.isEmpty() ? QByteArray::number(number).rightJustified(4, '0')
                                                                  : latin1(functional.controlNumber);
    segment({"ST", "999", control, "005010X231A1"});
    segment(
        {"AK1", latin1(functional.functionalId), latin1(functional.groupControlNumber), latin1(functional.version)});
    for (const TransactionSetResponse &response : functional.transactions) {
        segment({"AK2", latin1(response.transactionSetId), latin1(response.controlNumber),
                 latin1(response.implementationReference)});
        for (const SegmentError &error : response.errors) {
            segment({"IK3", latin1(error.segmentId), QByteArray::number(error.position), latin1(error.loopId),
                     latin1(error.code)});
            if (!error.claimReference.isEmpty())
                segment({"CTX",
                         QByteArray("CLM01" + QByteArray(1, m_options.delimiters.component)
                                    + latin1(error.claimReference))});
            for (const ElementError &element : error.elements) {
                QByteArray position = QByteArray::number(element.position);
                if (element.component > 0)
                    position += m_options.delimiters.component + QByteArray::number(element.component);
                segment({"IK4", position, latin1(element.reference), latin1(element.code)});
            }
        }
        std::array<QByteArray, 5> codes;
        for (qsizetype index = 0; index < std::min<qsizetype>(5, response.syntaxErrorCodes.size()); ++index)
            codes[std::size_t(index)] = latin1(response.syntaxErrorCodes.at(index));
        segment({"IK5", latin1(response.acknowledgmentCode), codes[0], codes[1], codes[2], codes[3], codes[4]});
    }
    std::array<QByteArray, 5> codes;
    for (qsizetype index = 0; index < std::min<qsizetype>(5, functional.groupErrorCodes.size()); ++index)
        codes[std::size_t(index)] = latin1(functional.groupErrorCodes.at(index));
    segment({"AK9", latin1(functional.groupAcknowledgmentCode), QByteArray::number(functional.transactionsIncluded),
             QByteArray::number(functional.transactionsReceived), QByteArray::number(functional.transactionsAccepted),
             codes[0], codes[1], codes[2], codes[3], codes[4]});
    segment({"SE", QByteArray::number(m_segmentsInTransaction + 1), control});
}

void AcknowledgmentWriter::writeClaimStatus(const ClaimAcknowledgment &claimStatus, qint64 number)
{
    m_segmentsInTransaction = 0;
    const QByteArray control = claimStatus.controlNumber.isEmpty() ? QByteArray::number(number).rightJustified(4, '0')
                                                                   : latin1(claimStatus.controlNumber);
    segment({"ST", "277", control, "005010X214"});
    segment({"BHT", "0085", "08", latin1(claimStatus.reference), dateText(claimStatus.created), "1200", "TH"});
    for (const StatusEntry &entry : claimStatus.entries)
        writeEntry(claimStatus, entry);
    segment({"SE", QByteArray::number(m_segmentsInTransaction + 1), control});
}

void AcknowledgmentWriter::writeEntry(const ClaimAcknowledgment &claimStatus, const StatusEntry &entry)
{
    const bool claim = entry.level == AcknowledgmentLevel::Claim;
    if (claim) {
        segment({"HL", latin1(entry.hierarchicalId), latin1(entry.parentId), "PT"});
    } else {
        const bool hasChildren
            = std::any_of(claimStatus.entries.cbegin(), claimStatus.entries.cend(),
                          [&](const StatusEntry &other) { return other.parentId == entry.hierarchicalId; });
        segment({"HL", latin1(entry.hierarchicalId), latin1(entry.parentId), levelCode(entry.level),
                 hasChildren ? "1" : "0"});
    }
    const QByteArray entity = entry.entityCode.isEmpty() ? defaultEntity(entry.level) : latin1(entry.entityCode);
    // No patient name is kept: a claim level names a placeholder, as the guide needs one.
    segment({"NM1", entity, claim ? "1" : "2", claim ? QByteArray("ZZSYNTHETIC") : latin1(entry.name), "", "", "", "",
             latin1(entry.idQualifier), latin1(entry.id)});
    switch (entry.level) {
    case AcknowledgmentLevel::InformationSource:
        segment({"TRN", "1", latin1(entry.trace)});
        segment({"DTP", "050", "D8", dateText(claimStatus.created)});
        segment({"DTP", "009", "D8", dateText(claimStatus.created)});
        break;
    case AcknowledgmentLevel::InformationReceiver:
        segment({"TRN", "2", latin1(entry.trace)});
        break;
    case AcknowledgmentLevel::BillingProvider:
        if (!entry.trace.isEmpty())
            segment({"TRN", "1", latin1(entry.trace)});
        break;
    case AcknowledgmentLevel::Claim:
        segment({"TRN", "2", latin1(entry.trace)});
        break;
    }
    for (const ClaimStatus277 &status : entry.statuses)
        writeStatus(status);
    if (!claim)
        return;
    if (!entry.payerClaimNumber.isEmpty())
        segment({"REF", "1K", latin1(entry.payerClaimNumber)});
    if (!entry.clearinghouseTrace.isEmpty())
        segment({"REF", "D9", latin1(entry.clearinghouseTrace)});
    if (!entry.billTypeOrFacility.isEmpty())
        segment({"REF", "BLT", latin1(entry.billTypeOrFacility)});
    writeServiceDate(entry.serviceFrom, entry.serviceTo);
    for (const LineStatus &line : entry.lines) {
        QByteArray procedure = latin1(line.procedure);
        procedure.replace(':', m_options.delimiters.component);
        segment({"SVC", procedure, amountText(line.charge), "", latin1(line.revenueCode)});
        for (const ClaimStatus277 &status : line.statuses)
            writeStatus(status);
        segment({"REF", "FJ", latin1(line.lineControlNumber)});
        writeServiceDate(line.serviceFrom, line.serviceTo);
    }
}

void AcknowledgmentWriter::writeStatus(const ClaimStatus277 &status)
{
    const StatusCode none;
    const auto code = [&](qsizetype index) {
        return composite(status.codes.value(index, none));
    };
    segment({"STC", code(0), dateText(status.effective), latin1(status.actionCode),
             status.amount ? amountText(*status.amount) : QByteArray(), "", "", "", "", "", code(1), code(2),
             latin1(status.message)});
}

void AcknowledgmentWriter::writeServiceDate(const QDate &from, const QDate &to)
{
    if (!from.isValid())
        return;
    if (to.isValid() && to != from)
        segment({"DTP", "472", "RD8", QByteArray(dateText(from) + '-' + dateText(to))});
    else
        segment({"DTP", "472", "D8", dateText(from)});
}

QByteArray acknowledgmentText(const QList<Acknowledgment> &acknowledgments,
                              const AcknowledgmentWriter::Options &options)
{
    QByteArray text;
    QBuffer buffer(&text);
    buffer.open(QIODevice::WriteOnly);
    {
        AcknowledgmentWriter writer(&buffer, options);
        writer.writeInterchange(acknowledgments);
    }
    return text;
}

FunctionalAcknowledgment functionalAcknowledgmentFor(const QList<ClaimTransaction> &transactions,
                                                     const QStringList &rejectedControlNumbers)
{
    FunctionalAcknowledgment functional;
    if (!transactions.isEmpty()) {
        const Envelope &envelope = transactions.constFirst().envelope;
        functional.functionalId = envelope.functionalId.isEmpty() ? u"HC"_s : envelope.functionalId;
        functional.groupControlNumber = envelope.groupControlNumber;
        functional.version = envelope.version;
    }
    for (const ClaimTransaction &transaction : transactions) {
        TransactionSetResponse response;
        response.transactionSetId = u"837"_s;
        response.controlNumber = transaction.controlNumber;
        response.implementationReference = transaction.implementationReference;
        if (rejectedControlNumbers.contains(transaction.controlNumber)) {
            response.acknowledgmentCode = u"R"_s;
            response.syntaxErrorCodes = {u"5"_s};
        } else {
            response.acknowledgmentCode = u"A"_s;
            ++functional.transactionsAccepted;
        }
        functional.transactions.append(response);
    }
    functional.transactionsIncluded = int(transactions.size());
    functional.transactionsReceived = int(transactions.size());
    if (functional.transactionsAccepted == functional.transactionsIncluded)
        functional.groupAcknowledgmentCode = u"A"_s;
    else if (functional.transactionsAccepted == 0)
        functional.groupAcknowledgmentCode = u"R"_s;
    else
        functional.groupAcknowledgmentCode = u"P"_s;
    return functional;
}

ClaimAcknowledgment claimAcknowledgmentFor(const ClaimTransaction &transaction,
                                           const std::function<StatusCode(const BilledClaim &)> &statusOf,
                                           const QDate &date)
{
    ClaimAcknowledgment acknowledgment;
    acknowledgment.reference = u"ACK"_s + transaction.controlNumber;
    acknowledgment.created = date;
    int nextId = 1;
    const auto addEntry = [&](AcknowledgmentLevel level, QString parent) -> StatusEntry & {
        StatusEntry &entry = acknowledgment.entries.emplaceBack();
        entry.level = level;
        entry.hierarchicalId = QString::number(nextId++);
        entry.parentId = std::move(parent);
        return entry;
    };
    StatusEntry &source = addEntry(AcknowledgmentLevel::InformationSource, QString());
    source.entityCode = u"PR"_s;
    source.name = transaction.receiver.name;
    source.idQualifier = u"46"_s;
    source.id = transaction.receiver.id;
    source.trace = transaction.controlNumber;
    Money total;
    for (const BilledClaim &claim : transaction.claims)
        total += claim.charge;
    StatusEntry &receiver = addEntry(AcknowledgmentLevel::InformationReceiver, source.hierarchicalId);
    const QString receiverId = receiver.hierarchicalId;
    receiver.entityCode = u"41"_s;
    receiver.name = transaction.submitter.name;
    receiver.idQualifier = u"46"_s;
    receiver.id = transaction.submitter.id;
    receiver.trace = transaction.batchReference;
    receiver.statuses.append({0, {{u"A1"_s, u"19"_s, u"PR"_s}}, date, u"WQ"_s, total, QString()});
    QHash<QString, QString> providerLevels; // billing provider NPI -> its HL id
    for (const BilledClaim &claim : transaction.claims) {
        const QString providerKey = claim.billingProvider.idQualifier + claim.billingProvider.id;
        QString providerId = providerLevels.value(providerKey);
        if (providerId.isEmpty()) {
            StatusEntry &provider = addEntry(AcknowledgmentLevel::BillingProvider, receiverId);
            provider.entityCode = u"85"_s;
            provider.name = claim.billingProvider.name;
            provider.idQualifier = claim.billingProvider.idQualifier;
            provider.id = claim.billingProvider.id;
            providerId = provider.hierarchicalId;
            providerLevels.insert(providerKey, providerId);
        }
        StatusEntry &entry = addEntry(AcknowledgmentLevel::Claim, providerId);
        entry.entityCode = u"QC"_s;
        entry.idQualifier = u"MI"_s;
        entry.id = claim.subscriberId;
        entry.trace = claim.patientControlNumber;
        const StatusCode code = statusOf(claim);
        const bool rejected = code.category == u"A3"_s || code.category == u"A6"_s || code.category == u"A7"_s
            || code.category == u"A8"_s;
        entry.statuses.append({0, {code}, date, rejected ? u"U"_s : u"WQ"_s, claim.charge, QString()});
        entry.charge = claim.charge;
        for (const BilledLine &line : claim.lines) {
            if (!line.serviceFrom.isValid())
                continue;
            const QDate last = line.serviceTo.isValid() ? line.serviceTo : line.serviceFrom;
            if (!entry.serviceFrom.isValid() || line.serviceFrom < entry.serviceFrom)
                entry.serviceFrom = line.serviceFrom;
            if (!entry.serviceTo.isValid() || last > entry.serviceTo)
                entry.serviceTo = last;
        }
        if (entry.serviceTo == entry.serviceFrom)
            entry.serviceTo = QDate();
    }
    return acknowledgment;
}

} // namespace rcm::x12
