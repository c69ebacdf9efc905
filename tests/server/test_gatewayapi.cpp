// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/server/gatewayfixture.h"
#include "tests/server/testremittances.h"

#include <QJsonArray>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using testing::GatewayFixture;
using testing::HttpClient;
using testing::HttpReply;

namespace {

void verifyProblem(const HttpReply &reply, int status, const QString &type)
{
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.headers.value("content-type"), QByteArray("application/problem+json"));
    const QJsonObject problem = reply.json();
    QCOMPARE(problem.value(u"status"_s).toInt(), status);
    QVERIFY2(problem.value(u"type"_s).toString().endsWith(u"/"_s + type),
             qPrintable(problem.value(u"type"_s).toString()));
    // The correlation id in the body is the one in the header (and in the server's log).
    QVERIFY(!problem.value(u"correlationId"_s).toString().isEmpty());
    QCOMPARE(problem.value(u"correlationId"_s).toString().toLatin1(), reply.headers.value("x-correlation-id"));
}

} // namespace

class TestGatewayApi final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<GatewayFixture> m_gateway;

    HttpClient signedIn(const QString &username)
    {
        HttpClient client(m_gateway->url(QString()));
        if (!client.signIn(username))
            qFatal("cannot sign in as %s", qPrintable(username));
        return client;
    }

    /// An open item of the given queue that the user owns (demo users start with some).
    QJsonObject ownedItem(HttpClient &client, const QString &userId, const QString &queue)
    {
        QString cursor;
        for (;;) {
            const HttpReply page
                = client.get(u"/work-items?limit=1000"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            for (const QJsonValue &value : page.json().value(u"items"_s).toArray()) {
                const QJsonObject item = value.toObject();
                if (item.value(u"ownerId"_s).toString() == userId && item.value(u"queue"_s).toString() == queue
                    && item.value(u"status"_s).toString() == u"in_progress"_s)
                    return item;
            }
            if (!page.json().value(u"hasMore"_s).toBool())
                return {};
            cursor = page.json().value(u"nextCursor"_s).toString();
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<GatewayFixture>(400);
        QVERIFY(m_gateway->isReady());
    }

    void cleanupTestCase() { m_gateway.reset(); }

    void healthNeedsNoSignIn()
    {
        HttpClient client(m_gateway->url(QString()));
        const HttpReply reply = client.get(u"/health"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"ok"_s);
        QVERIFY(!reply.headers.value("x-correlation-id").isEmpty());
    }

    void signInSucceedsOnlyWithTheRightPassword()
    {
        HttpClient client(m_gateway->url(QString()));
        const HttpReply good
            = client.postJson(u"/session"_s, {{u"username"_s, u"biller"_s}, {u"password"_s, u"demo"_s}});
        QCOMPARE(good.status, 200);
        QCOMPARE(good.json().value(u"user"_s).toObject().value(u"role"_s).toString(), u"biller"_s);
        QVERIFY(good.json().value(u"token"_s).toString().size() >= 40);
        verifyProblem(client.postJson(u"/session"_s, {{u"username"_s, u"biller"_s}, {u"password"_s, u"nope"_s}}), 401,
                      u"invalid-credentials"_s);
        verifyProblem(client.postJson(u"/session"_s, {{u"username"_s, u"nobody"_s}, {u"password"_s, u"demo"_s}}), 401,
                      u"invalid-credentials"_s);
        verifyProblem(client.post(u"/session"_s, "{\"username\": \"biller\",", {{"Content-Type", "application/json"}}),
                      400, u"malformed-json"_s);
        verifyProblem(client.post(u"/session"_s, "username=biller", {{"Content-Type", "text/plain"}}), 415,
                      u"unsupported-media-type"_s);
        verifyProblem(
            client.postJson(u"/session"_s,
                            {{u"username"_s, u"biller"_s}, {u"password"_s, u"demo"_s}, {u"admin"_s, u"true"_s}}),
            422, u"invalid-request"_s);
        verifyProblem(client.postJson(u"/session"_s, {{u"username"_s, 7}, {u"password"_s, u"demo"_s}}), 422,
                      u"invalid-request"_s);
        // Synthetic team members have no password and cannot sign in at all.
        const QString teamMember = m_gateway->store().usersWithOpenWork().constFirst().first.username;
        verifyProblem(client.postJson(u"/session"_s, {{u"username"_s, teamMember}, {u"password"_s, u""_s}}), 422,
                      u"invalid-request"_s);
    }

    void everyProtectedEndpointNeedsAValidToken_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *path : {"/work-items", "/work-items/WI-00000001", "/work-items/WI-00000001/history", "/users",
                                 "/reference/payers", "/reference/reason-codes"})
            QTest::newRow(path) << QString::fromLatin1(path);
    }

    void everyProtectedEndpointNeedsAValidToken()
    {
        QFETCH(QString, path);
        HttpClient client(m_gateway->url(QString()));
        verifyProblem(client.get(path), 401, u"unauthorized"_s);
        client.setToken(u"not-a-token"_s);
        verifyProblem(client.get(path), 401, u"unauthorized"_s);
        // An expired session is as good as none.
        const auto biller = m_gateway->store().authenticate(u"biller"_s, u"demo"_s);
        QVERIFY(biller);
        client.setToken(m_gateway->store().createSession(biller->id, std::chrono::seconds(-1)));
        verifyProblem(client.get(path), 401, u"unauthorized"_s);
        QVERIFY(client.signIn(u"supervisor"_s));
        QCOMPARE(client.get(path).status, 200);
    }

    void anItemCarriesItsVersionAsETagAndStaysInItsRolesView()
    {
        HttpClient supervisor = signedIn(u"supervisor"_s);
        const QJsonObject remittance = ownedItem(supervisor, u"DEMO-POSTER"_s, u"remittance"_s);
        QVERIFY(!remittance.isEmpty());
        const QString id = remittance.value(u"id"_s).toString();
        const HttpReply reply = supervisor.get(u"/work-items/"_s + id);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.headers.value("etag"),
                 '"' + QByteArray::number(reply.json().value(u"version"_s).toInteger()) + '"');
        QCOMPARE(reply.json().value(u"balance"_s).toString().count(u'.'), 1);
        // A biller does not work remittances: for them the item does not exist.
        HttpClient biller = signedIn(u"biller"_s);
        verifyProblem(biller.get(u"/work-items/"_s + id), 404, u"not-found"_s);
        verifyProblem(biller.get(u"/work-items/WI-99999999"_s), 404, u"not-found"_s);
        verifyProblem(biller.get(u"/no/such/path"_s), 404, u"not-found"_s);
    }

    void anActionTwiceWithOneKeyIsAppliedOnce()
    {
        HttpClient biller = signedIn(u"biller"_s);
        const QJsonObject item = ownedItem(biller, u"DEMO-BILLER"_s, u"denial"_s);
        const QString id = item.value(u"id"_s).toString();
        const qint64 version = item.value(u"version"_s).toInteger();
        const QJsonObject note {{u"type"_s, u"note"_s}, {u"text"_s, u"Called the payer, reference 4471"_s}};

        const HttpReply first = biller.act(id, note, version, u"note-once-0001"_s);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(u"version"_s).toInteger(), version + 1);
        QVERIFY(!first.headers.contains("idempotent-replayed"));
        const HttpReply second = biller.act(id, note, version, u"note-once-0001"_s);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.headers.value("idempotent-replayed"), QByteArray("true"));
        QCOMPARE(second.json(), first.json());

        const QJsonArray history = biller.get(u"/work-items/%1/history"_s.arg(id)).json().value(u"history"_s).toArray();
        QCOMPARE(history.size(), 1);
        QCOMPARE(history.at(0).toObject().value(u"type"_s).toString(), u"note"_s);
        QCOMPARE(history.at(0).toObject().value(u"actorId"_s).toString(), u"DEMO-BILLER"_s);

        // The same key for a different request is refused, not applied.
        verifyProblem(biller.act(id, {{u"type"_s, u"note"_s}, {u"text"_s, u"something else"_s}}, version + 1,
                                 u"note-once-0001"_s),
                      422, u"idempotency-key-reused"_s);
    }

    void concurrentDuplicatesAreAppliedOnce()
    {
        HttpClient biller = signedIn(u"biller"_s);
        const QJsonObject item = ownedItem(biller, u"DEMO-BILLER"_s, u"denial"_s);
        const QString id = item.value(u"id"_s).toString();
        const qint64 version = item.value(u"version"_s).toInteger();
        const QByteArray body = R"({"type":"escalate","text":"payer unresponsive"})";
        QList<QNetworkReply *> replies;
        for (int copy = 0; copy < 8; ++copy) {
            QNetworkRequest request = biller.request(u"/work-items/%1/actions"_s.arg(id),
                                                     {{"Content-Type", "application/json"},
                                                      {"Idempotency-Key", "escalate-dup-0001"},
                                                      {"If-Match", '"' + QByteArray::number(version) + '"'}});
            replies.append(biller.network().post(request, body));
        }
        int replayed = 0;
        for (QNetworkReply *reply : std::as_const(replies)) {
            const HttpReply result = HttpClient::wait(reply);
            QCOMPARE(result.status, 200);
            QCOMPARE(result.json().value(u"version"_s).toInteger(), version + 1);
            QCOMPARE(result.json().value(u"status"_s).toString(), u"escalated"_s);
            replayed += result.headers.contains("idempotent-replayed") ? 1 : 0;
        }
        QCOMPARE(replayed, 7);
        QCOMPARE(biller.get(u"/work-items/%1/history"_s.arg(id)).json().value(u"history"_s).toArray().size(), 1);
    }

    void aStaleVersionGets412WithTheCurrentItem()
    {
        HttpClient biller = signedIn(u"biller"_s);
        const QJsonObject item = ownedItem(biller, u"DEMO-BILLER"_s, u"denial"_s);
        const QString id = item.value(u"id"_s).toString();
        const qint64 version = item.value(u"version"_s).toInteger();
        QCOMPARE(biller.act(id, {{u"type"_s, u"hold"_s}}, version, u"hold-first-0001"_s).status, 200);
        const HttpReply stale = biller.act(id, {{u"type"_s, u"escalate"_s}}, version, u"escalate-stale-0001"_s);
        verifyProblem(stale, 412, u"version-mismatch"_s);
        const QJsonObject current = stale.json().value(u"currentItem"_s).toObject();
        QCOMPARE(current.value(u"version"_s).toInteger(), version + 1);
        QCOMPARE(current.value(u"status"_s).toString(), u"on_hold"_s);
        QCOMPARE(stale.headers.value("etag"), '"' + QByteArray::number(version + 1) + '"');
        // The key was not used up by the failure: the retry on the new version goes through.
        const HttpReply retry = biller.act(id, {{u"type"_s, u"escalate"_s}}, version + 1, u"escalate-stale-0001"_s);
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.json().value(u"status"_s).toString(), u"escalated"_s);
    }

    void rulesAnswer403And409()
    {
        HttpClient biller = signedIn(u"biller"_s);
        const QJsonObject item = ownedItem(biller, u"DEMO-BILLER"_s, u"denial"_s);
        const QString id = item.value(u"id"_s).toString();
        const qint64 version = item.value(u"version"_s).toInteger();
        verifyProblem(biller.act(id, {{u"type"_s, u"release"_s}}, version, u"release-0001"_s), 409,
                      u"invalid-transition"_s);
        verifyProblem(
            biller.act(id, {{u"type"_s, u"assign"_s}, {u"assignee"_s, u"DEMO-CODER"_s}}, version, u"assign-0001"_s),
            403, u"forbidden"_s);
        HttpClient finance = signedIn(u"finance"_s);
        verifyProblem(finance.act(id, {{u"type"_s, u"note"_s}, {u"text"_s, u"x"_s}}, version, u"finance-0001"_s), 403,
                      u"forbidden"_s);

        // Segregation of duties, end to end: the supervisor asks, another supervisor... there
        // is only one, so the supervisor's own request cannot be approved by them.
        HttpClient supervisor = signedIn(u"supervisor"_s);
        const HttpReply requested = supervisor.act(
            id, {{u"type"_s, u"request_writeoff"_s}, {u"amount"_s, u"10.00"_s}, {u"text"_s, u"small balance"_s}},
            version, u"writeoff-0001"_s);
        QCOMPARE(requested.status, 200);
        verifyProblem(supervisor.act(id, {{u"type"_s, u"approve_writeoff"_s}}, version + 1, u"approve-0001"_s), 403,
                      u"segregation-of-duties"_s);
    }

    void aWriteOffRequestedByABillerIsApprovedByTheSupervisor()
    {
        HttpClient biller = signedIn(u"biller"_s);
        const QJsonObject item = ownedItem(biller, u"DEMO-BILLER"_s, u"denial"_s);
        const QString id = item.value(u"id"_s).toString();
        const qint64 version = item.value(u"version"_s).toInteger();
        const auto balance = models::Money::fromString(item.value(u"balance"_s).toString());
        QVERIFY(balance && balance->cents() > 100);
        QCOMPARE(biller
                     .act(id,
                          {{u"type"_s, u"request_writeoff"_s},
                           {u"amount"_s, u"1.00"_s},
                           {u"text"_s, u"below collection threshold"_s}},
                          version, u"writeoff-biller-0001"_s)
                     .status,
                 200);
        HttpClient supervisor = signedIn(u"supervisor"_s);
        const HttpReply approved
            = supervisor.act(id, {{u"type"_s, u"approve_writeoff"_s}}, version + 1, u"approve-biller-0001"_s);
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.json().value(u"status"_s).toString(), u"resolved"_s);
        QCOMPARE(approved.json().value(u"balance"_s).toString(), (*balance - models::Money::fromCents(100)).toString());
    }

    void badBodiesAreRefusedClearly_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("malformed JSON") << QByteArray("{\"type\": \"note\", ") << QByteArray("application/json") << 400
                                        << u"malformed-json"_s;
        QTest::newRow("not an object") << QByteArray("[\"note\"]") << QByteArray("application/json") << 400
                                       << u"malformed-json"_s;
        QTest::newRow("wrong type") << QByteArray(R"({"type":"note","text":12})") << QByteArray("application/json")
                                    << 422 << u"invalid-action"_s;
        QTest::newRow("unknown field") << QByteArray(R"({"type":"take","urgent":"yes"})")
                                       << QByteArray("application/json") << 422 << u"invalid-action"_s;
        QTest::newRow("not JSON") << QByteArray("type=take") << QByteArray("application/x-www-form-urlencoded") << 415
                                  << u"unsupported-media-type"_s;
        QTest::newRow("oversized") << (R"({"type":"note","text":")" + QByteArray(100 * 1024, 'a') + R"("})")
                                   << QByteArray("application/json") << 413 << u"body-too-large"_s;
    }

    void badBodiesAreRefusedClearly()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QString, type);
        HttpClient biller = signedIn(u"biller"_s);
        const HttpReply reply
            = biller.post(u"/work-items/WI-00000001/actions"_s, body,
                          {{"Content-Type", contentType}, {"Idempotency-Key", "bad-body-0001"}, {"If-Match", "\"1\""}});
        verifyProblem(reply, status, type);
    }

    void anActionNamingAnotherAuthorThanTheSessionsUserIsRefusedAndChangesNothing()
    {
        // The coder's session carries an action the biller wrote (a workbench someone else
        // signed in to): refused, so it is never audited as the coder's.
        HttpClient coder = signedIn(u"coder"_s);
        HttpClient biller = signedIn(u"biller"_s);
        const QJsonObject item = ownedItem(biller, u"DEMO-BILLER"_s, u"denial"_s);
        const QString id = item.value(u"id"_s).toString();
        const qint64 version = item.value(u"version"_s).toInteger();
        const qsizetype historyBefore = m_gateway->store().history(id).size();
        const QByteArray note = R"({"type":"note","text":"called the payer"})";
        const auto headers = [&](const QByteArray &author, const QByteArray &key) {
            return QHash<QByteArray, QByteArray> {{"Content-Type", "application/json"},
                                                  {"Idempotency-Key", key},
                                                  {"If-Match", '"' + QByteArray::number(version) + '"'},
                                                  {"X-RCM-Author", author}};
        };
        const HttpReply refused
            = coder.post(u"/work-items/%1/actions"_s.arg(id), note, headers("DEMO-BILLER", "author-check-0001"));
        verifyProblem(refused, 403, u"author-mismatch"_s);
        QCOMPARE(m_gateway->store().item(id)->version, version);
        QCOMPARE(m_gateway->store().history(id).size(), historyBefore);
        // The key was not spent: the author sends the same action under it, as theirs.
        const HttpReply taken
            = biller.post(u"/work-items/%1/actions"_s.arg(id), note, headers("DEMO-BILLER", "author-check-0001"));
        QCOMPARE(taken.status, 200);
        QVERIFY(!taken.headers.contains("idempotent-replayed"));
        const auto history = m_gateway->store().history(id);
        QCOMPARE(history.size(), historyBefore + 1);
        QCOMPARE(history.constLast().actorId, u"DEMO-BILLER"_s);
    }

    void actionsNeedAKeyAndAVersion()
    {
        HttpClient biller = signedIn(u"biller"_s);
        const QByteArray body = R"({"type":"take"})";
        verifyProblem(biller.post(u"/work-items/WI-00000001/actions"_s, body,
                                  {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}}),
                      400, u"idempotency-key-required"_s);
        verifyProblem(biller.post(u"/work-items/WI-00000001/actions"_s, body,
                                  {{"Content-Type", "application/json"}, {"Idempotency-Key", "no-version-0001"}}),
                      428, u"if-match-required"_s);
        verifyProblem(biller.post(u"/work-items/WI-00000001/actions"_s, body,
                                  {{"Content-Type", "application/json"},
                                   {"Idempotency-Key", "weak-version-0001"},
                                   {"If-Match", "W/\"1\""}}),
                      400, u"invalid-if-match"_s);
    }

    void aHugeBodyIsCutOffBeforeItIsRead()
    {
        // 16 MiB announced: refused from the headers, and the connection closed, instead
        // of buffering it.
        HttpClient biller = signedIn(u"biller"_s);
        const HttpReply reply = biller.post(u"/work-items/WI-00000001/actions"_s, QByteArray(16 * 1024 * 1024, 'x'),
                                            {{"Content-Type", "application/json"}});
        verifyProblem(reply, 413, u"body-too-large"_s);
        QCOMPARE(biller.get(u"/health"_s).status, 200); // and the server is fine
    }

    void aChunkedBodyIsRefusedAtTheSocket()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_gateway->url(QString()).port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"username\":\"bil\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(!socket.readAll().startsWith("HTTP/1.1 200"));
    }

    void aBodyLimitCannotBeDodgedBySplittingTheRequest()
    {
        const QByteArray request = "POST /v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 200000000\r\n\r\n{\"a\":1}";
        // Fed one byte at a time, the announcement is still caught once the headers end.
        using Action = server::RequestGuard::Verdict::Action;
        server::RequestGuard guard;
        server::RequestGuard::Verdict verdict;
        for (qsizetype index = 0; index < request.size() && verdict.action == Action::Pass; ++index)
            verdict = guard.inspect(request.mid(index, 1), {1024 * 1024});
        QCOMPARE(verdict.action, Action::Refuse);
        QVERIFY2(verdict.reason.contains(u"200000000"_s), qPrintable(verdict.reason));
        // Two requests on one connection: the second's body is judged on its own.
        server::RequestGuard keepAlive;
        const QByteArray small = "POST /v1/session HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}";
        QCOMPARE(keepAlive.inspect(small + small.left(20), {1024}).action, Action::Pass);
        QCOMPARE(keepAlive.inspect(small.mid(20), {1024}).action, Action::Pass);
        QCOMPARE(keepAlive.inspect("GET / HTTP/1.1\r\n" + QByteArray(20 * 1024, 'x'), {1024}).action, Action::Drop);

        // And over a real socket, split in two packets with a pause between.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_gateway->url(QString()).port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write(request.left(60));
        socket.flush();
        QTest::qWait(100);
        socket.write(request.mid(60));
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void theBearerSchemeIsCaseInsensitive()
    {
        HttpClient client = signedIn(u"biller"_s);
        const QByteArray token = client.request(QString(), {}).rawHeader("Authorization").mid(7);
        HttpClient lowerCase(m_gateway->url(QString()));
        QCOMPARE(lowerCase.get(u"/reference/payers"_s, {{"Authorization", "bearer " + token}}).status, 200);
    }

    void theDemoSeedKeepsTheCommercialContractsRefundWindows()
    {
        // Medicare's and Medicaid's windows are the law's: only the commercial plans have a row.
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT s.payer_id, s.refund_days, p.kind FROM payer_settings AS s "
                           "JOIN payers AS p ON p.id = s.payer_id ORDER BY s.payer_id"_s));
        QStringList rows;
        while (query.next()) {
            QCOMPARE(query.value(2).toString(), u"commercial"_s);
            rows << u"%1 %2"_s.arg(query.value(0).toString()).arg(query.value(1).toInt());
        }
        QCOMPARE(rows, (QStringList {u"BSH 30"_s, u"CET 45"_s, u"NWH 45"_s, u"SMI 60"_s}));
    }

    void referenceDataAndTeamWorkload()
    {
        HttpClient supervisor = signedIn(u"supervisor"_s);
        const QJsonArray payers = supervisor.get(u"/reference/payers"_s).jsonArray();
        QCOMPARE(payers.size(), 8);
        const QJsonArray codes = supervisor.get(u"/reference/reason-codes"_s).jsonArray();
        QVERIFY(codes.size() > 20);
        bool found197 = false;
        for (const QJsonValue &code : codes)
            found197 |= code[u"code"_s].toString() == u"197"_s && code[u"family"_s].toString() == u"authorization"_s;
        QVERIFY(found197);
        const QJsonArray users = supervisor.get(u"/users"_s).jsonArray();
        QVERIFY(users.size() >= 30);
        qint64 biller = -1;
        for (const QJsonValue &user : users) {
            if (user[u"username"_s].toString() == u"biller"_s)
                biller = user[u"openItems"_s].toInteger();
        }
        QVERIFY(biller > 0);
    }

    void aCorrelationIdFromTheClientIsKept()
    {
        HttpClient client(m_gateway->url(QString()));
        const HttpReply reply = client.get(u"/work-items"_s, {{"X-Correlation-Id", "workbench-7f3a9c21"}});
        QCOMPARE(reply.headers.value("x-correlation-id"), QByteArray("workbench-7f3a9c21"));
        QCOMPARE(reply.json().value(u"correlationId"_s).toString(), u"workbench-7f3a9c21"_s);
    }

    void anAmountOverTheCapIsRefusedAsADefect()
    {
        HttpClient biller = signedIn(u"biller"_s);
        const QJsonObject item = ownedItem(biller, u"DEMO-BILLER"_s, u"denial"_s);
        const HttpReply refused = biller.act(
            item.value(u"id"_s).toString(),
            {{u"type"_s, u"request_writeoff"_s}, {u"amount"_s, u"100000000.00"_s}, {u"text"_s, u"a typo"_s}},
            item.value(u"version"_s).toInteger(), u"writeoff-cap-0001"_s);
        verifyProblem(refused, 422, u"invalid-action"_s);
        QVERIFY2(refused.json()
                     .value(u"detail"_s)
                     .toString()
                     .contains(u"more than any single amount may be (99999999.99)"_s),
                 refused.body.constData());
        // The gateway's own records are not actions anyone may send.
        verifyProblem(biller.act(item.value(u"id"_s).toString(), {{u"type"_s, u"read_summary"_s}},
                                 item.value(u"version"_s).toInteger(), u"record-only-0001"_s),
                      422, u"invalid-action"_s);

        // An 835 paying more than the cap on one claim is a defect in the file: nothing posts.
        x12::ClaimPayment payment;
        payment.patientControlNumber = u"CAP-1"_s;
        payment.statusCode = u"1"_s;
        payment.status = x12::ClaimStatus::Primary;
        payment.charge = models::Money::fromCents(10'000'000'000);
        payment.paid = models::Money::fromCents(10'000'000'000);
        HttpClient poster = signedIn(u"poster"_s);
        const HttpReply posted
            = poster.post(u"/remittances"_s, testing::fileOf({testing::remittanceFor({payment}, u"CAP-T1"_s)}),
                          {{"content-type", "application/edi-x12"}});
        verifyProblem(posted, 422, u"unreadable-remittance"_s);
        QVERIFY2(posted.body.contains("100000000.00 is more than any single amount may be (99999999.99)"),
                 posted.body.constData());
        QSqlQuery count(m_gateway->database().connection());
        QVERIFY(count.exec(u"SELECT count(*) FROM remittances WHERE trace_number = 'CAP-T1'"_s) && count.next());
        QCOMPARE(count.value(0).toInt(), 0);
    }

    void aStoreFailureAnswers503WithoutTheDatabasesWords()
    {
        GatewayFixture gateway(20);
        HttpClient supervisor(gateway.url(QString()));
        QVERIFY(supervisor.signIn(u"supervisor"_s));
        const auto item = gateway.store().item(u"WI-00000001"_s);
        QVERIFY(item);
        // Tables gone from under the gateway: the one an action is remembered in, then the items.
        QVERIFY(!gateway.database().execute(u"ALTER TABLE idempotency_keys RENAME TO keys_elsewhere"_s));
        QList<HttpReply> replies;
        replies.append(supervisor.act(item->id, {{u"type"_s, u"note"_s}, {u"text"_s, u"x"_s}}, item->version,
                                      u"store-503-0001"_s));
        QVERIFY(!gateway.database().execute(u"ALTER TABLE work_items RENAME TO work_items_elsewhere"_s));
        replies.append(supervisor.get(u"/users"_s));
        // Sign-in answers on its own path (the password is checked off the event loop).
        QVERIFY(!gateway.database().execute(u"ALTER TABLE signin_throttle RENAME TO throttle_elsewhere"_s));
        replies.append(HttpClient(gateway.url(QString()))
                           .postJson(u"/session"_s, {{u"username"_s, u"biller"_s}, {u"password"_s, u"demo"_s}}));
        for (const HttpReply &reply : replies) {
            verifyProblem(reply, 503, u"store-error"_s);
            const QString body = QString::fromUtf8(reply.body);
            for (const QString &word : {u"SELECT"_s, u"INSERT"_s, u"UPDATE"_s, u"work_items"_s, u"idempotency_keys"_s,
                                        u"signin_throttle"_s, u"no such table"_s, u"Unable to"_s}) {
                QVERIFY2(!body.contains(word, Qt::CaseInsensitive), qPrintable(body));
            }
            // What the client can quote instead: the correlation id.
            QVERIFY2(body.contains(QString::fromLatin1(reply.headers.value("x-correlation-id")) + u"."_s),
                     qPrintable(body));
        }
    }
};

QTEST_GUILESS_MAIN(TestGatewayApi)
#include "test_gatewayapi.moc"
