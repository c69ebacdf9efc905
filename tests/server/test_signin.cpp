// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayupkeep.h"
#include "server/passwordhasher.h"
#include "services/api/session.h"
#include "tests/server/gatewayfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using testing::GatewayFixture;
using testing::HttpClient;
using testing::HttpReply;

namespace {

QJsonObject credentials(const QString &username, const QString &password)
{
    return {{u"username"_s, username}, {u"password"_s, password}};
}

/// A password check held on its worker until the test lets it go.
struct HeldChecks
{
    QSemaphore entered;
    QSemaphore released;
    std::atomic<bool> holding {true};

    std::function<void()> hook()
    {
        return [this]() {
            if (!holding)
                return;
            entered.release();
            released.acquire();
        };
    }
    void releaseAll()
    {
        holding = false;
        released.release(100);
    }
};

} // namespace

/// Sign-in limits, sessions and their audit, through rcm-gateway's HTTP API on loopback.
/// The gateway's clock is the test's (m_now), so that expiry is tested without waiting.
class TestSignIn final : public QObject
{
    Q_OBJECT

private:
    QDateTime m_now = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

    /// A gateway on the test's clock with the given sign-in limits (the rest default).
    std::unique_ptr<GatewayFixture> gateway(server::SignInThrottle::Limits limits = {},
                                            server::GatewayServer::Options options = {})
    {
        options.api.signInLimits = limits;
        options.api.clock = [this]() {
            return m_now;
        };
        auto fixture = std::make_unique<GatewayFixture>(20, options);
        return fixture;
    }

    static HttpReply signIn(GatewayFixture &gateway, const QString &username, const QString &password)
    {
        HttpClient client(gateway.url(QString()));
        return client.postJson(u"/session"_s, credentials(username, password));
    }

    static QNetworkReply *startSignIn(HttpClient &client, const QString &username)
    {
        return client.network().post(client.request(u"/session"_s, {{"Content-Type", "application/json"}}),
                                     QJsonDocument(credentials(username, u"demo"_s)).toJson());
    }

    static HttpReply signOut(HttpClient &client)
    {
        return HttpClient::wait(client.network().deleteResource(client.request(u"/session"_s, {})));
    }

    static qint64 count(GatewayFixture &gateway, const QString &sql)
    {
        QSqlQuery query(gateway.database().connection());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }

    /// The audit chain's entries about sessions and sign-ins, oldest first:
    /// "type subject details".
    static QStringList sessionAudit(GatewayFixture &gateway)
    {
        QStringList entries;
        QSqlQuery query(gateway.database().connection());
        query.exec(u"SELECT action_type, work_item_id, actor_id, details_json FROM audit_log "
                   "WHERE action_type IN ('sign_in', 'sign_in_failed', 'sign_out') ORDER BY sequence"_s);
        while (query.next()) {
            entries << u"%1 %2 %3 %4"_s.arg(query.value(0).toString(), query.value(1).toString(),
                                            query.value(2).toString(), query.value(3).toString());
        }
        return entries;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anAddressFailingTooOftenIsRefusedWith429AndRetryAfter()
    {
        server::SignInThrottle::Limits limits;
        limits.addressFailures = 3;
        limits.addressWindow = std::chrono::minutes(10);
        auto fixture = gateway(limits);
        QVERIFY(fixture->isReady());
        // Three different names, so that no one name is locked: only the address counts.
        for (const QString &name : {u"guess1"_s, u"guess2"_s, u"guess3"_s})
            QCOMPARE(signIn(*fixture, name, u"password1"_s).status, 401);
        m_now = m_now.addSecs(60);
        const HttpReply refused = signIn(*fixture, u"biller"_s, u"demo"_s);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.headers.value("content-type"), QByteArray("application/problem+json"));
        QVERIFY(refused.json().value(u"type"_s).toString().endsWith(u"/sign-in-rate-limited"_s));
        // The window began with the first failure, a minute ago: nine minutes are left.
        QCOMPARE(refused.headers.value("retry-after"), QByteArray("540"));
        QCOMPARE(refused.json().value(u"retryAfter"_s).toInt(), 540);
        m_now = m_now.addSecs(540);
        QCOMPARE(signIn(*fixture, u"biller"_s, u"demo"_s).status, 200);
    }

    void aUserNameIsLockedForLongerWithEachFurtherFailure()
    {
        server::SignInThrottle::Limits limits;
        limits.failuresBeforeLockout = 3;
        limits.firstLockout = std::chrono::seconds(60);
        limits.longestLockout = std::chrono::seconds(200);
        auto fixture = gateway(limits);
        QVERIFY(fixture->isReady());
        QCOMPARE(signIn(*fixture, u"biller"_s, u"wrong1"_s).status, 401);
        QCOMPARE(signIn(*fixture, u"biller"_s, u"wrong2"_s).status, 401);
        QCOMPARE(signIn(*fixture, u"biller"_s, u"wrong3"_s).status, 401); // the third: locked for a minute
        // Other names and the address are not affected.
        QCOMPARE(signIn(*fixture, u"coder"_s, u"demo"_s).status, 200);
        const QList<int> lockouts = {60, 120, 200, 200}; // doubling, up to the longest
        for (int lockout : lockouts) {
            const HttpReply locked = signIn(*fixture, u"biller"_s, u"wrong"_s);
            QCOMPARE(locked.status, 429);
            QVERIFY(locked.json().value(u"type"_s).toString().endsWith(u"/sign-in-locked"_s));
            QCOMPARE(locked.headers.value("retry-after").toInt(), lockout);
            // A name differing only in case is the same name.
            QCOMPARE(signIn(*fixture, u"BILLER"_s, u"wrong"_s).status, 429);
            m_now = m_now.addSecs(lockout - 1);
            QCOMPARE(signIn(*fixture, u"biller"_s, u"wrong"_s).status, 429);
            m_now = m_now.addSecs(1);
            QCOMPARE(signIn(*fixture, u"biller"_s, u"wrong"_s).status, 401); // locks it again, longer
        }
        m_now = m_now.addSecs(200);
        // A success starts the count again: one failure afterwards locks nothing.
        QCOMPARE(signIn(*fixture, u"biller"_s, u"demo"_s).status, 200);
        QCOMPARE(signIn(*fixture, u"biller"_s, u"wrong"_s).status, 401);
        QCOMPARE(signIn(*fixture, u"biller"_s, u"demo"_s).status, 200);
    }

    void aLockedUserIsRefusedEvenWithTheRightPasswordAndNoPasswordIsChecked()
    {
        server::SignInThrottle::Limits limits;
        limits.failuresBeforeLockout = 2;
        auto fixture = gateway(limits);
        QVERIFY(fixture->isReady());
        QCOMPARE(signIn(*fixture, u"poster"_s, u"wrong"_s).status, 401);
        QCOMPARE(signIn(*fixture, u"poster"_s, u"wrong"_s).status, 401);
        const qint64 before = server::PasswordHasher::iterationsVerified();
        const HttpReply right = signIn(*fixture, u"poster"_s, u"demo"_s);
        const HttpReply wrong = signIn(*fixture, u"poster"_s, u"wrong"_s);
        QCOMPARE(server::PasswordHasher::iterationsVerified(), before);
        // The same answer either way: a lockout tells nothing about the password.
        QCOMPARE(right.status, 429);
        QCOMPARE(wrong.status, 429);
        QCOMPARE(right.headers.value("retry-after"), wrong.headers.value("retry-after"));
        QJsonObject rightBody = right.json();
        QJsonObject wrongBody = wrong.json();
        rightBody.remove(u"correlationId"_s);
        wrongBody.remove(u"correlationId"_s);
        QCOMPARE(rightBody, wrongBody);
    }

    void anUnknownOrInactiveNameCostsTheSameWorkAndGetsTheSameAnswer()
    {
        auto fixture = gateway();
        QVERIFY(fixture->isReady());
        QVERIFY(!fixture->database().execute(u"UPDATE users SET active = 0 WHERE username = 'coder'"_s));
        const auto attempt = [&](const QString &username) {
            const qint64 before = server::PasswordHasher::iterationsVerified();
            const HttpReply reply = signIn(*fixture, username, u"not-the-password"_s);
            QJsonObject body = reply.json();
            body.remove(u"correlationId"_s);
            return std::tuple {reply.status, body, server::PasswordHasher::iterationsVerified() - before};
        };
        const auto [knownStatus, knownBody, knownWork] = attempt(u"biller"_s);
        QCOMPARE(knownStatus, 401);
        QCOMPARE(knownWork, qint64(1000)); // the fixture's users have 1000 iterations
        for (const QString &name : {u"no-such-user"_s, u"coder"_s}) {
            const auto [status, body, work] = attempt(name);
            QCOMPARE(status, knownStatus);
            QCOMPARE(body, knownBody);
            QCOMPARE(work, knownWork);
        }
    }

    void aSignInsPasswordCheckDoesNotHoldUpOtherRequests()
    {
        HeldChecks held;
        server::GatewayServer::Options options;
        options.passwordChecks.threads = 1;
        options.passwordChecks.beforeEachCheck = held.hook();
        auto fixture = gateway({}, options);
        const auto release = qScopeGuard([&held]() { held.releaseAll(); }); // before the gateway waits for it
        QVERIFY(fixture->isReady());
        HttpClient signingIn(fixture->url(QString()));
        QNetworkReply *pending = startSignIn(signingIn, u"supervisor"_s);
        QTRY_COMPARE(held.entered.available(), 1); // the check is under way on its worker
        // Another client on another connection is answered meanwhile.
        HttpClient other(fixture->url(QString()));
        const HttpReply health = other.get(u"/health"_s);
        QCOMPARE(health.status, 200);
        QVERIFY(!pending->isFinished());
        held.releaseAll();
        const HttpReply signedIn = HttpClient::wait(pending);
        QCOMPARE(signedIn.status, 200);
        QVERIFY(!signedIn.json().value(u"token"_s).toString().isEmpty());
    }

    void tooManySignInsWaitingAreRefusedAtOnce()
    {
        HeldChecks held;
        server::GatewayServer::Options options;
        options.passwordChecks.threads = 1;
        options.passwordChecks.maximumWaiting = 1;
        options.passwordChecks.beforeEachCheck = held.hook();
        auto fixture = gateway({}, options);
        const auto release = qScopeGuard([&held]() { held.releaseAll(); }); // before the gateway waits for it
        QVERIFY(fixture->isReady());
        HttpClient client(fixture->url(QString()));
        QNetworkReply *running = startSignIn(client, u"supervisor"_s);
        QTRY_COMPARE(held.entered.available(), 1);
        // One more may wait for the worker; a third is refused without waiting.
        QList<QNetworkReply *> more = {startSignIn(client, u"biller"_s), startSignIn(client, u"coder"_s)};
        QTRY_VERIFY(more.at(0)->isFinished() || more.at(1)->isFinished());
        QVERIFY(!running->isFinished());
        QNetworkReply *refusedReply = more.at(0)->isFinished() ? more.at(0) : more.at(1);
        QNetworkReply *waiting = refusedReply == more.at(0) ? more.at(1) : more.at(0);
        const HttpReply refused = HttpClient::wait(refusedReply);
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.json().value(u"type"_s).toString().endsWith(u"/sign-in-busy"_s));
        QCOMPARE(refused.headers.value("retry-after"), QByteArray("1"));
        held.releaseAll();
        QCOMPARE(HttpClient::wait(running).status, 200);
        QCOMPARE(HttpClient::wait(waiting).status, 200);
    }

    void guessesSentAtOnceAreCheckedOneAtATimePerName()
    {
        // The limits count a failure once its password is checked: guesses sent together
        // would all pass them. One check at a time per name, and a few per address.
        HeldChecks held;
        server::GatewayServer::Options options;
        options.passwordChecks.threads = server::SignInDesk::maximumChecksPerAddress; // each held on its own
        options.passwordChecks.beforeEachCheck = held.hook();
        auto fixture = gateway({}, options);
        const auto release = qScopeGuard([&held]() { held.releaseAll(); });
        QVERIFY(fixture->isReady());
        HttpClient client(fixture->url(QString()));
        QNetworkReply *first = startSignIn(client, u"supervisor"_s);
        QTRY_COMPARE(held.entered.available(), 1);
        const HttpReply second = HttpClient::wait(startSignIn(client, u"SUPERVISOR"_s)); // the same name
        QCOMPARE(second.status, 429);
        QVERIFY(second.json().value(u"type"_s).toString().endsWith(u"/sign-in-in-progress"_s));
        QCOMPARE(second.headers.value("retry-after"), QByteArray("1"));

        // Three more names from the same address fill its share; a fifth waits its turn.
        QList<QNetworkReply *> others;
        for (const QString &name : {u"biller"_s, u"coder"_s, u"finance"_s})
            others.append(startSignIn(client, name));
        QCOMPARE(server::SignInDesk::maximumChecksPerAddress, 4);
        QTRY_COMPARE(held.entered.available(), 4);
        const HttpReply fifth = HttpClient::wait(startSignIn(client, u"poster"_s));
        QCOMPARE(fifth.status, 429);
        QVERIFY(fifth.json().value(u"type"_s).toString().endsWith(u"/sign-in-in-progress"_s));

        held.releaseAll();
        QCOMPARE(HttpClient::wait(first).status, 200);
        for (QNetworkReply *other : others)
            QCOMPARE(HttpClient::wait(other).status, 200);
        // Once checked, the name may be tried again.
        QVERIFY(client.signIn(u"supervisor"_s));
    }

    void signingOutEndsTheSession()
    {
        auto fixture = gateway();
        QVERIFY(fixture->isReady());
        HttpClient client(fixture->url(QString()));
        QVERIFY(client.signIn(u"biller"_s));
        HttpClient otherSession(fixture->url(QString()));
        QVERIFY(otherSession.signIn(u"biller"_s));
        QCOMPARE(client.get(u"/work-items?limit=1"_s).status, 200);
        const HttpReply out = signOut(client);
        QCOMPARE(out.status, 204);
        QVERIFY(out.body.isEmpty());
        QCOMPARE(client.get(u"/work-items?limit=1"_s).status, 401);
        QCOMPARE(signOut(client).status, 401); // nothing left to end
        // Only that session ended: the same user's other one goes on.
        QCOMPARE(otherSession.get(u"/work-items?limit=1"_s).status, 200);
        QCOMPARE(count(*fixture, u"SELECT count(*) FROM sessions"_s), 1);
    }

    void aSessionUnusedForTheIdleTimeEnds()
    {
        server::GatewayServer::Options options;
        options.api.sessionIdle = std::chrono::minutes(30);
        auto fixture = gateway({}, options);
        QVERIFY(fixture->isReady());
        HttpClient client(fixture->url(QString()));
        QVERIFY(client.signIn(u"biller"_s));
        m_now = m_now.addSecs(20 * 60);
        QCOMPARE(client.get(u"/users"_s).status, 200);
        // 45 minutes after sign-in but 25 after the last use: each use extends it.
        m_now = m_now.addSecs(25 * 60);
        QCOMPARE(client.get(u"/users"_s).status, 200);
        m_now = m_now.addSecs(29 * 60 + 59);
        QCOMPARE(client.get(u"/users"_s).status, 200);
        m_now = m_now.addSecs(30 * 60);
        QCOMPARE(client.get(u"/users"_s).status, 401);
    }

    void aSessionEndsAtItsAbsoluteExpiryHoweverBusy()
    {
        server::GatewayServer::Options options;
        options.api.sessionLifetime = std::chrono::hours(8);
        options.api.sessionIdle = std::chrono::minutes(30);
        auto fixture = gateway({}, options);
        QVERIFY(fixture->isReady());
        HttpClient client(fixture->url(QString()));
        const HttpReply signedIn = client.postJson(u"/session"_s, credentials(u"biller"_s, u"demo"_s));
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(QDateTime::fromString(signedIn.json().value(u"expiresAt"_s).toString(), Qt::ISODateWithMs),
                 m_now.addSecs(8 * 3600));
        client.setToken(signedIn.json().value(u"token"_s).toString());
        const QDateTime signInTime = m_now;
        while (m_now < signInTime.addSecs(8 * 3600 - 20 * 60)) {
            m_now = m_now.addSecs(20 * 60);
            QCOMPARE(client.get(u"/users"_s).status, 200);
        }
        m_now = signInTime.addSecs(8 * 3600);
        QCOMPARE(client.get(u"/users"_s).status, 401);
    }

    void upkeepPurgesExpiredSessionsAndOldSignInFailures()
    {
        auto fixture = gateway();
        QVERIFY(fixture->isReady());
        HttpClient client(fixture->url(QString()));
        QVERIFY(client.signIn(u"biller"_s));
        QCOMPARE(signIn(*fixture, u"biller"_s, u"wrong"_s).status, 401); // a row for the name, one for the address
        QCOMPARE(count(*fixture, u"SELECT count(*) FROM signin_throttle"_s), 2);
        server::GatewayUpkeep::Windows windows;
        windows.sessionIdle = std::chrono::minutes(30);
        windows.signInFailures = std::chrono::hours(24);
        server::GatewayUpkeep upkeep(fixture->store(), windows);
        // Nothing is old yet.
        QVERIFY(!upkeep.purgeExpired(m_now.addSecs(29 * 60)));
        QCOMPARE(count(*fixture, u"SELECT count(*) FROM sessions"_s), 1);
        QCOMPARE(count(*fixture, u"SELECT count(*) FROM signin_throttle"_s), 2);
        // Idle for longer than allowed: the session goes; the failures stay a day.
        QVERIFY(!upkeep.purgeExpired(m_now.addSecs(31 * 60)));
        QCOMPARE(count(*fixture, u"SELECT count(*) FROM sessions"_s), 0);
        QCOMPARE(count(*fixture, u"SELECT count(*) FROM signin_throttle"_s), 2);
        QVERIFY(!upkeep.purgeExpired(m_now.addSecs(24 * 3600 + 1)));
        QCOMPARE(count(*fixture, u"SELECT count(*) FROM signin_throttle"_s), 0);
    }

    void thePolicyTellsTheWorkstationLimitsWithoutSignIn()
    {
        {
            auto fixture = gateway();
            QVERIFY(fixture->isReady());
            HttpClient client(fixture->url(QString()));
            const HttpReply policy = client.get(u"/policy"_s);
            QCOMPARE(policy.status, 200);
            QCOMPARE(policy.json(),
                     (QJsonObject {{u"autoLockMinutesMax"_s, 15},
                                   {u"offlineUnlockHours"_s, 12},
                                   {u"sessionIdleMinutes"_s, 30},
                                   {u"sessionAbsoluteHours"_s, 8}}));
            QCOMPARE(client.postJson(u"/policy"_s, {}).status, 405);
        }
        server::GatewayServer::Options options;
        options.api.autoLockMinutesMax = 5;
        options.api.offlineUnlockHours = 2;
        options.api.sessionIdle = std::chrono::minutes(10);
        auto fixture = gateway({}, options);
        QVERIFY(fixture->isReady());
        // The workbench's client reads it.
        api::Session session(fixture->url(QString()));
        bool answered = false;
        api::ApiError error;
        api::GatewayPolicy policy;
        session.fetchPolicy(&session, [&](const api::ApiError &failure, const api::GatewayPolicy &read) {
            answered = true;
            error = failure;
            policy = read;
        });
        QTRY_VERIFY(answered);
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(policy.autoLockMinutesMax, 5);
        QCOMPARE(policy.offlineUnlockHours, 2);
        QCOMPARE(policy.sessionIdleMinutes, 10);
        QCOMPARE(policy.sessionAbsoluteHours, 8);
    }

    void theGatewaysOptionsSetThePolicy()
    {
        QTemporaryDir data;
        QVERIFY(data.isValid());
        QProcess refused;
        refused.start(QStringLiteral(RCM_GATEWAY),
                      {u"--data"_s, data.path(), u"--port"_s, u"0"_s, u"--auto-lock-max-minutes"_s, u"0"_s});
        QVERIFY(refused.waitForFinished(30000));
        QCOMPARE(refused.exitCode(), 2);
        QVERIFY2(refused.readAllStandardError().contains("--auto-lock-max-minutes must be a whole number"),
                 "the refusal names the option");

        QProcess gateway;
        gateway.start(QStringLiteral(RCM_GATEWAY),
                      {u"--data"_s, data.path(), u"--port"_s, u"0"_s, u"--auto-lock-max-minutes"_s, u"7"_s,
                       u"--offline-unlock-hours"_s, u"3"_s, u"--session-idle-minutes"_s, u"45"_s});
        QRegularExpressionMatch serving;
        QByteArray output;
        QTRY_VERIFY_WITH_TIMEOUT(
            (output += gateway.readAllStandardOutput(),
             serving = QRegularExpression(u"http://127\\.0\\.0\\.1:(\\d+)/v1/"_s).match(QString::fromLatin1(output)),
             serving.hasMatch()),
            30000);
        HttpClient client(QUrl(u"http://127.0.0.1:%1/v1"_s.arg(serving.captured(1))));
        const HttpReply policy = client.get(u"/policy"_s);
        gateway.terminate();
        gateway.waitForFinished(10000);
        QCOMPARE(policy.status, 200);
        QCOMPARE(policy.json().value(u"autoLockMinutesMax"_s).toInt(), 7);
        QCOMPARE(policy.json().value(u"offlineUnlockHours"_s).toInt(), 3);
        QCOMPARE(policy.json().value(u"sessionIdleMinutes"_s).toInt(), 45);
    }

    void signInsFailuresAndSignOutsJoinTheAuditChain()
    {
        server::SignInThrottle::Limits limits;
        limits.failuresBeforeLockout = 2;
        auto fixture = gateway(limits);
        QVERIFY(fixture->isReady());
        HttpClient client(fixture->url(QString()));
        QVERIFY(client.signIn(u"biller"_s));
        QCOMPARE(signIn(*fixture, u"biller"_s, u"secret-guess-1"_s).status, 401);
        QCOMPARE(signIn(*fixture, u"mistyped-secret"_s, u"secret-guess-2"_s).status, 401);
        QCOMPARE(signOut(client).status, 204);
        QCOMPARE(signIn(*fixture, u"biller"_s, u"secret-guess-3"_s).status, 401); // the second failure: locked
        QCOMPARE(signIn(*fixture, u"biller"_s, u"demo"_s).status, 429); // audited ...
        QCOMPARE(signIn(*fixture, u"biller"_s, u"demo"_s).status, 429); // ... once per lock
        // The name is kept only as its HMAC under the audit key: not the name, nor its plain
        // SHA-256, which a dictionary would reverse.
        const QString nameKey = server::SignInThrottle::nameKey(u"mistyped-secret"_s, fixture->store().auditKey());
        QVERIFY(
            nameKey
            != QString::fromLatin1(QCryptographicHash::hash("mistyped-secret", QCryptographicHash::Sha256).toHex()));
        const QString address = u"{\"address\":\"127.0.0.1\""_s;
        const QStringList expected = {
            u"sign_in session:DEMO-BILLER DEMO-BILLER %1}"_s.arg(address),
            u"sign_in_failed session:DEMO-BILLER anonymous %1,\"reason\":\"wrong-password\"}"_s.arg(address),
            u"sign_in_failed signin:%1 anonymous %2,\"reason\":\"unknown-user\"}"_s.arg(nameKey, address),
            u"sign_out session:DEMO-BILLER DEMO-BILLER %1}"_s.arg(address),
            u"sign_in_failed session:DEMO-BILLER anonymous %1,\"reason\":\"wrong-password\"}"_s.arg(address),
            u"sign_in_failed session:DEMO-BILLER anonymous %1,\"reason\":\"locked\"}"_s.arg(address),
        };
        const QStringList audit = sessionAudit(*fixture);
        QCOMPARE(audit, expected);
        // Never a password, nor a name no user has (it may be a password typed in the wrong box).
        const QString everything = audit.join(u'\n');
        for (const QString &secret : {u"secret-guess"_s, u"demo"_s, u"mistyped"_s})
            QVERIFY2(!everything.contains(secret), qPrintable(secret));
        const auto verified = fixture->store().verifyAudit();
        QVERIFY2(verified.intact, qPrintable(verified.detail));
    }

    void theWorkbenchClientSignsOutAndForgetsTheToken()
    {
        auto fixture = gateway();
        QVERIFY(fixture->isReady());
        api::Session session(fixture->url(QString()));
        bool answered = false;
        api::ApiError error;
        session.signIn(u"biller"_s, u"demo"_s, &session, [&](const api::ApiError &failure) {
            answered = true;
            error = failure;
        });
        QTRY_VERIFY(answered);
        QVERIFY2(!error, qPrintable(error.message()));
        const QString token = session.client().token();
        QSignalSpy signedOut(&session, &api::Session::signedOut);
        answered = false;
        session.signOut(&session, [&](const api::ApiError &failure) {
            answered = true;
            error = failure;
        });
        QTRY_VERIFY(answered);
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(signedOut.size(), 1);
        QVERIFY(!session.isSignedIn());
        HttpClient client(fixture->url(QString()));
        client.setToken(token);
        QCOMPARE(client.get(u"/users"_s).status, 401); // ended on the gateway, not only forgotten
    }

    void theWorkbenchClientReportsALockoutInsteadOfWaitingItOut()
    {
        server::SignInThrottle::Limits limits;
        limits.failuresBeforeLockout = 1;
        limits.firstLockout = std::chrono::minutes(5);
        auto fixture = gateway(limits);
        QVERIFY(fixture->isReady());
        QCOMPARE(signIn(*fixture, u"biller"_s, u"wrong"_s).status, 401);
        api::Session session(fixture->url(QString()));
        bool answered = false;
        api::ApiError error;
        session.signIn(u"biller"_s, u"demo"_s, &session, [&](const api::ApiError &failure) {
            answered = true;
            error = failure;
        });
        // Retrying would wait out Retry-After (five minutes, capped at one per attempt).
        QTRY_VERIFY(answered);
        QCOMPARE(error.httpStatus, 429);
        QCOMPARE(error.problemType, u"sign-in-locked"_s);
        QVERIFY(error.message().contains(u"300 seconds"_s));
        QVERIFY(!session.isSignedIn());
    }

    void signingOutOfAnUnreachableGatewayStillForgetsTheToken()
    {
        // A port nothing listens on: a gateway that is down.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        api::ApiClientOptions options;
        options.firstRetryDelay = std::chrono::milliseconds(10);
        api::Session session(QUrl(u"http://127.0.0.1:%1/v1"_s.arg(port)), api::Session::ClientThread::Caller, options);
        session.adoptToken(u"biller"_s, u"some-token"_s);
        bool answered = false;
        api::ApiError error;
        session.signOut(&session, [&](const api::ApiError &failure) {
            answered = true;
            error = failure;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
        QCOMPARE(error.kind, api::ApiError::Kind::Network);
        QVERIFY(!session.isSignedIn());
        QVERIFY(session.client().token().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "test_signin.moc"
