// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/generatecommand.h"

#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/terminalprogress.h"
#include "services/synthetic/syntheticcache.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

int runGenerate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Write a workbench cache filled with synthetic, obviously fake work items."_s);
    parser.addHelpOption();
    const QCommandLineOption items(u"items"_s, u"Number of work items (default 10000)."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed: the same seed gives the same data (default 1)."_s, u"S"_s, u"1"_s);
    const QCommandLineOption out(u"out"_s, u"The cache file to write."_s, u"FILE"_s);
    const QCommandLineOption asOf(u"as-of"_s, u"The data's \"today\" (default: today)."_s, u"YYYY-MM-DD"_s);
    parser.addOptions({items, seed, out, asOf});
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n";
        return UsageError;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return Success;
    }
    bool countOk = false;
    const qint64 count = parser.value(items).toLongLong(&countOk);
    bool seedOk = false;
    const quint64 seedValue = parser.value(seed).toULongLong(&seedOk);
    const QDate asOfDate
        = parser.isSet(asOf) ? QDate::fromString(parser.value(asOf), Qt::ISODate) : QDate::currentDate();
    if (!countOk || count < 0 || count > 100'000'000) {
        err << "rcmctl generate: --items must be a whole number from 0 to 100000000\n";
        return UsageError;
    }
    if (!seedOk) {
        err << "rcmctl generate: --seed must be a non-negative whole number\n";
        return UsageError;
    }
    if (!asOfDate.isValid()) {
        err << "rcmctl generate: --as-of must be a date like 2026-11-27\n";
        return UsageError;
    }
    if (!parser.isSet(out) || !parser.positionalArguments().isEmpty()) {
        err << "rcmctl generate: give the cache file with --out FILE (and nothing else)\n";
        return UsageError;
    }

    const synthetic::SyntheticGenerator generator({seedValue, asOfDate});
    QElapsedTimer timer;
    timer.start();
    TerminalProgress progress(u"Generating"_s, count);
    const store::StoreError error = synthetic::writeSyntheticCache(parser.value(out), count, generator,
                                                                   [&](qint64 done) { progress.update(done); });
    progress.finish();
    if (error) {
        err << "rcmctl generate: " << error.message() << "\n";
        return Failure;
    }
    err << "Wrote " << count << " work items (seed " << seedValue << ", as of " << asOfDate.toString(Qt::ISODate)
        << ") to " << parser.value(out) << " in " << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1)
        << " s\n";
    return Success;
}

} // namespace rcm::cli
