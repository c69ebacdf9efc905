// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

#include <functional>

namespace rcm::bench {

/// One measured figure beside its floor: the same work done the plainest way possible.
/// ratio = value / floor for "lower is better" units (seconds) and floor / value for
/// rates, so a ratio of 1 means as fast as the floor and higher is always worse.
struct BenchmarkResult
{
    QString name; ///< starts with its area: "store.", "sync.", ...
    double value = 0;
    QString unit;
    double floor = 0;
    bool higherIsBetter = false;

    double ratio() const;
};

/// A named benchmark; run() returns its figures.
struct Benchmark
{
    /// The application object a benchmark runs under: widgets need a QApplication, which
    /// rcm-bench makes (on the offscreen platform unless QT_QPA_PLATFORM says otherwise)
    /// only when a selected benchmark needs one.
    enum class Application { Core, Widgets };

    QString name;
    QString description;
    std::function<QList<BenchmarkResult>()> run;
    Application application = Application::Core;
};

QList<Benchmark> &registeredBenchmarks();

/// Registers a benchmark at static-initialisation time.
struct BenchmarkRegistration
{
    BenchmarkRegistration(QString name, QString description, std::function<QList<BenchmarkResult>()> run,
                          Benchmark::Application application = Benchmark::Application::Core);
};

} // namespace rcm::bench
