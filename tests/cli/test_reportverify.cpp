// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/exitcode.h"
#include "app/rcmctl/jobwait.h"
#include "app/rcmctl/reportverify.h"
#include "services/api/requests.h"
#include "services/api/session.h"
#include "tests/server/gatewayfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs the command in this process (the gateway keeps serving from the same event loop
/// while it waits), with input as its standard input and its output captured.
Run runInProcess(const QStringList &arguments, const QByteArray &input = "demo\n")
{
    Run run;
    QTemporaryFile out;
    QTemporaryFile err;
    int pipeEnds[2];
    if (!out.open() || !err.open() || ::pipe(pipeEnds) != 0)
        return run;
    if (::write(pipeEnds[1], input.constData(), size_t(input.size())) != input.size())
        return run;
    ::close(pipeEnds[1]);
    std::fflush(stdout);
    std::fflush(stderr);
    const int savedIn = ::dup(STDIN_FILENO);
    const int savedOut = ::dup(STDOUT_FILENO);
    const int savedErr = ::dup(STDERR_FILENO);
    ::dup2(pipeEnds[0], STDIN_FILENO);
    ::close(pipeEnds[0]);
    std::clearerr(stdin);
    ::dup2(out.handle(), STDOUT_FILENO);
    ::dup2(err.handle(), STDERR_FILENO);
    run.exitCode = cli::runReportVerify(arguments);
    std::fflush(stdout);
    std::fflush(stderr);
    ::dup2(savedIn, STDIN_FILENO);
    ::dup2(savedOut, STDOUT_FILENO);
    ::dup2(savedErr, STDERR_FILENO);
    ::close(savedIn);
    ::close(savedOut);
    ::close(savedErr);
    std::clearerr(stdin);
    QFile outFile(out.fileName());
    QFile errFile(err.fileName());
    if (outFile.open(QIODevice::ReadOnly))
        run.out = outFile.readAll();
    if (errFile.open(QIODevice::ReadOnly))
        run.err = errFile.readAll();
    return run;
}

} // namespace

/// `rcmctl report verify FILE` against a real gateway on loopback: a registered export is
/// vouched for with who and when; the same file with one byte changed is not.
class TestReportVerify final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    QTemporaryDir m_dir;
    QString m_report; ///< a registered export
    const QByteArray m_content = "Payer,Denials,Dollars\r\nAcme Health,4,1520.00\r\nTotal,4,1520.00\r\n"_ba;

    QStringList verify(const QString &file, const QString &user = u"biller"_s) const
    {
        return {u"rcmctl report"_s,
                u"verify"_s,
                file,
                u"--server"_s,
                m_gateway->url(QString()).toString(),
                u"--user"_s,
                user,
                u"--password-stdin"_s};
    }

    /// Registers a file as the finance user does when exporting, through the client's request.
    api::ApiError registerAsFinance(const QByteArray &content, bool *replayed = nullptr)
    {
        api::Session session(m_gateway->url(QString()));
        api::ApiError error;
        cli::waitUntilDone([&](const std::function<void()> &finished) {
            session.signIn(u"finance"_s, u"demo"_s, &session, [&, finished](const api::ApiError &result) {
                error = result;
                finished();
            });
        });
        if (error)
            return error;
        models::ExportRecord record;
        record.sha256 = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        record.report = u"denials-by-payer"_s;
        record.format = models::ExportFormat::Csv;
        record.parameters = {{u"from"_s, u"2026-01-01"_s}, {u"to"_s, u"2026-01-31"_s}};
        record.exportedAt = QDateTime(QDate(2026, 2, 1), QTime(9, 30), Qt::UTC);
        const auto request = std::make_shared<api::RegisterExportRequest>(record);
        error = cli::execute(session.client(), request);
        if (!error && replayed)
            *replayed = request->replayed;
        if (!error && request->registered.exportedByUsername != u"finance"_s)
            qWarning("the registration came back for %s", qPrintable(request->registered.exportedByUsername));
        return error;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // The gateway's request log would land in the command's captured standard output.
        QLoggingCategory::setFilterRules(u"rcm.*.info=false"_s);
        QVERIFY(m_dir.isValid());
        // rcmctl remembers the server and user in QSettings: keep them in the sandbox.
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        m_gateway = std::make_unique<testing::GatewayFixture>(20);
        QVERIFY(m_gateway->isReady());
        m_report = m_dir.filePath(u"denials.csv"_s);
        QFile file(m_report);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(m_content), m_content.size());
        file.close();
        bool replayed = true;
        QVERIFY(!registerAsFinance(m_content, &replayed));
        QVERIFY(!replayed);
    }

    void cleanupTestCase() { m_gateway.reset(); }

    void registeringAgainIsAReplayNotARefusal()
    {
        bool replayed = false;
        const api::ApiError error = registerAsFinance(m_content, &replayed);
        QVERIFY2(!error, qPrintable(error.message()));
        QVERIFY(replayed);
    }

    void theOriginalFileVerifiesWithWhoExportedItAndWhen()
    {
        const Run run = runInProcess(verify(m_report));
        QVERIFY2(run.exitCode == cli::Success, run.err.constData());
        QCOMPARE(QString::fromUtf8(run.out).trimmed(),
                 u"Issued by Demo Finance Analyst (finance) on 2026-02-01 09:30:00 UTC: report denials-by-payer "
                 "(format csv), parameters from 2026-01-01, to 2026-01-31"_s);
    }

    void theCommandNameMayComeWithoutVerify()
    {
        QStringList arguments = verify(m_report);
        arguments.removeAt(1);
        QCOMPARE(runInProcess(arguments).exitCode, cli::Success);
    }

    void aFileEditedAfterExportWasNotIssued()
    {
        QByteArray edited = m_content;
        edited[edited.indexOf("1520") + 1] = '9'; // 1520.00 -> 1920.00, one byte
        const QString path = m_dir.filePath(u"denials-edited.csv"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(edited), edited.size());
        file.close();
        const Run run = runInProcess(verify(path));
        QCOMPARE(run.exitCode, int(cli::Failure));
        QCOMPARE(QString::fromUtf8(run.out).trimmed(),
                 u"Not issued by this gateway: nobody registered a file with this SHA-256 (it may have been edited "
                 "after export)"_s);
        // The original still verifies.
        QCOMPARE(runInProcess(verify(m_report)).exitCode, int(cli::Success));
    }

    void aMissingFileOrWrongArgumentsAreSaidSo()
    {
        const Run missing = runInProcess(verify(m_dir.filePath(u"no-such.csv"_s)));
        QCOMPARE(missing.exitCode, int(cli::Failure));
        QVERIFY2(missing.err.contains("no-such.csv"), missing.err.constData());
        QVERIFY(missing.out.isEmpty());
        QCOMPARE(runInProcess({u"rcmctl report"_s, u"verify"_s}).exitCode, int(cli::UsageError));
    }

    void anUnreachableGatewayIsANetworkErrorNotAVerdict()
    {
        const Run run = runInProcess({u"rcmctl report"_s, u"verify"_s, m_report, u"--server"_s, u"http://127.0.0.1:9"_s,
                                      u"--user"_s, u"biller"_s, u"--password-stdin"_s});
        QCOMPARE(run.exitCode, int(cli::NetworkError));
        QVERIFY(!run.out.contains("Not issued"));
    }
};

QTEST_GUILESS_MAIN(TestReportVerify)
#include "test_reportverify.moc"
