// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/server/gatewayfixture.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using namespace std::chrono_literals;
using testing::GatewayFixture;

namespace {

/// One raw HTTP/1.1 connection to the gateway, for what a well-behaved client never sends.
/// Waits spin the event loop, which the gateway shares.
class RawConnection
{
public:
    explicit RawConnection(const GatewayFixture &gateway, const QHostAddress &from = QHostAddress::LocalHost)
    {
        m_socket.bind(from);
        m_socket.connectToHost(QHostAddress::LocalHost, quint16(gateway.url(QString()).port()));
    }
    bool isConnected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    /// Whether the gateway closed the connection within timeout.
    bool closedWithin(std::chrono::milliseconds timeout)
    {
        const bool closed = QTest::qWaitFor(
            [this] {
                m_received += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            int(timeout.count()));
        m_received += m_socket.readAll();
        return closed;
    }
    /// Everything received once it holds text, or after 10 s.
    QByteArray waitFor(const QByteArray &text)
    {
        const bool arrived = QTest::qWaitFor(
            [&] {
                m_received += m_socket.readAll();
                return m_received.contains(text) || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            10000);
        Q_UNUSED(arrived) // the caller looks at what came
        m_received += m_socket.readAll();
        return m_received;
    }
    /// Sends bytes one at a time, pause apart, until sent or the gateway closes; returns
    /// how many went.
    qsizetype trickle(const QByteArray &bytes, std::chrono::milliseconds pause)
    {
        qsizetype sent = 0;
        while (sent < bytes.size() && m_socket.state() == QAbstractSocket::ConnectedState) {
            send(bytes.mid(sent, 1));
            ++sent;
            QTest::qWait(int(pause.count()));
        }
        return sent;
    }
    QByteArray received() const { return m_received; }
    void close() { m_socket.disconnectFromHost(); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray healthRequest()
{
    return "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
}

/// A gateway whose deadlines are short enough to wait for in a test.
server::GatewayServer::Options quickDeadlines()
{
    server::GatewayServer::Options options;
    options.connections.idleTimeout = 20s; // far beyond the deadlines: only they can end a connection
    options.connections.pace.headerDeadline = 300ms;
    options.connections.pace.bodyGrace = 300ms;
    options.connections.pace.minimumBodyBytesPerSecond = 1024;
    return options;
}

server::GatewayServer::Options capped(int total, int perAddress)
{
    server::GatewayServer::Options options;
    options.connections.maximumConnections = total;
    options.connections.maximumPerAddress = perAddress;
    return options;
}

/// Collects the gateway's request log lines while it lives.
class RequestLog
{
public:
    RequestLog() { s_previous = qInstallMessageHandler(&RequestLog::handle); }
    ~RequestLog() { qInstallMessageHandler(s_previous); }
    Q_DISABLE_COPY_MOVE(RequestLog)
    static QStringList lines() { return s_lines; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (QByteArrayView(context.category) == "rcm.gateway")
            s_lines.append(message);
        s_previous(type, context, message);
    }
    static inline QtMessageHandler s_previous = nullptr;
    static inline QStringList s_lines;
};

} // namespace

class TestRequestGuard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_gateway = std::make_unique<GatewayFixture>(20); }
    void cleanupTestCase() { m_gateway.reset(); }

    void aWellFormedRequestStillGetsItsAnswer()
    {
        // The baseline the refusals below are measured against: same socket, same gateway.
        RawConnection connection(*m_gateway);
        QVERIFY(connection.isConnected());
        connection.send(healthRequest());
        QVERIFY(connection.waitFor("\r\n\r\n").startsWith("HTTP/1.1 200"));
    }

    void aBareLineFeedInTheHeadersEndsTheConnection()
    {
        RawConnection connection(*m_gateway);
        QVERIFY(connection.isConnected());
        connection.send("GET /v1/health HTTP/1.1\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(connection.closedWithin(5s));
        QCOMPARE(connection.received(), QByteArray()); // not a word: it is not HTTP we speak
    }

    void aRequestLineOrHeaderValueQtWouldRefuseEndsTheConnection_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("unknown method") << "FOO /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"_ba;
        QTest::newRow("lower-case method") << "get /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"_ba;
        QTest::newRow("unknown version") << "GET /v1/health HTTP/1.x\r\nHost: 127.0.0.1\r\n\r\n"_ba;
        QTest::newRow("HTTP/2 in text") << "GET /v1/health HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n"_ba;
        QTest::newRow("control byte in the target") << "GET /v1/he\x01lth HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"_ba;
        QTest::newRow("target without a slash") << "GET v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"_ba;
        static constexpr char withNul[] = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: a\0b\r\n\r\n";
        QTest::newRow("NUL in a header value") << QByteArray(withNul, sizeof withNul - 1);
    }

    void aRequestLineOrHeaderValueQtWouldRefuseEndsTheConnection()
    {
        // Qt's parser refuses these by unhooking every handler from the connection and
        // leaving it open, counted against the caps, until the idle time: the guard ends it.
        QFETCH(QByteArray, request);
        RawConnection connection(*m_gateway);
        QVERIFY(connection.isConnected());
        connection.send(request);
        QVERIFY(connection.closedWithin(5s));
        QCOMPARE(connection.received(), QByteArray());
    }

    void aMalformedContentLengthEndsTheConnection_data()
    {
        QTest::addColumn<QByteArray>("length");
        QTest::newRow("plus sign") << "+2"_ba;
        QTest::newRow("negative") << "-1"_ba;
        QTest::newRow("two numbers") << "2 2"_ba;
        QTest::newRow("a list") << "2, 2"_ba;
        QTest::newRow("not digits") << "two"_ba;
        QTest::newRow("hexadecimal") << "0x2"_ba;
        QTest::newRow("overlong") << "0000000000000000002"_ba;
        QTest::newRow("empty") << ""_ba;
    }

    void aMalformedContentLengthEndsTheConnection()
    {
        QFETCH(QByteArray, length);
        RawConnection connection(*m_gateway);
        QVERIFY(connection.isConnected());
        connection.send("POST /v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        "Content-Length: "
                        + length + "\r\n\r\n{}");
        QVERIFY(connection.closedWithin(5s));
        QCOMPARE(connection.received(), QByteArray());
    }

    void twoContentLengthsEndTheConnectionEvenIfTheyAgree()
    {
        RawConnection connection(*m_gateway);
        QVERIFY(connection.isConnected());
        connection.send("POST /v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}");
        QVERIFY(connection.closedWithin(5s));
        QCOMPARE(connection.received(), QByteArray());
    }

    void anyTransferEncodingEndsTheConnection_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("encoding");
        QTest::newRow("chunked") << "/v1/session"_ba
                                 << "chunked"_ba;
        QTest::newRow("gzip") << "/v1/session"_ba
                              << "gzip"_ba;
        QTest::newRow("identity beside a length") << "/v1/session"_ba
                                                  << "identity"_ba;
        QTest::newRow("an upload, chunked") << "/v1/remittances"_ba
                                            << "chunked"_ba;
    }

    void anyTransferEncodingEndsTheConnection()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, encoding);
        RawConnection connection(*m_gateway);
        QVERIFY(connection.isConnected());
        connection.send("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2\r\nTransfer-Encoding: " + encoding + "\r\n\r\n{}");
        QVERIFY(connection.closedWithin(5s));
        QCOMPARE(connection.received(), QByteArray());
    }

    void headersTricklingInAreCutOffAtTheirDeadline()
    {
        GatewayFixture gateway(20, quickDeadlines());
        QVERIFY(gateway.isReady());
        RawConnection connection(gateway);
        QVERIFY(connection.isConnected());
        // A byte every 50 ms keeps any idle timer from firing; the headers would take 5 s.
        const QByteArray request
            = "GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + QByteArray(40, 'x') + "\r\n\r\n";
        QElapsedTimer elapsed;
        elapsed.start();
        const qsizetype sent = connection.trickle(request, 50ms);
        QVERIFY2(sent < request.size(), "the gateway waited for the whole trickle");
        QVERIFY(connection.closedWithin(2s));
        QVERIFY(elapsed.elapsed() >= 300); // not before the deadline
        QCOMPARE(connection.received(), QByteArray());
    }

    void aBodyTricklingInBelowTheMinimumRateIsCutOff()
    {
        GatewayFixture gateway(20, quickDeadlines());
        QVERIFY(gateway.isReady());
        RawConnection connection(gateway);
        QVERIFY(connection.isConnected());
        const QByteArray body = "{\"username\":\"biller\",\"password\":\"" + QByteArray(200, 'x') + "\"}";
        connection.send("POST /v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        "Content-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n");
        // 20 bytes a second, where 1,024 are asked for once the grace is over.
        const qsizetype sent = connection.trickle(body, 50ms);
        QVERIFY2(sent < body.size(), "the gateway waited for the whole trickle");
        QVERIFY(connection.closedWithin(2s));
        QVERIFY(!connection.received().startsWith("HTTP/1.1"));
    }

    void connectionsFromOneAddressAreCapped()
    {
        GatewayFixture gateway(20, capped(100, 2));
        QVERIFY(gateway.isReady());
        RawConnection first(gateway);
        RawConnection second(gateway);
        for (RawConnection *connection : {&first, &second}) {
            QVERIFY(connection->isConnected());
            connection->send(healthRequest());
            QVERIFY(connection->waitFor("\r\n\r\n").startsWith("HTTP/1.1 200")); // kept alive
        }
        RawConnection third(gateway);
        QVERIFY(third.isConnected()); // the kernel accepts it; the gateway does not
        QVERIFY(third.closedWithin(5s));
        QVERIFY2(third.received().startsWith("HTTP/1.1 503"), third.received().constData());
        QVERIFY(first.isOpen() && second.isOpen());

        // Another address is not held to this one's cap.
        RawConnection elsewhere(gateway, QHostAddress(u"127.0.0.2"_s));
        QVERIFY(elsewhere.isConnected());
        elsewhere.send(healthRequest());
        QVERIFY(elsewhere.waitFor("\r\n\r\n").startsWith("HTTP/1.1 200"));

        // A closed connection frees its place, once the gateway has seen it close.
        first.close();
        QVERIFY(QTest::qWaitFor(
            [&] {
                RawConnection fourth(gateway);
                if (!fourth.isConnected())
                    return false;
                fourth.send(healthRequest());
                return fourth.waitFor("\r\n\r\n").startsWith("HTTP/1.1 200");
            },
            5000));
    }

    void connectionsInAllAreCapped()
    {
        GatewayFixture gateway(20, capped(2, 64));
        QVERIFY(gateway.isReady());
        RawConnection first(gateway, QHostAddress(u"127.0.0.1"_s));
        RawConnection second(gateway, QHostAddress(u"127.0.0.2"_s));
        for (RawConnection *connection : {&first, &second}) {
            QVERIFY(connection->isConnected());
            connection->send(healthRequest());
            QVERIFY(connection->waitFor("\r\n\r\n").startsWith("HTTP/1.1 200"));
        }
        RawConnection third(gateway, QHostAddress(u"127.0.0.3"_s));
        QVERIFY(third.isConnected());
        QVERIFY(third.closedWithin(5s));
        QVERIFY2(third.received().startsWith("HTTP/1.1 503"), third.received().constData());
        QVERIFY(first.isOpen() && second.isOpen());
    }

    void aTrustedProxyIsNotHeldToThePerAddressCap()
    {
        server::GatewayServer::Options options = capped(100, 1);
        options.connections.trustedProxies = {QHostAddress::LocalHost};
        GatewayFixture gateway(20, options);
        QVERIFY(gateway.isReady());
        RawConnection first(gateway);
        RawConnection second(gateway);
        for (RawConnection *connection : {&first, &second}) {
            QVERIFY(connection->isConnected());
            connection->send(healthRequest());
            QVERIFY(connection->waitFor("\r\n\r\n").startsWith("HTTP/1.1 200"));
        }
    }

    void aLargeBodyIsRefusedBeforeItIsRead_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        // 200 KiB: above the API's 64 KiB body limit, below any threshold that would let
        // the HTTP layer buffer it first. Only headers are sent: the answer must not wait
        // for the body.
        QTest::newRow("an action, signed in or not")
            << "POST /v1/work-items/WI-00000001/actions HTTP/1.1\r\nContent-Type: application/json\r\n"_ba << 413;
        QTest::newRow("an upload with a made-up token")
            << "POST /v1/remittances HTTP/1.1\r\nContent-Type: application/edi-x12\r\n"
               "Authorization: Bearer made-up-token\r\n"_ba
            << 401;
        QTest::newRow("an upload without a token")
            << "POST /v1/remittances HTTP/1.1\r\nContent-Type: application/edi-x12\r\n"_ba << 401;
    }

    void aLargeBodyIsRefusedBeforeItIsRead()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        RawConnection connection(*m_gateway);
        QVERIFY(connection.isConnected());
        connection.send(head + "Host: 127.0.0.1\r\nContent-Length: " + QByteArray::number(200 * 1024) + "\r\n\r\n");
        const QByteArray answer = connection.waitFor("}");
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status))), answer.constData());
        QVERIFY(answer.contains("Content-Type: application/problem+json\r\n"));
        QVERIFY(answer.contains("Connection: close\r\n"));
        QVERIFY(connection.closedWithin(5s));
    }

    void theLogNamesTheClientAddress()
    {
        RequestLog log;
        getHealthForwardedFor(*m_gateway, "203.0.113.9");
        // Not a trusted proxy: X-Forwarded-For is the client's own say, and not believed.
        QVERIFY2(lastRequestLine(log).endsWith(u"client=127.0.0.1"_s), qPrintable(lastRequestLine(log)));

        server::GatewayServer::Options options;
        options.connections.trustedProxies = {QHostAddress::LocalHost};
        GatewayFixture proxied(20, options);
        QVERIFY(proxied.isReady());
        // Behind a trusted proxy: the right-most address it did not add itself.
        getHealthForwardedFor(proxied, "198.51.100.1, 203.0.113.9, 127.0.0.1");
        QVERIFY2(lastRequestLine(log).endsWith(u"client=203.0.113.9"_s), qPrintable(lastRequestLine(log)));
    }

    void theClientAddressIsTheRightMostUntrustedHop_data()
    {
        QTest::addColumn<QString>("peer");
        QTest::addColumn<QByteArray>("forwardedFor");
        QTest::addColumn<QString>("client");
        QTest::newRow("no proxy") << u"192.0.2.7"_s << QByteArray() << u"192.0.2.7"_s;
        QTest::newRow("an untrusted peer's header is ignored") << u"192.0.2.7"_s << "10.9.9.9"_ba << u"192.0.2.7"_s;
        QTest::newRow("one hop") << u"10.0.0.1"_s << "192.0.2.7"_ba << u"192.0.2.7"_s;
        QTest::newRow("a forged hop left of the real one")
            << u"10.0.0.1"_s << "6.6.6.6, 192.0.2.7"_ba << u"192.0.2.7"_s;
        QTest::newRow("two trusted proxies") << u"10.0.0.1"_s << "192.0.2.7, 10.0.0.2"_ba << u"192.0.2.7"_s;
        QTest::newRow("no header from the proxy") << u"10.0.0.1"_s << QByteArray() << u"10.0.0.1"_s;
        QTest::newRow("garbage ends the walk") << u"10.0.0.1"_s << "192.0.2.7, junk"_ba << u"10.0.0.1"_s;
        QTest::newRow("IPv4 over a dual-stack socket") << u"::ffff:192.0.2.7"_s << QByteArray() << u"192.0.2.7"_s;
    }

    void theClientAddressIsTheRightMostUntrustedHop()
    {
        QFETCH(QString, peer);
        QFETCH(QByteArray, forwardedFor);
        QFETCH(QString, client);
        const QList<QHostAddress> trusted {QHostAddress(u"10.0.0.1"_s), QHostAddress(u"10.0.0.2"_s)};
        QCOMPARE(server::clientAddressOf(QHostAddress(peer), forwardedFor, trusted), client);
    }

private:
    static void getHealthForwardedFor(const GatewayFixture &gateway, const QByteArray &forwardedFor)
    {
        testing::HttpClient client(gateway.url(QString()));
        QCOMPARE(client.get(u"/health"_s, {{"X-Forwarded-For", forwardedFor}}).status, 200);
    }
    static QString lastRequestLine(const RequestLog &)
    {
        const QStringList lines = RequestLog::lines();
        for (auto line = lines.crbegin(); line != lines.crend(); ++line) {
            if (line->startsWith(u"GET "_s))
                return *line;
        }
        return {};
    }

    std::unique_ptr<GatewayFixture> m_gateway;
};

QTEST_GUILESS_MAIN(TestRequestGuard)
#include "test_requestguard.moc"
