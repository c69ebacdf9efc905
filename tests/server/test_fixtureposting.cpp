// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The public 835 fixtures (../shared/fixtures/x12) posted through a real gateway: most
// are test interchanges (ISA15 = T), which a production gateway refuses and a test
// gateway (--accept-test-interchanges) posts. Nothing in them may crash the posting or
// leave the database half-written.
#include "tests/server/gatewayfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

class TestFixturePosting final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_production;
    std::unique_ptr<testing::GatewayFixture> m_test;

    static QStringList fixtures()
    {
        const QDir folder(QStringLiteral(RCM_X12_FIXTURES));
        QStringList files;
        for (const QString &name : folder.entryList(QDir::Files, QDir::Name)) {
            if (name.endsWith(u".835"_s) || (name.contains(u"835"_s) && name.endsWith(u".edi"_s))
                || name.endsWith(u"_sample.txt"_s))
                files << folder.filePath(name);
        }
        return files;
    }

    static QByteArray usageIndicator(const QByteArray &file)
    {
        // ISA is fixed width: its element separator is the fourth byte, ISA15 the 15th element.
        if (file.size() < 106 || !file.startsWith("ISA"))
            return {};
        return file.left(106).split(file.at(3)).value(15).trimmed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (fixtures().isEmpty())
            QSKIP("The public fixtures are not beside the project (../shared/fixtures/x12)");
        m_production = std::make_unique<testing::GatewayFixture>(20);
        server::GatewayServer::Options accepting;
        accepting.api.acceptTestInterchanges = true;
        m_test = std::make_unique<testing::GatewayFixture>(20, accepting);
        QVERIFY(m_production->isReady() && m_test->isReady());
    }

    void eachFixturePostsOnATestGatewayAndTestOnesAreRefusedInProduction_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : fixtures())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }
    void eachFixturePostsOnATestGatewayAndTestOnesAreRefusedInProduction()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();

        testing::HttpClient production(m_production->url(QString()));
        QVERIFY(production.signIn(u"poster"_s));
        const testing::HttpReply refused
            = production.post(u"/remittances"_s, bytes, {{"content-type", "application/edi-x12"}});
        if (usageIndicator(bytes) == "T") {
            QCOMPARE(refused.status, 422);
            QVERIFY2(refused.body.contains("envelope.test-interchange"), refused.body.left(300).constData());
        }

        testing::HttpClient tester(m_test->url(QString()));
        QVERIFY(tester.signIn(u"poster"_s));
        const testing::HttpReply posted
            = tester.post(u"/remittances"_s, bytes, {{"content-type", "application/edi-x12"}});
        QVERIFY2(posted.status == 201 || posted.status == 422 || posted.status == 409,
                 posted.body.left(300).constData());
        // A test interchange is never what stops it on the test gateway.
        QVERIFY(
            !posted.body.contains("\"code\":\"envelope.test-interchange\",\"message\":\"The interchange is marked as a "
                                  "test (ISA15 = T): its payments"));
        const QJsonObject report = posted.status == 201 ? posted.json() : posted.json().value(u"report"_s).toObject();
        for (const QJsonValue &value : report.value(u"transactions"_s).toArray()) {
            const QJsonObject transaction = value.toObject();
            const bool clean = transaction.value(u"errors"_s).toArray().isEmpty();
            if (clean)
                QVERIFY2(transaction.value(u"posted"_s).toBool() || transaction.value(u"held"_s).toBool()
                             || transaction.value(u"duplicate"_s).toBool(),
                         qPrintable(transaction.value(u"traceNumber"_s).toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestFixturePosting)
#include "test_fixtureposting.moc"
