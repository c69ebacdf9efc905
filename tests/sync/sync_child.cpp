// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// sync_child CACHE URL USER [HOLD_PAGE [TRANSACTION_MS]]: signs in (password "demo") and syncs the cache, as
// rcmctl sync would, so that a test can kill it. It reports each page on stdout, one flushed
// line per event: "written N" inside page N's transaction, "committed N" after its commit
// (N counts this run's pages from 1). With HOLD_PAGE it then stays inside that page's
// transaction for a while, saying "holding N" first, so the test can kill it there on purpose.
// TRANSACTION_MS sets how long written pages may wait for a commit (the engine's default if
// not given); pages that share a transaction are all "written" before the first is "committed".
// Exit 0 when the sync completed.
#include "services/api/requests.h"
#include "services/store/cacheschema.h"
#include "services/sync/syncengine.h"
#include "tests/testwait.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QThread>

#include <cstdio>

using rcm::sync::SyncEngine;

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 4 || arguments.size() > 6)
        return 2;
    const qint64 holdPage = arguments.size() >= 5 ? arguments.at(4).toLongLong() : 0;
    rcm::store::Database cache;
    if (const auto error = cache.open(arguments.at(1), rcm::store::workbenchCacheSchema())) {
        QTextStream(stderr) << error.message() << "\n";
        return 1;
    }
    rcm::api::ApiClient client {QUrl(arguments.at(2))};
    rcm::api::SignInRequest signIn(arguments.at(3), QStringLiteral("demo"));
    if (rcm::testing::execute(client, signIn))
        return 3;
    client.setToken(signIn.token);
    SyncEngine engine(cache, client);
    if (arguments.size() == 6)
        engine.setTransactionLimit(arguments.at(5).toInt());
    const auto report = [](const char *event, qint64 page) {
        std::printf("%s %lld\n", event, static_cast<long long>(page));
        std::fflush(stdout);
    };
    engine.setPageObserver([holdPage, report](qint64 page, SyncEngine::PageStage stage) {
        const bool written = stage == SyncEngine::PageStage::Written;
        report(written ? "written" : "committed", page);
        if (written && page == holdPage) {
            report("holding", page);
            // Long enough for a test that kills on the line above, however loaded the
            // machine; the test never waits for it to end.
            QThread::sleep(20);
        }
    });
    const auto result = rcm::testing::run(engine);
    return result.outcome == SyncEngine::Result::Outcome::Completed ? 0 : 1;
}
