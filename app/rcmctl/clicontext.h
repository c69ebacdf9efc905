// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/outboxentry.h"
#include "services/api/session.h"
#include "services/store/database.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>

#include <memory>
#include <optional>

namespace rcm::cli {

/// What the networked commands share: --server, --user, --password-stdin, --cache,
/// --ca-file, --json; the cache; a signed-in API client. The token comes from signing in with a
/// password read from stdin, or from the keyring where `rcmctl login` left it; it is never
/// written to disk in plain text.
class CliContext final
{
public:
    CliContext();
    Q_DISABLE_COPY_MOVE(CliContext)

    /// Adds --help and the shared options, parses, answers --help and reads the shared
    /// options; returns an exit code when the command should stop there.
    std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments, bool withJson);

    bool json() const { return m_json; }
    const QString &serverUrl() const { return m_server; }
    const QString &username() const { return m_user; }

    /// Opens the cache (creating it if needed); reports and returns false on failure.
    bool openCache();
    store::Database &cache() { return m_cache; }

    /// The session, signed in (with the password from stdin, or the keyring's token); on
    /// failure says why and sets exitCode. With a password, a 401 mid-run signs in again.
    api::Session *signedInSession(int *exitCode);
    /// Who queues an action and for which gateway: the user's id as the gateway said it at
    /// a sign-in (this run's, with --password-stdin, else the last one remembered here).
    /// On failure says why and sets exitCode.
    std::optional<models::OutboxAuthor> author(int *exitCode);
    /// What to tell the user when the session expired and no password was given.
    void reportExpiredSession();

    /// Remembers the server and user for the next commands (not secret; QSettings). Every
    /// command calls it once it has a client, so the next command without --server and
    /// --user goes where the last one went.
    void rememberServerAndUser();
    static int exitCodeFor(const api::ApiError &error);

    QTextStream out;
    QTextStream err;

private:
    api::ApiError signIn();
    /// The user's id on the server, remembered (not secret; QSettings) from the last sign-in.
    QString rememberedUserId() const;
    QString userIdKey() const;

    QCommandLineOption m_serverOption;
    QCommandLineOption m_userOption;
    QCommandLineOption m_passwordOption;
    QCommandLineOption m_cacheOption;
    QCommandLineOption m_jsonOption;
    QCommandLineOption m_caFileOption;
    QString m_server;
    QList<QSslCertificate> m_caCertificates; ///< --ca-file or RCM_CA_FILE: trusted beside the system's
    QString m_user;
    QString m_password; ///< from stdin, in memory for this run only
    QString m_cachePath;
    bool m_json = false;
    bool m_withJson = false;
    store::Database m_cache;
    std::unique_ptr<api::Session> m_session;
};

} // namespace rcm::cli
