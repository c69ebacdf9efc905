// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The change feed writes GET /v1/work-items pages straight from the rows: each page must
// be byte for byte what reading the same rows into WorkItems and writing them gives, for
// every role, full and delta pages, and rows whose text needs escaping or whose stored
// dates, times and names are not in the form the stores write.
#include "server/changefeed.h"
#include "server/demodata.h"
#include "server/gatewayschema.h"
#include "server/gatewaystore.h"
#include "services/api/workitemjson.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr int testIterations = 1000; // the tests sign in; the cost is the product's, not theirs

struct Expected
{
    QByteArray items;
    qint64 lastSequence = 0;
    qsizetype count = 0;
    bool hasMore = false;
    QStringList queues;
};

/// The page as the gateway wrote it before the feed: WorkItems, then api::appendJson.
Expected throughWorkItems(server::GatewayStore &store, const models::User &viewer, qint64 after, int limit)
{
    const auto page = store.changes(viewer, after, limit);
    Expected expected;
    if (!page)
        return expected;
    expected.lastSequence = page->lastSequence;
    expected.count = page->changes.size();
    expected.hasMore = page->hasMore;
    for (qsizetype index = 0; index < page->changes.size(); ++index) {
        const auto &change = page->changes.at(index);
        if (index > 0)
            expected.items += ',';
        if (change.deleted) {
            expected.items += "{\"deleted\":true,\"id\":\"" + change.item.id.toUtf8() + "\"}";
            continue;
        }
        api::appendJson(expected.items, change.item);
        const QString queue = QString(models::wireName(change.item.queue));
        if (!expected.queues.contains(queue))
            expected.queues.append(queue);
    }
    std::sort(expected.queues.begin(), expected.queues.end());
    return expected;
}

} // namespace

class TestChangeFeed final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    store::Database m_database;
    std::unique_ptr<server::GatewayStore> m_store;

    void execute(const QString &sql)
    {
        QSqlQuery query(m_database.connection());
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
    }

    void comparePages(const models::User &viewer, qint64 after, int limit)
    {
        server::ChangeFeed feed(m_database);
        for (bool more = true; more;) {
            const Expected expected = throughWorkItems(*m_store, viewer, after, limit);
            store::StoreError error;
            const auto page = feed.page(viewer, after, limit, &error);
            QVERIFY2(page, qPrintable(error.message()));
            QCOMPARE(page->items, expected.items);
            QCOMPARE(page->lastSequence, expected.lastSequence);
            QCOMPARE(page->count, expected.count);
            QCOMPARE(page->hasMore, expected.hasMore);
            QCOMPARE(page->queues, expected.queues);
            more = page->hasMore;
            after = page->lastSequence;
        }
    }

    models::User user(const QString &name)
    {
        const auto found = m_store->authenticate(name, u"demo"_s);
        return found ? *found : models::User();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(u"gateway.db"_s);
        QVERIFY(!server::createDemoDatabase(path, 400, testIterations));
        QVERIFY(!m_database.open(path, server::gatewaySchema()));
        m_store = std::make_unique<server::GatewayStore>(m_database);
        m_store->setAuditKey(server::AuditKey::generate());
        m_store->setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed);
        // Text that needs escaping, and stored values in forms no store writes.
        execute(u"UPDATE work_items SET patient_display_name = 'Quote \" back \\ tab' || char(9) || 'nl' || "
                "char(10) || 'bell' || char(7) || ' \u00e9 \u2713', rarcs = ' N130  MA01 ', owner_id = NULL "
                "WHERE row_id = 3"_s);
        execute(u"UPDATE work_items SET due_date = '2026-2-3', service_from = '2026-02-30', service_to = NULL, "
                "created_at = '2026-11-27T09:30:00Z', updated_at = '2026-11-27T10:30:00.250+01:00' WHERE row_id = 5"_s);
        execute(u"UPDATE work_items SET status = 'not-a-status', denial_category = 'nor-this', priority = 9, "
                "balance_cents = -1205, at_risk_cents = 7, billed_cents = 0, carc = '', group_code = NULL "
                "WHERE row_id = 7"_s);
        // Bytes that are not UTF-8 (a byte no UTF-8 has, an encoded lone surrogate).
        execute(u"UPDATE work_items SET payer_name = CAST(X'4142FF43' AS TEXT), "
                "account_number = CAST(X'41EDA08042' AS TEXT), rarcs = CAST(X'4E3133FE204D41' AS TEXT) "
                "WHERE row_id = 9"_s);
        execute(u"UPDATE work_items SET deleted = 1 WHERE row_id IN (11, 12)"_s);
    }

    void cleanupTestCase()
    {
        m_store.reset();
        m_database.close();
    }

    void everyPageIsWhatTheWorkItemsWouldWrite_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<int>("limit");
        for (const QString &name : {u"supervisor"_s, u"biller"_s, u"coder"_s, u"authspec"_s, u"finance"_s}) {
            QTest::addRow("%s, pages of 1", qPrintable(name)) << name << 1;
            QTest::addRow("%s, pages of 97", qPrintable(name)) << name << 97;
            QTest::addRow("%s, one page", qPrintable(name)) << name << 5000;
        }
    }

    void everyPageIsWhatTheWorkItemsWouldWrite()
    {
        QFETCH(QString, username);
        QFETCH(int, limit);
        const models::User viewer = user(username);
        QVERIFY(!viewer.id.isEmpty());
        comparePages(viewer, 0, limit); // a full sync: no tombstones
        comparePages(viewer, 6, limit); // a delta: tombstones too
    }

    void anEmptyDeltaKeepsItsCursor()
    {
        const models::User supervisor = user(u"supervisor"_s);
        const auto latest = m_store->latestSequence();
        QVERIFY(latest);
        server::ChangeFeed feed(m_database);
        const auto page = feed.page(supervisor, *latest, 100, nullptr);
        QVERIFY(page);
        QCOMPARE(page->count, 0);
        QCOMPARE(page->lastSequence, *latest);
        QVERIFY(page->items.isEmpty());
        QVERIFY(!page->hasMore);
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "test_changefeed.moc"
