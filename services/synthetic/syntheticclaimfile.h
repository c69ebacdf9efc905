// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/synthetic/syntheticgenerator.h"
#include "services/x12/claimwriter.h"

#include <QByteArray>

class QIODevice;

namespace rcm::synthetic {

/// What the 837 of a synthetic item's claim needs besides the claim (claimFor): its
/// facility as billing provider (made-up NPI and tax id), the payers' names, and the
/// item's synthetic patient as subscriber, with a made-up member id.
x12::ClaimParties partiesFor(const SyntheticGenerator &generator, const models::WorkItem &item);

/// The claim of a synthetic item as it is billed: claimFor(item), on the institutional
/// form (type of bill facility 13, statement period) when a hospital bills it, else on
/// the professional one (place of service 11).
models::Claim billedClaimFor(const models::WorkItem &item);

struct SyntheticClaimFileOptions
{
    qint64 first = 0; ///< the first item's index
    qint64 count = 100; ///< items, hence claims
    int claimsPerInterchange = 1000; ///< each interchange is built in memory, then written
    int claimsPerTransaction = 500;
    x12::ClaimWriter::Options writer;
};

/// Writes the claims of items [first, first + count) as 837P/837I interchanges to device;
/// false when the device fails.
bool writeSyntheticClaimFile(QIODevice *device, const SyntheticGenerator &generator,
                             const SyntheticClaimFileOptions &options);
QByteArray syntheticClaimFile(const SyntheticGenerator &generator, const SyntheticClaimFileOptions &options);

} // namespace rcm::synthetic
