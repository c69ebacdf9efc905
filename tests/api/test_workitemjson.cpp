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
        // The shapes the direct readers take, holding no real day or time.
        QTest::newRow("no such day") << u"dueDate"_s << QJsonValue(u"2026-02-30"_s) << u"dueDate must be a date"_s;
        QTest::newRow("no such hour") << u"createdAt"_s << QJsonValue(u"2026-11-27T25:00:00.000Z"_s)
                                      << u"createdAt must be an ISO-8601"_s;
        QTest::newRow("no such month") << u"updatedAt"_s << QJsonValue(u"2026-13-01T10:00:00.000Z"_s)
                                       << u"updatedAt must be an ISO-8601"_s;
        QTest::newRow("letters for digits")
            << u"createdAt"_s << QJsonValue(u"2026-11-2xT10:00:00.000Z"_s) << u"createdAt must be an ISO-8601"_s;
    }

    void readsTimestampsAndDatesInEveryIsoForm_data()
    {
        QTest::addColumn<QString>("createdAt");
        QTest::addColumn<QString>("dueDate");
        QTest::newRow("as the stores write") << u"2026-11-27T09:30:00.250Z"_s << u"2026-11-27"_s;
        QTest::newRow("no milliseconds") << u"2026-11-27T09:30:00Z"_s << u"2027-01-01"_s;
        QTest::newRow("an offset") << u"2026-11-27T10:30:00.250+01:00"_s << u"2024-02-29"_s;
        QTest::newRow("no zone (local time)") << u"2026-11-27T09:30:00.250"_s << u"2026-12-31"_s;
    }

    void readsTimestampsAndDatesInEveryIsoForm()
    {
        QFETCH(QString, createdAt);
        QFETCH(QString, dueDate);
        QJsonObject object = api::toJson(synthetic::SyntheticGenerator({3, QDate(2026, 11, 27)}).item(1));
        object.insert(u"createdAt"_s, createdAt);
        object.insert(u"dueDate"_s, dueDate);
        QString error;
        const auto item = api::workItemFromJson(object, &error);
        QVERIFY2(item, qPrintable(error));
        QCOMPARE(item->createdAt, QDateTime::fromString(createdAt, Qt::ISODateWithMs).toUTC());
        QCOMPARE(item->createdAt.timeSpec(), Qt::UTC);
        QCOMPARE(item->dueDate, QDate::fromString(dueDate, Qt::ISODate));
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
