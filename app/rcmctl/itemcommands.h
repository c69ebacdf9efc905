// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringList>

namespace rcm::cli {

/// rcmctl items import FILE.csv --source NAME --mapping MAP.json [--preview]
/// [--close-missing] [--json]: maps a flat-file extract's columns to work-item fields
/// (docs/extracts/README.md), reports every bad row with its line number, and sends the
/// good rows to the gateway in batches as the source's items (docs/work-items-in.md). Run
/// again on the next file, unchanged rows change nothing; with --close-missing the source's
/// open items the file no longer lists are closed. Exit 0 when every row was taken, 1 when
/// some were refused (the good ones were still taken), 2 for a bad command line or mapping.
int runItems(const QStringList &arguments);

} // namespace rcm::cli
