// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// cache_writer_helper FILE FIRST COUNT: writes synthetic items [FIRST, FIRST + COUNT) to
// the cache FILE in small batches, exiting 0 only if every batch was committed.
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4)
        return 2;
    rcm::store::Database database;
    if (const rcm::store::StoreError error = database.open(arguments.at(1), rcm::store::workbenchCacheSchema())) {
        QTextStream(stderr) << error.message() << "\n";
        return 1;
    }
    rcm::store::WorkItemStore store(database);
    const rcm::synthetic::SyntheticGenerator generator({42, QDate(2026, 11, 1)});
    const qint64 first = arguments.at(2).toLongLong();
    const qint64 count = arguments.at(3).toLongLong();
    constexpr qint64 batch = 25;
    for (qint64 index = first; index < first + count; index += batch) {
        const auto items = generator.items(index, std::min(batch, first + count - index));
        if (const rcm::store::StoreError error = store.upsertItems(items)) {
            QTextStream(stderr) << error.message() << "\n";
            return 1;
        }
    }
    return 0;
}
