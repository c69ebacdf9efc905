// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/sync/faultproxy.h"

#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace rcm::testing {

namespace {

/// The length of a complete HTTP message at the start of buffer, or -1 if incomplete.
qsizetype completeMessageLength(const QByteArray &buffer)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return -1;
    qsizetype contentLength = 0;
    for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            contentLength = line.mid(15).trimmed().toLongLong();
    }
    const qsizetype total = headerEnd + 4 + contentLength;
    return buffer.size() >= total ? total : -1;
}

QByteArray withConnectionClose(QByteArray message)
{
    const qsizetype headerEnd = message.indexOf("\r\n\r\n");
    message.insert(headerEnd, "\r\nConnection: close");
    return message;
}

void reply(QTcpSocket *client, const QByteArray &bytes)
{
    client->write(bytes);
    client->disconnectFromHost();
}

QByteArray response(int status, const QByteArray &reason, const QByteArray &type, const QByteArray &body,
                    const QByteArray &extra = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + type
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extra + "\r\n"
        + body;
}

} // namespace

FaultProxy::FaultProxy(QUrl upstream, QObject *parent)
    : QTcpServer(parent)
    , m_upstream(std::move(upstream))
{
    listen(QHostAddress::LocalHost, 0);
    connect(this, &QTcpServer::newConnection, this, [this]() {
        while (QTcpSocket *client = nextPendingConnection())
            serve(client);
    });
}

QUrl FaultProxy::url() const
{
    return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(serverPort()));
}

void FaultProxy::serve(QTcpSocket *client)
{
    connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    connect(client, &QTcpSocket::readyRead, client, [this, client]() {
        QByteArray buffer = client->property("buffer").toByteArray() + client->readAll();
        const qsizetype length = completeMessageLength(buffer);
        if (length < 0) {
            client->setProperty("buffer", buffer);
            return;
        }
        client->setProperty("buffer", QByteArray());
        const QByteArray request = buffer.left(length);
        const QList<QByteArray> requestLine = request.left(request.indexOf("\r\n")).split(' ');
        const QByteArray method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        const Fault fault = m_plan ? m_plan(method, target, m_requests) : Fault::Pass;
        ++m_requests;
        const QByteArray problem = R"({"type":"https://rcm-workbench.example/problems/injected","title":"Injected",)"
                                   R"("status":500,"correlationId":"proxy-00000001"})";
        switch (fault) {
        case Fault::ServerError:
            return reply(client, response(500, "Internal Server Error", "application/problem+json", problem));
        case Fault::Unavailable:
            return reply(
                client,
                response(503, "Service Unavailable", "application/problem+json", problem, "Retry-After: 1\r\n"));
        case Fault::HtmlNotFound:
            return reply(
                client,
                response(404, "Not Found", "text/html", "<html><body><h1>404 Not Found</h1>nginx</body></html>"));
        case Fault::NoAnswer:
            return; // silence until the client gives up
        default:
            return forward(client, request, method + ' ' + target.split('?').constFirst(), fault);
        }
    });
}

void FaultProxy::forward(QTcpSocket *client, const QByteArray &request, const QByteArray &key, Fault fault)
{
    if (fault == Fault::ReplayPrevious && m_previousReplies.contains(key))
        return reply(client, m_previousReplies.value(key));
    auto *upstream = new QTcpSocket(client);
    connect(upstream, &QTcpSocket::connected, upstream, [upstream, request]() { upstream->write(request); });
    connect(upstream, &QTcpSocket::readyRead, upstream, [this, client, upstream, key, fault]() {
        QByteArray buffer = upstream->property("buffer").toByteArray() + upstream->readAll();
        const qsizetype length = completeMessageLength(buffer);
        if (length < 0) {
            upstream->setProperty("buffer", buffer);
            return;
        }
        const QByteArray message = withConnectionClose(buffer.left(length));
        upstream->disconnectFromHost();
        if (fault == Fault::CutMidBody || fault == Fault::CutAfterServer) {
            client->write(
                message.left(message.indexOf("\r\n\r\n") + 4 + (message.size() - message.indexOf("\r\n\r\n")) / 2));
            client->flush();
            client->abort();
            return;
        }
        m_previousReplies.insert(key, message);
        reply(client, message);
    });
    upstream->connectToHost(QHostAddress::LocalHost, quint16(m_upstream.port()));
}

} // namespace rcm::testing
