// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/x12logging.h"

namespace rcm::x12 {

Q_LOGGING_CATEGORY(lcX12, "rcm.x12", QtWarningMsg)

} // namespace rcm::x12
