// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The sync page reader (simdjson) must read every page as QJsonDocument and
// workItemFromJson read it before: the same items, tombstones and cursor, and the same
// refusals with the same messages.
#include "services/api/changespagereader.h"
#include "services/api/requests.h"
#include "services/api/workitemjson.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

/// The page as the client read it before the page reader: QJsonDocument, then
/// workItemFromJson for each item (the reader's fallback keeps that path whole).
QString throughQJson(const QByteArray &json, api::ChangesPage &page, bool *notJson)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    *notJson = parseError.error != QJsonParseError::NoError;
    return *notJson ? parseError.errorString() : api::readChangesPage(document, page);
}

QJsonObject item(int index)
{
    return api::toJson(synthetic::SyntheticGenerator({5, QDate(2026, 11, 27)}).item(index));
}

QByteArray page(const QJsonArray &items, const QJsonValue &cursor = u"czE6NDI"_s, const QJsonValue &hasMore = true)
{
    QJsonObject object {{u"items"_s, items}};
    if (!cursor.isUndefined())
        object.insert(u"nextCursor"_s, cursor);
    if (!hasMore.isUndefined())
        object.insert(u"hasMore"_s, hasMore);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

} // namespace

class TestChangesPageReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAsQJsonDocumentRead_data()
    {
        QTest::addColumn<QByteArray>("json");
        QJsonArray many;
        for (int index = 0; index < 300; ++index)
            many.append(item(index));
        QTest::newRow("300 items") << page(many);
        QTest::newRow("the last page") << page(many, u"czE6OTk"_s, false);
        QTest::newRow("empty") << page({});
        QTest::newRow("tombstones") << page(
            {item(1), QJsonObject {{u"deleted"_s, true}, {u"id"_s, u"WI-7"_s}}, item(2)});
        QTest::newRow("deleted false is an item")
            << page({with(item(1), u"deleted"_s, false), with(item(2), u"deleted"_s, u"yes"_s)});
        QTest::newRow("unknown keys ignored") << page({with(item(3), u"extra"_s, QJsonObject {{u"a"_s, 1}})});
        QTest::newRow("awkward text") << page(
            {with(item(4), u"patientDisplayName"_s, u"Zzo'brien \"Jr\", José \\ Ñ\n\t\u0001 日本 😀"_s)});
        QTest::newRow("version as 3.0") << QString::fromUtf8(page({item(5)}))
                                               .replace(QRegularExpression(u"\"version\":(\\d+)"_s),
                                                        u"\"version\":\\1.0"_s)
                                               .toUtf8();
        QTest::newRow("other ISO forms") << page(
            {with(with(item(6), u"createdAt"_s, u"2026-11-27T10:30:00+01:00"_s), u"dueDate"_s, u"2026-12-01"_s)});
        QTest::newRow("nulls for optional fields")
            << page({with(with(item(7), u"ownerId"_s, QJsonValue::Null), u"rarcs"_s, QJsonValue::Null)});
        // What simdjson refuses and QJsonDocument takes is read as QJsonDocument reads it.
        const QByteArray plain = page({item(8)});
        QTest::newRow("a byte-order mark") << QByteArray("\xEF\xBB\xBF") + plain;
        QTest::newRow("a raw tab in a string")
            << QByteArray(plain).replace("\"patientDisplayName\":\"", "\"patientDisplayName\":\"\t");
        QTest::newRow("an integer beyond 64 bits")
            << QByteArray(plain).replace("\"accountNumber\"", "\"extra\":123456789012345678901234,\"accountNumber\"");
        QTest::newRow("an unpaired surrogate")
            << QByteArray(plain).replace("\"patientDisplayName\":\"", "\"patientDisplayName\":\"\\ud800");
        // Refusals.
        QTest::newRow("not JSON") << QByteArray("{\"items\": [");
        QTest::newRow("not an object") << QByteArray("[1, 2]");
        QTest::newRow("no cursor") << page({item(1)}, QJsonValue::Undefined);
        QTest::newRow("empty cursor") << page({item(1)}, u""_s);
        QTest::newRow("hasMore not a bool") << page({item(1)}, u"c"_s, 1);
        QTest::newRow("items not an array") << QByteArray("{\"items\":{},\"nextCursor\":\"c\",\"hasMore\":false}");
        QTest::newRow("a tombstone without an id") << page({QJsonObject {{u"deleted"_s, true}}});
        QTest::newRow("an item that is not an object") << page({item(1), 7});
        QTest::newRow("no id") << page({with(item(1), u"id"_s, QJsonValue::Undefined)});
        QTest::newRow("bad queue") << page({with(item(1), u"queue"_s, u"lost"_s)});
        QTest::newRow("number for text") << page({with(item(1), u"payerId"_s, 7)});
        QTest::newRow("bad money") << page({with(item(1), u"balance"_s, u"1.234"_s)});
        QTest::newRow("fractional version") << page({with(item(1), u"version"_s, 2.5)});
        QTest::newRow("version as text") << page({with(item(1), u"version"_s, u"2"_s)});
        QTest::newRow("rarcs of numbers") << page({with(item(1), u"rarcs"_s, QJsonArray {u"N1"_s, 2})});
        QTest::newRow("no such day") << page({with(item(1), u"serviceFrom"_s, u"2026-02-30"_s)});
        QTest::newRow("two problems, the first named")
            << page({with(with(item(1), u"status"_s, u"x"_s), u"billed"_s, u"y"_s)});
    }

    void readsAsQJsonDocumentRead()
    {
        QFETCH(QByteArray, json);
        api::ChangesPage expected;
        bool expectedNotJson = false;
        const QString expectedProblem = throughQJson(json, expected, &expectedNotJson);
        api::ChangesPage page;
        bool notJson = false;
        const QString problem = api::readChangesPage(json, page, &notJson);
        QCOMPARE(notJson, expectedNotJson);
        if (notJson)
            return; // the two readers word a syntax error differently
        QCOMPARE(problem, expectedProblem);
        if (!problem.isEmpty())
            return;
        QCOMPARE(page.items, expected.items);
        QCOMPARE(page.removedIds, expected.removedIds);
        QCOMPARE(page.nextCursor, expected.nextCursor);
        QCOMPARE(page.hasMore, expected.hasMore);
    }

    void whatSimdjsonRefusesButQJsonDocumentTakesIsRead()
    {
        const QByteArray plain = page({item(8)});
        const QList<QByteArray> pages {
            QByteArray("\xEF\xBB\xBF") + plain,
            QByteArray(plain).replace("\"patientDisplayName\":\"", "\"patientDisplayName\":\"\t"),
            QByteArray(plain).replace("\"accountNumber\"", "\"extra\":123456789012345678901234,\"accountNumber\""),
        };
        for (const QByteArray &json : pages) {
            api::ChangesPage read;
            bool notJson = true;
            QCOMPARE(api::readChangesPage(json, read, &notJson), QString());
            QVERIFY(!notJson);
            QCOMPARE(read.items.size(), 1);
        }
    }

    void theRequestReadsItsPageEitherWay()
    {
        const QByteArray json
            = page({item(1), QJsonObject {{u"deleted"_s, true}, {u"id"_s, u"WI-7"_s}}}, u"c"_s, false);
        api::ChangesRequest fromBytes(QString(), 10);
        bool notJson = false;
        QVERIFY(fromBytes.parseBytes(json, {}, &notJson).isEmpty());
        api::ChangesRequest fromDocument(QString(), 10);
        QVERIFY(fromDocument.parse(QJsonDocument::fromJson(json), {}).isEmpty());
        QCOMPARE(fromBytes.items, fromDocument.items);
        QCOMPARE(fromBytes.items.size(), 1);
        QCOMPARE(fromBytes.removedIds, QStringList {u"WI-7"_s});
        QCOMPARE(fromBytes.nextCursor, u"c"_s);
        QVERIFY(!fromBytes.hasMore);
    }
};

QTEST_GUILESS_MAIN(TestChangesPageReader)
#include "test_changespagereader.moc"
