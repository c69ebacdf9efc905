// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/server/gatewayfixture.h"

#include "server/demodata.h"
#include "server/gatewayschema.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>

using namespace Qt::Literals::StringLiterals;

namespace rcm::testing {

GatewayFixture::GatewayFixture(qint64 items, server::GatewayServer::Options options)
{
    if (!m_dir.isValid() || m_database.open(databasePath(), server::gatewaySchema()))
        return;
    m_store = std::make_unique<server::GatewayStore>(m_database);
    // The key a gateway creates on first start, in the same place.
    m_store->setAuditKey(server::AuditKey::load(auditKeyPath(), server::AuditKey::Creation::CreateIfMissing, nullptr));
    m_store->setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // as rcm-gateway --demo
    // Few PBKDF2 iterations: the tests sign in often; the cost is the product's, not theirs.
    if (server::seedDemoData(*m_store, items, 5, 1000))
        return;
    m_server = std::make_unique<server::GatewayServer>(*m_store, options);
    m_scheme = options.tls ? u"https"_s : u"http"_s;
    m_port = m_server->listenOn(QHostAddress::LocalHost, 0);
}

GatewayFixture::~GatewayFixture()
{
    m_server.reset();
    m_store.reset();
    m_database.close();
}

QString GatewayFixture::databasePath() const
{
    return m_dir.filePath(u"gateway.db"_s);
}

QString GatewayFixture::auditKeyPath() const
{
    return server::AuditKey::defaultPath(databasePath());
}

QString GatewayFixture::checkpointPath() const
{
    return server::AuditCheckpointFile::defaultPath(databasePath());
}

QUrl GatewayFixture::url(const QString &path) const
{
    return QUrl(u"%1://127.0.0.1:%2/v1%3"_s.arg(m_scheme).arg(m_port).arg(path));
}

QJsonArray HttpReply::jsonArray() const
{
    return QJsonDocument::fromJson(body).array();
}

HttpClient::HttpClient(QUrl base)
    : m_base(std::move(base))
{ }

QNetworkRequest HttpClient::request(const QString &path, const QHash<QByteArray, QByteArray> &headers) const
{
    QNetworkRequest request(QUrl(m_base.toString() + path));
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    for (auto it = headers.begin(); it != headers.end(); ++it)
        request.setRawHeader(it.key(), it.value());
    request.setTransferTimeout(20000);
    return request;
}

HttpReply HttpClient::wait(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

bool HttpClient::signIn(const QString &username, const QString &password)
{
    const HttpReply reply = postJson(u"/session"_s, {{u"username"_s, username}, {u"password"_s, password}});
    if (reply.status != 200)
        return false;
    m_token = reply.json().value(u"token"_s).toString();
    return !m_token.isEmpty();
}

HttpReply HttpClient::get(const QString &path, const QHash<QByteArray, QByteArray> &headers)
{
    return wait(m_network->get(request(path, headers)));
}

HttpReply HttpClient::post(const QString &path, const QByteArray &body, const QHash<QByteArray, QByteArray> &headers)
{
    return wait(m_network->post(request(path, headers), body));
}

HttpReply HttpClient::putJson(const QString &path, const QJsonObject &body)
{
    return wait(m_network->put(request(path, {{"Content-Type", "application/json"}}),
                               QJsonDocument(body).toJson(QJsonDocument::Compact)));
}

HttpReply HttpClient::postJson(const QString &path, const QJsonObject &body,
                               const QHash<QByteArray, QByteArray> &headers)
{
    QHash<QByteArray, QByteArray> all = headers;
    all.insert("Content-Type", "application/json");
    return post(path, QJsonDocument(body).toJson(QJsonDocument::Compact), all);
}

HttpReply HttpClient::act(const QString &itemId, const QJsonObject &action, qint64 version, const QString &key)
{
    return postJson(u"/work-items/%1/actions"_s.arg(itemId), action,
                    {{"Idempotency-Key", key.toLatin1()}, {"If-Match", '"' + QByteArray::number(version) + '"'}});
}

} // namespace rcm::testing
