// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Who may do what as an account: the integration service account, demo accounts outside
// demo mode, emergency access, and who is told the team's login names. Over real HTTP.

#include "server/claimregister.h"
#include "server/useradministration.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testremittances.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr auto goodPassword = "amber-kestrel-lighthouse-42";

} // namespace

class TestUserAccess final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    QDateTime m_now; ///< the gateway's clock, moved by the tests

    std::unique_ptr<testing::HttpClient> client(const QString &username, const QString &password = u"demo"_s)
    {
        auto http = std::make_unique<testing::HttpClient>(m_gateway->url(QString()));
        if (!http->signIn(username, password))
            return nullptr;
        return http;
    }

    testing::HttpReply remove(testing::HttpClient &http, const QString &path)
    {
        return testing::HttpClient::wait(http.network().deleteResource(http.request(path, {})));
    }

    testing::HttpReply grant(testing::HttpClient &http, const QString &userId, const QJsonObject &body)
    {
        return http.postJson(u"/users/%1/emergency-access"_s.arg(userId), body);
    }

    /// The audit entries about a user: type, actor and details, oldest first.
    QList<QStringList> auditOf(const QString &userId)
    {
        QList<QStringList> entries;
        QSqlQuery query(m_gateway->database().connection());
        query.prepare(u"SELECT action_type, actor_id, details_json FROM audit_log WHERE work_item_id = ? "
                      "ORDER BY sequence"_s);
        query.addBindValue(QString(u"user:"_s + userId));
        if (query.exec()) {
            while (query.next())
                entries.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString()});
        }
        return entries;
    }

    static bool listsLoginNames(const QJsonArray &users)
    {
        return std::any_of(users.begin(), users.end(),
                           [](const QJsonValue &user) { return user.toObject().contains(u"username"_s); });
    }

private Q_SLOTS:
    void init()
    {
        m_now = QDateTime::currentDateTimeUtc();
        server::GatewayServer::Options options;
        options.api.clock = [this]() {
            return m_now;
        }; // sessions
        options.api.sessionIdle = std::chrono::hours(8);
        m_gateway = std::make_unique<testing::GatewayFixture>(300, options);
        QVERIFY(m_gateway->isReady());
        m_gateway->store().setClock([this]() { return m_now; }); // grants, sign-in
    }

    void cleanup() { m_gateway.reset(); }

    void theIntegrationAccountPostsAnEraButReadsNoWork()
    {
        server::UserAdministration administration(m_gateway->store(), u"test"_s, {}, 1000);
        const auto added = administration.addUser(u"clearinghouse"_s, u"Clearinghouse feed"_s,
                                                  models::Role::Integration, QString::fromLatin1(goodPassword));
        QVERIFY2(added.value, qPrintable(added.refusal ? added.refusal->message : QString()));
        const auto feed = client(u"clearinghouse"_s, QString::fromLatin1(goodPassword));
        QVERIFY(feed);

        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT claim_number FROM claims WHERE payer_id = 'BSH' ORDER BY claim_number LIMIT 1"_s));
        QVERIFY(query.next());
        const models::Claim claim
            = *server::ClaimRegister(m_gateway->database()).byControlNumber(query.value(0).toString());
        query.finish();
        QVERIFY(query.exec(u"SELECT id FROM work_items ORDER BY id LIMIT 1"_s) && query.next());
        const QString itemId = query.value(0).toString();
        query.finish();
        const QByteArray file
            = testing::fileOf({testing::remittanceFor({testing::paidAsContracted(claim)}, u"INT1"_s)});
        const testing::HttpReply posted
            = feed->post(u"/remittances"_s, file, {{"content-type", "application/edi-x12"}});
        QCOMPARE(posted.status, 201);

        for (const QString &path : {u"/work-items"_s, u"/users"_s, u"/reports/denials"_s,
                                    u"/work-items/%1"_s.arg(itemId), u"/reference/payers"_s}) {
            const testing::HttpReply refused = feed->get(path);
            QVERIFY2(refused.status == 403, qPrintable(path + u" answered "_s + QString::number(refused.status)));
        }
        QCOMPARE(feed->postJson(u"/exports"_s, QJsonObject {}).status, 403);
    }

    void aBillerStillCannotPostAnEra()
    {
        const auto biller = client(u"biller"_s);
        QVERIFY(biller);
        QCOMPARE(biller->post(u"/remittances"_s, "ISA*", {{"content-type", "application/edi-x12"}}).status, 403);
    }

    void demoAccountsSignInOnlyInDemoMode()
    {
        const auto biller = client(u"biller"_s);
        QVERIFY(biller);
        QCOMPARE(biller->get(u"/users"_s).status, 200);

        m_gateway->store().setDemoAccounts(server::GatewayStore::DemoAccounts::Refused);
        QCOMPARE(biller->get(u"/users"_s).status, 401); // the session stops working too
        testing::HttpClient again(m_gateway->url(QString()));
        const testing::HttpReply refused
            = again.postJson(u"/session"_s, {{u"username"_s, u"biller"_s}, {u"password"_s, u"demo"_s}});
        QCOMPARE(refused.status, 401);
        // Like any unknown user: nothing tells an attacker the account exists.
        const testing::HttpReply unknown
            = again.postJson(u"/session"_s, {{u"username"_s, u"nobody"_s}, {u"password"_s, u"demo"_s}});
        QCOMPARE(refused.json().value(u"detail"_s), unknown.json().value(u"detail"_s));

        // An account that is not a demo account still signs in.
        server::UserAdministration administration(m_gateway->store(), u"test"_s, {}, 1000);
        QVERIFY(
            administration.addUser(u"realbiller"_s, {}, models::Role::Biller, QString::fromLatin1(goodPassword)).value);
        QVERIFY(client(u"realbiller"_s, QString::fromLatin1(goodPassword)));

        m_gateway->store().setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed);
        QVERIFY(client(u"biller"_s));
    }

    void aSupervisorGrantsEmergencyAccessUntilItExpires()
    {
        const auto supervisor = client(u"supervisor"_s);
        const auto biller = client(u"biller"_s);
        QVERIFY(supervisor && biller);
        QVERIFY(!listsLoginNames(biller->get(u"/users"_s).jsonArray()));

        const testing::HttpReply granted
            = grant(*supervisor, u"DEMO-BILLER"_s,
                    {{u"role"_s, u"supervisor"_s}, {u"minutes"_s, 60}, {u"reason"_s, u"Night shift supervisor ill"_s}});
        QCOMPARE(granted.status, 200);
        const QJsonObject access = granted.json().value(u"emergencyAccess"_s).toObject();
        QCOMPARE(access.value(u"role"_s).toString(), u"supervisor"_s);
        QCOMPARE(QDateTime::fromString(access.value(u"until"_s).toString(), Qt::ISODateWithMs),
                 m_now.addSecs(3600).toUTC());
        QCOMPARE(access.value(u"grantedBy"_s).toString(), u"DEMO-SUPERVISOR"_s);

        // The same session now acts as a supervisor: it is told login names, and a new
        // sign-in says so.
        QVERIFY(listsLoginNames(biller->get(u"/users"_s).jsonArray()));
        QCOMPARE(biller->postJson(u"/session"_s, {{u"username"_s, u"biller"_s}, {u"password"_s, u"demo"_s}})
                     .json()
                     .value(u"user"_s)
                     .toObject()
                     .value(u"role"_s)
                     .toString(),
                 u"supervisor"_s);

        // A role widened by a grant does not widen anyone else's.
        const testing::HttpReply passedOn = grant(
            *biller, u"DEMO-CODER"_s, {{u"role"_s, u"supervisor"_s}, {u"minutes"_s, 60}, {u"reason"_s, u"x"_s}});
        QCOMPARE(passedOn.status, 403);

        m_now = m_now.addSecs(59 * 60);
        QVERIFY(listsLoginNames(biller->get(u"/users"_s).jsonArray()));
        m_now = m_now.addSecs(2 * 60); // past the hour: it ended by itself
        const testing::HttpReply after = biller->get(u"/users"_s);
        QCOMPARE(after.status, 200);
        QVERIFY(!listsLoginNames(after.jsonArray()));

        const QList<QStringList> audit = auditOf(u"DEMO-BILLER"_s);
        QCOMPARE(audit.size(), 1);
        QCOMPARE(audit.at(0).at(0), u"emergency_access_granted"_s);
        QCOMPARE(audit.at(0).at(1), u"DEMO-SUPERVISOR"_s);
        QVERIFY(audit.at(0).at(2).contains(u"Night shift supervisor ill"_s));
        QVERIFY(audit.at(0).at(2).contains(u"\"role\":\"supervisor\""_s));
        QVERIFY(m_gateway->store().verifyAudit().intact);
    }

    void aSupervisorEndsEmergencyAccessEarly()
    {
        const auto supervisor = client(u"supervisor"_s);
        const auto coder = client(u"coder"_s);
        QVERIFY(supervisor && coder);
        QCOMPARE(grant(*supervisor, u"DEMO-CODER"_s,
                       {{u"role"_s, u"supervisor"_s}, {u"minutes"_s, 30}, {u"reason"_s, u"Month-end close"_s}})
                     .status,
                 200);
        QVERIFY(listsLoginNames(coder->get(u"/users"_s).jsonArray()));

        const testing::HttpReply ended = remove(*supervisor, u"/users/DEMO-CODER/emergency-access"_s);
        QCOMPARE(ended.status, 200);
        QVERIFY(ended.json().value(u"emergencyAccess"_s).isNull());
        QVERIFY(!listsLoginNames(coder->get(u"/users"_s).jsonArray()));
        QCOMPARE(remove(*supervisor, u"/users/DEMO-CODER/emergency-access"_s).status, 409);

        const QList<QStringList> audit = auditOf(u"DEMO-CODER"_s);
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.at(1).at(0), u"emergency_access_ended"_s);
        QCOMPARE(audit.at(1).at(1), u"DEMO-SUPERVISOR"_s);
    }

    void onlyASupervisorGrantsEmergencyAccess_data()
    {
        QTest::addColumn<QString>("grantor");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        const QJsonObject valid {{u"role"_s, u"supervisor"_s}, {u"minutes"_s, 60}, {u"reason"_s, u"Outage"_s}};
        auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject body = valid;
            if (value.isUndefined())
                body.remove(key);
            else
                body.insert(key, value);
            return body;
        };
        QTest::newRow("a biller") << u"biller"_s << u"DEMO-CODER"_s << valid << 403;
        QTest::newRow("finance") << u"finance"_s << u"DEMO-CODER"_s << valid << 403;
        QTest::newRow("no minutes") << u"supervisor"_s << u"DEMO-CODER"_s << with(u"minutes"_s, QJsonValue()) << 422;
        QTest::newRow("zero minutes") << u"supervisor"_s << u"DEMO-CODER"_s << with(u"minutes"_s, 0) << 422;
        QTest::newRow("over eight hours") << u"supervisor"_s << u"DEMO-CODER"_s << with(u"minutes"_s, 481) << 422;
        QTest::newRow("no reason") << u"supervisor"_s << u"DEMO-CODER"_s << with(u"reason"_s, QJsonValue()) << 422;
        QTest::newRow("a blank reason") << u"supervisor"_s << u"DEMO-CODER"_s << with(u"reason"_s, u"  "_s) << 422;
        QTest::newRow("an unknown role") << u"supervisor"_s << u"DEMO-CODER"_s << with(u"role"_s, u"root"_s) << 422;
        QTest::newRow("the integration role")
            << u"supervisor"_s << u"DEMO-CODER"_s << with(u"role"_s, u"integration"_s) << 422;
        QTest::newRow("an unknown user") << u"supervisor"_s << u"NOBODY"_s << valid << 404;
        QTest::newRow("a synthetic team member who cannot sign in") << u"supervisor"_s << u"U001"_s << valid << 404;
    }

    void onlyASupervisorGrantsEmergencyAccess()
    {
        QFETCH(QString, grantor);
        QFETCH(QString, userId);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        const auto http = client(grantor);
        QVERIFY(http);
        const testing::HttpReply reply = grant(*http, userId, body);
        QCOMPARE(reply.status, status);
        QVERIFY(!reply.json().value(u"detail"_s).toString().isEmpty());
        QVERIFY(auditOf(userId).isEmpty());
        if (status == 403)
            QCOMPARE(remove(*http, u"/users/%1/emergency-access"_s.arg(userId)).status, 403);
    }

    void theTeamListTellsLoginNamesToSupervisorsOnly()
    {
        for (const QString &username : {u"biller"_s, u"poster"_s, u"finance"_s}) {
            const auto http = client(username);
            QVERIFY(http);
            const QJsonArray team = http->get(u"/users"_s).jsonArray();
            QVERIFY(team.size() > 6);
            QVERIFY2(!listsLoginNames(team), qPrintable(username));
            // What the workbench needs for owners and assignment is still there.
            const QJsonObject first = team.first().toObject();
            QVERIFY(first.contains(u"id"_s) && first.contains(u"displayName"_s) && first.contains(u"role"_s));
        }
        const auto supervisor = client(u"supervisor"_s);
        QVERIFY(supervisor);
        const QJsonArray team = supervisor->get(u"/users"_s).jsonArray();
        const bool listsBiller = std::any_of(team.begin(), team.end(), [](const QJsonValue &user) {
            return user.toObject().value(u"username"_s).toString() == u"biller"_s;
        });
        QVERIFY(listsBiller);
    }
};

QTEST_GUILESS_MAIN(TestUserAccess)
#include "test_useraccess.moc"
