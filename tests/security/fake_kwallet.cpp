// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// A stand-in for KDE's wallet daemon on a private session bus, so that the system-keyring
// path of offline unlock runs for real: qtkeychain talks to it exactly as to kwalletd5.
// /control lets the test look inside and make the wallet stop answering (as a wallet
// waiting for its unlock prompt does). Prints "ready" once both are on the bus.

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusContext>
#include <QHash>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

class FakeWallet final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.KWallet")

public:
    QHash<QString, QByteArray> entries; ///< by folder + '/' + key
    bool silent = false;

public Q_SLOTS:
    QString networkWallet() { return u"kdewallet"_s; }
    int open(const QString &, qlonglong, const QString &)
    {
        if (silent)
            setDelayedReply(true); // and never reply
        return 1;
    }
    int entryType(int, const QString &folder, const QString &key, const QString &)
    {
        return entries.contains(folder + u'/' + key) ? 2 : 0; // KWallet's Stream, or Unknown
    }
    QByteArray readEntry(int, const QString &folder, const QString &key, const QString &)
    {
        return entries.value(folder + u'/' + key);
    }
    int writeEntry(int, const QString &folder, const QString &key, const QByteArray &value, const QString &)
    {
        entries.insert(folder + u'/' + key, value);
        return 0;
    }
    int removeEntry(int, const QString &folder, const QString &key, const QString &)
    {
        entries.remove(folder + u'/' + key);
        return 0;
    }
};

class WalletControl final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.rcm.FakeWalletControl")

public:
    explicit WalletControl(FakeWallet &wallet)
        : m_wallet(wallet)
    { }

public Q_SLOTS:
    void setSilent(bool silent) { m_wallet.silent = silent; }
    QByteArray entry(const QString &folder, const QString &key) { return m_wallet.entries.value(folder + u'/' + key); }
    int entryCount() { return int(m_wallet.entries.size()); }

private:
    FakeWallet &m_wallet;
};

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    FakeWallet wallet;
    WalletControl control(wallet);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.registerObject(u"/modules/kwalletd5"_s, &wallet, QDBusConnection::ExportAllSlots)
        || !bus.registerObject(u"/control"_s, &control, QDBusConnection::ExportAllSlots)
        || !bus.registerService(u"org.kde.kwalletd5"_s)) {
        std::fprintf(stderr, "fake_kwallet: cannot register on the session bus\n");
        return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}

#include "fake_kwallet.moc"
