// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/exportregister.h"
#include "tests/server/gatewayfixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using testing::GatewayFixture;
using testing::HttpClient;
using testing::HttpReply;

namespace {

QString sha256Of(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

QJsonObject registration(const QString &sha256, const QString &format = u"csv"_s)
{
    return {{u"sha256"_s, sha256},
            {u"report"_s, u"open-work-by-age"_s},
            {u"format"_s, format},
            {u"parameters"_s, QJsonObject {{u"from"_s, u"2026-01-01"_s}, {u"payer"_s, u"P-001"_s}}},
            {u"exportedAt"_s, u"2026-02-03T04:05:06.007Z"_s}};
}

} // namespace

/// The export register through the real HTTP API on loopback: what `rcmctl report verify`
/// relies on to tell an issued report from an edited one.
class TestExportRegister final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GatewayFixture> m_gateway;

    HttpClient signedIn(const QString &username)
    {
        HttpClient client(m_gateway->url(QString()));
        if (!client.signIn(username))
            qWarning("sign-in as %s failed", qPrintable(username));
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<GatewayFixture>(20);
        QVERIFY(m_gateway->isReady());
    }

    void cleanupTestCase() { m_gateway.reset(); }

    void aRegisteredExportAnswersWhoExportedItAndWhen()
    {
        HttpClient finance = signedIn(u"finance"_s);
        const QString sha256 = sha256Of("denials,count\nCO-16,4\n");
        const HttpReply registered = finance.postJson(u"/exports"_s, registration(sha256, u"xlsx"_s));
        QVERIFY2(registered.status == 201, registered.body.constData());
        QCOMPARE(registered.json().value(u"sha256"_s).toString(), sha256);

        // Anyone signed in may ask; the answer names the exporter by display name.
        HttpClient biller = signedIn(u"biller"_s);
        const HttpReply found = biller.get(u"/exports/"_s + sha256);
        QVERIFY2(found.status == 200, found.body.constData());
        const QJsonObject record = found.json();
        QCOMPARE(record.value(u"report"_s).toString(), u"open-work-by-age"_s);
        QCOMPARE(record.value(u"format"_s).toString(), u"xlsx"_s);
        QCOMPARE(record.value(u"exportedAt"_s).toString(), u"2026-02-03T04:05:06.007Z"_s);
        QCOMPARE(record.value(u"parameters"_s).toObject().value(u"payer"_s).toString(), u"P-001"_s);
        const QJsonObject by = record.value(u"exportedBy"_s).toObject();
        QCOMPARE(by.value(u"id"_s).toString(), u"DEMO-FINANCE"_s);
        QCOMPARE(by.value(u"username"_s).toString(), u"finance"_s);
        QCOMPARE(by.value(u"displayName"_s).toString(), u"Demo Finance Analyst"_s);
        QVERIFY(QDateTime::fromString(record.value(u"registeredAt"_s).toString(), Qt::ISODateWithMs).isValid());
    }

    void registeringTheSameFileAgainAnswersTheFirstRecord()
    {
        HttpClient finance = signedIn(u"finance"_s);
        const QString sha256 = sha256Of("registered twice");
        const HttpReply first = finance.postJson(u"/exports"_s, registration(sha256));
        QCOMPARE(first.status, 201);
        QJsonObject later = registration(sha256);
        later.insert(u"exportedAt"_s, u"2026-02-04T00:00:00.000Z"_s);
        const HttpReply again = finance.postJson(u"/exports"_s, later);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.headers.value("idempotent-replayed"), "true"_ba);
        QCOMPARE(again.json(), first.json());
        QSqlQuery count(m_gateway->database().connection());
        count.prepare(u"SELECT count(*) FROM exports WHERE sha256 = ?"_s);
        count.addBindValue(sha256);
        QVERIFY(count.exec() && count.next());
        QCOMPARE(count.value(0).toInt(), 1);
    }

    void anotherUserCannotClaimARegisteredFile()
    {
        const QString sha256 = sha256Of("claimed by finance");
        QCOMPARE(signedIn(u"finance"_s).postJson(u"/exports"_s, registration(sha256)).status, 201);
        const HttpReply claimed = signedIn(u"supervisor"_s).postJson(u"/exports"_s, registration(sha256));
        QCOMPARE(claimed.status, 409);
        QCOMPARE(claimed.headers.value("content-type"), "application/problem+json"_ba);
        const HttpReply found = signedIn(u"biller"_s).get(u"/exports/"_s + sha256);
        QCOMPARE(found.json().value(u"exportedBy"_s).toObject().value(u"username"_s).toString(), u"finance"_s);
    }

    void malformedRegistrationsAreRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("problemType");
        const QString valid = sha256Of("malformed");
        QTest::newRow("hash too short") << u"sha256"_s << QJsonValue(valid.left(63)) << u"invalid-hash"_s;
        QTest::newRow("hash in capitals") << u"sha256"_s << QJsonValue(valid.toUpper()) << u"invalid-hash"_s;
        QTest::newRow("hash not hex") << u"sha256"_s << QJsonValue(QString(64, u'g')) << u"invalid-hash"_s;
        QTest::newRow("hash a number") << u"sha256"_s << QJsonValue(42) << u"invalid-hash"_s;
        QTest::newRow("format docx") << u"format"_s << QJsonValue(u"docx"_s) << u"invalid-format"_s;
        QTest::newRow("format in capitals") << u"format"_s << QJsonValue(u"CSV"_s) << u"invalid-format"_s;
        QTest::newRow("no report") << u"report"_s << QJsonValue(u""_s) << u"invalid-export"_s;
        QTest::newRow("parameters a string") << u"parameters"_s << QJsonValue(u"from=2026"_s) << u"invalid-export"_s;
        QTest::newRow("time without zone")
            << u"exportedAt"_s << QJsonValue(u"2026-02-03T04:05:06"_s) << u"invalid-export"_s;
        QTest::newRow("unknown field") << u"exportedBy"_s << QJsonValue(u"DEMO-SUPERVISOR"_s) << u"invalid-export"_s;
    }

    void malformedRegistrationsAreRefused()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, problemType);
        QJsonObject body = registration(sha256Of("malformed"));
        body.insert(field, value);
        const HttpReply refused = signedIn(u"finance"_s).postJson(u"/exports"_s, body);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.headers.value("content-type"), "application/problem+json"_ba);
        QVERIFY2(refused.json().value(u"type"_s).toString().endsWith(u'/' + problemType), refused.body.constData());
        QCOMPARE(signedIn(u"finance"_s).get(u"/exports/"_s + sha256Of("malformed")).status, 404);
    }

    void anUnknownFileWasNeverIssued()
    {
        const HttpReply unknown = signedIn(u"biller"_s).get(u"/exports/"_s + sha256Of("never exported"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.headers.value("content-type"), "application/problem+json"_ba);
        QVERIFY(unknown.json().value(u"type"_s).toString().endsWith(u"/export-never-issued"_s));
        QCOMPARE(signedIn(u"biller"_s).get(u"/exports/not-a-hash"_s).status, 400);
    }

    void theRegisterNeedsASignIn()
    {
        HttpClient anonymous(m_gateway->url(QString()));
        QCOMPARE(anonymous.postJson(u"/exports"_s, registration(sha256Of("anonymous"))).status, 401);
        QCOMPARE(anonymous.get(u"/exports/"_s + sha256Of("anonymous")).status, 401);
    }

    void aRegistrationIsNotCountedAsWork()
    {
        // The productivity report counts actions from the audit log; a registration is an
        // audit entry too, but not work on an item.
        HttpClient finance = signedIn(u"finance"_s);
        const auto financeActions = [&]() {
            const HttpReply report = finance.get(u"/reports/productivity"_s);
            const QJsonObject result = report.json();
            qint64 actions = 0;
            const QJsonArray columns = result.value(u"columns"_s).toArray();
            qsizetype user = -1;
            qsizetype count = -1;
            for (qsizetype column = 0; column < columns.size(); ++column) {
                const QString key = columns.at(column).toObject().value(u"key"_s).toString();
                if (key == u"user"_s)
                    user = column;
                else if (key == u"actions"_s)
                    count = column;
            }
            for (const QJsonValue &row : result.value(u"rows"_s).toArray()) {
                if (row.toArray().at(user).toString().contains(u"Finance"_s))
                    actions += row.toArray().at(count).toInteger();
            }
            return report.status == 200 && user >= 0 && count >= 0 ? actions : -1;
        };
        const qint64 before = financeActions();
        QVERIFY(before >= 0);
        const HttpReply registered = finance.postJson(u"/exports"_s, registration(sha256Of("not work"), u"csv"_s));
        QCOMPARE(registered.status, 201);
        QCOMPARE(financeActions(), before);
    }

    void eachRegistrationIsInTheAuditChain()
    {
        const QString sha256 = sha256Of("audited");
        HttpClient supervisor = signedIn(u"supervisor"_s); // before counting: a sign-in is audited too
        const qint64 before = m_gateway->store().verifyAudit().entries;
        QCOMPARE(supervisor.postJson(u"/exports"_s, registration(sha256, u"pdf"_s)).status, 201);
        // A replay is not a second registration.
        QCOMPARE(supervisor.postJson(u"/exports"_s, registration(sha256, u"pdf"_s)).status, 200);
        const server::GatewayStore::AuditVerification verified = m_gateway->store().verifyAudit();
        QVERIFY2(verified.intact, qPrintable(verified.detail));
        QCOMPARE(verified.entries, before + 1);
        const QList<models::AuditEvent> entries
            = m_gateway->store().history(server::ExportRegister::auditSubject(sha256));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.constFirst().actorId, u"DEMO-SUPERVISOR"_s);
        const QJsonObject details = QJsonDocument::fromJson(entries.constFirst().detailsJson).object();
        QCOMPARE(details.value(u"event"_s).toString(), u"export_registered"_s);
        QCOMPARE(details.value(u"sha256"_s).toString(), sha256);
        QCOMPARE(details.value(u"report"_s).toString(), u"open-work-by-age"_s);
        QCOMPARE(details.value(u"format"_s).toString(), u"pdf"_s);
    }
};

QTEST_GUILESS_MAIN(TestExportRegister)
#include "test_exportregister.moc"
