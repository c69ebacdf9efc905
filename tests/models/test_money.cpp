// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/money.h"

#include <QTest>

#include <limits>

using namespace Qt::Literals::StringLiterals;
using rcm::models::Money;

class TestMoney final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesDecimalText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("cents");
        QTest::newRow("whole dollars") << u"12"_s << true << qint64(1200);
        QTest::newRow("two decimals") << u"391.05"_s << true << qint64(39105);
        QTest::newRow("one decimal") << u"1234.5"_s << true << qint64(123450);
        QTest::newRow("leading point, as X12 allows") << u".5"_s << true << qint64(50);
        QTest::newRow("negative") << u"-0.07"_s << true << qint64(-7);
        QTest::newRow("explicit plus") << u"+3.10"_s << true << qint64(310);
        QTest::newRow("zero") << u"0"_s << true << qint64(0);
        QTest::newRow("large") << u"150000.00"_s << true << qint64(15000000);
        QTest::newRow("three decimals") << u"1.005"_s << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("sign only") << u"-"_s << false << qint64(0);
        QTest::newRow("point only") << u"."_s << false << qint64(0);
        QTest::newRow("trailing point") << u"12."_s << false << qint64(0);
        QTest::newRow("exponent") << u"1e3"_s << false << qint64(0);
        QTest::newRow("thousands separator") << u"1,000.00"_s << false << qint64(0);
        QTest::newRow("blank inside") << u"1 000"_s << false << qint64(0);
        QTest::newRow("letters") << u"abc"_s << false << qint64(0);
        QTest::newRow("overflow") << u"999999999999999999999"_s << false << qint64(0);
    }

    void parsesDecimalText()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, cents);
        const std::optional<Money> money = Money::fromString(text);
        QCOMPARE(money.has_value(), valid);
        if (valid)
            QCOMPARE(money->cents(), cents);
    }

    void printsCanonicalText_data()
    {
        QTest::addColumn<qint64>("cents");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << u"0.00"_s;
        QTest::newRow("cents only") << qint64(7) << u"0.07"_s;
        QTest::newRow("negative cents") << qint64(-7) << u"-0.07"_s;
        QTest::newRow("dollars") << qint64(39105) << u"391.05"_s;
        QTest::newRow("negative dollars") << qint64(-127) << u"-1.27"_s;
        QTest::newRow("most negative") << std::numeric_limits<qint64>::min() << u"-92233720368547758.08"_s;
    }

    void printsCanonicalText()
    {
        QFETCH(qint64, cents);
        QFETCH(QString, text);
        QCOMPARE(Money::fromCents(cents).toString(), text);
    }

    void sumsExactlyWhereBinaryFloatsDrift()
    {
        // 0.1 added ten times is not 1.0 in binary floating point; in cents it is.
        Money total;
        for (int i = 0; i < 10; ++i)
            total += *Money::fromString(u"0.10"_s);
        QCOMPARE(total, *Money::fromString(u"1.00"_s));
        QCOMPARE((Money::fromCents(100) - Money::fromCents(250)).toString(), u"-1.50"_s);
        QVERIFY(Money::fromCents(-1) < Money());
    }

    void aSumThatWouldOverflowIsRefusedNotWrapped()
    {
        const Money largest = Money::fromCents(std::numeric_limits<qint64>::max());
        QCOMPARE(Money::checkedSum(largest, Money::fromCents(1)), std::nullopt);
        QCOMPARE(Money::checkedSum(-largest, Money::fromCents(-2)), std::nullopt);
        QCOMPARE(Money::checkedSum(largest, Money::fromCents(-1)),
                 Money::fromCents(std::numeric_limits<qint64>::max() - 1));
        QCOMPARE(Money::checkedSum(Money::fromCents(150), Money::fromCents(-25)), Money::fromCents(125));
    }

    void theCapIsNinetyNineMillionDollars()
    {
        QVERIFY(Money::fromString(u"99999999.99").value().isWithinCap());
        QVERIFY(Money::fromString(u"-99999999.99").value().isWithinCap());
        QVERIFY(!Money::fromString(u"100000000.00").value().isWithinCap());
        QVERIFY(!Money::fromString(u"-100000000").value().isWithinCap());
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "test_money.moc"
