// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/contractcommands.h"

#include "app/rcmctl/clicontext.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "services/api/requests.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

constexpr auto usage = "Usage: rcmctl contracts import FILE.csv [--preview] [--json]\n";

void printReport(QTextStream &out, const QJsonObject &report)
{
    for (const QJsonValue &value : report.value(u"payers"_s).toArray()) {
        const QJsonObject payer = value.toObject();
        const QJsonObject terms = payer.value(u"terms"_s).toObject();
        QStringList counts;
        for (auto kind = terms.constBegin(); kind != terms.constEnd(); ++kind) {
            if (kind.value().toInt() > 0)
                counts << u"%1 %2"_s.arg(QString::number(kind.value().toInt()), kind.key());
        }
        out << "Payer " << payer.value(u"payerId"_s).toString() << ": " << counts.join(u", "_s) << " ("
            << (payer.value(u"changed"_s).toBool() ? u"replacing %1 terms"_s.arg(payer.value(u"termsBefore"_s).toInt())
                                                   : u"unchanged"_s)
            << ")\n";
    }
    out << report.value(u"message"_s).toString() << "\n";
}

int runImport(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Send a payer contract file (CSV: fee schedules, DRG case rates, per diems, "
                                     "percent of charges) to the gateway; it replaces the terms of each payer the "
                                     "file names. A supervisor's or the integration account's sign-in."_s);
    const QCommandLineOption preview(u"preview"_s, u"Report what would be replaced, loading nothing."_s);
    parser.addOption(preview);
    parser.addPositionalArgument(u"FILE"_s, u"The contract file (docs/contracts.md)."_s);
    if (const auto stop = context.parse(parser, arguments, true))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        context.err << usage;
        return UsageError;
    }
    QFile file(parser.positionalArguments().constFirst());
    if (!file.open(QIODevice::ReadOnly)) {
        context.err << "rcmctl contracts import: cannot read " << file.fileName() << ": " << file.errorString() << "\n";
        return Failure;
    }
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session)
        return exitCode;
    context.rememberServerAndUser();
    auto request = std::make_shared<api::ContractImportRequest>(
        file.readAll(),
        parser.isSet(preview) ? api::ContractImportRequest::Mode::Preview : api::ContractImportRequest::Mode::Load);
    const api::ApiError error = execute(session->client(), request, session->client().options());
    if (error.kind == api::ApiError::Kind::Unauthorized)
        context.reportExpiredSession();
    if (context.json()) {
        context.out << QJsonDocument(error ? error.problem : request->report).toJson(QJsonDocument::Compact) << "\n";
    } else if (!error) {
        printReport(context.out, request->report);
    } else {
        // A file the gateway refused: every bad row, by line.
        for (const QJsonValue &bad : error.problem.value(u"errors"_s).toArray())
            context.err << "line " << bad[u"line"_s].toInt() << ": " << bad[u"message"_s].toString() << "\n";
    }
    if (!error)
        return Success;
    context.err << "rcmctl contracts import: " << error.message() << "\n";
    return error.httpStatus == 422 || error.httpStatus == 400 || error.httpStatus == 415
        ? Failure
        : CliContext::exitCodeFor(error);
}

} // namespace

int runContracts(const QStringList &arguments)
{
    if (arguments.size() > 1 && arguments.at(1) == u"import"_s) {
        QStringList rest = arguments.mid(2);
        rest.prepend(arguments.at(0) + u" import"_s);
        return runImport(rest);
    }
    QTextStream err(stderr);
    if (arguments.size() > 1 && (arguments.at(1) == u"--help"_s || arguments.at(1) == u"-h"_s)) {
        QTextStream(stdout) << usage;
        return Success;
    }
    err << usage;
    return UsageError;
}

} // namespace rcm::cli
