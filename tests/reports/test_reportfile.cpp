// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/csvrenderer.h"
#include "services/reports/reportfile.h"
#include "tests/reports/samplereports.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::reports;

namespace {

unsigned modeOf(const QString &path)
{
    struct stat status
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return 0;
    return status.st_mode & 07777;
}

QByteArray contentsOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestReportFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anExportIsWrittenForItsOwnerOnlyAsRendered();
    void aReplacedFileTakesTheNewPermissionsAndContents();
    void anUnwritablePathIsNamedInTheErrorAndNothingIsLeft_data();
    void anUnwritablePathIsNamedInTheErrorAndNothingIsLeft();
    void aReportThatFailedToRenderIsNotWritten();
};

void TestReportFile::anExportIsWrittenForItsOwnerOnlyAsRendered()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"denials.csv"_s);
    const RenderedReport written = writeReport(renderCsv(samples::denialsByPayer()), path);
    QVERIFY2(written.ok(), qPrintable(written.error));
    QCOMPARE(modeOf(path), 0600u);
    // The bytes returned are the file's, so the SHA-256 registered is the file's.
    QCOMPARE(contentsOf(path), written.bytes);
    QVERIFY(written.bytes.startsWith("Payer,"));
}

void TestReportFile::aReplacedFileTakesTheNewPermissionsAndContents()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"denials.csv"_s);
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("an older export\n");
    old.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);

    const RenderedReport written = writeReport(renderCsv(samples::denialsByPayer()), path);
    QVERIFY2(written.ok(), qPrintable(written.error));
    QCOMPARE(modeOf(path), 0600u);
    QCOMPARE(contentsOf(path), written.bytes);
}

void TestReportFile::anUnwritablePathIsNamedInTheErrorAndNothingIsLeft_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::newRow("missing folder") << u"no-such-folder/denials.csv"_s;
    QTest::newRow("a folder") << u"folder"_s;
    QTest::newRow("under a file") << u"file.txt/denials.csv"_s;
}

void TestReportFile::anUnwritablePathIsNamedInTheErrorAndNothingIsLeft()
{
    QFETCH(QString, relativePath);
    QTemporaryDir directory;
    QVERIFY(QDir(directory.path()).mkdir(u"folder"_s));
    QFile file(directory.filePath(u"file.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QStringList before = QDir(directory.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);

    const QString path = directory.filePath(relativePath);
    const RenderedReport written = writeReport(renderCsv(samples::denialsByPayer()), path);
    QVERIFY(!written.ok());
    QVERIFY2(written.error.contains(path), qPrintable(written.error));
    // No report, no half-written temporary file beside it.
    QCOMPARE(QDir(directory.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
    QVERIFY(QDir(directory.filePath(u"folder"_s)).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
    QCOMPARE(contentsOf(directory.filePath(u"file.txt"_s)), QByteArray());
}

void TestReportFile::aReportThatFailedToRenderIsNotWritten()
{
    QTemporaryDir directory;
    const QString path = directory.filePath(u"denials.xlsx"_s);
    const RenderedReport written
        = writeReport({QByteArray("partial"), u"Cannot write the workbook: disk full"_s}, path);
    QCOMPARE(written.error, u"Cannot write the workbook: disk full"_s);
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestReportFile)
#include "test_reportfile.moc"
