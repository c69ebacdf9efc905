// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/ingest/ingestlogging.h"

namespace rcm::ingest {

Q_LOGGING_CATEGORY(lcIngest, "rcm.ingest", QtWarningMsg)

} // namespace rcm::ingest
