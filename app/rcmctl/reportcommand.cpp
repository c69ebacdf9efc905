// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/reportcommand.h"

#include "app/rcmctl/clicontext.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "app/rcmctl/reportverify.h"
#include "services/api/reportrequest.h"
#include "services/api/requests.h"
#include "services/reports/cachereports.h"
#include "services/reports/exportfile.h"
#include "services/reports/reportcatalogue.h"
#include "services/store/syncjournal.h"
#include "services/sync/exportregistrations.h"
#include "ui/reportrender/reportexport.h"

#include <QCryptographicHash>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

void printList(QTextStream &out)
{
    for (const reports::ReportInfo &info : reports::reportCatalogue()) {
        out << info.name.leftJustified(27) << (info.source == reports::ReportSource::Cache ? "cache    " : "gateway  ")
            << info.description << "\n";
    }
}

/// A YYYY-MM-DD option, or an error message.
std::optional<QDate> dateOption(const QCommandLineParser &parser, const QString &name, QString *error)
{
    if (!parser.isSet(name))
        return QDate();
    const QDate date = QDate::fromString(parser.value(name), Qt::ISODate);
    if (!date.isValid()) {
        *error = u"--%1 must be a date as YYYY-MM-DD, not '%2'"_s.arg(name, parser.value(name));
        return std::nullopt;
    }
    return date;
}

/// Keeps the registration in the cache for the next `rcmctl sync` (or the workbench's).
int keepForNextSync(CliContext &context, const models::ExportRecord &record, const QString &why)
{
    context.err << "rcmctl report: the file is written; the gateway has not registered it yet" << why << "\n";
    if (!context.openCache())
        return Failure;
    if (const store::StoreError error = sync::ExportRegistrations(context.cache()).keep(record, context.username())) {
        context.err << "rcmctl report: " << error.message() << "\n";
        return Failure;
    }
    context.err << "rcmctl report: it will be registered at the next sync as " << context.username() << "\n";
    return Success;
}

/// Registers the written file's SHA-256 with the gateway, so that `rcmctl report verify`
/// can vouch for it. When the gateway cannot be reached the registration waits in the
/// cache and goes at the next sync; the export stands either way.
int registerExport(CliContext &context, const reports::ReportResult &result, models::ExportFormat format,
                   const QByteArray &sha256)
{
    if (context.username().isEmpty()) {
        context.err << "rcmctl report: not registered with a gateway (no --user): 'rcmctl report verify' will not "
                       "know this file\n";
        return Success;
    }
    const models::ExportRecord record = reports::exportRecord(result, format, QString::fromLatin1(sha256));
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session) // it said why
        return keepForNextSync(context, record, {});
    const auto request = std::make_shared<api::RegisterExportRequest>(record);
    if (const api::ApiError error = execute(session->client(), request)) {
        if (error.kind == api::ApiError::Kind::Refused) {
            context.err << "rcmctl report: the file is written but the gateway refused to register it: "
                        << error.message() << "\n";
            return CliContext::exitCodeFor(error);
        }
        return keepForNextSync(context, record, u": "_s + error.message());
    }
    context.out << "Registered with the gateway as exported by " << request->registered.exportedByName << "\n";
    return Success;
}

} // namespace

int runReport(const QStringList &arguments)
{
    if (arguments.value(1) == u"verify"_s)
        return runReportVerify(arguments);
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Compute a finance report and write it as CSV, XLSX or PDF. Queue reports are computed from the cache "
        "(offline); the others by the gateway. 'rcmctl report --list' names every report."_s);
    parser.addPositionalArgument(u"NAME"_s, u"The report (see --list)."_s);
    const QCommandLineOption list(u"list"_s, u"Name every report with a line of description."_s);
    const QCommandLineOption format(u"format"_s, u"csv, xlsx or pdf."_s, u"FORMAT"_s);
    const QCommandLineOption out(u"out"_s, u"The file to write (owner-only, whole or not at all)."_s, u"FILE"_s);
    const QCommandLineOption from(u"from"_s, u"The period's first day."_s, u"YYYY-MM-DD"_s);
    const QCommandLineOption to(u"to"_s, u"The period's last day (queue reports: the as-of day)."_s, u"YYYY-MM-DD"_s);
    const QCommandLineOption payer(u"payer"_s, u"Only this payer's items."_s, u"ID"_s);
    const QCommandLineOption facility(u"facility"_s, u"Only this facility's items."_s, u"ID"_s);
    parser.addOptions({list, format, out, from, to, payer, facility});
    if (const auto stop = context.parse(parser, arguments, false))
        return *stop;
    if (parser.isSet(list)) {
        printList(context.out);
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        context.err << "rcmctl report: name one report (rcmctl report --list names them)\n";
        return UsageError;
    }
    const std::optional<reports::ReportInfo> info = reports::findReport(positional.front());
    if (!info) {
        context.err << "rcmctl report: there is no report named '" << positional.front()
                    << "' (rcmctl report --list names them)\n";
        return UsageError;
    }
    const std::optional<models::ExportFormat> chosen = models::fromWireName<models::ExportFormat>(parser.value(format));
    if (!chosen) {
        context.err << "rcmctl report: --format must be csv, xlsx or pdf\n";
        return UsageError;
    }
    if (parser.value(out).isEmpty()) {
        context.err << "rcmctl report: --out FILE is required\n";
        return UsageError;
    }
    QString error;
    const std::optional<QDate> first = dateOption(parser, from.names().front(), &error);
    const std::optional<QDate> last = first ? dateOption(parser, to.names().front(), &error) : std::nullopt;
    if (!first || !last) {
        context.err << "rcmctl report: " << error << "\n";
        return UsageError;
    }
    if (first->isValid() && last->isValid() && *first > *last) {
        context.err << "rcmctl report: --from is after --to\n";
        return UsageError;
    }
    reports::ReportParameters parameters;
    parameters.from = *first;
    parameters.to = *last;
    parameters.payerId = parser.value(payer);
    parameters.facility = parser.value(facility);

    std::optional<reports::ReportResult> result;
    if (info->source == reports::ReportSource::Cache) {
        if (!context.openCache())
            return Failure;
        // The cache holds what its user was allowed to sync: the report covers all of it.
        const QDateTime asOf = store::SyncJournal(context.cache()).lastSync();
        result = reports::computeCacheReport(info->name, context.cache(), parameters,
                                             {context.username(), context.username(), true}, asOf, &error);
        if (!result) {
            context.err << "rcmctl report: " << error << "\n";
            return Failure;
        }
    } else {
        int exitCode = Success;
        api::Session *session = context.signedInSession(&exitCode);
        if (!session)
            return exitCode;
        const auto request = std::make_shared<api::ReportRequest>(info->name, parameters);
        if (const api::ApiError failure = execute(session->client(), request)) {
            context.err << "rcmctl report: the gateway did not compute " << info->name << ": " << failure.message()
                        << "\n";
            return CliContext::exitCodeFor(failure);
        }
        result = request->result;
    }
    const reports::RenderedReport written
        = reports::writeReport(reportrender::renderReport(*result, *chosen), parser.value(out));
    if (!written.ok()) {
        context.err << "rcmctl report: " << written.error << "\n";
        return Failure;
    }
    const QByteArray sha256 = QCryptographicHash::hash(written.bytes, QCryptographicHash::Sha256).toHex();
    context.out << "Wrote " << info->name << " (" << result->rows.size() << " rows) to "
                << QFileInfo(parser.value(out)).absoluteFilePath() << "\nSHA-256 " << sha256 << "\n";
    context.out.flush();
    return registerExport(context, *result, *chosen, sha256);
}

} // namespace rcm::cli
