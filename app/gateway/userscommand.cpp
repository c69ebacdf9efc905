// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/gateway/userscommand.h"

#include "server/auditkey.h"
#include "server/gatewayschema.h"
#include "server/gatewaystore.h"
#include "server/useradministration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace rcm::gateway {

namespace {

using server::UserAccount;
using server::UserAdministration;

enum ExitCode : int { Success = 0, Failure = 1, UsageError = 2 };

const QString usage = u"Usage: rcm-gateway users COMMAND [--data DIR] [--audit-key FILE]\n"
                      "  add NAME --role ROLE [--display-name TEXT]   add a user; the password is read from stdin\n"
                      "  passwd NAME                                  set a new password (ends the user's sessions)\n"
                      "  deactivate NAME                              stop a user signing in (ends their sessions)\n"
                      "  list                                         the accounts, without passwords\n"
                      "  roles                                        what each role may do\n"
                      "  break-glass enable --minutes N [--reason TEXT]\n"
                      "                                               the emergency supervisor account, for N minutes\n"
                      "  break-glass disable                          end it now\n"_s;

/// The actor every change from the command line is audited under, and who ran it.
constexpr auto cliActor = "rcm-gateway-cli";

QString operatingSystemUser()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? qEnvironmentVariable("USERNAME") : user;
}

/// One line of standard input without its line end; nothing when input ended first.
std::optional<QString> readLine()
{
    QByteArray line;
    int character = 0;
    while ((character = std::getchar()) != EOF && character != '\n')
        line.append(char(character));
    if (character == EOF && line.isEmpty())
        return std::nullopt;
    if (line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

/// Reads a line from the terminal without showing what is typed.
std::optional<QString> readHidden(QTextStream &err, const QString &prompt)
{
    err << prompt;
    err.flush();
#ifdef Q_OS_UNIX
    termios saved {};
    const bool hidden = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hidden) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::optional<QString> line = readLine();
    if (hidden)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
#else
    std::optional<QString> line = readLine();
#endif
    err << "\n";
    err.flush();
    return line;
}

/// The new password: typed twice at a terminal, else one line of standard input.
std::optional<QString> readNewPassword(QTextStream &err, const QString &username)
{
#ifdef Q_OS_UNIX
    const bool interactive = isatty(STDIN_FILENO) == 1;
#else
    const bool interactive = false;
#endif
    if (!interactive) {
        std::optional<QString> password = readLine();
        if (!password || password->isEmpty())
            err << "rcm-gateway users: give the password on standard input (one line)\n";
        return password && !password->isEmpty() ? password : std::nullopt;
    }
    const std::optional<QString> first = readHidden(err, u"New password for %1: "_s.arg(username));
    const std::optional<QString> second = readHidden(err, u"The same password again: "_s);
    if (!first || !second || first->isEmpty()) {
        err << "rcm-gateway users: no password given\n";
        return std::nullopt;
    }
    if (*first != *second) {
        err << "rcm-gateway users: the two passwords differ; nothing was changed\n";
        return std::nullopt;
    }
    return first;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
}

QString emergencyText(const UserAccount &account, const QDateTime &now)
{
    QStringList parts;
    if (account.emergencyRole && account.emergencyUntil > now) {
        parts << u"%1 until %2 (by %3: %4)"_s.arg(QString(models::wireName(*account.emergencyRole)),
                                                  timeText(account.emergencyUntil), account.emergencyGrantedBy,
                                                  account.emergencyReason);
    }
    if (account.expiresAt.isValid())
        parts << (account.expiresAt > now ? u"account expires %1"_s : u"account expired %1"_s)
                     .arg(timeText(account.expiresAt));
    return parts.isEmpty() ? u"-"_s : parts.join(u"; "_s);
}

int list(UserAdministration &administration, server::GatewayStore &gateway, QTextStream &out, QTextStream &err)
{
    store::StoreError error;
    const QList<UserAccount> accounts = administration.accounts(&error);
    if (error) {
        err << "rcm-gateway users list: " << error.message() << "\n";
        return Failure;
    }
    const QStringList header = {u"NAME"_s, u"DISPLAY NAME"_s, u"ROLE"_s, u"ACTIVE"_s, u"DEMO"_s, u"EMERGENCY ACCESS"_s};
    QList<QStringList> rows {header};
    const QDateTime now = gateway.now();
    for (const UserAccount &account : accounts) {
        rows.append({account.user.username, account.user.displayName, QString(models::wireName(account.user.role)),
                     account.user.active ? u"yes"_s : u"no"_s, account.demo ? u"yes"_s : u"no"_s,
                     emergencyText(account, now)});
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column)
            widths[column] = std::max(widths[column], row.at(column).size());
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype column = 0; column < row.size(); ++column)
            line += column + 1 < row.size() ? row.at(column).leftJustified(widths[column] + 2) : row.at(column);
        out << line << "\n";
    }
    return Success;
}

int roles(QTextStream &out)
{
    qsizetype width = 0;
    for (models::Role role : models::allValues<models::Role>())
        width = std::max(width, models::wireName(role).size());
    for (models::Role role : models::allValues<models::Role>())
        out << QString(models::wireName(role)).leftJustified(width + 2) << server::roleSummary(role) << "\n";
    return Success;
}

int refused(QTextStream &err, const QString &command, const UserAdministration::Refusal &refusal)
{
    err << "rcm-gateway users " << command << ": " << refusal.message << "\n";
    return Failure;
}

} // namespace

int runUsersCommand(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption data(u"data"_s, u"Folder of the gateway database."_s, u"DIR"_s);
    const QCommandLineOption role(u"role"_s, u"The user's role (see: users roles)."_s, u"ROLE"_s);
    const QCommandLineOption displayName(u"display-name"_s, u"The name shown to the team."_s, u"TEXT"_s);
    const QCommandLineOption minutes(u"minutes"_s, u"How long the break-glass account works."_s, u"N"_s);
    const QCommandLineOption reason(u"reason"_s, u"Why the break-glass account is needed."_s, u"TEXT"_s);
    const QCommandLineOption auditKey(u"audit-key"_s,
                                      u"The audit chain's key, as given to the gateway (default: audit.key beside the "
                                      "database)."_s,
                                      u"FILE"_s);
    const QCommandLineOption help(u"help"_s);
    parser.addOptions({data, role, displayName, minutes, reason, auditKey, help});
    if (!parser.parse(QStringList {u"rcm-gateway users"_s} + arguments)) {
        err << "rcm-gateway users: " << parser.errorText() << "\n" << usage;
        return UsageError;
    }
    const QStringList words = parser.positionalArguments();
    if (parser.isSet(help) || words.isEmpty()) {
        (words.isEmpty() && !parser.isSet(help) ? err : out) << usage;
        return parser.isSet(help) ? Success : UsageError;
    }
    const QString command = words.constFirst();
    auto usageError = [&](const QString &message) {
        err << "rcm-gateway users " << command << ": " << message << "\n" << usage;
        return int(UsageError);
    };
    const qsizetype expectedWords
        = (command == u"add"_s || command == u"passwd"_s || command == u"deactivate"_s || command == u"break-glass"_s)
        ? 2
        : 1;
    static const QStringList commands
        = {u"add"_s, u"passwd"_s, u"deactivate"_s, u"list"_s, u"roles"_s, u"break-glass"_s};
    if (!commands.contains(command))
        return usageError(u"not a command"_s);
    if (words.size() != expectedWords)
        return usageError(expectedWords == 2 ? u"name one user (or enable/disable)"_s : u"takes no name"_s);
    if (command == u"roles"_s)
        return roles(out);
    std::optional<models::Role> newRole;
    if (command == u"add"_s) {
        newRole = models::fromWireName<models::Role>(parser.value(role));
        if (!newRole)
            return usageError(u"--role must be one of the roles that `rcm-gateway users roles` lists"_s);
    }
    const bool breakGlass = command == u"break-glass"_s;
    if (breakGlass && words.at(1) != u"enable"_s && words.at(1) != u"disable"_s)
        return usageError(u"say enable or disable"_s);
    bool minutesOk = false;
    const int breakGlassMinutes = parser.value(minutes).toInt(&minutesOk);
    if (breakGlass && words.at(1) == u"enable"_s && !minutesOk)
        return usageError(u"--minutes N is required: how long the account may be used"_s);

    const QString folder
        = parser.isSet(data) ? parser.value(data) : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString path = QDir(folder).filePath(u"gateway.db"_s);
    if (command != u"add"_s && !QFileInfo::exists(path)) {
        err << "rcm-gateway users " << command << ": there is no gateway database at " << path << "\n";
        return Failure;
    }
    if (!QDir().mkpath(folder)) {
        err << "rcm-gateway users " << command << ": cannot create " << folder << "\n";
        return Failure;
    }
    store::Database database;
    if (const store::StoreError error = database.open(path, server::gatewaySchema())) {
        err << "rcm-gateway users " << command << ": " << error.message() << "\n";
        return Failure;
    }
    server::GatewayStore gateway(database);
    // Every change is chained into the audit log, which is keyed: the same key as the gateway's.
    if (QString keyError; !gateway.loadAuditKey(
            parser.isSet(auditKey) ? parser.value(auditKey) : server::AuditKey::defaultPath(path), &keyError)) {
        err << "rcm-gateway users " << command << ": " << keyError << "\n";
        return Failure;
    }
    const QString osUser = operatingSystemUser();
    UserAdministration administration(gateway, QString::fromLatin1(cliActor),
                                      osUser.isEmpty() ? QJsonObject() : QJsonObject {{u"osUser"_s, osUser}});

    if (command == u"list"_s)
        return list(administration, gateway, out, err);
    if (breakGlass) {
        if (words.at(1) == u"disable"_s) {
            if (const auto refusal = administration.disableBreakGlass())
                return refused(err, command, *refusal);
            out << "The break-glass account is disabled and its sessions ended.\n";
            return Success;
        }
        const auto enabled = administration.enableBreakGlass(breakGlassMinutes, parser.value(reason));
        if (enabled.refusal)
            return refused(err, command, *enabled.refusal);
        err << "The break-glass account \"" << UserAdministration::breakGlassUsername << "\" (supervisor) works for "
            << breakGlassMinutes << " minutes. Its password follows, shown this once; every use is audited.\n";
        out << *enabled.value << "\n";
        return Success;
    }
    const QString username = words.at(1);
    if (command == u"deactivate"_s) {
        if (const auto refusal = administration.deactivate(username))
            return refused(err, command, *refusal);
        out << "Deactivated " << username << "; their sessions are ended and their items keep their owner.\n";
        return Success;
    }
    if (command == u"add"_s) {
        if (administration.account(username)) // before asking for a password to no purpose
            return refused(
                err, command,
                {UserAdministration::Refusal::Kind::Conflict, u"A user named %1 exists already"_s.arg(username)});
    } else if (const std::optional<UserAccount> found = administration.account(username); !found || !found->canSignIn) {
        return refused(err, command,
                       {UserAdministration::Refusal::Kind::NotFound, u"There is no user %1"_s.arg(username)});
    }
    const std::optional<QString> password = readNewPassword(err, username);
    if (!password)
        return Failure;
    if (command == u"passwd"_s) {
        if (const auto refusal = administration.changePassword(username, *password))
            return refused(err, command, *refusal);
        out << "Changed the password of " << username << "; their sessions are ended.\n";
        return Success;
    }
    const auto added = administration.addUser(username, parser.value(displayName), *newRole, *password);
    if (added.refusal)
        return refused(err, command, *added.refusal);
    out << "Added " << username << " (" << models::wireName(*newRole) << ", id " << added.value->user.id << ").\n";
    return Success;
}

} // namespace rcm::gateway
