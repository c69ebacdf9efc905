// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/exportfile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

/// The hash an export is registered and verified by, against the FIPS 180-2 test vectors.
class TestExportFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aFileHashesToItsSha256_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("sha256");
        QTest::newRow("empty") << QByteArray() << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
        QTest::newRow("abc") << "abc"_ba << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
        // Larger than any read chunk: the file is read in pieces, all of them counted.
        QTest::newRow("a million a") << QByteArray(1'000'000, 'a')
                                     << u"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"_s;
    }

    void aFileHashesToItsSha256()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, sha256);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(u"export.bin"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
        file.close();
        QString error;
        QCOMPARE(rcm::reports::sha256OfFile(file.fileName(), &error), sha256);
        QVERIFY(error.isEmpty());
    }

    void anUnreadableFileSaysWhy()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(rcm::reports::sha256OfFile(dir.filePath(u"missing.pdf"_s), &error).isEmpty());
        QVERIFY2(error.contains(u"missing.pdf"_s), qPrintable(error));
        // A folder opens but cannot be read as a file.
        QVERIFY(rcm::reports::sha256OfFile(dir.path(), &error).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExportFile)
#include "test_exportfile.moc"
