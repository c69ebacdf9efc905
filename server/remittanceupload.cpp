// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/remittanceupload.h"

#include "server/finalanswer.h"
#include "server/gatewaylistener.h"
#include "server/gatewayserver.h"
#include "server/requestguard.h"

#include <QDir>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

namespace {

constexpr qint64 chunkBytes = 1 << 20;

} // namespace

RemittanceUpload::RemittanceUpload(QTcpSocket *socket, QTimer *idle, RequestGuard *guard, WorkQueueApi &api,
                                   QString directory, const QList<QHostAddress> &trustedProxies)
    : QObject(socket)
    , m_socket(socket)
    , m_idle(idle)
    , m_guard(guard)
    , m_api(api)
    , m_directory(std::move(directory))
    , m_trustedProxies(trustedProxies)
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
    // The guard has refused what is not plainly HTTP/1.1 (a repeated or malformed
    // Content-Length, any Transfer-Encoding) before handing the upload over.
    const RequestHead head = RequestHead::parse(header);
    m_request.headers = head.headers;
    m_request.correlationId = correlationIdFor(m_request.headers.value("x-correlation-id"));
    m_request.clientAddress
        = clientAddressOf(m_socket->peerAddress(), m_request.headers.value("x-forwarded-for"), m_trustedProxies);
    const QUrl target = QUrl::fromEncoded(head.target);
    m_request.method = head.method;
    m_request.path = target.path();
    m_request.query = QUrlQuery(target);
    bool ok = false;
    const qint64 length = m_request.headers.value("content-length", "0").toLongLong(&ok);
    if (!ok || length < 0 || m_request.method.isEmpty()) {
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
        m_guard->countBody(bytes.size());
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
    response.route = m_request.path.isEmpty() ? u"(upload)"_s : m_request.path;
    answer(response);
}

void RemittanceUpload::answer(const ApiResponse &response)
{
    m_answered = true;
    m_guard->finishTakenOver();
    writeFinalAnswer(m_socket, response, m_request.correlationId, m_remaining != 0);
    logRequest(m_request.method.isEmpty() ? QByteArray("?") : m_request.method, response, m_timer.nsecsElapsed(),
               m_request.correlationId, m_request.clientAddress);
    m_idle->start();
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
