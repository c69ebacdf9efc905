// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/security/offlineunlocktesting.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using namespace rcm::security;

using Result = OfflineUnlockResult;

namespace {

const QString &server = testing::offlineServer;
const QString &password = testing::offlinePassword;

store::CacheOwner alice()
{
    return testing::offlineAlice();
}

int fileMode(const QString &path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 0777);
}

} // namespace

class TestOfflineUnlock final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OfflineUnlock> m_unlock;

    QString path() const { return m_dir->filePath(u"cache.db"_s); }

    QString remember(const store::CacheOwner &owner, const QString &secret, OfflineUnlock *unlock = nullptr)
    {
        return testing::remember(unlock ? *unlock : *m_unlock, path(), owner, secret);
    }

    OfflineUnlockOutcome attempt(const QString &username, const QString &secret, const QDateTime &now,
                                 const QString &atServer = server)
    {
        return testing::tryUnlock(*m_unlock, path(), atServer, username, secret, now);
    }

    store::CacheOwner storedOwner() { return testing::storedOwner(path()); }
    store::OfflineUnlockState storedState() { return testing::storedOfflineState(path()); }

    /// A moment during the offline window of the last remember().
    QDateTime withinTheWindow() { return storedOwner().lastOnlineSignIn.addSecs(60); }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_unlock = std::make_unique<OfflineUnlock>(OfflineUnlock::Keyring::None);
    }

    void cleanup()
    {
        m_unlock.reset();
        m_dir.reset();
    }

    void theOwnerUnlocksWithTheRightPasswordAndGetsTheirRecord()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QCOMPARE(remember(alice(), password), QString());
        const QDateTime after = QDateTime::currentDateTimeUtc();

        const OfflineUnlockOutcome outcome = attempt(u"alice"_s, password, after.addSecs(60));
        QCOMPARE(outcome.result, Result::Unlocked);
        QVERIFY(outcome.owner);
        QCOMPARE(outcome.owner->user, alice().user);
        QCOMPARE(outcome.owner->server, server);
        QCOMPARE(outcome.owner->autoLockMinutesMax, 10);
        QVERIFY(outcome.owner->lastOnlineSignIn >= before.addMSecs(-1));
        QVERIFY(outcome.owner->lastOnlineSignIn <= after);
        QVERIFY(!outcome.message.isEmpty());
    }

    void theUserNameMatchesWhateverItsCase()
    {
        QCOMPARE(remember(alice(), password), QString());
        QCOMPARE(attempt(u"ALICE"_s, password, withinTheWindow()).result, Result::Unlocked);
    }

    void aWrongPasswordIsRefusedWithoutTheOwnersData()
    {
        QCOMPARE(remember(alice(), password), QString());
        const OfflineUnlockOutcome outcome = attempt(u"alice"_s, u"Correct horse battery staple"_s, withinTheWindow());
        QCOMPARE(outcome.result, Result::WrongPassword);
        QVERIFY(!outcome.owner);
    }

    void anotherPersonCannotUnlockTheOwnersCache()
    {
        QCOMPARE(remember(alice(), password), QString());
        // Even with the owner's password: the cache is not theirs.
        const OfflineUnlockOutcome bob = attempt(u"bob"_s, password, withinTheWindow());
        QCOMPARE(bob.result, Result::NotOwner);
        QVERIFY(!bob.owner);
        QVERIFY(!bob.message.contains(u"Alice"_s, Qt::CaseInsensitive));
        // The same name on another gateway is another person.
        QCOMPARE(attempt(u"alice"_s, password, withinTheWindow(), u"http://10.0.0.9:8080/v1"_s).result,
                 Result::NotOwner);
    }

    void offlineUnlockExpiresTwelveHoursAfterTheLastOnlineSignIn()
    {
        QCOMPARE(remember(alice(), password), QString());
        const QDateTime last = storedOwner().lastOnlineSignIn;
        QVERIFY(last.isValid());
        QCOMPARE(attempt(u"alice"_s, password, last.addSecs(12 * 3600 - 60)).result, Result::Unlocked);
        const OfflineUnlockOutcome late = attempt(u"alice"_s, password, last.addSecs(12 * 3600 + 1));
        QCOMPARE(late.result, Result::Expired);
        QVERIFY(!late.owner);
    }

    void theOfflineWindowIsTheGatewayPolicyKeptWithTheOwner()
    {
        store::CacheOwner owner = alice();
        owner.offlineUnlockHours = 1;
        QCOMPARE(remember(owner, password), QString());
        const QDateTime last = storedOwner().lastOnlineSignIn;
        QCOMPARE(attempt(u"alice"_s, password, last.addSecs(59 * 60)).result, Result::Unlocked);
        const OfflineUnlockOutcome late = attempt(u"alice"_s, password, last.addSecs(3600 + 1));
        QCOMPARE(late.result, Result::Expired);
        QVERIFY(late.message.contains(u"lasts 1 hour after"_s));
    }

    void aCacheNobodySignedInToHasNoVerifier()
    {
        // No file at all: refused, and looking creates none.
        QCOMPARE(attempt(u"alice"_s, password, QDateTime::currentDateTimeUtc()).result, Result::NoVerifier);
        QVERIFY(!QFile::exists(path()));
        // A cache with data but no owner yet.
        {
            store::Database cache;
            QVERIFY(!cache.open(path(), store::workbenchCacheSchema()));
        }
        QCOMPARE(attempt(u"alice"_s, password, QDateTime::currentDateTimeUtc()).result, Result::NoVerifier);
    }

    void aForgottenVerifierNoLongerUnlocks()
    {
        QCOMPARE(remember(alice(), password), QString());
        m_unlock->forget(path(), server, u"Alice"_s);
        // The worker takes its steps in order: the attempt comes after the forgetting.
        const OfflineUnlockOutcome outcome = attempt(u"alice"_s, password, withinTheWindow());
        QCOMPARE(outcome.result, Result::NoVerifier);
        QVERIFY(storedState().verifier.isEmpty());
        QCOMPARE(storedOwner().username, u"alice"_s); // who the cache belongs to stays
    }

    void everyRefusalCostsOneFullHashSoTimingTellsNothing()
    {
        QCOMPARE(remember(alice(), password), QString());
        const auto cost = [&](const QString &username, const QString &secret, Result expected) {
            const qint64 before = PasswordHasher::iterationsVerified();
            if (attempt(username, secret, withinTheWindow()).result != expected)
                return qint64(-1);
            return PasswordHasher::iterationsVerified() - before;
        };
        QCOMPARE(cost(u"alice"_s, u"wrong"_s, Result::WrongPassword), qint64(offlineVerifierIterations));
        QCOMPARE(cost(u"bob"_s, u"wrong"_s, Result::NotOwner), qint64(offlineVerifierIterations));
        m_unlock->forget(path(), server, u"alice"_s);
        QCOMPARE(cost(u"alice"_s, u"wrong"_s, Result::NoVerifier), qint64(offlineVerifierIterations));
    }

    void fiveWrongPasswordsInARowRefuseOfflineUnlockForFiveMinutes()
    {
        QCOMPARE(remember(alice(), password), QString());
        const QDateTime now = withinTheWindow();
        // A success in between starts the count again.
        QCOMPARE(attempt(u"alice"_s, u"wrong"_s, now).result, Result::WrongPassword);
        QCOMPARE(attempt(u"alice"_s, password, now).result, Result::Unlocked);
        for (int wrong = 1; wrong < offlineAttemptsBeforeRefusal; ++wrong)
            QCOMPARE(attempt(u"alice"_s, u"wrong"_s, now).result, Result::WrongPassword);
        const OfflineUnlockOutcome fifth = attempt(u"alice"_s, u"wrong"_s, now);
        QCOMPARE(fifth.result, Result::TooManyAttempts);
        QVERIFY(fifth.message.contains(u"5 minutes"_s));
        // Even the right password waits, and the refusal is kept in the cache.
        m_unlock = std::make_unique<OfflineUnlock>(OfflineUnlock::Keyring::None);
        QCOMPARE(attempt(u"alice"_s, password, now.addSecs(4 * 60)).result, Result::TooManyAttempts);
        QCOMPARE(attempt(u"alice"_s, password, now.addSecs(5 * 60 + 1)).result, Result::Unlocked);
        QCOMPARE(storedState().failedAttempts, 0);
    }

    void aNewOwnerReplacesThePreviousOwnersVerifier()
    {
        QCOMPARE(remember(alice(), password), QString());
        store::CacheOwner bob = alice();
        bob.username = u"bob"_s;
        bob.user = {u"u-1002"_s, u"bob"_s, u"Bob Example"_s, models::Role::Biller, true};
        QCOMPARE(remember(bob, u"bob's own password"_s), QString());
        QCOMPARE(attempt(u"alice"_s, password, withinTheWindow()).result, Result::NotOwner);
        QCOMPARE(attempt(u"bob"_s, password, withinTheWindow()).result, Result::WrongPassword);
        QCOMPARE(attempt(u"bob"_s, u"bob's own password"_s, withinTheWindow()).owner->user.displayName,
                 u"Bob Example"_s);

        // Recording an owner alone drops what the cache kept for the one before.
        store::Database cache;
        QVERIFY(!cache.open(path(), store::workbenchCacheSchema()));
        QVERIFY(!store::readOfflineUnlockState(cache).verifier.isEmpty());
        QVERIFY(!store::writeCacheOwner(cache, alice()));
        QCOMPARE(store::readOfflineUnlockState(cache), store::OfflineUnlockState());
    }

    void theCacheFileStaysOwnerOnly()
    {
        QCOMPARE(remember(alice(), password), QString());
        QCOMPARE(attempt(u"alice"_s, u"wrong"_s, withinTheWindow()).result, Result::WrongPassword);
        QCOMPARE(fileMode(path()), 0600);
        if (QFile::exists(path() + u"-wal"_s))
            QCOMPARE(fileMode(path() + u"-wal"_s), 0600);
    }

    void theCacheKeepsASlowSaltedHashNeverThePassword()
    {
        QCOMPARE(remember(alice(), password), QString());
        const store::OfflineUnlockState state = storedState();
        QVERIFY(!state.verifierInKeyring);
        const QJsonObject kept = QJsonDocument::fromJson(state.verifier).object();
        QVERIFY(kept.value(u"iterations"_s).toInt() >= 100'000);
        const QByteArray salt = QByteArray::fromBase64(kept.value(u"salt"_s).toString().toLatin1());
        const QByteArray hash = QByteArray::fromBase64(kept.value(u"hash"_s).toString().toLatin1());
        QVERIFY(salt.size() >= 16);
        QCOMPARE(hash.size(), 32);
        QVERIFY(!state.verifier.contains(password.toUtf8()));
        QVERIFY(hash != QCryptographicHash::hash(password.toUtf8(), QCryptographicHash::Sha256));
        QVERIFY(hash != QCryptographicHash::hash(QByteArray(salt + password.toUtf8()), QCryptographicHash::Sha256));

        // Nowhere in the file either, and the same password salted anew each sign-in.
        {
            store::Database cache;
            QVERIFY(!cache.open(path(), store::workbenchCacheSchema()));
            QVERIFY(!cache.checkpoint());
        }
        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(password.toUtf8()));
        QCOMPARE(remember(alice(), password), QString());
        QVERIFY(storedState().verifier != state.verifier);
    }

    void eachServerAndPersonHasACacheFileWithoutTheirName()
    {
        const QString folder = m_dir->path();
        const QString mine = store::personalCachePath(folder, server, u"alice"_s);
        QCOMPARE(store::personalCachePath(folder, server, u"Alice"_s), mine);
        QVERIFY(store::personalCachePath(folder, server, u"bob"_s) != mine);
        QVERIFY(store::personalCachePath(folder, u"http://10.0.0.9:8080/v1"_s, u"alice"_s) != mine);
        QVERIFY(mine.startsWith(folder + u'/'));
        QVERIFY(mine.endsWith(u".db"_s));
        QVERIFY(!mine.mid(folder.size()).contains(u"alice"_s, Qt::CaseInsensitive));
    }

    void answersComeLaterInTheCallersThreadAndNeverToAContextThatIsGone()
    {
        bool answered = false;
        QThread *answeredIn = nullptr;
        m_unlock->remember(path(), alice(), password, this, [&](const QString &) {
            answered = true;
            answeredIn = QThread::currentThread();
        });
        QVERIFY(!answered); // the hash was not computed in the caller's call
        QVERIFY(QTest::qWaitFor([&]() { return answered; }, testing::offlineWaitMilliseconds));
        QCOMPARE(answeredIn, QThread::currentThread());

        bool goneAnswered = false;
        auto gone = std::make_unique<QObject>();
        m_unlock->tryUnlock(path(), server, u"alice"_s, password, withinTheWindow(), gone.get(),
                            [&](const OfflineUnlockOutcome &) { goneAnswered = true; });
        gone.reset();
        // The worker answers in order: once the next attempt has its answer, the first had its turn.
        QCOMPARE(attempt(u"alice"_s, password, withinTheWindow()).result, Result::Unlocked);
        QTest::qWait(0);
        QVERIFY(!goneAnswered);
    }

    void withoutDBusTheSystemKeyringFallsBackToTheCacheQuickly()
    {
        // As on CI: no session bus. The keyring must fail fast and the cache keep the verifier.
        qunsetenv("RCM_KEYRING");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        OfflineUnlock system(OfflineUnlock::Keyring::System);
        QCOMPARE(system.keyring(), OfflineUnlock::Keyring::System);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(remember(alice(), password, &system), QString());
        const qint64 elapsed = clock.elapsed();
        qInfo("remember() with the system keyring and no D-Bus took %lld ms", elapsed);
        QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
        const store::OfflineUnlockState state = storedState();
        QVERIFY(!state.verifier.isEmpty());
        QVERIFY(!state.verifierInKeyring);

        QCOMPARE(testing::tryUnlock(system, path(), server, u"alice"_s, password, withinTheWindow()).result,
                 Result::Unlocked);
    }

    void rcmKeyringNoneForcesTheCacheOnly()
    {
        qputenv("RCM_KEYRING", "none");
        QCOMPARE(OfflineUnlock(OfflineUnlock::Keyring::System).keyring(), OfflineUnlock::Keyring::None);
        qunsetenv("RCM_KEYRING");
        QCOMPARE(OfflineUnlock(OfflineUnlock::Keyring::System).keyring(), OfflineUnlock::Keyring::System);
    }

    void badInputGetsAClearError()
    {
        store::CacheOwner nameless = alice();
        nameless.username.clear();
        QVERIFY(remember(nameless, password).contains(u"user name"_s));
        QVERIFY(remember(alice(), QString()).contains(u"password"_s));
        QVERIFY(!QFile::exists(path()));
    }
};

QTEST_GUILESS_MAIN(TestOfflineUnlock)
#include "test_offlineunlock.moc"
