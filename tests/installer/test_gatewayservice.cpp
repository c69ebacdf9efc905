// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/installer/gatewayunit.h"
#include "tests/server/testcertificate.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

/// rcm-gateway's systemd unit as the Debian package ships it, and the gateway's refusal to
/// start insecurely.
class TestGatewayService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theUnitPassesSystemdAnalyzeVerify()
    {
        // verify wants the executable to exist: the built one stands in for /usr/bin's.
        QTemporaryDir dir;
        QString text = testing::gatewayUnitText();
        QVERIFY(text.contains(u"ExecStart=/usr/bin/rcm-gateway "_s));
        text.replace(u"ExecStart=/usr/bin/rcm-gateway "_s, u"ExecStart=%1 "_s.arg(QStringLiteral(RCM_GATEWAY)));
        QFile unit(dir.filePath(u"rcm-gateway.service"_s));
        QVERIFY(unit.open(QIODevice::WriteOnly));
        unit.write(text.toUtf8());
        unit.close();
        QProcess verify;
        verify.start(u"systemd-analyze"_s, {u"verify"_s, u"--man=no"_s, unit.fileName()});
        QVERIFY2(verify.waitForFinished(60000), "systemd-analyze is needed (Debian package systemd)");
        const QByteArray complaints = verify.readAllStandardError() + verify.readAllStandardOutput();
        QVERIFY2(verify.exitCode() == 0 && complaints.isEmpty(), complaints.constData());
    }

    void theUnitRunsItsOwnUserHardenedWithStateInVarLib()
    {
        const QString text = testing::gatewayUnitText();
        for (const QString &setting : {u"DynamicUser=yes"_s, u"StateDirectory=rcm-gateway"_s, u"NoNewPrivileges=yes"_s,
                                       u"ProtectSystem=strict"_s, u"PrivateTmp=yes"_s, u"CapabilityBoundingSet=\n"_s})
            QVERIFY2(text.contains(setting), qPrintable(setting));
        const QStringList arguments = testing::gatewayUnitExecStart();
        QCOMPARE(arguments.value(arguments.indexOf(u"--data"_s) + 1), u"/var/lib/rcm-gateway"_s);
        QVERIFY(arguments.contains(u"--tls-cert"_s) && arguments.contains(u"--tls-key"_s));
    }

    void theUnitsCommandLineServesHttps()
    {
        // Exactly the unit's options, with its paths pointed at temporary ones: the state
        // folder, the credentials folder (%d) holding a certificate made for the run, and
        // a free port instead of 8443.
        QTemporaryDir dir;
        const std::optional<testing::TestCertificate> certificate = testing::TestCertificate::make(dir.path());
        QVERIFY2(certificate, "openssl is needed to make a test certificate");
        QVERIFY(QDir(dir.path()).mkdir(u"state"_s));
        QCOMPARE(testing::gatewayUnitExecStart().value(0), u"/usr/bin/rcm-gateway"_s);
        const QStringList arguments = testing::gatewayUnitArguments(dir.filePath(u"state"_s), dir.path(), u"0"_s);
        QVERIFY2(!arguments.isEmpty(), "the unit's ExecStart has no --port 8443 to replace");

        QProcess gateway;
        QByteArray failure;
        const QUrl served(testing::startGateway(gateway, arguments, &failure));
        QVERIFY2(served.scheme() == u"https"_s, failure.constData());

        QSslSocket socket;
        QSslConfiguration tls = socket.sslConfiguration();
        QVERIFY(tls.addCaCertificates(certificate->certificatePath));
        socket.setSslConfiguration(tls);
        socket.connectToHostEncrypted(u"127.0.0.1"_s, quint16(served.port()));
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        socket.write("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        QVERIFY(QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains("\r\n\r\n");
            },
            10000));
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        QVERIFY(QFile::exists(dir.filePath(u"state/gateway.db"_s)));
        gateway.terminate();
        QVERIFY(gateway.waitForFinished(10000));
    }

    void plainHttpOffLoopbackIsRefusedAtStartup_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("all addresses, no TLS") << QStringList {u"--listen"_s, u"0.0.0.0"_s} << "--tls-cert"_ba;
        QTest::newRow("a LAN address, no TLS") << QStringList {u"--listen"_s, u"192.0.2.10"_s} << "--tls-cert"_ba;
        QTest::newRow("behind a proxy, none trusted")
            << QStringList {u"--listen"_s, u"0.0.0.0"_s, u"--behind-tls-proxy"_s} << "--trusted-proxy"_ba;
        QTest::newRow("a trusted proxy that is not an address")
            << QStringList {u"--listen"_s, u"0.0.0.0"_s, u"--behind-tls-proxy"_s, u"--trusted-proxy"_s, u"nginx"_s}
            << "not an IP address"_ba;
        QTest::newRow("a certificate without its key")
            << QStringList {u"--tls-cert"_s, u"/nonexistent/cert.pem"_s} << "go together"_ba;
    }

    void plainHttpOffLoopbackIsRefusedAtStartup()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, message);
        QTemporaryDir dir;
        const testing::GatewayRun run
            = testing::runGateway(QStringList {u"--data"_s, dir.path(), u"--port"_s, u"0"_s} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), run.err.constData());
        QVERIFY(!QFile::exists(dir.filePath(u"gateway.db"_s))); // refused before anything was created
    }

    void aCertificateThatCannotBeReadStopsTheGateway()
    {
        QTemporaryDir dir;
        const testing::GatewayRun run = testing::runGateway(
            {u"--data"_s, dir.path(), u"--port"_s, u"0"_s, u"--listen"_s, u"0.0.0.0"_s, u"--tls-cert"_s,
             dir.filePath(u"missing.pem"_s), u"--tls-key"_s, dir.filePath(u"missing-key.pem"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("cannot read the TLS certificate"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestGatewayService)
#include "test_gatewayservice.moc"
