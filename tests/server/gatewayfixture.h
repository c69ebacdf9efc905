// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/gatewayserver.h"
#include "server/gatewaystore.h"
#include "services/store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace rcm::testing {

/// A real rcm-gateway on 127.0.0.1 and a free port (HTTPS if the options carry TLS), over a temporary database seeded
/// with synthetic items and one sign-in per role (password "demo"), for tests that talk
/// HTTP to it. Server and client share the test's event loop.
class GatewayFixture final
{
public:
    explicit GatewayFixture(qint64 items = 300, server::GatewayServer::Options options = {});
    ~GatewayFixture();
    Q_DISABLE_COPY_MOVE(GatewayFixture)

    bool isReady() const { return m_port != 0; }
    QUrl url(const QString &path) const; ///< path below /v1, e.g. "/work-items"
    server::GatewayStore &store() { return *m_store; }
    store::Database &database() { return m_database; }
    QString databasePath() const;
    QString auditKeyPath() const; ///< audit.key beside the database, as rcm-gateway makes it
    QString checkpointPath() const; ///< audit.checkpoints beside it

private:
    QTemporaryDir m_dir;
    store::Database m_database;
    std::unique_ptr<server::GatewayStore> m_store;
    std::unique_ptr<server::GatewayServer> m_server;
    quint16 m_port = 0;
    QString m_scheme; ///< https when the options carry TLS
};

/// A reply as a test wants it: status, headers, JSON body.
struct HttpReply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const;
};

/// A small synchronous HTTP client over QNetworkAccessManager.
class HttpClient final
{
public:
    explicit HttpClient(QUrl base);

    void setToken(const QString &token) { m_token = token; }
    const QString &token() const { return m_token; }
    /// Signs in and keeps the token; returns false if the server refused.
    bool signIn(const QString &username, const QString &password = QStringLiteral("demo"));

    HttpReply get(const QString &path, const QHash<QByteArray, QByteArray> &headers = {});
    HttpReply post(const QString &path, const QByteArray &body, const QHash<QByteArray, QByteArray> &headers = {});
    HttpReply postJson(const QString &path, const QJsonObject &body, const QHash<QByteArray, QByteArray> &headers = {});
    HttpReply putJson(const QString &path, const QJsonObject &body);
    /// Posts an action with a key and the given version as If-Match.
    HttpReply act(const QString &itemId, const QJsonObject &action, qint64 version, const QString &key);

    QNetworkAccessManager &network() { return *m_network; }
    QNetworkRequest request(const QString &path, const QHash<QByteArray, QByteArray> &headers) const;
    static HttpReply wait(class QNetworkReply *reply);

private:
    QUrl m_base;
    QString m_token;
    std::unique_ptr<QNetworkAccessManager> m_network = std::make_unique<QNetworkAccessManager>();
};

} // namespace rcm::testing
