// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// POST /v1/remittances spooled to disk instead of memory, against real gateways on
// loopback: the spool threshold is set to one byte, so every upload of these tests goes
// through the file the way a payer's 500 MB file does, and posts what an upload kept in
// memory posts. Refusals come before the body is read; a client gone mid-body posts
// nothing; the file never outlives the request.
#include "server/claimregister.h"
#include "server/gatewayserver.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testremittances.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using models::Money;
using testing::adjustment;
using testing::fileOf;
using testing::paidAsContracted;
using testing::remittanceFor;

namespace {

/// A gateway that spools every upload into its own folder, which the test can watch.
struct SpoolingGateway
{
    explicit SpoolingGateway(qint64 maximumRemittanceBytes = 64 * 1024 * 1024, QString directory = {})
        : gateway(300, options(maximumRemittanceBytes, directory.isEmpty() ? uploads.path() : directory))
    { }
    static server::GatewayServer::Options options(qint64 maximum, const QString &directory)
    {
        server::GatewayServer::Options result;
        result.spoolFromBytes = 1;
        result.uploadDirectory = directory;
        result.api.maximumRemittanceBytes = maximum;
        return result;
    }
    /// The spooled files, named or not: on Linux QTemporaryFile makes an unnamed one
    /// (O_TMPFILE), which only the gateway's open descriptor (this process's) shows.
    QStringList spooled() const
    {
        QStringList files = QDir(uploads.path()).entryList(QDir::Files | QDir::Hidden);
        const QDir descriptors(u"/proc/self/fd"_s);
        for (const QString &descriptor : descriptors.entryList(QDir::Files | QDir::System)) {
            const QString target = QFile::symLinkTarget(descriptors.filePath(descriptor));
            if (target.startsWith(uploads.path() + u'/'))
                files << target;
        }
        return files;
    }
    qint64 remittances()
    {
        QSqlQuery query(gateway.database().connection());
        return query.exec(u"SELECT count(*) FROM remittances"_s) && query.next() ? query.value(0).toLongLong() : -1;
    }

    QTemporaryDir uploads;
    testing::GatewayFixture gateway;
};

/// A raw HTTP/1.1 conversation, for what QNetworkAccessManager will not do (Expect:
/// 100-continue, stopping half-way through a body). Waits spin the event loop, which
/// the gateway shares.
class RawClient
{
public:
    explicit RawClient(const testing::GatewayFixture &gateway)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, quint16(gateway.url(QString()).port()));
    }
    bool isConnected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    /// Everything received once it holds text (or the connection closed), or after 10 s.
    QByteArray waitFor(const QByteArray &text)
    {
        const bool arrived = QTest::qWaitFor(
            [&] {
                m_received += m_socket.readAll();
                return m_received.contains(text) || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            10000);
        Q_UNUSED(arrived) // the caller looks at what came
        m_received += m_socket.readAll();
        return m_received;
    }
    /// The status of the final answer (not a 100 Continue), once it is complete.
    int finalStatus()
    {
        if (!QTest::qWaitFor(
                [&] {
                    m_received += m_socket.readAll();
                    return m_socket.state() == QAbstractSocket::UnconnectedState;
                },
                20000))
            return 0; // the gateway never closed the connection
        const qsizetype final = m_received.lastIndexOf("HTTP/1.1 ");
        return final < 0 ? 0 : m_received.mid(final + 9, 3).toInt();
    }
    QByteArray received() const { return m_received; }
    void abort() { m_socket.abort(); }

private:
    QTcpSocket m_socket;
    QByteArray m_received;
};

QByteArray head(const QString &token, qint64 length, const QByteArray &more = {})
{
    return "POST /v1/remittances HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/edi-x12\r\n"
           "Authorization: Bearer "
        + token.toLatin1() + "\r\nContent-Length: " + QByteArray::number(length) + "\r\n" + more + "\r\n";
}

} // namespace

class TestRemittanceUpload final : public QObject
{
    Q_OBJECT

private:
    models::Claim claim(testing::GatewayFixture &gateway, int index)
    {
        const auto item = gateway.store().item(u"WI-%1"_s.arg(index, 8, 10, QChar(u'0')));
        Q_ASSERT(item);
        return *server::ClaimRegister(gateway.database()).byControlNumber(item->claimNumber);
    }

    QByteArray fileWithExceptions(testing::GatewayFixture &gateway, const QString &trace)
    {
        x12::ClaimPayment underpaid = paidAsContracted(claim(gateway, 7));
        underpaid.lines[0].paid -= Money::fromCents(1000);
        underpaid.lines[0].adjustments.append(adjustment(u"CO"_s, u"45"_s, Money::fromCents(1000)));
        x12::ClaimPayment unknown = paidAsContracted(claim(gateway, 3));
        unknown.patientControlNumber = u"NOSUCHCLAIM1"_s;
        unknown.payerClaimControlNumber = u"NOSUCHPAYER1"_s;
        x12::Remittance remittance = remittanceFor({paidAsContracted(claim(gateway, 1)), underpaid, unknown}, trace);
        testing::settle(remittance);
        return fileOf({remittance});
    }

    static testing::HttpReply post(testing::HttpClient &client, const QByteArray &file, bool preview = false)
    {
        return client.post(preview ? u"/remittances?preview=true"_s : u"/remittances"_s, file,
                           {{"content-type", "application/edi-x12"}});
    }

private Q_SLOTS:
    void aSpooledUploadPostsWhatAnUploadInMemoryPosts()
    {
        testing::GatewayFixture inMemory(300); // the 835s here are far below its threshold
        SpoolingGateway spooling;
        QVERIFY(inMemory.isReady() && spooling.gateway.isReady());
        testing::HttpClient first(inMemory.url(QString()));
        testing::HttpClient second(spooling.gateway.url(QString()));
        QVERIFY(first.signIn(u"poster"_s) && second.signIn(u"poster"_s));
        const QByteArray file = fileWithExceptions(inMemory, u"SPOOL-1"_s);

        for (const bool preview : {true, false, false}) { // the second post is a duplicate
            const testing::HttpReply kept = post(first, file, preview);
            const testing::HttpReply spooled = post(second, file, preview);
            QCOMPARE(spooled.status, kept.status);
            const auto withoutCorrelation = [](QJsonObject answer) {
                answer.remove(u"correlationId"_s); // a problem's: one per request
                return answer;
            };
            QCOMPARE(withoutCorrelation(spooled.json()), withoutCorrelation(kept.json()));
            QCOMPARE(spooled.headers.value("content-type"), kept.headers.value("content-type"));
            QCOMPARE(spooled.headers.value("cache-control"), "no-store"_ba);
            QVERIFY(!spooled.headers.value("x-correlation-id").isEmpty());
            // Only an upload taken off the HTTP layer closes its connection after it.
            QCOMPARE(spooled.headers.value("connection"), "close"_ba);
            QVERIFY(kept.headers.value("connection") != "close"_ba);
        }
        QCOMPARE(spooling.remittances(), 1);
        QVERIFY(spooling.spooled().isEmpty());
        // The connection closed, the gateway serves the next one as before.
        QCOMPARE(second.get(u"/health"_s).status, 200);
    }

    void expectContinueIsAnsweredBeforeTheBody()
    {
        SpoolingGateway spooling;
        testing::HttpClient poster(spooling.gateway.url(QString()));
        QVERIFY(spooling.gateway.isReady() && poster.signIn(u"poster"_s));
        const QByteArray file = fileWithExceptions(spooling.gateway, u"SPOOL-2"_s);
        RawClient client(spooling.gateway);
        QVERIFY(client.isConnected());
        client.send(head(poster.token(), file.size(), "Expect: 100-continue\r\n"));
        QVERIFY2(client.waitFor("\r\n\r\n").startsWith("HTTP/1.1 100 Continue\r\n\r\n"), client.received().constData());
        client.send(file);
        QCOMPARE(client.finalStatus(), 201);
        QVERIFY(client.received().contains("\"postedTransactions\":1"));
        QCOMPARE(spooling.remittances(), 1);
        QVERIFY(spooling.spooled().isEmpty());
    }

    void aClientGoneMidBodyPostsNothingAndLeavesNoFile()
    {
        SpoolingGateway spooling;
        testing::HttpClient poster(spooling.gateway.url(QString()));
        QVERIFY(spooling.gateway.isReady() && poster.signIn(u"poster"_s));
        const QByteArray file = fileWithExceptions(spooling.gateway, u"SPOOL-3"_s);
        RawClient client(spooling.gateway);
        QVERIFY(client.isConnected());
        client.send(head(poster.token(), file.size()) + file.left(file.size() / 2));
        QTRY_COMPARE_WITH_TIMEOUT(spooling.spooled().size(), 1, 5000); // the half that came is on disk
        client.abort();
        QTRY_VERIFY_WITH_TIMEOUT(spooling.spooled().isEmpty(), 5000);
        QCOMPARE(spooling.remittances(), 0);
        // The whole file, sent again, posts once.
        QCOMPARE(post(poster, file).status, 201);
        QCOMPARE(spooling.remittances(), 1);
    }

    void refusalsComeBeforeTheBodyIsStored_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<QByteArray>("more");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::newRow("not signed in") << QString() << qint64(5'000'000) << QByteArray() << 401 << u"unauthorized"_s;
        QTest::newRow("not allowed") << u"biller"_s << qint64(5'000'000) << QByteArray() << 403 << u"forbidden"_s;
        QTest::newRow("over the cap") << u"poster"_s << qint64(64 * 1024 * 1024 + 1) << QByteArray() << 413
                                      << u"body-too-large"_s;
        QTest::newRow("over the cap, expecting 100")
            << u"poster"_s << qint64(3'000'000'000) << "Expect: 100-continue\r\n"_ba << 413 << u"body-too-large"_s;
    }

    void refusalsComeBeforeTheBodyIsStored()
    {
        QFETCH(QString, user);
        QFETCH(qint64, length);
        QFETCH(QByteArray, more);
        QFETCH(int, status);
        QFETCH(QString, type);
        SpoolingGateway spooling;
        testing::HttpClient client(spooling.gateway.url(QString()));
        QVERIFY(spooling.gateway.isReady());
        if (!user.isEmpty())
            QVERIFY(client.signIn(user));
        RawClient raw(spooling.gateway);
        QVERIFY(raw.isConnected());
        // Headers only: the answer comes without waiting for a body that never does.
        raw.send(head(client.token(), length, more));
        QCOMPARE(raw.finalStatus(), status);
        const QByteArray answer = raw.received();
        QVERIFY2(!answer.contains("100 Continue"), answer.constData());
        QVERIFY(answer.contains("Content-Type: application/problem+json\r\n"));
        const QJsonObject problem = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(problem.value(u"type"_s).toString().section(u'/', -1), type);
        QVERIFY(spooling.spooled().isEmpty());
        QCOMPARE(spooling.remittances(), 0);
    }

    void aRefusedBodySentAnywayStillGetsItsAnswer()
    {
        // A client that does not wait (QNetworkAccessManager sends the body at once) gets
        // the refusal, not a reset connection.
        SpoolingGateway spooling;
        testing::HttpClient client(spooling.gateway.url(QString()));
        QVERIFY(spooling.gateway.isReady());
        client.setToken(u"expired-or-made-up"_s);
        const testing::HttpReply reply = post(client, QByteArray(2 * 1024 * 1024, 'x'));
        QCOMPARE(reply.status, 401);
        QVERIFY(spooling.spooled().isEmpty());
    }

    void aFileThatCannotBeStoredIsRefusedAndNothingPosts()
    {
        QTemporaryDir parent;
        SpoolingGateway spooling(64 * 1024 * 1024, parent.filePath(u"no/such/folder"_s));
        testing::HttpClient poster(spooling.gateway.url(QString()));
        QVERIFY(spooling.gateway.isReady() && poster.signIn(u"poster"_s));
        const testing::HttpReply reply = post(poster, fileWithExceptions(spooling.gateway, u"SPOOL-4"_s));
        QCOMPARE(reply.status, 500);
        QCOMPARE(reply.headers.value("content-type"), "application/problem+json"_ba);
        QCOMPARE(reply.json().value(u"type"_s).toString().section(u'/', -1), u"upload-storage"_s);
        QCOMPARE(spooling.remittances(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRemittanceUpload)
#include "test_remittanceupload.moc"
