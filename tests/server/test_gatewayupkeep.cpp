// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/demodata.h"
#include "server/gatewayschema.h"
#include "server/gatewaystore.h"
#include "server/gatewayupkeep.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

// Few PBKDF2 iterations: the tests sign in; the cost is the product's, not theirs.
constexpr int testIterations = 1000;

} // namespace

class TestGatewayUpkeep final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    store::Database m_database;
    std::unique_ptr<server::GatewayStore> m_store;
    models::User m_supervisor;

    /// The first visible items, as the supervisor sees them.
    QList<models::WorkItem> someItems(int count)
    {
        QList<models::WorkItem> items;
        const auto page = m_store->changes(m_supervisor, 0, count);
        if (page) {
            for (const auto &change : page->changes)
                items.append(change.item);
        }
        return items;
    }

    server::GatewayStore::ActionOutcome note(const models::WorkItem &item, const QString &key, const QDateTime &at)
    {
        server::ActionRequest request;
        request.type = models::ActionType::Note;
        request.text = u"Called the payer"_s;
        return m_store->applyAction(m_supervisor, item.id, key, key.toLatin1(), item.version, request, at);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        const QString path = m_dir.filePath(u"gateway-%1.db"_s.arg(QString::fromLatin1(QTest::currentTestFunction())));
        QVERIFY(!server::createDemoDatabase(path, 100, testIterations));
        QVERIFY(!m_database.open(path, server::gatewaySchema()));
        m_store = std::make_unique<server::GatewayStore>(m_database);
        m_store->setAuditKey(server::AuditKey::generate());
        m_store->setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // as rcm-gateway --demo
        const auto supervisor = m_store->authenticate(u"supervisor"_s, u"demo"_s);
        QVERIFY(supervisor);
        m_supervisor = *supervisor;
    }

    void cleanup()
    {
        m_store.reset();
        m_database.close();
    }

    void aDemoDatabaseIsCreatedWholeWithEveryDemoSignIn()
    {
        const QString path = m_dir.filePath(u"whole.db"_s);
        QVERIFY(!server::createDemoDatabase(path, 250, testIterations));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(path + u".seeding"_s));

        store::Database database;
        QVERIFY(!database.open(path, server::gatewaySchema()));
        server::GatewayStore store(database);
        // Demo accounts sign in only in demo mode (rcm-gateway --demo).
        QVERIFY(!store.authenticate(u"supervisor"_s, u"demo"_s));
        store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed);
        for (const server::DemoLogin &login : server::demoLogins())
            QVERIFY2(store.authenticate(login.username, u"demo"_s), qPrintable(login.username));
        const auto page = store.changes(*store.authenticate(u"supervisor"_s, u"demo"_s), 0, 1000);
        QVERIFY(page);
        // The 250 items, and the claim rejections the payers' 277CA raised: the demo's claims
        // came in through the 837 intake and were answered through the acknowledgment intake.
        QSqlQuery intake(database.connection());
        QVERIFY(intake.exec(u"SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM claim_submissions), "
                            "(SELECT count(*) FROM work_items WHERE queue = 'claim_rejection'), "
                            "(SELECT group_concat(kind) FROM x12_files)"_s));
        QVERIFY(intake.next());
        QCOMPARE(intake.value(0).toLongLong(), 250);
        QCOMPARE(intake.value(1).toLongLong(), 250);
        const qint64 rejections = intake.value(2).toLongLong();
        QVERIFY(rejections > 0 && rejections < 10);
        QCOMPARE(intake.value(3).toString(), u"837,acknowledgment"_s);
        QCOMPARE(page->changes.size(), 250 + rejections);
    }

    void aKeyIsForgottenAfterADayAndRememberedWithinIt()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<models::WorkItem> items = someItems(2);
        QCOMPARE(items.size(), 2);
        QCOMPARE(note(items.at(0), u"key-25h"_s, now.addSecs(-25 * 3600)).status, 200);
        QCOMPARE(note(items.at(1), u"key-23h"_s, now.addSecs(-23 * 3600)).status, 200);

        QVERIFY(!server::GatewayUpkeep(*m_store).purgeExpired(now));

        // Within the day a retry is answered from the key; after it, the key is unknown and
        // the stale retry is judged afresh (412: the item moved on since).
        QVERIFY(note(items.at(1), u"key-23h"_s, now).replayed);
        const auto afterADay = note(items.at(0), u"key-25h"_s, now);
        QVERIFY(!afterADay.replayed);
        QCOMPARE(afterADay.status, 412);
    }

    void aTombstoneIsPurgedAfterThirtyDaysAndKeptWithinThem()
    {
        const QString removed = someItems(1).value(0).id;
        QVERIFY(!m_store->removeItem(removed));
        QCOMPARE(m_store->purgedThrough(), qint64(0));
        server::GatewayUpkeep upkeep(*m_store);

        QVERIFY(!upkeep.purgeExpired(QDateTime::currentDateTimeUtc().addDays(29)));
        QCOMPARE(m_store->purgedThrough(), qint64(0));

        QVERIFY(!upkeep.purgeExpired(QDateTime::currentDateTimeUtc().addDays(31)));
        QVERIFY(m_store->purgedThrough() > 0);
    }
};

QTEST_GUILESS_MAIN(TestGatewayUpkeep)
#include "test_gatewayupkeep.moc"
