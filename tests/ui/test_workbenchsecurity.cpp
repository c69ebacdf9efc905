// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The workbench shows patients only to the person signed in: nothing before sign-in or
// while locked, one cache per person, offline unlock for the cache's owner alone, the
// organisation's auto-lock ceiling, and exports accounted for.
#include "services/api/session.h"
#include "services/store/cacheowner.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "services/synthetic/syntheticcache.h"
#include "tests/server/gatewayfixture.h"
#include "tests/ui/dialogwait.h"
#include "tests/ui/widgettext.h"
#include "tests/ui/windowsignin.h"
#include "ui/assigndialog.h"
#include "ui/idlelock.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QInputDialog>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;
using namespace rcm;

namespace {

using testing::whenDialogOpens;

qint64 pendingIn(const QString &cachePath)
{
    store::Database cache;
    if (cache.open(cachePath, store::workbenchCacheSchema()))
        return -1;
    return sync::Outbox(cache).count(sync::OutboxEntry::State::Pending);
}

/// An open denial item in the cache at cachePath.
QString someDenial(const QString &cachePath)
{
    store::Database cache;
    if (cache.open(cachePath, store::workbenchCacheSchema()))
        return {};
    QSqlQuery query(cache.connection());
    if (!query.exec(u"SELECT id FROM work_items WHERE queue = 'denial' AND status <> 'resolved' ORDER BY id LIMIT 1"_s)
        || !query.next())
        return {};
    return query.value(0).toString();
}

bool signInShown(ui::MainWindow &window)
{
    const auto *button = window.findChild<QPushButton *>(QStringLiteral("signInButton"));
    return button && button->isVisible();
}

bool syncAndWait(ui::MainWindow &window)
{
    window.syncNow();
    return QTest::qWaitFor([&]() { return !window.isSyncing(); }, 30000);
}

bool hasNoteBy(testing::GatewayFixture &gateway, const QString &itemId, const QString &actorId)
{
    for (const models::AuditEvent &event : gateway.store().history(itemId)) {
        if (event.actionType == models::ActionType::Note && event.actorId == actorId)
            return true;
    }
    return false;
}

} // namespace

class TestWorkbenchSecurity final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const synthetic::SyntheticGenerator m_generator {{11, QDate::currentDate()}};

private Q_SLOTS:
    void initTestCase()
    {
        // The system keyring is tried and falls back to the cache; tests use the cache only.
        qputenv("RCM_KEYRING", "none");
        QStandardPaths::setTestModeEnabled(true); // settings in a test folder, not the person's
        QVERIFY(!synthetic::writeSyntheticCache(m_dir.filePath(u"cache.db"_s), 2000, m_generator));
    }

    void init() { QSettings().clear(); }

    void nothingOfTheCacheReachesAnyWidgetBeforeSignIn()
    {
        store::Database cache;
        QVERIFY(!cache.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(300); // anything drawn a frame later, or read on a worker, has arrived

        QStringList phi;
        for (const models::WorkItem &item : m_generator.items(0, 300))
            phi << item.patientDisplayName << item.claimNumber << item.accountNumber;
        const QString found = testing::firstFound(window, phi);
        QVERIFY2(found.isEmpty(), qPrintable(u"shown before sign-in: "_s + found));
        const QString all = testing::everyText(window).join(u'\n');
        QVERIFY2(!all.contains(u"open items"_s), qPrintable(all));
        QVERIFY(!all.contains(QLocale().toString(2000)) && !all.contains(u"Denials  ("_s));
        QVERIFY(window.isLocked());
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        QVERIFY(!table || table->model()->rowCount() == 0);
        // The keyboard cannot reach anything either.
        for (const char *name : {"exportAction", "reportsAction", "conflictsAction", "importRemittanceAction"})
            QVERIFY2(!window.findChild<QAction *>(QLatin1StringView(name))->isEnabled(), name);
        QVERIFY(signInShown(window));
    }

    void everyPhiActionIsDisabledWhileLockedAndOpenDialogsClose()
    {
        testing::GatewayFixture gateway(200);
        QVERIFY(gateway.isReady());
        testing::SignedInWindow signedIn(gateway, u"supervisor"_s);
        QVERIFY(signedIn.ready);
        ui::MainWindow &window = *signedIn.window;
        store::Database &cache = signedIn.cache;
        const QTemporaryDir &dir = signedIn.dir;
        QVERIFY(syncAndWait(window));
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        QTRY_VERIFY(table && table->model()->rowCount() > 0);
        const QString id = table->model()->index(0, 0).data(itemmodels::WorkQueueModel::WorkItemIdRole).toString();
        const models::WorkItem item = *store::WorkItemStore(cache).item(id);
        window.showConflicts();
        QDialog *conflicts = nullptr;
        QTRY_VERIFY((conflicts = window.findChild<QDialog *>()) && conflicts->isVisible());

        window.lock();
        QVERIFY(window.isLocked());
        QTRY_VERIFY(window.findChildren<QDialog *>().isEmpty()
                    || std::ranges::none_of(window.findChildren<QDialog *>(), &QWidget::isVisible));
        const QString found
            = testing::firstFound(window, {item.patientDisplayName, item.claimNumber, item.accountNumber});
        QVERIFY2(found.isEmpty(), qPrintable(u"shown while locked: "_s + found));
        for (const char *name : {"syncAction", "exportAction", "reportsAction", "conflictsAction",
                                 "importRemittanceAction", "filtersAction"})
            QVERIFY2(!window.findChild<QAction *>(QLatin1StringView(name))->isEnabled(), name);
        QVERIFY(!window.findChild<QToolButton *>(u"outboxStatus"_s)->isVisible());
        // The shortcuts and the programmatic ways in open nothing.
        QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
        window.showConflicts();
        window.importRemittance(dir.filePath(u"any.835"_s));
        QTest::qWait(100);
        QVERIFY(std::ranges::none_of(window.findChildren<QDialog *>(), &QWidget::isVisible));
        QVERIFY(signInShown(window));
    }

    void lockingWhileAnActionsDialogIsOpenClosesItAndKeepsNothing()
    {
        testing::GatewayFixture gateway(200);
        testing::SignedInWindow signedIn(gateway, u"supervisor"_s);
        QVERIFY(signedIn.ready);
        ui::MainWindow &window = *signedIn.window;
        store::Database &cache = signedIn.cache;
        const QString server = gateway.url(QString()).toString();
        QVERIFY(syncAndWait(window));
        QPushButton *assign = nullptr;
        QTRY_VERIFY((assign = window.findChild<QPushButton *>(u"action-assign"_s)) && assign->isVisible());
        // The idle lock fires while the assign dialog (the panel's own, run in a nested event
        // loop) is open: it closes, and the workspace goes only once the dialog has returned.
        bool lockedInside = false;
        whenDialogOpens<ui::AssignDialog>([&](ui::AssignDialog *) {
            window.lock();
            lockedInside = window.isLocked();
        });
        assign->click(); // returns once the dialog has closed
        QVERIFY(lockedInside);
        QVERIFY(window.isLocked());
        QCOMPARE(sync::Outbox(cache).entries().size(), 0); // nothing was assigned
        QTRY_VERIFY(!window.findChild<QPushButton *>(u"action-assign"_s));
        QCOMPARE(testing::signInAndWait(window, server, u"supervisor"_s, u"demo"_s), QString());
        QVERIFY(!window.isLocked());
    }

    void theNavigationListsOnlyTheQueuesTheRoleMaySee()
    {
        testing::GatewayFixture gateway(200);
        testing::SignedInWindow signedIn(gateway, u"biller"_s);
        QVERIFY(signedIn.ready);
        ui::MainWindow &window = *signedIn.window;
        auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
        QVERIFY(navigation);
        QStringList entries;
        for (int row = 0; row < navigation->count(); ++row)
            entries << navigation->item(row)->text();
        const QString listed = entries.join(u" | "_s);
        QVERIFY2(listed.contains(u"Denials"_s), qPrintable(listed));
        QVERIFY2(!listed.contains(u"Remittance"_s) && !listed.contains(u"Authorization"_s), qPrintable(listed));
    }

    void lockingSignsOutOfTheGatewayAndTheCeilingComesFromIt()
    {
        server::GatewayServer::Options options;
        options.api.autoLockMinutesMax = 5;
        testing::GatewayFixture gateway(100, options);
        QSettings().setValue(u"autoLockMinutes"_s, 60); // longer than the organisation allows
        testing::SignedInWindow signedIn(gateway, u"biller"_s);
        QVERIFY(signedIn.ready);
        ui::MainWindow &window = *signedIn.window;
        api::Session &session = signedIn.session;
        auto *idleLock = window.findChild<ui::IdleLock *>();
        QVERIFY(idleLock);
        QCOMPARE(idleLock->interval(), std::chrono::milliseconds(5min));
        // The settings offer no more than the ceiling.
        whenDialogOpens<ui::SettingsDialog>([](ui::SettingsDialog *dialog) {
            QCOMPARE(dialog->findChild<QSpinBox *>(u"autoLockSetting"_s)->maximum(), 5);
            dialog->reject();
        });
        window.findChild<QAction *>(u"settingsAction"_s)->trigger();
        QTRY_VERIFY(!QApplication::activeModalWidget());

        const QString token = session.client().token();
        testing::HttpClient client(gateway.url(QString()));
        client.setToken(token);
        QCOMPARE(client.get(u"/work-items?limit=1"_s).status, 200);
        window.lock();
        // The gateway ended the session: the token is refused, not merely forgotten here.
        QTRY_COMPARE_WITH_TIMEOUT(client.get(u"/work-items?limit=1"_s).status, 401, 10000);
        QVERIFY(!session.isSignedIn());
    }

    void anotherPersonCannotOpenAFixedCacheOrSendItsOwnersActions()
    {
        testing::GatewayFixture gateway(200);
        testing::SignedInWindow signedIn(gateway, u"biller"_s);
        QVERIFY(signedIn.ready);
        ui::MainWindow &window = *signedIn.window;
        store::Database &cache = signedIn.cache;
        api::Session &session = signedIn.session;
        const QString server = gateway.url(QString()).toString();
        const QString path = cache.path();
        QVERIFY(syncAndWait(window));
        const QString itemId = someDenial(path);
        QVERIFY(!itemId.isEmpty());
        // The biller's note, written but not yet sent when they walk away.
        QVERIFY(sync::Outbox(cache).enqueue(itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"left for later"_s}},
                                            {u"DEMO-BILLER"_s, session.server().toString()}));
        window.lock();

        const QString refused = testing::signInAndWait(window, server, u"coder"_s, u"demo"_s);
        QVERIFY2(refused.contains(u"another person"_s), qPrintable(refused));
        QVERIFY(window.isLocked());
        window.syncNow();
        QTest::qWait(300);
        QCOMPARE(pendingIn(path), qint64(1));
        QVERIFY(!hasNoteBy(gateway, itemId, u"DEMO-CODER"_s));

        // Their own session sends it, as theirs.
        QCOMPARE(testing::signInAndWait(window, server, u"biller"_s, u"demo"_s), QString());
        QVERIFY(syncAndWait(window));
        QTRY_COMPARE(pendingIn(path), qint64(0));
        QVERIFY(hasNoteBy(gateway, itemId, u"DEMO-BILLER"_s));
    }

    void aSecondPersonGetsTheirOwnCacheAndNeverSendsTheFirstPersonsActions()
    {
        testing::GatewayFixture gateway(200);
        QTemporaryDir dir;
        api::Session session {QUrl()};
        ui::MainWindow window(dir.filePath(u"caches"_s), session);
        window.show();
        const QString server = gateway.url(QString()).toString();
        QCOMPARE(testing::signInAndWait(window, server, u"biller"_s, u"demo"_s), QString());
        QVERIFY(syncAndWait(window));
        const QString billerCache = window.cachePath();
        QVERIFY(!billerCache.contains(u"biller"_s)); // no name in the file name
        QCOMPARE(QFileInfo(billerCache).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        const QString itemId = someDenial(billerCache);
        {
            store::Database cache;
            QVERIFY(!cache.open(billerCache, store::workbenchCacheSchema()));
            QVERIFY(sync::Outbox(cache).enqueue(itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"left for later"_s}},
                                                {u"DEMO-BILLER"_s, session.server().toString()}));
        }
        window.lock();

        QCOMPARE(testing::signInAndWait(window, server, u"coder"_s, u"demo"_s), QString());
        QVERIFY(window.cachePath() != billerCache);
        QVERIFY(syncAndWait(window));
        // The coder sees none of the biller's outbox, and nothing of it was sent.
        QTRY_VERIFY(window.findChild<QToolButton *>(u"outboxStatus"_s)->text().startsWith(u"0 pending"_s));
        QCOMPARE(pendingIn(billerCache), qint64(1));
        QVERIFY(!hasNoteBy(gateway, itemId, u"DEMO-CODER"_s));
        QVERIFY(!hasNoteBy(gateway, itemId, u"DEMO-BILLER"_s));
        window.lock();

        QCOMPARE(testing::signInAndWait(window, server, u"biller"_s, u"demo"_s), QString());
        QCOMPARE(window.cachePath(), billerCache);
        QVERIFY(syncAndWait(window));
        QTRY_COMPARE(pendingIn(billerCache), qint64(0));
        QVERIFY(hasNoteBy(gateway, itemId, u"DEMO-BILLER"_s));
    }

    void theWorkstationsEarlierCacheBecomesItsOwnersWithItsUnsentWork()
    {
        testing::GatewayFixture gateway(100);
        QTemporaryDir dir;
        // A workstation from before: one cache for everyone, with an action nobody sent.
        const QString earlier = dir.filePath(u"cache.db"_s);
        QVERIFY(!synthetic::writeSyntheticCache(earlier, 50, m_generator));
        {
            store::Database cache;
            QVERIFY(!cache.open(earlier, store::workbenchCacheSchema()));
            QVERIFY(!cache.execute(u"INSERT INTO outbox (idempotency_key, work_item_id, action_json, base_version, "
                                   "state, created_at) VALUES ('k1', '%1', '{\"type\":\"note\",\"text\":\"x\"}', "
                                   "1, 'review', '2026-12-01T10:00:00.000Z')"_s.arg(m_generator.item(0).id)));
        }
        QSettings().setValue(u"cacheFile"_s, earlier);
        api::Session session {QUrl()};
        ui::MainWindow window(dir.filePath(u"caches"_s), session);
        QCOMPARE(testing::signInAndWait(window, gateway.url(QString()).toString(), u"biller"_s, u"demo"_s), QString());
        QVERIFY(window.cachePath().startsWith(dir.filePath(u"caches"_s)));
        QVERIFY(!QFileInfo::exists(earlier)); // moved, not copied: one copy of the work
        QVERIFY(!QSettings().contains(u"cacheFile"_s));
        store::Database adopted;
        QVERIFY(!adopted.open(window.cachePath(), store::workbenchCacheSchema()));
        QCOMPARE(sync::Outbox(adopted).entries().size(), 1);
        QCOMPARE(store::readCacheOwner(adopted)->user.id, u"DEMO-BILLER"_s);
        window.lock();

        // Another person's earlier cache is left alone.
        QTemporaryDir other;
        const QString theirs = other.filePath(u"cache.db"_s);
        QVERIFY(!synthetic::writeSyntheticCache(theirs, 20, m_generator));
        {
            store::Database cache;
            QVERIFY(!cache.open(theirs, store::workbenchCacheSchema()));
            store::CacheOwner owner;
            owner.server = session.server().toString();
            owner.username = u"supervisor"_s;
            owner.user.id = u"DEMO-SUPERVISOR"_s;
            owner.lastOnlineSignIn = QDateTime::currentDateTimeUtc();
            QVERIFY(!store::writeCacheOwner(cache, owner));
        }
        QSettings().setValue(u"cacheFile"_s, theirs);
        QCOMPARE(testing::signInAndWait(window, gateway.url(QString()).toString(), u"coder"_s, u"demo"_s), QString());
        QVERIFY(QFileInfo::exists(theirs));
        store::Database coders;
        QVERIFY(!coders.open(window.cachePath(), store::workbenchCacheSchema()));
        QCOMPARE(sync::Outbox(coders).entries().size(), 0);
    }

    void offlineUnlockIsTheOwnersAloneAndOnlyWithinThePolicy()
    {
        server::GatewayServer::Options options;
        options.api.offlineUnlockHours = 1;
        auto gateway = std::make_unique<testing::GatewayFixture>(200, options);
        const QString server = gateway->url(QString()).toString();
        QTemporaryDir dir;
        api::Session session {QUrl()};
        ui::MainWindow window(dir.filePath(u"caches"_s), session);
        window.show();
        QCOMPARE(testing::signInAndWait(window, server, u"biller"_s, u"demo"_s), QString());
        QVERIFY(syncAndWait(window));
        const QString billerCache = window.cachePath();
        window.lock();
        QCOMPARE(testing::signInAndWait(window, server, u"coder"_s, u"demo"_s), QString());
        const QString coderCache = window.cachePath();
        window.lock();
        gateway.reset(); // the gateway goes away

        QVERIFY(!testing::signInAndWait(window, server, u"biller"_s, u"wrong password"_s).isEmpty());
        QVERIFY(window.isLocked());
        const QString stranger = testing::signInAndWait(window, server, u"authspec"_s, u"demo"_s);
        QVERIFY2(stranger.contains(u"has not signed in on this workstation"_s), qPrintable(stranger));
        QVERIFY(window.isLocked());

        // The owner works on from their cache; actions wait in their outbox.
        QCOMPARE(testing::signInAndWait(window, server, u"biller"_s, u"demo"_s), QString());
        QVERIFY(window.isOffline());
        QVERIFY(!window.isLocked());
        QCOMPARE(window.cachePath(), billerCache);
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        QTRY_VERIFY(window.findChild<QPushButton *>(u"action-note"_s)->isVisible());
        whenDialogOpens<QInputDialog>([](QInputDialog *dialog) {
            dialog->setTextValue(u"Written during the outage."_s);
            dialog->accept();
        });
        window.findChild<QPushButton *>(u"action-note"_s)->click();
        QTRY_COMPARE(pendingIn(billerCache), qint64(1));
        QVERIFY2(window.findChild<QLabel *>(u"userStatus"_s)->text().contains(u"offline"_s),
                 qPrintable(window.findChild<QLabel *>(u"userStatus"_s)->text()));
        // An export made offline is written owner-only and waits in the cache to be registered.
        const QString exported = dir.filePath(u"offline.csv"_s);
        window.exportViewTo(exported);
        QVERIFY(QFileInfo::exists(exported));
        QCOMPARE(QFileInfo(exported).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        {
            store::Database cache;
            QVERIFY(!cache.open(billerCache, store::workbenchCacheSchema()));
            QSqlQuery waiting(cache.connection());
            QVERIFY(waiting.exec(u"SELECT report, exported_by FROM pending_exports"_s) && waiting.next());
            QCOMPARE(waiting.value(0).toString(), u"work-queue"_s);
            QCOMPARE(waiting.value(1).toString(), u"biller"_s);
        }
        window.lock();

        // The coder unlocks their own cache, not the biller's.
        QCOMPARE(testing::signInAndWait(window, server, u"coder"_s, u"demo"_s), QString());
        QCOMPARE(window.cachePath(), coderCache);
        window.lock();

        // Past the gateway's window (an hour here) since the last online sign-in: refused.
        {
            store::Database cache;
            QVERIFY(!cache.open(billerCache, store::workbenchCacheSchema()));
            std::optional<store::CacheOwner> owner = store::readCacheOwner(cache);
            QVERIFY(owner);
            QCOMPARE(owner->offlineUnlockHours, 1);
            owner->lastOnlineSignIn = QDateTime::currentDateTimeUtc().addSecs(-61 * 60);
            QVERIFY(!store::writeCacheOwner(cache, *owner));
        }
        QVERIFY(!testing::signInAndWait(window, server, u"biller"_s, u"demo"_s).isEmpty());
        QVERIFY(window.isLocked());
        QCOMPARE(pendingIn(billerCache), qint64(1)); // kept for the next online sign-in
    }

    void aPasswordTheGatewayRefusesNoLongerUnlocksOffline()
    {
        auto gateway = std::make_unique<testing::GatewayFixture>(100);
        const QString server = gateway->url(QString()).toString();
        QTemporaryDir dir;
        api::Session session {QUrl()};
        ui::MainWindow window(dir.filePath(u"caches"_s), session);
        QCOMPARE(testing::signInAndWait(window, server, u"biller"_s, u"demo"_s), QString());
        window.lock();
        // The gateway refuses the kept password (changed, or the account disabled): as if
        // the biller's password had been changed by the administrator.
        QVERIFY(!gateway->database().execute(u"UPDATE users SET active = 0 WHERE username = 'biller'"_s));
        QVERIFY(!testing::signInAndWait(window, server, u"biller"_s, u"demo"_s).isEmpty());
        gateway.reset(); // then the network goes
        const QString refused = testing::signInAndWait(window, server, u"biller"_s, u"demo"_s);
        QVERIFY2(!refused.isEmpty(), "the verifier of a password the gateway refused still unlocked the cache");
        QVERIFY(window.isLocked());
    }

    void theQueueExportIsOwnerOnlyAndRegisteredWithTheGateway()
    {
        testing::GatewayFixture gateway(200);
        testing::SignedInWindow signedIn(gateway, u"biller"_s);
        QVERIFY(signedIn.ready);
        ui::MainWindow &window = *signedIn.window;
        const QTemporaryDir &dir = signedIn.dir;
        QVERIFY(syncAndWait(window));
        const QString path = dir.filePath(u"queue.csv"_s);
        // What Ctrl+E does once the file is chosen.
        QCOMPARE(window.findChild<QAction *>(u"exportAction"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
        window.exportViewTo(path);
        QVERIFY(QFileInfo::exists(path));
        QCOMPARE(
            QFileInfo(path).permissions()
                & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ReadOwner | QFileDevice::WriteOwner),
            QFileDevice::Permissions());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString sha256
            = QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
        testing::HttpClient supervisor(gateway.url(QString()));
        QVERIFY(supervisor.signIn(u"supervisor"_s));
        QTRY_COMPARE_WITH_TIMEOUT(supervisor.get(u"/exports/"_s + sha256).status, 200, 10000);
        const QJsonObject record = supervisor.get(u"/exports/"_s + sha256).json();
        QCOMPARE(record.value(u"report"_s).toString(), u"work-queue"_s);
        QCOMPARE(record.value(u"exportedBy"_s).toObject().value(u"id"_s).toString(), u"DEMO-BILLER"_s);
    }
};

QTEST_MAIN(TestWorkbenchSecurity)
#include "test_workbenchsecurity.moc"
