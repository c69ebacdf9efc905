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
#include <QTimer>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

Q_LOGGING_CATEGORY(lcGateway, "rcm.gateway")

namespace {

constexpr qsizetype maximumHeaderBytes = 16 * 1024;

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

RequestGuard::Verdict RequestGuard::inspect(const QByteArray &bytes, const Limits &limits)
{
    const auto drop = [](QString reason) {
        return Verdict {Verdict::Action::Drop, std::move(reason), {}, 0};
    };
    if (m_takenOver)
        return {};
    qsizetype position = 0;
    m_headerStart = -1;
    while (position < bytes.size()) {
        if (m_bodyRemaining > 0) { // inside a body: count it
            const qint64 taken = std::min<qint64>(m_bodyRemaining, bytes.size() - position);
            m_bodyRemaining -= taken;
            position += taken;
            continue;
        }
        // Headers may arrive in pieces: look for their end in what has come so far.
        const qsizetype before = m_header.size();
        if (before == 0)
            m_headerStart = position;
        m_header += bytes.mid(position);
        const qsizetype headerEnd = m_header.indexOf("\r\n\r\n", std::max<qsizetype>(0, before - 3));
        if (headerEnd < 0) {
            return m_header.size() > maximumHeaderBytes ? drop(u"headers over %1 bytes"_s.arg(maximumHeaderBytes))
                                                        : Verdict {};
        }
        position += headerEnd + 4 - before;
        m_header.truncate(headerEnd + 4);
        // A request's headers are complete: judge its body before it arrives.
        const QByteArray original = std::exchange(m_header, {});
        const QByteArray header = original.toLower();
        if (header.size() > maximumHeaderBytes)
            return drop(u"headers over %1 bytes"_s.arg(maximumHeaderBytes));
        static const QRegularExpression chunked(u"\r\ntransfer-encoding:[^\r]*chunked"_s);
        const bool isChunked = chunked.match(QString::fromLatin1(header)).hasMatch();
        static const QRegularExpression contentLength(u"\r\ncontent-length:\\s*(\\d+)"_s);
        const QRegularExpressionMatch match = contentLength.match(QString::fromLatin1(header));
        const qint64 length = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        const bool isUpload = header.startsWith("post /v1/remittances ") || header.startsWith("post /v1/remittances?");
        if (isUpload && limits.spoolFrom >= 0 && (isChunked || length >= limits.spoolFrom)) {
            // Bytes before it in this read belong to an earlier request Qt has not seen
            // yet; clients do not pipeline a POST, so that is not worth untangling.
            if (m_headerStart > 0)
                return drop(u"an upload pipelined behind another request"_s);
            m_takenOver = true;
            return Verdict {Verdict::Action::TakeOver, {}, original, position};
        }
        if (isChunked) {
            // No size up front, so it could not be capped before the HTTP layer buffered
            // it; the API's clients always send Content-Length.
            return drop(u"a chunked body"_s);
        }
        if (length > limits.body)
            return drop(u"a %1 byte body"_s.arg(length));
        m_bodyRemaining = length;
    }
    return {};
}

GuardedTcpServer::GuardedTcpServer(std::chrono::milliseconds idleTimeout, RequestGuard::Limits limits,
                                   TakeOver takeOver, QObject *parent)
    : QTcpServer(parent)
    , m_idleTimeout(idleTimeout)
    , m_limits(limits)
    , m_takeOver(std::move(takeOver))
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
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, idle, guard]() { inspect(socket, idle, guard); });
    connect(socket, &QTcpSocket::bytesWritten, idle, qOverload<>(&QTimer::start));
    return socket;
}

void GuardedTcpServer::inspect(QTcpSocket *socket, QTimer *idle, RequestGuard *guard)
{
    idle->start();
    if (guard->hasTakenOver())
        return; // the upload reads the rest
    const QByteArray bytes = socket->peek(socket->bytesAvailable());
    const RequestGuard::Verdict verdict = guard->inspect(bytes, m_limits);
    switch (verdict.action) {
    case RequestGuard::Verdict::Action::Pass:
        return;
    case RequestGuard::Verdict::Action::Drop:
        qCWarning(lcGateway).noquote() << "Dropping a connection:" << verdict.reason;
        socket->abort();
        return;
    case RequestGuard::Verdict::Action::TakeOver:
        break;
    }
    // The HTTP layer (bound to this server, its parent) stops reading this connection.
    // Whatever it read of the upload's headers in an earlier read is let go: the guard
    // has them.
    disconnect(socket, &QTcpSocket::readyRead, parent(), nullptr);
    if (socket->isTransactionStarted())
        socket->commitTransaction();
    socket->skip(bytes.size());
    m_takeOver(socket, idle, verdict.header, bytes.mid(verdict.bodyOffset));
}

QString correlationIdFor(const QByteArray &offered)
{
    static const QRegularExpression validCorrelation(u"^[A-Za-z0-9-]{8,64}$"_s);
    const QString text = QString::fromLatin1(offered);
    return validCorrelation.match(text).hasMatch() ? text : QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void logRequest(const QByteArray &method, const ApiResponse &response, qint64 nanoseconds, const QString &correlationId)
{
    qCInfo(lcGateway).noquote() << method << response.route << response.status
                                << QString::number(double(nanoseconds) / 1e6, 'f', 1) + u" ms"_s
                                << u"user="_s + (response.userId.isEmpty() ? u"-"_s : response.userId)
                                << u"correlation="_s + correlationId;
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
    // Bodies up to 16 times the API's limit get a proper 413; beyond that the
    // connection is dropped before anything is buffered. Uploads from spoolFromBytes on
    // never reach the HTTP layer: they are spooled to disk.
    const qint64 hardBodyLimit = qint64(m_options.api.maximumBodyBytes) * 16;
    const RequestGuard::Limits limits {hardBodyLimit, std::clamp<qint64>(m_options.spoolFromBytes, 0, hardBodyLimit)};
    const QString directory = m_options.uploadDirectory.isEmpty() ? QFileInfo(m_store.database().path()).absolutePath()
                                                                  : m_options.uploadDirectory;
    auto takeOver
        = [this, directory](QTcpSocket *socket, QTimer *idle, const QByteArray &header, const QByteArray &bodyStart) {
              auto *upload = new RemittanceUpload(socket, idle, m_api, directory);
              upload->start(header, bodyStart);
          };
    auto *tcp = new GuardedTcpServer(m_options.idleTimeout, limits, takeOver, this);
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
    apiRequest.clientAddress = socket->peerAddress().toString();

    if (WorkQueueApi::isSignIn(apiRequest)) {
        signIn(apiRequest, socket, timer);
        return true;
    }
    const ApiResponse response = m_api.handle(apiRequest);
    writeAnswer(socket, response, apiRequest.correlationId);
    logRequest(apiRequest.method, response, timer.nsecsElapsed(), apiRequest.correlationId);
    return true;
}

void GatewayServer::signIn(const ApiRequest &request, QTcpSocket *socket, QElapsedTimer timer)
{
    // Not the request itself: its body holds the password.
    auto answer = [method = request.method, correlationId = request.correlationId, timer](QTcpSocket *connection,
                                                                                          const ApiResponse &response) {
        if (connection && connection->isOpen()) { // else the client left while its password was checked
            connection->setProperty(signInUnderWay, false);
            writeAnswer(connection, response, correlationId);
        }
        logRequest(method, response, timer.nsecsElapsed(), correlationId);
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
        answer(socket, m_api.signInBusy(request));
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
