// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/posting/contracts.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"

#include <QHash>
#include <QMap>

#include <span>

namespace rcm::server {

/// The payers' contract terms the gateway judges payments against (docs/contracts.md): a
/// contract file replaces, payer by payer, every term of each payer it names.
class ContractRegister final
{
public:
    explicit ContractRegister(store::Database &database);
    Q_DISABLE_COPY_MOVE(ContractRegister)

    /// What a file did (or, previewed, would do) to one payer's contract.
    struct PayerChange
    {
        QString payerId;
        QMap<posting::ContractTermKind, int> termCounts; ///< in the file, by kind
        int termsBefore = 0; ///< the payer's terms before
        bool changed = false; ///< false when the payer's terms were already exactly these
    };
    struct Replacement
    {
        QList<PayerChange> payers; ///< by payer id
        store::StoreError error;

        bool changed() const
        {
            return std::any_of(payers.cbegin(), payers.cend(), [](const PayerChange &payer) { return payer.changed; });
        }
    };
    enum class Mode { Preview, Replace };

    /// Replaces the terms of every payer in terms with those terms, all in one transaction
    /// (inside the caller's, if any); payers the file does not name keep theirs. Replacing
    /// a payer's terms with the same terms changes nothing and says so.
    Replacement replace(std::span<const posting::ContractTerm> terms, Mode mode = Mode::Replace);

    /// A payer's terms (all periods), in a stable order; cached until the next replace.
    QList<posting::ContractTerm> termsFor(const QString &payerId, store::StoreError *error = nullptr);

    /// Fills in the allowed amount of each line of the claim that has none from its primary
    /// payer's contract (posting::applyContract). Returns how many lines were filled.
    int applyTo(models::Claim &claim);

private:
    QList<posting::ContractTerm> read(const QString &payerId, store::StoreError *error);

    store::Database &m_database;
    QHash<QString, QList<posting::ContractTerm>> m_cache;
};

/// Reads a contract file and replaces the terms of the payers it names (in one
/// transaction): for a file the gateway trusts, such as the demo's. A bad file loads
/// nothing, and the error names its first bad line.
store::StoreError loadContractFile(store::Database &database, QByteArrayView csv);

} // namespace rcm::server
