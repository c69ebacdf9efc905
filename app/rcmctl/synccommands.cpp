// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/synccommands.h"

#include "app/rcmctl/clicontext.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "app/rcmctl/terminalprogress.h"
#include "app/rcmctl/tokenstore.h"
#include "services/store/syncjournal.h"
#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "services/sync/synccycle.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

int runLogin(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Sign in to the gateway and keep the session token in the keyring."_s);
    if (const auto stop = context.parse(parser, arguments, false))
        return *stop;
    // Without a password there is nothing to sign in with: a token from the keyring is
    // what login is for, and "run 'rcmctl login'" would send the user round in a circle.
    if (!parser.isSet(u"password-stdin"_s)) {
        context.err << "rcmctl login: give the password on standard input: echo PASSWORD | rcmctl login --user NAME "
                       "--password-stdin\n";
        return UsageError;
    }
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session)
        return exitCode;
    context.rememberServerAndUser();
    if (const QString problem = TokenStore::save(context.serverUrl(), context.username(), session->client().token());
        !problem.isEmpty()) {
        context.err << "Signed in, but no keyring is available (" << problem
                    << "): the token is kept in memory only and is gone when rcmctl exits. Pass "
                       "--password-stdin to each command instead.\n";
        return Success;
    }
    context.out << "Signed in to " << context.serverUrl() << " as " << context.username()
                << "; the token is in the keyring.\n";
    return Success;
}

int runLogout(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"End the session on the gateway and forget the session token kept in the keyring."_s);
    if (const auto stop = context.parse(parser, arguments, false))
        return *stop;
    if (context.username().isEmpty()) {
        context.err << "rcmctl logout: give --user NAME: no one has signed in from here yet\n";
        return UsageError;
    }
    const QString token = TokenStore::load(context.serverUrl(), context.username());
    if (token.isEmpty()) {
        context.out << "Not signed in to " << context.serverUrl() << " as " << context.username()
                    << ": no session token is kept here.\n";
        return Success;
    }
    // Forgotten here first: whatever the gateway says, this computer keeps no token.
    TokenStore::remove(context.serverUrl(), context.username());
    api::Session session(QUrl(context.serverUrl()));
    session.adoptToken(context.username(), token);
    api::ApiError result;
    waitUntilDone([&](const std::function<void()> &finished) {
        session.signOut(&session, [&result, finished](const api::ApiError &error) {
            result = error;
            finished();
        });
    });
    // 401: the session had already ended (expired, or signed out elsewhere).
    if (!result || result.kind == api::ApiError::Kind::Unauthorized) {
        context.out << "Signed out of " << context.serverUrl() << " as " << context.username()
                    << "; the token is forgotten.\n";
        return Success;
    }
    context.err << "rcmctl logout: the token was removed from this computer, but the gateway could not end the "
                   "session ("
                << result.message() << "); it ends by itself once unused for the gateway's idle time.\n";
    return CliContext::exitCodeFor(result);
}

int runSync(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Send pending actions, then bring the local cache up to date."_s);
    const QCommandLineOption confirm(
        u"confirm-removals"_s, u"Remove items the server no longer lists even if they are over 5% of the cache."_s);
    parser.addOption(confirm);
    if (const auto stop = context.parse(parser, arguments, false))
        return *stop;
    if (!context.openCache())
        return Failure;
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session)
        return exitCode;
    context.rememberServerAndUser();

    sync::SyncCycle cycle(context.cache(), *session);
    QObject::connect(&cycle, &sync::SyncCycle::outboxSent, &cycle, [&context](const sync::Outbox::SendResult &sent) {
        if (sent.sent + sent.conflicts + sent.failed + sent.flaggedForReview > 0) {
            context.err << "Outbox: " << sent.sent << " sent, " << sent.conflicts << " in conflict, " << sent.failed
                        << " refused, " << sent.flaggedForReview << " to review\n";
        }
    });
    TerminalProgress progress(u"Syncing"_s, -1);
    QObject::connect(&cycle, &sync::SyncCycle::progressed, &cycle,
                     [&progress](qint64 itemsReceived) { progress.update(itemsReceived); });
    sync::SyncCycle::Summary summary;
    waitUntilDone([&](const std::function<void()> &finished) {
        QObject::connect(&cycle, &sync::SyncCycle::finished, &cycle,
                         [&summary, finished](const sync::SyncCycle::Summary &result) {
                             summary = result;
                             finished();
                         });
        cycle.start(parser.isSet(confirm) ? sync::SyncEngine::RemovalPolicy::Confirmed
                                          : sync::SyncEngine::RemovalPolicy::AskAboveThreshold);
    });
    progress.finish();
    if (summary.exports.registered + summary.exports.refused > 0) {
        context.out << summary.exports.registered << " report export(s) registered";
        if (summary.exports.refused > 0)
            context.out << ", " << summary.exports.refused << " refused by the gateway";
        context.out << "\n";
    }
    const sync::SyncEngine::Result &result = summary.sync;
    switch (result.outcome) {
    case sync::SyncEngine::Result::Outcome::Completed:
        context.out << result.message() << "\n";
        if (summary.sent.stoppedBy) {
            context.err << "Actions not sent: " << summary.sent.stoppedBy.message() << "\n";
            return CliContext::exitCodeFor(summary.sent.stoppedBy);
        }
        return summary.sent.conflicts > 0 ? Conflict : Success;
    case sync::SyncEngine::Result::Outcome::NeedsConfirmation:
        context.err << result.message() << " Run again with --confirm-removals to remove them.\n";
        return NeedsConfirmation;
    case sync::SyncEngine::Result::Outcome::Failed:
        context.err << result.message() << "\n";
        if (summary.signInRequired())
            context.reportExpiredSession();
        return result.apiError ? CliContext::exitCodeFor(result.apiError) : Failure;
    }
    return Failure;
}

int runStatus(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Show the cache's sync state and outbox (no network)."_s);
    if (const auto stop = context.parse(parser, arguments, true))
        return *stop;
    if (!context.openCache())
        return Failure;
    store::WorkItemStore items(context.cache());
    store::SyncJournal journal(context.cache());
    sync::Outbox outbox(context.cache());
    const QString cursor = journal.cursor();
    const qint64 cached = items.itemCount();
    const qint64 pending = outbox.count(sync::OutboxEntry::State::Pending);
    const qint64 conflicts = outbox.count(sync::OutboxEntry::State::Conflict);
    const qint64 attention
        = outbox.count(sync::OutboxEntry::State::Failed) + outbox.count(sync::OutboxEntry::State::Review);
    const QDateTime lastSync = journal.lastSync();
    if (context.json()) {
        const QJsonObject status {
            {u"itemsCached"_s, cached},
            {u"cursor"_s, cursor},
            {u"pendingActions"_s, pending},
            {u"conflicts"_s, conflicts},
            {u"lastSync"_s, lastSync.isValid() ? QJsonValue(lastSync.toString(Qt::ISODateWithMs)) : QJsonValue()}};
        context.out << QJsonDocument(status).toJson(QJsonDocument::Compact) << "\n";
        return Success;
    }
    context.out << "Items cached:     " << cached << "\n"
                << "Last sync:        "
                << (lastSync.isValid() ? lastSync.toLocalTime().toString(Qt::ISODate) : u"never"_s) << "\n"
                << "Cursor:           " << (cursor.isEmpty() ? u"(none: next sync is a full one)"_s : cursor) << "\n"
                << "Pending actions:  " << pending << "\n"
                << "Conflicts:        " << conflicts << "\n"
                << "Need attention:   " << attention << " (refused or to review; see 'rcmctl outbox')\n";
    return Success;
}

} // namespace rcm::cli
