// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/democlaims.h"

#include "server/acknowledgmentimporter.h"
#include "server/claimimporter.h"
#include "server/gatewaystore.h"
#include "services/synthetic/syntheticclaimfile.h"
#include "services/synthetic/syntheticclaims.h"
#include "services/x12/acknowledgmentwriter.h"
#include "services/x12/claimreader.h"

#include <QHash>
#include <QTemporaryFile>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

namespace {

store::StoreError failed(const QString &message)
{
    return store::StoreError(store::StoreError::Code::Query, message);
}

/// The statuses the demo's payers reject with: what a clearinghouse's 277CA commonly says.
const std::array<x12::StatusCode, 4> &rejections()
{
    static const std::array<x12::StatusCode, 4> codes {{
        {u"A7"_s, u"562"_s, u"85"_s}, // the billing provider's NPI is invalid
        {u"A3"_s, u"21"_s, u"IL"_s}, // missing or invalid information about the subscriber
        {u"A7"_s, u"164"_s, u"IL"_s}, // the subscriber's contract or member number
        {u"A6"_s, u"35"_s, u"PR"_s}, // no coverage on file at the payer
    }};
    return codes;
}

} // namespace

store::StoreError loadDemoClaims(GatewayStore &store, const synthetic::SyntheticGenerator &generator, qint64 itemCount,
                                 const models::User &by)
{
    QTemporaryFile claims;
    if (!claims.open())
        return failed(u"Cannot write the demo's 837 file: %1"_s.arg(claims.errorString()));
    synthetic::SyntheticClaimFileOptions options;
    options.count = itemCount;
    if (!synthetic::writeSyntheticClaimFile(&claims, generator, options) || !claims.flush())
        return failed(u"Cannot write the demo's 837 file: %1"_s.arg(claims.errorString()));
    claims.seek(0);
    const ClaimImporter::Result taken
        = ClaimImporter(store, {posting::TestInterchanges::Refuse}).import(&claims, by, ClaimImporter::Mode::Import);
    if (taken.outcome != ClaimImporter::Result::Outcome::Imported)
        return failed(u"The demo's 837 file was not taken: %1"_s.arg(taken.error));

    // The payers' claim numbers, which their acknowledgments and remittances quote.
    QHash<QString, QString> payerNumbers;
    payerNumbers.reserve(itemCount);
    constexpr qint64 batch = 5000;
    for (qint64 first = 0; first < itemCount; first += batch) {
        for (const models::WorkItem &item : generator.items(first, std::min(batch, itemCount - first)))
            payerNumbers.insert(item.claimNumber, synthetic::claimFor(item).payerClaimNumber);
    }

    // The 277CA, one transaction per 837 transaction, written as the claims are read back.
    QTemporaryFile answers;
    if (!answers.open())
        return failed(u"Cannot write the demo's 277CA file: %1"_s.arg(answers.errorString()));
    claims.seek(0);
    x12::ClaimReader reader(&claims);
    x12::ClaimTransaction transaction;
    x12::AcknowledgmentWriter writer(&answers, {});
    qint64 claimIndex = 0;
    QList<x12::ClaimAcknowledgment> acknowledgments;
    const auto flush = [&] {
        const bool written = acknowledgments.isEmpty() || writer.writeInterchange({}, {}, acknowledgments);
        acknowledgments.clear();
        return written;
    };
    while (reader.readNext(transaction)) {
        x12::ClaimAcknowledgment acknowledgment = x12::claimAcknowledgmentFor(
            transaction,
            [&](const x12::BilledClaim &) {
                const qint64 index = claimIndex++;
                if (index % 97 == 13) // about one in a hundred
                    return rejections().at(std::size_t(index / 97 % qint64(rejections().size())));
                return x12::StatusCode {u"A2"_s, u"20"_s, u"PR"_s};
            },
            QDate::currentDate());
        for (x12::StatusEntry &entry : acknowledgment.entries) {
            if (entry.level == x12::AcknowledgmentLevel::Claim)
                entry.payerClaimNumber = payerNumbers.value(entry.trace);
        }
        acknowledgments.append(std::move(acknowledgment));
        if (acknowledgments.size() >= 20 && !flush())
            return failed(u"Cannot write the demo's 277CA file: %1"_s.arg(answers.errorString()));
    }
    if (!flush() || !answers.flush())
        return failed(u"Cannot write the demo's 277CA file: %1"_s.arg(answers.errorString()));
    answers.seek(0);
    const AcknowledgmentImporter::Result answered = AcknowledgmentImporter(store, {posting::TestInterchanges::Refuse})
                                                        .import(&answers, by, AcknowledgmentImporter::Mode::Import);
    if (answered.outcome != AcknowledgmentImporter::Result::Outcome::Imported)
        return failed(u"The demo's 277CA file was not taken: %1"_s.arg(answered.error));
    return {};
}

} // namespace rcm::server
