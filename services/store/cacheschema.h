// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/schema.h"
#include "services/store/storeerror.h"

#include <QDate>

namespace rcm::store {

/// The workbench's local cache: work items and the reference data they point at, with
/// the indexes the queue views sort and filter on and a full-text index for search.
const Schema &workbenchCacheSchema();

class Database;

/// Whether the file at path is a workbench cache the synthetic generator made (so
/// replacing it loses no real work). Read-only and without migrating: looking changes
/// nothing, not even a -wal file.
bool isSyntheticCache(const QString &path);
/// Marks an open cache as synthetic, with the seed and as-of date it was made from.
StoreError markSyntheticCache(Database &cache, quint64 seed, const QDate &asOf);

} // namespace rcm::store
