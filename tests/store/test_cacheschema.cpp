// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/cacheschema.h"

#include <QCryptographicHash>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::store;

/// A released migration must keep its effect: caches already on users' disks were made by
/// it, and a new build upgrades them from there. Each released step's SQL is pinned by its
/// SHA-256 (statements joined by NUL); a change of schema is a new migration instead.
class TestCacheSchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releasedMigrationsAreUnchanged_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QByteArray>("sha256");
        QTest::newRow("1 tables") << 1 << "eb428d3255de309cd37c7b8aad651d72b8422509d7522b062a467b9fe24a6380"_ba;
        QTest::newRow("2 queue indexes") << 2 << "220c38abe2d47d170b9cea66d92036f2c8b500e719e3cdaa6e2536f5352e79f4"_ba;
        QTest::newRow("3 search") << 3 << "f8bf2e90362274cac708b55819b64f5fb810f88f390910288d7ddc79547291fe"_ba;
        QTest::newRow("4 sync and outbox")
            << 4 << "e00296daee6ad808e60a21cdd82368a4a09672c985d57d067ff7ca8c4fab414a"_ba;
        QTest::newRow("5 countable status")
            << 5 << "7680f18d9805c8e7254bb4c21fb6ee4bfb0938ee89c14649c5b91c4a6c337dce"_ba;
        QTest::newRow("6 item history") << 6 << "39ae5b2e517e844df9d06d1f530812c404a284a10b83169f57dd517b64685635"_ba;
        QTest::newRow("7 sort indexes") << 7 << "c1e2c36ae69c736ef5dbcc6f33b133bb35b3ec4818577f0776c0c6221415196a"_ba;
        QTest::newRow("8 item payments") << 8 << "7f4db39105620c614d4adb5098dabb1fd196501f5862510eda614a71babfc5f6"_ba;
        QTest::newRow("9 pending exports")
            << 9 << "13fe6bfe85a724afb8f964fee5276b482cd765be0a9b4a757b0327b6fd220e61"_ba;
    }

    void releasedMigrationsAreUnchanged()
    {
        QFETCH(int, version);
        QFETCH(QByteArray, sha256);
        const QList<Migration> &migrations = workbenchCacheSchema().migrations;
        const auto step = std::find_if(migrations.cbegin(), migrations.cend(),
                                       [version](const Migration &each) { return each.version == version; });
        QVERIFY(step != migrations.cend());
        const QByteArray sql = step->statements.join(QChar(0)).toUtf8();
        QCOMPARE(QCryptographicHash::hash(sql, QCryptographicHash::Sha256).toHex(), sha256);
    }
};

QTEST_GUILESS_MAIN(TestCacheSchema)
#include "test_cacheschema.moc"
