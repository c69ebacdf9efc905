// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// rcmctl era check: the JSON shape scripts rely on, the exit codes, and a file that is
// not X12 at all.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> objects;
    QByteArray output;
};

Run eraCheck(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(RCMCTL), QStringList {u"era"_s, u"check"_s} + arguments);
    if (!process.waitForFinished(60000))
        qFatal("rcmctl era check did not finish");
    Run run;
    run.exitCode = process.exitCode();
    run.output = process.readAllStandardOutput();
    for (const QByteArray &line : run.output.split('\n')) {
        if (!line.isEmpty())
            run.objects.append(QJsonDocument::fromJson(line).object());
    }
    return run;
}

} // namespace

class TestEraCheck final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonHasTheDocumentedShape()
    {
        const QString medicare = QStringLiteral(RCM_X12_FIXTURES) + u"/835_005010X221A1__medicare-part-a.835"_s;
        if (!QFile::exists(medicare))
            QSKIP("The shared fixtures are absent.");
        const Run run = eraCheck({medicare, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.objects.size(), 1);
        const QJsonObject file = run.objects.first();
        QCOMPARE(file.keys(), (QStringList {u"errors"_s, u"file"_s, u"transactions"_s, u"warnings"_s}));
        QCOMPARE(file[u"file"_s].toString(), medicare);
        QCOMPARE(file[u"errors"_s].toArray().size(), 0);
        const QJsonObject transaction = file[u"transactions"_s][0].toObject();
        QCOMPARE(transaction.keys(),
                 (QStringList {u"balanced"_s, u"claimCount"_s, u"claimPaymentTotal"_s, u"claims"_s, u"payee"_s,
                               u"payer"_s, u"paymentAmount"_s, u"providerAdjustmentTotal"_s, u"traceNumber"_s}));
        QCOMPARE(transaction[u"payer"_s].toString(), u"INSURANCE COMPANY OF TIMBUCKTU"_s);
        QCOMPARE(transaction[u"payee"_s].toString(), u"REGIONAL HOPE HOSPITAL"_s);
        QCOMPARE(transaction[u"traceNumber"_s].toString(), u"12345"_s);
        QCOMPARE(transaction[u"paymentAmount"_s].toString(), u"150000.00"_s);
        QCOMPARE(transaction[u"claimCount"_s].toInt(), 2);
        QCOMPARE(transaction[u"claimPaymentTotal"_s].toString(), u"149998.73"_s);
        QCOMPARE(transaction[u"providerAdjustmentTotal"_s].toString(), u"-1.27"_s);
        QCOMPARE(transaction[u"balanced"_s].toBool(), true);
        const QJsonObject claim = transaction[u"claims"_s][0].toObject();
        QCOMPARE(
            claim.keys(),
            (QStringList {u"charge"_s, u"paid"_s, u"patientControlNumber"_s, u"patientResponsibility"_s, u"status"_s}));
        QCOMPARE(claim[u"patientControlNumber"_s].toString(), u"666123"_s);
        QCOMPARE(claim[u"status"_s].toString(), u"1"_s);
        QCOMPARE(claim[u"charge"_s].toString(), u"211366.97"_s);
        QCOMPARE(claim[u"paid"_s].toString(), u"138018.40"_s);
        QVERIFY(claim[u"patientResponsibility"_s].isNull()); // CLP05 not sent
    }

    void defectsAndExitCodes()
    {
        QTemporaryDir dir;
        const QString notX12 = dir.filePath(u"notes.txt"_s);
        QFile file(notX12);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Dear cash poster, this is not an ERA.\n");
        file.close();
        const QString missing = dir.filePath(u"absent.835"_s);
        const Run run = eraCheck({notX12, missing, u"--json"_s});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.objects.size(), 2);
        const QJsonObject first = run.objects.at(0);
        QCOMPARE(first[u"transactions"_s].toArray().size(), 0);
        const QJsonObject error = first[u"errors"_s][0].toObject();
        QCOMPARE(error.keys(), (QStringList {u"code"_s, u"message"_s, u"segment"_s}));
        QCOMPARE(error[u"code"_s].toString(), u"isa.missing"_s);
        QCOMPARE(error[u"segment"_s].toInteger(), 1);
        QCOMPARE(run.objects.at(1)[u"errors"_s][0][u"code"_s].toString(), u"file.unreadable"_s);

        QCOMPARE(eraCheck({}).exitCode, 2);
        const Run text = eraCheck({notX12});
        QCOMPARE(text.exitCode, 1);
        QVERIFY(text.output.contains("isa.missing"));
    }
};

QTEST_GUILESS_MAIN(TestEraCheck)
#include "test_eracheck.moc"
