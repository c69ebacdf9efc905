// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/reportverify.h"

#include "app/rcmctl/clicontext.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "services/api/exportrecordjson.h"
#include "services/api/requests.h"
#include "services/reports/exportfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

/// "from 2026-01-01, payer P-1, to 2026-01-31", or "none".
QString describeParameters(const QJsonObject &parameters)
{
    QStringList parts;
    for (auto it = parameters.begin(); it != parameters.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString()) {
            text = value.toString();
        } else {
            // Numbers, lists and objects as their JSON (one element of an array, unwrapped).
            text = QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
            text = text.mid(1, text.size() - 2);
        }
        parts.append(it.key() + u' ' + text);
    }
    return parts.isEmpty() ? u"none"_s : parts.join(u", "_s);
}

} // namespace

int runReportVerify(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Say whether the gateway issued a report file: who exported it and when, or that no export with this "
        "content was ever registered (the file may have been edited after export)."_s);
    parser.addPositionalArgument(u"FILE"_s, u"The exported report file (CSV, XLSX or PDF)."_s);
    QStringList given = arguments;
    if (given.size() > 1 && given.at(1) == u"verify"_s)
        given.removeAt(1);
    if (const auto stop = context.parse(parser, given, true))
        return *stop;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        context.err << "rcmctl report verify: give exactly one FILE\n";
        return UsageError;
    }
    QString error;
    const QString sha256 = reports::sha256OfFile(files.constFirst(), &error);
    if (sha256.isEmpty()) {
        context.err << "rcmctl report verify: " << error << "\n";
        return Failure;
    }
    int exitCode = Success;
    api::Session *session = context.signedInSession(&exitCode);
    if (!session)
        return exitCode;
    context.rememberServerAndUser();

    const auto lookup = std::make_shared<api::ExportLookupRequest>(sha256);
    const api::ApiError answer = execute(session->client(), lookup);
    switch (api::ExportLookupRequest::outcome(answer)) {
    case api::ExportLookupRequest::Outcome::Found: {
        const models::ExportRecord &record = lookup->record;
        if (context.json()) {
            QJsonObject json = api::toJson(record);
            json.insert(u"issued"_s, true);
            context.out << QJsonDocument(json).toJson(QJsonDocument::Compact) << "\n";
            return Success;
        }
        context.out << "Issued by " << record.exportedByName << " (" << record.exportedByUsername << ") on "
                    << record.exportedAt.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) << " UTC: report " << record.report
                    << " (format " << models::wireName(record.format) << "), parameters "
                    << describeParameters(record.parameters) << "\n";
        return Success;
    }
    case api::ExportLookupRequest::Outcome::NeverIssued:
        if (context.json()) {
            context.out << QJsonDocument(QJsonObject {{u"issued"_s, false}, {u"sha256"_s, sha256}})
                               .toJson(QJsonDocument::Compact)
                        << "\n";
        } else {
            context.out << "Not issued by this gateway: nobody registered a file with this SHA-256 (it may have been "
                           "edited after export)\n";
        }
        return Failure;
    case api::ExportLookupRequest::Outcome::Failed:
        break;
    }
    context.err << "rcmctl report verify: " << answer.message() << "\n";
    if (answer.kind == api::ApiError::Kind::Unauthorized)
        context.reportExpiredSession();
    return CliContext::exitCodeFor(answer);
}

} // namespace rcm::cli
