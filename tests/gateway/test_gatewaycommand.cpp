// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// rcm-gateway as the person who runs it uses it: `rcm-gateway users ...` on the gateway
// database, and the refusals of its command line. The users it adds sign in over real
// HTTP to a gateway this test serves from the same database file.

#include "server/auditkey.h"
#include "server/demodata.h"
#include "server/gatewayschema.h"
#include "server/gatewayserver.h"
#include "server/gatewaystore.h"
#include "tests/installer/gatewayunit.h"
#include "tests/server/gatewayfixture.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

constexpr auto goodPassword = "amber-kestrel-lighthouse-42";

} // namespace

class TestGatewayCommand final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Database> m_database;
    std::unique_ptr<server::GatewayStore> m_store;
    std::unique_ptr<server::GatewayServer> m_server;
    quint16 m_port = 0;
    QDateTime m_now;

    Run gateway(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_dir->path());
        environment.insert(u"XDG_DATA_HOME"_s, m_dir->filePath(u"data"_s));
        environment.insert(u"USER"_s, u"itadmin"_s);
        const testing::GatewayRun run = testing::runGateway(arguments, input, environment);
        return {run.exitCode, QString::fromUtf8(run.out), QString::fromUtf8(run.err)};
    }

    Run users(QStringList arguments, const QByteArray &input = {})
    {
        arguments.prepend(u"users"_s);
        arguments << u"--data"_s << m_dir->path();
        return gateway(arguments, input);
    }

    testing::HttpClient http() const { return testing::HttpClient(QUrl(u"http://127.0.0.1:%1/v1"_s.arg(m_port))); }

    int signInStatus(const QString &username, const QString &password) const
    {
        return http().postJson(u"/session"_s, {{u"username"_s, username}, {u"password"_s, password}}).status;
    }

    QStringList auditTypes(const QString &subject)
    {
        QStringList types;
        QSqlQuery query(m_database->connection());
        query.prepare(u"SELECT action_type, actor_id FROM audit_log WHERE work_item_id LIKE ? ORDER BY sequence"_s);
        query.addBindValue(subject);
        if (query.exec()) {
            while (query.next())
                types << query.value(0).toString() + u" by "_s + query.value(1).toString();
        }
        return types;
    }

    QString idOf(const QString &username)
    {
        QSqlQuery query(m_database->connection());
        query.prepare(u"SELECT id FROM users WHERE username = ?"_s);
        query.addBindValue(username);
        return query.exec() && query.next() ? query.value(0).toString() : QString();
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_database = std::make_unique<store::Database>();
        QVERIFY(!m_database->open(m_dir->filePath(u"gateway.db"_s), server::gatewaySchema()));
        m_store = std::make_unique<server::GatewayStore>(*m_database);
        // The key rcm-gateway users finds beside the database, as the gateway would.
        m_store->setAuditKey(server::AuditKey::load(server::AuditKey::defaultPath(m_dir->filePath(u"gateway.db"_s)),
                                                    server::AuditKey::Creation::CreateIfMissing, nullptr));
        m_now = QDateTime::currentDateTimeUtc();
        m_store->setClock([this]() { return m_now; });
        server::GatewayServer::Options options;
        options.api.clock = [this]() {
            return m_now;
        };
        m_server = std::make_unique<server::GatewayServer>(*m_store, options);
        m_port = m_server->listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

    void cleanup()
    {
        m_server.reset();
        m_store.reset();
        m_database.reset();
        m_dir.reset();
    }

    void aWeakPasswordIsRefused_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QString>("reason");
        QTest::newRow("short") << QByteArray("Xk9#mq2") << u"too short"_s;
        QTest::newRow("eleven characters") << QByteArray("Xk9#mq2vLp4") << u"too short"_s;
        QTest::newRow("common") << QByteArray("password1234") << u"commonly used"_s;
        QTest::newRow("common, other case") << QByteArray("QwertyUiop123") << u"commonly used"_s;
        QTest::newRow("common with digits added") << QByteArray("Sunshine20262026") << u"commonly used"_s;
        QTest::newRow("keyboard walk") << QByteArray("1qaz2wsx3edc") << u"commonly used"_s;
        QTest::newRow("one character repeated") << QByteArray("zzzzzzzzzzzzzzzz") << u"repeated"_s;
        QTest::newRow("the user name") << QByteArray("Awalker-Springs-2026") << u"user name"_s;
        QTest::newRow("nothing") << QByteArray("") << u"standard input"_s;
    }

    void aWeakPasswordIsRefused()
    {
        QFETCH(QByteArray, password);
        QFETCH(QString, reason);
        const Run run = users({u"add"_s, u"awalker"_s, u"--role"_s, u"biller"_s}, password + '\n');
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(reason), qPrintable(run.err));
        QVERIFY(idOf(u"awalker"_s).isEmpty());
        QCOMPARE(signInStatus(u"awalker"_s, QString::fromLatin1(password)), password.isEmpty() ? 422 : 401);
    }

    void aLostAuditKeyIsNotSilentlyReplaced()
    {
        QCOMPARE(users({u"add"_s, u"ktan"_s, u"--role"_s, u"biller"_s}, QByteArray(goodPassword) + '\n').exitCode, 0);
        const QString keyPath = m_dir->filePath(u"audit.key"_s);
        QVERIFY(QFile::exists(keyPath)); // the key the change was signed with
        QVERIFY(QFile::rename(keyPath, keyPath + u".backup"_s));
        // The log holds signed entries: a new key would break the chain, so it is refused.
        const Run refused = users({u"deactivate"_s, u"ktan"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(u"restore that key file"_s), qPrintable(refused.err));
        QVERIFY(!QFile::exists(keyPath));
        const Run server = gateway({u"--data"_s, m_dir->path(), u"--port"_s, u"0"_s});
        QCOMPARE(server.exitCode, 1);
        QVERIFY2(server.err.contains(u"restore that key file"_s), qPrintable(server.err));
        // The key restored from its backup, all is well again.
        QVERIFY(QFile::rename(keyPath + u".backup"_s, keyPath));
        QCOMPARE(users({u"deactivate"_s, u"ktan"_s}).exitCode, 0);
    }

    void anAddedUserSignsInOverHttp()
    {
        const Run added
            = users({u"add"_s, u"jnguyen"_s, u"--role"_s, u"cash_poster"_s, u"--display-name"_s, u"June Nguyen"_s},
                    QByteArray(goodPassword) + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(!added.out.contains(QLatin1StringView(goodPassword)));

        testing::HttpClient client = http();
        QVERIFY(client.signIn(u"jnguyen"_s, QString::fromLatin1(goodPassword)));
        const QJsonObject me
            = client
                  .postJson(u"/session"_s,
                            {{u"username"_s, u"jnguyen"_s}, {u"password"_s, QString::fromLatin1(goodPassword)}})
                  .json()
                  .value(u"user"_s)
                  .toObject();
        QCOMPARE(me.value(u"role"_s).toString(), u"cash_poster"_s);
        QCOMPARE(me.value(u"displayName"_s).toString(), u"June Nguyen"_s);
        QCOMPARE(client.get(u"/work-items"_s).status, 200);
        QCOMPARE(signInStatus(u"jnguyen"_s, u"wrong-password-entirely"_s), 401);
        QCOMPARE(auditTypes(u"user:"_s + idOf(u"jnguyen"_s)), QStringList {u"user_added by rcm-gateway-cli"_s});
    }

    void anExistingNameIsRefused()
    {
        QCOMPARE(users({u"add"_s, u"jnguyen"_s, u"--role"_s, u"biller"_s}, QByteArray(goodPassword) + '\n').exitCode,
                 0);
        const Run again = users({u"add"_s, u"jnguyen"_s, u"--role"_s, u"supervisor"_s}, "another-fine-passphrase-77\n");
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(u"exists already"_s), qPrintable(again.err));
        QVERIFY(signInStatus(u"jnguyen"_s, u"another-fine-passphrase-77"_s) == 401);
        testing::HttpClient client = http();
        QVERIFY(client.signIn(u"jnguyen"_s, QString::fromLatin1(goodPassword)));
        QCOMPARE(client
                     .postJson(u"/session"_s,
                               {{u"username"_s, u"jnguyen"_s}, {u"password"_s, QString::fromLatin1(goodPassword)}})
                     .json()
                     .value(u"user"_s)
                     .toObject()
                     .value(u"role"_s)
                     .toString(),
                 u"biller"_s);
    }

    void aNewPasswordEndsTheSessions()
    {
        QCOMPARE(users({u"add"_s, u"jnguyen"_s, u"--role"_s, u"biller"_s}, QByteArray(goodPassword) + '\n').exitCode,
                 0);
        testing::HttpClient client = http();
        QVERIFY(client.signIn(u"jnguyen"_s, QString::fromLatin1(goodPassword)));
        QCOMPARE(client.get(u"/users"_s).status, 200);

        const Run weak = users({u"passwd"_s, u"jnguyen"_s}, "letmein\n");
        QCOMPARE(weak.exitCode, 1);
        QCOMPARE(client.get(u"/users"_s).status, 200); // a refused change ends nothing

        const Run changed = users({u"passwd"_s, u"jnguyen"_s}, "copper-willow-harbour-913\n");
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        QCOMPARE(client.get(u"/users"_s).status, 401);
        QCOMPARE(signInStatus(u"jnguyen"_s, QString::fromLatin1(goodPassword)), 401);
        QCOMPARE(signInStatus(u"jnguyen"_s, u"copper-willow-harbour-913"_s), 200);
        QCOMPARE(auditTypes(u"user:"_s + idOf(u"jnguyen"_s)),
                 (QStringList {u"user_added by rcm-gateway-cli"_s, u"password_changed by rcm-gateway-cli"_s}));
        QCOMPARE(users({u"passwd"_s, u"nobody"_s}, "copper-willow-harbour-913\n").exitCode, 1);
    }

    void aDeactivatedUserCannotSignIn()
    {
        QCOMPARE(users({u"add"_s, u"jnguyen"_s, u"--role"_s, u"biller"_s}, QByteArray(goodPassword) + '\n').exitCode,
                 0);
        const QString id = idOf(u"jnguyen"_s);
        testing::HttpClient client = http();
        QVERIFY(client.signIn(u"jnguyen"_s, QString::fromLatin1(goodPassword)));

        const Run run = users({u"deactivate"_s, u"jnguyen"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(client.get(u"/users"_s).status, 401);
        QCOMPARE(signInStatus(u"jnguyen"_s, QString::fromLatin1(goodPassword)), 401);
        QCOMPARE(auditTypes(u"user:"_s + id).last(), u"user_deactivated by rcm-gateway-cli"_s);
        QVERIFY(users({u"list"_s}).out.contains(QRegularExpression(u"jnguyen\\s+jnguyen\\s+biller\\s+no"_s)));
        QCOMPARE(users({u"deactivate"_s, u"jnguyen"_s}).exitCode, 1);
    }

    void theListShowsAccountsAndNoSecret()
    {
        QCOMPARE(users({u"add"_s, u"jnguyen"_s, u"--role"_s, u"finance"_s, u"--display-name"_s, u"June Nguyen"_s},
                       QByteArray(goodPassword) + '\n')
                     .exitCode,
                 0);
        const Run run = users({u"list"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QRegularExpression(u"jnguyen\\s+June Nguyen\\s+finance\\s+yes\\s+no\\s+-"_s)),
                 qPrintable(run.out));
        QVERIFY(!run.out.contains(QLatin1StringView(goodPassword)));
        QSqlQuery secrets(m_database->connection());
        QVERIFY(secrets.exec(u"SELECT hex(password_hash), hex(password_salt) FROM users WHERE username = 'jnguyen'"_s));
        QVERIFY(secrets.next());
        QVERIFY(!run.out.contains(secrets.value(0).toString(), Qt::CaseInsensitive));
        QVERIFY(!run.out.contains(secrets.value(1).toString(), Qt::CaseInsensitive));
    }

    void theRolesAreExplained()
    {
        const Run run = users({u"roles"_s});
        QCOMPARE(run.exitCode, 0);
        for (const QString &role : {u"biller"_s, u"supervisor"_s, u"finance"_s, u"integration"_s})
            QVERIFY2(
                run.out.contains(QRegularExpression(u"^%1\\s+\\S"_s.arg(role), QRegularExpression::MultilineOption)),
                qPrintable(run.out));
    }

    void aWrongCommandLineIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList {};
        QTest::newRow("unknown command") << QStringList {u"promote"_s, u"jnguyen"_s};
        QTest::newRow("add without a role") << QStringList {u"add"_s, u"jnguyen"_s};
        QTest::newRow("add with an unknown role") << QStringList {u"add"_s, u"jnguyen"_s, u"--role"_s, u"admin"_s};
        QTest::newRow("add without a name") << QStringList {u"add"_s, u"--role"_s, u"biller"_s};
        QTest::newRow("break-glass without minutes") << QStringList {u"break-glass"_s, u"enable"_s};
        QTest::newRow("unknown option") << QStringList {u"list"_s, u"--everything"_s};
    }

    void aWrongCommandLineIsAUsageError()
    {
        QFETCH(QStringList, arguments);
        const Run run = users(arguments, QByteArray(goodPassword) + '\n');
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(u"Usage: rcm-gateway users"_s));
        QVERIFY(idOf(u"jnguyen"_s).isEmpty());
    }

    void theBreakGlassAccountWorksUntilItExpires()
    {
        const Run enabled = users(
            {u"break-glass"_s, u"enable"_s, u"--minutes"_s, u"30"_s, u"--reason"_s, u"Directory server down"_s});
        QVERIFY2(enabled.exitCode == 0, qPrintable(enabled.err));
        const QString password = enabled.out.trimmed();
        QVERIFY2(password.size() >= 20 && !password.contains(u'\n'), qPrintable(enabled.out));

        testing::HttpClient client = http();
        QVERIFY(client.signIn(u"break-glass"_s, password));
        QCOMPARE(client.postJson(u"/session"_s, {{u"username"_s, u"break-glass"_s}, {u"password"_s, password}})
                     .json()
                     .value(u"user"_s)
                     .toObject()
                     .value(u"role"_s)
                     .toString(),
                 u"supervisor"_s);
        QCOMPARE(client.get(u"/users"_s).status, 200);

        m_now = m_now.addSecs(31 * 60); // it ends by itself
        QCOMPARE(client.get(u"/users"_s).status, 401);
        QCOMPARE(signInStatus(u"break-glass"_s, password), 401);
        QVERIFY(users({u"list"_s}).out.contains(u"account expire"_s));

        // Enabled again: a new password; the old one is worthless.
        m_now = QDateTime::currentDateTimeUtc();
        const Run again = users({u"break-glass"_s, u"enable"_s, u"--minutes"_s, u"10"_s});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.trimmed() != password);
        QCOMPARE(signInStatus(u"break-glass"_s, password), 401);
        QCOMPARE(signInStatus(u"break-glass"_s, again.out.trimmed()), 200);

        QCOMPARE(users({u"break-glass"_s, u"disable"_s}).exitCode, 0);
        QCOMPARE(signInStatus(u"break-glass"_s, again.out.trimmed()), 401);
        QCOMPARE(auditTypes(u"user:BREAK-GLASS"_s),
                 (QStringList {u"break_glass_enabled by rcm-gateway-cli"_s, u"break_glass_enabled by rcm-gateway-cli"_s,
                               u"break_glass_disabled by rcm-gateway-cli"_s}));
        QSqlQuery details(m_database->connection());
        QVERIFY(details.exec(u"SELECT details_json FROM audit_log WHERE work_item_id = 'user:BREAK-GLASS' "
                             "ORDER BY sequence LIMIT 1"_s));
        QVERIFY(details.next());
        const QString first = details.value(0).toString();
        QVERIFY2(first.contains(u"Directory server down"_s) && first.contains(u"\"osUser\":\"itadmin\""_s)
                     && first.contains(u"\"until\""_s),
                 qPrintable(first));
        QVERIFY(!first.contains(password));
        QVERIFY(m_store->verifyAudit().intact);
    }

    void demoRefusesAnAddressOtherMachinesReach()
    {
        const QString data = m_dir->filePath(u"demo"_s);
        const Run run = gateway(
            {u"--demo"_s, u"--listen"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--data"_s, data, u"--items"_s, u"10"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"loopback"_s), qPrintable(run.err));
        QVERIFY(!QFile::exists(data + u"/gateway.db"_s));
    }

    void aGatewayWithoutDemoSaysItsDemoAccountsAreDisabled()
    {
        const QString data = m_dir->filePath(u"seeded"_s);
        QVERIFY(QDir().mkpath(data));
        QVERIFY(!server::createDemoDatabase(data + u"/gateway.db"_s, 20, 1000));
        QProcess process;
        process.start(QStringLiteral(RCM_GATEWAY), {u"--port"_s, u"0"_s, u"--data"_s, data});
        QString out;
        QVERIFY(QTest::qWaitFor(
            [&]() {
                out += QString::fromUtf8(process.readAllStandardOutput());
                return out.contains(u"serving"_s) || process.state() == QProcess::NotRunning;
            },
            60000));
        process.kill(); // the process this test started
        process.waitForFinished();
        QVERIFY2(out.contains(u"6 demo accounts exist and are disabled (start with --demo to use them)"_s),
                 qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestGatewayCommand)
#include "test_gatewaycommand.moc"
