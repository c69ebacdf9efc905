// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewaylistener.h"

#include "server/finalanswer.h"
#include "server/gatewayserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSslSocket>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

namespace {

/// An IPv4 peer reached over a dual-stack socket shows as ::ffff:a.b.c.d: count and
/// compare it as a.b.c.d.
QHostAddress plain(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4) : QHostAddress(address.toString().section(u'%', 0, 0));
}

} // namespace

bool isTrustedProxy(const QHostAddress &peer, const QList<QHostAddress> &trustedProxies)
{
    const QHostAddress address = plain(peer);
    return std::any_of(trustedProxies.begin(), trustedProxies.end(),
                       [&](const QHostAddress &proxy) { return plain(proxy) == address; });
}

QString clientAddressOf(const QHostAddress &peer, const QByteArray &forwardedFor,
                        const QList<QHostAddress> &trustedProxies)
{
    QHostAddress client = plain(peer);
    if (!isTrustedProxy(client, trustedProxies))
        return client.toString();
    // Each proxy appends the address it was reached from: walk from the right while the
    // hops are our own proxies; the first that is not is the client. A malformed entry
    // ends the walk at the last address known.
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        const QHostAddress address(QString::fromLatin1(hop->trimmed()));
        if (address.isNull())
            break;
        client = plain(address);
        if (!isTrustedProxy(client, trustedProxies))
            break;
    }
    return client.toString();
}

ConnectionGate::ConnectionGate(ConnectionLimits limits, RequestGuard::Limits requestLimits, TakeOver takeOver,
                               QObject *parent)
    : QObject(parent)
    , m_limits(std::move(limits))
    , m_requestLimits(requestLimits)
    , m_takeOver(std::move(takeOver))
{
    // One clock for every connection: a slow request is found within a quarter of its
    // allowance.
    const auto shortest = std::min(m_limits.pace.headerDeadline, m_limits.pace.bodyGrace);
    m_paceClock.setInterval(std::clamp(shortest / 4, std::chrono::milliseconds(20), std::chrono::milliseconds(1000)));
    connect(&m_paceClock, &QTimer::timeout, this, &ConnectionGate::checkPace);
    m_paceClock.start();
}

bool ConnectionGate::admit(QTcpSocket *socket)
{
    const QHostAddress address = plain(socket->peerAddress());
    const bool exempt = isTrustedProxy(address, m_limits.trustedProxies);
    if (m_counted.size() >= m_limits.maximumConnections) {
        qCWarning(lcGateway).noquote() << "Refusing a connection: already" << m_counted.size() << "open";
        return false;
    }
    if (!exempt && m_perAddress.value(address) >= m_limits.maximumPerAddress) {
        qCWarning(lcGateway).noquote() << "Refusing a connection from" << address.toString() << ": already"
                                       << m_perAddress.value(address) << "open from there";
        return false;
    }
    m_counted.insert(socket, address);
    ++m_perAddress[address];
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket]() { release(socket); });
    connect(socket, &QObject::destroyed, this, &ConnectionGate::release);
    return true;
}

void ConnectionGate::release(QObject *socket)
{
    // Only the pointer's value is used: this may run inside the socket's destructor.
    const auto counted = m_counted.constFind(socket);
    if (counted == m_counted.cend())
        return;
    const auto perAddress = m_perAddress.find(*counted);
    if (perAddress != m_perAddress.end() && --*perAddress <= 0)
        m_perAddress.erase(perAddress);
    m_counted.erase(counted);
}

void ConnectionGate::watch(QTcpSocket *socket, QObject *httpLayer)
{
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_limits.idleTimeout);
    connect(idle, &QTimer::timeout, socket, [this, socket]() {
        qCInfo(lcGateway) << "Closing a connection idle for too long";
        socket->abort();
        // Released and deleted here as well: a request Qt's parser refused leaves the
        // socket with none of the handlers that would otherwise do it (it disconnects them
        // all); this timer's own connection is the one that stays.
        release(socket);
        socket->deleteLater();
    });
    idle->start();
    // Connected before the HTTP layer's own handler, so this sees every byte before the
    // HTTP layer reads it; the state carries over between reads, so splitting headers or
    // body over many packets changes nothing.
    auto *guard = new RequestGuard(socket);
    m_guards.insert(guard);
    // A connection ended (by either side) is no longer timed.
    connect(guard, &QObject::destroyed, this, [this, guard]() { m_guards.remove(guard); });
    connect(socket, &QAbstractSocket::disconnected, this, [this, guard]() { m_guards.remove(guard); });
    connect(socket, &QTcpSocket::readyRead, this,
            [this, socket, httpLayer, idle, guard]() { inspect(socket, httpLayer, idle, guard); });
    connect(socket, &QTcpSocket::bytesWritten, idle, qOverload<>(&QTimer::start));
}

void ConnectionGate::inspect(QTcpSocket *socket, QObject *httpLayer, QTimer *idle, RequestGuard *guard)
{
    idle->start();
    if (guard->hasTakenOver())
        return; // the upload or the refusal reads the rest
    const QByteArray bytes = socket->peek(socket->bytesAvailable());
    const RequestGuard::Verdict verdict = guard->inspect(bytes, m_requestLimits);
    if (verdict.action == RequestGuard::Verdict::Action::Pass)
        return;
    if (verdict.action == RequestGuard::Verdict::Action::Drop) {
        qCWarning(lcGateway).noquote() << "Dropping a connection:" << verdict.reason;
        socket->abort();
        return;
    }
    // The HTTP layer stops reading this connection. Whatever it read of the request's
    // headers in an earlier read is let go: the guard has them.
    disconnect(socket, &QTcpSocket::readyRead, httpLayer, nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->skip(bytes.size());
    if (verdict.action == RequestGuard::Verdict::Action::Refuse) {
        qCWarning(lcGateway).noquote() << "Refusing" << verdict.reason << "before reading it";
        refuseLargeBody(socket, verdict.header);
        return;
    }
    m_takeOver(socket, idle, guard, verdict.header, bytes.mid(verdict.bodyOffset));
}

void ConnectionGate::refuseLargeBody(QTcpSocket *socket, const QByteArray &header)
{
    QElapsedTimer timer;
    timer.start();
    const RequestHead head = RequestHead::parse(header);
    const QString correlationId = correlationIdFor(head.headers.value("x-correlation-id"));
    ApiResponse response;
    response.status = 413;
    response.contentType = "application/problem+json";
    response.body = QJsonDocument(problem(413, u"body-too-large"_s, u"Request too large"_s,
                                          u"The body may be at most %1 bytes"_s.arg(m_requestLimits.body))
                                      .toJson(correlationId))
                        .toJson(QJsonDocument::Compact);
    response.route = QString::fromLatin1(head.target.split('?').constFirst());
    writeFinalAnswer(socket, response, correlationId, true);
    logRequest(head.method, response, timer.nsecsElapsed(), correlationId,
               clientAddressOf(socket->peerAddress(), head.headers.value("x-forwarded-for"), m_limits.trustedProxies));
}

void ConnectionGate::checkPace()
{
    const QList<RequestGuard *> guards(m_guards.begin(), m_guards.end());
    for (RequestGuard *guard : guards) {
        if (const std::optional<QString> reason = guard->overdue(m_limits.pace)) {
            qCWarning(lcGateway).noquote() << "Dropping a connection:" << *reason;
            m_guards.remove(guard);
            if (auto *socket = qobject_cast<QTcpSocket *>(guard->parent()))
                socket->abort();
        }
    }
}

GuardedTcpServer::GuardedTcpServer(ConnectionLimits limits, RequestGuard::Limits requestLimits,
                                   ConnectionGate::TakeOver takeOver, QObject *parent)
    : QTcpServer(parent)
    , m_gate(new ConnectionGate(std::move(limits), requestLimits, std::move(takeOver), this))
{ }

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (!m_gate->admit(socket)) {
        // Said plainly, then closed: the client sent nothing yet, so nothing is reset.
        socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 5\r\n"
                      "Connection: close\r\n\r\n");
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        QTimer::singleShot(2000, socket, &QObject::deleteLater);
        return;
    }
    addPendingConnection(socket);
}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (socket)
        m_gate->watch(socket, parent());
    return socket;
}

GuardedSslServer::GuardedSslServer(const QSslConfiguration &tls, ConnectionLimits limits,
                                   RequestGuard::Limits requestLimits, ConnectionGate::TakeOver takeOver,
                                   QObject *parent)
    : QSslServer(parent)
    , m_gate(new ConnectionGate(std::move(limits), requestLimits, std::move(takeOver), this))
{
    QSslConfiguration configuration = tls;
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients sign in with a password
    setSslConfiguration(configuration);
    setHandshakeTimeout(int(m_gate->limits().handshakeTimeout.count()));
}

void GuardedSslServer::incomingConnection(qintptr descriptor)
{
    // QSslServer's own would start the handshake before the connection is counted; this
    // one counts it first, and keeps its own deadline for the handshake.
    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(sslConfiguration());
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (!m_gate->admit(socket)) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    auto *deadline = new QTimer(socket);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, socket, [socket]() {
        qCInfo(lcGateway) << "Dropping a connection whose TLS handshake did not complete in time";
        socket->abort();
        socket->deleteLater();
    });
    deadline->start(handshakeTimeout());
    connect(socket, &QSslSocket::encrypted, this, [this, socket, deadline]() {
        delete deadline;
        socket->disconnect(this);
        addPendingConnection(socket);
    });
    connect(socket, &QAbstractSocket::errorOccurred, this, [socket](QAbstractSocket::SocketError error) {
        if (socket->isEncrypted())
            return; // the HTTP layer's from here on
        qCInfo(lcGateway).noquote() << "A TLS handshake failed:" << error << socket->errorString();
        socket->deleteLater();
    });
    socket->startServerEncryption();
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    if (socket)
        m_gate->watch(socket, parent());
    return socket;
}

} // namespace rcm::server
