#pragma once

#include "services/store/schema.h"

namespace rcm::store {

/// The workbench's local cache: work items and the reference data they point at, with
/// the indexes the queue views sort and filter on and a full-text index for search.
const Schema &workbenchCacheSchema();

} // namespace rcm::store
