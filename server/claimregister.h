// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"

#include <QSqlQuery>

#include <memory>
#include <optional>
#include <span>

namespace rcm::server {

/// The claims the gateway knows, line by line, for matching remittances to: looked up by
/// the patient control number a payer echoes back (CLP01) or by the payer's own claim
/// number (CLP07).
class ClaimRegister final
{
public:
    explicit ClaimRegister(store::Database &database);
    ~ClaimRegister();
    Q_DISABLE_COPY_MOVE(ClaimRegister)

    /// Adds or replaces claims with their lines (inside the caller's transaction, if any).
    store::StoreError addClaims(std::span<const models::Claim> claims);
    std::optional<models::Claim> byControlNumber(const QString &patientControlNumber);
    std::optional<models::Claim> byPayerClaimNumber(const QString &payerClaimNumber);
    /// What remittances posted against the claim, oldest first.
    QList<models::PostedPayment> payments(const QString &claimNumber, store::StoreError *error = nullptr);

private:
    std::optional<models::Claim> read(const QString &condition, const QString &value);
    /// The statements addClaims runs for every claim, prepared once per register: an 837
    /// intake adds claims one at a time, a hundred thousand of them.
    struct Writer
    {
        explicit Writer(const QSqlDatabase &connection);
        QSqlQuery claim;
        QSqlQuery clearLines;
        QSqlQuery line;
    };
    store::Database &m_database;
    std::unique_ptr<Writer> m_writer;
};

} // namespace rcm::server
