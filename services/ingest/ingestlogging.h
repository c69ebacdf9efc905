// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLoggingCategory>

namespace rcm::ingest {

/// rcm.ingest: reading flat-file extracts. Logs counts and line numbers, never cell content.
Q_DECLARE_LOGGING_CATEGORY(lcIngest)

} // namespace rcm::ingest
