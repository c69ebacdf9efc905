// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/reportqueries.h"
#include "services/store/workitemstore.h"
#include "services/store/workqueuequery.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using store::WorkQueueCriteria;
using DeadlineRange = WorkQueueCriteria::DeadlineRange;

namespace {

enum class Window { None, Passed, Within7, Days8To14, Days15To30 };

DeadlineRange rangeOf(Window window, const QDate &asOf)
{
    switch (window) {
    case Window::None:
        break;
    case Window::Passed:
        return {asOf, 0, 0, true};
    case Window::Within7:
        return {asOf, 0, 7, false};
    case Window::Days8To14:
        return {asOf, 8, 14, false};
    case Window::Days15To30:
        return {asOf, 15, 30, false};
    }
    return {};
}

} // namespace

Q_DECLARE_METATYPE(Window)

/// The queue's facility and deadline-window criteria count what the deadlines report
/// counts: a supervisor who clicks a report's bar gets a queue of the bar's size.
class TestWorkQueueQuery final : public QObject
{
    Q_OBJECT

private:
    static constexpr int itemCount = 4000;
    const QDate m_asOf {2026, 11, 27};
    QTemporaryDir m_dir;
    store::Database m_cache;
    QString m_facility; ///< one facility of the generated items

    /// Open items of the window, counted here in SQL of its own: each item's deadlines
    /// as rows, the next one by min(), windows as calendar dates.
    qint64 independentCount(Window window, const QString &facility)
    {
        const QString deadlines = u"SELECT id, timely_filing_deadline AS day FROM work_items "
                                  "UNION ALL SELECT id, appeal_deadline FROM work_items"_s;
        const QString ahead = u"SELECT id, min(day) AS next FROM (%1) WHERE day >= :asOf GROUP BY id"_s.arg(deadlines);
        QString sql;
        if (window == Window::Passed) {
            sql = u"SELECT count(*) FROM work_items WHERE status <> 'resolved' AND (facility_id = :facility OR "
                  ":facility = '') AND id IN (SELECT id FROM (%1) WHERE day IS NOT NULL) "
                  "AND id NOT IN (SELECT id FROM (%2))"_s.arg(deadlines, ahead);
        } else {
            sql = u"SELECT count(*) FROM work_items JOIN (%1) AS ahead USING (id) WHERE status <> 'resolved' "
                  "AND (facility_id = :facility OR :facility = '') AND next BETWEEN :from AND :to"_s.arg(ahead);
        }
        QSqlQuery query(m_cache.connection());
        if (!query.prepare(sql))
            return -1;
        const DeadlineRange range = rangeOf(window, m_asOf);
        query.bindValue(u":asOf"_s, m_asOf.toString(Qt::ISODate));
        query.bindValue(u":facility"_s, facility.isEmpty() ? u""_s : facility);
        if (window != Window::Passed) {
            query.bindValue(u":from"_s, m_asOf.addDays(range.firstDay).toString(Qt::ISODate));
            query.bindValue(u":to"_s, m_asOf.addDays(range.lastDay).toString(Qt::ISODate));
        }
        return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!m_cache.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        const synthetic::SyntheticGenerator generator({31, m_asOf});
        const QList<models::WorkItem> items = generator.items(0, itemCount);
        store::WorkItemStore store(m_cache);
        QVERIFY(!store.upsertItems(items));
        QVERIFY(!store.upsertUsers(generator.users()));
        QVERIFY(!store.upsertFacilities(generator.facilities()));
        m_facility = items.at(7).facilityId;
    }

    void countsEachDeadlineWindowAsTheSqlOfItsDefinition_data()
    {
        QTest::addColumn<Window>("window");
        QTest::addColumn<bool>("oneFacility");
        const std::pair<Window, const char *> windows[] = {{Window::Passed, "passed"},
                                                           {Window::Within7, "within 7 days"},
                                                           {Window::Days8To14, "in 8-14 days"},
                                                           {Window::Days15To30, "in 15-30 days"}};
        for (const auto &[window, name] : windows) {
            QTest::addRow("%s", name) << window << false;
            QTest::addRow("%s, one facility", name) << window << true;
        }
    }

    void countsEachDeadlineWindowAsTheSqlOfItsDefinition()
    {
        QFETCH(Window, window);
        QFETCH(bool, oneFacility);
        const QString facility = oneFacility ? m_facility : QString();
        const qint64 expected = independentCount(window, facility);
        QVERIFY2(expected > 0, "a window with no items proves little");

        WorkQueueCriteria criteria;
        criteria.facilityId = facility;
        criteria.deadline = rangeOf(window, m_asOf);
        store::WorkQueueQuery query(m_cache);
        store::StoreError error;
        QCOMPARE(query.countOpen(criteria, &error), expected);
        QVERIFY2(!error, qPrintable(error.message()));
        // The rows a view pages through are the rows counted.
        qint64 rows = 0;
        QVERIFY(!query.forEachRow(criteria, store::WorkQueueOrder::FilingDeadline, Qt::AscendingOrder,
                                  [&](const store::WorkQueueRow &) { return ++rows > 0; }));
        QCOMPARE(rows, expected);
        QCOMPARE(query.rows(criteria, store::WorkQueueOrder::Priority, Qt::DescendingOrder, 0, 50).size(),
                 std::min<qsizetype>(50, expected));
    }

    void countsOneFacilitysOpenItems()
    {
        QSqlQuery sql(m_cache.connection());
        QVERIFY(sql.prepare(u"SELECT count(*) FROM work_items WHERE facility_id = ? AND status <> 'resolved'"_s));
        sql.addBindValue(m_facility);
        QVERIFY(sql.exec() && sql.next());
        const qint64 expected = sql.value(0).toLongLong();
        QVERIFY(expected > 0 && expected < itemCount / 2);
        WorkQueueCriteria criteria;
        criteria.facilityId = m_facility;
        store::WorkQueueQuery query(m_cache);
        QCOMPARE(query.countOpen(criteria), expected);
        criteria.facilityId = u"NO-SUCH-FACILITY"_s;
        QCOMPARE(query.countOpen(criteria), qint64(0));
    }

    void theDueWindowsAddUpToTheDeadlinesReport_data()
    {
        QTest::addColumn<bool>("oneFacility");
        QTest::newRow("every facility") << false;
        QTest::newRow("one facility") << true;
    }

    void theDueWindowsAddUpToTheDeadlinesReport()
    {
        QFETCH(bool, oneFacility);
        store::ReportScope scope;
        scope.asOf = m_asOf;
        scope.facilityId = oneFacility ? m_facility : QString();
        store::StoreError error;
        const QList<store::DeadlinesByOwner> report = store::ReportQueries(m_cache).deadlinesByOwner(scope, &error);
        QVERIFY2(!error, qPrintable(error.message()));
        QVERIFY(report.size() > 3);

        store::WorkQueueQuery query(m_cache);
        auto count = [&](Window window, const std::optional<QString> &owner) {
            WorkQueueCriteria criteria;
            criteria.facilityId = scope.facilityId;
            criteria.deadline = rangeOf(window, m_asOf);
            if (owner) { // a bar per owner: that owner's items, or the unassigned
                criteria.ownerScope
                    = owner->isEmpty() ? WorkQueueCriteria::OwnerScope::Nobody : WorkQueueCriteria::OwnerScope::Owner;
                criteria.ownerId = *owner;
            }
            return query.countOpen(criteria);
        };
        // The report's windows are cumulative (within 7, 14, 30 days); the queue's are not.
        std::array<qint64, 3> total {};
        for (const store::DeadlinesByOwner &owner : report) {
            QCOMPARE(count(Window::Within7, owner.ownerId), owner.items.at(0));
            QCOMPARE(count(Window::Days8To14, owner.ownerId), owner.items.at(1) - owner.items.at(0));
            QCOMPARE(count(Window::Days15To30, owner.ownerId), owner.items.at(2) - owner.items.at(1));
            for (std::size_t window = 0; window < total.size(); ++window)
                total.at(window) += owner.items.at(window);
        }
        QVERIFY(total.at(0) > 0 && total.at(1) > total.at(0) && total.at(2) > total.at(1));
        QCOMPARE(count(Window::Within7, std::nullopt), total.at(0));
        QCOMPARE(count(Window::Days8To14, std::nullopt), total.at(1) - total.at(0));
        QCOMPARE(count(Window::Days15To30, std::nullopt), total.at(2) - total.at(1));
    }

    void aDeadlineFallsInTheWindowOfItsWholeDaysFromTheAsOfDay_data()
    {
        // Days from the as-of day to the filing and appeal deadlines (none: no such deadline),
        // and the one window the item belongs in.
        QTest::addColumn<QVariant>("filing");
        QTest::addColumn<QVariant>("appeal");
        QTest::addColumn<Window>("expected");
        const QVariant none;
        QTest::newRow("due today") << QVariant(0) << none << Window::Within7;
        QTest::newRow("due in 7 days") << QVariant(7) << none << Window::Within7;
        QTest::newRow("due in 8 days") << QVariant(8) << none << Window::Days8To14;
        QTest::newRow("appeal due in 14 days") << none << QVariant(14) << Window::Days8To14;
        QTest::newRow("appeal due in 15 days") << none << QVariant(15) << Window::Days15To30;
        QTest::newRow("due in 30 days") << QVariant(30) << none << Window::Days15To30;
        QTest::newRow("due in 31 days") << QVariant(31) << none << Window::None;
        QTest::newRow("filing passed yesterday") << QVariant(-1) << none << Window::Passed;
        QTest::newRow("both passed") << QVariant(-40) << QVariant(-3) << Window::Passed;
        QTest::newRow("filing passed, appeal ahead") << QVariant(-10) << QVariant(12) << Window::Days8To14;
        QTest::newRow("filing passed, appeal in 31 days") << QVariant(-10) << QVariant(31) << Window::None;
        QTest::newRow("the earlier of two ahead: appeal") << QVariant(20) << QVariant(5) << Window::Within7;
        QTest::newRow("the earlier of two ahead: filing") << QVariant(9) << QVariant(25) << Window::Days8To14;
        QTest::newRow("both on one day") << QVariant(16) << QVariant(16) << Window::Days15To30;
        QTest::newRow("no deadline at all") << none << none << Window::None;
    }

    void aDeadlineFallsInTheWindowOfItsWholeDaysFromTheAsOfDay()
    {
        QFETCH(QVariant, filing);
        QFETCH(QVariant, appeal);
        QFETCH(Window, expected);
        QTemporaryDir dir;
        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"one.db"_s), store::workbenchCacheSchema()));
        models::WorkItem item = synthetic::SyntheticGenerator({5, m_asOf}).item(0);
        item.status = models::WorkItemStatus::New;
        item.timelyFilingDeadline = filing.isValid() ? m_asOf.addDays(filing.toInt()) : QDate();
        item.appealDeadline = appeal.isValid() ? m_asOf.addDays(appeal.toInt()) : QDate();
        QVERIFY(!store::WorkItemStore(cache).upsertItems({&item, 1}));

        store::WorkQueueQuery query(cache);
        for (Window window : {Window::Passed, Window::Within7, Window::Days8To14, Window::Days15To30}) {
            WorkQueueCriteria criteria;
            criteria.deadline = rangeOf(window, m_asOf);
            QCOMPARE(query.countOpen(criteria), qint64(expected == window ? 1 : 0));
        }
        // Resolved, it is in no window: the queue shows open work.
        item.status = models::WorkItemStatus::Resolved;
        QVERIFY(!store::WorkItemStore(cache).upsertItems({&item, 1}));
        if (expected != Window::None) {
            WorkQueueCriteria criteria;
            criteria.deadline = rangeOf(expected, m_asOf);
            QCOMPARE(query.countOpen(criteria), qint64(0));
        }
    }

    void facilitiesInUseAreTheItemsFacilitiesWithTheirNames()
    {
        store::WorkItemStore store(m_cache);
        store::StoreError error;
        const QList<models::Facility> facilities = store.facilitiesInUse(&error);
        QVERIFY2(!error, qPrintable(error.message()));
        QSqlQuery sql(m_cache.connection());
        QVERIFY(sql.exec(u"SELECT count(DISTINCT facility_id) FROM work_items"_s) && sql.next());
        QCOMPARE(facilities.size(), sql.value(0).toLongLong());
        const auto found = std::find_if(facilities.begin(), facilities.end(),
                                        [&](const models::Facility &facility) { return facility.id == m_facility; });
        QVERIFY(found != facilities.end());
        QVERIFY(!found->name.isEmpty());
        for (qsizetype index = 1; index < facilities.size(); ++index)
            QVERIFY(facilities.at(index - 1).name <= facilities.at(index).name);

        // A synced cache knows a facility only by its items' id: no name, still offered.
        QTemporaryDir dir;
        store::Database synced;
        QVERIFY(!synced.open(dir.filePath(u"synced.db"_s), store::workbenchCacheSchema()));
        models::WorkItem item = synthetic::SyntheticGenerator({5, m_asOf}).item(0);
        item.facilityId = u"NEWCLINIC"_s;
        QVERIFY(!store::WorkItemStore(synced).upsertItems({&item, 1}));
        const QList<models::Facility> known = {{u"NEWCLINIC"_s, QString(), false}};
        QCOMPARE(store::WorkItemStore(synced).facilitiesInUse(), known);
    }
};

QTEST_GUILESS_MAIN(TestWorkQueueQuery)
#include "test_workqueuequery.moc"
