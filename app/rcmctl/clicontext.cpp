// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/clicontext.h"

#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "app/rcmctl/tokenstore.h"
#include "services/api/session.h"
#include "services/api/transportpolicy.h"
#include "services/store/cacheschema.h"

#include <QCryptographicHash>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

QString defaultCachePath()
{
    // The workbench's own cache, so that rcmctl and the desktop share one.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/RCM Workbench/rcm-workbench/cache.db"_s;
}

} // namespace

CliContext::CliContext()
    : out(stdout)
    , err(stderr)
    , m_serverOption(u"server"_s, u"The gateway's URL (default: the last one used, else http://127.0.0.1:8080)."_s,
                     u"URL"_s)
    , m_userOption(u"user"_s, u"The user name (default: the last one used)."_s, u"NAME"_s)
    , m_passwordOption(u"password-stdin"_s, u"Read the password from standard input and sign in."_s)
    , m_cacheOption(u"cache"_s, u"The local cache file (default: the workbench's)."_s, u"FILE"_s)
    , m_jsonOption(u"json"_s, u"Print JSON for scripts."_s)
    , m_caFileOption(u"ca-file"_s,
                     u"PEM file of the CA that issued the gateway's certificate, trusted beside the system's "
                     "(default: $RCM_CA_FILE)."_s,
                     u"FILE"_s)
{ }

std::optional<int> CliContext::parse(QCommandLineParser &parser, const QStringList &arguments, bool withJson)
{
    parser.addHelpOption();
    parser.addOptions({m_serverOption, m_userOption, m_passwordOption, m_cacheOption, m_caFileOption});
    m_withJson = withJson;
    if (withJson)
        parser.addOption(m_jsonOption);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n";
        return UsageError;
    }
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText();
        return Success;
    }

    const QSettings settings;
    m_server = parser.isSet(m_serverOption) ? parser.value(m_serverOption)
                                            : settings.value(u"server"_s, u"http://127.0.0.1:8080"_s).toString();
    while (m_server.endsWith(u'/'))
        m_server.chop(1);
    if (!m_server.endsWith(u"/v1"_s))
        m_server += u"/v1"_s;
    const QUrl url(m_server);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)) {
        err << "rcmctl: --server must be an http or https URL\n";
        return UsageError;
    }
    if (const QString reason = api::insecureServerReason(url); !reason.isEmpty()) {
        err << "rcmctl: " << reason << "\n";
        return UsageError;
    }
    const QString caFile
        = parser.isSet(m_caFileOption) ? parser.value(m_caFileOption) : qEnvironmentVariable("RCM_CA_FILE");
    if (!caFile.isEmpty()) {
        QString error;
        const std::optional<QList<QSslCertificate>> certificates = api::readCaFile(caFile, &error);
        if (!certificates) {
            err << "rcmctl: " << error << "\n";
            return UsageError;
        }
        m_caCertificates = *certificates;
    }
    m_user = parser.isSet(m_userOption) ? parser.value(m_userOption) : settings.value(u"user"_s).toString();
    m_cachePath = parser.isSet(m_cacheOption) ? parser.value(m_cacheOption) : defaultCachePath();
    m_json = m_withJson && parser.isSet(m_jsonOption);
    if (parser.isSet(m_passwordOption)) {
        QTextStream in(stdin);
        m_password = in.readLine();
        if (m_password.isEmpty()) {
            err << "rcmctl: --password-stdin read no password\n";
            return UsageError;
        }
    }
    return std::nullopt;
}

bool CliContext::openCache()
{
    if (m_cache.isOpen())
        return true;
    if (const store::StoreError error = m_cache.open(m_cachePath, store::workbenchCacheSchema())) {
        err << "rcmctl: " << error.message() << "\n";
        return false;
    }
    return true;
}

api::ApiError CliContext::signIn()
{
    api::ApiError result;
    waitUntilDone([&](const std::function<void()> &finished) {
        m_session->signIn(m_user, m_password, m_session.get(), [&result, finished](const api::ApiError &error) {
            result = error;
            finished();
        });
    });
    if (result)
        err << "rcmctl: sign-in failed: " << result.message() << "\n";
    else // a token from the keyring later says only the name: the id is kept for it
        QSettings().setValue(userIdKey(), m_session->user().id);
    return result;
}

api::Session *CliContext::signedInSession(int *exitCode)
{
    if (m_session)
        return m_session.get();
    if (m_user.isEmpty()) {
        err << "rcmctl: give --user NAME (and --password-stdin), or run 'rcmctl login' first\n";
        *exitCode = UsageError;
        return nullptr;
    }
    // The client in a thread of its own, as the workbench's: a sync reads and parses the
    // next page there while this thread writes the one before.
    m_session = std::make_unique<api::Session>(QUrl(m_server), api::Session::ClientThread::Own);
    m_session->client().setCaCertificates(m_caCertificates);
    if (!m_password.isEmpty()) {
        if (const api::ApiError error = signIn()) {
            // Refused (wrong password, or locked out after too many): not a network problem.
            const bool refused = error.kind == api::ApiError::Kind::Unauthorized || error.httpStatus == 429;
            *exitCode = refused ? Failure : exitCodeFor(error);
            m_session.reset();
            return nullptr;
        }
        m_session->keepPasswordForThisRun(m_password);
        rememberServerAndUser();
        return m_session.get();
    }
    const QString token = TokenStore::load(m_server, m_user);
    if (token.isEmpty()) {
        err << "rcmctl: not signed in: run 'rcmctl login', or pass --password-stdin\n";
        *exitCode = UsageError;
        m_session.reset();
        return nullptr;
    }
    m_session->adoptToken(m_user, token, rememberedUserId());
    return m_session.get();
}

QString CliContext::userIdKey() const
{
    // One per server and user name; hashed, as a URL's slashes would make QSettings groups.
    const QByteArray hash = QCryptographicHash::hash((m_server + u'\n' + m_user).toUtf8(), QCryptographicHash::Sha256);
    return u"userIds/"_s + QString::fromLatin1(hash.toHex());
}

QString CliContext::rememberedUserId() const
{
    return QSettings().value(userIdKey()).toString();
}

std::optional<models::OutboxAuthor> CliContext::author(int *exitCode)
{
    if (m_user.isEmpty()) {
        err << "rcmctl: give --user NAME (and --password-stdin), or run 'rcmctl login' first\n";
        *exitCode = UsageError;
        return std::nullopt;
    }
    QString id;
    if (!m_password.isEmpty()) {
        // The gateway's word for who this is; offline, the id remembered from before.
        int signInExit = Success;
        if (api::Session *session = signedInSession(&signInExit))
            id = session->user().id;
        else if (signInExit != NetworkError) {
            *exitCode = signInExit;
            return std::nullopt;
        }
    }
    if (id.isEmpty())
        id = rememberedUserId();
    if (id.isEmpty()) {
        err << "rcmctl: which user " << m_user << " is on " << m_server
            << " is not known here yet: sign in once with 'rcmctl login' or --password-stdin\n";
        *exitCode = UsageError;
        return std::nullopt;
    }
    return models::OutboxAuthor {id, QUrl(m_server).toString()};
}

void CliContext::reportExpiredSession()
{
    err << "rcmctl: the saved session has expired or was signed out: run 'rcmctl login' again, or pass "
           "--password-stdin\n";
}

void CliContext::rememberServerAndUser()
{
    QSettings settings;
    settings.setValue(u"server"_s, m_server);
    settings.setValue(u"user"_s, m_user);
}

int CliContext::exitCodeFor(const api::ApiError &error)
{
    switch (error.kind) {
    case api::ApiError::Kind::None:
        return Success;
    case api::ApiError::Kind::Network:
    case api::ApiError::Kind::Timeout:
    case api::ApiError::Kind::Server:
    case api::ApiError::Kind::BadReply:
        return NetworkError;
    case api::ApiError::Kind::Unauthorized:
    case api::ApiError::Kind::Refused:
    case api::ApiError::Kind::Insecure:
        return Failure;
    }
    return Failure;
}

} // namespace rcm::cli
