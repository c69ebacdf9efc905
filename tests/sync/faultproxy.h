// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

#include <functional>

namespace rcm::testing {

/// An HTTP proxy in front of a real server that misbehaves on demand, for the failures a
/// real server cannot produce when asked: 5xx, an HTML page from a "proxy", a reply cut
/// off mid-body, no reply at all, a page delivered twice.
class FaultProxy final : public QTcpServer
{
    Q_OBJECT

public:
    enum class Fault {
        Pass,
        ServerError, ///< 500 with a problem body
        Unavailable, ///< 503 with Retry-After: 1
        HtmlNotFound, ///< 404 text/html, as a proxy says while the backend is down
        CutMidBody, ///< the real reply, cut off half way
        CutAfterServer, ///< the request reaches the server, the reply is cut off
        NoAnswer, ///< the connection stays silent
        ReplayPrevious, ///< the previous reply to the same path, again
    };

    explicit FaultProxy(QUrl upstream, QObject *parent = nullptr);

    QUrl url() const; ///< .../v1 through the proxy
    /// Decides the fault for each request: (method, path with query, index from 0).
    void setPlan(std::function<Fault(const QByteArray &, const QByteArray &, int)> plan) { m_plan = std::move(plan); }
    int requestCount() const { return m_requests; }

private:
    void serve(class QTcpSocket *client);
    void forward(QTcpSocket *client, const QByteArray &request, const QByteArray &key, Fault fault);

    QUrl m_upstream;
    std::function<Fault(const QByteArray &, const QByteArray &, int)> m_plan;
    QHash<QByteArray, QByteArray> m_previousReplies; ///< path without query -> full reply bytes
    int m_requests = 0;
};

} // namespace rcm::testing
