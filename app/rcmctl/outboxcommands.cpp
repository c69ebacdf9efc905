// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/outboxcommands.h"

#include "app/rcmctl/clicontext.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "services/rules/actionpolicy.h"
#include "services/sync/outbox.h"
#include "services/sync/synccycle.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

/// Sends what is pending and turns the outcome into an exit code and a line for the user.
int sendAndReport(CliContext &context)
{
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session) {
        context.err << "The action stays queued; it is sent by the next 'rcmctl sync' or 'rcmctl outbox retry'.\n";
        return exitCode == UsageError ? Failure : exitCode;
    }
    context.rememberServerAndUser();
    // The same cycle as a sync, stopping after the outbox: a session that expired
    // mid-send is renewed with the password once, as there.
    sync::SyncCycle cycle(context.cache(), *session);
    sync::SyncCycle::Summary summary;
    waitUntilDone([&](const std::function<void()> &finished) {
        QObject::connect(&cycle, &sync::SyncCycle::finished, &cycle,
                         [&summary, finished](const sync::SyncCycle::Summary &result) {
                             summary = result;
                             finished();
                         });
        cycle.start(sync::SyncEngine::RemovalPolicy::AskAboveThreshold, sync::SyncCycle::Scope::OutboxOnly);
    });
    if (summary.signInRequired())
        context.reportExpiredSession();
    const sync::Outbox::SendResult &result = summary.sent;
    context.out << result.sent << " sent, " << result.conflicts << " in conflict, " << result.failed << " refused, "
                << result.flaggedForReview << " to review, " << summary.pendingActions << " still pending\n";
    if (result.stoppedBy) {
        context.err << "Stopped: " << result.stoppedBy.message() << " (the actions stay queued)\n";
        return CliContext::exitCodeFor(result.stoppedBy);
    }
    if (result.conflicts > 0)
        return Conflict;
    return result.failed > 0 ? Failure : Success;
}

QJsonObject toJson(const sync::OutboxEntry &entry)
{
    QJsonObject object {{u"id"_s, entry.id},
                        {u"idempotencyKey"_s, entry.idempotencyKey},
                        {u"workItemId"_s, entry.workItemId},
                        {u"action"_s, entry.action},
                        {u"baseVersion"_s, entry.baseVersion},
                        {u"state"_s, sync::stateName(entry.state)},
                        {u"attempts"_s, entry.attempts},
                        {u"createdAt"_s, entry.createdAt.toString(Qt::ISODateWithMs)},
                        {u"lastError"_s, entry.lastError.isEmpty() ? QJsonValue() : QJsonValue(entry.lastError)},
                        {u"authorId"_s, entry.authorId.isEmpty() ? QJsonValue() : QJsonValue(entry.authorId)},
                        {u"server"_s, entry.server.isEmpty() ? QJsonValue() : QJsonValue(entry.server)}};
    if (!entry.conflictItem.isEmpty())
        object.insert(u"serverItem"_s, entry.conflictItem);
    return object;
}

} // namespace

int runAct(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Queue an action on a work item through the outbox, then send it."_s);
    const QCommandLineOption text(u"text"_s, u"Note, appeal or reason text."_s, u"TEXT"_s);
    const QCommandLineOption assignee(u"assignee"_s, u"User id to assign to."_s, u"USER"_s);
    const QCommandLineOption resolution(u"resolution"_s, u"Resolution code."_s, u"CODE"_s);
    const QCommandLineOption amount(u"amount"_s, u"Write-off amount, e.g. 125.00."_s, u"AMOUNT"_s);
    parser.addOptions({text, assignee, resolution, amount});
    parser.addPositionalArgument(u"item"_s, u"The work item id."_s);
    parser.addPositionalArgument(u"action"_s, u"take, note, appeal, resubmit, request_writeoff, ..."_s);
    if (const auto stop = context.parse(parser, arguments, false))
        return *stop;
    if (parser.positionalArguments().size() != 2) {
        context.err << "rcmctl act: give ITEM and ACTION\n";
        return UsageError;
    }
    QJsonObject action {{u"type"_s, parser.positionalArguments().at(1)}};
    const std::pair<const QCommandLineOption *, QString> fields[]
        = {{&text, u"text"_s}, {&assignee, u"assignee"_s}, {&resolution, u"resolution"_s}, {&amount, u"amount"_s}};
    for (const auto &[option, field] : fields) {
        if (parser.isSet(*option))
            action.insert(field, parser.value(*option));
    }
    // The same checks the server makes on shape, so that a typo is caught before queueing.
    rules::Problem problem;
    if (!rules::ActionPolicy::parseAction(action, &problem)) {
        context.err << "rcmctl act: " << problem.detail << "\n";
        return UsageError;
    }
    if (!context.openCache())
        return Failure;
    int exitCode = Success;
    const std::optional<sync::OutboxAuthor> author = context.author(&exitCode);
    if (!author) {
        context.err << "rcmctl act: nothing was queued\n";
        return exitCode;
    }
    sync::Outbox outbox(context.cache());
    store::StoreError error;
    const auto id = outbox.enqueue(parser.positionalArguments().at(0), action, *author, &error);
    if (!id) {
        context.err << "rcmctl act: " << error.message() << "\n";
        return UsageError;
    }
    context.out << "Queued as outbox entry " << *id << "\n";
    return sendAndReport(context);
}

int runOutbox(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List the outbox, or retry or discard an entry."_s);
    parser.addPositionalArgument(u"command"_s, u"list (default), retry ID or discard ID."_s, u"[list|retry|discard]"_s);
    if (const auto stop = context.parse(parser, arguments, true))
        return *stop;
    if (!context.openCache())
        return Failure;
    sync::Outbox outbox(context.cache());
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, u"list"_s);
    if (command == u"list"_s && positional.size() <= 1) {
        const QList<sync::OutboxEntry> entries = outbox.entries();
        if (context.json()) {
            QJsonArray array;
            for (const sync::OutboxEntry &entry : entries)
                array.append(toJson(entry));
            context.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << "\n";
            return Success;
        }
        if (entries.isEmpty())
            context.out << "The outbox is empty.\n";
        for (const sync::OutboxEntry &entry : entries) {
            context.out << entry.id << "  " << entry.workItemId << "  " << entry.typeName() << "  "
                        << sync::stateName(entry.state) << "  attempts " << entry.attempts << "  by "
                        << (entry.authorId.isEmpty() ? u"(unknown)"_s : entry.authorId);
            if (!entry.lastError.isEmpty())
                context.out << "  " << entry.lastError;
            context.out << "\n";
        }
        return Success;
    }
    bool ok = false;
    const qint64 id = positional.value(1).toLongLong(&ok);
    if ((command != u"retry"_s && command != u"discard"_s) || positional.size() != 2 || !ok) {
        context.err << "rcmctl outbox: use 'list', 'retry ID' or 'discard ID'\n";
        return UsageError;
    }
    std::optional<sync::OutboxAuthor> author;
    if (command == u"retry"_s) {
        // Retrying sends it as the person retrying, whoever wrote it.
        int exitCode = Success;
        author = context.author(&exitCode);
        if (!author)
            return exitCode;
    }
    const store::StoreError error = author ? outbox.retry(id, *author) : outbox.discard(id);
    if (error) {
        context.err << "rcmctl outbox: " << error.message() << "\n";
        return UsageError;
    }
    if (command == u"discard"_s) {
        context.out << "Discarded outbox entry " << id << "\n";
        return Success;
    }
    return sendAndReport(context);
}

} // namespace rcm::cli
