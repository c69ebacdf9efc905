// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLoggingCategory>

namespace rcm::x12 {

/// rcm.x12: reading and writing X12 files. Logs segment numbers and codes, never content.
Q_DECLARE_LOGGING_CATEGORY(lcX12)

} // namespace rcm::x12
