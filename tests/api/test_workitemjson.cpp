// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/workitemjson.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

class TestWorkItemJson final : public QObject
{
    Q_OBJECT

private:
    static models::WorkItem awkwardItem()
    {
        models::WorkItem item = synthetic::SyntheticGenerator({3, QDate(2026, 11, 27)}).item(0);
        item.patientDisplayName = u"Zzo'brien \"Jr\", José \\ Ñ\n\t\u0001 日本"_s;
        item.ownerId.clear();
        item.carc.clear();
        item.groupCode.clear();
        item.rarcs = {u"N1"_s, u"M\"2"_s};
        item.appealDeadline = QDate();
        return item;
    }

private Q_SLOTS:
    void roundTripsEveryField()
    {
        const auto items = synthetic::SyntheticGenerator({3, QDate(2026, 11, 27)}).items(0, 500);
        for (const models::WorkItem &item : items) {
            QString error;
            const auto back = api::workItemFromJson(api::toJson(item), &error);
            QVERIFY2(back, qPrintable(error));
            QCOMPARE(*back, item);
        }
    }

    void theFastWriterMatchesQJsonByteForByte()
    {
        auto items = synthetic::SyntheticGenerator({3, QDate(2026, 11, 27)}).items(0, 1000);
        items.append(awkwardItem());
        for (const models::WorkItem &item : std::as_const(items)) {
            QByteArray fast;
            api::appendJson(fast, item);
            const QByteArray expected = QJsonDocument(api::toJson(item)).toJson(QJsonDocument::Compact);
            if (fast != expected) {
                qsizetype at = 0;
                while (at < fast.size() && at < expected.size() && fast[at] == expected[at])
                    ++at;
                QFAIL(qPrintable(QString::fromUtf8(fast.mid(at - 20, 60) + " vs " + expected.mid(at - 20, 60))));
            }
        }
        QByteArray fast;
        api::appendJson(fast, awkwardItem());
        QString error;
        QCOMPARE(api::workItemFromJson(QJsonDocument::fromJson(fast).object(), &error), std::optional(awkwardItem()));
    }

    void refusesMalformedItems_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no id") << u"id"_s << QJsonValue() << u"id is required"_s;
        QTest::newRow("empty claim") << u"claimNumber"_s << QJsonValue(u""_s) << u"claimNumber must not be empty"_s;
        QTest::newRow("number for text") << u"payerId"_s << QJsonValue(7) << u"payerId must be a string"_s;
        QTest::newRow("float money") << u"balance"_s << QJsonValue(12.5) << u"balance must be a string"_s;
        QTest::newRow("bad money") << u"balance"_s << QJsonValue(u"12.345"_s) << u"balance must be a decimal"_s;
        QTest::newRow("unknown status") << u"status"_s << QJsonValue(u"lost"_s) << u"status has an unknown value"_s;
        QTest::newRow("bad date") << u"dueDate"_s << QJsonValue(u"27/11/2026"_s) << u"dueDate must be a date"_s;
        QTest::newRow("version as text") << u"version"_s << QJsonValue(u"3"_s) << u"version must be a whole number"_s;
        QTest::newRow("fractional version") << u"version"_s << QJsonValue(3.5) << u"version must be a whole number"_s;
        QTest::newRow("rarcs not a list") << u"rarcs"_s << QJsonValue(u"N1"_s) << u"rarcs must be an array"_s;
        QTest::newRow("bad timestamp") << u"createdAt"_s << QJsonValue(u"yesterday"_s)
                                       << u"createdAt must be an ISO-8601"_s;
    }

    void refusesMalformedItems()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, problem);
        QJsonObject object = api::toJson(synthetic::SyntheticGenerator({3, QDate(2026, 11, 27)}).item(1));
        if (value.isUndefined() || value.isNull())
            object.remove(field);
        else
            object.insert(field, value);
        QString error;
        QVERIFY(!api::workItemFromJson(object, &error));
        QVERIFY2(error.startsWith(problem), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestWorkItemJson)
#include "test_workitemjson.moc"
