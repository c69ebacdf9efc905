#include "services/synthetic/syntheticcache.h"

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>

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

/// Whether an existing file may be replaced: only a synthetic cache may.
StoreError checkReplaceable(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    store::Database existing;
    if (StoreError error = existing.open(path, store::workbenchCacheSchema())) {
        return StoreError(StoreError::Code::ForeignDatabase,
                          u"Refusing to replace %1: it is not a synthetic cache (%2)"_s.arg(path, error.message()));
    }
    QSqlQuery query(existing.connection());
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'synthetic_seed'"_s) || !query.next()) {
        return StoreError(StoreError::Code::ForeignDatabase,
                          u"Refusing to replace %1: it is a cache of real work, not generated data."_s.arg(path));
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
    return database.execute(u"INSERT INTO meta (key, value) VALUES ('synthetic_seed', '%1'), "
                            "('synthetic_as_of', '%2')"_s.arg(options.seed)
                                .arg(options.asOf.toString(Qt::ISODate)));
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
            error = database.execute(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        if (error) {
            database.close();
            removeDatabaseFiles(partial);
            return error;
        }
    }
    removeDatabaseFiles(path);
    if (!QFile::rename(partial, path)) {
        removeDatabaseFiles(partial);
        return StoreError(StoreError::Code::CannotOpen, u"Cannot move the new cache into place at %1"_s.arg(path));
    }
    return {};
}

} // namespace rcm::synthetic
