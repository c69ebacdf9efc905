#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/synthetic/syntheticcache.h"
#include "ui/mainwindow.h"

#include <QLineEdit>
#include <QListWidget>
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
        ui::MainWindow window(cache);
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
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
