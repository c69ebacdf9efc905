// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/user.h"
#include "services/api/apiclient.h"
#include "services/api/requests.h"

#include <QObject>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

namespace rcm::api {

/// The person signed in to one gateway: the server, the one ApiClient every part of the
/// workbench or rcmctl sends through, the token and the user. Lives in the thread that
/// made it (the window's); its client may live in a thread of its own so that reading
/// large answers never holds up the window.
class Session final : public QObject
{
    Q_OBJECT

public:
    enum class ClientThread {
        Caller, ///< the client lives in this thread (tests)
        Own, ///< the client gets a network thread of its own (the workbench, rcmctl)
    };

    explicit Session(QUrl server, ClientThread clientThread = ClientThread::Caller, ApiClientOptions options = {},
                     QObject *parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    QUrl server() const { return m_client->baseUrl(); }
    /// Points the session at another gateway; signs out if it was signed in elsewhere.
    void setServer(const QUrl &server);
    ApiClient &client() { return *m_client; }

    bool isSignedIn() const { return !m_client->token().isEmpty(); }
    const models::User &user() const { return m_user; }
    const QString &username() const { return m_username; }

    /// Signs in; on success keeps the token (never the password) and the user, emits
    /// signedIn, then calls done in context's thread.
    void signIn(const QString &username, const QString &password, const QObject *context, ApiCompletion done);
    /// Takes a token kept from an earlier sign-in (rcmctl's keyring); the user is known by
    /// name and, when the caller remembers it from that sign-in, id only.
    void adoptToken(const QString &username, const QString &token, const QString &userId = {});
    /// Forgets the token and the user.
    void signOut();
    /// Ends the session on the gateway (DELETE /v1/session), then forgets the token and
    /// the user whatever the gateway said: done gets the gateway's error, if any (the
    /// session then ends at its expiry). Tries once more at most, and not for long.
    void signOut(const QObject *context, ApiCompletion done);
    /// Asks the gateway for its workstation policy (GET /v1/policy; no sign-in needed).
    void fetchPolicy(const QObject *context,
                     std::function<void(const ApiError &error, const GatewayPolicy &policy)> done);

    /// For one rcmctl run only: the password read from stdin, to sign in again with when
    /// a request meets 401. The workbench never keeps a password.
    void keepPasswordForThisRun(const QString &password) { m_password = password; }

    /// A request met 401. With a password kept for this run, signs in again and calls
    /// done(true) once it has; otherwise forgets the token, emits signInRequired (the
    /// workbench asks the person; the outbox keeps their work) and calls done(false).
    /// Callable from any thread; done runs in context's thread.
    void renewSignIn(const QObject *context, std::function<void(bool renewed)> done);

Q_SIGNALS:
    void signedIn();
    void signedOut();
    /// The session expired and no password is kept: someone must sign in again.
    void signInRequired();

private:
    QThread m_networkThread;
    ApiClient *m_client = nullptr; ///< deleted in m_networkThread when it has one
    models::User m_user;
    QString m_username;
    QString m_password;
};

} // namespace rcm::api
