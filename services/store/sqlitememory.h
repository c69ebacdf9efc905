// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace rcm::store {

/// Gives SQLite's page caches one block of mebibytes of memory that the kernel backs with
/// 2 MiB pages, instead of a malloc per page. Each first touch of fresh memory is a page
/// fault, and on the 2-core virtual machines we test on a fault costs about 16 µs: counting
/// a 1,000,000-item cache (2,800 pages) took 99 ms with a 64 MiB cache of malloc'd pages and
/// 19 ms with a small one that recycles its pages. A delta sync reads thousands of pages
/// once each, so most of its time went to those faults.
///
/// Process-wide and only before SQLite's first use: call it first thing in main(). The
/// block is resident from the start (SQLite threads a free list through it), so it is set
/// up only where transparent huge pages can be had (without them, setting it up would itself
/// be thousands of faults), on Linux. Connections share the block; once it is nearly full,
/// caches recycle their clean pages instead of growing, and pages they cannot recycle
/// (dirty or in use) are malloc'd as before. Returns why it did nothing, or an empty string.
QString reserveSqlitePageMemory(int mebibytes);

} // namespace rcm::store
