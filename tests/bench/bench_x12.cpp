// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// x12.parse_balance_100mb and x12.peak_memory_100mb: read and balance a 100 MB 835
// generated from the synthetic claims, beside the floor: the same bytes read in the
// same chunks and split into segments with memchr, nothing else. x12.read_837_100k:
// read an 837 of 100,000 synthetic claims (837P and 837I), beside the same floor. Peak memory is the
// process's resident high-water mark (VmHWM), reset before each run through
// /proc/self/clear_refs, so earlier benchmarks in this process do not count.
#include "services/synthetic/syntheticclaimfile.h"
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/balancing.h"
#include "services/x12/claimreader.h"
#include "services/x12/remittancereader.h"
#include "services/x12/remittancewriter.h"
#include "tests/bench/benchmark.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <malloc.h>

#include <cstring>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 targetBytes = 100LL * 1024 * 1024;
constexpr qint64 chunkSize = 1 << 20;
constexpr int repetitions = 3;

double megabytes(qint64 bytes)
{
    return double(bytes) / (1024.0 * 1024.0);
}

void resetPeakMemory()
{
    // The reset starts from the resident size now: give back what earlier benchmarks in
    // this process freed, or their heap would count as this one's peak.
    malloc_trim(0);
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

double peakMegabytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return 0;
}

qint64 generate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    const synthetic::SyntheticRemittances generator({7, QDate(2026, 11, 27), 40});
    x12::RemittanceWriter writer(&file, {});
    qint64 next = 0;
    while (writer.bytesWritten() < targetBytes) {
        QList<x12::Remittance> batch;
        for (int index = 0; index < 50; ++index)
            batch.append(generator.transaction(next++));
        if (!writer.writeInterchange(batch))
            qFatal("cannot write %s", qPrintable(path));
    }
    file.flush();
    return file.size();
}

struct Run
{
    double seconds = 0;
    double peak = 0;
    qint64 count = 0; ///< segments (floor) or transactions (parser)
};

Run floorRun(const QString &path)
{
    resetPeakMemory();
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    qint64 kept = 0;
    Run run;
    while (true) {
        const qint64 read = file.read(buffer.data() + kept, chunkSize - kept);
        if (read <= 0)
            break;
        const char *position = buffer.constData();
        const char *end = position + kept + read;
        while (const auto *terminator
               = static_cast<const char *>(std::memchr(position, '~', std::size_t(end - position)))) {
            ++run.count;
            position = terminator + 1;
        }
        kept = end - position;
        std::memmove(buffer.data(), position, std::size_t(kept));
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.peak = peakMegabytes();
    return run;
}

Run parserRun(const QString &path)
{
    resetPeakMemory();
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    x12::RemittanceReader reader(&file, chunkSize);
    x12::Remittance remittance;
    Run run;
    qint64 unbalanced = 0;
    while (reader.readNext(remittance)) {
        ++run.count;
        unbalanced += !x12::isBalanced(x12::checkBalance(remittance)) || !remittance.defects.isEmpty();
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.peak = peakMegabytes();
    if (unbalanced != 0 || !reader.fileDefects().isEmpty())
        qFatal("the generated 835 has %lld defective transactions", unbalanced);
    return run;
}

QList<bench::BenchmarkResult> parseAndBalance()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"generated.835"_s);
    QElapsedTimer timer;
    timer.start();
    const qint64 bytes = generate(path);
    err << "  generated " << megabytes(bytes) << " MB in " << double(timer.elapsed()) / 1000.0 << " s\n";
    Run bestFloor {1e9, 0, 0};
    Run bestParser {1e9, 0, 0};
    for (int repetition = 0; repetition < repetitions; ++repetition) {
        const Run floor = floorRun(path);
        const Run parser = parserRun(path);
        err << "  run " << repetition + 1 << ": memchr split " << floor.seconds << " s (" << floor.count
            << " segments, peak " << floor.peak << " MB), read and balance " << parser.seconds << " s (" << parser.count
            << " transactions, peak " << parser.peak << " MB)\n";
        if (floor.seconds < bestFloor.seconds)
            bestFloor = floor;
        if (parser.seconds < bestParser.seconds)
            bestParser = parser;
    }
    const double size = megabytes(bytes);
    return {
        {u"x12.parse_balance_100mb"_s, size / bestParser.seconds, u"MB/s"_s, size / bestFloor.seconds, true},
        {u"x12.peak_memory_100mb"_s, bestParser.peak, u"MB"_s, bestFloor.peak, false},
    };
}

constexpr qint64 claimFileClaims = 100'000;

Run claimReaderRun(const QString &path)
{
    resetPeakMemory();
    QElapsedTimer timer;
    timer.start();
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    x12::ClaimReader reader(&file, chunkSize);
    x12::ClaimTransaction transaction;
    Run run;
    qint64 defective = 0;
    while (reader.readNext(transaction)) {
        run.count += transaction.claims.size();
        defective += !transaction.defects.isEmpty();
    }
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    run.peak = peakMegabytes();
    if (defective != 0 || !reader.fileDefects().isEmpty() || run.count != claimFileClaims)
        qFatal("the generated 837 read back with %lld defective transactions, %lld claims", defective, run.count);
    return run;
}

QList<bench::BenchmarkResult> readClaims()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"generated.837"_s);
    QElapsedTimer timer;
    timer.start();
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        const synthetic::SyntheticGenerator generator({7, QDate(2026, 11, 27)});
        synthetic::SyntheticClaimFileOptions options;
        options.count = claimFileClaims;
        if (!synthetic::writeSyntheticClaimFile(&file, generator, options))
            qFatal("cannot write %s", qPrintable(path));
    }
    const qint64 bytes = QFileInfo(path).size();
    err << "  generated " << megabytes(bytes) << " MB (" << claimFileClaims << " claims) in "
        << double(timer.elapsed()) / 1000.0 << " s\n";
    Run bestFloor {1e9, 0, 0};
    Run bestReader {1e9, 0, 0};
    for (int repetition = 0; repetition < repetitions; ++repetition) {
        const Run floor = floorRun(path);
        const Run reader = claimReaderRun(path);
        err << "  run " << repetition + 1 << ": memchr split " << floor.seconds << " s (" << floor.count
            << " segments), 837 read " << reader.seconds << " s (" << reader.count << " claims, peak " << reader.peak
            << " MB)\n";
        if (floor.seconds < bestFloor.seconds)
            bestFloor = floor;
        if (reader.seconds < bestReader.seconds)
            bestReader = reader;
    }
    const double size = megabytes(bytes);
    return {
        {u"x12.read_837_100k"_s, size / bestReader.seconds, u"MB/s"_s, size / bestFloor.seconds, true},
    };
}

const bench::BenchmarkRegistration
    claimRegistration(u"x12.read_837_100k"_s, u"read a generated 837 of 100,000 claims vs. memchr segment split"_s,
                      readClaims);

const bench::BenchmarkRegistration registration(u"x12.parse_balance_100mb"_s,
                                                u"read and balance a 100 MB generated 835 vs. memchr segment split"_s,
                                                parseAndBalance);

} // namespace
