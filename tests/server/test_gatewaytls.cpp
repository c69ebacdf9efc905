// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/transportsecurity.h"
#include "services/api/session.h"
#include "services/api/transportpolicy.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testcertificate.h"

#include <QFile>
#include <QSslSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using namespace std::chrono_literals;

namespace {

/// Signs in through the workbench's and rcmctl's own client, waiting for the answer.
api::ApiError signIn(api::Session &session, const QString &user)
{
    api::ApiError result;
    bool done = false;
    QObject context;
    session.signIn(user, u"demo"_s, &context, [&](const api::ApiError &error) {
        result = error;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        result.kind = api::ApiError::Kind::Timeout;
    return result;
}

} // namespace

/// rcm-gateway over HTTPS on loopback, with a certificate made for the run: a client that
/// trusts its CA file signs in, one that does not gets a certificate error and no answer,
/// and the request guard still sees every (decrypted) byte.
class TestGatewayTls final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::optional<testing::TestCertificate> certificate = testing::TestCertificate::make(m_dir.path());
        QVERIFY2(certificate, "openssl is needed to make a test certificate");
        m_certificate = *certificate;
        QString error;
        std::optional<QSslConfiguration> tls
            = server::loadTlsConfiguration(m_certificate.certificatePath, m_certificate.keyPath, &error);
        QVERIFY2(tls, qPrintable(error));
        server::GatewayServer::Options options;
        options.tls = *tls;
        options.connections.handshakeTimeout = 300ms;
        m_gateway = std::make_unique<testing::GatewayFixture>(20, options);
        QVERIFY(m_gateway->isReady());
        QCOMPARE(m_gateway->url(QString()).scheme(), u"https"_s);
    }

    void cleanupTestCase() { m_gateway.reset(); }

    void aClientTrustingTheCaFileSignsInOverHttps()
    {
        QString error;
        const auto authorities = api::readCaFile(m_certificate.certificatePath, &error);
        QVERIFY2(authorities, qPrintable(error));
        api::Session session(m_gateway->url(QString()));
        session.client().setCaCertificates(*authorities);
        const api::ApiError result = signIn(session, u"biller"_s);
        QVERIFY2(!result, qPrintable(result.message()));
        QVERIFY(session.isSignedIn());
    }

    void aClientWithoutTheCaGetsACertificateErrorAndNoAnswer()
    {
        api::Session session(m_gateway->url(QString()));
        const api::ApiError result = signIn(session, u"biller"_s);
        QCOMPARE(result.kind, api::ApiError::Kind::Insecure);
        QCOMPARE(result.httpStatus, 0); // nothing was answered
        QVERIFY2(result.message().contains(u"certificate"_s), qPrintable(result.message()));
        QVERIFY(!session.isSignedIn());
    }

    void theGuardReadsTheDecryptedBytes()
    {
        // A bare line feed, sent inside TLS: dropped just as in plain HTTP.
        QSslSocket socket;
        QSslConfiguration tls = socket.sslConfiguration();
        QVERIFY(tls.addCaCertificates(m_certificate.certificatePath));
        socket.setSslConfiguration(tls);
        socket.connectToHostEncrypted(u"127.0.0.1"_s, quint16(m_gateway->url(QString()).port()));
        // Not waitForEncrypted: the gateway answers from this thread's event loop.
        QVERIFY2(QTest::qWaitFor([&] { return socket.isEncrypted(); }, 10000), qPrintable(socket.errorString()));
        QVERIFY(socket.sessionProtocol() == QSsl::TlsV1_2 || socket.sessionProtocol() == QSsl::TlsV1_3);
        socket.write("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                received += socket.readAll();
                return received.contains("\r\n\r\n");
            },
            10000));
        QVERIFY(received.startsWith("HTTP/1.1 200"));
        socket.write("GET /v1/health HTTP/1.1\nHost: 127.0.0.1\r\n\r\n");
        received.clear();
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        received += socket.readAll();
        QCOMPARE(received, QByteArray());
    }

    void aHandshakeThatNeverCompletesIsDropped()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_gateway->url(QString()).port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(QByteArray::fromHex("160301")); // the start of a ClientHello, and then nothing
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void plainHttpToTheHttpsPortGetsNoAnswer()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_gateway->url(QString()).port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(!socket.readAll().startsWith("HTTP/1.1 200"));
    }

    void aMissingOrWrongCertificateOrKeyIsSaidClearly_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("no certificate file")
            << u"missing.pem"_s << u"key.pem"_s << u"cannot read the TLS certificate"_s;
        QTest::newRow("no key file") << u"cert.pem"_s << u"missing.pem"_s << u"cannot read the TLS key"_s;
        QTest::newRow("the key given as the certificate")
            << u"key.pem"_s << u"key.pem"_s << u"holds no PEM certificate"_s;
        QTest::newRow("the certificate given as the key")
            << u"cert.pem"_s << u"cert.pem"_s << u"holds no unencrypted PEM private key"_s;
    }

    void aMissingOrWrongCertificateOrKeyIsSaidClearly()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!server::loadTlsConfiguration(m_dir.filePath(certificate), m_dir.filePath(key), &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

private:
    QTemporaryDir m_dir;
    testing::TestCertificate m_certificate;
    std::unique_ptr<testing::GatewayFixture> m_gateway;
};

QTEST_GUILESS_MAIN(TestGatewayTls)
#include "test_gatewaytls.moc"
