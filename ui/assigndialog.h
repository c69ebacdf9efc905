// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"

#include <QDialog>
#include <QHash>

class QTreeWidget;

namespace rcm::ui {

/// Picks whom to assign work to, showing each eligible user's open workload so a
/// supervisor can balance it; the least loaded is offered first.
class AssignDialog final : public QDialog
{
    Q_OBJECT

public:
    AssignDialog(const QList<models::User> &eligible, const QHash<QString, qint64> &openItems, int itemCount,
                 QWidget *parent = nullptr);

    /// The chosen user's id, or empty.
    QString assigneeId() const;

private:
    QTreeWidget *m_users = nullptr;
};

} // namespace rcm::ui
