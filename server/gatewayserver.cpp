// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayserver.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

Q_LOGGING_CATEGORY(lcGateway, "rcm.gateway")

namespace {

constexpr qsizetype maximumHeaderBytes = 16 * 1024;

} // namespace

QString RequestGuard::inspect(const QByteArray &bytes, qint64 bodyLimit, qint64 fileLimit)
{
    qsizetype position = 0;
    while (position < bytes.size()) {
        if (m_bodyRemaining > 0) { // inside a body: count it
            const qint64 taken = std::min<qint64>(m_bodyRemaining, bytes.size() - position);
            m_bodyRemaining -= taken;
            position += taken;
            continue;
        }
        // Headers may arrive in pieces: look for their end in what has come so far.
        const qsizetype before = m_header.size();
        m_header += bytes.mid(position);
        const qsizetype headerEnd = m_header.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
        if (headerEnd < 0) {
            return m_header.size() > maximumHeaderBytes ? u"headers over %1 bytes"_s.arg(maximumHeaderBytes)
                                                        : QString();
        }
        position += headerEnd + 4 - before;
        m_header.truncate(headerEnd + 4);
        // A request's headers are complete: judge its body before it arrives.
        const QByteArray header = m_header.toLower();
        m_header.clear();
        if (header.size() > maximumHeaderBytes)
            return u"headers over %1 bytes"_s.arg(maximumHeaderBytes);
        static const QRegularExpression chunked(u"\\r\\ntransfer-encoding:[^\\r]*chunked"_s);
        if (chunked.match(QString::fromLatin1(header)).hasMatch()) {
            // No size up front, so it could not be capped before the HTTP layer buffered
            // it; the API's clients always send Content-Length.
            return u"a chunked body"_s;
        }
        static const QRegularExpression contentLength(u"\\r\\ncontent-length:\\s*(\\d+)"_s);
        const QRegularExpressionMatch match = contentLength.match(QString::fromLatin1(header));
        const qint64 length = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        // Only a signed-in client posting to the import route may send a file-sized body.
        const bool isFile = (header.startsWith("post /v1/remittances ") || header.startsWith("post /v1/remittances?"))
            && header.contains("\r\nauthorization: bearer ");
        if (length > (isFile ? std::max(bodyLimit, fileLimit) : bodyLimit))
            return u"a %1 byte body"_s.arg(length);
        m_bodyRemaining = length;
    }
    return {};
}

GuardedTcpServer::GuardedTcpServer(std::chrono::milliseconds idleTimeout, qint64 hardBodyLimit, qint64 fileLimit,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_idleTimeout(idleTimeout)
    , m_hardBodyLimit(hardBodyLimit)
    , m_fileLimit(fileLimit)
{ }

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    QTcpSocket *socket = QTcpServer::nextPendingConnection();
    if (!socket)
        return socket;
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_idleTimeout);
    connect(idle, &QTimer::timeout, socket, [socket]() {
        qCInfo(lcGateway) << "Closing a connection idle for too long";
        socket->abort();
    });
    idle->start();
    // Connected before the HTTP layer's own handler, so this sees every byte before the
    // HTTP layer reads it; the state carries over between reads, so splitting headers or
    // body over many packets changes nothing.
    auto *guard = new RequestGuard(socket);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, idle, guard]() {
        idle->start();
        if (const QString reason = guard->inspect(socket->peek(socket->bytesAvailable()), m_hardBodyLimit, m_fileLimit);
            !reason.isEmpty()) {
            qCWarning(lcGateway).noquote() << "Dropping a connection:" << reason;
            socket->abort();
        }
    });
    connect(socket, &QTcpSocket::bytesWritten, idle, qOverload<>(&QTimer::start));
    return socket;
}

GatewayServer::GatewayServer(GatewayStore &store, Options options, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_api(store, options.api)
    , m_options(options)
{ }

quint16 GatewayServer::listenOn(const QHostAddress &address, quint16 port)
{
    // Bodies up to 16 times the API's limit get a proper 413; beyond that the
    // connection is dropped before anything is buffered.
    auto *tcp = new GuardedTcpServer(m_options.idleTimeout, m_options.api.maximumBodyBytes * 16,
                                     m_options.api.maximumRemittanceBytes + 1024 * 1024, this);
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
    static const QRegularExpression validCorrelation(u"^[A-Za-z0-9-]{8,64}$"_s);
    const QString offered = QString::fromLatin1(apiRequest.headers.value("x-correlation-id"));
    apiRequest.correlationId
        = validCorrelation.match(offered).hasMatch() ? offered : QUuid::createUuid().toString(QUuid::WithoutBraces);

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

    qCInfo(lcGateway).noquote() << apiRequest.method << response.route << response.status
                                << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 1) + u" ms"_s
                                << u"user="_s + (response.userId.isEmpty() ? u"-"_s : response.userId)
                                << u"correlation="_s + apiRequest.correlationId;
    return true;
}

void GatewayServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest answers everything; this is only reached if it declined.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace rcm::server
