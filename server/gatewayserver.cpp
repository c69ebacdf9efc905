// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayserver.h"

#include "server/remittanceupload.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

Q_LOGGING_CATEGORY(lcGateway, "rcm.gateway")

QString correlationIdFor(const QByteArray &offered)
{
    static const QRegularExpression validCorrelation(u"^[A-Za-z0-9-]{8,64}$"_s);
    const QString text = QString::fromLatin1(offered);
    return validCorrelation.match(text).hasMatch() ? text : QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void logRequest(const QByteArray &method, const ApiResponse &response, qint64 nanoseconds, const QString &correlationId,
                const QString &clientAddress)
{
    qCInfo(lcGateway).noquote() << method << response.route << response.status
                                << QString::number(double(nanoseconds) / 1e6, 'f', 1) + u" ms"_s
                                << u"user="_s + (response.userId.isEmpty() ? u"-"_s : response.userId)
                                << u"correlation="_s + correlationId << u"client="_s + clientAddress;
}

GatewayServer::GatewayServer(GatewayStore &store, Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_store(store)
    , m_api(store, options.api)
    , m_options(options)
{ }

quint16 GatewayServer::listenOn(const QHostAddress &address, quint16 port)
{
    // A body beyond the API's limit gets a 413 before any of it is read; an upload
    // (POST /v1/remittances) from spoolFromBytes on never reaches the HTTP layer: its
    // token is checked first, then it is spooled to disk.
    const qint64 bodyLimit = m_options.api.maximumBodyBytes;
    const RequestGuard::Limits limits {bodyLimit, std::clamp<qint64>(m_options.spoolFromBytes, 0, bodyLimit)};
    const QString directory = m_options.uploadDirectory.isEmpty() ? QFileInfo(m_store.database().path()).absolutePath()
                                                                  : m_options.uploadDirectory;
    auto takeOver = [this, directory](QTcpSocket *socket, QTimer *idle, RequestGuard *guard, const QByteArray &header,
                                      const QByteArray &bodyStart) {
        auto *upload
            = new RemittanceUpload(socket, idle, guard, m_api, directory, m_options.connections.trustedProxies);
        upload->start(header, bodyStart);
    };
    QTcpServer *tcp = m_options.tls
        ? static_cast<QTcpServer *>(new GuardedSslServer(*m_options.tls, m_options.connections, limits, takeOver, this))
        : new GuardedTcpServer(m_options.connections, limits, takeOver, this);
    if (!tcp->listen(address, port)) {
        qCCritical(lcGateway).noquote() << "Cannot listen on" << address.toString() << port << ":"
                                        << tcp->errorString();
        delete tcp;
        return 0;
    }
    bind(tcp);
    return tcp->serverPort();
}

bool GatewayServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QElapsedTimer timer;
    timer.start();
    ApiRequest apiRequest;
    apiRequest.method
        = QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(static_cast<int>(request.method())))
              .toUpper();
    apiRequest.path = request.url().path();
    apiRequest.query = request.query();
    for (const auto &[name, value] : request.headers())
        apiRequest.headers.insert(name.toLower(), value);
    apiRequest.body = request.body();
    apiRequest.correlationId = correlationIdFor(apiRequest.headers.value("x-correlation-id"));
    apiRequest.clientAddress = clientAddressOf(socket->peerAddress(), apiRequest.headers.value("x-forwarded-for"),
                                               m_options.connections.trustedProxies);

    const ApiResponse response = m_api.handle(apiRequest);

    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    responder.writeHeader("Content-Type", response.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(response.body.size()));
    responder.writeHeader("X-Correlation-Id", apiRequest.correlationId.toLatin1());
    responder.writeHeader("Cache-Control", "no-store");
    for (const auto &[name, value] : response.headers)
        responder.writeHeader(name, value);
    responder.writeBody(response.body);

    logRequest(apiRequest.method, response, timer.nsecsElapsed(), apiRequest.correlationId, apiRequest.clientAddress);
    return true;
}

void GatewayServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is only reached if it declined.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace rcm::server
