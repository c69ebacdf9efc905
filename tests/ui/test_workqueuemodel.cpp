// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"
#include "ui/itemmodels/savedviews.h"
#include "ui/itemmodels/workqueuemodel.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using itemmodels::WorkQueueModel;
using models::Queue;
using models::WorkItem;

Q_DECLARE_METATYPE(rcm::itemmodels::QueueFilter)

class TestWorkQueueModel final : public QObject
{
    Q_OBJECT

private:
    static constexpr int itemCount = 5000;
    QTemporaryDir m_dir;
    store::Database m_database;
    QList<WorkItem> m_items;

    QList<WorkItem> openItems(std::optional<Queue> queue) const
    {
        QList<WorkItem> result;
        std::copy_if(m_items.begin(), m_items.end(), std::back_inserter(result),
                     [&](const WorkItem &item) { return item.isOpen() && (!queue || item.queue == *queue); });
        return result;
    }

    /// Days from today to the item's next deadline still ahead, as the deadlines report
    /// counts them; none when every deadline has passed or there is none.
    static std::optional<qint64> daysToNextDeadline(const WorkItem &item, const QDate &today)
    {
        std::optional<qint64> days;
        for (const QDate &deadline : {item.timelyFilingDeadline, item.appealDeadline}) {
            if (deadline.isValid() && deadline >= today)
                days = std::min(days.value_or(LLONG_MAX), today.daysTo(deadline));
        }
        return days;
    }

    static bool inDeadlineWindow(const WorkItem &item, itemmodels::DeadlineWindow window, const QDate &today)
    {
        using itemmodels::DeadlineWindow;
        const std::optional<qint64> days = daysToNextDeadline(item, today);
        switch (window) {
        case DeadlineWindow::Any:
            return true;
        case DeadlineWindow::DeadlinePassed:
            return !days && (item.timelyFilingDeadline.isValid() || item.appealDeadline.isValid());
        case DeadlineWindow::DueWithin7:
            return days && *days <= 7;
        case DeadlineWindow::DueIn8To14:
            return days && *days >= 8 && *days <= 14;
        case DeadlineWindow::DueIn15To30:
            return days && *days >= 15 && *days <= 30;
        }
        return false;
    }

    static QStringList idsOf(const WorkQueueModel &model, int first, int count)
    {
        QStringList ids;
        for (int row = first; row < first + count && row < model.rowCount(); ++row)
            ids << model.index(row, 0).data(WorkQueueModel::WorkItemIdRole).toString();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!m_database.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        const synthetic::SyntheticGenerator generator({21, QDate(2026, 11, 27)});
        m_items = generator.items(0, itemCount);
        store::WorkItemStore store(m_database);
        QVERIFY(!store.upsertItems(m_items));
        QVERIFY(!store.upsertUsers(generator.users()));
    }

    void passesTheModelTester()
    {
        WorkQueueModel model(m_database);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setQueue(Queue::Remittance);
        model.sort(WorkQueueModel::BalanceColumn, Qt::AscendingOrder);
        model.setSearchText(u"zzgarcia"_s);
        model.setSearchText(QString());
        model.setQueue(std::nullopt);
        itemmodels::QueueFilter filter;
        filter.facilityId = m_items.at(3).facilityId;
        filter.deadline = itemmodels::DeadlineWindow::DueIn8To14;
        model.setFilter(filter);
        QVERIFY(model.rowCount() > 0);
        model.setToday(QDate(2026, 12, 4)); // deadline windows move with the day
        filter.deadline = itemmodels::DeadlineWindow::DeadlinePassed;
        model.setFilter(filter);
        model.sort(WorkQueueModel::FilingDeadlineColumn, Qt::AscendingOrder);
        QVERIFY(model.lastError().isEmpty());
    }

    void showsTheOpenItemsOfOneQueue_data()
    {
        QTest::addColumn<int>("queue");
        QTest::newRow("all queues") << -1;
        for (Queue queue : models::allValues<Queue>())
            QTest::newRow(models::wireName(queue).data()) << int(queue);
    }

    void showsTheOpenItemsOfOneQueue()
    {
        QFETCH(int, queue);
        const std::optional<Queue> selected = queue < 0 ? std::nullopt : std::optional(Queue(queue));
        WorkQueueModel model(m_database);
        model.setQueue(selected);
        QCOMPARE(model.rowCount(), openItems(selected).size());
        if (selected)
            QCOMPARE(model.countsByQueue().value(*selected), openItems(selected).size());
    }

    void sortsInSqlAcrossPages()
    {
        WorkQueueModel model(m_database);
        model.setQueue(Queue::Denial);
        model.sort(WorkQueueModel::BalanceColumn, Qt::DescendingOrder);
        QList<WorkItem> expected = openItems(Queue::Denial);
        std::stable_sort(expected.begin(), expected.end(), [](const WorkItem &a, const WorkItem &b) {
            if (a.balance != b.balance)
                return a.balance > b.balance;
            return a.dueDate < b.dueDate;
        });
        // Rows far apart come from different pages fetched separately.
        QCOMPARE(model.index(0, WorkQueueModel::BalanceColumn).data(WorkQueueModel::WorkItemIdRole).toString(),
                 expected.first().id);
        for (int row : {0, 199, 200, 1234, int(expected.size()) - 1}) {
            const QString id = model.index(row, 0).data(WorkQueueModel::WorkItemIdRole).toString();
            const auto found
                = std::find_if(m_items.begin(), m_items.end(), [&](const WorkItem &item) { return item.id == id; });
            QVERIFY(found != m_items.end());
            QCOMPARE(found->balance, expected.at(row).balance);
        }
        model.sort(WorkQueueModel::BalanceColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, 0).data(WorkQueueModel::WorkItemIdRole).isValid(), true);
        const QString last = idsOf(model, model.rowCount() - 1, 1).constFirst();
        QCOMPARE(std::find_if(m_items.begin(), m_items.end(), [&](const WorkItem &item) { return item.id == last; })
                     ->balance,
                 expected.first().balance);
    }

    void filtersReturnTheRightRows_data()
    {
        using itemmodels::AgeBucket;
        using itemmodels::QueueFilter;
        QTest::addColumn<QueueFilter>("filter");
        const WorkItem &sample = m_items.at(11);
        auto make = [](auto change) {
            QueueFilter filter;
            change(filter);
            return filter;
        };
        QTest::newRow("payer") << make([&](QueueFilter &f) { f.payerId = sample.payerId; });
        QTest::newRow("category") << make([](QueueFilter &f) { f.category = models::DenialCategory::Coding; });
        QTest::newRow("status") << make([](QueueFilter &f) { f.status = models::WorkItemStatus::OnHold; });
        QTest::newRow("owner") << make([&](QueueFilter &f) { f.ownerId = m_items.at(5).ownerId; });
        for (int bucket = int(AgeBucket::UpTo30); bucket <= int(AgeBucket::Over120); ++bucket)
            QTest::addRow("age %d", bucket) << make([&](QueueFilter &f) { f.age = AgeBucket(bucket); });
        QTest::newRow("balance range") << make([](QueueFilter &f) {
            f.minimumBalance = models::Money::fromCents(50000);
            f.maximumBalance = models::Money::fromCents(250000);
        });
        QTest::newRow("payer, category and minimum") << make([&](QueueFilter &f) {
            f.payerId = sample.payerId;
            f.category = sample.denialCategory;
            f.minimumBalance = models::Money::fromCents(10000);
        });
        QTest::newRow("facility") << make([&](QueueFilter &f) { f.facilityId = sample.facilityId; });
        using itemmodels::DeadlineWindow;
        for (int window = int(DeadlineWindow::DeadlinePassed); window <= int(DeadlineWindow::DueIn15To30); ++window)
            QTest::addRow("deadline %d", window) << make([&](QueueFilter &f) { f.deadline = DeadlineWindow(window); });
        QTest::newRow("facility, owner and deadline within 7 days") << make([&](QueueFilter &f) {
            f.facilityId = sample.facilityId;
            f.ownerId = m_items.at(5).ownerId;
            f.deadline = DeadlineWindow::DueWithin7;
        });
    }

    void filtersReturnTheRightRows()
    {
        QFETCH(itemmodels::QueueFilter, filter);
        const QDate today(2026, 11, 27);
        auto matches = [&](const WorkItem &item) {
            const auto [youngest, oldest] = itemmodels::ageRange(filter.age);
            const qint64 age = item.createdAt.date().daysTo(today);
            return item.isOpen() && (filter.payerId.isEmpty() || item.payerId == filter.payerId)
                && (!filter.category || item.denialCategory == *filter.category)
                && (!filter.status || item.status == *filter.status)
                && (filter.ownerId.isEmpty() || item.ownerId == filter.ownerId) && age >= youngest
                && (oldest < 0 || age <= oldest) && (!filter.minimumBalance || item.balance >= *filter.minimumBalance)
                && (!filter.maximumBalance || item.balance <= *filter.maximumBalance)
                && (filter.facilityId.isEmpty() || item.facilityId == filter.facilityId)
                && inDeadlineWindow(item, filter.deadline, today);
        };
        QStringList expected;
        for (const WorkItem &item : m_items) {
            if (matches(item))
                expected << item.id;
        }
        QVERIFY2(!expected.isEmpty(), "a filter that matches nothing proves little");
        WorkQueueModel model(m_database);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(today);
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), expected.size());
        QStringList shown = idsOf(model, 0, model.rowCount());
        shown.sort();
        expected.sort();
        QCOMPARE(shown, expected);
        if (filter.age != itemmodels::AgeBucket::Any) {
            const int age = model.index(0, WorkQueueModel::AgeColumn).data().toString().section(u' ', 0, 0).toInt();
            const auto [youngest, oldest] = itemmodels::ageRange(filter.age);
            QVERIFY(age >= youngest && (oldest < 0 || age <= oldest));
        }
    }

    void savedViewsAreKeptPerUser()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().remove(u"savedViews"_s);
        itemmodels::SavedView view;
        view.name = u"Big coding denials"_s;
        view.navigationKey = u"denial"_s;
        view.filter.category = models::DenialCategory::Coding;
        view.filter.minimumBalance = models::Money::fromCents(100000);
        view.filter.age = itemmodels::AgeBucket::Over120;
        view.filter.facilityId = u"RGH"_s;
        view.filter.deadline = itemmodels::DeadlineWindow::DueIn8To14;
        view.search = u"zzg"_s;
        view.sortColumn = WorkQueueModel::BalanceColumn;
        view.sortOrder = Qt::AscendingOrder;
        itemmodels::SavedViews(u"U001"_s).save(view);
        QCOMPARE(itemmodels::SavedViews(u"U001"_s).views(), QList<itemmodels::SavedView> {view});
        QVERIFY(itemmodels::SavedViews(u"U002"_s).views().isEmpty());
        view.search.clear();
        itemmodels::SavedViews(u"U001"_s).save(view); // same name: replaced
        QCOMPARE(itemmodels::SavedViews(u"U001"_s).views(), QList<itemmodels::SavedView> {view});
        itemmodels::SavedViews(u"U001"_s).remove(view.name);
        QVERIFY(itemmodels::SavedViews(u"U001"_s).views().isEmpty());
    }

    void aFilterRoundTripsThroughJson()
    {
        using itemmodels::QueueFilter;
        QueueFilter filter;
        QVERIFY(filter.isEmpty());
        QCOMPARE(filter.toJson(), QJsonObject());
        filter.payerId = u"MCR"_s;
        filter.facilityId = u"RGH"_s;
        QVERIFY(!filter.isEmpty());
        for (int window = 0; window <= int(itemmodels::DeadlineWindow::DueIn15To30); ++window) {
            filter.deadline = itemmodels::DeadlineWindow(window);
            QCOMPARE(QueueFilter::fromJson(filter.toJson()), filter);
        }
        QueueFilter onlyADeadline;
        onlyADeadline.deadline = itemmodels::DeadlineWindow::DeadlinePassed;
        QVERIFY(!onlyADeadline.isEmpty());
        QCOMPARE(onlyADeadline.toJson(), QJsonObject({{u"deadline"_s, u"passed"_s}}));
    }

    void aFilterSavedBeforeFacilitiesAndDeadlinesStillLoads()
    {
        // As an earlier version saved it: no facility, no deadline; and one from a later
        // version whose deadline window this one does not know.
        const QJsonObject older {{u"payer"_s, u"MCR"_s}, {u"age"_s, u"31-60"_s}, {u"minimumBalance"_s, u"100.00"_s}};
        const itemmodels::QueueFilter filter = itemmodels::QueueFilter::fromJson(older);
        QCOMPARE(filter.payerId, u"MCR"_s);
        QCOMPARE(filter.age, itemmodels::AgeBucket::From31To60);
        QCOMPARE(filter.minimumBalance, std::optional(models::Money::fromCents(10000)));
        QVERIFY(filter.facilityId.isEmpty());
        QCOMPARE(filter.deadline, itemmodels::DeadlineWindow::Any);
        QJsonObject newer = older;
        newer.insert(u"deadline"_s, u"within-90"_s);
        newer.insert(u"region"_s, u"north"_s);
        QCOMPARE(itemmodels::QueueFilter::fromJson(newer), filter);
    }

    void anotherDayMovesItemsBetweenDeadlineWindows()
    {
        const QDate today(2026, 11, 27);
        const QDate nextWeek = today.addDays(7);
        auto expected = [&](const QDate &day) {
            return std::count_if(m_items.begin(), m_items.end(), [&](const WorkItem &item) {
                return item.isOpen() && inDeadlineWindow(item, itemmodels::DeadlineWindow::DueWithin7, day);
            });
        };
        QVERIFY(expected(today) != expected(nextWeek));
        WorkQueueModel model(m_database);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setToday(today);
        itemmodels::QueueFilter filter;
        filter.deadline = itemmodels::DeadlineWindow::DueWithin7;
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), expected(today));
        model.setToday(nextWeek);
        QCOMPARE(model.rowCount(), expected(nextWeek));
    }

    void searchFindsByPatientWithinTheQueue()
    {
        const QList<WorkItem> denials = openItems(Queue::Denial);
        const WorkItem &target = denials.at(42);
        const QString surname = target.patientDisplayName.section(u',', 0, 0);
        WorkQueueModel model(m_database);
        model.setQueue(Queue::Denial);
        model.setSearchText(surname);
        const qsizetype expected = std::count_if(denials.begin(), denials.end(), [&](const WorkItem &item) {
            return item.patientDisplayName.startsWith(surname + u',');
        });
        QCOMPARE(model.rowCount(), expected);
        QVERIFY(idsOf(model, 0, model.rowCount()).contains(target.id));
        model.setSearchText(target.claimNumber);
        QCOMPARE(idsOf(model, 0, 10), QStringList {target.id});
        model.setSearchText(u"no-such-thing-anywhere"_s);
        QCOMPARE(model.rowCount(), 0);
    }

    void showsWhatABillerNeeds()
    {
        const WorkItem item = openItems(Queue::Denial).at(7);
        WorkQueueModel model(m_database);
        model.setToday(QDate(2026, 11, 27));
        model.setSearchText(item.claimNumber);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, WorkQueueModel::ClaimColumn).data().toString(), item.claimNumber);
        QCOMPARE(model.index(0, WorkQueueModel::PatientColumn).data().toString(), item.patientDisplayName);
        QVERIFY(model.index(0, WorkQueueModel::BalanceColumn).data().toString().contains(u"$"_s));
        if (item.timelyFilingDeadline.isValid()) {
            QCOMPARE(
                model.index(0, WorkQueueModel::FilingDeadlineColumn).data(WorkQueueModel::DaysToDeadlineRole).toInt(),
                int(QDate(2026, 11, 27).daysTo(item.timelyFilingDeadline)));
        }
        QCOMPARE(model.headerData(WorkQueueModel::PayerColumn, Qt::Horizontal).toString(), u"Payer"_s);
    }

    void exportsTheViewAsCsv()
    {
        WorkQueueModel model(m_database);
        model.setQueue(Queue::Remittance);
        model.sort(WorkQueueModel::BalanceColumn, Qt::DescendingOrder);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const qint64 rows = model.exportCsv(buffer);
        QCOMPARE(rows, qint64(model.rowCount()));
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), model.rowCount() + 2); // header, rows, and the empty rest after the last \r\n
        QVERIFY(lines.at(0).startsWith("Priority,Claim,Account,Patient,Payer"));
        // The rows in the view's order, amounts as plain decimals, names quoted (they hold commas).
        const QString firstId = model.index(0, 0).data(WorkQueueModel::WorkItemIdRole).toString();
        const auto first
            = std::find_if(m_items.begin(), m_items.end(), [&](const WorkItem &item) { return item.id == firstId; });
        QVERIFY(lines.at(1).contains(first->claimNumber.toUtf8()));
        QVERIFY(lines.at(1).contains(QString(u'"' + first->patientDisplayName + u'"').toUtf8()));
        QVERIFY(lines.at(1).contains(QByteArray("," + first->balance.toString().toUtf8() + ",")));
    }

    void takesTheCountAndFirstPageReadByAWorker()
    {
        WorkQueueModel model(m_database);
        model.setQueue(Queue::Denial);
        // What a worker reads for the model's view, on its own connection.
        store::WorkQueueSnapshot snapshot = model.view();
        store::WorkQueueQuery(m_database).read(snapshot, WorkQueueModel::pageSize);
        QCOMPARE(snapshot.count, qint64(openItems(Queue::Denial).size()));
        QCOMPARE(snapshot.firstRows.size(), qsizetype(WorkQueueModel::pageSize));

        // The model shows what was read, not what it would read itself: a marked first row
        // and a count one short prove it took them.
        snapshot.firstRows[0].claimNumber = u"READ-BY-THE-WORKER"_s;
        snapshot.count -= 1;
        model.refresh(snapshot);
        QCOMPARE(model.rowCount(), int(snapshot.count));
        QCOMPARE(model.index(0, WorkQueueModel::ClaimColumn).data().toString(), u"READ-BY-THE-WORKER"_s);

        // A view changed since (another queue, another order) reads afresh.
        store::WorkQueueSnapshot stale = snapshot;
        model.setQueue(Queue::Authorization);
        model.refresh(stale);
        QCOMPARE(model.rowCount(), int(openItems(Queue::Authorization).size()));
        QVERIFY(model.index(0, WorkQueueModel::ClaimColumn).data().toString() != u"READ-BY-THE-WORKER"_s);
        model.setQueue(Queue::Denial);
        model.sort(WorkQueueModel::BalanceColumn, Qt::AscendingOrder);
        model.refresh(stale);
        QCOMPARE(model.rowCount(), int(openItems(Queue::Denial).size()));

        // A snapshot whose read failed (count -1) is read again too.
        store::WorkQueueSnapshot failed = model.view();
        model.refresh(failed);
        QCOMPARE(model.rowCount(), int(openItems(Queue::Denial).size()));
        QVERIFY(model.lastError().isEmpty());
    }

    void aCellThatLooksLikeAFormulaIsDefused()
    {
        store::WorkItemStore store(m_database);
        WorkItem item = m_items.at(3);
        item.id = u"WI-FORMULA"_s;
        item.claimNumber = u"=HYPERLINK(\"http://x\")"_s;
        item.status = models::WorkItemStatus::New;
        QVERIFY(!store.upsertItems({&item, 1}));
        WorkQueueModel model(m_database);
        model.setQueue(item.queue);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(model.exportCsv(buffer) > 0);
        QVERIFY(buffer.data().contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
        QVERIFY(!buffer.data().contains(",=HYPERLINK"));
    }
};

QTEST_GUILESS_MAIN(TestWorkQueueModel)
#include "test_workqueuemodel.moc"
