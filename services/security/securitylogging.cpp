// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/security/securitylogging.h"

namespace rcm::security {
Q_LOGGING_CATEGORY(lcSecurity, "rcm.security", QtWarningMsg)
}
