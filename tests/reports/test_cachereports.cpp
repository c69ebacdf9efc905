// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/cachereports.h"
#include "services/reports/reportcatalogue.h"
#include "services/store/cacheschema.h"
#include "services/store/workitemstore.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::WorkItem;
using reports::ReportResult;

/// The cache's reports against figures computed here, item by item, from the generated
/// items themselves: no SQL shared with the code under test.
class TestCacheReports final : public QObject
{
    Q_OBJECT

private:
    static constexpr int itemCount = 4000;
    const QDate m_asOf {2026, 11, 27};
    QTemporaryDir m_dir;
    store::Database m_cache;
    QList<WorkItem> m_items;

    static qint64 cell(const ReportResult &result, int row, const QString &key)
    {
        return result.rows.at(row).at(result.columnIndex(key)).toLongLong();
    }
    static int rowOf(const ReportResult &result, const QString &first)
    {
        for (qsizetype row = 0; row < result.rows.size(); ++row) {
            if (result.rows.at(row).value(0).toString() == first)
                return int(row);
        }
        return -1;
    }

    std::optional<ReportResult> run(const QString &name, const reports::ReportParameters &parameters,
                                    const reports::ReportViewer &viewer = {u"supervisor"_s, u"Sue"_s, true})
    {
        QString error;
        auto result
            = reports::computeCacheReport(name, m_cache, parameters, viewer, QDateTime::currentDateTimeUtc(), &error);
        if (!result)
            qWarning("%s", qPrintable(error));
        return result;
    }

    /// Days from the as-of day to the item's next deadline still ahead, if any.
    std::optional<qint64> daysToNextDeadline(const WorkItem &item) const
    {
        std::optional<qint64> days;
        for (const QDate &deadline : {item.timelyFilingDeadline, item.appealDeadline}) {
            if (deadline.isValid() && deadline >= m_asOf)
                days = std::min(days.value_or(LLONG_MAX), m_asOf.daysTo(deadline));
        }
        return days;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!m_cache.open(m_dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        const synthetic::SyntheticGenerator generator({31, m_asOf});
        m_items = generator.items(0, itemCount);
        store::WorkItemStore store(m_cache);
        QVERIFY(!store.upsertItems(m_items));
        QVERIFY(!store.upsertUsers(generator.users()));
    }

    void everyReportIsCatalogued()
    {
        QVERIFY(reports::findReport(u"open-work"_s));
        QVERIFY(reports::findReport(u"deadlines"_s));
        QVERIFY(!reports::findReport(u"no-such-report"_s));
        QString error;
        QVERIFY(!reports::computeCacheReport(u"denials"_s, m_cache, {}, {}, {}, &error)); // a gateway report
        QVERIFY(error.contains(u"denials"_s));
    }

    void openWorkMatchesTheItems()
    {
        reports::ReportParameters parameters;
        parameters.to = m_asOf;
        const auto result = run(u"open-work"_s, parameters);
        QVERIFY(result);
        QCOMPARE(result->name, u"open-work"_s);
        QVERIFY(!result->definitions.isEmpty());

        // Independent figures: per queue, items and balances per age bucket.
        std::map<models::Queue, std::array<std::pair<qint64, qint64>, 5>> expected;
        for (const WorkItem &item : m_items) {
            if (!item.isOpen())
                continue;
            const qint64 age = item.createdAt.toUTC().date().daysTo(m_asOf);
            const int bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : age <= 120 ? 3 : 4;
            auto &slot = expected[item.queue].at(std::size_t(bucket));
            slot.first += 1;
            slot.second += item.balance.cents();
        }
        QCOMPARE(result->rows.size(), qsizetype(expected.size()));
        qint64 allDollars = 0;
        qint64 allOver90 = 0;
        int row = 0;
        for (const auto &[queue, buckets] : expected) {
            qint64 items = 0;
            qint64 dollars = 0;
            for (int bucket = 0; bucket < 5; ++bucket) {
                QCOMPARE(cell(*result, row, u"items_%1"_s.arg(bucket)), buckets.at(std::size_t(bucket)).first);
                QCOMPARE(cell(*result, row, u"dollars_%1"_s.arg(bucket)), buckets.at(std::size_t(bucket)).second);
                items += buckets.at(std::size_t(bucket)).first;
                dollars += buckets.at(std::size_t(bucket)).second;
            }
            QCOMPARE(cell(*result, row, u"items"_s), items);
            QCOMPARE(cell(*result, row, u"open_dollars"_s), dollars);
            const qint64 over90 = buckets.at(3).second + buckets.at(4).second;
            QCOMPARE(result->rows.at(row).at(result->columnIndex(u"share_over_90"_s)).toDouble(),
                     double(over90) / double(dollars));
            allDollars += dollars;
            allOver90 += over90;
            ++row;
        }
        QCOMPARE(result->totals.at(result->columnIndex(u"open_dollars"_s)).toLongLong(), allDollars);
        QCOMPARE(result->totals.at(result->columnIndex(u"share_over_90"_s)).toDouble(),
                 double(allOver90) / double(allDollars));
    }

    void openWorkNarrowsToAPayerAndAFacility()
    {
        const WorkItem &sample = m_items.at(7);
        reports::ReportParameters parameters;
        parameters.to = m_asOf;
        parameters.payerId = sample.payerId;
        parameters.facility = sample.facilityId;
        const auto result = run(u"open-work"_s, parameters);
        QVERIFY(result);
        qint64 expected = 0;
        for (const WorkItem &item : m_items)
            expected += item.isOpen() && item.payerId == sample.payerId && item.facilityId == sample.facilityId;
        QVERIFY(expected > 0);
        QCOMPARE(result->totals.at(result->columnIndex(u"items"_s)).toLongLong(), expected);
    }

    void deadlinesMatchTheItems()
    {
        reports::ReportParameters parameters;
        parameters.to = m_asOf;
        const auto result = run(u"deadlines"_s, parameters);
        QVERIFY(result);
        std::map<QString, std::array<std::pair<qint64, qint64>, 3>> expected; // by owner id
        for (const WorkItem &item : m_items) {
            const auto days = daysToNextDeadline(item);
            if (!item.isOpen() || !days)
                continue;
            const std::array<int, 3> windows = {7, 14, 30};
            for (std::size_t window = 0; window < windows.size(); ++window) {
                if (*days <= windows.at(window)) {
                    expected[item.ownerId].at(window).first += 1;
                    expected[item.ownerId].at(window).second += item.atRisk.cents();
                }
            }
        }
        QVERIFY(expected.size() > 3);
        QCOMPARE(result->rows.size(), qsizetype(expected.size()));
        qint64 total30 = 0;
        for (const auto &[owner, windows] : expected) {
            total30 += windows.at(2).second;
            if (owner.isEmpty()) {
                const int row = rowOf(*result, u"Unassigned"_s);
                QVERIFY(row >= 0);
                QCOMPARE(cell(*result, row, u"items_7"_s), windows.at(0).first);
                QCOMPARE(cell(*result, row, u"at_risk_14"_s), windows.at(1).second);
                QCOMPARE(cell(*result, row, u"items_30"_s), windows.at(2).first);
            }
        }
        QCOMPARE(result->totals.at(result->columnIndex(u"at_risk_30"_s)).toLongLong(), total30);
    }

    void aBillerSeesOnlyTheirOwnWork()
    {
        QString owner;
        for (const WorkItem &item : m_items) {
            if (item.isOpen() && !item.ownerId.isEmpty()) {
                owner = item.ownerId;
                break;
            }
        }
        reports::ReportParameters parameters;
        parameters.to = m_asOf;
        const auto result = run(u"open-work"_s, parameters, {owner, u"A Biller"_s, false});
        QVERIFY(result);
        qint64 expected = 0;
        for (const WorkItem &item : m_items)
            expected += item.isOpen() && item.ownerId == owner;
        QCOMPARE(result->totals.at(result->columnIndex(u"items"_s)).toLongLong(), expected);
        QVERIFY(result->definitions.front().definition.contains(u"A Biller"_s));
    }
};

QTEST_GUILESS_MAIN(TestCacheReports)
#include "test_cachereports.moc"
