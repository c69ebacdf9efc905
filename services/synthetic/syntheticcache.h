// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/storeerror.h"
#include "services/synthetic/syntheticgenerator.h"

#include <functional>

namespace rcm::synthetic {

/// Writes a complete workbench cache of generated data to path. The file is built
/// beside the target and renamed over it only when complete, so a failure or a kill
/// leaves no half-written cache. An existing file is replaced only if it is itself a
/// synthetic cache: a cache holding real work is never overwritten.
store::StoreError writeSyntheticCache(const QString &path, qint64 itemCount, const SyntheticGenerator &generator,
                                      const std::function<void(qint64 written)> &progress = {});

} // namespace rcm::synthetic
