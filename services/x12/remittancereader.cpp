// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/remittancereader.h"

#include "services/x12/x12logging.h"

#include <QIODevice>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

const TransactionHandler::Kind &RemittanceReader::Handler::kind() const
{
    static const Kind remittance {defectcode::NotRemittance, defectcode::NoRemittance, u"an 835 remittance"_s};
    return remittance;
}

bool RemittanceReader::Handler::accepts(QByteArrayView transactionSetId) const
{
    return equals(transactionSetId, "835");
}

void RemittanceReader::Handler::begin(const Segment &st, const Envelope &envelope, const Delimiters &delimiters)
{
    m_builder.begin(m_target, st, envelope, delimiters);
    m_target->implementationReference = QString::fromLatin1(st.element(3).trimmed());
    const QString &version = envelope.version;
    if (!version.startsWith(u"005010X221"_s) && !version.startsWith(u"004010X091"_s)) {
        m_target->defects.append({Severity::Warning, defectcode::VersionUnknown, st.number(), u"ST"_s,
                                  u"The group declares version \"%1\", not 005010X221A1 or 004010X091A1; it is "
                                  "read as a 5010 835."_s.arg(version)});
    }
}

RemittanceReader::RemittanceReader(QIODevice *device, qsizetype chunkSize)
    : m_reader(device, m_handler, chunkSize)
{ }

bool RemittanceReader::readNext(Remittance &remittance)
{
    m_handler.m_target = &remittance;
    return m_reader.next();
}

RemittanceFile readRemittanceFile(QIODevice *device)
{
    RemittanceFile file;
    RemittanceReader reader(device);
    Remittance remittance;
    while (reader.readNext(remittance))
        file.transactions.append(std::move(remittance));
    file.defects = reader.fileDefects();
    return file;
}

} // namespace rcm::x12
