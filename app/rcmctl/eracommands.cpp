// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/eracommands.h"

#include "app/rcmctl/eraimportcommands.h"

#include "app/rcmctl/exitcode.h"
#include "services/x12/remittancecheck.h"
#include "services/x12/remittancereader.h"

#include <QCommandLineParser>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTextStream>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

using x12::CheckedRemittance;
using x12::Defect;

QJsonObject defectJson(const Defect &defect)
{
    return QJsonObject {{u"segment"_s, defect.segmentNumber}, {u"code"_s, defect.code}, {u"message"_s, defect.message}};
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

/// A JSON string literal, quoted and escaped as QJsonDocument writes it.
QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

void printTransaction(QTextStream &out, const CheckedRemittance &checked)
{
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

void printDefect(QTextStream &out, const Defect &defect)
{
    out << "  " << (defect.isError() ? "error  " : "warning") << " segment " << defect.segmentNumber;
    if (!defect.segmentId.isEmpty())
        out << " (" << defect.segmentId << ")";
    out << " " << defect.code << ": " << defect.message << "\n";
}

/// An owner-only temporary file, removed when it goes: what era check holds until a
/// file's end goes here rather than into memory, so a file of any size checks flat.
std::unique_ptr<QTemporaryFile> openSpool()
{
    auto spool = std::make_unique<QTemporaryFile>(QDir(QDir::tempPath()).filePath(u"rcmctl-era-XXXXXX"_s));
    if (!spool->open())
        return nullptr;
    return spool;
}

/// One file's defects in the order era check prints them (by segment, the file's own
/// before a transaction's on the same segment). Each transaction's go to a spool as they
/// are found, so a file with a defect in every claim costs disk, not memory.
class FileDefects final
{
public:
    /// A transaction's defects, in segment order; transactions come in file order.
    bool add(const QList<Defect> &defects)
    {
        for (const Defect &defect : defects)
            ++(defect.isError() ? m_errors : m_warnings);
        if (defects.isEmpty())
            return true;
        if (!m_spool && !(m_spool = openSpool()))
            return false;
        m_stream.setDevice(m_spool.get());
        for (const Defect &defect : defects) {
            m_stream << defect.severity << defect.segmentNumber << defect.segmentId << defect.code << defect.message;
            ++m_spooled;
        }
        return m_stream.status() == QDataStream::Ok;
    }
    /// The defects outside any transaction, once the reader is done.
    void finish(QList<Defect> fileDefects)
    {
        for (const Defect &defect : fileDefects)
            ++(defect.isError() ? m_errors : m_warnings);
        std::stable_sort(fileDefects.begin(), fileDefects.end(), [](const Defect &left, const Defect &right) {
            return left.segmentNumber < right.segmentNumber;
        });
        m_fileDefects = std::move(fileDefects);
    }
    qint64 errors() const { return m_errors; }
    qint64 warnings() const { return m_warnings; }

    /// Calls visit for each defect in order; may be called more than once.
    template<typename Visit>
    void forEach(Visit visit)
    {
        qsizetype next = 0;
        if (m_spool) {
            m_spool->seek(0);
            m_stream.setDevice(m_spool.get());
            Defect spooled;
            for (qint64 index = 0; index < m_spooled; ++index) {
                m_stream >> spooled.severity >> spooled.segmentNumber >> spooled.segmentId >> spooled.code
                    >> spooled.message;
                while (next < m_fileDefects.size() && m_fileDefects.at(next).segmentNumber <= spooled.segmentNumber)
                    visit(m_fileDefects.at(next++));
                visit(spooled);
            }
            m_spool->seek(m_spool->size());
        }
        while (next < m_fileDefects.size())
            visit(m_fileDefects.at(next++));
    }

private:
    std::unique_ptr<QTemporaryFile> m_spool;
    QDataStream m_stream;
    qint64 m_spooled = 0;
    qint64 m_errors = 0;
    qint64 m_warnings = 0;
    QList<Defect> m_fileDefects;
};

/// Reads one file transaction by transaction, handing each to transaction() as it is
/// read; returns the file's defects. Only one transaction is in memory at a time.
template<typename Transaction>
bool checkFile(const QString &path, FileDefects &defects, Transaction transaction)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        defects.finish({{x12::Severity::Error, x12::defectcode::FileUnreadable, 0, QString(),
                         u"The file cannot be opened: %1."_s.arg(file.errorString())}});
        return true;
    }
    const reference::ReasonCodeCatalogue &catalogue = reference::ReasonCodeCatalogue::builtIn();
    x12::RemittanceReader reader(&file);
    x12::Remittance remittance;
    while (reader.readNext(remittance)) {
        const CheckedRemittance checked = x12::checkRemittance(std::move(remittance), catalogue);
        if (!defects.add(checked.defects()))
            return false;
        transaction(checked);
        remittance = {};
    }
    defects.finish(reader.fileDefects());
    return true;
}

/// One JSON object on one line, written as the file is read: {"file", "transactions",
/// "errors", "warnings"}, each transaction serialised on its own as it comes.
bool printJson(QTextStream &out, const QString &path, FileDefects &defects)
{
    out << "{\"file\":" << jsonString(path) << ",\"transactions\":[";
    bool first = true;
    const bool read = checkFile(path, defects, [&](const CheckedRemittance &checked) {
        out << (first ? "" : ",") << QJsonDocument(transactionJson(checked)).toJson(QJsonDocument::Compact);
        first = false;
    });
    for (const x12::Severity severity : {x12::Severity::Error, x12::Severity::Warning}) {
        out << (severity == x12::Severity::Error ? "],\"errors\":[" : "],\"warnings\":[");
        first = true;
        defects.forEach([&](const Defect &defect) {
            if (defect.severity == severity) {
                out << (first ? "" : ",") << QJsonDocument(defectJson(defect)).toJson(QJsonDocument::Compact);
                first = false;
            }
        });
    }
    out << "]}\n";
    return read;
}

/// The text: a summary line first, which needs counts known only at the file's end, so
/// the transactions' lines are spooled to disk as they are read and copied out after it.
bool printText(QTextStream &out, const QString &path, FileDefects &defects)
{
    const std::unique_ptr<QTemporaryFile> spool = openSpool();
    if (!spool)
        return false;
    QTextStream lines(spool.get());
    qint64 transactions = 0;
    const bool read = checkFile(path, defects, [&](const CheckedRemittance &checked) {
        printTransaction(lines, checked);
        ++transactions;
    });
    lines.flush();
    if (!read || lines.status() != QTextStream::Ok)
        return false;
    out << path << ": " << transactions << " remittance transaction(s), " << defects.errors() << " error(s), "
        << defects.warnings() << " warning(s)\n";
    out.flush();
    spool->seek(0);
    QFile standardOutput;
    if (!standardOutput.open(stdout, QIODevice::WriteOnly))
        return false;
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 size; (size = spool->read(chunk.data(), chunk.size())) > 0;)
        standardOutput.write(chunk.constData(), size);
    standardOutput.flush();
    defects.forEach([&](const Defect &defect) { printDefect(out, defect); });
    return true;
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
        err << "Usage: rcmctl era check FILE... [--json] | era import FILE [--preview] [--json] | era release ID "
               "--note TEXT "
               "| era generate --out "
               "FILE\n";
        return UsageError;
    }
    int exitCode = Success;
    for (const QString &path : files) {
        FileDefects defects;
        if (!(parser.isSet(json) ? printJson(out, path, defects) : printText(out, path, defects))) {
            out.flush();
            err << "rcmctl: cannot write a temporary file in " << QDir::tempPath() << " while checking " << path
                << "\n";
            return Failure;
        }
        if (defects.errors() > 0)
            exitCode = Failure;
    }
    return exitCode;
}

} // namespace rcm::cli
