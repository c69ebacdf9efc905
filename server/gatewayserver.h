// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/gatewaylistener.h"
#include "server/passwordverifier.h"
#include "server/workqueueapi.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QSslConfiguration>

#include <optional>

namespace rcm::server {

Q_DECLARE_LOGGING_CATEGORY(lcGateway)

/// The correlation id a client offered, if it is one, else a new one.
QString correlationIdFor(const QByteArray &offered);
/// The one log line per request (method, route, status, time, user id, correlation id,
/// client address).
void logRequest(const QByteArray &method, const ApiResponse &response, qint64 nanoseconds, const QString &correlationId,
                const QString &clientAddress);

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
        /// Connection limits, deadlines, trusted proxies.
        ConnectionLimits connections;
        /// Serve HTTPS with this (certificate and key); none: plain HTTP.
        std::optional<QSslConfiguration> tls;
        /// Uploads (POST /v1/remittances) announcing this many bytes or more are spooled to
        /// a file instead of memory; at most the API's body limit, so that no body beyond
        /// it is read before its token is checked.
        qint64 spoolFromBytes = 64 * 1024;
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
