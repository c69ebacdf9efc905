// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/payer.h"
#include "models/user.h"
#include "ui/itemmodels/queuefilter.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace rcm::ui {

/// The row of filters above the queue: payer, facility, denial category, status, owner, age
/// bucket, deadline window and a balance range. Emits the whole filter whenever one part changes.
class FilterBar final : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBar(QWidget *parent = nullptr);

    /// The choices offered (from the cache); keeps the current filter where it can.
    void setChoices(const QList<models::Payer> &payers, const QList<models::Facility> &facilities,
                    const QList<models::User> &users);
    itemmodels::QueueFilter filter() const;
    void setFilter(const itemmodels::QueueFilter &filter);
    void clear();

Q_SIGNALS:
    void filterChanged(const itemmodels::QueueFilter &filter);

private:
    void emitChange();

    QComboBox *m_payer = nullptr;
    QComboBox *m_facility = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_owner = nullptr;
    QComboBox *m_age = nullptr;
    QComboBox *m_deadline = nullptr;
    QLineEdit *m_minimum = nullptr;
    QLineEdit *m_maximum = nullptr;
    bool m_updating = false;
};

} // namespace rcm::ui
