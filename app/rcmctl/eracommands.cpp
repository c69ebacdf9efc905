// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/eracommands.h"

#include "app/rcmctl/eraimportcommands.h"

#include "app/rcmctl/exitcode.h"
#include "services/x12/remittancecheck.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

using x12::CheckedRemittance;
using x12::Defect;
using x12::RemittanceCheck;

QJsonArray defectsJson(const QList<Defect> &defects, x12::Severity severity)
{
    QJsonArray array;
    for (const Defect &defect : defects) {
        if (defect.severity == severity) {
            array.append(QJsonObject {
                {u"segment"_s, defect.segmentNumber}, {u"code"_s, defect.code}, {u"message"_s, defect.message}});
        }
    }
    return array;
}

QJsonObject transactionJson(const CheckedRemittance &checked)
{
    const x12::Remittance &remittance = checked.remittance;
    QJsonArray claims;
    for (const x12::ClaimPayment &claim : remittance.claims) {
        claims.append(QJsonObject {
            {u"patientControlNumber"_s, claim.patientControlNumber},
            {u"status"_s, claim.statusCode},
            {u"charge"_s, claim.charge.toString()},
            {u"paid"_s, claim.paid.toString()},
            {u"patientResponsibility"_s,
             claim.patientResponsibility ? QJsonValue(claim.patientResponsibility->toString()) : QJsonValue()},
        });
    }
    return QJsonObject {
        {u"payer"_s, remittance.payer.name},
        {u"payee"_s, remittance.payee.name},
        {u"traceNumber"_s, remittance.payment.traceNumber},
        {u"paymentAmount"_s, remittance.payment.amount.toString()},
        {u"claimCount"_s, remittance.claims.size()},
        {u"claimPaymentTotal"_s, remittance.claimPaymentTotal().toString()},
        {u"providerAdjustmentTotal"_s, remittance.providerAdjustmentTotal().toString()},
        {u"balanced"_s, checked.isBalanced()},
        {u"claims"_s, claims},
    };
}

QByteArray fileJson(const QString &path, const RemittanceCheck &check)
{
    QJsonArray transactions;
    for (const CheckedRemittance &checked : check.transactions)
        transactions.append(transactionJson(checked));
    const QList<Defect> defects = check.defects();
    const QJsonObject object {
        {u"file"_s, path},
        {u"transactions"_s, transactions},
        {u"errors"_s, defectsJson(defects, x12::Severity::Error)},
        {u"warnings"_s, defectsJson(defects, x12::Severity::Warning)},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

void printText(QTextStream &out, const QString &path, const RemittanceCheck &check)
{
    const QList<Defect> defects = check.defects();
    const auto errors = std::count_if(defects.begin(), defects.end(), [](const Defect &d) { return d.isError(); });
    out << path << ": " << check.transactions.size() << " remittance transaction(s), " << errors << " error(s), "
        << defects.size() - errors << " warning(s)\n";
    for (const CheckedRemittance &checked : check.transactions) {
        const x12::Remittance &remittance = checked.remittance;
        out << "  Transaction " << remittance.controlNumber << ": payer " << remittance.payer.name << ", payee "
            << remittance.payee.name << ", trace " << remittance.payment.traceNumber << "\n"
            << "    payment " << remittance.payment.amount.toString() << " = claim payments "
            << remittance.claimPaymentTotal().toString() << " - provider adjustments "
            << remittance.providerAdjustmentTotal().toString() << ": "
            << (checked.isBalanced() ? "balanced" : "NOT balanced") << "\n";
        for (const x12::ClaimPayment &claim : remittance.claims) {
            out << "    claim " << claim.patientControlNumber << " status " << claim.statusCode << ": charge "
                << claim.charge.toString() << ", paid " << claim.paid.toString() << ", patient "
                << (claim.patientResponsibility ? claim.patientResponsibility->toString() : u"-"_s) << ", "
                << claim.lines.size() << " line(s)\n";
        }
    }
    for (const Defect &defect : defects) {
        out << "  " << (defect.isError() ? "error  " : "warning") << " segment " << defect.segmentNumber;
        if (!defect.segmentId.isEmpty())
            out << " (" << defect.segmentId << ")";
        out << " " << defect.code << ": " << defect.message << "\n";
    }
}

RemittanceCheck checkFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        RemittanceCheck check;
        check.fileDefects.append({x12::Severity::Error, x12::defectcode::FileUnreadable, 0, QString(),
                                  u"The file cannot be opened: %1."_s.arg(file.errorString())});
        return check;
    }
    return x12::checkRemittances(&file, reference::ReasonCodeCatalogue::builtIn());
}

} // namespace

int runEra(const QStringList &arguments)
{
    // "rcmctl era import|release|generate ..." parse their own options.
    if (arguments.size() > 1
        && (arguments.at(1) == u"import"_s || arguments.at(1) == u"generate"_s || arguments.at(1) == u"release"_s)) {
        QStringList rest = arguments.mid(2);
        rest.prepend(arguments.at(0) + u' ' + arguments.at(1));
        if (arguments.at(1) == u"release"_s)
            return runEraRelease(rest);
        return arguments.at(1) == u"import"_s ? runEraImport(rest) : runEraGenerate(rest);
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Read X12 835 remittances (ERA) and check their envelopes, balancing and "
                                     "reason codes, without posting anything."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"check"_s, u"The check to run."_s);
    parser.addPositionalArgument(u"FILE"_s, u"835 files to check."_s, u"FILE..."_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON object per file."_s);
    parser.addOption(json);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n";
        return UsageError;
    }
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText();
        return Success;
    }
    QStringList files = parser.positionalArguments();
    if (files.isEmpty() || files.takeFirst() != u"check"_s || files.isEmpty()) {
        err << "Usage: rcmctl era check FILE... [--json] | era import FILE [--preview] [--json] | era release ID --note TEXT "
               "| era generate --out "
               "FILE\n";
        return UsageError;
    }
    int exitCode = Success;
    for (const QString &path : files) {
        const RemittanceCheck check = checkFile(path);
        if (check.hasErrors())
            exitCode = Failure;
        if (parser.isSet(json))
            out << fileJson(path, check) << "\n";
        else
            printText(out, path, check);
    }
    return exitCode;
}

} // namespace rcm::cli
