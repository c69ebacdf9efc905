// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/csvrenderer.h"
#include "tests/reports/samplereports.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::reports;

class TestCsvRenderer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aReportIsItsHeaderRowsAndTotalsWithPlainFigures();
    void totalsAreNotLabelledOverAFigure();
    void textThatASpreadsheetWouldRunIsDefused_data();
    void textThatASpreadsheetWouldRunIsDefused();
};

void TestCsvRenderer::aReportIsItsHeaderRowsAndTotalsWithPlainFigures()
{
    const RenderedReport csv = renderCsv(samples::denialsByPayer());
    QVERIFY(csv.ok());
    // Amounts in dollars with two decimals, dates ISO, rates as fractions, a negative amount a
    // number (not defused text), the formula-like payer defused and quoted, UTF-8.
    const QByteArray expected = "Payer,Denied claims,Denied dollars,First denial,Denial rate,Median days to deny\r\n"
                                "Seguros Pe\xc3\xb1"
                                "a,12,3456.78,2026-01-05,0.1250,14.50\r\n"
                                "\"Blue Cross, Blue Shield\",7,1200.00,2026-01-09,0.0833,9.00\r\n"
                                "\"'=HYPERLINK(\"\"http://x\"\")\",1,-25.00,,0.5000,\r\n"
                                "Total,20,4631.78,,0.1000,\r\n";
    QCOMPARE(csv.bytes, expected);
}

void TestCsvRenderer::totalsAreNotLabelledOverAFigure()
{
    ReportResult result;
    result.name = u"claims-by-day"_s;
    result.columns = {{u"day"_s, u"Day"_s, ColumnType::Date, TotalKind::None},
                      {u"claims"_s, u"Claims"_s, ColumnType::Integer, TotalKind::Sum}};
    result.rows = {{QDate(2026, 1, 2), qint64(3)}, {QDate(2026, 1, 3), qint64(4)}};
    result.totals = {QVariant(), qint64(7)};
    QCOMPARE(renderCsv(result).bytes, QByteArray("Day,Claims\r\n2026-01-02,3\r\n2026-01-03,4\r\n,7\r\n"));
    result.totals.clear();
    QCOMPARE(renderCsv(result).bytes, QByteArray("Day,Claims\r\n2026-01-02,3\r\n2026-01-03,4\r\n"));
}

void TestCsvRenderer::textThatASpreadsheetWouldRunIsDefused_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("field");
    QTest::newRow("plain") << u"Aetna"_s << QByteArray("Aetna");
    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("equals") << u"=1+2"_s << QByteArray("'=1+2");
    QTest::newRow("plus") << u"+1"_s << QByteArray("'+1");
    QTest::newRow("minus") << u"-2+3"_s << QByteArray("'-2+3");
    QTest::newRow("at") << u"@SUM(A1)"_s << QByteArray("'@SUM(A1)");
    QTest::newRow("tab") << u"\t=1"_s << QByteArray("'\t=1");
    QTest::newRow("carriage return") << u"\r=1"_s << QByteArray("\"'\r=1\"");
    QTest::newRow("comma") << u"Smith, Jo"_s << QByteArray("\"Smith, Jo\"");
    QTest::newRow("quote") << u"5\" tall"_s << QByteArray("\"5\"\" tall\"");
    QTest::newRow("line break") << u"two\nlines"_s << QByteArray("\"two\nlines\"");
    QTest::newRow("equals inside") << u"a=b"_s << QByteArray("a=b");
}

void TestCsvRenderer::textThatASpreadsheetWouldRunIsDefused()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, field);
    QCOMPARE(csvField(text), field);
}

QTEST_GUILESS_MAIN(TestCsvRenderer)
#include "test_csvrenderer.moc"
