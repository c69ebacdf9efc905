// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/workqueueapi.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QTcpServer>

namespace rcm::server {

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

/// Follows the bytes of one connection, request by request, to drop it as soon as headers
/// grow too long or a body is announced beyond the limit or sent chunked.
class RequestGuard final : public QObject
{
public:
    using QObject::QObject;
    /// Takes the next bytes read; returns why to drop the connection, or nothing. Bodies
    /// posted to /v1/remittances (835 files) may reach fileLimit, others bodyLimit.
    QString inspect(const QByteArray &bytes, qint64 bodyLimit, qint64 fileLimit = 0);

private:
    QByteArray m_header; ///< the current request's headers so far
    qint64 m_bodyRemaining = 0;
};

/// A listening socket that drops connections idle for too long or announcing bodies far
/// beyond any the API accepts, before the HTTP layer buffers them.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    GuardedTcpServer(std::chrono::milliseconds idleTimeout, qint64 hardBodyLimit, qint64 fileLimit,
                     QObject *parent = nullptr);
    QTcpSocket *nextPendingConnection() override;

private:
    std::chrono::milliseconds m_idleTimeout;
    qint64 m_hardBodyLimit;
    qint64 m_fileLimit;
};

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
    };

    GatewayServer(GatewayStore &store, Options options, QObject *parent = nullptr);

    /// Listens on address:port (0 picks a free port); returns the port, or 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    WorkQueueApi m_api;
    Options m_options;
};

} // namespace rcm::server
