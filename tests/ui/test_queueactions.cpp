// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The workbench's filters, bulk actions, supervisor assignment, conflicts dialog and
// settings, driven through real widgets against a real gateway on loopback.
#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/remittancewriter.h"
#include "tests/server/gatewayfixture.h"
#include "tests/ui/dialogwait.h"
#include "tests/ui/windowsignin.h"
#include "ui/actionpanel.h"
#include "ui/assigndialog.h"
#include "ui/conflictsdialog.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/mainwindow.h"
#include "ui/queuenavigation.h"
#include "ui/remittancepreviewdialog.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using itemmodels::WorkQueueModel;

namespace {

using testing::whenDialogOpens;

qint64 sqlCount(store::Database &cache, const QString &statement)
{
    QSqlQuery query(cache.connection());
    const qint64 count = query.exec(statement) && query.next() ? query.value(0).toLongLong() : -1;
    query.finish(); // an open read would pin this connection to an old snapshot
    return count;
}

using testing::SignedInWindow;

} // namespace

class TestQueueActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void filtersNarrowTheQueueInSql()
    {
        testing::GatewayFixture gateway(600);
        SignedInWindow signedIn(gateway, u"supervisor"_s);
        QVERIFY(signedIn.ready);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.window->isSyncing(), 30000);
        auto *navigation = signedIn.window->findChild<QListWidget *>(u"navigation"_s);
        auto *category = signedIn.window->findChild<QComboBox *>(u"categoryFilter"_s);
        auto *payer = signedIn.window->findChild<QComboBox *>(u"payerFilter"_s);
        QVERIFY(category && payer);
        // The payers of the cache are offered, a frame after the sync (with the navigation).
        QTRY_VERIFY(payer->count() > 2);
        static_cast<ui::QueueNavigation *>(navigation)->selectKey(QString()); // all open work

        category->setCurrentIndex(category->findData(u"coding"_s));
        const qint64 coding
            = sqlCount(signedIn.cache,
                       u"SELECT count(*) FROM work_items WHERE status <> 'resolved' AND denial_category = 'coding'"_s);
        QVERIFY(coding > 0);
        QCOMPARE(signedIn.table()->model()->rowCount(), coding);

        payer->setCurrentIndex(2);
        const qint64 codingForPayer
            = sqlCount(signedIn.cache,
                       u"SELECT count(*) FROM work_items WHERE status <> 'resolved' AND "
                       "denial_category = 'coding' AND payer_id = '%1'"_s.arg(payer->currentData().toString()));
        QCOMPARE(signedIn.table()->model()->rowCount(), codingForPayer);

        signedIn.window->findChild<QPushButton *>(u"clearFilters"_s)->click();
        QCOMPARE(signedIn.table()->model()->rowCount(),
                 sqlCount(signedIn.cache, u"SELECT count(*) FROM work_items WHERE status <> 'resolved'"_s));
    }

    void aSupervisorReassignsSeveralItemsToTheLeastLoadedUser()
    {
        testing::GatewayFixture gateway(600);
        SignedInWindow signedIn(gateway, u"supervisor"_s);
        QVERIFY(signedIn.ready);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.window->isSyncing(), 30000);
        auto *navigation = signedIn.window->findChild<QListWidget *>(u"navigation"_s);
        // The team's queues follow Unassigned, each with its open workload.
        const QHash<QString, qint64> before = store::WorkItemStore(signedIn.cache).openItemsByOwner();
        // The navigation's team entries follow the queue a frame after a sync.
        QTRY_VERIFY(
            navigation->count() > 0
            && navigation->item(navigation->count() - 1)->data(Qt::UserRole + 1).toString().startsWith(u"owner:"_s));
        int teamEntries = 0;
        for (int row = 0; row < navigation->count(); ++row) {
            const QString key = navigation->item(row)->data(Qt::UserRole + 1).toString();
            if (key.startsWith(u"owner:"_s)) {
                ++teamEntries;
                QVERIFY(navigation->item(row)->text().endsWith(
                    u"(%1)"_s.arg(QLocale().toString(before.value(key.mid(6))))));
            }
        }
        QVERIFY(teamEntries >= 5);
        // Denials: items of one queue, owned or not, are (re)assigned
        static_cast<ui::QueueNavigation *>(navigation)->selectKey(u"denial"_s);
        QVERIFY(navigation->currentItem()->text().startsWith(u"Denials"_s));
        QTableView *table = signedIn.table();
        QVERIFY(table->model()->rowCount() >= 3);
        const QStringList ids = {signedIn.idAt(0), signedIn.idAt(1), signedIn.idAt(2)};
        table->selectionModel()->select(QItemSelection(table->model()->index(0, 0), table->model()->index(2, 0)),
                                        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(signedIn.window->findChild<QLabel *>(u"outboxState"_s)->text().contains(u"3 items selected"_s));
        auto *assign = signedIn.window->findChild<QPushButton *>(u"action-assign"_s);
        QVERIFY(assign && assign->isVisible());
        QVERIFY2(!signedIn.window->findChild<QPushButton *>(u"action-request_writeoff"_s)->isVisible(),
                 "an amount is asked for one item at a time");

        const QHash<QString, qint64> workload = store::WorkItemStore(signedIn.cache).openItemsByOwner();
        QString chosen;
        bool listedRight = true;
        whenDialogOpens<ui::AssignDialog>([&](ui::AssignDialog *dialog) {
            auto *users = dialog->findChild<QTreeWidget *>(u"assignees"_s);
            qint64 previous = -1;
            for (int row = 0; row < users->topLevelItemCount(); ++row) {
                const QTreeWidgetItem *entry = users->topLevelItem(row);
                const QString id = entry->data(0, Qt::UserRole + 1).toString();
                const qint64 open = entry->data(2, Qt::UserRole).toLongLong();
                listedRight = listedRight && open == workload.value(id) && open >= previous;
                previous = open;
            }
            chosen = dialog->assigneeId();
            dialog->accept();
        });
        assign->click();
        QVERIFY(listedRight);
        QVERIFY(!chosen.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.window->isSyncing(), 30000);
        for (const QString &id : ids)
            QTRY_COMPARE_WITH_TIMEOUT(gateway.store().item(id)->ownerId, chosen, 10000);
        QTRY_COMPARE(sync::Outbox(signedIn.cache).entries().size(), 0);
    }

    void anActionPanelThatDoesNotKnowTheGatewayQueuesNothingAndSaysWhy()
    {
        testing::GatewayFixture gateway(300);
        SignedInWindow signedIn(gateway, u"biller"_s);
        QVERIFY(signedIn.ready);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.window->isSyncing(), 30000);
        QSqlQuery query(signedIn.cache.connection());
        QVERIFY(query.exec(u"SELECT id FROM work_items WHERE owner_id = 'DEMO-BILLER' AND status = 'in_progress' "
                           "ORDER BY id LIMIT 1"_s)
                && query.next());
        const QString itemId = query.value(0).toString();
        query.finish();
        // A panel told who is signed in but not to which gateway: an action could not be
        // sent as anyone's, so it is not queued.
        ui::ActionPanel panel(signedIn.cache);
        panel.setUser(signedIn.session.user());
        panel.setItem(store::WorkItemStore(signedIn.cache).item(itemId));
        whenDialogOpens<QInputDialog>([](QInputDialog *dialog) {
            dialog->setTextValue(u"Called the payer."_s);
            dialog->accept();
        });
        QString said;
        whenDialogOpens<QMessageBox>([&said](QMessageBox *box) {
            said = box->text();
            box->accept();
        });
        panel.findChild<QPushButton *>(u"action-note"_s)->click();
        QTRY_VERIFY(!said.isEmpty());
        QVERIFY2(said.contains(u"Not queued"_s), qPrintable(said));
        QCOMPARE(sync::Outbox(signedIn.cache).entries().size(), 0);
    }

    void aConflictAppearsInTheDialogAndIsRetriedOnTheServersVersion()
    {
        testing::GatewayFixture gateway(400);
        SignedInWindow signedIn(gateway, u"biller"_s);
        QVERIFY(signedIn.ready);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.window->isSyncing(), 30000);
        QTableView *table = signedIn.table();
        QString itemId;
        for (int row = 0; row < table->model()->rowCount() && itemId.isEmpty(); ++row) {
            const auto item = store::WorkItemStore(signedIn.cache).item(signedIn.idAt(row));
            if (item->ownerId == u"DEMO-BILLER"_s && item->status == models::WorkItemStatus::InProgress) {
                itemId = item->id;
                table->selectRow(row);
            }
        }
        QVERIFY(!itemId.isEmpty());
        // Meanwhile a supervisor escalates it on the server.
        testing::HttpClient supervisor(gateway.url(QString()));
        QVERIFY(supervisor.signIn(u"supervisor"_s));
        QCOMPARE(
            supervisor.act(itemId, {{u"type"_s, u"escalate"_s}}, gateway.store().item(itemId)->version, u"escalate-1"_s)
                .status,
            200);

        // The biller adds a note on the version they see: the server answers 412.
        whenDialogOpens<QInputDialog>([](QInputDialog *dialog) {
            dialog->setTextValue(u"Called the payer; reprocessing."_s);
            dialog->accept();
        });
        QTRY_VERIFY(signedIn.window->findChild<QPushButton *>(u"action-note"_s)->isVisible());
        signedIn.window->findChild<QPushButton *>(u"action-note"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.window->isSyncing(), 30000);
        QTRY_COMPARE(sync::Outbox(signedIn.cache).count(sync::OutboxEntry::State::Conflict), qint64(1));
        QTRY_VERIFY(signedIn.window->findChild<QToolButton *>(u"outboxStatus"_s)->text().contains(u"1 conflicts"_s));

        // Someone else signed in on this workstation is not shown the biller's action.
        const QString serverUrl = signedIn.session.server().toString();
        ui::ConflictsDialog someoneElse(signedIn.cache);
        someoneElse.setAuthor({u"DEMO-CODER"_s, serverUrl});
        QCOMPARE(someoneElse.reload(), 0);
        // The biller's dialog shows the local action beside the server's item.
        ui::ConflictsDialog dialog(signedIn.cache);
        dialog.setAuthor({signedIn.session.user().id, serverUrl});
        QCOMPARE(dialog.reload(), 1);
        const QString local = dialog.findChild<QTextBrowser *>(u"localAction"_s)->toPlainText();
        const QString server = dialog.findChild<QTextBrowser *>(u"serverItem"_s)->toPlainText();
        QVERIFY2(local.contains(u"Note"_s) && local.contains(u"Called the payer"_s), qPrintable(local));
        QVERIFY2(server.contains(u"Escalated"_s), qPrintable(server));
        QVERIFY(gateway.store().history(itemId).size() == 1); // only the escalation

        connect(&dialog, &ui::ConflictsDialog::outboxChanged, signedIn.window.get(),
                [&]() { signedIn.window->syncNow(); });
        dialog.findChild<QPushButton *>(u"retryConflict"_s)->click();
        QCOMPARE(dialog.reload(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(gateway.store().history(itemId).size(), 2, 20000);
        QCOMPARE(gateway.store().history(itemId).constLast().actionType, models::ActionType::Note);
    }

    void aPosterPreviewsAnEraThenPostsItAndSeesTheExceptions()
    {
        testing::GatewayFixture gateway(300); // seed 5, as of today
        SignedInWindow signedIn(gateway, u"poster"_s);
        QVERIFY(signedIn.ready);
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.window->isSyncing(), 30000);
        const synthetic::SyntheticRemittances generator({5, QDate::currentDate(), 40});
        QFile file(signedIn.dir.filePath(u"payer.835"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(
            x12::RemittanceWriter(&file, {}).writeInterchange({generator.transaction(0), generator.transaction(1)}));
        file.close();

        int previewRows = -1;
        int transactionRows = -1;
        qint64 postedBeforePressing = -1;
        whenDialogOpens<ui::RemittancePreviewDialog>(
            [&](ui::RemittancePreviewDialog *dialog) {
                transactionRows = dialog->findChild<QTableWidget *>(u"remittanceTransactions"_s)->rowCount();
                previewRows = dialog->findChild<QTableView *>(u"remittanceExceptions"_s)->model()->rowCount();
                postedBeforePressing = sqlCount(gateway.database(), u"SELECT count(*) FROM remittances"_s);
                dialog->findChild<QPushButton *>(u"postRemittance"_s)->click();
            },
            [](ui::RemittancePreviewDialog *dialog) { // the gateway's preview is in
                return dialog->findChild<QPushButton *>(u"postRemittance"_s)->isEnabled();
            });
        signedIn.window->importRemittance(file.fileName()); // the window goes on while the dialog works
        QTRY_COMPARE_WITH_TIMEOUT(transactionRows, 2, 30000);
        QVERIFY(previewRows > 0);
        QCOMPARE(postedBeforePressing, 0); // nothing is posted by the preview
        QTRY_COMPARE_WITH_TIMEOUT(sqlCount(gateway.database(), u"SELECT count(*) FROM remittances"_s), 2, 30000);
        // The exceptions arrive with the next sync, in the remittance queue.
        QTRY_VERIFY_WITH_TIMEOUT(!signedIn.window->isSyncing(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            sqlCount(signedIn.cache,
                     u"SELECT count(*) FROM work_items WHERE id LIKE 'ERA-%' AND queue = 'remittance'"_s),
            qint64(previewRows), 20000);
        // An exception's detail shows what the remittance said about its claim.
        QSqlQuery era(signedIn.cache.connection());
        QVERIFY(
            era.exec(u"SELECT claim_number FROM work_items WHERE id LIKE 'ERA-%' AND queue = 'remittance' LIMIT 1"_s)
            && era.next());
        const QString claimNumber = era.value(0).toString();
        era.finish();
        auto *navigation = signedIn.window->findChild<QListWidget *>(u"navigation"_s);
        navigation->setCurrentItem(navigation->findItems(u"Remittance exceptions"_s, Qt::MatchStartsWith).constFirst());
        signedIn.window->findChild<QLineEdit *>(u"search"_s)->setText(claimNumber);
        auto *detail = signedIn.window->findChild<QTextBrowser *>(u"detail"_s);
        QTRY_VERIFY_WITH_TIMEOUT(detail->toPlainText().contains(u"Remittances"_s), 10000);
        QVERIFY2(detail->toPlainText().contains(u"EFT00000000"_s) || detail->toPlainText().contains(u"CHK00000000"_s),
                 qPrintable(detail->toPlainText()));
    }

    void droppingAnEraFileOpensItsPreview()
    {
        testing::GatewayFixture gateway(20);
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData early;
        early.setUrls({QUrl::fromLocalFile(dir.filePath(u"dropped.835"_s))});
        QDragEnterEvent beforeSignIn(QPoint(50, 50), Qt::CopyAction, &early, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &beforeSignIn);
        QVERIFY(!beforeSignIn.isAccepted()); // nothing opens before someone signs in
        QCOMPARE(testing::signInAndWait(window, gateway.url(QString()).toString(), u"finance"_s, u"demo"_s), QString());
        QFile file(dir.filePath(u"dropped.835"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(x12::RemittanceWriter(&file, {}).writeInterchange(
            {synthetic::SyntheticRemittances({5, QDate::currentDate(), 40}).transaction(0)}));
        file.close();

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(file.fileName())});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QString title;
        int transactions = -1;
        QString status;
        whenDialogOpens<ui::RemittancePreviewDialog>(
            [&](ui::RemittancePreviewDialog *dialog) {
                title = dialog->windowTitle();
                transactions = dialog->findChild<QTableWidget *>(u"remittanceTransactions"_s)->rowCount();
                status = dialog->findChild<QLabel *>(u"remittanceStatus"_s)->text();
                dialog->reject();
            },
            [](ui::RemittancePreviewDialog *dialog) {
                return dialog->findChild<QTableWidget *>(u"remittanceTransactions"_s)->rowCount() > 0
                    && !dialog->findChild<QLabel *>(u"remittanceStatus"_s)->text().startsWith(u"Asking"_s);
            });
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_VERIFY(title.contains(u"dropped.835"_s));
        QCOMPARE(transactions, 1);
        // Finance may not post 835s: the totals only, and why.
        QVERIFY2(status.contains(u"Only cash posters"_s) || status.contains(u"cannot post"_s), qPrintable(status));
    }

    void settingsAreKeptAndTheLockFollowsThem()
    {
        ui::SettingsDialog dialog;
        dialog.findChild<QSpinBox *>(u"autoLockSetting"_s)->setValue(5);
        auto *language = dialog.findChild<QComboBox *>(u"languageSetting"_s);
        language->setCurrentIndex(language->findData(u"es"_s));
        dialog.save();
        QSettings settings;
        QCOMPARE(settings.value(u"autoLockMinutes"_s).toInt(), 5);
        QCOMPARE(settings.value(u"language"_s).toString(), u"es"_s);
        QVERIFY(!settings.contains(u"cacheFolder"_s)); // the default is not pinned
        ui::SettingsDialog reopened;
        QCOMPARE(reopened.autoLockMinutes(), 5);
        QCOMPARE(reopened.language(), u"es"_s);
    }
};

QTEST_MAIN(TestQueueActions)
#include "test_queueactions.moc"
