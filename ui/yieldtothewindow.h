// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace rcm::ui {

/// Background work gives way to the window: on a two-core workstation a sync writing pages
/// or a dashboard scanning a million items must not delay the window's drawing. Qt's thread
/// priorities do not reach Linux's normal scheduler, so the calling thread's nice value is
/// raised instead (for good: an unprivileged thread cannot lower it again, and a pool thread
/// that ran background work once may as well keep giving way).
void yieldToTheWindow();

} // namespace rcm::ui
