// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/auditcheckpoint.h"
#include "server/auditkey.h"
#include "server/claimregister.h"
#include "server/gatewayschema.h"
#include "server/gatewayupkeep.h"
#include "tests/server/gatewayfixture.h"
#include "tests/server/testremittances.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;
using server::GatewayStore;
using testing::GatewayFixture;
using testing::HttpClient;
using testing::HttpReply;

class TestAuditLog final : public QObject
{
    Q_OBJECT

private:
    /// Takes a few actions so that the log has entries.
    static void work(GatewayFixture &gateway)
    {
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"supervisor"_s));
        for (int index = 1; index <= 5; ++index) {
            const auto item = gateway.store().item(u"WI-%1"_s.arg(index, 8, 10, QChar(u'0')));
            QVERIFY(item);
            QCOMPARE(client
                         .act(item->id, {{u"type"_s, u"note"_s}, {u"text"_s, u"note %1"_s.arg(index)}}, item->version,
                              u"audit-note-%1"_s.arg(index))
                         .status,
                     200);
        }
    }

    /// What the gateway's upkeep does each hour: read summaries, then a signed checkpoint.
    static void upkeep(GatewayFixture &gateway)
    {
        server::GatewayUpkeep hourly(gateway.store());
        hourly.setAuditCheckpoints(gateway.checkpointPath());
        QVERIFY(!hourly.recordAudit(QDateTime::currentDateTimeUtc()));
    }

    /// The check rcmctl audit verify runs: the key and checkpoint files beside the database.
    static server::GatewayStore::AuditVerification verify(GatewayFixture &gateway, const server::AuditKey &key)
    {
        const server::AuditCheckpointFile::Reading checkpoints
            = server::AuditCheckpointFile(gateway.checkpointPath()).read(key);
        return gateway.store().verifyAudit(&key, &checkpoints);
    }
    static server::GatewayStore::AuditVerification verify(GatewayFixture &gateway)
    {
        return verify(gateway, *gateway.store().auditKey());
    }

    static void dropTriggers(GatewayFixture &gateway)
    {
        QVERIFY(!gateway.database().execute(u"DROP TRIGGER audit_log_no_update"_s));
        QVERIFY(!gateway.database().execute(u"DROP TRIGGER audit_log_no_delete"_s));
    }

    static models::AuditEvent entry(GatewayFixture &gateway, qint64 sequence)
    {
        QSqlQuery query(gateway.database().connection());
        query.prepare(u"SELECT work_item_id, actor_id, action_type, resulting_version, occurred_at, details_json, "
                      "previous_hash, hash FROM audit_log WHERE sequence = ?"_s);
        query.addBindValue(sequence);
        models::AuditEvent event;
        if (!query.exec() || !query.next())
            return event;
        event.sequence = sequence;
        event.workItemId = query.value(0).toString();
        event.actorId = query.value(1).toString();
        event.actionType = models::fromWireName<models::ActionType>(query.value(2).toString()).value();
        event.resultingVersion = query.value(3).toLongLong();
        event.occurredAt = QDateTime::fromString(query.value(4).toString(), Qt::ISODateWithMs);
        event.detailsJson = query.value(5).toString().toUtf8();
        event.previousHash = query.value(6).toString().toLatin1();
        event.hash = query.value(7).toString().toLatin1();
        return event;
    }

    /// Rewrites the entries from first on with new details, re-linking each to the one
    /// before it and hashing it with sign: what someone who can write the database does.
    static void rewriteFrom(GatewayFixture &gateway, qint64 first,
                            const std::function<QByteArray(const models::AuditEvent &)> &sign)
    {
        QByteArray previous = entry(gateway, first - 1).hash;
        const qint64 last = gateway.store().verifyAudit().entries;
        for (qint64 sequence = first; sequence <= last; ++sequence) {
            models::AuditEvent event = entry(gateway, sequence);
            event.detailsJson = R"({"text":"nothing happened here"})";
            event.previousHash = previous;
            event.hash = sign(event);
            QSqlQuery update(gateway.database().connection());
            update.prepare(u"UPDATE audit_log SET details_json = ?, previous_hash = ?, hash = ? WHERE sequence = ?"_s);
            update.addBindValue(QString::fromUtf8(event.detailsJson));
            update.addBindValue(QString::fromLatin1(event.previousHash));
            update.addBindValue(QString::fromLatin1(event.hash));
            update.addBindValue(sequence);
            QVERIFY(update.exec());
            previous = event.hash;
        }
    }

    static qint64 checkpointLines(GatewayFixture &gateway)
    {
        QFile file(gateway.checkpointPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll().count('\n') : 0;
    }

    static QList<models::AuditEvent> entriesOf(GatewayFixture &gateway, models::ActionType type)
    {
        QList<models::AuditEvent> found;
        const qint64 last = gateway.store().verifyAudit().entries;
        for (qint64 sequence = 1; sequence <= last; ++sequence) {
            const models::AuditEvent event = entry(gateway, sequence);
            if (event.actionType == type)
                found.append(event);
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void anUntouchedChainVerifies()
    {
        GatewayFixture gateway(20);
        work(gateway);
        const auto result = gateway.store().verifyAudit();
        QVERIFY2(result.intact, qPrintable(result.detail));
        QCOMPARE(result.entries, qint64(6)); // the supervisor's sign-in and five notes
    }

    void theLogRefusesEditsThroughSql()
    {
        GatewayFixture gateway(20);
        work(gateway);
        QVERIFY(gateway.database().execute(u"UPDATE audit_log SET actor_id = 'U001' WHERE sequence = 2"_s).isError());
        QVERIFY(gateway.database().execute(u"DELETE FROM audit_log WHERE sequence = 2"_s).isError());
        QVERIFY(gateway.store().verifyAudit().intact);
    }

    void anEditMadeAroundTheTriggersIsDetected_data()
    {
        QTest::addColumn<QString>("tampering");
        QTest::addColumn<qint64>("brokenAt");
        QTest::newRow("changed actor") << u"UPDATE audit_log SET actor_id = 'U001' WHERE sequence = 3"_s << qint64(3);
        QTest::newRow("changed details") << u"UPDATE audit_log SET details_json = '{}' WHERE sequence = 2"_s
                                         << qint64(2);
        QTest::newRow("removed entry") << u"DELETE FROM audit_log WHERE sequence = 4"_s << qint64(4);
        QTest::newRow("rehashed entry") << u"UPDATE audit_log SET resulting_version = 99, hash = "
                                           "'0000000000000000000000000000000000000000000000000000000000000000' "
                                           "WHERE sequence = 1"_s
                                        << qint64(1);
    }

    void anEditMadeAroundTheTriggersIsDetected()
    {
        QFETCH(QString, tampering);
        QFETCH(qint64, brokenAt);
        GatewayFixture gateway(20);
        work(gateway);
        QVERIFY(!gateway.database().execute(u"DROP TRIGGER audit_log_no_update"_s));
        QVERIFY(!gateway.database().execute(u"DROP TRIGGER audit_log_no_delete"_s));
        QVERIFY(!gateway.database().execute(tampering));
        const auto result = gateway.store().verifyAudit();
        QVERIFY(!result.intact);
        QCOMPARE(result.firstBrokenSequence, brokenAt);
        QVERIFY(!result.detail.isEmpty());
    }

    void deletingTheNewestEntriesIsCaughtAgainstTheCheckpoint()
    {
        GatewayFixture gateway(20);
        work(gateway);
        upkeep(gateway);
        QVERIFY2(verify(gateway).intact, qPrintable(verify(gateway).detail));
        dropTriggers(gateway);
        // The chain that is left is intact link by link: only the checkpoint shows the loss.
        QVERIFY(!gateway.database().execute(u"DELETE FROM audit_log WHERE sequence > 3"_s));
        QVERIFY(gateway.store().verifyAudit().intact);
        const auto result = verify(gateway);
        QVERIFY(!result.intact);
        QVERIFY(result.failure == server::GatewayStore::AuditVerification::Failure::Truncated);
        QVERIFY2(result.detail.startsWith(u"truncated: the checkpoint of "_s), qPrintable(result.detail));
        QVERIFY2(result.detail.endsWith(u"covers entry 6 but the log ends at 3"_s), qPrintable(result.detail));
    }

    void anUpkeepAfterTheLogWasCutShortWritesNoCheckpointThatHidesIt()
    {
        GatewayFixture gateway(20);
        work(gateway);
        upkeep(gateway); // vouches for entry 6
        dropTriggers(gateway);
        QVERIFY(!gateway.database().execute(u"DELETE FROM audit_log WHERE sequence > 3"_s));
        // The next upkeep (hourly, or systemctl stop) refuses to vouch for the shorter log.
        server::GatewayUpkeep hourly(gateway.store());
        hourly.setAuditCheckpoints(gateway.checkpointPath());
        QVERIFY(hourly.recordAudit(QDateTime::currentDateTimeUtc()).isError());
        QCOMPARE(checkpointLines(gateway), 1);

        // The gateway goes on writing entries 4 to 7 over the cut, and checkpoints them: the
        // first checkpoint still vouches for the entry 6 that was, and it is not this one.
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"supervisor"_s));
        for (int index = 1; index <= 3; ++index) {
            const auto item = gateway.store().item(u"WI-%1"_s.arg(index + 10, 8, 10, QChar(u'0')));
            QCOMPARE(client
                         .act(item->id, {{u"type"_s, u"note"_s}, {u"text"_s, u"after"_s}}, item->version,
                              u"after-cut-%1"_s.arg(index))
                         .status,
                     200);
        }
        upkeep(gateway);
        QCOMPARE(checkpointLines(gateway), 2);
        const auto result = verify(gateway);
        QVERIFY(!result.intact);
        QVERIFY(result.failure == server::GatewayStore::AuditVerification::Failure::Rewritten);
        QVERIFY2(result.detail.startsWith(u"rewritten: entry 6 does not match the checkpoint of "_s),
                 qPrintable(result.detail));
    }

    void rewritingTheTailWithPlainHashesIsCaught()
    {
        GatewayFixture gateway(20);
        work(gateway);
        dropTriggers(gateway);
        rewriteFrom(gateway, 4, [](const models::AuditEvent &event) { return event.computeHash(); });
        const auto result = verify(gateway);
        QVERIFY(!result.intact);
        QVERIFY(result.failure == server::GatewayStore::AuditVerification::Failure::Rewritten);
        QCOMPARE(result.firstBrokenSequence, qint64(4));
        QCOMPARE(result.detail, u"rewritten: entry 4 does not match its keyed hash"_s);
    }

    void rewritingTheTailWithAnotherKeyIsCaught()
    {
        GatewayFixture gateway(20);
        work(gateway);
        upkeep(gateway);
        dropTriggers(gateway);
        const server::AuditKey forged = server::AuditKey::generate();
        rewriteFrom(gateway, 5,
                    [&forged](const models::AuditEvent &event) { return forged.sign(event.canonicalBytes()); });
        const auto result = verify(gateway);
        QVERIFY(!result.intact);
        QCOMPARE(result.detail, u"rewritten: entry 5 does not match its keyed hash"_s);
        // Verified with the forger's key the links hold, but not the checkpoint the real key signed.
        const auto withForgedKey = gateway.store().verifyAudit(&forged, nullptr);
        QVERIFY(!withForgedKey.intact); // entries 1-4 were signed with the real key
    }

    void aTamperedCheckpointLineIsCaught()
    {
        GatewayFixture gateway(20);
        work(gateway);
        upkeep(gateway);
        QFile file(gateway.checkpointPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray text = file.readAll();
        file.close();
        QCOMPARE(text.count('\n'), 1);
        // Someone who deleted entries 4 to 6 makes the checkpoint say 3, keeping its signature.
        QList<QByteArray> fields = text.trimmed().split(' ');
        QCOMPARE(fields.value(1), QByteArray("6")); // a sign-in and five notes
        fields[1] = "3";
        fields[2] = entry(gateway, 3).hash;
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(fields.join(' ') + '\n');
        file.close();
        const auto result = verify(gateway);
        QVERIFY(!result.intact);
        QVERIFY(result.failure == server::GatewayStore::AuditVerification::Failure::CheckpointTampered);
        QVERIFY2(result.detail.startsWith(u"checkpoint file tampered"_s), qPrintable(result.detail));
    }

    void aCheckpointIsWrittenOnlyWhenTheChainGrew()
    {
        GatewayFixture gateway(20);
        upkeep(gateway);
        QCOMPARE(checkpointLines(gateway), 0); // an empty log has nothing to vouch for
        work(gateway);
        upkeep(gateway);
        upkeep(gateway);
        QCOMPARE(checkpointLines(gateway), 1);
        HttpClient client(gateway.url(QString()));
        QVERIFY(client.signIn(u"supervisor"_s));
        const auto item = gateway.store().item(u"WI-00000009"_s);
        QCOMPARE(
            client.act(item->id, {{u"type"_s, u"note"_s}, {u"text"_s, u"more"_s}}, item->version, u"audit-more-1"_s)
                .status,
            200);
        upkeep(gateway);
        QCOMPARE(checkpointLines(gateway), 2);
#ifdef Q_OS_UNIX
        // Owner read/write, nothing for group or others (the User flags repeat the owner's for us).
        const QFile::Permissions ownerAndOthers = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
            | QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther
            | QFile::ExeOther;
        QCOMPARE(QFile::permissions(gateway.checkpointPath()) & ownerAndOthers, QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(QFile::permissions(gateway.auditKeyPath()) & ownerAndOthers, QFile::ReadOwner | QFile::WriteOwner);
#endif
        const auto result = verify(gateway);
        QVERIFY2(result.intact, qPrintable(result.detail));
        QCOMPARE(result.checkpoint->sequence, qint64(8)); // two sign-ins and six notes
    }

    void withoutTheKeyTheKeyedChainCannotBeVerified()
    {
        GatewayFixture gateway(20);
        work(gateway);
        const auto result = gateway.store().verifyAudit(nullptr, nullptr);
        QVERIFY(!result.intact);
        QVERIFY(result.failure == server::GatewayStore::AuditVerification::Failure::NoKey);
        QVERIFY2(result.detail.startsWith(u"cannot verify without the key"_s), qPrintable(result.detail));
    }

    void aKeyFileOthersMayReadIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"audit.key"_s);
        QString error;
        QVERIFY(server::AuditKey::load(path, server::AuditKey::Creation::CreateIfMissing, &error));
        QVERIFY(server::AuditKey::load(path, server::AuditKey::Creation::MustExist, &error));
#ifdef Q_OS_UNIX
        QVERIFY(
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        QVERIFY(!server::AuditKey::load(path, server::AuditKey::Creation::CreateIfMissing, &error));
        QVERIFY2(error.contains(u"may be read by other users"_s) && error.contains(u"chmod 600"_s), qPrintable(error));
#endif
        QVERIFY(!server::AuditKey::load(dir.filePath(u"missing.key"_s), server::AuditKey::Creation::MustExist, &error));
    }

    void anOldDatabaseKeepsItsPlainLinksAndIsKeyedFromTheUpgrade()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"gateway.db"_s);
        {
            // A database as the gateway left it before the keyed chain: three plain SHA-256 entries.
            store::Database old;
            QVERIFY(!old.open(path, server::gatewaySchema().upTo(5)));
            QByteArray previous;
            for (qint64 sequence = 1; sequence <= 3; ++sequence) {
                models::AuditEvent event;
                event.sequence = sequence;
                event.workItemId = u"WI-%1"_s.arg(sequence);
                event.actorId = u"U001"_s;
                event.actionType = models::ActionType::Note;
                event.resultingVersion = 2;
                event.occurredAt = QDateTime(QDate(2026, 11, 1), QTime(9, int(sequence)), Qt::UTC);
                event.detailsJson = R"({"text":"before the key"})";
                event.previousHash = previous;
                event.hash = event.computeHash();
                QSqlQuery insert(old.connection());
                insert.prepare(u"INSERT INTO audit_log VALUES (?, ?, ?, 'note', 2, ?, ?, ?, ?)"_s);
                insert.addBindValue(sequence);
                insert.addBindValue(event.workItemId);
                insert.addBindValue(event.actorId);
                insert.addBindValue(event.occurredAt.toString(Qt::ISODateWithMs));
                insert.addBindValue(QString::fromUtf8(event.detailsJson));
                insert.addBindValue(previous.isEmpty() ? u""_s : QString::fromLatin1(previous));
                insert.addBindValue(QString::fromLatin1(event.hash));
                QVERIFY(insert.exec());
                previous = event.hash;
            }
        }
        store::Database database;
        QVERIFY(!database.open(path, server::gatewaySchema()));
        server::GatewayStore store(database);
        const server::AuditKey key = server::AuditKey::generate();
        QVERIFY(store
                    .appendAuditEntry(u"WI-4"_s, u"U001"_s, models::ActionType::Note, 3, {},
                                      QDateTime::currentDateTimeUtc())
                    .isError()); // no key loaded: the keyed chain cannot grow
        store.setAuditKey(key);
        QVERIFY(!store.appendAuditEntry(u"WI-4"_s, u"U001"_s, models::ActionType::Note, 3, {},
                                        QDateTime::currentDateTimeUtc()));
        QVERIFY(!store.appendAuditEntry(u"WI-5"_s, u"U001"_s, models::ActionType::Note, 3, {},
                                        QDateTime::currentDateTimeUtc()));
        const auto result = store.verifyAudit(&key, nullptr);
        QVERIFY2(result.intact, qPrintable(result.detail));
        QCOMPARE(result.entries, qint64(5));
        // Moving where the keyed chain starts, to pass rewritten entries off as plain ones, is refused.
        QVERIFY(database.execute(u"UPDATE meta SET value = 99 WHERE key = 'audit_keyed_from'"_s).isError());
    }

    void readsAreSummarisedPerSessionAtTheUpkeep()
    {
        GatewayFixture gateway(60);
        HttpClient biller(gateway.url(QString()));
        QVERIFY(biller.signIn(u"biller"_s));
        const HttpReply first = biller.get(u"/work-items?limit=10"_s);
        QCOMPARE(first.status, 200);
        const QString cursor = first.json().value(u"nextCursor"_s).toString();
        QCOMPARE(biller.get(u"/work-items?limit=10&cursor="_s + cursor).status, 200);
        const QString opened = first.json().value(u"items"_s).toArray().at(0).toObject().value(u"id"_s).toString();
        QCOMPARE(biller.get(u"/work-items/"_s + opened).status, 200);
        QCOMPARE(biller.get(u"/work-items/%1/history"_s.arg(opened)).status, 200);
        QCOMPARE(biller.get(u"/work-items/%1/payments"_s.arg(opened)).status, 200);
        QCOMPARE(biller.get(u"/work-items/WI-99999999"_s).status, 404); // nothing read
        HttpClient supervisor(gateway.url(QString()));
        QVERIFY(supervisor.signIn(u"supervisor"_s));
        QCOMPARE(supervisor.get(u"/work-items/"_s + opened).status, 200);

        // Not one row per GET: nothing until the upkeep writes a summary per session.
        QVERIFY(entriesOf(gateway, models::ActionType::ReadSummary).isEmpty());
        upkeep(gateway);
        const QList<models::AuditEvent> summaries = entriesOf(gateway, models::ActionType::ReadSummary);
        QCOMPARE(summaries.size(), 2);
        const auto billers = std::find_if(summaries.cbegin(), summaries.cend(), [](const models::AuditEvent &event) {
            return event.actorId == u"DEMO-BILLER"_s;
        });
        QVERIFY(billers != summaries.cend());
        const QString session = GatewayStore::sessionReference(biller.token());
        QCOMPARE(session.size(), 16);
        QCOMPARE(billers->workItemId, u"reads:"_s + session);
        QVERIFY(!billers->detailsJson.contains(biller.token().toUtf8()));
        const QJsonObject details = QJsonDocument::fromJson(billers->detailsJson).object();
        const QJsonArray pages = details.value(u"pages"_s).toArray();
        QCOMPARE(pages.size(), 2);
        QCOMPARE(pages.at(0).toObject().value(u"after"_s).toInteger(), 0);
        QCOMPARE(pages.at(0).toObject().value(u"items"_s).toInteger(), 10);
        QCOMPARE(pages.at(0).toObject().value(u"queues"_s).toArray(), QJsonArray {u"denial"_s});
        QCOMPARE(pages.at(1).toObject().value(u"after"_s).toInteger(),
                 pages.at(0).toObject().value(u"through"_s).toInteger());
        const QJsonArray items = details.value(u"opened"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(u"id"_s).toString(), opened);
        QCOMPARE(items.at(0).toObject().value(u"views"_s).toArray(),
                 (QJsonArray {u"history"_s, u"item"_s, u"payments"_s}));

        // Written once: the next upkeep has nothing new to say about these sessions.
        upkeep(gateway);
        QCOMPARE(entriesOf(gateway, models::ActionType::ReadSummary).size(), 2);
        const auto result = verify(gateway);
        QVERIFY2(result.intact, qPrintable(result.detail));
    }

    void aPostedRemittanceIsOneEntryWithCountsAndAmounts()
    {
        GatewayFixture gateway(60);
        HttpClient poster(gateway.url(QString()));
        QVERIFY(poster.signIn(u"poster"_s));
        // One claim the register does not know (an exception), one whose deposit is a dollar
        // more than its claims (held).
        auto payment = [](const QString &control, qint64 paid) {
            x12::ClaimPayment claim;
            claim.patientControlNumber = control;
            claim.statusCode = u"1"_s;
            claim.status = x12::ClaimStatus::Primary;
            claim.charge = models::Money::fromCents(paid + 3500);
            claim.paid = models::Money::fromCents(paid);
            claim.adjustments = {testing::adjustment(u"CO"_s, u"45"_s, models::Money::fromCents(3500))};
            return claim;
        };
        x12::Remittance posted = testing::remittanceFor({payment(u"AUDIT-1"_s, 9500)}, u"AUDIT-T1"_s);
        x12::Remittance held = testing::remittanceFor({payment(u"AUDIT-2"_s, 4000)}, u"AUDIT-T2"_s);
        held.payment.amount += models::Money::fromCents(100);
        const HttpReply reply = poster.post(u"/remittances"_s, testing::fileOf({posted, held}),
                                            {{"content-type", "application/edi-x12"}});
        QCOMPARE(reply.status, 201);
        const QList<models::AuditEvent> entries = entriesOf(gateway, models::ActionType::RemittancePosted);
        QCOMPARE(entries.size(), 1);
        const QString file = reply.json().value(u"file"_s).toString();
        QCOMPARE(entries.at(0).workItemId, u"remittance:"_s + file);
        QCOMPARE(entries.at(0).actorId, u"DEMO-POSTER"_s);
        const QJsonObject details = QJsonDocument::fromJson(entries.at(0).detailsJson).object();
        QCOMPARE(details.value(u"transactions"_s).toInteger(), 2);
        QCOMPARE(details.value(u"posted"_s).toInteger(), 1);
        QCOMPARE(details.value(u"held"_s).toInteger(), 1);
        QCOMPARE(details.value(u"postedAmount"_s).toString(), u"95.00"_s);
        QCOMPARE(details.value(u"heldAmount"_s).toString(), u"41.00"_s);
        QVERIFY(!entries.at(0).detailsJson.contains("AUDIT-1")); // counts and amounts, no claim

        // Releasing the held one is a second entry, naming who accepted what.
        const qint64 heldId
            = reply.json().value(u"transactions"_s).toArray().at(1).toObject().value(u"remittanceId"_s).toInteger();
        QVERIFY(heldId > 0);
        QCOMPARE(
            poster.postJson(u"/remittances/%1/release"_s.arg(heldId), {{u"note"_s, u"Deposit confirmed"_s}}).status,
            200);
        const QList<models::AuditEvent> after = entriesOf(gateway, models::ActionType::RemittancePosted);
        QCOMPARE(after.size(), 2);
        const QJsonObject released = QJsonDocument::fromJson(after.at(1).detailsJson).object();
        QCOMPARE(released.value(u"released"_s).toInteger(), heldId);
        QCOMPARE(released.value(u"acceptedDifference"_s).toString(), u"1.00"_s);
        const auto result = verify(gateway);
        QVERIFY2(result.intact, qPrintable(result.detail));
    }

    void aSessionThatReadsALotIsSummarisedWithoutWaitingForTheUpkeep()
    {
        GatewayFixture gateway(30);
        HttpClient biller(gateway.url(QString()));
        QVERIFY(biller.signIn(u"biller"_s));
        // Page by page, one item a page, over and over: a client syncing in a loop.
        QString cursor;
        for (qsizetype page = 0; page < server::ReadSummaries::bound; ++page) {
            const HttpReply reply
                = biller.get(u"/work-items?limit=1"_s + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(reply.status, 200);
            cursor = reply.json().value(u"hasMore"_s).toBool() ? reply.json().value(u"nextCursor"_s).toString()
                                                               : QString();
            if (page % 100 == 50) // below the bound: still waiting for the upkeep
                QVERIFY(entriesOf(gateway, models::ActionType::ReadSummary).isEmpty());
        }
        const QList<models::AuditEvent> summaries = entriesOf(gateway, models::ActionType::ReadSummary);
        QCOMPARE(summaries.size(), 1);
        const QJsonObject details = QJsonDocument::fromJson(summaries.at(0).detailsJson).object();
        QCOMPARE(details.value(u"pages"_s).toArray().size(), server::ReadSummaries::bound);
        // Nothing left over for the upkeep to write.
        upkeep(gateway);
        QCOMPARE(entriesOf(gateway, models::ActionType::ReadSummary).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "test_auditlog.moc"
