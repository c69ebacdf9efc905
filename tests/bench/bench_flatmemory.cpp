// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// What a payer's 500 MB 835 costs in memory, measured on the real programs run as child
// processes (peak resident memory from wait4, so only the child counts), each beside its
// floor: the same program doing the same with a one-transaction file, which is what the
// program costs before the file's size counts.
// - memory.era_check_500mb: `rcmctl era check` as text and as JSON
//   (x12.era_check_500mb_peak_memory, x12.era_check_json_500mb_peak_memory; goal under
//   100 MB each).
// - memory.gateway_post_500mb: rcm-gateway receiving and posting it on POST
//   /v1/remittances (gateway.post_500mb_peak_memory; goal under 150 MB).
// Registered under "memory." rather than "x12."/"gateway." so that `./scripts/bench x12`
// and `./scripts/bench gateway` stay as quick as they were: these write 500 MB each.
#include "services/synthetic/syntheticremittances.h"
#include "services/x12/remittancewriter.h"
#include "tests/bench/benchmark.h"
#include "tests/bench/childprocess.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

/// 500 MB; RCM_BENCH_LARGE_MB=N makes a smaller file for a quicker look at the same
/// figures (the posting takes about an hour at full size on two cores).
qint64 targetBytes()
{
    const qint64 megabytes = qEnvironmentVariableIntValue("RCM_BENCH_LARGE_MB");
    return (megabytes > 0 ? megabytes : 500) * 1024 * 1024;
}
/// Items in the gateway's demo database: the first demoItems / 40 transactions of the
/// file pay them (same seed, same day), the rest are claims it does not know.
constexpr qint64 demoItems = 50'000;

/// Writes generated transactions (paying the demo gateway's items: seed 7, as of today)
/// until the file holds at least bytes.
qint64 generate(const QString &path, qint64 bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    const synthetic::SyntheticRemittances generator({7, QDate::currentDate(), 40});
    x12::RemittanceWriter writer(&file, {});
    qint64 next = 0;
    do {
        QList<x12::Remittance> batch;
        for (int index = 0; index < 50 && (index == 0 || writer.bytesWritten() < bytes); ++index)
            batch.append(generator.transaction(next++));
        if (!writer.writeInterchange(batch))
            qFatal("cannot write %s", qPrintable(path));
    } while (writer.bytesWritten() < bytes);
    file.flush();
    return file.size();
}

double eraCheckPeak(const QString &path, bool json)
{
    QStringList arguments {u"era"_s, u"check"_s, path};
    if (json)
        arguments << u"--json"_s;
    bench::ChildProcess rcmctl(QStringLiteral(RCMCTL), arguments);
    if (rcmctl.wait() < 0)
        qFatal("rcmctl era check did not finish");
    return rcmctl.peakMegabytes();
}

struct Post
{
    int status = 0;
    double seconds = 0;
    double peak = 0;
};

/// Waits for a starting rcm-gateway to say where it serves; returns its API's base URL.
QString startGateway(bench::ChildProcess &gateway)
{
    static const QRegularExpression serving(u"serving the Work Queue API at (http://\\S+/v1)/"_s);
    for (QByteArray line = gateway.readLine(); !line.isEmpty(); line = gateway.readLine()) {
        if (const QRegularExpressionMatch match = serving.match(QString::fromUtf8(line)); match.hasMatch())
            return match.captured(1);
    }
    qFatal("rcm-gateway did not start");
}

QStringList gatewayArguments(const QString &folder)
{
    return {u"--demo"_s, u"--data"_s, folder, u"--port"_s, u"0"_s, u"--items"_s, QString::number(demoItems)};
}

/// Starts rcm-gateway on the demo database in folder, posts the file as the demo cash
/// poster (streamed from disk), and stops it.
Post postThroughGateway(const QString &folder, const QString &path)
{
    bench::ChildProcess gateway(QStringLiteral(RCM_GATEWAY), gatewayArguments(folder),
                                bench::ChildProcess::Output::Pipe);
    const QString base = startGateway(gateway);
    QNetworkAccessManager network;
    const auto wait = [](QNetworkReply *reply) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        reply->deleteLater();
        return reply;
    };
    QNetworkRequest signIn(QUrl(base + u"/session"_s));
    signIn.setRawHeader("Content-Type", "application/json");
    const QByteArray token
        = QJsonDocument::fromJson(wait(network.post(signIn, R"({"username":"poster","password":"demo"})"))->readAll())
              .object()
              .value(u"token"_s)
              .toString()
              .toLatin1();
    QFile file(path);
    if (token.isEmpty() || !file.open(QIODevice::ReadOnly))
        qFatal("cannot sign in to rcm-gateway or read %s", qPrintable(path));
    QNetworkRequest upload(QUrl(base + u"/remittances"_s));
    upload.setRawHeader("Authorization", "Bearer " + token);
    upload.setRawHeader("Content-Type", "application/edi-x12");
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = wait(network.post(upload, &file));
    Post post;
    post.seconds = double(timer.nsecsElapsed()) / 1e9;
    post.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    gateway.terminate();
    post.peak = gateway.peakMegabytes();
    return post;
}

/// The 500 MB file and a one-transaction one (the floor's), in a folder of their own
/// that goes, with them, when the benchmark ends.
struct GeneratedFiles
{
    GeneratedFiles()
    {
        generate(small, 1);
        QElapsedTimer timer;
        timer.start();
        const qint64 bytes = generate(large, targetBytes());
        QTextStream(stderr) << "  generated " << double(bytes) / (1024.0 * 1024.0) << " MB in "
                            << double(timer.elapsed()) / 1000.0 << " s\n";
    }
    QTemporaryDir dir {QDir::temp().filePath(u"rcm-bench-XXXXXX"_s)};
    QString small = dir.filePath(u"one-transaction.835"_s);
    QString large = dir.filePath(u"generated-500mb.835"_s);
};

QList<bench::BenchmarkResult> eraCheck()
{
    const GeneratedFiles files;
    const double textFloor = eraCheckPeak(files.small, false);
    const double text = eraCheckPeak(files.large, false);
    const double jsonFloor = eraCheckPeak(files.small, true);
    const double json = eraCheckPeak(files.large, true);
    QTextStream(stderr) << "  rcmctl era check: peak " << text << " MB as text, " << json
                        << " MB as JSON (one transaction: " << textFloor << " MB, " << jsonFloor << " MB)\n";
    return {
        {u"x12.era_check_500mb_peak_memory"_s, text, u"MB"_s, textFloor, false},
        {u"x12.era_check_json_500mb_peak_memory"_s, json, u"MB"_s, jsonFloor, false},
    };
}

QList<bench::BenchmarkResult> gatewayPost()
{
    const GeneratedFiles files;
    {
        // The demo database is made once, first, so that neither run counts making it.
        bench::ChildProcess creating(QStringLiteral(RCM_GATEWAY), gatewayArguments(files.dir.path()),
                                     bench::ChildProcess::Output::Pipe);
        startGateway(creating);
    }
    const Post floorPost = postThroughGateway(files.dir.path(), files.small);
    const Post post = postThroughGateway(files.dir.path(), files.large);
    QTextStream(stderr) << "  rcm-gateway: one transaction answered " << floorPost.status << ", peak " << floorPost.peak
                        << " MB; 500 MB answered " << post.status << " after " << post.seconds << " s, peak "
                        << post.peak << " MB\n";
    if (post.status < 200 || post.status >= 500)
        qFatal("rcm-gateway answered %d to the 500 MB upload", post.status);
    return {{u"gateway.post_500mb_peak_memory"_s, post.peak, u"MB"_s, floorPost.peak, false}};
}

const bench::BenchmarkRegistration
    eraCheckRegistration(u"memory.era_check_500mb"_s,
                         u"peak memory of rcmctl era check (text, JSON) on a 500 MB 835 vs. one transaction"_s,
                         eraCheck);
const bench::BenchmarkRegistration
    gatewayRegistration(u"memory.gateway_post_500mb"_s,
                        u"peak memory of rcm-gateway receiving and posting a 500 MB 835 vs. one transaction"_s,
                        gatewayPost);

} // namespace
