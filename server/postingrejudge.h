// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/storeerror.h"

#include <QDateTime>
#include <QHash>

namespace rcm::server {

class GatewayStore;

/// The one-time upkeep step that re-judges the open remittance and denial items raised by
/// the posting rules before schema 4 (docs/posting-rules.md, section 9) and resolves those
/// the current rules would not raise, each with an audit note saying why: a prior payer's
/// payment (OA-23) or capitation (CO-24) filed as a denial, a denial of a predetermination,
/// a Medicare sequestration cut filed as an underpayment, a reason code that is now known.
/// It runs once per database (meta key posting_rules_rejudged).
class PostingRejudge final
{
public:
    struct Outcome
    {
        bool ran = false; ///< false when it had run before
        qsizetype examined = 0;
        qsizetype resolved = 0;
        QHash<QString, qsizetype> byReason; ///< rule id -> items resolved
    };

    explicit PostingRejudge(GatewayStore &store);

    Outcome run(const QDateTime &now, store::StoreError *error = nullptr);

private:
    GatewayStore &m_store;
};

} // namespace rcm::server
