// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// rcm-bench [NAME...]: runs the benchmarks (all, or those whose name starts with NAME),
// prints a table of each figure beside its floor and writes the figures as JSON.
#include "tests/bench/benchmark.h"
#include "tests/bench/timedapplication.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::bench;

namespace {

QString formatted(double value)
{
    return value >= 100 ? QString::number(value, 'f', 0) : QString::number(value, 'f', 2);
}

/// name -> ratio of an earlier run, to show whether this one got better or worse.
QHash<QString, double> readPreviousRatios(const QString &path)
{
    QHash<QString, double> ratios;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ratios;
    const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
    for (const QJsonValue &entry : array)
        ratios.insert(entry[u"name"_s].toString(), entry[u"ratio"_s].toDouble());
    return ratios;
}

void printTable(const QList<BenchmarkResult> &results, const QHash<QString, double> &previousRatios)
{
    QTextStream out(stdout);
    out << "\n"
        << u"benchmark"_s.leftJustified(36) << u"value"_s.rightJustified(14) << u"floor"_s.rightJustified(14)
        << u"unit"_s.rightJustified(12) << u"ratio"_s.rightJustified(8) << u"last run"_s.rightJustified(10) << "\n"
        << QString(94, u'-') << "\n";
    for (const BenchmarkResult &result : results) {
        const QString previous = previousRatios.contains(result.name)
            ? QString::number(previousRatios.value(result.name), 'f', 2) + u'x'
            : u"-"_s;
        out << result.name.leftJustified(36) << formatted(result.value).rightJustified(14)
            << formatted(result.floor).rightJustified(14) << result.unit.rightJustified(12)
            << QString(QString::number(result.ratio(), 'f', 2) + u'x').rightJustified(8) << previous.rightJustified(10)
            << "\n";
    }
    out << "\nratio: how many times worse than the floor (1.00x = as good as the floor).\n";
}

bool writeJson(const QString &path, const QList<BenchmarkResult> &results)
{
    QJsonArray array;
    for (const BenchmarkResult &result : results) {
        array.append(QJsonObject {{u"name"_s, result.name},
                                  {u"value"_s, result.value},
                                  {u"unit"_s, result.unit},
                                  {u"floor"_s, result.floor},
                                  {u"ratio"_s, result.ratio()}});
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(QJsonDocument(array).toJson());
    return true;
}

bool isSelected(const Benchmark &benchmark, const QStringList &filters)
{
    return filters.isEmpty() || std::any_of(filters.begin(), filters.end(), [&](const QString &filter) {
               return benchmark.name.startsWith(filter);
           });
}

/// A QApplication when a selected benchmark drives widgets, else a QCoreApplication, so
/// that the other benchmarks run as before, with no display. Decided from the arguments
/// before any application exists; parser.process() reads them again afterwards.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv, QCommandLineParser &parser,
                                                  const QCommandLineOption &list)
{
    QStringList arguments;
    for (int index = 0; index < argc; ++index)
        arguments << QString::fromLocal8Bit(argv[index]);
    const bool widgets = parser.parse(arguments) && !parser.isSet(list)
        && std::any_of(registeredBenchmarks().begin(), registeredBenchmarks().end(), [&](const Benchmark &benchmark) {
                             return benchmark.application == Benchmark::Application::Widgets
                                 && isSelected(benchmark, parser.positionalArguments());
                         });
    if (!widgets)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<TimedApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"RCM Workbench benchmarks: each figure beside its floor."_s);
    parser.addHelpOption();
    const QCommandLineOption output(u"json"_s, u"Write the results to FILE."_s, u"FILE"_s);
    const QCommandLineOption list(u"list"_s, u"List the benchmarks."_s);
    const QCommandLineOption previous(u"previous"_s, u"Compare with the results in FILE."_s, u"FILE"_s);
    parser.addOptions({output, list, previous});
    parser.addPositionalArgument(u"name"_s, u"Run only benchmarks whose name starts with this."_s, u"[NAME...]"_s);
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv, parser, list);
    parser.process(*application);

    QTextStream err(stderr);
    if (parser.isSet(list)) {
        for (const Benchmark &benchmark : registeredBenchmarks())
            QTextStream(stdout) << benchmark.name << "  " << benchmark.description << "\n";
        return 0;
    }
    const QStringList filters = parser.positionalArguments();
    QList<BenchmarkResult> results;
    for (const Benchmark &benchmark : registeredBenchmarks()) {
        if (!isSelected(benchmark, filters))
            continue;
        err << "Running " << benchmark.name << ": " << benchmark.description << "\n";
        err.flush();
        results.append(benchmark.run());
    }
    if (results.isEmpty()) {
        err << "No benchmark matches " << filters.join(u", "_s) << "; --list shows them.\n";
        return 2;
    }
    printTable(results, readPreviousRatios(parser.value(previous)));
    if (parser.isSet(output) && !writeJson(parser.value(output), results)) {
        err << "Cannot write " << parser.value(output) << "\n";
        return 1;
    }
    return 0;
}
