// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/finalanswer.h"

#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace rcm::server {

namespace {

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

void writeFinalAnswer(QTcpSocket *socket, const ApiResponse &response, const QString &correlationId,
                      bool clientMayStillSend)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += "X-Correlation-Id: " + correlationId.toLatin1() + "\r\n";
    head += "Cache-Control: no-store\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Connection: close\r\n\r\n"; // the connection is not kept alive after this
    socket->write(head + response.body);
    if (!clientMayStillSend && socket->bytesAvailable() == 0) {
        socket->disconnectFromHost();
        return;
    }
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket]() { socket->skip(socket->bytesAvailable()); });
    socket->skip(socket->bytesAvailable());
#ifdef Q_OS_UNIX
    // A TLS socket shuts down its writing with a close_notify of its own; a plain one here.
    if (!qobject_cast<QSslSocket *>(socket)) {
        auto shutDownWriting = [socket]() {
            if (socket->bytesToWrite() == 0)
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        };
        QObject::connect(socket, &QTcpSocket::bytesWritten, socket, shutDownWriting);
        socket->flush();
        shutDownWriting();
    }
#endif
    QTimer::singleShot(lingering, socket, &QTcpSocket::abort);
}

} // namespace rcm::server
