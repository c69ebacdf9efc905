// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/gatewayupkeep.h"
#include "server/transportsecurity.h"
#include "services/store/cacheschema.h"
#include "services/store/outboxstore.h"
#include "services/store/workitemstore.h"
#include "services/x12/acknowledgmentwriter.h"
#include "services/x12/claimreader.h"
#include "services/x12/claimwriter.h"
#include "tests/cli/rcmctlprocess.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testcertificate.h"
#include "tests/server/testremittances.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

using testing::Run;

/// An 837P interchange of one transaction, one line per claim, its control numbers all control.
QByteArray claimFile(const QStringList &claimNumbers, qint64 control)
{
    QList<x12::ClaimToWrite> claims;
    for (const QString &number : claimNumbers) {
        x12::ClaimToWrite entry;
        entry.claim.claimNumber = number;
        entry.claim.accountNumber = u"ACCT-"_s + number;
        entry.claim.payerId = u"BSH"_s;
        models::ClaimLine line;
        line.lineNumber = 1;
        line.procedureCode = u"99213"_s;
        line.charge = models::Money::fromCents(15000);
        line.units = 1;
        line.serviceDate = QDate(2026, 10, 5);
        entry.claim.lines = {line};
        entry.parties.billingProvider.name = u"SYNTHETIC CLINIC"_s;
        entry.parties.billingProvider.idQualifier = u"XX"_s;
        entry.parties.billingProvider.id = u"1999999900"_s;
        entry.parties.billingProvider.taxId = u"999999999"_s;
        entry.parties.payerName = u"BLUESTONE HEALTH PLAN"_s;
        entry.parties.subscriberId = u"SYN"_s + number;
        entry.parties.subscriberLastName = u"SYNTHETIC"_s;
        entry.parties.subscriberFirstName = u"PAT"_s;
        claims.append(entry);
    }
    x12::ClaimWriter::Options options;
    options.interchangeControlNumber = control;
    options.groupControlNumber = control;
    options.transactionControlNumber = control;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    x12::ClaimWriter writer(&buffer, options);
    if (!writer.writeInterchange(x12::claimTransactionsOf(claims, options)))
        return {};
    return buffer.data();
}

/// A 277CA answering the first transaction of an 837 as the gateway reads it: the claims
/// in statuses get theirs, the others are acknowledged as received (A1).
QByteArray claimAcknowledgment(const QByteArray &claims, const QHash<QString, x12::StatusCode> &statuses,
                               qint64 control)
{
    QBuffer buffer;
    buffer.setData(claims);
    buffer.open(QIODevice::ReadOnly);
    const QList<x12::ClaimTransaction> sent = x12::readClaimFile(&buffer).transactions;
    if (sent.isEmpty())
        return {};
    x12::Acknowledgment ack;
    ack.type = x12::Acknowledgment::Type::ClaimStatus;
    ack.claimStatus = x12::claimAcknowledgmentFor(
        sent.first(),
        [&](const x12::BilledClaim &claim) {
            return statuses.value(claim.patientControlNumber, x12::StatusCode {u"A1"_s, u"20"_s, u"PR"_s});
        },
        QDate(2026, 11, 2));
    x12::AcknowledgmentWriter::Options options;
    options.firstInterchangeControlNumber = control;
    return x12::acknowledgmentText({ack}, options);
}

} // namespace

/// rcmctl as scripts use it: a child process against a real gateway on loopback (served
/// by this process, which keeps its event loop running while the child works).
class TestRcmctl final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::GatewayFixture> m_gateway;
    QTemporaryDir m_dir;
    QString m_cache;
    QString m_home; ///< where rcmctl keeps its settings: a fresh one forgets the last server

    Run rcmctl(const QStringList &arguments, const QByteArray &input = "demo\n",
               const QHash<QString, QString> &variables = {})
    {
        return testing::runRcmctl(arguments, m_home, input, variables);
    }

    QStringList common(const QString &user = u"biller"_s) const
    {
        return {u"--server"_s, m_gateway->url(QString()).toString(), u"--user"_s, user, u"--cache"_s, m_cache};
    }

    /// An in-progress item of the biller's in the cache.
    QString billersItem(qint64 skip = 0) const
    {
        store::Database cache;
        if (cache.open(m_cache, store::workbenchCacheSchema()))
            return {};
        QSqlQuery query(cache.connection());
        query.prepare(u"SELECT id FROM work_items WHERE owner_id = 'DEMO-BILLER' AND status = 'in_progress' "
                      "ORDER BY id LIMIT 1 OFFSET ?"_s);
        query.addBindValue(skip);
        return query.exec() && query.next() ? query.value(0).toString() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(1500);
        QVERIFY(m_gateway->isReady());
        m_cache = m_dir.filePath(u"cache.db"_s);
        m_home = m_dir.path();
    }

    void cleanupTestCase() { m_gateway.reset(); }

    void syncThenStatusAsJson()
    {
        const Run sync = rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + common());
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QVERIFY(sync.out.contains("Synced:"));
        const Run status = rcmctl(QStringList {u"status"_s, u"--json"_s, u"--cache"_s, m_cache});
        QCOMPARE(status.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(status.out).object();
        for (const char *key : {"itemsCached", "cursor", "pendingActions", "conflicts", "lastSync"})
            QVERIFY2(json.contains(QLatin1StringView(key)), key);
        QVERIFY(json.value(u"itemsCached"_s).toInteger() > 500);
        QCOMPARE(json.value(u"pendingActions"_s).toInteger(), 0);
        // A second sync transfers only changes: none.
        const Run again = rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + common());
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains("0 changes received"), again.out.constData());
    }

    void actQueuesSendsAndIsAppliedOnce()
    {
        store::Database cache;
        QVERIFY(!cache.open(m_cache, store::workbenchCacheSchema()));
        QSqlQuery query(cache.connection());
        QVERIFY(query.exec(u"SELECT id FROM work_items WHERE owner_id = 'DEMO-BILLER' AND status = 'in_progress' "
                           "LIMIT 1"_s)
                && query.next());
        const QString id = query.value(0).toString();
        query.finish();
        cache.close();
        const Run act
            = rcmctl(QStringList {u"act"_s, id, u"note"_s, u"--text"_s, u"left a voicemail"_s, u"--password-stdin"_s}
                     + common());
        QVERIFY2(act.exitCode == 0, act.err.constData());
        QCOMPARE(m_gateway->store().history(id).size(), 1);
        const Run outbox = rcmctl({u"outbox"_s, u"--json"_s, u"--cache"_s, m_cache});
        QCOMPARE(outbox.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(outbox.out).array().size(), 0);
    }

    void anotherUsersSyncLeavesAQueuedActionToItsAuthor()
    {
        QTemporaryDir home; // rcmctl remembers nobody's id yet
        QVERIFY(home.isValid());
        const QString previousHome = std::exchange(m_home, home.path());
        const auto restoreHome = qScopeGuard([&]() { m_home = previousHome; });
        const QString shared = m_dir.filePath(u"shared.db"_s);
        QStringList asBiller
            = {u"--server"_s, m_gateway->url(QString()).toString(), u"--user"_s, u"biller"_s, u"--cache"_s, shared};
        QStringList asCoder = asBiller;
        asCoder[3] = u"coder"_s;
        // Without a password, and never signed in from here: who "biller" is is not known,
        // so nothing is queued (it could not be sent as anyone's).
        const Run unknown = rcmctl(QStringList {u"act"_s, u"WI-00000001"_s, u"note"_s, u"--text"_s, u"x"_s} + asBiller);
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("is not known here yet"), unknown.err.constData());
        QVERIFY2(rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + asBiller).exitCode == 0, "first sync");
        QString itemId;
        {
            store::Database cache;
            QVERIFY(!cache.open(shared, store::workbenchCacheSchema()));
            QSqlQuery query(cache.connection());
            QVERIFY(query.exec(u"SELECT id FROM work_items WHERE owner_id = 'DEMO-BILLER' AND status = 'in_progress' "
                               "ORDER BY id DESC LIMIT 1"_s)
                    && query.next());
            itemId = query.value(0).toString();
            query.finish();
            // The biller's note, queued (say, offline) and not sent yet.
            QVERIFY(store::OutboxStore(cache).enqueue(
                itemId, {{u"type"_s, u"note"_s}, {u"text"_s, u"left a message"_s}}, u"rcm-cli-author-0001"_s,
                QDateTime::currentDateTimeUtc(), {u"DEMO-BILLER"_s, m_gateway->url(QString()).toString()}));
        }
        const qsizetype historyBefore = m_gateway->store().history(itemId).size();
        const Run coder = rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + asCoder);
        QVERIFY2(coder.exitCode == 0, coder.err.constData());
        QCOMPARE(m_gateway->store().history(itemId).size(), historyBefore);
        const Run listed = rcmctl({u"outbox"_s, u"--json"_s, u"--cache"_s, shared});
        const QJsonArray entries = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).toObject().value(u"state"_s).toString(), u"pending"_s);
        QCOMPARE(entries.at(0).toObject().value(u"authorId"_s).toString(), u"DEMO-BILLER"_s);
        // The biller's own sync sends it, once, as theirs.
        const Run biller = rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + asBiller);
        QVERIFY2(biller.exitCode == 0, biller.err.constData());
        const auto history = m_gateway->store().history(itemId);
        QCOMPARE(history.size(), historyBefore + 1);
        QCOMPARE(history.constLast().actorId, u"DEMO-BILLER"_s);
        QCOMPARE(QJsonDocument::fromJson(rcmctl({u"outbox"_s, u"--json"_s, u"--cache"_s, shared}).out).array().size(),
                 0);
    }

    void commonOptionsComeBeforeOrAfterTheCommand()
    {
        const Run before = rcmctl(QStringList {u"--password-stdin"_s} + common() + QStringList {u"sync"_s});
        QVERIFY2(before.exitCode == 0, before.err.constData());
        QVERIFY2(before.out.contains("Synced:"), before.out.constData());
        const Run status = rcmctl({u"--json"_s, u"--cache="_s + m_cache, u"status"_s});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        QVERIFY(QJsonDocument::fromJson(status.out).object().value(u"itemsCached"_s).toInteger() > 500);
        // Mixed, and through a command with a subcommand.
        const Run mixed = rcmctl({u"--server"_s, m_gateway->url(QString()).toString(), u"sync"_s, u"--user"_s,
                                  u"biller"_s, u"--cache"_s, m_cache, u"--password-stdin"_s});
        QVERIFY2(mixed.exitCode == 0, mixed.err.constData());
        const Run era = rcmctl({u"--json"_s, u"era"_s, u"check"_s, m_dir.filePath(u"missing.835"_s)});
        QCOMPARE(era.exitCode, 1);
        QVERIFY2(era.out.trimmed().startsWith('{'), era.out.constData());
        // Given twice, or not one of the common ones: a usage error.
        QCOMPARE(rcmctl(QStringList {u"--server"_s, u"http://127.0.0.1:9"_s, u"sync"_s} + common()).exitCode, 2);
        QCOMPARE(rcmctl({u"--confirm-removals"_s, u"sync"_s}).exitCode, 2);
        QCOMPARE(rcmctl({u"--server"_s}).exitCode, 2);
    }

    void theNextCommandGoesWhereTheLastSyncWent()
    {
        QTemporaryDir home; // nothing remembered yet
        QVERIFY(home.isValid());
        const QString previousHome = std::exchange(m_home, home.path());
        const Run sync = rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + common());
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        // No --server and no --user: the sync's are used (not http://127.0.0.1:8080).
        const QString id = billersItem(1);
        QVERIFY(!id.isEmpty());
        const qsizetype historyBefore = m_gateway->store().history(id).size();
        const Run act = rcmctl({u"act"_s, id, u"note"_s, u"--text"_s, u"called the payer"_s, u"--password-stdin"_s,
                                u"--cache"_s, m_cache});
        m_home = previousHome;
        QVERIFY2(act.exitCode == 0, act.err.constData());
        QCOMPARE(m_gateway->store().history(id).size(), historyBefore + 1);
    }

    void exitCodesTellFailuresApart()
    {
        // A typo in the action: a usage error, nothing queued.
        QCOMPARE(rcmctl(QStringList {u"act"_s, u"WI-00000001"_s, u"frobnicate"_s} + common()).exitCode, 2);
        QCOMPARE(rcmctl({u"no-such-command"_s}).exitCode, 2);
        // login without a password says how to give one, not "run 'rcmctl login'".
        const Run login = rcmctl(QStringList {u"login"_s} + common(), QByteArray());
        QCOMPARE(login.exitCode, 2);
        QVERIFY2(login.err.contains("--password-stdin") && !login.err.contains("run 'rcmctl login'"),
                 login.err.constData());
        // Nobody listening: a network failure.
        const Run down = rcmctl({u"sync"_s, u"--password-stdin"_s, u"--server"_s, u"http://127.0.0.1:9"_s, u"--user"_s,
                                 u"biller"_s, u"--cache"_s, m_dir.filePath(u"other.db"_s)});
        QCOMPARE(down.exitCode, 3);
        QVERIFY(!down.err.isEmpty());
        // A wrong password: refused (1), not a network problem.
        QCOMPARE(rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + common(), "wrong\n").exitCode, 1);
    }

    void logoutSaysWhenThereIsNoSessionToEnd()
    {
        // No keyring in the sandbox, so no token was kept: nothing to end, and it says so.
        const Run logout = rcmctl(QStringList {u"logout"_s} + common());
        QVERIFY2(logout.exitCode == 0, logout.err.constData());
        QVERIFY2(logout.out.contains("no session token is kept here"), logout.out.constData());
        const Run nobody
            = rcmctl({u"logout"_s, u"--server"_s, m_gateway->url(QString()).toString(), u"--user"_s, u""_s});
        QCOMPARE(nobody.exitCode, 2);
        QVERIFY2(nobody.err.contains("--user NAME"), nobody.err.constData());
        // Listed with the other commands.
        QVERIFY(rcmctl({u"--help"_s}).out.contains("logout"));
    }

    void reportRefusesBadArgumentsAndWritesWhatItIsAsked_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("says");
        const QString out = m_dir.filePath(u"r.csv"_s);
        QTest::newRow("no such report") << QStringList {u"nope"_s, u"--format"_s, u"csv"_s, u"--out"_s, out} << 2
                                        << QByteArray("no report named 'nope'");
        QTest::newRow("bad format") << QStringList {u"open-work"_s, u"--format"_s, u"doc"_s, u"--out"_s, out} << 2
                                    << QByteArray("--format must be csv, xlsx or pdf");
        QTest::newRow("no --out") << QStringList {u"open-work"_s, u"--format"_s, u"csv"_s} << 2
                                  << QByteArray("--out FILE is required");
        QTest::newRow("bad date") << QStringList {u"open-work"_s, u"--format"_s,  u"csv"_s, u"--out"_s, out,
                                                  u"--from"_s,    u"2026-13-01"_s}
                                  << 2 << QByteArray("--from must be a date");
        QTest::newRow("from after to") << QStringList {u"open-work"_s, u"--format"_s,   u"csv"_s,  u"--out"_s,     out,
                                                       u"--from"_s,    u"2026-12-02"_s, u"--to"_s, u"2026-12-01"_s}
                                       << 2 << QByteArray("--from is after --to");
        QTest::newRow("unwritable path") << QStringList {u"open-work"_s, u"--format"_s, u"csv"_s, u"--out"_s,
                                                         m_dir.filePath(u"no/such/folder/r.csv"_s)}
                                         << 1 << QByteArray("Cannot write");
    }

    void reportRefusesBadArgumentsAndWritesWhatItIsAsked()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, says);
        const Run run = rcmctl(QStringList {u"report"_s} + arguments + QStringList {u"--cache"_s, m_cache});
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(says), run.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(u"r.csv"_s)));
    }

    void reportWritesACacheReportAndRegistersIt()
    {
        const QString out = m_dir.filePath(u"open-work.csv"_s);
        const Run run = rcmctl(
            QStringList {u"report"_s, u"open-work"_s, u"--format"_s, u"csv"_s, u"--out"_s, out, u"--password-stdin"_s}
            + common());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("Registered with the gateway"), run.out.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readLine().startsWith("Queue,"));
        const Run verify = rcmctl(QStringList {u"report"_s, u"verify"_s, out, u"--password-stdin"_s} + common());
        QVERIFY2(verify.exitCode == 0 && verify.out.startsWith("Issued by"), verify.out.constData());
    }

    void anExportWrittenOfflineIsRegisteredAtTheNextSync()
    {
        const QString out = m_dir.filePath(u"offline.pdf"_s);
        const Run offline
            = rcmctl({u"report"_s, u"open-work"_s, u"--format"_s, u"pdf"_s, u"--out"_s, out, u"--password-stdin"_s,
                      u"--server"_s, u"http://127.0.0.1:9"_s, u"--user"_s, u"biller"_s, u"--cache"_s, m_cache});
        QVERIFY2(offline.exitCode == 0, offline.err.constData());
        QVERIFY2(offline.err.contains("it will be registered at the next sync as biller"), offline.err.constData());
        QVERIFY(QFile::exists(out));
        const Run unknown = rcmctl(QStringList {u"report"_s, u"verify"_s, out, u"--password-stdin"_s} + common());
        QVERIFY2(unknown.exitCode != 0 && unknown.out.contains("Not issued by this gateway"), unknown.out.constData());

        const Run sync = rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + common());
        QVERIFY2(sync.exitCode == 0, sync.err.constData());
        QVERIFY2(sync.out.contains("1 report export(s) registered"), sync.out.constData());
        const Run verify = rcmctl(QStringList {u"report"_s, u"verify"_s, out, u"--password-stdin"_s} + common());
        QVERIFY2(verify.exitCode == 0 && verify.out.startsWith("Issued by"), verify.out.constData());
    }

    void aHeldRemittanceIsReleasedFromTheCommandLine()
    {
        // A payment whose deposit says a dollar more than its claims: held, then released.
        x12::ClaimPayment payment;
        payment.patientControlNumber = u"CLI-HELD-1"_s;
        payment.statusCode = u"1"_s;
        payment.status = x12::ClaimStatus::Primary;
        payment.charge = models::Money::fromCents(13000);
        payment.paid = models::Money::fromCents(9500);
        payment.adjustments = {testing::adjustment(u"CO"_s, u"45"_s, models::Money::fromCents(3500))};
        x12::Remittance remittance = testing::remittanceFor({payment}, u"CLI-HELD-1"_s);
        remittance.payment.amount += models::Money::fromCents(100);
        QFile file(m_dir.filePath(u"held.835"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(testing::fileOf({remittance}));
        file.close();

        const Run imported
            = rcmctl(QStringList {u"era"_s, u"import"_s, file.fileName(), u"--password-stdin"_s} + common(u"poster"_s));
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.out.contains("HELD: nothing posted"), imported.out.constData());
        const QByteArray id = imported.out.mid(imported.out.indexOf("era release ") + 12).split(' ').value(0);
        QVERIFY(id.toLongLong() > 0);

        const QStringList release {u"era"_s, u"release"_s, QString::fromLatin1(id), u"--password-stdin"_s};
        QCOMPARE(rcmctl(release + common(u"poster"_s)).exitCode, 2); // no note: a usage error
        const Run released
            = rcmctl(release + QStringList {u"--note"_s, u"Deposit confirmed at the bank"_s} + common(u"poster"_s));
        QVERIFY2(released.exitCode == 0, QByteArray(released.err + released.out).constData());
        QVERIFY2(released.out.contains("released: the difference of 1.00"), released.out.constData());
        const Run again = rcmctl(release + QStringList {u"--note"_s, u"again"_s} + common(u"poster"_s));
        QCOMPARE(again.exitCode, 4); // 409: no longer held
    }

    void aContractFileIsLoadedPreviewedAndRefusedWithItsBadLines()
    {
        auto write = [this](const QString &name, const QByteArray &text) {
            QFile file(m_dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                return QString();
            file.write(text);
            return file.fileName();
        };
        const QByteArray header = "payer_id,kind,code,modifier,amount,percent,effective_from,effective_to\n";
        const QString good = write(u"contracts.csv"_s,
                                   header
                                       + "CLI1,fee,99213,,120.00,,2026-01-01,\n"
                                         "CLI1,percent_of_charges,,,,55,2026-01-01,\n");
        const QStringList import {u"contracts"_s, u"import"_s, good, u"--password-stdin"_s};
        auto rows = [this] {
            QSqlQuery query(m_gateway->database().connection());
            const qint64 count = query.exec(u"SELECT count(*) FROM contracts WHERE payer_id = 'CLI1'"_s) && query.next()
                ? query.value(0).toLongLong()
                : -1;
            query.finish();
            return count;
        };

        const Run preview = rcmctl(import + QStringList {u"--preview"_s} + common(u"supervisor"_s));
        QVERIFY2(preview.exitCode == 0, preview.err.constData());
        QVERIFY2(preview.out.contains("Payer CLI1: 1 fee, 1 percent_of_charges (replacing 0 terms)"),
                 preview.out.constData());
        QCOMPARE(rows(), 0);

        const Run loaded = rcmctl(import + common(u"supervisor"_s));
        QVERIFY2(loaded.exitCode == 0, loaded.err.constData());
        QCOMPARE(rows(), 2);
        const Run again = rcmctl(import + QStringList {u"--json"_s} + common(u"supervisor"_s));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(again.out).object().value(u"changed"_s).toBool(true), false);

        // A biller may not; a bad file names its lines and loads nothing.
        const Run biller = rcmctl(import + common(u"biller"_s));
        QCOMPARE(biller.exitCode, 1);
        QVERIFY2(biller.err.contains("Only supervisors and the integration account"), biller.err.constData());
        const QString bad
            = write(u"bad.csv"_s, header + "CLI1,fee,99213,,80,,2026-01-01,\nCLI1,fees,,,1,,2026-01-01,\n");
        const Run refused
            = rcmctl(QStringList {u"contracts"_s, u"import"_s, bad, u"--password-stdin"_s} + common(u"supervisor"_s));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("line 3: The kind \"fees\" is unknown"), refused.err.constData());
        QCOMPARE(rows(), 2);
        QCOMPARE(rcmctl({u"contracts"_s, u"import"_s}).exitCode, 2);
    }

    void claimsAndAcknowledgmentsAreImportedAndRefusedWithTheirReasons()
    {
        auto write = [this](const QString &name, const QByteArray &text) {
            QFile file(m_dir.filePath(name));
            if (text.isEmpty() || !file.open(QIODevice::WriteOnly))
                return QString();
            file.write(text);
            return file.fileName();
        };
        auto count = [this](const QString &sql) {
            QSqlQuery query(m_gateway->database().connection());
            const qint64 found = query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
            query.finish();
            return found;
        };
        const QString claimsIn = u"SELECT count(*) FROM claims WHERE claim_number LIKE 'CLI837-%'"_s;
        const QByteArray first = claimFile({u"CLI837-A1"_s, u"CLI837-A2"_s}, 801);
        const QString a = write(u"a.837"_s, first);
        const QString b = write(u"b.837"_s, claimFile({u"CLI837-B1"_s}, 802));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QStringList claims {u"claims"_s, u"import"_s, u"--password-stdin"_s};
        const QStringList supervisor = common(u"supervisor"_s);

        // A preview reads both files and takes nothing.
        const Run preview = rcmctl(claims + QStringList {a, b, u"--preview"_s} + supervisor);
        QVERIFY2(preview.exitCode == 0, QByteArray(preview.err + preview.out).constData());
        QVERIFY2(preview.out.contains("a.837: 2 claims in 1 transactions, 300.00 billed: 2 added (nothing taken)"),
                 preview.out.constData());
        QVERIFY2(preview.out.contains("b.837: 1 claims in 1 transactions, 150.00 billed: 1 added (nothing taken)"),
                 preview.out.constData());
        QCOMPARE(count(claimsIn), 0);

        const Run imported = rcmctl(claims + QStringList {a, b} + supervisor);
        QVERIFY2(imported.exitCode == 0, QByteArray(imported.err + imported.out).constData());
        QVERIFY2(imported.out.contains("a.837: 2 claims in 1 transactions, 300.00 billed: 2 added\n"),
                 imported.out.constData());
        QVERIFY2(imported.out.contains("b.837: 1 claims in 1 transactions, 150.00 billed: 1 added\n"),
                 imported.out.constData());
        QCOMPARE(count(claimsIn), 3);

        // The same file again is a conflict, and says why.
        const Run again = rcmctl(claims + QStringList {a} + supervisor);
        QCOMPARE(again.exitCode, 4);
        QVERIFY2(again.err.contains("a.837") && again.err.contains("received before"), again.err.constData());
        QCOMPARE(count(claimsIn), 3);

        // A file cut short is refused with its error, and takes nothing.
        const QByteArray whole = claimFile({u"CLI837-C1"_s}, 803);
        const QString cut = write(u"cut.837"_s, whole.left(whole.size() * 2 / 3));
        const Run truncated = rcmctl(claims + QStringList {cut} + supervisor);
        QCOMPARE(truncated.exitCode, 1);
        QVERIFY2(truncated.err.contains("cut.837") && truncated.err.contains("nothing was taken"),
                 truncated.err.constData());
        QVERIFY2(truncated.out.contains("(nothing taken)") && truncated.out.contains("  error at segment "),
                 truncated.out.constData());
        QCOMPARE(count(claimsIn), 3);

        // A 277CA rejecting one claim of a.837: its line says so and why.
        const QString rejection
            = write(u"a.277"_s, claimAcknowledgment(first, {{u"CLI837-A1"_s, {u"A7"_s, u"21"_s, u"IL"_s}}}, 811));
        QVERIFY(!rejection.isEmpty());
        const Run acks = rcmctl(QStringList {u"acks"_s, u"import"_s, rejection, u"--password-stdin"_s} + supervisor);
        QVERIFY2(acks.exitCode == 0, QByteArray(acks.err + acks.out).constData());
        QVERIFY2(acks.out.contains("1 rejections raised, 0 closed"), acks.out.constData());
        const qsizetype rejected = acks.out.indexOf("  CLI837-A1 rejected (277CA): ");
        QVERIFY2(rejected >= 0, acks.out.constData());
        const QByteArray why = acks.out.mid(rejected, acks.out.indexOf('\n', rejected) - rejected);
        QVERIFY2(why.contains("rejected the claim: Rejected, information invalid (A7): ") && why.contains("(21)")
                     && why.contains("(IL)") && why.contains("send it again"),
                 why.constData());
        QVERIFY2(acks.out.contains("  CLI837-A2 received (277CA)\n"), acks.out.constData());
        QCOMPARE(count(u"SELECT count(*) FROM work_items WHERE queue = 'claim_rejection' "
                       "AND claim_number = 'CLI837-A1'"_s),
                 1);

        // --json: one entry per file, in order, the refused one with its report too, and one
        // that cannot be read with why; the worst exit code wins (the unreadable file's).
        const QString d = write(u"d.837"_s, claimFile({u"CLI837-D1"_s}, 804));
        const QString missing = m_dir.filePath(u"missing.837"_s);
        const Run json = rcmctl(claims + QStringList {a, d, missing, u"--json"_s} + supervisor);
        QCOMPARE(json.exitCode, 1);
        QJsonParseError parsed;
        const QJsonDocument document = QJsonDocument::fromJson(json.out, &parsed);
        QVERIFY2(parsed.error == QJsonParseError::NoError && document.isArray(), json.out.constData());
        const QJsonArray reports = document.array();
        QCOMPARE(reports.size(), 3);
        QCOMPARE(reports.at(0)[u"path"_s].toString(), a);
        QCOMPARE(reports.at(0)[u"report"_s][u"duplicate"_s].toBool(), true);
        QCOMPARE(reports.at(1)[u"path"_s].toString(), d);
        QCOMPARE(reports.at(1)[u"report"_s][u"imported"_s].toBool(), true);
        QCOMPARE(reports.at(1)[u"report"_s][u"outcomes"_s][u"added"_s].toInt(), 1);
        QCOMPARE(reports.at(2)[u"path"_s].toString(), missing);
        QVERIFY(!reports.at(2)[u"error"_s].toString().isEmpty());
        QCOMPARE(count(claimsIn), 4);

        // A biller works rejections but does not send claims.
        const QString e = write(u"e.837"_s, claimFile({u"CLI837-E1"_s}, 805));
        const Run biller = rcmctl(claims + QStringList {e} + common(u"biller"_s));
        QCOMPARE(biller.exitCode, 1);
        QVERIFY2(biller.err.contains("Only supervisors and the integration account send claims"),
                 biller.err.constData());
        QCOMPARE(count(claimsIn), 4);
    }

    void plainHttpOffThisComputerIsRefused()
    {
        const Run run = rcmctl({u"sync"_s, u"--server"_s, u"http://192.0.2.1:8080"_s, u"--user"_s, u"biller"_s,
                                u"--cache"_s, m_dir.filePath(u"insecure.db"_s), u"--password-stdin"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("https://"), run.err.constData());
    }

    void anHttpsGatewayIsReachedWithItsCaFile()
    {
        QTemporaryDir dir;
        const std::optional<testing::TestCertificate> certificate = testing::TestCertificate::make(dir.path());
        QVERIFY2(certificate, "openssl is needed to make a test certificate");
        QString error;
        server::GatewayServer::Options options;
        options.tls = server::loadTlsConfiguration(certificate->certificatePath, certificate->keyPath, &error);
        QVERIFY2(options.tls, qPrintable(error));
        testing::GatewayFixture gateway(40, options);
        QVERIFY(gateway.isReady());
        const QStringList sync {u"sync"_s,   u"--server"_s, gateway.url(QString()).toString(), u"--user"_s,
                                u"biller"_s, u"--cache"_s,  dir.filePath(u"cache.db"_s),       u"--password-stdin"_s};

        const Run untrusted = rcmctl(sync);
        QCOMPARE(untrusted.exitCode, 1);
        QVERIFY2(untrusted.err.contains("certificate"), untrusted.err.constData());

        const Run trusted = rcmctl(sync + QStringList {u"--ca-file"_s, certificate->certificatePath});
        QVERIFY2(trusted.exitCode == 0, trusted.err.constData());
        QVERIFY2(trusted.out.contains("Synced:"), trusted.out.constData());

        const Run fromEnvironment = rcmctl(sync, "demo\n", {{u"RCM_CA_FILE"_s, certificate->certificatePath}});
        QVERIFY2(fromEnvironment.exitCode == 0, fromEnvironment.err.constData());

        const Run missing = rcmctl(sync + QStringList {u"--ca-file"_s, dir.filePath(u"none.pem"_s)});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains("Cannot read the CA file"), missing.err.constData());
    }

    void largeRemovalsNeedConfirmation()
    {
        for (int index = 1; index <= 200; ++index)
            m_gateway->store().removeItem(u"WI-%1"_s.arg(index, 8, 10, QChar(u'0')));
        const Run asked = rcmctl(QStringList {u"sync"_s, u"--password-stdin"_s} + common());
        QCOMPARE(asked.exitCode, 5);
        QVERIFY2(asked.err.contains("--confirm-removals"), asked.err.constData());
        const Run confirmed
            = rcmctl(QStringList {u"sync"_s, u"--confirm-removals"_s, u"--password-stdin"_s} + common());
        QCOMPARE(confirmed.exitCode, 0);
    }

    void auditVerifyNamesWhatWasDoneToTheLog()
    {
        testing::GatewayFixture gateway(20);
        QVERIFY(gateway.isReady());
        testing::HttpClient supervisor(gateway.url(QString()));
        QVERIFY(supervisor.signIn(u"supervisor"_s));
        for (int index = 1; index <= 5; ++index) {
            const auto item = gateway.store().item(u"WI-%1"_s.arg(index, 8, 10, QChar(u'0')));
            QCOMPARE(supervisor
                         .act(item->id, {{u"type"_s, u"note"_s}, {u"text"_s, u"n"_s}}, item->version,
                              u"cli-audit-%1"_s.arg(index))
                         .status,
                     200);
        }
        server::GatewayUpkeep upkeep(gateway.store());
        upkeep.setAuditCheckpoints(gateway.checkpointPath());
        QVERIFY(!upkeep.recordAudit(QDateTime::currentDateTimeUtc()));
        const QStringList verify {u"audit"_s, u"verify"_s, u"--database"_s, gateway.databasePath()};

        const Run intact = rcmctl(verify);
        QVERIFY2(intact.exitCode == 0, intact.out.constData());
        QVERIFY2(intact.out.startsWith("OK: 6 audit entries, chain intact; the checkpoint of "),
                 intact.out.constData());

        const Run keyless = rcmctl(verify + QStringList {u"--audit-key"_s, m_dir.filePath(u"no.key"_s)});
        QCOMPARE(keyless.exitCode, 1);
        QVERIFY2(keyless.out.contains("cannot verify without the key"), keyless.out.constData());

        // A copy of the checkpoints with its line moved back by one entry, signature kept.
        QFile checkpoints(gateway.checkpointPath());
        QVERIFY(checkpoints.open(QIODevice::ReadOnly));
        QByteArray line = checkpoints.readAll();
        checkpoints.close();
        line.replace(" 6 ", " 5 ");
        QFile copy(m_dir.filePath(u"tampered.checkpoints"_s));
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(line);
        copy.close();
        const Run tampered = rcmctl(verify + QStringList {u"--checkpoints"_s, copy.fileName()});
        QCOMPARE(tampered.exitCode, 1);
        QVERIFY2(tampered.out.contains("checkpoint file tampered"), tampered.out.constData());

        // The newest entries deleted around the triggers: the checkpoint still remembers them.
        QVERIFY(!gateway.database().execute(u"DROP TRIGGER audit_log_no_delete"_s));
        QVERIFY(!gateway.database().execute(u"DELETE FROM audit_log WHERE sequence >= 4"_s));
        const Run truncated = rcmctl(verify);
        QCOMPARE(truncated.exitCode, 1);
        QVERIFY2(truncated.out.contains("BROKEN: truncated: the checkpoint of ")
                     && truncated.out.contains("covers entry 6 but the log ends at 3"),
                 truncated.out.constData());
    }

    void theGatewayRefusesAKeyOthersMayRead()
    {
#ifdef Q_OS_UNIX
        QTemporaryDir data;
        QFile key(data.filePath(u"audit.key"_s));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write(QByteArray(64, 'a') + '\n');
        key.close();
        QVERIFY(key.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QProcess gateway;
        QSignalSpy finished(&gateway, &QProcess::finished);
        gateway.start(QStringLiteral(RCM_GATEWAY), {u"--data"_s, data.path(), u"--port"_s, u"0"_s});
        const bool stopped = finished.wait(20000);
        if (!stopped) {
            gateway.kill();
            gateway.waitForFinished();
        }
        QVERIFY2(stopped, "rcm-gateway started with a key others may read");
        QCOMPARE(gateway.exitCode(), 1);
        const QByteArray error = gateway.readAllStandardError();
        QVERIFY2(error.contains("may be read by other users") && error.contains("chmod 600"), error.constData());
#else
        QSKIP("file permissions are POSIX");
#endif
    }
};

QTEST_GUILESS_MAIN(TestRcmctl)
#include "test_rcmctl.moc"
