// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

namespace rcm::cli {

/// rcmctl's exit codes, distinct so that scripts can tell failures apart.
enum ExitCode : int {
    Success = 0,
    Failure = 1, ///< the work could not be done: a store error, a bad file
    UsageError = 2, ///< the command line was wrong
    NetworkError = 3, ///< the server could not be reached or failed
    Conflict = 4, ///< an action conflicts with the server's current item
    NeedsConfirmation = 5, ///< a sync would remove more than 5% of the cache: rerun with --confirm-removals
};

} // namespace rcm::cli
