// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/sqlitememory.h"

#include <QFile>

#include <sqlite3.h>

#include <cstdint>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

#ifdef Q_OS_LINUX
namespace {

/// The largest page size of our files (the workbench cache's and the gateway's).
constexpr int largestPageSize = 8192;

/// Whether the kernel gives 2 MiB pages to memory that asks for them.
bool hugePagesOnRequest()
{
    QFile setting(u"/sys/kernel/mm/transparent_hugepage/enabled"_s);
    if (!setting.open(QIODevice::ReadOnly))
        return false;
    const QByteArray modes = setting.readAll();
    return modes.contains("[always]") || modes.contains("[madvise]");
}

} // namespace
#endif

QString reserveSqlitePageMemory(int mebibytes)
{
#ifdef Q_OS_LINUX
    if (!hugePagesOnRequest())
        return u"transparent huge pages are not available"_s;
    int header = 0;
    if (sqlite3_config(SQLITE_CONFIG_PCACHE_HDRSZ, &header) != SQLITE_OK)
        return u"SQLite is already in use"_s;
    const int slotSize = (largestPageSize + header + 7) / 8 * 8;
    // The block starts on a 2 MiB boundary, so that all of it can be huge pages.
    constexpr std::size_t hugePage = std::size_t(2) * 1024 * 1024;
    const std::size_t bytes = std::size_t(mebibytes) * 1024 * 1024;
    const int slots = int(bytes / std::size_t(slotSize));
    void *mapped = mmap(nullptr, bytes + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        return u"no memory for the page cache"_s;
    const auto address = reinterpret_cast<std::uintptr_t>(mapped);
    void *block = reinterpret_cast<void *>((address + hugePage - 1) / hugePage * hugePage);
    madvise(block, bytes, MADV_HUGEPAGE);
    if (sqlite3_config(SQLITE_CONFIG_PAGECACHE, block, slotSize, slots) != SQLITE_OK) {
        munmap(mapped, bytes + hugePage);
        return u"SQLite is already in use"_s;
    }
    return {};
#else
    Q_UNUSED(mebibytes)
    return u"only on Linux"_s;
#endif
}

} // namespace rcm::store
