// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLoggingCategory>

namespace rcm::security {
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
}
