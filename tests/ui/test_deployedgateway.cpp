// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "tests/installer/gatewayunit.h"
#include "tests/server/testcertificate.h"
#include "tests/ui/windowsignin.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

/// The gateway as a hospital deploys it: started with the systemd unit's own command line
/// (HTTPS, no --demo), its first user made with `rcm-gateway users add`, and the workbench
/// signing in over TLS with the CA file beside the server address.
class TestDeployedGateway final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void aUserAddedOnTheCommandLineSignsInFromTheWorkbenchOverTls()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::optional<testing::TestCertificate> certificate = testing::TestCertificate::make(dir.path());
        QVERIFY2(certificate, "openssl is needed to make a test certificate");
        const QString state = dir.filePath(u"state"_s);
        QVERIFY(QDir().mkpath(state));

        // The first user, as docs/deployment.md says, before the service starts.
        const testing::GatewayRun added
            = testing::runGateway({u"users"_s, u"add"_s, u"pat.clerk"_s, u"--role"_s, u"biller"_s, u"--data"_s, state,
                                   u"--display-name"_s, u"Pat Clerk"_s},
                                  "correct horse battery staple\n");
        QVERIFY2(added.exitCode == 0, added.err.constData());

        const QStringList arguments = testing::gatewayUnitArguments(state, dir.path(), u"0"_s);
        QVERIFY2(!arguments.isEmpty(), "the unit's ExecStart has no --port 8443 to replace");
        QVERIFY(!arguments.contains(u"--demo"_s));
        QProcess gateway;
        const auto stop = qScopeGuard([&gateway] {
            if (gateway.state() != QProcess::NotRunning) {
                gateway.kill();
                gateway.waitForFinished(10000);
            }
        });
        QByteArray failure;
        QString server = testing::startGateway(gateway, arguments, &failure);
        QVERIFY2(server.startsWith(u"https://"_s), failure.constData());
        // The unit listens on every address; the workbench reaches it as the certificate names it.
        server.replace(u"0.0.0.0"_s, u"127.0.0.1"_s);

        store::Database cache;
        QVERIFY(!cache.open(dir.filePath(u"cache.db"_s), store::workbenchCacheSchema()));
        api::Session session {QUrl()};
        ui::MainWindow window(cache, session);
        QSettings().setValue(u"caFile"_s, certificate->certificatePath);
        const auto forgetCaFile = qScopeGuard([] { QSettings().remove(u"caFile"_s); });

        // No demo account exists there: the demo logins are refused like any unknown name.
        for (const QString &demo : {u"supervisor"_s, u"biller"_s, u"finance"_s}) {
            const QString refused = testing::signInAndWait(window, server, demo, u"demo"_s);
            QVERIFY2(!refused.isEmpty(), qPrintable(demo));
            QVERIFY(!session.isSignedIn());
        }
        const testing::GatewayRun list = testing::runGateway({u"users"_s, u"list"_s, u"--data"_s, state});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        // A header and the one account: no demo account, and the one there is no demo.
        const QList<QByteArray> rows = list.out.trimmed().split('\n');
        QCOMPARE(rows.size(), 2);
        QVERIFY2(rows.at(0).contains("DEMO") && rows.at(1).startsWith("pat.clerk "), list.out.constData());
        QVERIFY2(rows.at(1).simplified().endsWith("biller yes no -"), list.out.constData()); // active, not demo

        QCOMPARE(testing::signInAndWait(window, server, u"pat.clerk"_s, u"correct horse battery staple"_s), QString());
        QVERIFY(session.isSignedIn());

        // systemctl stop (SIGTERM) ends the gateway as it would end on its own: the audit
        // chain, which now holds the sign-ins, gets its last checkpoint.
        gateway.terminate();
        QVERIFY(gateway.waitForFinished(10000));
        QCOMPARE(gateway.exitStatus(), QProcess::NormalExit);
        QCOMPARE(gateway.exitCode(), 0);
        QFile checkpoints(QDir(state).filePath(u"audit.checkpoints"_s));
        QVERIFY2(checkpoints.open(QIODevice::ReadOnly), "no checkpoint written at the stop");
        QCOMPARE(checkpoints.readAll().count('\n'), 1);
    }
};

QTEST_MAIN(TestDeployedGateway)
#include "test_deployedgateway.moc"
