// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "services/store/storeerror.h"

#include <QDateTime>
#include <QString>

namespace rcm::server {

class GatewayStore;

/// The claim rejection queue's items: a claim a clearinghouse or payer rejected (TA1,
/// 999, 277CA) becomes one work item, explained in words in its first history entry; a
/// second rejection of the same claim while it is open adds to that item's history. An
/// acceptance of the claim, or its corrected resubmission, resolves it with a note.
class ClaimRejections final
{
public:
    explicit ClaimRejections(GatewayStore &store);

    struct Rejection
    {
        QString claimNumber;
        qint64 submissionId = 0; ///< claim_submissions.id of the submission rejected
        qint64 fileId = 0; ///< x12_files.id of the acknowledgment
        QString source; ///< TA1, 999 or 277CA
        QString explanation;
    };

    /// Raises the rejection (inside the caller's transaction); workItemId is the item that
    /// now carries it, and raised says whether it is new.
    store::StoreError raise(const Rejection &rejection, const models::User &by, const QDateTime &now,
                            QString *workItemId, bool *raised);
    /// Resolves every open rejection of the claim raised against a submission up to
    /// throughSubmission, with note in its history; closed counts them.
    store::StoreError close(const QString &claimNumber, qint64 throughSubmission, const QString &note,
                            const models::User &by, const QDateTime &now, int *closed);

private:
    GatewayStore &m_store;
};

} // namespace rcm::server
