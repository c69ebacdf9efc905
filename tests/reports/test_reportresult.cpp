// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/reportresult.h"
#include "tests/reports/samplereports.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::reports;

class TestReportResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aReportSurvivesTheTripThroughTheGatewaysJson();
    void whatIsNotAReportIsRefusedWithAReason_data();
    void whatIsNotAReportIsRefusedWithAReason();
};

void TestReportResult::aReportSurvivesTheTripThroughTheGatewaysJson()
{
    const ReportResult sent = samples::denialsByPayer();
    const QByteArray wire = QJsonDocument(sent.toJson()).toJson(QJsonDocument::Compact);
    QString error;
    const std::optional<ReportResult> received = ReportResult::fromJson(QJsonDocument::fromJson(wire).object(), &error);
    QVERIFY2(received, qPrintable(error));

    QCOMPARE(received->name, sent.name);
    QCOMPARE(received->title, sent.title);
    QCOMPARE(received->dateBasis, sent.dateBasis);
    QVERIFY(received->parameters == sent.parameters);
    QCOMPARE(received->asOf, sent.asOf);
    QCOMPARE(received->generatedAt, sent.generatedAt);
    QCOMPARE(received->generatedBy, sent.generatedBy);
    QCOMPARE(received->columns.size(), sent.columns.size());
    for (qsizetype index = 0; index < sent.columns.size(); ++index) {
        QCOMPARE(received->columns.at(index).key, sent.columns.at(index).key);
        QCOMPARE(received->columns.at(index).title, sent.columns.at(index).title);
        QCOMPARE(received->columns.at(index).type, sent.columns.at(index).type);
        QCOMPARE(received->columns.at(index).total, sent.columns.at(index).total);
    }
    // Money stays in cents, dates stay dates, an empty cell stays empty.
    QCOMPARE(received->rows, sent.rows);
    QCOMPARE(received->rows.at(2).at(2).toLongLong(), -2500);
    QCOMPARE(received->rows.at(0).at(3).toDate(), QDate(2026, 1, 5));
    QVERIFY(!received->rows.at(2).at(3).isValid());
    QCOMPARE(received->totals, sent.totals);
    QCOMPARE(received->definitions.size(), 2);
    QCOMPARE(received->definitions.at(0).standard, sent.definitions.at(0).standard);
    QCOMPARE(received->definitions.at(1).definition, sent.definitions.at(1).definition);
}

void TestReportResult::whatIsNotAReportIsRefusedWithAReason_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("malformed JSON") << QByteArray(R"({"name":"denials","columns":[)") << u"not a report"_s;
    QTest::newRow("no name") << QByteArray(R"({"columns":[],"rows":[]})") << u"not a report"_s;
    QTest::newRow("columns not a list") << QByteArray(R"({"name":"x","columns":{},"rows":[]})") << u"not a report"_s;
    QTest::newRow("unknown column type") << QByteArray(
        R"({"name":"x","columns":[{"key":"a","type":"currency"}],"rows":[]})")
                                         << u"unknown type"_s;
    QTest::newRow("column without key") << QByteArray(
        R"({"name":"x","columns":[{"title":"A","type":"text"}],"rows":[]})")
                                        << u"no key"_s;
    QTest::newRow("row one cell short") << QByteArray(
        R"({"name":"x","columns":[{"key":"a","type":"text"},{"key":"b","type":"money"}],"rows":[["A"]]})")
                                        << u"one cell per column"_s;
}

void TestReportResult::whatIsNotAReportIsRefusedWithAReason()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!ReportResult::fromJson(QJsonDocument::fromJson(json).object(), &error));
    QVERIFY2(error.contains(reason), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestReportResult)
#include "test_reportresult.moc"
