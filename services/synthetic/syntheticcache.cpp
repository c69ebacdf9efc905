// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/synthetic/syntheticcache.h"

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace rcm::synthetic {

using store::StoreError;

namespace {

constexpr qint64 batchSize = 5000;

void removeDatabaseFiles(const QString &path)
{
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
}

/// Whether an existing file may be replaced: only a synthetic cache nobody has open.
/// Read-only and without migrating, so that checking changes nothing.
StoreError checkReplaceable(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    if (QFileInfo::exists(path + u"-wal"_s) || QFileInfo::exists(path + u"-shm"_s)) {
        return StoreError(StoreError::Code::Busy,
                          u"Refusing to replace %1: it is open in another program (or was "
                          "not closed cleanly). Close the workbench using it first."_s.arg(path));
    }
    const bool synthetic = store::isSyntheticCache(path);
    if (!synthetic) {
        return StoreError(StoreError::Code::ForeignDatabase,
                          u"Refusing to replace %1: it is not a synthetic cache (it may hold real work)."_s.arg(path));
    }
    return {};
}

StoreError fill(store::Database &database, qint64 itemCount, const SyntheticGenerator &generator,
                const std::function<void(qint64)> &progress)
{
    store::WorkItemStore items(database);
    if (StoreError error = items.upsertPayers(generator.payers()))
        return error;
    if (StoreError error = items.upsertFacilities(generator.facilities()))
        return error;
    if (StoreError error = items.upsertUsers(generator.users()))
        return error;
    if (StoreError error = items.beginBulkLoad())
        return error;
    for (qint64 first = 0; first < itemCount; first += batchSize) {
        const QList<models::WorkItem> batch = generator.items(first, std::min(batchSize, itemCount - first));
        if (StoreError error = items.upsertItems(batch))
            return error;
        if (progress)
            progress(first + batch.size());
    }
    if (StoreError error = items.endBulkLoad())
        return error;
    const auto &options = generator.options();
    return store::markSyntheticCache(database, options.seed, options.asOf);
}

} // namespace

StoreError writeSyntheticCache(const QString &path, qint64 itemCount, const SyntheticGenerator &generator,
                               const std::function<void(qint64)> &progress)
{
    if (StoreError error = checkReplaceable(path))
        return error;
    const QString partial = u"%1.partial-%2"_s.arg(path).arg(QCoreApplication::applicationPid());
    removeDatabaseFiles(partial);
    {
        store::Database database;
        StoreError error = database.open(partial, store::workbenchCacheSchema());
        if (!error)
            error = fill(database, itemCount, generator, progress);
        if (!error)
            error = database.checkpoint();
        if (error) {
            database.close();
            removeDatabaseFiles(partial);
            return error;
        }
    }
    // Checked again: generating took a while, and someone may have opened the file since.
    if (StoreError error = checkReplaceable(path)) {
        removeDatabaseFiles(partial);
        return error;
    }
    // rename(2) replaces the target atomically: there is always a whole cache at path.
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(path).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        removeDatabaseFiles(partial);
        return StoreError(StoreError::Code::CannotOpen,
                          u"Cannot move the new cache into place at %1: %2"_s.arg(path, reason));
    }
    return {};
}

} // namespace rcm::synthetic
