// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/session.h"
#include "tests/security/offlineunlocktesting.h"
#include "tests/server/gatewayfixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::security;

namespace api = rcm::api;
namespace store = rcm::store;
namespace testing = rcm::testing;
using Result = OfflineUnlockResult;

/// Offline unlock as the workbench uses it: a real sign-in and the policy from a real
/// gateway on loopback, then the gateway goes away and only the person who signed in may
/// unlock, for as long as the gateway's policy said.
class TestOfflineUnlockGateway final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void afterAnOnlineSignInTheSamePersonUnlocksOfflineForThePolicysHours()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        rcm::server::GatewayServer::Options options;
        options.api.offlineUnlockHours = 2;
        auto gateway = std::make_unique<testing::GatewayFixture>(20, options);
        QVERIFY(gateway->isReady());

        api::Session session(gateway->url(QString()));
        std::optional<api::ApiError> signedIn;
        session.signIn(u"biller"_s, u"demo"_s, this, [&](const api::ApiError &error) { signedIn = error; });
        QTRY_VERIFY(signedIn.has_value());
        QVERIFY2(!*signedIn, qPrintable(signedIn->message()));
        std::optional<api::GatewayPolicy> policy;
        session.fetchPolicy(this, [&](const api::ApiError &error, const api::GatewayPolicy &read) {
            if (!error)
                policy = read;
        });
        QTRY_VERIFY(policy.has_value());

        store::CacheOwner owner;
        owner.server = session.server().toString();
        owner.username = u"biller"_s;
        owner.user = session.user();
        owner.offlineUnlockHours = policy->offlineUnlockHours;
        owner.autoLockMinutesMax = policy->autoLockMinutesMax;
        const QString cachePath = store::personalCachePath(folder.path(), owner.server, owner.username);
        OfflineUnlock unlock(OfflineUnlock::Keyring::None);
        QCOMPARE(testing::remember(unlock, cachePath, owner, u"demo"_s), QString());

        // The gateway goes away.
        gateway.reset();
        std::optional<api::ApiError> unreachable;
        session.fetchPolicy(this, [&](const api::ApiError &error, const api::GatewayPolicy &) { unreachable = error; });
        QTRY_VERIFY_WITH_TIMEOUT(unreachable.has_value(), 30000);
        QVERIFY(*unreachable);

        const QDateTime last = testing::storedOwner(cachePath).lastOnlineSignIn;
        const OfflineUnlockOutcome unlocked
            = testing::tryUnlock(unlock, cachePath, owner.server, u"BILLER"_s, u"demo"_s, last.addSecs(3600));
        QCOMPARE(unlocked.result, Result::Unlocked);
        QCOMPARE(unlocked.owner->user, session.user());
        QCOMPARE(unlocked.owner->user.role, rcm::models::Role::Biller);
        QCOMPARE(testing::tryUnlock(unlock, cachePath, owner.server, u"biller"_s, u"demo"_s, last.addSecs(2 * 3600 + 1))
                     .result,
                 Result::Expired);
        // Another member of the team, with the same demo password: not on this cache, and
        // their own cache was never signed in to online.
        QCOMPARE(testing::tryUnlock(unlock, cachePath, owner.server, u"coder"_s, u"demo"_s, last.addSecs(60)).result,
                 Result::NotOwner);
        const QString theirs = store::personalCachePath(folder.path(), owner.server, u"coder"_s);
        QVERIFY(theirs != cachePath);
        QCOMPARE(testing::tryUnlock(unlock, theirs, owner.server, u"coder"_s, u"demo"_s, last.addSecs(60)).result,
                 Result::NoVerifier);
    }
};

QTEST_GUILESS_MAIN(TestOfflineUnlockGateway)
#include "test_offlineunlockgateway.moc"
