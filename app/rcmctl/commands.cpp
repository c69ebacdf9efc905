#include "app/rcmctl/commands.h"

#include "app/rcmctl/auditcommand.h"
#include "app/rcmctl/eracommands.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/generatecommand.h"
#include "app/rcmctl/outboxcommands.h"
#include "app/rcmctl/synccommands.h"

#include <QCoreApplication>
#include <QTextStream>

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
    Command {QLatin1StringView("sync"), QLatin1StringView("send pending actions and update the cache"), runSync},
    Command {QLatin1StringView("status"), QLatin1StringView("the cache's sync state and outbox"), runStatus},
    Command {QLatin1StringView("act"), QLatin1StringView("queue an action on a work item and send it"), runAct},
    Command {QLatin1StringView("outbox"), QLatin1StringView("list, retry or discard queued actions"), runOutbox},
    Command {QLatin1StringView("audit"), QLatin1StringView("verify the gateway's audit chain"), runAudit},
    Command {QLatin1StringView("era"), QLatin1StringView("check, import (post) or generate X12 835 remittance files"),
             runEra},
};

void printUsage(QTextStream &stream)
{
    stream << "Usage: rcmctl COMMAND [OPTIONS]\n\nCommands:\n";
    for (const Command &command : commands)
        stream << "  " << QString(command.name).leftJustified(12) << command.summary << "\n";
    stream << "\n'rcmctl COMMAND --help' describes a command's options.\n";
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
    for (const Command &command : commands) {
        if (arguments.at(1) == command.name) {
            // The command parses its own options, seeing "rcmctl COMMAND" as its program name.
            QStringList rest = arguments.mid(2);
            rest.prepend(arguments.at(0) + u' ' + arguments.at(1));
            return command.run(rest);
        }
    }
    QTextStream err(stderr);
    err << "rcmctl: unknown command '" << arguments.at(1) << "'\n\n";
    printUsage(err);
    return UsageError;
}

} // namespace rcm::cli
