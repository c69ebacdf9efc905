// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/workqueueapi.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>

#include <memory>

class QTcpSocket;
class QTemporaryFile;
class QTimer;

namespace rcm::server {

class RequestGuard;

/// One 835 upload (POST /v1/remittances) taken off Qt's HTTP layer, which would keep the
/// whole body in memory. The sign-in, role and size are judged from the headers before
/// any of the body is read (and before "100 Continue" is sent); the body is spooled to an
/// owner-only temporary file in directory, then the request goes through WorkQueueApi
/// like any other and the answer is written on the socket, which closes after it. A
/// client gone before the last byte posts nothing; the file is removed whatever happens.
class RemittanceUpload final : public QObject
{
    Q_OBJECT

public:
    /// A child of socket: it goes when the connection goes.
    /// guard times the body (it must come at the minimum rate); trustedProxies tell whose
    /// X-Forwarded-For names the client.
    RemittanceUpload(QTcpSocket *socket, QTimer *idle, RequestGuard *guard, WorkQueueApi &api, QString directory,
                     const QList<QHostAddress> &trustedProxies);
    ~RemittanceUpload() override;

    /// header: the request line and headers up to the blank line; bodyStart: whatever
    /// was read after them.
    void start(const QByteArray &header, const QByteArray &bodyStart);

private:
    std::optional<qint64> parse(const QByteArray &header);
    void readBody();
    bool spool(const QByteArray &bytes);
    void storageFailed();
    void post();
    void refuse(int status, const QString &type, const QString &title, const QString &detail);
    void answer(const ApiResponse &response);
    void clientGone();

    QTcpSocket *m_socket;
    QTimer *m_idle;
    RequestGuard *m_guard;
    WorkQueueApi &m_api;
    QString m_directory;
    QList<QHostAddress> m_trustedProxies;
    ApiRequest m_request;
    std::unique_ptr<QTemporaryFile> m_file;
    qint64 m_remaining = -1; ///< body bytes still to come; -1 until known
    QElapsedTimer m_timer;
    bool m_answered = false;
};

} // namespace rcm::server
