// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/reports/samplereports.h"
#include "ui/reportrender/pdfrenderer.h"

#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::reports;
using rcm::reportrender::PaperSize;
using rcm::reportrender::renderPdf;

namespace {

// What poppler-utils (pdfinfo, pdftotext) print for a file, or why they could not.
QString popplerOutput(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return u"FAILED: %1 %2 (is poppler-utils installed?) %3"_s.arg(
            program, process.errorString(), QString::fromUtf8(process.readAllStandardError()));
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

struct WordBox
{
    double left, top, right;
    QString text;
};

// Where pdftotext finds each word of a page.
QList<WordBox> wordBoxes(const QString &path, int page)
{
    const QString number = QString::number(page);
    const QString boxes = popplerOutput(u"pdftotext"_s, {u"-f"_s, number, u"-l"_s, number, u"-bbox"_s, path, u"-"_s});
    static const QRegularExpression word(u"<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" "
                                         "yMax=\"[\\d.]+\">([^<]*)</word>"_s);
    QList<WordBox> words;
    for (auto match = word.globalMatch(boxes); match.hasNext();) {
        const QRegularExpressionMatch found = match.next();
        words.append({found.captured(1).toDouble(), found.captured(2).toDouble(), found.captured(3).toDouble(),
                      found.captured(4)});
    }
    return words;
}

// Two words on one line that overlap: one was printed over the other. Empty when none.
QString overprinted(const QList<WordBox> &words)
{
    for (const WordBox &word : words) {
        for (const WordBox &other : words) {
            const bool sameLine = std::abs(word.top - other.top) < 0.5;
            if (&word != &other && sameLine && word.left < other.left && word.right > other.left + 0.2)
                return word.text + u" over "_s + other.text;
        }
    }
    return {};
}

int pageCount(const QString &path)
{
    const QRegularExpression pages(u"^Pages:\\s+(\\d+)$"_s, QRegularExpression::MultilineOption);
    return pages.match(popplerOutput(u"pdfinfo"_s, {path})).captured(1).toInt();
}

QString pageText(const QString &path, int page)
{
    const QString number = QString::number(page);
    return popplerOutput(u"pdftotext"_s, {u"-f"_s, number, u"-l"_s, number, path, u"-"_s});
}

} // namespace

class TestPdfRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theFirstPageHasTheTitleParametersTimesAndFigures();
    void aLongReportRunsOverPagesWithItsHeaderOnEvery();
    void theDefinitionsCloseTheReport();
    void figuresAreRightAligned();
    void aWideReportTurnsThePageToLandscape();
    void aTableTooWideForThePageStillShowsEveryFigureWhole();
    void aReportWithAChartCarriesItAboveTheTable();

private:
    QString write(const ReportResult &result, const QString &name, PaperSize paper = PaperSize::Letter);

    QTemporaryDir m_directory;
    QString m_long;
    int m_pages = 0;
};

QString TestPdfRenderer::write(const ReportResult &result, const QString &name, PaperSize paper)
{
    const QString path = m_directory.filePath(name);
    const RenderedReport written = writeReport(renderPdf(result, paper), path);
    if (!written.ok())
        qWarning() << written.error;
    return written.ok() ? path : QString();
}

void TestPdfRenderer::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_long = write(samples::manyPayers(150), u"long.pdf"_s);
    QVERIFY(!m_long.isEmpty());
    struct stat status
    {
    };
    QCOMPARE(::stat(QFile::encodeName(m_long).constData(), &status), 0);
    QCOMPARE(status.st_mode & 0777, 0600u);
    m_pages = pageCount(m_long);
    QVERIFY2(m_pages > 1, qPrintable(popplerOutput(u"pdfinfo"_s, {m_long})));
}

void TestPdfRenderer::theFirstPageHasTheTitleParametersTimesAndFigures()
{
    const QString path = write(samples::denialsByPayer(), u"short.pdf"_s);
    QCOMPARE(pageCount(path), 1);
    const QString text = pageText(path, 1);
    QVERIFY2(text.contains(u"Denials by payer"_s), qPrintable(text));
    QVERIFY(text.contains(u"From: 2026-01-01"_s));
    QVERIFY(text.contains(u"Facility: North Clinic"_s));
    QVERIFY(text.contains(u"Data as of 2026-02-01"_s));
    QVERIFY(text.contains(u"by Dana Cole"_s));
    QVERIFY(text.contains(u"Date basis: Claims adjudicated"_s));
    QVERIFY(text.contains(u"$3,456.78"_s));
    QVERIFY(text.contains(u"-$25.00"_s)); // a negative amount, its sign before the dollar sign
    QVERIFY(text.contains(u"12.5 %"_s));
    QVERIFY(text.contains(u"Total"_s));
    QVERIFY(text.contains(u"$4,631.78"_s));
    QVERIFY(text.contains(u"Page 1 of 1"_s));
}

void TestPdfRenderer::aLongReportRunsOverPagesWithItsHeaderOnEvery()
{
    const QString first = pageText(m_long, 1);
    QVERIFY2(first.contains(u"Page 1 of %1"_s.arg(m_pages)), qPrintable(first));
    QVERIFY(first.contains(u"Payer 0"_s));
    for (int page = 2; page <= m_pages; ++page) {
        const QString text = pageText(m_long, page);
        QVERIFY2(text.contains(u"Page %1 of %2"_s.arg(page).arg(m_pages)), qPrintable(text));
        if (text.contains(u"Payer "_s)) // a page of rows, not only definitions
            QVERIFY2(text.contains(u"Median days to deny"_s), qPrintable(u"page %1: %2"_s.arg(page).arg(text)));
    }
    QVERIFY(pageText(m_long, m_pages - 1).contains(u"Payer 149"_s)
            || pageText(m_long, m_pages).contains(u"Payer 149"_s));
}

void TestPdfRenderer::theDefinitionsCloseTheReport()
{
    const QString last = pageText(m_long, m_pages);
    QVERIFY2(last.contains(u"Definitions"_s), qPrintable(last));
    QVERIFY(last.contains(u"Median days to deny"_s));
    QVERIFY(last.contains(u"From the claim's submission to the remittance that denied it."_s));
    QVERIFY(last.contains(u"Standard: HFMA MAP Keys: remit-based denial rate"_s));
    for (int page = 1; page < m_pages - 1; ++page)
        QVERIFY(!pageText(m_long, page).contains(u"Definitions"_s));
}

// The right edges of the amounts in one column line up, and nothing is printed over anything.
void TestPdfRenderer::figuresAreRightAligned()
{
    const QList<WordBox> words = wordBoxes(m_long, 1);
    static const QRegularExpression amount(u"^\\$[\\d,]+\\.\\d\\d$"_s);
    QList<double> rightEdges;
    for (const WordBox &word : words) {
        if (amount.match(word.text).hasMatch())
            rightEdges.append(word.right);
    }
    QVERIFY2(rightEdges.size() > 10, qPrintable(QString::number(words.size())));
    const auto [least, most] = std::minmax_element(rightEdges.cbegin(), rightEdges.cend());
    QVERIFY2(*most - *least < 0.5, qPrintable(u"%1 .. %2"_s.arg(*least).arg(*most)));
    QCOMPARE(overprinted(words), QString());
}

void TestPdfRenderer::aWideReportTurnsThePageToLandscape()
{
    QVERIFY(popplerOutput(u"pdfinfo"_s, {m_long}).contains(u"612 x 792 pts (letter)"_s));
    const QString wide = write(samples::wideReport(), u"wide.pdf"_s);
    QVERIFY(popplerOutput(u"pdfinfo"_s, {wide}).contains(u"792 x 612 pts (letter)"_s));
    const QString text = pageText(wide, 1);
    QVERIFY2(text.contains(u"$148,148.04"_s), qPrintable(text)); // December: 12 x $12,345.67
    const QString a4 = write(samples::wideReport(), u"wide-a4.pdf"_s, PaperSize::A4);
    QVERIFY(popplerOutput(u"pdfinfo"_s, {a4}).contains(u"(A4)"_s));
}

// Twelve columns of tens of millions do not fit even in the smallest type: the figures keep
// their width and the text column gives way.
void TestPdfRenderer::aTableTooWideForThePageStillShowsEveryFigureWhole()
{
    const QString path = write(samples::wideReport(123456789), u"too-wide.pdf"_s);
    const QList<WordBox> words = wordBoxes(path, 1);
    QCOMPARE(overprinted(words), QString());
    const auto shown = [&words](const QString &text) {
        return std::any_of(words.cbegin(), words.cend(), [&text](const WordBox &word) { return word.text == text; });
    };
    QVERIFY(shown(u"$14,814,814.68"_s)); // December's Denials
    QVERIFY(shown(u"$44,444,444.04"_s)); // December's total
}

void TestPdfRenderer::aReportWithAChartCarriesItAboveTheTable()
{
    ReportResult result;
    result.name = u"deadlines"_s;
    result.title = u"Deadlines"_s;
    result.columns = {{u"owner"_s, u"Owner"_s, ColumnType::Text, TotalKind::None}};
    for (const int days : {7, 14, 30}) {
        result.columns.append({u"items_%1"_s.arg(days), u"Items %1"_s.arg(days), ColumnType::Integer, TotalKind::Sum});
        result.columns.append({u"at_risk_%1"_s.arg(days), u"Risk %1"_s.arg(days), ColumnType::Money, TotalKind::Sum});
    }
    result.rows = {{u"Ana"_s, 3, 30000, 5, 51000, 9, 90000}, {u"Ben"_s, 1, 1000, 4, 8000, 4, 8000}};
    result.totals = {u"Total"_s, 4, 31000, 9, 59000, 13, 98000};
    const QString path = write(result, u"chart.pdf"_s);
    const QString text = pageText(path, 1);
    // The chart's categories (the windows, not cumulative) and its value axis, as text.
    QVERIFY2(text.contains(u"Within 7 days"_s) && text.contains(u"In 15–30 days"_s), qPrintable(text));
    double within = -1;
    double owner = -1;
    for (const WordBox &word : wordBoxes(path, 1)) {
        if (word.text == u"Within"_s)
            within = word.top;
        if (word.text == u"Owner"_s)
            owner = word.top;
    }
    QVERIFY(within > 0 && owner > within); // above the table
    // A report without a chart has none.
    QVERIFY(!pageText(write(samples::denialsByPayer(), u"no-chart.pdf"_s), 1).contains(u"Within 7 days"_s));
}

QTEST_MAIN(TestPdfRenderer)
#include "test_pdfrenderer.moc"
