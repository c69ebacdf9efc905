// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/xlsxrenderer.h"
#include "tests/reports/samplereports.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::reports;

namespace {

// The workbook as openpyxl reads it (tests/reports/read_xlsx.py): what a spreadsheet shows.
QJsonObject readBack(const QString &path, QString *error)
{
    QProcess python;
    python.start(QString::fromUtf8(PYTHON3), {QString::fromUtf8(XLSX_READER), path});
    if (!python.waitForFinished(60000) || python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        *error = u"read_xlsx.py failed (is python3-openpyxl installed?): "_s + python.errorString() + u' '
            + QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

} // namespace

class TestXlsxRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void figuresAreCellsOfTheirKindNeverText();
    void theHeaderIsBoldFrozenAndFiltersTheRows();
    void sumsAreFormulasCarryingTheirValuesAndRatesAreFigures();
    void columnsAreWideEnoughForTheirFiguresWithinReason();
    void theSecondSheetStatesParametersTimesAndDefinitions();
    void aTitleExcelCannotNameASheetStillRenders();
    void theWorkbookIsCreatedWhenAndByWhomTheReportWas();

private:
    QJsonObject cell(const QString &coordinate, int sheet = 0) const
    {
        return m_sheets.at(sheet).toObject().value(u"cells"_s).toObject().value(coordinate).toObject();
    }

    QTemporaryDir m_directory;
    QJsonArray m_sheets;
    QJsonObject m_properties;
};

void TestXlsxRenderer::initTestCase()
{
    const QString path = m_directory.filePath(u"denials.xlsx"_s);
    const RenderedReport written = writeReport(renderXlsx(samples::denialsByPayer()), path);
    QVERIFY2(written.ok(), qPrintable(written.error));
    QVERIFY(written.bytes.startsWith("PK")); // a zip, as an .xlsx is
    struct stat status
    {
    };
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &status), 0);
    QCOMPARE(status.st_mode & 0777, 0600u);
    QString error;
    const QJsonObject workbook = readBack(path, &error);
    m_sheets = workbook.value(u"sheets"_s).toArray();
    m_properties = workbook.value(u"properties"_s).toObject();
    QVERIFY2(m_sheets.size() == 2, qPrintable(error));
}

void TestXlsxRenderer::figuresAreCellsOfTheirKindNeverText()
{
    QCOMPARE(m_sheets.at(0).toObject().value(u"name"_s).toString(), u"Denials by payer"_s);
    QCOMPARE(cell(u"A2"_s).value(u"value"_s).toString(), u"Seguros Peña"_s);
    QCOMPARE(cell(u"B2"_s).value(u"type"_s).toString(), u"n"_s);
    QCOMPARE(cell(u"B2"_s).value(u"value"_s).toDouble(), 12.0);
    QCOMPARE(cell(u"B2"_s).value(u"format"_s).toString(), u"#,##0"_s);
    // Money in dollars, as a number with a currency format.
    QCOMPARE(cell(u"C2"_s).value(u"type"_s).toString(), u"n"_s);
    QCOMPARE(cell(u"C2"_s).value(u"value"_s).toDouble(), 3456.78);
    QCOMPARE(cell(u"C2"_s).value(u"format"_s).toString(), u"$#,##0.00"_s);
    QCOMPARE(cell(u"C4"_s).value(u"value"_s).toDouble(), -25.0);
    QVERIFY(cell(u"D2"_s).value(u"isDate"_s).toBool());
    QCOMPARE(cell(u"D2"_s).value(u"value"_s).toString(), u"2026-01-05T00:00:00"_s);
    QCOMPARE(cell(u"E2"_s).value(u"value"_s).toDouble(), 0.125);
    QCOMPARE(cell(u"E2"_s).value(u"format"_s).toString(), u"0.0%"_s);
    QCOMPARE(cell(u"F2"_s).value(u"value"_s).toDouble(), 14.5);
    // Text that looks like a formula is text, never run; an empty cell is empty.
    QCOMPARE(cell(u"A4"_s).value(u"type"_s).toString(), u"s"_s);
    QCOMPARE(cell(u"A4"_s).value(u"value"_s).toString(), u"=HYPERLINK(\"http://x\")"_s);
    QVERIFY(cell(u"D4"_s).isEmpty());
}

void TestXlsxRenderer::theHeaderIsBoldFrozenAndFiltersTheRows()
{
    const QJsonObject sheet = m_sheets.at(0).toObject();
    QCOMPARE(cell(u"C1"_s).value(u"value"_s).toString(), u"Denied dollars"_s);
    QVERIFY(cell(u"A1"_s).value(u"bold"_s).toBool());
    QCOMPARE(sheet.value(u"freeze"_s).toString(), u"A2"_s);
    // The header and the three rows; the totals stay out of sorting and filtering.
    QCOMPARE(sheet.value(u"autofilter"_s).toString(), u"A1:F4"_s);
}

void TestXlsxRenderer::sumsAreFormulasCarryingTheirValuesAndRatesAreFigures()
{
    QCOMPARE(cell(u"A5"_s).value(u"value"_s).toString(), u"Total"_s);
    QVERIFY(cell(u"A5"_s).value(u"bold"_s).toBool());
    QCOMPARE(cell(u"B5"_s).value(u"type"_s).toString(), u"f"_s);
    QCOMPARE(cell(u"B5"_s).value(u"value"_s).toString(), u"=SUBTOTAL(109,B2:B4)"_s);
    QCOMPARE(cell(u"B5"_s).value(u"cached"_s).toDouble(), 20.0);
    QCOMPARE(cell(u"C5"_s).value(u"value"_s).toString(), u"=SUBTOTAL(109,C2:C4)"_s);
    QCOMPARE(cell(u"C5"_s).value(u"cached"_s).toDouble(), 4631.78);
    QCOMPARE(cell(u"C5"_s).value(u"format"_s).toString(), u"$#,##0.00"_s);
    // A rate over the whole is the report's figure, not a formula summing rates.
    QCOMPARE(cell(u"E5"_s).value(u"type"_s).toString(), u"n"_s);
    QCOMPARE(cell(u"E5"_s).value(u"value"_s).toDouble(), 0.1);
    QCOMPARE(cell(u"E5"_s).value(u"format"_s).toString(), u"0.0%"_s);
    QVERIFY(cell(u"F5"_s).isEmpty());
}

void TestXlsxRenderer::columnsAreWideEnoughForTheirFiguresWithinReason()
{
    const QJsonObject widths = m_sheets.at(0).toObject().value(u"widths"_s).toObject();
    // "Blue Cross, Blue Shield" and "=HYPERLINK("http://x")" are 23 characters.
    QVERIFY2(widths.value(u"A"_s).toDouble() >= 23 && widths.value(u"A"_s).toDouble() <= 51,
             qPrintable(QString::number(widths.value(u"A"_s).toDouble())));
    QVERIFY(widths.value(u"C"_s).toDouble() >= 14); // "Denied dollars"
    QVERIFY(widths.value(u"F"_s).toDouble() >= 19); // "Median days to deny"
}

void TestXlsxRenderer::theSecondSheetStatesParametersTimesAndDefinitions()
{
    QCOMPARE(m_sheets.at(1).toObject().value(u"name"_s).toString(), u"Definitions"_s);
    QStringList lines;
    const QJsonObject cells = m_sheets.at(1).toObject().value(u"cells"_s).toObject();
    for (auto it = cells.begin(); it != cells.end(); ++it)
        lines.append(it.key() + u'=' + it.value().toObject().value(u"value"_s).toString());
    const auto has = [&lines](const QString &line) {
        return lines.contains(line);
    };
    QVERIFY2(has(u"A1=Denials by payer"_s), qPrintable(lines.join(u'\n')));
    QVERIFY(has(u"A3=From"_s) && has(u"B3=2026-01-01"_s));
    QVERIFY(has(u"A4=To"_s) && has(u"B4=2026-01-31"_s));
    QVERIFY(has(u"B5=all payers"_s) && has(u"B6=North Clinic"_s));
    QVERIFY(has(u"A7=Data as of"_s) && has(u"A8=Generated at"_s) && has(u"B9=Dana Cole"_s));
    QVERIFY(has(u"A10=Date basis"_s)
            && has(u"B10=Claims adjudicated in the period, by the remittance's payment date"_s));
    QVERIFY(has(u"A13=Denial rate"_s));
    QVERIFY(lines.filter(u"over all claims adjudicated in the period"_s).size() == 1);
    QVERIFY(has(u"C13=HFMA MAP Keys: remit-based denial rate"_s));
    QVERIFY(has(u"A14=Median days to deny"_s));
}

void TestXlsxRenderer::aTitleExcelCannotNameASheetStillRenders()
{
    ReportResult result = samples::denialsByPayer();
    result.title = u"Denials: payer [A/B] *this* quarter? and more words"_s;
    const RenderedReport rendered = renderXlsx(result);
    QVERIFY2(rendered.ok(), qPrintable(rendered.error));
    const QString path = m_directory.filePath(u"odd-title.xlsx"_s);
    QVERIFY(writeReport(rendered, path).ok());
    QString error;
    const QJsonArray sheets = readBack(path, &error).value(u"sheets"_s).toArray();
    QVERIFY2(sheets.size() == 2, qPrintable(error));
    QCOMPARE(sheets.at(0).toObject().value(u"name"_s).toString(), u"Denials payer AB this quarter"_s);
}

// The workbook's creation time and author are the report's, not the clock's, so one result
// renders to the same bytes whenever it is rendered.
void TestXlsxRenderer::theWorkbookIsCreatedWhenAndByWhomTheReportWas()
{
    QCOMPARE(m_properties.value(u"created"_s).toString(), u"2026-02-02T14:05:00"_s);
    QCOMPARE(m_properties.value(u"creator"_s).toString(), u"Dana Cole"_s);
    QCOMPARE(m_properties.value(u"title"_s).toString(), u"Denials by payer"_s);
}

QTEST_GUILESS_MAIN(TestXlsxRenderer)
#include "test_xlsxrenderer.moc"
