// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/bench/benchmark.h"

namespace rcm::bench {

double BenchmarkResult::ratio() const
{
    if (value <= 0 || floor <= 0)
        return 0;
    return higherIsBetter ? floor / value : value / floor;
}

QList<Benchmark> &registeredBenchmarks()
{
    static QList<Benchmark> benchmarks;
    return benchmarks;
}

BenchmarkRegistration::BenchmarkRegistration(QString name, QString description,
                                             std::function<QList<BenchmarkResult>()> run,
                                             Benchmark::Application application)
{
    registeredBenchmarks().append({std::move(name), std::move(description), std::move(run), application});
}

} // namespace rcm::bench
