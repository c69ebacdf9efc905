// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/storelogging.h"

namespace rcm::store {
Q_LOGGING_CATEGORY(lcStore, "rcm.store", QtWarningMsg)
}
