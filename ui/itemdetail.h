// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/claim.h"
#include "models/user.h"
#include "models/workitem.h"

#include <QDate>
#include <QString>

namespace rcm::ui {

/// One line of an item's history, as the detail panel shows it.
struct HistoryLine
{
    QDateTime occurredAt;
    QString actorName;
    QString type; ///< the action's wire name
    QString text; ///< a note, a reason, an amount or a resolution, when there is one
};

/// The detail panel's page for one work item: what it is, what is owed, why it was
/// denied, how long is left to act and what has been done, as HTML for a QTextBrowser.
QString itemDetailHtml(const models::WorkItem &item, const QString &ownerName, const QDate &today,
                       const QList<HistoryLine> &history = {}, const QList<models::PostedPayment> &payments = {});

} // namespace rcm::ui
