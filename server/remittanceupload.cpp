// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/remittanceupload.h"

#include "server/gatewayserver.h"

#include <QDir>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrl>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

namespace {

constexpr qint64 chunkBytes = 1 << 20;
constexpr std::chrono::seconds lingering {2};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 422:
        return "Unprocessable Content";
    case 503:
        return "Service Unavailable";
    case 507:
        return "Insufficient Storage";
    default:
        return status < 500 ? "Client Error" : "Server Error";
    }
}

} // namespace

RemittanceUpload::RemittanceUpload(QTcpSocket *socket, QTimer *idle, WorkQueueApi &api, QString directory)
    : QObject(socket)
    , m_socket(socket)
    , m_idle(idle)
    , m_api(api)
    , m_directory(std::move(directory))
{
    m_timer.start();
}

RemittanceUpload::~RemittanceUpload() = default; // m_file removes the spooled body

void RemittanceUpload::start(const QByteArray &header, const QByteArray &bodyStart)
{
    connect(m_socket, &QTcpSocket::disconnected, this, &RemittanceUpload::clientGone);
    const std::optional<qint64> length = parse(header);
    if (!length)
        return; // answered
    m_remaining = *length;
    if (const std::optional<ApiResponse> refusal = m_api.refuseUpload(m_request, *length)) {
        answer(*refusal);
        return;
    }
    // Open the file before inviting the body, so that a full disk is said before it comes.
    m_file = std::make_unique<QTemporaryFile>(QDir(m_directory).filePath(u"rcm-upload-XXXXXX.part"_s));
    if (!m_file->open()) { // QTemporaryFile creates it owner-only (0600)
        storageFailed();
        return;
    }
    if (bodyStart.isEmpty() && m_request.headers.value("expect").toLower() == "100-continue")
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_socket->setReadBufferSize(chunkBytes); // the kernel holds the rest back, not our memory
    connect(m_socket, &QTcpSocket::readyRead, this, &RemittanceUpload::readBody);
    if (!spool(bodyStart.left(m_remaining)))
        return;
    readBody();
}

std::optional<qint64> RemittanceUpload::parse(const QByteArray &header)
{
    const QList<QByteArray> lines = header.trimmed().split('\n');
    const QList<QByteArray> requestLine = lines.constFirst().trimmed().split(' ');
    bool lengthsDiffer = false;
    for (qsizetype index = 1; index < lines.size(); ++index) {
        const QByteArray &line = lines.at(index);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length" && m_request.headers.contains(name))
            lengthsDiffer |= m_request.headers.value(name) != value;
        m_request.headers.insert(name, value);
    }
    m_request.correlationId = correlationIdFor(m_request.headers.value("x-correlation-id"));
    if (requestLine.size() == 3) {
        const QUrl target = QUrl::fromEncoded(requestLine.at(1));
        m_request.method = requestLine.at(0).toUpper();
        m_request.path = target.path();
        m_request.query = QUrlQuery(target);
    }
    if (m_request.headers.contains("transfer-encoding")) {
        refuse(411, u"length-required"_s, u"Content-Length required"_s,
               u"Send the 835 file with a Content-Length; chunked uploads are not accepted"_s);
        return std::nullopt;
    }
    bool ok = false;
    const qint64 length = m_request.headers.value("content-length", "0").toLongLong(&ok);
    if (!ok || length < 0 || requestLine.size() != 3 || m_request.method.isEmpty() || lengthsDiffer) {
        refuse(400, u"malformed-request"_s, u"Malformed request"_s, u"The request line or Content-Length is invalid"_s);
        return std::nullopt;
    }
    return length;
}

void RemittanceUpload::readBody()
{
    while (m_file && m_remaining > 0 && m_socket->bytesAvailable() > 0) {
        if (!spool(m_socket->read(std::min(m_remaining, chunkBytes))))
            return;
    }
    if (m_file && m_remaining == 0)
        post();
}

bool RemittanceUpload::spool(const QByteArray &bytes)
{
    if (m_file->write(bytes) == bytes.size()) {
        m_remaining -= bytes.size();
        return true;
    }
    storageFailed();
    return false;
}

void RemittanceUpload::storageFailed()
{
    const bool full = m_file->error() == QFileDevice::ResourceError; // ENOSPC
    qCWarning(lcGateway).noquote() << "Cannot spool an upload:" << m_file->errorString()
                                   << u"correlation="_s + m_request.correlationId;
    m_file.reset();
    refuse(full ? 507 : 500, u"upload-storage"_s, u"Cannot store the upload"_s,
           full ? u"The gateway's disk is full; nothing was posted. Try again later."_s
                : u"The gateway could not store the file; nothing was posted. Try again later."_s);
}

void RemittanceUpload::post()
{
    disconnect(m_socket, &QTcpSocket::readyRead, this, &RemittanceUpload::readBody);
    if (!m_file->flush()) {
        storageFailed();
        return;
    }
    m_file->seek(0);
    m_request.bodyFile = m_file.get();
    // Posting a large file takes a while; the client waiting meanwhile is not idle.
    m_idle->stop();
    const ApiResponse response = m_api.handle(m_request);
    m_request.bodyFile = nullptr;
    m_file.reset();
    answer(response);
}

void RemittanceUpload::refuse(int status, const QString &type, const QString &title, const QString &detail)
{
    ApiResponse response;
    response.status = status;
    response.contentType = "application/problem+json";
    response.body = QJsonDocument(problem(status, type, title, detail).toJson(m_request.correlationId))
                        .toJson(QJsonDocument::Compact);
    response.route = u"/v1/remittances"_s;
    answer(response);
}

void RemittanceUpload::answer(const ApiResponse &response)
{
    m_answered = true;
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "X-Correlation-Id: " + m_request.correlationId.toLatin1() + "\r\n";
    head += "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n\r\n"; // the connection is not kept alive after an upload
    m_socket->write(head + response.body);
    logRequest(m_request.method.isEmpty() ? QByteArray("?") : m_request.method, response, m_timer.nsecsElapsed(),
               m_request.correlationId);
    m_idle->start();
    if (m_remaining == 0 && m_socket->bytesAvailable() == 0) {
        m_socket->disconnectFromHost();
        return;
    }
    // The client may still be sending (a refused body, or a request behind this one):
    // closing with its bytes unread would reset the connection and could lose the answer.
    // So stop writing once the answer is out, and let what comes in go by for a moment.
    connect(m_socket, &QTcpSocket::readyRead, this, [this]() { m_socket->skip(m_socket->bytesAvailable()); });
    m_socket->skip(m_socket->bytesAvailable());
#ifdef Q_OS_UNIX
    auto shutDownWriting = [this]() {
        if (m_socket->bytesToWrite() == 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    };
    connect(m_socket, &QTcpSocket::bytesWritten, this, shutDownWriting);
    m_socket->flush();
    shutDownWriting();
#endif
    QTimer::singleShot(lingering, m_socket, &QTcpSocket::abort);
}

void RemittanceUpload::clientGone()
{
    if (m_answered)
        return;
    m_answered = true;
    m_file.reset();
    qCInfo(lcGateway).noquote() << "An upload ended before its last byte; nothing was posted"
                                << u"correlation="_s + m_request.correlationId;
}

} // namespace rcm::server
