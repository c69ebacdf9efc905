// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "models/user.h"
#include "server/x12intake.h"
#include "services/posting/envelopeguards.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QJsonObject>

class QIODevice;

namespace rcm::x12 {
struct BilledClaim;
struct ClaimTransaction;
} // namespace rcm::x12

namespace rcm::server {

class GatewayStore;

/// Takes an 837 file (professional or institutional) into the claim register, one
/// transaction at a time in flat memory and all in one database transaction: a file with
/// any error takes nothing. Each claim is added, or, when the register holds it already
/// (by CLM01, or by the payer's number in REF*F8), corrected (frequency 1 sent again),
/// replaced (7) or voided (8): never a duplicate. Every claim sent is recorded as a
/// submission with the control numbers an acknowledgment names, and a corrected
/// resubmission closes the claim's open rejection. A file sent before (same SHA-256) is
/// refused as a whole. A preview does all of it but the writing.
class ClaimImporter final
{
public:
    enum class Mode { Preview, Import };
    struct Options
    {
        posting::TestInterchanges testInterchanges = posting::TestInterchanges::Refuse;
    };
    using Result = x12intake::Result;

    ClaimImporter(GatewayStore &store, Options options);

    /// The device must be open and seekable (an upload spooled to disk, or a buffer).
    Result import(QIODevice *file, const models::User &by, Mode mode,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());
    Result import(const QByteArray &x12, const models::User &by, Mode mode,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());

    /// The register's claim for one claim of an 837 (its lines as billed, its coverage).
    static models::Claim claimOf(const x12::BilledClaim &billed, const x12::ClaimTransaction &transaction);

private:
    GatewayStore &m_store;
    Options m_options;
};

} // namespace rcm::server
