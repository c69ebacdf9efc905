// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl act ITEM ACTION [--text T] [--assignee U] [--resolution R] [--amount A]
int runAct(const QStringList &arguments);
/// rcmctl outbox [list | retry ID | discard ID] [--json]
int runOutbox(const QStringList &arguments);

} // namespace rcm::cli
