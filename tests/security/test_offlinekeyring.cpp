// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/security/offlineunlocktesting.h"

#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::security;
using rcm::testing::offlinePassword;
using rcm::testing::offlineServer;

namespace testing = rcm::testing;
using Result = OfflineUnlockResult;

namespace {

const QString walletFolder = u"rcm-workbench"_s;
const QString walletKey = u"offline:alice@"_s + offlineServer;

/// Starts program and reads its first line (an address, or "ready").
QString firstLine(QProcess &process, const QString &program, const QStringList &arguments)
{
    process.start(program, arguments);
    if (!process.waitForStarted())
        return {};
    while (!process.canReadLine()) {
        if (!process.waitForReadyRead(10'000))
            return {};
    }
    return QString::fromUtf8(process.readLine()).trimmed();
}

} // namespace

/// The system keyring's path of offline unlock, against a stand-in for kwalletd5 on a
/// private session bus: where the verifier is kept, and what happens when the keyring
/// stops answering.
class TestOfflineKeyring final : public QObject
{
    Q_OBJECT

private:
    QProcess m_bus;
    QProcess m_wallet;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<OfflineUnlock> m_unlock;

    QString path() const { return m_dir->filePath(u"cache.db"_s); }

    QDBusInterface control() const
    {
        return QDBusInterface(u"org.kde.kwalletd5"_s, u"/control"_s, u"org.rcm.FakeWalletControl"_s,
                              QDBusConnection::sessionBus());
    }

    QByteArray walletEntry() const
    {
        const QDBusReply<QByteArray> reply = control().call(u"entry"_s, walletFolder, walletKey);
        return reply.isValid() ? reply.value() : QByteArray("no answer from the fake wallet");
    }

    bool silenceWallet(bool silent) const { return control().call(u"setSilent"_s, silent).errorName().isEmpty(); }

    QDateTime withinTheWindow() const { return testing::storedOwner(path()).lastOnlineSignIn.addSecs(60); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
        QVERIFY2(!daemon.isEmpty(), "dbus-daemon is needed (Debian package dbus-daemon)");
        const QString address
            = firstLine(m_bus, daemon, {u"--session"_s, u"--nofork"_s, u"--nosyslog"_s, u"--print-address=1"_s});
        QVERIFY2(!address.isEmpty(), qPrintable(QString::fromUtf8(m_bus.readAllStandardError())));
        // Before anything in this process touches D-Bus or picks a keyring backend.
        qputenv("DBUS_SESSION_BUS_ADDRESS", address.toUtf8());
        qputenv("XDG_CURRENT_DESKTOP", "KDE");
        qputenv("KDE_SESSION_VERSION", "5");
        qunsetenv("RCM_KEYRING");
        QCOMPARE(firstLine(m_wallet, QString::fromUtf8(FAKE_KWALLET), {}), u"ready"_s);
    }

    void cleanupTestCase()
    {
        m_unlock.reset();
        for (QProcess *process : {&m_wallet, &m_bus}) {
            process->terminate();
            if (!process->waitForFinished(5000))
                process->kill();
        }
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_unlock = std::make_unique<OfflineUnlock>(OfflineUnlock::Keyring::System);
        QVERIFY(silenceWallet(false));
    }

    void cleanup()
    {
        m_unlock.reset();
        m_dir.reset();
    }

    void theKeyringKeepsTheVerifierAndTheCacheNoCopy()
    {
        QCOMPARE(testing::remember(*m_unlock, path(), testing::offlineAlice(), offlinePassword), QString());
        const rcm::store::OfflineUnlockState state = testing::storedOfflineState(path());
        QVERIFY(state.verifierInKeyring);
        QVERIFY(state.verifier.isEmpty());
        const QByteArray kept = walletEntry();
        QVERIFY(kept.contains("pbkdf2-sha256"));
        QVERIFY(!kept.contains(offlinePassword.toUtf8()));

        QCOMPARE(
            testing::tryUnlock(*m_unlock, path(), offlineServer, u"Alice"_s, offlinePassword, withinTheWindow()).result,
            Result::Unlocked);
        QCOMPARE(testing::tryUnlock(*m_unlock, path(), offlineServer, u"alice"_s, u"wrong"_s, withinTheWindow()).result,
                 Result::WrongPassword);
    }

    void forgettingRemovesTheVerifierFromTheKeyring()
    {
        QCOMPARE(testing::remember(*m_unlock, path(), testing::offlineAlice(), offlinePassword), QString());
        QVERIFY(!walletEntry().isEmpty());
        m_unlock->forget(path(), offlineServer, u"ALICE"_s);
        QVERIFY(QTest::qWaitFor([&]() { return walletEntry().isEmpty(); }, testing::offlineWaitMilliseconds));
        QCOMPARE(
            testing::tryUnlock(*m_unlock, path(), offlineServer, u"alice"_s, offlinePassword, withinTheWindow()).result,
            Result::NoVerifier);
    }

    void aKeyringThatStopsAnsweringLeavesTheVerifierInTheCache()
    {
        // A first sign-in put the verifier in the keyring; then the keyring waits on a prompt nobody answers.
        QCOMPARE(testing::remember(*m_unlock, path(), testing::offlineAlice(), offlinePassword), QString());
        QVERIFY(silenceWallet(true));
        const QString changed = u"a new password since"_s;
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(testing::remember(*m_unlock, path(), testing::offlineAlice(), changed), QString());
        qInfo("remember() with a keyring that does not answer took %lld ms", clock.elapsed());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        const rcm::store::OfflineUnlockState state = testing::storedOfflineState(path());
        QVERIFY(!state.verifier.isEmpty());
        QVERIFY(!state.verifierInKeyring);
        // The cache's newer copy is the one that counts, not the keyring's older one.
        QCOMPARE(testing::tryUnlock(*m_unlock, path(), offlineServer, u"alice"_s, changed, withinTheWindow()).result,
                 Result::Unlocked);
        QCOMPARE(
            testing::tryUnlock(*m_unlock, path(), offlineServer, u"alice"_s, offlinePassword, withinTheWindow()).result,
            Result::WrongPassword);
    }

    void aSilentKeyringHoldingTheVerifierRefusesWithinSeconds()
    {
        QCOMPARE(testing::remember(*m_unlock, path(), testing::offlineAlice(), offlinePassword), QString());
        QVERIFY(testing::storedOfflineState(path()).verifierInKeyring);
        QVERIFY(silenceWallet(true));
        QElapsedTimer clock;
        clock.start();
        const OfflineUnlockOutcome outcome
            = testing::tryUnlock(*m_unlock, path(), offlineServer, u"alice"_s, offlinePassword, withinTheWindow());
        QCOMPARE(outcome.result, Result::NoVerifier);
        QVERIFY(outcome.message.contains(u"keyring"_s));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestOfflineKeyring)
#include "test_offlinekeyring.moc"
