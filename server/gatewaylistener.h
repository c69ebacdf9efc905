// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/requestguard.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

#include <chrono>
#include <functional>

class QTcpSocket;

namespace rcm::server {

/// What one listening socket allows its connections.
struct ConnectionLimits
{
    int maximumConnections = 1024; ///< open at once, in all
    int maximumPerAddress = 64; ///< open at once from one address (a trusted proxy's excepted)
    /// Proxies whose X-Forwarded-For is believed (the client address is the right-most
    /// untrusted address in it); any other peer is the client itself.
    QList<QHostAddress> trustedProxies;
    std::chrono::milliseconds idleTimeout {30'000}; ///< between requests, or with no byte coming
    std::chrono::milliseconds handshakeTimeout {10'000}; ///< for a TLS handshake to complete
    RequestPace pace;
};

/// The address a request came from, for the log and the API: the peer, or, only when the
/// peer is a trusted proxy, the right-most address in X-Forwarded-For that is not itself a
/// trusted proxy (anything left of it could be made up by the client).
QString clientAddressOf(const QHostAddress &peer, const QByteArray &forwardedFor,
                        const QList<QHostAddress> &trustedProxies);
bool isTrustedProxy(const QHostAddress &peer, const QList<QHostAddress> &trustedProxies);

/// What a listening socket and its connections share: the counts against the limits,
/// each connection's RequestGuard and idle timer, and the clock that ends slow requests.
/// Connections are counted from their accept (a TLS handshake under way counts) until
/// they close.
class ConnectionGate final : public QObject
{
    Q_OBJECT

public:
    /// Called with a connection whose next request is an 835 upload, taken from Qt's HTTP
    /// layer: its head, the body bytes read with it, the idle timer and the guard that
    /// still times the body.
    using TakeOver = std::function<void(QTcpSocket *socket, QTimer *idle, RequestGuard *guard, const QByteArray &header,
                                        const QByteArray &bodyStart)>;

    ConnectionGate(ConnectionLimits limits, RequestGuard::Limits requestLimits, TakeOver takeOver,
                   QObject *parent = nullptr);

    /// Counts a new connection; false (and it is to be closed) when it is over a limit.
    bool admit(QTcpSocket *socket);
    /// Puts a connection the HTTP layer is about to read (httpLayer) under guard.
    void watch(QTcpSocket *socket, QObject *httpLayer);
    const ConnectionLimits &limits() const { return m_limits; }

private:
    void inspect(QTcpSocket *socket, QObject *httpLayer, QTimer *idle, RequestGuard *guard);
    void refuseLargeBody(QTcpSocket *socket, const QByteArray &header);
    void release(QObject *socket);
    void checkPace();

    ConnectionLimits m_limits;
    RequestGuard::Limits m_requestLimits;
    TakeOver m_takeOver;
    QHash<QObject *, QHostAddress> m_counted; ///< open connections and the address each counts against
    QHash<QHostAddress, int> m_perAddress;
    QSet<RequestGuard *> m_guards;
    QTimer m_paceClock;
};

/// A plain HTTP listening socket under a ConnectionGate; for loopback, or behind a TLS proxy.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(ConnectionLimits limits, RequestGuard::Limits requestLimits, ConnectionGate::TakeOver takeOver,
                     QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGate *m_gate;
};

/// An HTTPS listening socket (TLS 1.2 or later) under a ConnectionGate: a connection is
/// handed to the HTTP layer once its handshake is done, and ended if that takes longer
/// than the limit; the guard sees the decrypted bytes.
class GuardedSslServer final : public QSslServer
{
    Q_OBJECT

public:
    GuardedSslServer(const QSslConfiguration &tls, ConnectionLimits limits, RequestGuard::Limits requestLimits,
                     ConnectionGate::TakeOver takeOver, QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionGate *m_gate;
};

} // namespace rcm::server
