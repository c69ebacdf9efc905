// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/transportsecurity.h"
#include "server/useradministration.h"
#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "services/synthetic/syntheticcache.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testcertificate.h"
#include "tests/ui/windowsignin.h"
#include "ui/filterbar.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/mainwindow.h"
#include "ui/signindialog.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    const synthetic::SyntheticGenerator m_generator {{3, QDate::currentDate()}};

private Q_SLOTS:
    void initTestCase() { QVERIFY(!synthetic::writeSyntheticCache(m_dir.filePath(u"cache.db"_s), 3000, m_generator)); }

    void showsQueuesTheirItemsAndTheSelectedItem()
    {
        store::Database cache;
        QVERIFY(!cache.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        auto *detail = window.findChild<QTextBrowser *>(u"detail"_s);
        auto *search = window.findChild<QLineEdit *>(u"search"_s);
        QVERIFY(navigation && table && detail && search);

        QCOMPARE(navigation->count(), 4);
        QVERIFY2(navigation->item(1)->text().startsWith(u"Denials  ("_s), qPrintable(navigation->item(1)->text()));
        QCOMPARE(navigation->currentRow(), 1);
        QVERIFY(table->model()->rowCount() > 1000);
        // The first item is selected and explained.
        const QString firstClaim = table->model()->index(0, 1).data().toString();
        QTRY_VERIFY(detail->toPlainText().contains(firstClaim));
        QVERIFY(detail->toPlainText().contains(u"Deadlines"_s));

        // Ctrl+F, type a claim number: the table narrows to it after the typing pause.
        const models::WorkItem wanted = m_generator.item(10);
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        navigation->setCurrentRow(0);
        QTest::keyClicks(search, wanted.claimNumber);
        QTRY_COMPARE(table->model()->rowCount(), wanted.isOpen() ? 1 : 0);

        // Another queue: its count matches the table.
        search->clear();
        navigation->setCurrentRow(3);
        QTRY_VERIFY(navigation->item(3)->text().contains(QLocale().toString(table->model()->rowCount())));
    }

    void signsInAndSyncsFromTheGatewayInTheBackground()
    {
        testing::GatewayFixture gateway(800);
        QVERIFY(gateway.isReady());
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"synced.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        window.show();
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        auto *user = window.findChild<QLabel *>(u"userStatus"_s);
        auto *status = window.findChild<QLabel *>(u"syncStatus"_s);
        QVERIFY(table && user && status);
        QCOMPARE(table->model()->rowCount(), 0);
        QCOMPARE(user->text(), u"Not signed in"_s);

        QVERIFY(
            !testing::signInAndWait(window, gateway.url(QString()).toString(), u"supervisor"_s, u"nope"_s).isEmpty());
        QCOMPARE(testing::signInAndWait(window, gateway.url(QString()).toString(), u"supervisor"_s, u"demo"_s),
                 QString());
        QCOMPARE(user->text(), u"Demo Supervisor (supervisor)"_s);
        window.syncNow();
        QVERIFY(window.isSyncing());
        // The window stays responsive while the worker syncs; then the queue fills.
        QTRY_VERIFY_WITH_TIMEOUT(!window.isSyncing(), 30000);
        QVERIFY2(status->text().startsWith(u"Last sync"_s), qPrintable(status->text()));
        qint64 openDenials = 0;
        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(u"SELECT count(*) FROM work_items WHERE queue = 'denial' AND status <> 'resolved'"_s)
                && query.next());
        openDenials = query.value(0).toLongLong();
        QVERIFY(openDenials > 0);
        QCOMPARE(table->model()->rowCount(), openDenials);
        // A supervisor also sees the unassigned work of every queue.
        auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
        QVERIFY(query.exec(u"SELECT count(*) FROM work_items WHERE owner_id IS NULL AND status <> 'resolved'"_s)
                && query.next());
        const qint64 unassigned = query.value(0).toLongLong();
        // The navigation's counts follow the queue a frame after a sync.
        const auto unassignedEntry = [&]() {
            const QList<QListWidgetItem *> found = navigation->findItems(u"Unassigned  ("_s, Qt::MatchStartsWith);
            return found.size() == 1 ? found.constFirst()->text() : QString();
        };
        QTRY_COMPARE(unassignedEntry(), u"Unassigned  (%1)"_s.arg(unassigned));
        // The filter bar offers the synced items' facilities (none before the sync).
        auto *facilities = window.findChild<QComboBox *>(u"facilityFilter"_s);
        QVERIFY(facilities);
        QVERIFY(query.exec(u"SELECT count(DISTINCT facility_id) FROM work_items"_s) && query.next());
        QVERIFY(query.value(0).toInt() > 1);
        QTRY_COMPARE(facilities->count(), query.value(0).toInt() + 1);
        const QList<QListWidgetItem *> found = navigation->findItems(u"Unassigned  ("_s, Qt::MatchStartsWith);
        query.finish();
        navigation->setCurrentItem(found.constFirst());
        QCOMPARE(table->model()->rowCount(), unassigned);
    }

    void theIntegrationAccountCannotUseTheWorkbench()
    {
        testing::GatewayFixture gateway(50);
        QVERIFY(gateway.isReady());
        const QString password = u"amber-kestrel-lighthouse-42"_s;
        QVERIFY(server::UserAdministration(gateway.store(), u"test"_s, {}, 1000)
                    .addUser(u"clearinghouse"_s, {}, models::Role::Integration, password)
                    .value);
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        const QString refusal
            = testing::signInAndWait(window, gateway.url(QString()).toString(), u"clearinghouse"_s, password);
        QVERIFY2(refusal.contains(u"service account"_s), qPrintable(refusal));
        QVERIFY(!session.isSignedIn());
        QCOMPARE(window.findChild<QLabel *>(u"userStatus"_s)->text(), u"Not signed in"_s);
    }

    void anActionFromTheDetailPanelReachesTheGatewayOnce()
    {
        testing::GatewayFixture gateway(400);
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"acting.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        window.show();
        QCOMPARE(testing::signInAndWait(window, gateway.url(QString()).toString(), u"biller"_s, u"demo"_s), QString());
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isSyncing(), 30000);

        // Select an item the biller owns and is working on.
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        QString itemId;
        for (int row = 0; row < table->model()->rowCount() && itemId.isEmpty(); ++row) {
            const QString id
                = table->model()->index(row, 0).data(itemmodels::WorkQueueModel::WorkItemIdRole).toString();
            const auto item = store::WorkItemStore(cache).item(id);
            if (item->ownerId == u"DEMO-BILLER"_s && item->status == models::WorkItemStatus::InProgress) {
                itemId = id;
                table->selectRow(row);
            }
        }
        QVERIFY(!itemId.isEmpty());
        // "My work" comes first once signed in, with the biller's own open items.
        auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
        QSqlQuery mine(cache.connection());
        QVERIFY(mine.exec(u"SELECT count(*) FROM work_items WHERE owner_id = 'DEMO-BILLER' AND status <> 'resolved'"_s)
                && mine.next());
        // The navigation's counts follow the queue a frame after a sync.
        QTRY_COMPARE(navigation->item(0)->text(), u"My work  (%1)"_s.arg(mine.value(0).toLongLong()));
        mine.finish(); // an open read would pin this connection to an old snapshot
        QVERIFY(!navigation->item(navigation->count() - 1)->text().startsWith(u"Unassigned"_s)); // supervisors only
        // Only what the rules allow a biller on this item is offered.
        auto *hold = window.findChild<QPushButton *>(u"action-hold"_s);
        QTRY_VERIFY(hold && hold->isVisible());
        QVERIFY(!window.findChild<QPushButton *>(u"action-approve_writeoff"_s)->isVisible());
        QVERIFY(!window.findChild<QPushButton *>(u"action-release"_s)->isVisible());

        QTest::mouseClick(hold, Qt::LeftButton);
        // Pending at once, then sent by the sync that follows.
        auto *state = window.findChild<QLabel *>(u"outboxState"_s);
        QVERIFY2(state->text().contains(u"waiting to be sent"_s) || window.isSyncing(), qPrintable(state->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isSyncing(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(gateway.store().history(itemId).size(), 1, 10000);
        QCOMPARE(gateway.store().item(itemId)->status, models::WorkItemStatus::OnHold);
        QCOMPARE(store::WorkItemStore(cache).item(itemId)->status, models::WorkItemStatus::OnHold);
        QCOMPARE(sync::Outbox(cache).entries().size(), 0);
        // Now on hold: Release is offered, Hold no longer.
        QTRY_VERIFY(window.findChild<QPushButton *>(u"action-release"_s)->isVisible());
        // The item's history comes from the server, cached, with who did it.
        auto *detail = window.findChild<QTextBrowser *>(u"detail"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(detail->toPlainText().contains(u"hold Demo Biller"_s),
                                  qPrintable(detail->toPlainText()), 10000);
        QSqlQuery cached(cache.connection());
        QVERIFY(cached.exec(u"SELECT count(*) FROM item_history WHERE work_item_id = '%1'"_s.arg(itemId))
                && cached.next());
        QCOMPARE(cached.value(0).toInt(), 1);
        QVERIFY(!hold->isVisible());
    }

    void idlingLocksAndHidesEveryPatientName()
    {
        testing::GatewayFixture gateway(200);
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"locked.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(testing::signInAndWait(window, gateway.url(QString()).toString(), u"supervisor"_s, u"demo"_s),
                 QString());
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isSyncing(), 30000);
        auto *detail = window.findChild<QTextBrowser *>(u"detail"_s);
        QTRY_VERIFY(detail->toPlainText().contains(u"Patient"_s));
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        const QString selectedId = table->currentIndex().data(itemmodels::WorkQueueModel::WorkItemIdRole).toString();
        const QString patient = store::WorkItemStore(cache).item(selectedId)->patientDisplayName;
        QVERIFY(detail->toPlainText().contains(patient));
        QVERIFY(patient.startsWith(u"Zz"_s));

        window.setAutoLockInterval(std::chrono::milliseconds(300));
        QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), 5000);
        // No visible widget shows a patient any more.
        for (QWidget *widget : window.findChildren<QWidget *>()) {
            if (!widget->isVisible())
                continue;
            QString text;
            if (auto *label = qobject_cast<QLabel *>(widget))
                text = label->text();
            else if (auto *browser = qobject_cast<QTextBrowser *>(widget))
                text = browser->toPlainText();
            QVERIFY2(!text.contains(patient) && !text.contains(u"Zz"_s), qPrintable(widget->objectName()));
        }
        QVERIFY(!window.findChild<QTableView *>(u"queueTable"_s)->isVisible());
        QVERIFY(window.findChild<QPushButton *>(u"unlock"_s)->isVisible());
        // Signing in again unlocks; a wrong password does not.
        QVERIFY(
            !testing::signInAndWait(window, gateway.url(QString()).toString(), u"supervisor"_s, u"wrong"_s).isEmpty());
        QVERIFY(window.isLocked());
        QCOMPARE(testing::signInAndWait(window, gateway.url(QString()).toString(), u"supervisor"_s, u"demo"_s),
                 QString());
        QVERIFY(!window.isLocked());
        QVERIFY(window.findChild<QTableView *>(u"queueTable"_s)->isVisible());
    }

    void theCaFileIsChosenInADialogThatDoesNotHoldUpTheWindow()
    {
        ui::SignInDialog dialog(u"https://gateway.example:8443"_s, u"biller"_s);
        dialog.show();
        auto *browse = dialog.findChild<QPushButton *>(u"browseCaFile"_s);
        QVERIFY(browse);
        browse->click(); // returns at once: the chooser is opened, not exec'd
        QFileDialog *chooser = nullptr;
        QTRY_VERIFY((chooser = dialog.findChild<QFileDialog *>()) != nullptr && chooser->isVisible());
        QVERIFY(chooser->isModal());
        Q_EMIT chooser->fileSelected(u"/etc/ssl/organisation-ca.pem"_s);
        QCOMPARE(dialog.caFile(), u"/etc/ssl/organisation-ca.pem"_s);
    }

    void anHttpsGatewayIsReachedWithTheCaFileKeptBesideTheServer()
    {
        QTemporaryDir dir;
        const std::optional<testing::TestCertificate> certificate = testing::TestCertificate::make(dir.path());
        QVERIFY2(certificate, "openssl is needed to make a test certificate");
        QString error;
        server::GatewayServer::Options options;
        options.tls = server::loadTlsConfiguration(certificate->certificatePath, certificate->keyPath, &error);
        QVERIFY2(options.tls, qPrintable(error));
        testing::GatewayFixture gateway(50, options);
        QVERIFY(gateway.isReady());
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        const QString server = gateway.url(QString()).toString();

        QSettings().remove(u"caFile"_s);
        const auto forgetCaFile = qScopeGuard([] { QSettings().remove(u"caFile"_s); });
        const QString untrusted = testing::signInAndWait(window, server, u"biller"_s, u"demo"_s);
        QVERIFY2(untrusted.contains(u"certificate"_s), qPrintable(untrusted));
        QVERIFY(!session.isSignedIn());

        // The sign-in dialog keeps the CA file here, beside the server address.
        QSettings().setValue(u"caFile"_s, certificate->certificatePath);
        QCOMPARE(testing::signInAndWait(window, server, u"biller"_s, u"demo"_s), QString());
        QVERIFY(session.isSignedIn());

        // Plain http:// to another computer is refused before anything is sent.
        const QString insecure = testing::signInAndWait(window, u"http://192.0.2.1:8080"_s, u"biller"_s, u"demo"_s);
        QVERIFY2(insecure.contains(u"https://"_s), qPrintable(insecure));
    }

    void anExpiredSessionAsksToSignInAgainAndKeepsTheOutbox()
    {
        testing::GatewayFixture gateway(300);
        QVERIFY(gateway.isReady());
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        window.show();
        const QString server = gateway.url(QString()).toString();
        QCOMPARE(testing::signInAndWait(window, server, u"biller"_s, u"demo"_s), QString());
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isSyncing(), 30000);
        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(u"SELECT id FROM work_items WHERE owner_id = 'DEMO-BILLER' AND status = 'in_progress' "
                           "ORDER BY id LIMIT 1"_s)
                && query.next());
        const QString itemId = query.value(0).toString();
        query.finish();
        const qsizetype historyBefore = gateway.store().history(itemId).size();
        QVERIFY(sync::Outbox(cache).enqueue(itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"called the payer"_s}},
                                            {session.user().id, session.server().toString()}));

        // The gateway ends every session; the next sync meets 401.
        QVERIFY(!gateway.database().execute(u"UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'"_s));
        window.syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<ui::SignInDialog *>(QApplication::activeModalWidget()), 30000);
        auto *dialog = qobject_cast<ui::SignInDialog *>(QApplication::activeModalWidget());
        QVERIFY(!session.isSignedIn()); // the expired token is dropped; no password was kept to renew it
        QVERIFY(dialog->findChild<QLabel *>(u"error"_s)->text().contains(u"unsent actions are kept"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!window.isSyncing(), 30000);
        QCOMPARE(sync::Outbox(cache).count(sync::OutboxEntry::State::Pending), 1);
        QCOMPARE(gateway.store().history(itemId).size(), historyBefore);

        // Signing in again sends what waited.
        dialog->findChild<QLineEdit *>(u"password"_s)->setText(u"demo"_s);
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(gateway.store().history(itemId).size(), historyBefore + 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(sync::Outbox(cache).count(sync::OutboxEntry::State::Pending), 0, 30000);
        QVERIFY(session.isSignedIn());
    }

    void theFilterBarRoundTripsFacilityAndDeadline()
    {
        using itemmodels::DeadlineWindow;
        ui::FilterBar bar;
        auto *facility = bar.findChild<QComboBox *>(u"facilityFilter"_s);
        auto *deadline = bar.findChild<QComboBox *>(u"deadlineFilter"_s);
        QVERIFY(facility && deadline);
        const QStringList windows = {u"Any deadline"_s, u"Deadline passed"_s, u"Due within 7 days"_s,
                                     u"Due in 8–14 days"_s, u"Due in 15–30 days"_s};
        QCOMPARE(deadline->count(), windows.size());
        for (int index = 0; index < deadline->count(); ++index)
            QCOMPARE(deadline->itemText(index), windows.at(index));

        const QList<models::Facility> &choices = m_generator.facilities();
        QVERIFY(choices.size() > 2);
        bar.setChoices(m_generator.payers(), choices, m_generator.users());
        QCOMPARE(facility->count(), choices.size() + 1);
        QCOMPARE(facility->itemText(0), u"All facilities"_s);
        QCOMPARE(facility->itemText(3), choices.at(2).name);

        std::optional<itemmodels::QueueFilter> emitted;
        connect(&bar, &ui::FilterBar::filterChanged, this,
                [&](const itemmodels::QueueFilter &filter) { emitted = filter; });
        itemmodels::QueueFilter wanted;
        wanted.payerId = m_generator.payers().at(1).id;
        wanted.facilityId = choices.at(2).id;
        wanted.age = itemmodels::AgeBucket::From31To60;
        for (int window = 0; window <= int(DeadlineWindow::DueIn15To30); ++window) {
            wanted.deadline = DeadlineWindow(window);
            bar.setFilter(wanted);
            QCOMPARE(bar.filter(), wanted);
            QCOMPARE(emitted, std::optional(wanted));
        }
        QCOMPARE(facility->currentText(), choices.at(2).name);
        QCOMPARE(deadline->currentText(), u"Due in 15–30 days"_s);

        // A choice made in the combos is the filter emitted.
        deadline->setCurrentIndex(1);
        QCOMPARE(emitted->deadline, DeadlineWindow::DeadlinePassed);
        facility->setCurrentIndex(1);
        QCOMPARE(emitted->facilityId, choices.at(0).id);
        QCOMPARE(emitted->payerId, wanted.payerId);

        // New choices keep the facility chosen; one no longer offered falls back to all.
        bar.setFilter(wanted);
        bar.setChoices(m_generator.payers(), choices, m_generator.users());
        QCOMPARE(bar.filter(), wanted);
        bar.setChoices(m_generator.payers(), choices.mid(0, 2), m_generator.users());
        QVERIFY(bar.filter().facilityId.isEmpty());
        QCOMPARE(bar.filter().deadline, wanted.deadline);
        // A facility the cache names only by id is offered by its id.
        bar.setChoices(m_generator.payers(), {models::Facility {u"NEWCLINIC"_s, QString(), false}},
                       m_generator.users());
        QCOMPARE(facility->itemText(1), u"NEWCLINIC"_s);
        bar.clear();
        QVERIFY(bar.filter().isEmpty());
        QVERIFY(emitted->isEmpty());
    }

    void speaksSpanish()
    {
        QVERIFY(ui::installTranslation(u"es"_s));
        store::Database cache;
        QVERIFY(!cache.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
        auto *table = window.findChild<QTableView *>(u"queueTable"_s);
        QVERIFY2(navigation->item(1)->text().startsWith(u"Denegaciones"_s), qPrintable(navigation->item(1)->text()));
        QCOMPARE(table->model()->headerData(1, Qt::Horizontal).toString(), u"Reclamación"_s);
        QCOMPARE(window.findChild<QLabel *>(u"userStatus"_s)->text(), u"Sin sesión iniciada"_s);
        QCOMPARE(window.findChild<QComboBox *>(u"deadlineFilter"_s)->itemText(1), u"Plazo vencido"_s);
        QVERIFY(ui::installTranslation(u"en"_s));
        QCOMPARE(table->model()->headerData(1, Qt::Horizontal).toString(), u"Claim"_s);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
