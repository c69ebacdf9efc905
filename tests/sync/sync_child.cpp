// sync_child CACHE URL USER: signs in (password "demo") and syncs the cache, as rcmctl
// sync would; a test kills it at random moments. Exit 0 when the sync completed.
#include "services/api/requests.h"
#include "services/store/cacheschema.h"
#include "services/sync/syncengine.h"
#include "tests/testwait.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4)
        return 2;
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
    rcm::sync::SyncEngine engine(cache, client);
    const auto result = rcm::testing::run(engine);
    return result.outcome == rcm::sync::SyncEngine::Result::Outcome::Completed ? 0 : 1;
}
