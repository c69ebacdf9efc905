// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/eraimportcommands.h"

#include "app/rcmctl/clicontext.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "services/api/requests.h"
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/remittancewriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

void printReport(QTextStream &out, const QJsonObject &report)
{
    for (const QJsonValue &value : report.value(u"transactions"_s).toArray()) {
        const QJsonObject transaction = value.toObject();
        out << "Trace " << transaction.value(u"traceNumber"_s).toString() << " from "
            << transaction.value(u"payer"_s).toString() << ": " << transaction.value(u"paymentAmount"_s).toString()
            << " for " << transaction.value(u"claimCount"_s).toInt() << " claims, "
            << (transaction.value(u"balanced"_s).toBool() ? "balanced" : "OUT OF BALANCE") << ", "
            << (transaction.value(u"duplicate"_s).toBool()
                    ? u"posted before (not posted again)"_s
                    : (transaction.value(u"held"_s).toBool()
                           ? u"HELD: nothing posted (release it with: rcmctl era release %1 --note TEXT)"_s.arg(
                               transaction.value(u"remittanceId"_s).toInteger())
                           : (transaction.value(u"posted"_s).toBool() ? u"posted"_s : u"not posted"_s)))
            << "\n";
        for (const QJsonValue &item : transaction.value(u"exceptions"_s).toArray()) {
            const QJsonObject exception = item.toObject();
            out << "  " << exception.value(u"kind"_s).toString() << " " << exception.value(u"amount"_s).toString()
                << ": " << exception.value(u"explanation"_s).toString();
            const QJsonArray ids = exception.value(u"workItemIds"_s).toArray();
            if (!ids.isEmpty())
                out << " [" << ids.toVariantList().first().toString() << (ids.size() > 1 ? " +denial" : "") << "]";
            out << "\n";
        }
        for (const QJsonValue &item : transaction.value(u"errors"_s).toArray())
            out << "  error at segment " << item[u"segment"_s].toInteger() << ": " << item[u"message"_s].toString()
                << "\n";
    }
    for (const QJsonValue &item : report.value(u"errors"_s).toArray())
        out << "error at segment " << item[u"segment"_s].toInteger() << ": " << item[u"message"_s].toString() << "\n";
    out << report.value(u"postedTransactions"_s).toInt() << " transactions posted, "
        << report.value(u"exceptionCount"_s).toInt() << " exceptions\n";
}

} // namespace

int runEraImport(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Send an X12 835 remittance to the gateway to match and post."_s);
    const QCommandLineOption preview(u"preview"_s, u"Report what would be posted and raised, posting nothing."_s);
    parser.addOption(preview);
    parser.addPositionalArgument(u"FILE"_s, u"The 835 file."_s);
    if (const auto stop = context.parse(parser, arguments, true))
        return *stop;
    if (parser.positionalArguments().size() != 1) {
        context.err << "Usage: rcmctl era import FILE [--preview] [--json]\n";
        return UsageError;
    }
    QFile file(parser.positionalArguments().constFirst());
    if (!file.open(QIODevice::ReadOnly)) {
        context.err << "rcmctl era import: cannot read " << file.fileName() << ": " << file.errorString() << "\n";
        return Failure;
    }
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session)
        return exitCode;
    context.rememberServerAndUser();
    const bool previewOnly = parser.isSet(preview);
    auto request = std::make_shared<api::RemittanceImportRequest>(
        file.readAll(),
        previewOnly ? api::RemittanceImportRequest::Mode::Preview : api::RemittanceImportRequest::Mode::Post);
    api::ApiClientOptions options = session->client().options();
    if (!previewOnly)
        options.timeout = std::chrono::minutes(5); // a large file takes the gateway a while
    const api::ApiError error = execute(session->client(), request, options);
    if (error.kind == api::ApiError::Kind::Unauthorized)
        context.reportExpiredSession();
    // A duplicate or unreadable file still comes with the gateway's report.
    const QJsonObject report = error ? error.problem.value(u"report"_s).toObject() : request->report;
    if (context.json())
        context.out << QJsonDocument(report.isEmpty() ? error.problem : report).toJson(QJsonDocument::Compact) << "\n";
    else if (!report.isEmpty())
        printReport(context.out, report);
    if (!error)
        return Success;
    context.err << "rcmctl era import: " << error.message() << "\n";
    if (error.httpStatus == 409)
        return Conflict;
    return error.httpStatus == 422 || error.httpStatus == 400 ? Failure : CliContext::exitCodeFor(error);
}

int runEraRelease(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Post a remittance the gateway held because it was out of balance, accepting "
                                     "the difference; the note says why and goes into the audit log."_s);
    const QCommandLineOption note(u"note"_s, u"Why the difference is accepted (required)."_s, u"TEXT"_s);
    parser.addOption(note);
    parser.addPositionalArgument(u"ID"_s, u"The held remittance's id, from the import's report."_s);
    if (const auto stop = context.parse(parser, arguments, true))
        return *stop;
    bool valid = false;
    const qint64 id = parser.positionalArguments().value(0).toLongLong(&valid);
    if (parser.positionalArguments().size() != 1 || !valid || parser.value(note).trimmed().isEmpty()) {
        context.err << "Usage: rcmctl era release ID --note TEXT [--json]\n";
        return UsageError;
    }
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session)
        return exitCode;
    context.rememberServerAndUser();
    auto request = std::make_shared<api::RemittanceReleaseRequest>(id, parser.value(note).trimmed());
    const api::ApiError error = execute(session->client(), request, session->client().options());
    if (error.kind == api::ApiError::Kind::Unauthorized)
        context.reportExpiredSession();
    if (!error) {
        if (context.json()) {
            context.out << QJsonDocument(request->report).toJson(QJsonDocument::Compact) << "\n";
        } else {
            context.out << "Remittance " << id << " (trace " << request->report.value(u"traceNumber"_s).toString()
                        << ") released: the difference of " << request->report.value(u"difference"_s).toString()
                        << " is booked as a provider-level adjustment.\n";
            for (const QJsonValue &item : request->report.value(u"exceptions"_s).toArray()) {
                context.out << "  " << item[u"kind"_s].toString() << " " << item[u"amount"_s].toString() << ": "
                            << item[u"explanation"_s].toString() << "\n";
            }
        }
        return Success;
    }
    context.err << "rcmctl era release: " << error.message() << "\n";
    return error.httpStatus == 409 ? Conflict : CliContext::exitCodeFor(error);
}

int runEraGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Write a balanced synthetic 835 paying the generator's items, one payer per transaction: denials, "
        "under- and overpayments, sequestration, crossovers and secondary payments, split claims, claims paid "
        "twice, restated codes, reversals, interest, recoupments and forward balances included."_s);
    parser.addHelpOption();
    const QCommandLineOption out(u"out"_s, u"The file to write."_s, u"FILE"_s);
    const QCommandLineOption seed(u"seed"_s, u"The generator's seed (rcm-gateway --demo uses 7)."_s, u"N"_s, u"7"_s);
    const QCommandLineOption asOf(u"as-of"_s, u"The generator's as-of date (default: today)."_s, u"DATE"_s);
    const QCommandLineOption first(u"first"_s, u"The first transaction number."_s, u"N"_s, u"0"_s);
    const QCommandLineOption transactions(u"transactions"_s, u"How many transactions (about 40 claims each)."_s, u"K"_s,
                                          u"5"_s);
    parser.addOptions({out, seed, asOf, first, transactions});
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n";
        return UsageError;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    const QDate date = parser.isSet(asOf) ? QDate::fromString(parser.value(asOf), Qt::ISODate) : QDate::currentDate();
    bool seedOk = false;
    bool firstOk = false;
    bool countOk = false;
    const quint64 seedValue = parser.value(seed).toULongLong(&seedOk);
    const qint64 firstValue = parser.value(first).toLongLong(&firstOk);
    const qint64 count = parser.value(transactions).toLongLong(&countOk);
    if (!parser.isSet(out) || !date.isValid() || !seedOk || !firstOk || !countOk || firstValue < 0 || count < 1) {
        err << "Usage: rcmctl era generate --out FILE [--seed N] [--as-of YYYY-MM-DD] [--first N] [--transactions K]\n";
        return UsageError;
    }
    const synthetic::SyntheticRemittances generator({seedValue, date, 40});
    QList<x12::Remittance> remittances;
    for (qint64 index = firstValue; index < firstValue + count; ++index)
        remittances.append(generator.transaction(index));
    QSaveFile file(parser.value(out));
    if (!file.open(QIODevice::WriteOnly)) {
        err << "rcmctl era generate: cannot write " << file.fileName() << ": " << file.errorString() << "\n";
        return Failure;
    }
    x12::RemittanceWriter::Options options;
    options.lineBreak = x12::RemittanceWriter::LineBreak::Newline;
    options.date = date;
    x12::RemittanceWriter writer(&file, options);
    if (!writer.writeInterchange(remittances) || !file.commit()) {
        err << "rcmctl era generate: cannot write " << file.fileName() << ": " << file.errorString() << "\n";
        return Failure;
    }
    qsizetype claims = 0;
    for (const x12::Remittance &remittance : std::as_const(remittances))
        claims += remittance.claims.size();
    QTextStream(stdout) << "Wrote " << count << " transactions (" << claims << " claim payments) to " << file.fileName()
                        << "\n";
    return Success;
}

} // namespace rcm::cli
