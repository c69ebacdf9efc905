// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/payer.h"
#include "models/user.h"
#include "models/workitem.h"

#include <QDate>
#include <QList>

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
