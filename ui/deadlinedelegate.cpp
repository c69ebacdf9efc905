// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/deadlinedelegate.h"

#include "ui/itemmodels/workqueuemodel.h"

namespace rcm::ui {

void DeadlineDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    SingleLineDelegate::initStyleOption(option, index);
    const QVariant days = index.data(itemmodels::WorkQueueModel::DaysToDeadlineRole);
    if (!days.isValid())
        return;
    if (days.toInt() <= 7) {
        option->backgroundBrush = QColor(0xfd, 0xe2, 0xe1);
        option->palette.setColor(QPalette::Text, QColor(0xa4, 0x0e, 0x26));
        option->font.setBold(true);
    } else if (days.toInt() <= 30) {
        option->backgroundBrush = QColor(0xff, 0xf4, 0xd6);
        option->palette.setColor(QPalette::Text, QColor(0x7d, 0x4e, 0x00));
    }
}

} // namespace rcm::ui
