// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/claimcommands.h"

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

using Kind = api::X12FileRequest::Kind;

/// How many claims the plain-text report lists one by one.
constexpr qsizetype listedClaims = 50;

void printDefects(QTextStream &out, const QJsonObject &report)
{
    for (const QJsonValue &item : report.value(u"errors"_s).toArray())
        out << "  error at segment " << item[u"segment"_s].toInteger() << ": " << item[u"message"_s].toString() << "\n";
    for (const QJsonValue &item : report.value(u"warnings"_s).toArray())
        out << "  warning at segment " << item[u"segment"_s].toInteger() << ": " << item[u"message"_s].toString()
            << "\n";
}

QString outcomes(const QJsonObject &report)
{
    QStringList parts;
    const QJsonObject counts = report.value(u"outcomes"_s).toObject();
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        parts << u"%1 %2"_s.arg(it.value().toInteger()).arg(it.key());
    return parts.isEmpty() ? u"nothing"_s : parts.join(u", "_s);
}

void printReport(QTextStream &out, Kind kind, const QString &fileName, const QJsonObject &report)
{
    const bool imported = report.value(u"imported"_s).toBool();
    if (kind == Kind::Claims) {
        out << fileName << ": " << report.value(u"claimCount"_s).toInteger() << " claims in "
            << report.value(u"transactionCount"_s).toInteger() << " transactions, "
            << report.value(u"charges"_s).toString() << " billed: " << outcomes(report);
        if (const qint64 closed = report.value(u"rejectionsClosed"_s).toInteger())
            out << "; " << closed << " rejections closed";
        out << (imported ? "" : " (nothing taken)") << "\n";
    } else {
        out << fileName << ": " << report.value(u"acknowledgmentCount"_s).toInteger()
            << " acknowledgments: " << outcomes(report) << "; " << report.value(u"rejectionsRaised"_s).toInteger()
            << " rejections raised, " << report.value(u"rejectionsClosed"_s).toInteger() << " closed"
            << (imported ? "" : " (nothing taken)") << "\n";
        const QJsonArray claims = report.value(u"claims"_s).toArray();
        for (qsizetype index = 0; index < std::min(claims.size(), listedClaims); ++index) {
            const QJsonObject claim = claims.at(index).toObject();
            out << "  " << claim.value(u"claimNumber"_s).toString() << " " << claim.value(u"outcome"_s).toString()
                << " (" << claim.value(u"source"_s).toString() << ")";
            if (claim.value(u"outcome"_s).toString() == u"rejected"_s)
                out << ": " << claim.value(u"explanation"_s).toString();
            out << "\n";
        }
        if (claims.size() > listedClaims)
            out << "  ... and " << claims.size() - listedClaims << " more\n";
    }
    printDefects(out, report);
}

int runImport(Kind kind, const QStringList &arguments)
{
    const QString command = kind == Kind::Claims ? u"rcmctl claims import"_s : u"rcmctl acks import"_s;
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(kind == Kind::Claims
                                         ? u"Send X12 837 claim files (professional or institutional) to the "
                                           "gateway's claim register."_s
                                         : u"Send X12 acknowledgments (TA1, 999, 277CA) of the claims sent; each "
                                           "rejection becomes a work item in the claim rejection queue."_s);
    const QCommandLineOption preview(u"preview"_s, u"Report what would be taken and done, changing nothing."_s);
    parser.addOption(preview);
    parser.addPositionalArgument(u"FILE"_s, u"The files, sent one after another."_s, u"FILE..."_s);
    if (const auto stop = context.parse(parser, arguments, true))
        return *stop;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        context.err << "Usage: " << command << " FILE... [--preview] [--json]\n";
        return UsageError;
    }
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session)
        return exitCode;
    context.rememberServerAndUser();
    const bool previewOnly = parser.isSet(preview);
    int worst = Success;
    QJsonArray reports;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            context.err << command << ": cannot read " << path << ": " << file.errorString() << "\n";
            if (context.json()) // still one entry per file named
                reports.append(QJsonObject {{u"path"_s, path}, {u"error"_s, file.errorString()}});
            worst = Failure;
            continue;
        }
        auto request = std::make_shared<api::X12FileRequest>(
            kind, file.readAll(), previewOnly ? api::X12FileRequest::Mode::Preview : api::X12FileRequest::Mode::Import);
        api::ApiClientOptions options = session->client().options();
        if (!previewOnly)
            options.timeout = std::chrono::minutes(5); // a large file takes the gateway a while
        const api::ApiError error = execute(session->client(), request, options);
        if (error.kind == api::ApiError::Kind::Unauthorized) {
            context.reportExpiredSession();
            return CliContext::exitCodeFor(error);
        }
        // A refused file still comes with the gateway's report.
        const QJsonObject report = error ? error.problem.value(u"report"_s).toObject() : request->report;
        if (context.json())
            reports.append(QJsonObject {{u"path"_s, path}, {u"report"_s, report.isEmpty() ? error.problem : report}});
        else if (!report.isEmpty())
            printReport(context.out, kind, path, report);
        if (!error)
            continue;
        context.err << command << ": " << path << ": " << error.message() << "\n";
        const int code = error.httpStatus == 409                 ? int(Conflict)
            : error.httpStatus == 422 || error.httpStatus == 400 ? int(Failure)
                                                                 : CliContext::exitCodeFor(error);
        if (worst == Success || code == Failure)
            worst = code;
    }
    if (context.json())
        context.out << QJsonDocument(reports).toJson(QJsonDocument::Compact) << "\n";
    return worst;
}

int runSubcommand(Kind kind, const QStringList &arguments)
{
    // arguments: the command's name, then the subcommand, which parses its own options.
    if (arguments.size() >= 2 && arguments.at(1) == u"import"_s) {
        QStringList rest = arguments.mid(2);
        rest.prepend(arguments.at(0) + u' ' + arguments.at(1));
        return runImport(kind, rest);
    }
    QTextStream err(stderr);
    err << "Usage: rcmctl " << (kind == Kind::Claims ? "claims" : "acks") << " import FILE... [--preview] [--json]\n";
    return UsageError;
}

} // namespace

int runClaims(const QStringList &arguments)
{
    return runSubcommand(Kind::Claims, arguments);
}

int runAcks(const QStringList &arguments)
{
    return runSubcommand(Kind::Acknowledgments, arguments);
}

} // namespace rcm::cli
