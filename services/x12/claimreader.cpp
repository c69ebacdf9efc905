// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/claimreader.h"

#include <QIODevice>

using namespace Qt::Literals::StringLiterals;

namespace rcm::x12 {

const TransactionHandler::Kind &ClaimReader::Handler::kind() const
{
    static const Kind claim {defectcode::NotClaim, defectcode::NoClaim, u"an 837 claim"_s};
    return claim;
}

bool ClaimReader::Handler::accepts(QByteArrayView transactionSetId) const
{
    return equals(transactionSetId, "837");
}

ClaimReader::ClaimReader(QIODevice *device, qsizetype chunkSize)
    : m_reader(device, m_handler, chunkSize)
{ }

bool ClaimReader::readNext(ClaimTransaction &transaction)
{
    m_handler.m_target = &transaction;
    return m_reader.next();
}

ClaimFile readClaimFile(QIODevice *device)
{
    ClaimFile file;
    ClaimReader reader(device);
    ClaimTransaction transaction;
    while (reader.readNext(transaction))
        file.transactions.append(std::move(transaction));
    file.defects = reader.fileDefects();
    return file;
}

} // namespace rcm::x12
