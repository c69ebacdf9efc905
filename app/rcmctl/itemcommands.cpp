// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/itemcommands.h"

#include "app/rcmctl/clicontext.h"
#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "app/rcmctl/terminalprogress.h"
#include "services/api/session.h"
#include "services/api/sourceitemjson.h"
#include "services/api/sourcerequests.h"
#include "services/ingest/extractmapping.h"
#include "services/ingest/extractreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

namespace {

constexpr int defaultBatchSize = 5'000;
constexpr int maximumBatchSize = 10'000;

struct BadRow
{
    qint64 line = 0; ///< 0: not a row of the file (a close of an item gone from it)
    QString reason;
    QString id; ///< the external id, when the gateway refused a close
};

/// What one run did, row by row and in total.
struct Tally
{
    qint64 rows = 0;
    qint64 created = 0;
    qint64 updated = 0;
    qint64 unchanged = 0;
    qint64 closed = 0;
    qint64 toClose = 0; ///< preview: what --close-missing would close
    QList<BadRow> bad;

    QJsonObject toJson() const
    {
        QJsonArray badRows;
        for (const BadRow &row : bad)
            badRows.append(QJsonObject {{u"line"_s, row.line}, {u"reason"_s, row.reason}});
        return QJsonObject {{u"rows"_s, rows},
                            {u"created"_s, created},
                            {u"updated"_s, updated},
                            {u"unchanged"_s, unchanged},
                            {u"refused"_s, qint64(bad.size())},
                            {u"closed"_s, closed},
                            {u"badRows"_s, badRows}};
    }
};

/// Sends the rows gathered so far as one batch and tallies the answers.
class BatchSender final
{
public:
    BatchSender(CliContext &context, api::Session &session, QString source)
        : m_context(context)
        , m_session(session)
        , m_source(std::move(source))
    { }

    void add(const QJsonObject &item, qint64 line)
    {
        m_body.append(item);
        m_lines.append(line);
    }
    qsizetype size() const { return m_body.size(); }

    /// Sends what was added; false (with the exit code) when the gateway could not take it.
    bool send(Tally *tally, int *exitCode)
    {
        if (m_body.size() == 0)
            return true;
        const qsizetype count = m_body.size();
        auto request = std::make_shared<api::SourceBatchRequest>(m_source, m_body.take());
        api::ApiClientOptions options = m_session.client().options();
        options.timeout = std::chrono::minutes(5); // 10,000 items take the gateway a moment
        const api::ApiError error = execute(m_session.client(), request, options);
        if (error) {
            if (error.kind == api::ApiError::Kind::Unauthorized)
                m_context.reportExpiredSession();
            m_context.err << "rcmctl items import: the gateway did not take a batch of " << count << " rows";
            if (m_lines.constFirst() > 0) // rows of the file, not closes
                m_context.err << " (lines " << m_lines.constFirst() << " to " << m_lines.constLast() << ")";
            m_context.err << ": " << error.message() << "\n"
                          << "The batches before it were taken; run the import again to send the rest.\n";
            *exitCode = CliContext::exitCodeFor(error);
            return false;
        }
        for (qsizetype index = 0; index < request->results.size(); ++index) {
            const QJsonObject result = request->results.at(index).toObject();
            const QString outcome = result.value(u"outcome"_s).toString();
            if (outcome == u"created"_s)
                ++tally->created;
            else if (outcome == u"updated"_s)
                ++tally->updated;
            else if (outcome == u"unchanged"_s)
                ++tally->unchanged;
            else
                tally->bad.append({m_lines.value(index), result.value(u"reason"_s).toString(),
                                   result.value(u"externalId"_s).toString()});
        }
        m_lines.clear();
        return true;
    }

private:
    CliContext &m_context;
    api::Session &m_session;
    QString m_source;
    api::BatchBody m_body;
    QList<qint64> m_lines;
};

/// The source's open items that the file did not list.
std::optional<QStringList> missingFromFile(api::Session &session, const QString &source, const QSet<QString> &seen,
                                           api::ApiError *error)
{
    QStringList missing;
    QString after;
    do {
        auto page = std::make_shared<api::OpenSourceItemsRequest>(source, after, 10'000);
        if ((*error = execute(session.client(), page)))
            return std::nullopt;
        for (const QString &id : std::as_const(page->externalIds)) {
            if (!seen.contains(id))
                missing << id;
        }
        after = page->next;
    } while (!after.isEmpty());
    return missing;
}

int closeMissing(CliContext &context, api::Session &session, const QString &source, const QString &fileName,
                 const QSet<QString> &seen, bool preview, Tally *tally)
{
    api::ApiError error;
    const std::optional<QStringList> missing = missingFromFile(session, source, seen, &error);
    if (!missing) {
        context.err << "rcmctl items import: cannot list " << source << "'s open items: " << error.message() << "\n";
        return CliContext::exitCodeFor(error);
    }
    if (preview) {
        tally->toClose = missing->size();
        return Success;
    }
    BatchSender closer(context, session, source);
    Tally closing;
    int exitCode = Success;
    for (const QString &id : *missing) {
        closer.add(QJsonObject {{u"externalId"_s, id},
                                {u"status"_s, u"closed"_s},
                                {u"closeReason"_s, u"no longer in the extract %1"_s.arg(fileName)}},
                   0);
        if (closer.size() >= maximumBatchSize && !closer.send(&closing, &exitCode))
            return exitCode;
    }
    if (!closer.send(&closing, &exitCode))
        return exitCode;
    tally->closed = closing.updated;
    // A close the gateway refused (the item was removed there): said, never dropped.
    for (const BadRow &refused : std::as_const(closing.bad))
        tally->bad.append({0, u"closing %1: %2"_s.arg(refused.id, refused.reason), refused.id});
    return Success;
}

void printTally(QTextStream &out, const QString &path, const Tally &tally, bool preview, bool closing)
{
    for (const BadRow &row : tally.bad) {
        if (row.line > 0)
            out << "line " << row.line << ": ";
        out << row.reason << "\n";
    }
    out << path << ": " << tally.rows << " rows: ";
    if (preview) {
        out << tally.rows - tally.bad.size() << " would be sent, " << tally.bad.size() << " bad";
        if (closing)
            out << "; " << tally.toClose << " open items would be closed (gone from the file)";
        out << " (preview: nothing sent)\n";
        return;
    }
    out << tally.created << " created, " << tally.updated << " updated, " << tally.unchanged << " unchanged, "
        << tally.bad.size() << " refused";
    if (closing)
        out << "; " << tally.closed << " closed (gone from the file)";
    out << "\n";
}

struct ImportOptions
{
    QString path;
    QString source;
    std::optional<ingest::ExtractMapping> mapping;
    bool preview = false;
    bool closeMissing = false;
    int batchSize = defaultBatchSize;
};

int importExtract(CliContext &context, const ImportOptions &options)
{
    QFile file(options.path);
    if (!file.open(QIODevice::ReadOnly)) {
        context.err << "rcmctl items import: cannot read " << options.path << ": " << file.errorString() << "\n";
        return Failure;
    }
    ingest::ExtractReader reader(file, *options.mapping);
    QString headerError;
    if (!reader.readHeader(&headerError)) {
        context.err << "rcmctl items import: " << options.path << ": " << headerError << "\n";
        return Failure;
    }
    api::Session *session = nullptr;
    int exitCode = Success;
    if (!options.preview || options.closeMissing) {
        if (!(session = context.signedInSession(&exitCode)))
            return exitCode;
        context.rememberServerAndUser();
    }
    std::optional<BatchSender> sender;
    if (!options.preview)
        sender.emplace(context, *session, options.source);
    Tally tally;
    QSet<QString> seen;
    TerminalProgress progress(u"Importing %1"_s.arg(QFileInfo(options.path).fileName()), file.size());
    ingest::ExtractReader::Row row;
    ingest::ExtractReader::BadRow bad;
    for (ingest::ExtractReader::Next next; (next = reader.next(&row, &bad)) != ingest::ExtractReader::Next::End;) {
        ++tally.rows;
        if (next == ingest::ExtractReader::Next::BadRow) {
            tally.bad.append({bad.line, bad.reason, bad.externalId});
            if (options.closeMissing && !bad.externalId.isEmpty()) // in the file: never closed as gone
                seen.insert(bad.externalId);
            continue;
        }
        const QString externalId = row.item.value(u"externalId"_s).toString();
        if (options.closeMissing && !externalId.isEmpty())
            seen.insert(externalId);
        QString invalid;
        if (!api::sourceItemFromJson(row.item, &invalid)) { // the gateway's own check, before sending
            tally.bad.append({row.line, invalid, externalId});
            continue;
        }
        if (!sender)
            continue;
        sender->add(row.item, row.line);
        if (sender->size() >= options.batchSize && !sender->send(&tally, &exitCode))
            return exitCode;
        progress.update(reader.bytesRead());
    }
    if (sender && !sender->send(&tally, &exitCode))
        return exitCode;
    progress.finish();
    std::sort(tally.bad.begin(), tally.bad.end(), [](const BadRow &a, const BadRow &b) { return a.line < b.line; });
    if (reader.stoppedEarly()) {
        context.err << "rcmctl items import: " << options.path << ": reading stopped at line "
                    << (tally.bad.isEmpty() ? 1 : tally.bad.constLast().line) << "; the rows after it were not read\n";
    }
    if (options.closeMissing) {
        if (reader.stoppedEarly()) {
            context.err << "rcmctl items import: not closing anything: the whole file was not read\n";
            printTally(context.out, options.path, tally, options.preview, false);
            return Failure;
        }
        if (tally.rows == qint64(tally.bad.size())) {
            context.err << "rcmctl items import: " << options.path
                        << " has no good row: not closing every open item of " << options.source << "\n";
            return Failure;
        }
        const QString fileName = QFileInfo(options.path).fileName();
        if (const int code = closeMissing(context, *session, options.source, fileName, seen, options.preview, &tally))
            return code;
    }
    if (context.json()) {
        QJsonObject report = tally.toJson();
        report.insert(u"path"_s, options.path);
        report.insert(u"source"_s, options.source);
        report.insert(u"preview"_s, options.preview);
        if (options.preview && options.closeMissing)
            report.insert(u"wouldClose"_s, tally.toClose);
        context.out << QJsonDocument(report).toJson(QJsonDocument::Compact) << "\n";
    } else {
        printTally(context.out, options.path, tally, options.preview, options.closeMissing);
    }
    return tally.bad.isEmpty() ? Success : Failure;
}

int runImport(const QStringList &arguments)
{
    CliContext context;
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Send a flat-file extract (CSV) of work items from another system to the "
                                     "gateway, as that source's items (docs/work-items-in.md)."_s);
    const QCommandLineOption source(u"source"_s, u"The source's name, e.g. epic-denials."_s, u"NAME"_s);
    const QCommandLineOption mapping(u"mapping"_s, u"The column mapping (docs/extracts/README.md)."_s, u"MAP.json"_s);
    const QCommandLineOption preview(u"preview"_s, u"Read and check every row; send nothing."_s);
    const QCommandLineOption closeMissing(u"close-missing"_s,
                                          u"Close the source's open items that the file no longer lists."_s);
    const QCommandLineOption batchSize(u"batch-size"_s, u"Rows per request, 1 to 10000 (default 5000)."_s, u"N"_s);
    parser.addOptions({source, mapping, preview, closeMissing, batchSize});
    parser.addPositionalArgument(u"FILE"_s, u"The CSV file."_s);
    if (const auto stop = context.parse(parser, arguments, true))
        return *stop;
    const QString usage
        = u"Usage: rcmctl items import FILE.csv --source NAME --mapping MAP.json [--preview] [--close-missing]\n"_s;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(source) || !parser.isSet(mapping)) {
        context.err << usage;
        return UsageError;
    }
    ImportOptions options;
    options.path = parser.positionalArguments().constFirst();
    options.source = parser.value(source);
    options.preview = parser.isSet(preview);
    options.closeMissing = parser.isSet(closeMissing);
    if (!api::isValidSourceName(options.source)) {
        context.err << "rcmctl items import: --source must be 1 to 32 letters, digits, \".\", \"_\" or \"-\"\n";
        return UsageError;
    }
    bool ok = true;
    options.batchSize = parser.isSet(batchSize) ? parser.value(batchSize).toInt(&ok) : defaultBatchSize;
    if (!ok || options.batchSize < 1 || options.batchSize > maximumBatchSize) {
        context.err << "rcmctl items import: --batch-size must be 1 to 10000\n";
        return UsageError;
    }
    QFile mappingFile(parser.value(mapping));
    if (!mappingFile.open(QIODevice::ReadOnly)) {
        context.err << "rcmctl items import: cannot read " << mappingFile.fileName() << ": "
                    << mappingFile.errorString() << "\n";
        return UsageError;
    }
    QString mappingError;
    options.mapping = ingest::ExtractMapping::fromJson(mappingFile.readAll(), &mappingError);
    if (!options.mapping) {
        context.err << "rcmctl items import: " << mappingFile.fileName() << ": " << mappingError << "\n";
        return UsageError;
    }
    return importExtract(context, options);
}

} // namespace

int runItems(const QStringList &arguments)
{
    if (arguments.size() >= 2 && arguments.at(1) == u"import"_s) {
        QStringList rest = arguments.mid(2);
        rest.prepend(arguments.at(0) + u' ' + arguments.at(1));
        return runImport(rest);
    }
    QTextStream(stderr) << "Usage: rcmctl items import FILE.csv --source NAME --mapping MAP.json [--preview] "
                           "[--close-missing] [--json]\n";
    return UsageError;
}

} // namespace rcm::cli
