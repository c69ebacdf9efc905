// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayserver.h"

#include "server/remittanceupload.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

Q_LOGGING_CATEGORY(lcGateway, "rcm.gateway")

namespace {

/// Set on a connection while its sign-in's password is being checked.
constexpr char signInUnderWay[] = "rcm.signInUnderWay";

QByteArray reasonPhrase(int status)
{
    static const QHash<int, QByteArray> phrases {
        {200, "OK"},
        {201, "Created"},
        {204, "No Content"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {409, "Conflict"},
        {410, "Gone"},
        {412, "Precondition Failed"},
        {413, "Content Too Large"},
        {415, "Unsupported Media Type"},
        {422, "Unprocessable Content"},
        {428, "Precondition Required"},
        {429, "Too Many Requests"},
        {500, "Internal Server Error"},
        {503, "Service Unavailable"},
    };
    return phrases.value(status, status < 500 ? "Client Error" : "Server Error");
}

/// Writes the whole answer on the connection: Qt's responder keeps a reference to the
/// request, which the HTTP layer reuses for the connection's next one, so it cannot be
/// kept for an answer given later.
void writeAnswer(QTcpSocket *socket, const ApiResponse &response, const QString &correlationId)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (response.status != 204) { // a 204 has no body, so neither its type nor its length
        head += "Content-Type: " + response.contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    }
    head += "X-Correlation-Id: " + correlationId.toLatin1() + "\r\n";
    head += "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    socket->write(head + "\r\n" + (response.status != 204 ? response.body : QByteArray()));
}

} // namespace

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
    , m_passwordChecks(options.passwordChecks)
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
    if (socket->property(signInUnderWay).toBool()) {
        // Answers on a connection go out in order, and this one's sign-in has not been
        // answered yet; no client of the API pipelines.
        qCWarning(lcGateway) << "Dropping a connection that sent a request before its sign-in was answered";
        socket->abort();
        return true;
    }
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

    if (WorkQueueApi::isSignIn(apiRequest)) {
        signIn(apiRequest, socket, timer);
        return true;
    }
    const ApiResponse response = m_api.handle(apiRequest);
    writeAnswer(socket, response, apiRequest.correlationId);
    logRequest(apiRequest.method, response, timer.nsecsElapsed(), apiRequest.correlationId, apiRequest.clientAddress);
    return true;
}

void GatewayServer::signIn(const ApiRequest &request, QTcpSocket *socket, QElapsedTimer timer)
{
    // Not the request itself: its body holds the password.
    auto answer = [method = request.method, correlationId = request.correlationId,
                   clientAddress = request.clientAddress, timer](QTcpSocket *connection, const ApiResponse &response) {
        if (connection && connection->isOpen()) { // else the client left while its password was checked
            connection->setProperty(signInUnderWay, false);
            writeAnswer(connection, response, correlationId);
        }
        logRequest(method, response, timer.nsecsElapsed(), correlationId, clientAddress);
    };
    auto begun = m_api.beginSignIn(request);
    if (const auto *refused = std::get_if<ApiResponse>(&begun)) {
        answer(socket, *refused);
        return;
    }
    // The check takes a good part of a second of one core: it runs on a worker, and the
    // outcome is recorded (and the session made) back here, where the database is used.
    auto pending = std::make_shared<SignInDesk::Pending>(std::get<SignInDesk::Pending>(std::move(begun)));
    const QPointer<QTcpSocket> connection(socket);
    const bool queued = m_passwordChecks.submit(pending->password, pending->stored,
                                                [this, pending, connection, answer](bool matches) {
                                                    answer(connection.data(), m_api.finishSignIn(*pending, matches));
                                                });
    if (!queued) {
        answer(socket, m_api.signInBusy(request, *pending));
        return;
    }
    socket->setProperty(signInUnderWay, true);
}

void GatewayServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is only reached if it declined.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace rcm::server
