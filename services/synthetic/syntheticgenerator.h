// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/payer.h"
#include "models/user.h"
#include "models/workitem.h"

#include <QDate>
#include <QList>

#include <optional>

namespace rcm::synthetic {

/// Makes realistic, obviously fake revenue-cycle data: payers with their filing limits,
/// hospitals and clinics, a team in every role, and work items whose payer mix, denial
/// reasons, amounts and deadlines look like a real health system's. Item n depends only
/// on the seed, the as-of date and n, so any range can be produced on its own.
class SyntheticGenerator final
{
public:
    struct Options
    {
        quint64 seed = 1;
        QDate asOf; ///< "today" for the data: ages and deadlines are relative to it
    };

    explicit SyntheticGenerator(Options options);

    const Options &options() const { return m_options; }
    const QList<models::Payer> &payers() const { return m_payers; }
    const QList<models::Facility> &facilities() const { return m_facilities; }
    const QList<models::User> &users() const { return m_users; }

    /// The item with zero-based index n.
    models::WorkItem item(qint64 index) const;

    /// Items [first, first + count).
    QList<models::WorkItem> items(qint64 first, qint64 count) const;

    /// Item n's id, as item(n) has it.
    static QString itemId(qint64 index);
    /// The index into payers() of item n's payer, drawn as item(n) draws it without making
    /// the rest of the item: cheap enough to scan thousands of items for one payer's.
    qsizetype payerIndexOf(qint64 index) const;
    /// The kind of one of the generator's payers, by id.
    static std::optional<models::PayerKind> payerKindOf(QStringView payerId);
    /// Whether one of the generator's facilities is a hospital (bills on institutional claims).
    static bool isHospital(QStringView facilityId);

    /// A commercial contract's window to refund an overpayment once identified.
    struct RefundSetting
    {
        QString payerId;
        int refundDays = 0;
    };
    /// The commercial payers' refund windows (Medicare's and Medicaid's are the law's and
    /// need none).
    QList<RefundSetting> refundSettings() const;

private:
    QList<models::Payer> makePayers() const;
    QList<models::Facility> makeFacilities() const;
    QList<models::User> makeUsers() const;

    Options m_options;
    QList<models::Payer> m_payers;
    QList<models::Facility> m_facilities;
    QList<models::User> m_users;
};

} // namespace rcm::synthetic
