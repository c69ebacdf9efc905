// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayschema.h"
#include "server/gatewaystore.h"
#include "services/store/database.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

/// A released migration must keep its effect: gateway databases already in use were made
/// by it. Each released step's SQL is pinned by its SHA-256 (statements joined by NUL); a
/// change of schema is a new migration instead.
class TestGatewaySchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releasedMigrationsAreUnchanged_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QByteArray>("sha256");
        QTest::newRow("1 users, work items, audit log")
            << 1 << "1319e124d55700f9d0168930d3043a61b61d4647bfcf3acfabf7b5dcd4abf330"_ba;
        QTest::newRow("2 claim register and remittances")
            << 2 << "a85e0006956738ff32d45d46dd5b2385ac9103c08d12e352cd62732af66ec1d6"_ba;
        QTest::newRow("3 export register")
            << 3 << "29e773f447ec01d8bf217098584948f237662899fb4b5faad431d7555b055667"_ba;
    }

    void releasedMigrationsAreUnchanged()
    {
        QFETCH(int, version);
        QFETCH(QByteArray, sha256);
        const QList<store::Migration> &migrations = server::gatewaySchema().migrations;
        const auto step = std::find_if(migrations.cbegin(), migrations.cend(),
                                       [version](const store::Migration &each) { return each.version == version; });
        QVERIFY(step != migrations.cend());
        const QByteArray sql = step->statements.join(QChar(0)).toUtf8();
        QCOMPARE(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex(), sha256);
    }

    void theDemoSignInsOfAnOlderDatabaseAreMarkedAsDemoAccounts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"gateway.db"_s);
        store::Schema before = server::gatewaySchema();
        before.migrations.removeIf([](const store::Migration &step) { return step.version > 4; });
        {
            store::Database old;
            QVERIFY(!old.open(path, before));
            QSqlQuery insert(old.connection());
            QVERIFY(insert.exec(u"INSERT INTO users (id, username, display_name, role, active, password_hash) VALUES "
                                "('DEMO-BILLER', 'biller', 'Demo Biller', 'biller', 1, x'00'), "
                                "('DEMO-SUPERVISOR', 'supervisor', 'Demo Supervisor', 'supervisor', 1, x'00'), "
                                "('USR-1', 'jnguyen', 'June Nguyen', 'biller', 1, x'00')"_s));
        }
        store::Database upgraded;
        QVERIFY(!upgraded.open(path, server::gatewaySchema()));
        QSqlQuery query(upgraded.connection());
        QVERIFY(query.exec(u"SELECT id, demo FROM users ORDER BY id"_s));
        QStringList rows;
        while (query.next())
            rows << query.value(0).toString() + u'=' + query.value(1).toString();
        QCOMPARE(rows, (QStringList {u"DEMO-BILLER=1"_s, u"DEMO-SUPERVISOR=1"_s, u"USR-1=0"_s}));
    }

    void aSessionFromBeforeVersion5OutlivesTheUpgrade()
    {
        // Sessions made before they noted their last use count as used at the upgrade:
        // nobody signed in is thrown out by it, and an idle session still ends later.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"gateway.db"_s);
        {
            store::Database old;
            QVERIFY(!old.open(path, server::gatewaySchema().upTo(4)));
            QVERIFY(!old.execute(u"INSERT INTO users (id, username, display_name, role, active) "
                                 "VALUES ('U1', 'biller', 'Biller', 'biller', 1)"_s));
            QVERIFY(!old.execute(u"INSERT INTO sessions (token_hash, user_id, expires_at) VALUES "
                                 "(X'%1', 'U1', '2999-01-01T00:00:00.000Z')"_s.arg(QString::fromLatin1(
                                     QCryptographicHash::hash("token", QCryptographicHash::Sha256).toHex()))));
            old.close();
        }
        store::Database upgraded;
        QVERIFY(!upgraded.open(path, server::gatewaySchema()));
        server::GatewayStore store(upgraded);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(store.userForSession(u"token"_s, now, std::chrono::minutes(30)));
        QVERIFY(!store.userForSession(u"token"_s, now.addSecs(31 * 60), std::chrono::minutes(30)));
    }
};

QTEST_GUILESS_MAIN(TestGatewaySchema)
#include "test_gatewayschema.moc"
