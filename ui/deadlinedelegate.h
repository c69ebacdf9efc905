// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ui/singlelinedelegate.h"

namespace rcm::ui {

/// Colours the filing-deadline cell: red when the deadline is a week away or past,
/// amber within thirty days, so the items about to be lost stand out.
class DeadlineDelegate final : public SingleLineDelegate
{
    Q_OBJECT

public:
    using SingleLineDelegate::SingleLineDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace rcm::ui
