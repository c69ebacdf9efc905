// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/session.h"
#include "services/api/transportpolicy.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

/// Where the workbench and rcmctl will send a password: plain http:// only to this computer.
class TestTransportPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainHttpGoesOnlyToThisComputer_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https anywhere") << u"https://gateway.hospital.example/v1"_s << true;
        QTest::newRow("https to an address") << u"https://10.1.2.3:8443/v1"_s << true;
        QTest::newRow("http to 127.0.0.1") << u"http://127.0.0.1:8080/v1"_s << true;
        QTest::newRow("http to elsewhere in 127/8") << u"http://127.8.9.10:8080/v1"_s << true;
        QTest::newRow("http to ::1") << u"http://[::1]:8080/v1"_s << true;
        QTest::newRow("http to localhost") << u"http://localhost:8080/v1"_s << true;
        QTest::newRow("http to LOCALHOST") << u"http://LOCALHOST:8080/v1"_s << true;
        QTest::newRow("http to a name") << u"http://gateway.hospital.example/v1"_s << false;
        QTest::newRow("http to a private address") << u"http://10.1.2.3:8080/v1"_s << false;
        QTest::newRow("http to all addresses") << u"http://0.0.0.0:8080/v1"_s << false;
        QTest::newRow("http to a name starting localhost") << u"http://localhost.attacker.example/v1"_s << false;
        QTest::newRow("http to 128.0.0.1") << u"http://128.0.0.1/v1"_s << false;
        QTest::newRow("ftp") << u"ftp://127.0.0.1/v1"_s << false;
    }

    void plainHttpGoesOnlyToThisComputer()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        QCOMPARE(api::insecureServerReason(QUrl(url)).isEmpty(), allowed);
    }

    void theClientSendsNothingToAnInsecureAddress()
    {
        // Nothing listens there: were the password sent, the error would be a network one.
        api::Session session(QUrl(u"http://192.0.2.1:9/v1"_s));
        api::ApiError result;
        bool done = false;
        QObject context;
        session.signIn(u"biller"_s, u"demo"_s, &context, [&](const api::ApiError &error) {
            result = error;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QCOMPARE(result.kind, api::ApiError::Kind::Insecure);
        QVERIFY2(result.message().contains(u"https://"_s), qPrintable(result.message()));
    }

    void aCaFileMustHoldACertificate()
    {
        QTemporaryDir dir;
        QFile notPem(dir.filePath(u"ca.pem"_s));
        QVERIFY(notPem.open(QIODevice::WriteOnly));
        notPem.write("not a certificate\n");
        notPem.close();
        QString error;
        QVERIFY(!api::readCaFile(notPem.fileName(), &error));
        QVERIFY2(error.contains(u"holds no PEM certificate"_s), qPrintable(error));
        QVERIFY(!api::readCaFile(dir.filePath(u"missing.pem"_s), &error));
        QVERIFY2(error.contains(u"Cannot read the CA file"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTransportPolicy)
#include "test_transportpolicy.moc"
