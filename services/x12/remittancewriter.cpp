// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/remittancewriter.h"

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

QByteArray numberText(const std::optional<double> &value)
{
    return value ? QByteArray::number(*value, 'g', 15) : QByteArray();
}

QByteArray groupCodeOf(const Adjustment &adjustment)
{
    return adjustment.groupCode.toLatin1();
}

} // namespace

QByteArray amountText(const Money &amount)
{
    return amount.toString().toLatin1();
}

QByteArray dateText(const QDate &date)
{
    return date.isValid() ? date.toString(u"yyyyMMdd"_s).toLatin1() : QByteArray();
}

RemittanceWriter::RemittanceWriter(QIODevice *device, Options options)
    : m_device(device)
    , m_options(std::move(options))
{
    m_buffer.reserve(flushThreshold + 4096);
}

RemittanceWriter::~RemittanceWriter()
{
    flush();
}

bool RemittanceWriter::flush()
{
    if (!m_buffer.isEmpty() && !m_failed) {
        m_failed = m_device->write(m_buffer) != m_buffer.size();
        m_bytesWritten += m_buffer.size();
    }
    m_buffer.clear();
    return !m_failed;
}

void RemittanceWriter::segment(std::initializer_list<QByteArrayView> elements)
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

QByteArray RemittanceWriter::composite(const ProcedureCode &code) const
{
    QByteArray text = code.qualifier.toLatin1();
    text += m_options.delimiters.component + code.code.toLatin1();
    for (const QString &modifier : code.modifiers)
        text += m_options.delimiters.component + modifier.toLatin1();
    return text;
}

bool RemittanceWriter::writeInterchange(const QList<Remittance> &transactions)
{
    const QByteArray control = QByteArray::number(++m_interchangeNumber).rightJustified(9, '0');
    const QByteArray group = QByteArray::number(m_interchangeNumber);
    const char repetition = m_options.delimiters.repetition ? m_options.delimiters.repetition : '^';
    segment({"ISA", "00", "          ", "00", "          ", "ZZ", padded(m_options.senderId, 15), "ZZ",
             padded(m_options.receiverId, 15), m_options.date.toString(u"yyMMdd"_s).toLatin1(), "1200",
             QByteArrayView(&repetition, 1), "00501", control, "0", m_options.usageIndicator.toLatin1(),
             QByteArrayView(&m_options.delimiters.component, 1)});
    segment({"GS", m_options.functionalId.toLatin1(), m_options.senderId.toLatin1(), m_options.receiverId.toLatin1(),
             dateText(m_options.date), "1200", group, "X", "005010X221A1"});
    qint64 number = 0;
    for (const Remittance &remittance : transactions) {
        writeTransaction(remittance, ++number);
        if (m_buffer.size() > flushThreshold && !flush())
            return false;
    }
    segment({"GE", QByteArray::number(number), group});
    segment({"IEA", "1", control});
    return flush();
}

void RemittanceWriter::writeTransaction(const Remittance &remittance, qint64 transactionNumber)
{
    m_segmentsInTransaction = 0;
    const QByteArray control = remittance.controlNumber.isEmpty()
        ? QByteArray::number(transactionNumber).rightJustified(4, '0')
        : remittance.controlNumber.toLatin1();
    if (m_options.writeImplementationReference)
        segment({"ST", "835", control,
                 remittance.implementationReference.isEmpty() ? QByteArray("005010X221A1")
                                                              : remittance.implementationReference.toLatin1()});
    else
        segment({"ST", "835", control});
    const Payment &payment = remittance.payment;
    const Money amount = payment.amount.isNegative() ? -payment.amount : payment.amount;
    const QByteArray creditDebit = payment.amount.isNegative() ? "D" : "C";
    if (payment.method == u"ACH"_s) {
        segment({"BPR", payment.handlingCode.toLatin1(), amountText(amount), creditDebit, "ACH", "CCP", "01",
                 "999999992", "DA", "123456", "1512345678", "", "01", "999988880", "DA", "98765",
                 dateText(payment.date)});
    } else {
        segment({"BPR", payment.handlingCode.toLatin1(), amountText(amount), creditDebit, payment.method.toLatin1(), "",
                 "", "", "", "", "", "", "", "", "", "", dateText(payment.date)});
    }
    segment({"TRN", "1", payment.traceNumber.toLatin1(), payment.originatorId.toLatin1()});
    segment({"DTM", "405", dateText(payment.date)});
    const Party &payer = remittance.payer;
    segment({"N1", "PR", payer.name.toLatin1(), payer.idQualifier.toLatin1(), payer.id.toLatin1()});
    if (!payer.additionalId.isEmpty())
        segment({"REF", "2U", payer.additionalId.toLatin1()});
    const Party &payee = remittance.payee;
    segment({"N1", "PE", payee.name.toLatin1(), payee.idQualifier.toLatin1(), payee.id.toLatin1()});
    if (!payee.taxId.isEmpty() && payee.idQualifier != u"FI"_s)
        segment({"REF", "TJ", payee.taxId.toLatin1()});
    if (!remittance.claims.isEmpty())
        segment({"LX", "1"});
    for (const ClaimPayment &claim : remittance.claims)
        writeClaim(claim);
    for (const ProviderAdjustment &adjustment : remittance.providerAdjustments) {
        QByteArray reason = adjustment.reasonCode.toLatin1();
        if (!adjustment.reference.isEmpty())
            reason += m_options.delimiters.component + adjustment.reference.toLatin1();
        segment({"PLB", adjustment.providerId.toLatin1(), dateText(adjustment.fiscalPeriodEnd), reason,
                 amountText(adjustment.amount)});
    }
    segment({"SE", QByteArray::number(m_segmentsInTransaction + 1), control});
}

void RemittanceWriter::writeAdjustments(const QList<Adjustment> &adjustments)
{
    // One CAS per group, up to six (reason, amount, quantity) triplets each.
    qsizetype index = 0;
    while (index < adjustments.size()) {
        const QByteArray group = groupCodeOf(adjustments.at(index));
        std::array<QByteArray, 18> triplets;
        int count = 0;
        while (index < adjustments.size() && count < 6 && groupCodeOf(adjustments.at(index)) == group) {
            const Adjustment &adjustment = adjustments.at(index++);
            triplets[std::size_t(count * 3)] = adjustment.reasonCode.toLatin1();
            triplets[std::size_t(count * 3 + 1)] = amountText(adjustment.amount);
            triplets[std::size_t(count * 3 + 2)] = numberText(adjustment.quantity);
            ++count;
        }
        segment({"CAS",        group,        triplets[0],  triplets[1],  triplets[2],  triplets[3],  triplets[4],
                 triplets[5],  triplets[6],  triplets[7],  triplets[8],  triplets[9],  triplets[10], triplets[11],
                 triplets[12], triplets[13], triplets[14], triplets[15], triplets[16], triplets[17]});
    }
}

void RemittanceWriter::writeClaim(const ClaimPayment &claim)
{
    segment({"CLP", claim.patientControlNumber.toLatin1(), claim.statusCode.toLatin1(), amountText(claim.charge),
             amountText(claim.paid), claim.patientResponsibility ? amountText(*claim.patientResponsibility) : "",
             claim.filingIndicator.toLatin1(), claim.payerClaimControlNumber.toLatin1(), claim.facilityCode.toLatin1(),
             claim.frequencyCode.toLatin1()});
    writeAdjustments(claim.adjustments);
    segment({"NM1", "QC", "1", "ZZSYNTHETIC", "PATIENT"});
    if (!claim.crossoverPayerName.isEmpty() || !claim.crossoverPayerId.isEmpty())
        segment({"NM1", "TT", "2", claim.crossoverPayerName.toLatin1(), "", "", "", "", "PI",
                 claim.crossoverPayerId.toLatin1()});
    if (!claim.remarkCodes.isEmpty()) {
        std::array<QByteArray, 5> remarks;
        for (qsizetype index = 0; index < std::min<qsizetype>(5, claim.remarkCodes.size()); ++index)
            remarks[std::size_t(index)] = claim.remarkCodes.at(index).toLatin1();
        segment({"MOA", "", "", remarks[0], remarks[1], remarks[2], remarks[3], remarks[4]});
    }
    if (!claim.originalReference.isEmpty())
        segment({"REF", "F8", claim.originalReference.toLatin1()});
    if (claim.statementFrom.isValid())
        segment({"DTM", "232", dateText(claim.statementFrom)});
    if (claim.statementTo.isValid())
        segment({"DTM", "233", dateText(claim.statementTo)});
    if (claim.coverageAmount)
        segment({"AMT", "AU", amountText(*claim.coverageAmount)});
    if (claim.interest)
        segment({"AMT", "I", amountText(*claim.interest)});
    for (const ServiceLine &line : claim.lines)
        writeLine(line);
}

void RemittanceWriter::writeLine(const ServiceLine &line)
{
    segment({"SVC", composite(line.procedure), amountText(line.charge), amountText(line.paid),
             line.revenueCode.toLatin1(), numberText(line.units),
             line.originalProcedure ? composite(*line.originalProcedure) : QByteArray(),
             numberText(line.originalUnits)});
    if (line.serviceDate.isValid())
        segment({"DTM", "472", dateText(line.serviceDate)});
    if (line.serviceFrom.isValid())
        segment({"DTM", "150", dateText(line.serviceFrom)});
    if (line.serviceTo.isValid())
        segment({"DTM", "151", dateText(line.serviceTo)});
    writeAdjustments(line.adjustments);
    if (!line.lineControlNumber.isEmpty())
        segment({"REF", "6R", line.lineControlNumber.toLatin1()});
    if (line.allowed)
        segment({"AMT", "B6", amountText(*line.allowed)});
    for (const QString &remark : line.remarkCodes)
        segment({"LQ", "HE", remark.toLatin1()});
}

} // namespace rcm::x12
