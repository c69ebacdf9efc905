// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/commands.h"

#include "app/rcmctl/auditcommand.h"
#include "app/rcmctl/claimcommands.h"
#include "app/rcmctl/contractcommands.h"
#include "app/rcmctl/eracommands.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/generatecommand.h"
#include "app/rcmctl/itemcommands.h"
#include "app/rcmctl/outboxcommands.h"
#include "app/rcmctl/reportcommand.h"
#include "app/rcmctl/synccommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <array>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

struct Command
{
    QLatin1StringView name;
    QLatin1StringView summary;
    int (*run)(const QStringList &arguments);
};

constexpr std::array commands = {
    Command {QLatin1StringView("generate"), QLatin1StringView("write a cache of synthetic work items"), runGenerate},
    Command {QLatin1StringView("login"), QLatin1StringView("sign in and keep the token in the keyring"), runLogin},
    Command {QLatin1StringView("logout"), QLatin1StringView("end the session and forget the keyring's token"),
             runLogout},
    Command {QLatin1StringView("sync"), QLatin1StringView("send pending actions and update the cache"), runSync},
    Command {QLatin1StringView("status"), QLatin1StringView("the cache's sync state and outbox"), runStatus},
    Command {QLatin1StringView("act"), QLatin1StringView("queue an action on a work item and send it"), runAct},
    Command {QLatin1StringView("outbox"), QLatin1StringView("list, retry or discard queued actions"), runOutbox},
    Command {QLatin1StringView("audit"), QLatin1StringView("verify the gateway's audit chain"), runAudit},
    Command {QLatin1StringView("report"),
             QLatin1StringView("write a finance report as CSV, XLSX or PDF, or verify an exported file"), runReport},
    Command {QLatin1StringView("era"), QLatin1StringView("check, import (post) or generate X12 835 remittance files"),
             runEra},
    Command {QLatin1StringView("claims"), QLatin1StringView("import X12 837 claim files into the claim register"),
             runClaims},
    Command {QLatin1StringView("acks"),
             QLatin1StringView("import claim acknowledgments (TA1, 999, 277CA); rejections become work items"),
             runAcks},
    Command {QLatin1StringView("items"),
             QLatin1StringView("import a flat-file extract (CSV) of work items from another system"), runItems},
    Command {QLatin1StringView("contracts"), QLatin1StringView("load payer contracts (fee schedules, case rates)"),
             runContracts},
};

/// The options the networked commands share (CliContext). They may come before the
/// command name as well as after it: "rcmctl --server URL sync" is "rcmctl sync --server URL".
struct CommonOption
{
    QLatin1StringView name;
    bool takesValue;
};

constexpr std::array commonOptions = {
    CommonOption {QLatin1StringView("server"), true}, CommonOption {QLatin1StringView("user"), true},
    CommonOption {QLatin1StringView("cache"), true},  CommonOption {QLatin1StringView("password-stdin"), false},
    CommonOption {QLatin1StringView("json"), false},  CommonOption {QLatin1StringView("ca-file"), true},
};

void printUsage(QTextStream &stream)
{
    stream << "Usage: rcmctl [COMMON OPTIONS] COMMAND [OPTIONS]\n\nCommands:\n";
    for (const Command &command : commands)
        stream << "  " << QString(command.name).leftJustified(12) << command.summary << "\n";
    stream << "\nCommon options (before or after the command; the server and user are remembered):\n"
              "  --server URL --user NAME --cache FILE --ca-file FILE --password-stdin --json\n"
              "\n'rcmctl COMMAND --help' describes a command's options.\n";
}

struct Invocation
{
    QString command;
    QStringList commonOptions; ///< found before the command, each value after its option
    QStringList rest; ///< after the command
    QString error;
};

/// Splits "rcmctl [common options] COMMAND [rest]".
Invocation splitInvocation(const QStringList &arguments)
{
    Invocation invocation;
    qsizetype index = 1;
    for (; index < arguments.size() && arguments.at(index).startsWith(u"--"_s); ++index) {
        const QString &argument = arguments.at(index);
        const QString name = argument.mid(2).section(u'=', 0, 0);
        const auto option = std::find_if(commonOptions.begin(), commonOptions.end(),
                                         [&](const CommonOption &common) { return common.name == name; });
        if (option == commonOptions.end()) {
            invocation.error = u"unknown option '%1' before the command"_s.arg(argument);
            return invocation;
        }
        invocation.commonOptions.append(argument);
        if (option->takesValue && !argument.contains(u'=')) {
            if (++index == arguments.size()) {
                invocation.error = u"%1 needs a value"_s.arg(argument);
                return invocation;
            }
            invocation.commonOptions.append(arguments.at(index));
        }
    }
    if (index == arguments.size()) {
        invocation.error = u"no command given"_s;
        return invocation;
    }
    invocation.command = arguments.at(index);
    invocation.rest = arguments.mid(index + 1);
    // Given on both sides, which one was meant is a guess: ask instead.
    for (const QString &given : std::as_const(invocation.commonOptions)) {
        if (!given.startsWith(u"--"_s))
            continue;
        const QString name = given.section(u'=', 0, 0);
        for (const QString &later : std::as_const(invocation.rest)) {
            if (later == u"--"_s)
                break;
            if (later == name || later.startsWith(name + u'=')) {
                invocation.error = u"%1 is given both before and after the command"_s.arg(name);
                return invocation;
            }
        }
    }
    return invocation;
}

} // namespace

int run(const QStringList &arguments)
{
    if (arguments.size() < 2 || arguments.at(1) == u"--help"_s || arguments.at(1) == u"-h"_s) {
        QTextStream out(arguments.size() < 2 ? stderr : stdout);
        printUsage(out);
        return arguments.size() < 2 ? UsageError : Success;
    }
    if (arguments.at(1) == u"--version"_s) {
        QTextStream(stdout) << "rcmctl " << QCoreApplication::applicationVersion() << "\n";
        return Success;
    }
    const Invocation invocation = splitInvocation(arguments);
    QTextStream err(stderr);
    if (!invocation.error.isEmpty()) {
        err << "rcmctl: " << invocation.error << "\n\n";
        printUsage(err);
        return UsageError;
    }
    for (const Command &command : commands) {
        if (invocation.command == command.name) {
            // The command parses its own options, seeing "rcmctl COMMAND" as its program
            // name. Common options given before the command go after its own arguments (but
            // before a "--", after which everything is positional), so that a command with
            // subcommands, such as "era import", still finds its subcommand first.
            QStringList rest = invocation.rest;
            const qsizetype separator = rest.indexOf(u"--"_s);
            const qsizetype at = separator < 0 ? rest.size() : separator;
            for (qsizetype index = 0; index < invocation.commonOptions.size(); ++index)
                rest.insert(at + index, invocation.commonOptions.at(index));
            rest.prepend(arguments.at(0) + u' ' + invocation.command);
            return command.run(rest);
        }
    }
    err << "rcmctl: unknown command '" << invocation.command << "'\n\n";
    printUsage(err);
    return UsageError;
}

} // namespace rcm::cli
