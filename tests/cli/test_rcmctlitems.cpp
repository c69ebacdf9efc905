// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// rcmctl items import as a nightly job runs it: a flat-file extract mapped to work items and
// sent through the gateway's batch route (a real gateway on loopback), run again on the
// next night's file, with bad rows reported by line and the rows gone from the file closed
// only when asked.
#include "tests/cli/rcmctlprocess.h"
#include "tests/server/gatewayfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

const QString sampleFile = QStringLiteral(RCM_EXTRACTS_DIR "/denial-worklist-sample.csv");
const QString sampleMapping = QStringLiteral(RCM_EXTRACTS_DIR "/denial-worklist.mapping.json");

/// A small mapping for hand-written files: UTF-8 unless told, amounts and ISO dates.
QByteArray mappingJson(const QString &encoding = u"UTF-8"_s)
{
    return QJsonDocument(QJsonObject {
                             {u"format"_s, 1},
                             {u"encoding"_s, encoding},
                             {u"dateFormats"_s, QJsonArray {u"yyyy-MM-dd"_s}},
                             {u"fields"_s,
                              QJsonObject {{u"externalId"_s, u"Id"_s},
                                           {u"queue"_s, QJsonObject {{u"value"_s, u"denial"_s}}},
                                           {u"claimNumber"_s, u"Claim"_s},
                                           {u"patientDisplayName"_s, u"Patient"_s},
                                           {u"payerId"_s, u"Payer"_s},
                                           {u"balance"_s, u"Balance"_s},
                                           {u"appealDeadline"_s, u"Appeal By"_s}}},
                         })
        .toJson();
}

} // namespace

class RcmctlItemsTest final : public QObject
{
    Q_OBJECT

    std::unique_ptr<testing::GatewayFixture> m_gateway;
    QTemporaryDir m_dir;

    testing::Run import(const QString &file, const QString &mapping, const QStringList &extra = {})
    {
        return testing::runRcmctl(QStringList {u"items"_s, u"import"_s, file, u"--source"_s, u"worklist"_s,
                                               u"--mapping"_s, mapping, u"--server"_s,
                                               m_gateway->url(QString()).toString(), u"--user"_s, u"supervisor"_s,
                                               u"--password-stdin"_s, u"--cache"_s, m_dir.filePath(u"cache.db"_s)}
                                      + extra,
                                  m_dir.path());
    }

    QString write(const QString &name, const QByteArray &bytes)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return file.fileName();
    }

    qint64 count(const QString &sql)
    {
        QSqlQuery query(m_gateway->database().connection());
        return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
    }

private Q_SLOTS:
    void init()
    {
        m_gateway = std::make_unique<testing::GatewayFixture>(20);
        QVERIFY(m_gateway->isReady());
    }

    void cleanup() { m_gateway.reset(); }

    void theNextNightsFileChangesOnlyWhatChangedAndClosesWhatLeftItWhenAsked()
    {
        const testing::Run first = import(sampleFile, sampleMapping);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY2(first.out.contains("20 rows: 19 created, 0 updated, 1 unchanged, 0 refused"), first.out.constData());
        const testing::Run again = import(sampleFile, sampleMapping);
        QVERIFY2(again.out.contains("20 rows: 0 created, 0 updated, 20 unchanged, 0 refused"), again.out.constData());
        const qint64 versions = count(u"SELECT sum(version) FROM work_items WHERE id LIKE 'SRC-%'"_s);

        // The next night: the first row's balance went down and the last five rows are gone
        // (the closed row, DNL-2026-000107, is among the first fifteen).
        QFile sample(sampleFile);
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = sample.readAll().split('\n');
        while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
            lines.removeLast();
        QCOMPARE(lines.size(), 21);
        lines = lines.first(16);
        QVERIFY(lines[1].contains(",1250.00,"));
        lines[1].replace(",1250.00,", ",250.00,");
        const QString nextNight = write(u"next-night.csv"_s, lines.join('\n') + '\n');

        const testing::Run preview = import(nextNight, sampleMapping, {u"--preview"_s, u"--close-missing"_s});
        QVERIFY2(preview.out.contains("15 would be sent, 0 bad; 5 open items would be closed"),
                 preview.out.constData());
        QCOMPARE(count(u"SELECT sum(version) FROM work_items WHERE id LIKE 'SRC-%'"_s), versions);

        const testing::Run withoutClosing = import(nextNight, sampleMapping);
        QVERIFY2(withoutClosing.out.contains("15 rows: 0 created, 1 updated, 14 unchanged, 0 refused"),
                 withoutClosing.out.constData());
        QCOMPARE(count(u"SELECT count(*) FROM work_item_sources WHERE closed = 0"_s), 19);
        const testing::Run closing = import(nextNight, sampleMapping, {u"--close-missing"_s});
        QVERIFY2(closing.exitCode == 0, closing.err.constData());
        QVERIFY2(closing.out.contains("15 rows: 0 created, 0 updated, 15 unchanged, 0 refused; 5 closed"),
                 closing.out.constData());
        QCOMPARE(count(u"SELECT count(*) FROM work_item_sources WHERE closed = 0"_s), 14);
        // The five closed were open and untaken: resolved. The row closed from the start was never created.
        QCOMPARE(count(u"SELECT count(*) FROM work_item_sources s JOIN work_items w ON w.id = s.work_item_id "
                       "WHERE s.closed = 1 AND w.status = 'resolved'"_s),
                 5);
    }

    void badRowsAreReportedByLineAndTheGoodOnesAreTaken()
    {
        // windows-1252, quoted cells with a comma, a line break (in a column the mapping
        // ignores: the next rows start a line further down) and a thousands separator, a
        // short row, a bad amount and a bad date.
        const QByteArray file
            = "Id,Claim,Patient,Payer,Balance,Appeal By,Worklist\r\n"
              "E-1,C-1,\"TESTPATIENT, ANDR\xc9\",BSH,100.00,2027-01-10,HB\r\n"
              "E-2,C-2,\"TESTPATIENT, MU\xd1OZ\",BSH,\"1,200.50\",2027-01-11,\"HB\r\nsecond line\"\r\n"
              "E-3,C-3,TESTPATIENT,BSH,100.00\r\n"
              "E-4,C-4,TESTPATIENT,BSH,12x,2027-01-12,HB\r\n"
              "E-5,C-5,TESTPATIENT,BSH,5.00,01/13/2027,HB\r\n"
              "E-6,C-6,TESTPATIENT,BSH,6.00,2027-01-14,HB\r\n";
        const QString path = write(u"latin.csv"_s, file);
        const QString mapping = write(u"latin.mapping.json"_s, mappingJson(u"windows-1252"_s));
        const testing::Run run = import(path, mapping);
        QCOMPARE(run.exitCode, 1);
        const QString out = QString::fromUtf8(run.out);
        QVERIFY2(out.contains(u"line 5: 5 cells; the header has 7"_s), qPrintable(out));
        QVERIFY2(out.contains(u"line 6: balance: \"12x\" is not an amount"_s), qPrintable(out));
        QVERIFY2(out.contains(u"line 7: appealDeadline: \"01/13/2027\" is not a date"_s), qPrintable(out));
        QVERIFY2(out.contains(u"6 rows: 3 created, 0 updated, 0 unchanged, 3 refused"_s), qPrintable(out));
        QSqlQuery query(m_gateway->database().connection());
        QVERIFY(query.exec(u"SELECT w.patient_display_name, w.balance_cents FROM work_item_sources s JOIN work_items w "
                           "ON w.id = s.work_item_id ORDER BY s.external_id"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"TESTPATIENT, ANDRÉ"_s);
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), u"TESTPATIENT, MUÑOZ"_s);
        QCOMPARE(query.value(1).toLongLong(), 120050);
    }

    void closingWhatLeftTheFileSparesItsBadRowsAndNeedsTheWholeFile()
    {
        const QString mapping = write(u"m.json"_s, mappingJson());
        const QByteArray header = "Id,Claim,Patient,Payer,Balance,Appeal By\n";
        const QByteArray rows = "K-1,C-1,TESTPATIENT,BSH,1.00,2027-01-10\n"
                                "K-2,C-2,TESTPATIENT,BSH,2.00,2027-01-10\n"
                                "K-3,C-3,TESTPATIENT,BSH,3.00,2027-01-10\n";
        QCOMPARE(import(write(u"first.csv"_s, header + rows), mapping).exitCode, 0);

        // K-2's balance cannot be read tonight: it is still in the file, so it stays open.
        const QString typo = write(u"typo.csv"_s,
                                   header
                                       + "K-1,C-1,TESTPATIENT,BSH,1.00,2027-01-10\n"
                                         "K-2,C-2,TESTPATIENT,BSH,2.0x,2027-01-10\n");
        const testing::Run spared = import(typo, mapping, {u"--close-missing"_s});
        QCOMPARE(spared.exitCode, 1);
        QVERIFY2(spared.out.contains("1 closed (gone from the file)"), spared.out.constData());
        QSqlQuery closed(m_gateway->database().connection());
        QVERIFY(closed.exec(u"SELECT group_concat(external_id) FROM work_item_sources WHERE closed = 1"_s));
        QVERIFY(closed.next());
        QCOMPARE(closed.value(0).toString(), u"K-3"_s);
        closed.finish();

        // A file cut short inside a quote: the rows after it were never read, nothing is closed.
        const QString cut = write(u"cut.csv"_s, header + "K-1,C-1,\"TESTPATIENT,BSH,1.00,2027-01-10\n");
        const testing::Run refused = import(cut, mapping, {u"--close-missing"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("not closing anything"), refused.err.constData());
        QCOMPARE(count(u"SELECT count(*) FROM work_item_sources WHERE closed = 1"_s), 1);
    }

    void aMappedColumnTheFileLacksStopsTheImportBeforeAnyRow()
    {
        const QString path = write(u"short.csv"_s, "Id,Claim,Payer,Balance\nM-1,C-1,BSH,1.00\n");
        const testing::Run run = import(path, write(u"m.json"_s, mappingJson()));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("Patient"), run.err.constData());
        QCOMPARE(count(u"SELECT count(*) FROM work_item_sources"_s), 0);
    }

    void tenThousandRowsGoInBatches()
    {
        QByteArray file = "Id,Claim,Patient,Payer,Balance,Appeal By\n";
        for (int row = 0; row < 10'000; ++row)
            file += "T-" + QByteArray::number(row) + ",C-" + QByteArray::number(row) + ",\"TESTPATIENT, N"
                + QByteArray::number(row) + "\",BSH," + QByteArray::number(row % 900 + 1) + ".25,2027-02-01\n";
        const QString path = write(u"big.csv"_s, file);
        const QString mapping = write(u"big.mapping.json"_s, mappingJson());
        const testing::Run run = import(path, mapping, {u"--batch-size"_s, u"2500"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.contains("10000 rows: 10000 created"), run.out.constData());
        QCOMPARE(count(u"SELECT count(*) FROM work_item_sources WHERE source = 'worklist'"_s), 10'000);
        // Four batches, each recorded once in the audit chain.
        QCOMPARE(count(u"SELECT count(*) FROM audit_log WHERE action_type = 'source_batch_received'"_s), 4);
    }
};

QTEST_GUILESS_MAIN(RcmctlItemsTest)
#include "test_rcmctlitems.moc"
