// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/server/gatewayfixture.h"

#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using testing::GatewayFixture;
using testing::HttpClient;

class TestAuditLog final : public QObject
{
    Q_OBJECT

private:
    /// Takes a few actions so that the log has entries.
    static void work(GatewayFixture &gateway)
    {
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"supervisor"_s));
        for (int index = 1; index <= 5; ++index) {
            const auto item = gateway.store().item(u"WI-%1"_s.arg(index, 8, 10, QChar(u'0')));
            QVERIFY(item);
            QCOMPARE(client
                         .act(item->id, {{u"type"_s, u"note"_s}, {u"text"_s, u"note %1"_s.arg(index)}}, item->version,
                              u"audit-note-%1"_s.arg(index))
                         .status,
                     200);
        }
    }

private Q_SLOTS:
    void anUntouchedChainVerifies()
    {
        GatewayFixture gateway(20);
        work(gateway);
        const auto result = gateway.store().verifyAudit();
        QVERIFY2(result.intact, qPrintable(result.detail));
        QCOMPARE(result.entries, qint64(6)); // the supervisor's sign-in and five notes
    }

    void theLogRefusesEditsThroughSql()
    {
        GatewayFixture gateway(20);
        work(gateway);
        QVERIFY(gateway.database().execute(u"UPDATE audit_log SET actor_id = 'U001' WHERE sequence = 2"_s).isError());
        QVERIFY(gateway.database().execute(u"DELETE FROM audit_log WHERE sequence = 2"_s).isError());
        QVERIFY(gateway.store().verifyAudit().intact);
    }

    void anEditMadeAroundTheTriggersIsDetected_data()
    {
        QTest::addColumn<QString>("tampering");
        QTest::addColumn<qint64>("brokenAt");
        QTest::newRow("changed actor") << u"UPDATE audit_log SET actor_id = 'U001' WHERE sequence = 3"_s << qint64(3);
        QTest::newRow("changed details") << u"UPDATE audit_log SET details_json = '{}' WHERE sequence = 2"_s
                                         << qint64(2);
        QTest::newRow("removed entry") << u"DELETE FROM audit_log WHERE sequence = 4"_s << qint64(4);
        QTest::newRow("rehashed entry") << u"UPDATE audit_log SET resulting_version = 99, hash = "
                                           "'0000000000000000000000000000000000000000000000000000000000000000' "
                                           "WHERE sequence = 1"_s
                                        << qint64(1);
    }

    void anEditMadeAroundTheTriggersIsDetected()
    {
        QFETCH(QString, tampering);
        QFETCH(qint64, brokenAt);
        GatewayFixture gateway(20);
        work(gateway);
        QVERIFY(!gateway.database().execute(u"DROP TRIGGER audit_log_no_update"_s));
        QVERIFY(!gateway.database().execute(u"DROP TRIGGER audit_log_no_delete"_s));
        QVERIFY(!gateway.database().execute(tampering));
        const auto result = gateway.store().verifyAudit();
        QVERIFY(!result.intact);
        QCOMPARE(result.firstBrokenSequence, brokenAt);
        QVERIFY(!result.detail.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "test_auditlog.moc"
