// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "server/x12intake.h"
#include "services/posting/envelopeguards.h"

#include <QDateTime>
#include <QJsonObject>

class QIODevice;

namespace rcm::server {

class GatewayStore;

/// Takes a file of acknowledgments (TA1, 999, 277CA) for the claims the gateway received,
/// all in one database transaction. Each ties back to the submissions it answers: a TA1
/// by the sender and ISA13, a 999 by the sender, GS06 and ST02, a 277CA by the sender,
/// the 837's batch (BHT03) and each claim's CLM01; it is refused when that names
/// submissions of more than one file (ambiguous). A rejection (TA1 R; a 999 rejecting a
/// group or a transaction; a 277CA category A3, A6, A7 or A8, at claim level or above it)
/// rejects every claim it covers, each becoming a claim rejection work item; a 277CA
/// acceptance (A2) closes the claim's open rejection; A0 and A1 only record receipt. A file
/// received before (same SHA-256) is refused as a whole; a file with any error takes
/// nothing; a claim the gateway never received is reported and changes nothing.
class AcknowledgmentImporter final
{
public:
    enum class Mode { Preview, Import };
    struct Options
    {
        posting::TestInterchanges testInterchanges = posting::TestInterchanges::Refuse;
    };
    using Result = x12intake::Result;

    AcknowledgmentImporter(GatewayStore &store, Options options);

    Result import(QIODevice *file, const models::User &by, Mode mode,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());
    Result import(const QByteArray &x12, const models::User &by, Mode mode,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    GatewayStore &m_store;
    Options m_options;
};

} // namespace rcm::server
