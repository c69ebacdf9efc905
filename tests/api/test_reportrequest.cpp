// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// ReportRequest through the real ApiClient against a real gateway on loopback, and what
// it makes of answers that are not a report.
#include "services/api/reportrequest.h"
#include "services/api/requests.h"
#include "tests/server/gatewayfixture.h"
#include "tests/testwait.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

class TestReportRequest final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    std::unique_ptr<api::ApiClient> m_client;

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(200);
        QVERIFY(m_gateway->isReady());
        m_client = std::make_unique<api::ApiClient>(m_gateway->url(QString()));
        api::SignInRequest signIn(u"supervisor"_s, u"demo"_s);
        QVERIFY(!testing::execute(*m_client, signIn));
        m_client->setToken(signIn.token);
    }

    void aReportArrivesAsTheResultItWasComputedAs()
    {
        reports::ReportParameters parameters;
        parameters.from = QDate(2020, 1, 1);
        parameters.to = QDate::currentDate();
        parameters.payerId = u"A&B +1"_s; // reaches the gateway as it was written
        api::ReportRequest request(u"denials"_s, parameters);
        const api::ApiError error = testing::execute(*m_client, request);
        QVERIFY2(!error, qPrintable(error.message()));
        QCOMPARE(request.result.name, u"denials"_s);
        QCOMPARE(request.result.parameters, parameters);
        QCOMPARE(request.result.generatedBy, u"Demo Supervisor"_s);
        QVERIFY(request.result.asOf.isValid());
        QCOMPARE(request.result.columns.at(request.result.columnIndex(u"denial_rate"_s)).type,
                 reports::ColumnType::Percent);
        QVERIFY(request.result.rows.isEmpty()); // no such payer
        QVERIFY(request.result.hasTotals());

        api::ReportRequest everything(u"denials"_s, {QDate(2000, 1, 1), QDate::currentDate(), {}, {}, {}});
        QVERIFY(!testing::execute(*m_client, everything));
        QVERIFY(!everything.result.rows.isEmpty());
        qint64 denials = 0;
        for (const QVariantList &row : everything.result.rows)
            denials += row.at(everything.result.columnIndex(u"denials"_s)).toLongLong();
        QCOMPARE(everything.result.totals.at(everything.result.columnIndex(u"denials"_s)).toLongLong(), denials);
    }

    void aRefusalCarriesTheProblem()
    {
        api::ReportRequest unknown(u"aging"_s, {});
        const api::ApiError error = testing::execute(*m_client, unknown);
        QCOMPARE(error.kind, api::ApiError::Kind::Refused);
        QCOMPARE(error.httpStatus, 404);
        QCOMPARE(error.problemType, u"unknown-report"_s);
        QVERIFY(!error.correlationId.isEmpty());

        api::ReportRequest backwards(u"productivity"_s, {QDate(2027, 3, 5), QDate(2027, 3, 1), {}, {}, {}});
        const api::ApiError invalid = testing::execute(*m_client, backwards);
        QCOMPARE(invalid.httpStatus, 400);
        QCOMPARE(invalid.problemType, u"invalid-period"_s);
    }

    void anAnswerThatIsNotAReportIsRefusedClearly_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("saying");
        QTest::newRow("array") << QByteArray("[]") << u"not a JSON object"_s;
        QTest::newRow("no columns") << QByteArray(R"({"name":"denials","rows":[]})") << u"malformed"_s;
        QTest::newRow("unknown type") << QByteArray(
            R"({"name":"denials","columns":[{"key":"a","type":"colour"}],"rows":[]})")
                                      << u"unknown type"_s;
        QTest::newRow("short row") << QByteArray(
            R"({"name":"denials","columns":[{"key":"a","type":"text"},{"key":"b","type":"money"}],"rows":[["x"]]})")
                                   << u"one cell per column"_s;
        QTest::newRow("another report") << QByteArray(R"({"name":"productivity","columns":[],"rows":[]})")
                                        << u"the productivity report"_s;
    }

    void anAnswerThatIsNotAReportIsRefusedClearly()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, saying);
        api::ReportRequest request(u"denials"_s, {});
        const QString error = request.parse(QJsonDocument::fromJson(answer), {});
        QVERIFY2(error.contains(saying), qPrintable(error));
        QVERIFY(error.startsWith(u"the report reply"_s) || error.startsWith(u"asked for"_s));
    }
};

QTEST_GUILESS_MAIN(TestReportRequest)
#include "test_reportrequest.moc"
