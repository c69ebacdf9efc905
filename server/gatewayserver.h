// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/passwordverifier.h"
#include "server/workqueueapi.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QTcpServer>

#include <functional>

class QTimer;

namespace rcm::server {

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

/// Follows the bytes of one connection, request by request, to drop it as soon as headers
/// grow too long or a body is announced beyond the limit or sent chunked, and to hand an
/// 835 upload (POST /v1/remittances) to RemittanceUpload before Qt's HTTP layer, which
/// keeps a whole body in memory, reads any of its body.
class RequestGuard final : public QObject
{
public:
    struct Limits
    {
        qint64 body = 0; ///< beyond this a body is refused by dropping the connection
        qint64 spoolFrom = -1; ///< uploads announcing this many bytes or more are taken over; -1: never
    };
    struct Verdict
    {
        enum class Action { Pass, Drop, TakeOver };
        Action action = Action::Pass;
        QString reason; ///< Drop: why, for the log
        QByteArray header; ///< TakeOver: the upload's request line and headers, up to the blank line
        qsizetype bodyOffset = 0; ///< TakeOver: where its body starts in the bytes inspected
    };

    using QObject::QObject;
    /// Takes the next bytes read. Once it answers TakeOver, the connection's bytes are
    /// the upload's: inspect is not to be called again.
    Verdict inspect(const QByteArray &bytes, const Limits &limits);
    bool hasTakenOver() const { return m_takenOver; }

private:
    QByteArray m_header; ///< the current request's headers so far
    qsizetype m_headerStart = -1; ///< where they began in the bytes inspected now; -1: earlier
    qint64 m_bodyRemaining = 0;
    bool m_takenOver = false;
};

/// A listening socket that drops connections idle for too long or announcing bodies far
/// beyond any the API accepts, before the HTTP layer buffers them, and gives the 835
/// uploads it finds to takeOver.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    /// Called with a connection whose next request is an upload, taken from Qt's HTTP
    /// layer: its header, the body bytes read with it, and the connection's idle timer.
    using TakeOver
        = std::function<void(QTcpSocket *socket, QTimer *idle, const QByteArray &header, const QByteArray &bodyStart)>;

    GuardedTcpServer(std::chrono::milliseconds idleTimeout, RequestGuard::Limits limits, TakeOver takeOver,
                     QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;

private:
    void inspect(QTcpSocket *socket, QTimer *idle, RequestGuard *guard);

    std::chrono::milliseconds m_idleTimeout;
    RequestGuard::Limits m_limits;
    TakeOver m_takeOver;
};

/// The correlation id a client offered, if it is one, else a new one.
QString correlationIdFor(const QByteArray &offered);
/// The one log line per request (method, route, status, time, user id, correlation id).
void logRequest(const QByteArray &method, const ApiResponse &response, qint64 nanoseconds,
                const QString &correlationId);

/// rcm-gateway's HTTP front: hands each request to WorkQueueApi, adds the correlation
/// id, and logs one line per request (method, route, status, time, user id; never a
/// body, a query value that could hold PHI, or a name).
class GatewayServer final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    struct Options
    {
        WorkQueueApi::Options api;
        std::chrono::milliseconds idleTimeout {30'000};
        /// Uploads (POST /v1/remittances) announcing this many bytes or more are spooled to
        /// a file instead of memory; at most the HTTP layer's own limit (16 times the body's).
        qint64 spoolFromBytes = 256 * 1024;
        /// Where spooled uploads go; empty: the database's folder.
        QString uploadDirectory;
        /// The threads sign-ins check passwords on, and how many may wait for one.
        PasswordVerifier::Options passwordChecks;
    };

    GatewayServer(GatewayStore &store, Options options, QObject *parent = nullptr);

    /// Listens on address:port (0 picks a free port); returns the port, or 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void signIn(const ApiRequest &request, QTcpSocket *socket, QElapsedTimer timer);

    GatewayStore &m_store;
    WorkQueueApi m_api;
    Options m_options;
    PasswordVerifier m_passwordChecks;
};

} // namespace rcm::server
