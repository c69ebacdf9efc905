// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/session.h"

#include "services/api/requests.h"

#include <QPointer>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

namespace {

/// Watches the object a completion is for, so it is not called once the object is gone.
QPointer<QObject> watch(const QObject *context)
{
    return QPointer<QObject>(const_cast<QObject *>(context));
}

/// Runs call in context's thread, unless context is gone by then.
void callIn(const QPointer<QObject> &context, std::function<void()> call)
{
    if (context)
        QMetaObject::invokeMethod(context.data(), std::move(call));
}

} // namespace

Session::Session(QUrl server, ClientThread clientThread, ApiClientOptions options, QObject *parent)
    : QObject(parent)
    , m_client(new ApiClient(std::move(server), options))
{
    if (clientThread == ClientThread::Own) {
        m_networkThread.setObjectName(u"network"_s);
        m_client->moveToThread(&m_networkThread);
        connect(&m_networkThread, &QThread::finished, m_client, &QObject::deleteLater);
        m_networkThread.start();
    }
}

Session::~Session()
{
    if (m_networkThread.isRunning()) {
        m_networkThread.quit();
        m_networkThread.wait();
    } else {
        delete m_client;
    }
}

void Session::signIn(const QString &username, const QString &password, const QObject *context, ApiCompletion done)
{
    auto request = std::make_shared<SignInRequest>(username, password);
    m_client->send(request, this, [this, request, username, context = watch(context), done](const ApiError &error) {
        if (!error) {
            m_client->setToken(request->token);
            m_user = request->user;
            m_username = username;
            Q_EMIT signedIn();
        }
        callIn(context, [done, error]() { done(error); });
    });
}

void Session::setServer(const QUrl &server)
{
    if (server == m_client->baseUrl())
        return;
    if (isSignedIn())
        signOut();
    m_client->setBaseUrl(server);
}

void Session::adoptToken(const QString &username, const QString &token, const QString &userId)
{
    m_username = username;
    m_user = models::User {};
    m_user.username = username;
    m_user.id = userId;
    m_client->setToken(token);
}

void Session::signOut()
{
    m_client->setToken(QString());
    m_user = models::User {};
    m_username.clear();
    Q_EMIT signedOut();
}

void Session::signOut(const QObject *context, ApiCompletion done)
{
    if (!isSignedIn()) {
        callIn(watch(context), [done]() { done({}); });
        return;
    }
    // Forgotten here first: someone signing in while the gateway answers keeps their token.
    const QString token = m_client->token();
    signOut();
    ApiClientOptions options = m_client->options();
    options.timeout = std::min(options.timeout, std::chrono::milliseconds(10'000));
    options.maximumAttempts = std::min(options.maximumAttempts, 2);
    m_client->send(
        std::make_shared<SignOutRequest>(token), options, this,
        [context = watch(context), done](const ApiError &error) { callIn(context, [done, error]() { done(error); }); });
}

void Session::fetchPolicy(const QObject *context,
                          std::function<void(const ApiError &error, const GatewayPolicy &policy)> done)
{
    auto request = std::make_shared<PolicyRequest>();
    m_client->send(request, context, [request, done](const ApiError &error) { done(error, request->policy); });
}

void Session::renewSignIn(const QObject *context, std::function<void(bool renewed)> done)
{
    auto report = [context = watch(context), done](bool renewed) {
        callIn(context, [done, renewed]() { done(renewed); });
    };
    QMetaObject::invokeMethod(this, [this, report]() {
        if (m_password.isEmpty() || m_username.isEmpty()) {
            m_client->setToken(QString());
            Q_EMIT signInRequired();
            report(false);
            return;
        }
        signIn(m_username, m_password, this, [report](const ApiError &error) { report(!error); });
    });
}

} // namespace rcm::api
