// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Flat-file extracts read into work items: the mapping file and its errors, cells turned
// into wire values (amounts, dates, tables, patterns, lists), row errors with their lines,
// the sample worklist in docs/extracts/, and a generated 10,000-row file.
#include "services/ingest/extractreader.h"
#include "services/ingest/extractvalues.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::ingest;

namespace {

/// The mapping most tests read with: plain columns, a constant, a table, a list and a
/// date with its own format.
const QByteArray denialMapping = R"({
  "format": 1,
  "fields": {
    "externalId": "Denial ID",
    "claimNumber": "Claim Number",
    "billed": "Total Charges",
    "serviceFrom": {"column": "DOS From", "dateFormats": ["MM/dd/yyyy"]},
    "queue": {"value": "denial"},
    "status": {"column": "Work Status", "values": {"OPEN": "open", "PENDING": "open", "CLOSED": "closed"}},
    "rarcs": {"column": "Remark Codes", "split": " "}
  }
})"_ba;

const QByteArray denialHeader = "Denial ID,Claim Number,Total Charges,DOS From,Work Status,Remark Codes\n"_ba;

struct Outcome
{
    QString headerError;
    QList<ExtractReader::Row> rows;
    QList<ExtractReader::BadRow> badRows;

    QStringList badMessages() const
    {
        QStringList messages;
        for (const ExtractReader::BadRow &bad : badRows)
            messages.append(bad.message());
        return messages;
    }
};

Outcome readExtract(QIODevice &device, const ExtractMapping &mapping)
{
    Outcome outcome;
    ExtractReader reader(device, mapping);
    if (!reader.readHeader(&outcome.headerError))
        return outcome;
    ExtractReader::Row row;
    ExtractReader::BadRow bad;
    for (;;) {
        switch (reader.next(&row, &bad)) {
        case ExtractReader::Next::Row:
            outcome.rows.append(row);
            break;
        case ExtractReader::Next::BadRow:
            outcome.badRows.append(bad);
            break;
        case ExtractReader::Next::End:
            return outcome;
        }
    }
}

Outcome readExtract(const QByteArray &csv, const QByteArray &mappingJson = denialMapping)
{
    QString error;
    const std::optional<ExtractMapping> mapping = ExtractMapping::fromJson(mappingJson, &error);
    if (!mapping) {
        qWarning("the test's mapping is refused: %s", qPrintable(error));
        return Outcome {u"mapping: "_s + error, {}, {}};
    }
    QBuffer buffer;
    buffer.setData(csv);
    buffer.open(QIODevice::ReadOnly);
    return readExtract(buffer, *mapping);
}

/// JSON written with single quotes, to keep the tests' mappings readable.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

QString mappingError(const QByteArray &json)
{
    QString error;
    const std::optional<ExtractMapping> mapping = ExtractMapping::fromJson(json, &error);
    return mapping ? u"(accepted)"_s : error;
}

} // namespace

class TestExtractReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRowBecomesAWorkItemInItsWireForm()
    {
        const Outcome outcome
            = readExtract(denialHeader + "DNL-1,C-100,\"$1,234.5\",03/15/2026,pending,N54  M127\n"_ba);
        QCOMPARE(outcome.headerError, QString());
        QCOMPARE(outcome.badMessages(), QStringList());
        QCOMPARE(outcome.rows.size(), 1);
        QCOMPARE(outcome.rows.front().line, 2);
        const QJsonObject expected {
            {u"externalId"_s, u"DNL-1"_s},
            {u"claimNumber"_s, u"C-100"_s},
            {u"billed"_s, u"1234.50"_s},
            {u"serviceFrom"_s, u"2026-03-15"_s},
            {u"queue"_s, u"denial"_s},
            {u"status"_s, u"open"_s},
            {u"rarcs"_s, QJsonArray {u"N54"_s, u"M127"_s}},
        };
        QCOMPARE(outcome.rows.front().item, expected);
    }

    void anEmptyCellLeavesItsFieldOut()
    {
        const Outcome outcome = readExtract(denialHeader + "DNL-1,  ,,,CLOSED,\n"_ba);
        QCOMPARE(outcome.badMessages(), QStringList());
        QCOMPARE(outcome.rows.size(), 1);
        const QJsonObject expected {
            {u"externalId"_s, u"DNL-1"_s}, {u"queue"_s, u"denial"_s}, {u"status"_s, u"closed"_s}};
        QCOMPARE(outcome.rows.front().item, expected);
    }

    void aRowWhoseCellsAreAllEmptyIsSkipped()
    {
        const Outcome outcome = readExtract(denialHeader + "DNL-1,,,,,\n,,,,,\n  , ,,,,\nDNL-2,,,,,\n"_ba);
        QCOMPARE(outcome.badMessages(), QStringList());
        QCOMPARE(outcome.rows.size(), 2);
        QCOMPARE(outcome.rows.at(1).line, 5);
    }

    void columnsTheMappingDoesNotNameAreIgnoredAndHeadersMatchLoosely()
    {
        const QByteArray csv = "Worklist, remark codes ,DENIAL ID,Assigned To,Total Charges,Claim Number,dos from,"
                               "Work Status,Last Activity\n"
                               "DENIALS-HB,N54,DNL-7,WORKER-12,12.00,C-7,01/02/2026,Open,2026-11-30 14:02\n"_ba;
        const Outcome outcome = readExtract(csv);
        QCOMPARE(outcome.headerError, QString());
        QCOMPARE(outcome.badMessages(), QStringList());
        QCOMPARE(outcome.rows.size(), 1);
        const QJsonObject item = outcome.rows.front().item;
        QCOMPARE(item.value(u"externalId"_s).toString(), u"DNL-7"_s);
        QCOMPARE(item.value(u"claimNumber"_s).toString(), u"C-7"_s);
        QCOMPARE(item.value(u"rarcs"_s).toArray(), QJsonArray {u"N54"_s});
        QCOMPARE(item.keys().size(), 7); // nothing from the unmapped columns
    }

    void aMappedColumnMissingFromTheHeaderIsNamedWithTheHeaderListed()
    {
        const Outcome outcome = readExtract("Denial ID,Claim No,Total Charges,DOS From,Work Status,Remark Codes\n"
                                            "DNL-1,C-1,1.00,01/02/2026,OPEN,\n"_ba);
        QCOMPARE(outcome.headerError,
                 u"the mapped column \"Claim Number\" (for claimNumber) is not in the file's header; its columns are: "
                 "\"Denial ID\", \"Claim No\", \"Total Charges\", \"DOS From\", \"Work Status\", \"Remark Codes\""_s);
        QVERIFY(outcome.rows.isEmpty());
    }

    void aMappedColumnTheHeaderRepeatsIsAnError()
    {
        const Outcome outcome
            = readExtract("Denial ID,Claim Number,Total Charges,DOS From,Work Status,Remark Codes,denial id\n"_ba);
        QCOMPARE(outcome.headerError,
                 u"the column \"Denial ID\" (for externalId) appears more than once in the file's header"_s);
    }

    void aFileWithoutAHeaderIsAnError()
    {
        QCOMPARE(readExtract("\n\n"_ba).headerError, u"the file is empty: it has no header line"_s);
    }

    void rowsWithTooFewOrTooManyCellsAreReportedWithTheirLine()
    {
        const QByteArray csv = denialHeader
            + "DNL-1,C-1,1.00,01/02/2026,OPEN,\n"
              "DNL-2,C-2,1.00\n"
              "DNL-3,\"C-3\nsecond line\",1.00,01/02/2026,OPEN,,extra\n"
              "DNL-4,C-4,1.00,01/02/2026,OPEN,\n"
              "DNL-5\n"_ba;
        const Outcome outcome = readExtract(csv);
        QCOMPARE(outcome.badMessages(),
                 (QStringList {u"line 3: 3 cells; the header has 6"_s, u"line 4: 7 cells; the header has 6"_s,
                               u"line 7: 1 cell; the header has 6"_s}));
        QCOMPARE(outcome.rows.size(), 2);
        QCOMPARE(outcome.rows.at(1).line, 6);
    }

    void cellsThatCannotBeReadAreRowErrorsThatQuoteTheCell_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad amount") << "DNL-1,C-1,\"12,34x\",01/02/2026,OPEN,"_ba
                                    << u"line 2: billed: \"12,34x\" is not an amount"_s;
        QTest::newRow("a date in another format")
            << "DNL-1,C-1,1.00,2026-01-02,OPEN,"_ba
            << u"line 2: serviceFrom: \"2026-01-02\" is not a date in the form MM/dd/yyyy"_s;
        QTest::newRow("a date that does not exist")
            << "DNL-1,C-1,1.00,02/30/2026,OPEN,"_ba
            << u"line 2: serviceFrom: \"02/30/2026\" is not a date in the form MM/dd/yyyy"_s;
        QTest::newRow("a value the table does not list")
            << "DNL-1,C-1,1.00,01/02/2026,PENDNG,"_ba
            << u"line 2: status: \"PENDNG\" is not one of the values the mapping lists (CLOSED, OPEN, PENDING)"_s;
        QTest::newRow("several problems in one row")
            << "DNL-1,C-1,abc,13/01/2026,OPEN,"_ba
            << u"line 2: billed: \"abc\" is not an amount; serviceFrom: \"13/01/2026\" is not a date in the form MM/dd/yyyy"_s;
        QTest::newRow("no id") << ",C-1,1.00,01/02/2026,OPEN,"_ba
                               << u"line 2: externalId: the cell is empty, and each row needs its id"_s;
    }
    void cellsThatCannotBeReadAreRowErrorsThatQuoteTheCell()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, message);
        const Outcome outcome = readExtract(denialHeader + row + "\nDNL-9,C-9,9.00,01/02/2026,OPEN,\n"_ba);
        QCOMPARE(outcome.badMessages(), QStringList {message});
        QCOMPARE(outcome.rows.size(), 1); // and reading went on
        QCOMPARE(outcome.rows.front().line, 3);
    }

    void aDefaultStandsInForAValueTheTableDoesNotList()
    {
        const QByteArray mapping = json("{'format': 1, 'fields': {'externalId': 'id',"
                                        " 'priority': {'column': 'Priority',"
                                        "   'values': {'STAT': 'urgent', 'Low': 'low', 'N/A': ''},"
                                        "   'default': 'normal'}}}");
        const Outcome outcome = readExtract("id,Priority\nA,stat\nB, LOW \nC,whenever\nD,\nE,n/a\n"_ba, mapping);
        QCOMPARE(outcome.badMessages(), QStringList());
        QCOMPARE(outcome.rows.size(), 5);
        QVERIFY(!outcome.rows.at(4).item.contains(u"priority"_s)); // translated to "": left out
        QCOMPARE(outcome.rows.at(0).item.value(u"priority"_s).toString(), u"urgent"_s);
        QCOMPARE(outcome.rows.at(1).item.value(u"priority"_s).toString(), u"low"_s);
        QCOMPARE(outcome.rows.at(2).item.value(u"priority"_s).toString(), u"normal"_s);
        QVERIFY(!outcome.rows.at(3).item.contains(u"priority"_s)); // an empty cell still leaves it out
    }

    void aPatternTakesTheGroupCodeAndTheReasonCodeOutOfOneCell()
    {
        const QByteArray mapping = json("{'format': 1, 'fields': {'externalId': 'id',"
                                        " 'groupCode': {'column': 'Denial Code', 'pattern': '^([A-Z]{2})-'},"
                                        " 'carc': {'column': 'Denial Code', 'pattern': '-(\\\\w+)$'}}}");
        const Outcome outcome = readExtract("id,Denial Code\nA,CO-197\nB,PR-1\nC,197\nD,\n"_ba, mapping);
        QCOMPARE(outcome.rows.size(), 3);
        QCOMPARE(outcome.rows.at(0).item,
                 (QJsonObject {{u"externalId"_s, u"A"_s}, {u"groupCode"_s, u"CO"_s}, {u"carc"_s, u"197"_s}}));
        QCOMPARE(outcome.rows.at(1).item,
                 (QJsonObject {{u"externalId"_s, u"B"_s}, {u"groupCode"_s, u"PR"_s}, {u"carc"_s, u"1"_s}}));
        QCOMPARE(outcome.rows.at(2).item, (QJsonObject {{u"externalId"_s, u"D"_s}}));
        QCOMPARE(outcome.badMessages(),
                 QStringList {u"line 4: carc: \"197\" does not match the pattern -(\\w+)$; groupCode: \"197\" does not "
                              "match the pattern ^([A-Z]{2})-"_s});
    }

    void amountsAreReadAsExtractsWriteThem_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("wire"); // empty: not an amount
        QTest::newRow("dollar sign and thousands") << u"$1,234.56"_s << u"1234.56"_s;
        QTest::newRow("one decimal") << u"1234.5"_s << u"1234.50"_s;
        QTest::newRow("parentheses are negative") << u"(12.00)"_s << u"-12.00"_s;
        QTest::newRow("parentheses around dollars") << u"($1,000)"_s << u"-1000.00"_s;
        QTest::newRow("minus") << u"-12.00"_s << u"-12.00"_s;
        QTest::newRow("minus before the dollar sign") << u"-$5"_s << u"-5.00"_s;
        QTest::newRow("minus after the dollar sign") << u"$-5"_s << u"-5.00"_s;
        QTest::newRow("spaces and a whole number") << u" 12 "_s << u"12.00"_s;
        QTest::newRow("zero") << u"0"_s << u"0.00"_s;
        QTest::newRow("cents only") << u".5"_s << u"0.50"_s;
        QTest::newRow("largest accepted") << u"99,999,999.99"_s << u"99999999.99"_s;
        QTest::newRow("a decimal comma") << u"12,34"_s << QString();
        QTest::newRow("trailing text") << u"12,34x"_s << QString();
        QTest::newRow("thousands misgrouped") << u"1,2345.00"_s << QString();
        QTest::newRow("three decimals") << u"1234.567"_s << QString();
        QTest::newRow("a dollar sign alone") << u"$"_s << QString();
        QTest::newRow("an exponent") << u"1e3"_s << QString();
        QTest::newRow("two signs") << u"--5"_s << QString();
        QTest::newRow("a sign inside parentheses") << u"(-5)"_s << QString();
        QTest::newRow("words") << u"N/A"_s << QString();
    }
    void amountsAreReadAsExtractsWriteThem()
    {
        QFETCH(QString, text);
        QFETCH(QString, wire);
        const std::optional<rcm::models::Money> amount = amountFromText(text);
        QCOMPARE(amount ? amount->toString() : QString(), wire);
    }

    void anAmountBeyondTheCapIsARowError()
    {
        const Outcome outcome = readExtract(denialHeader + "DNL-1,C-1,100000000.00,,,\n"_ba);
        QCOMPARE(outcome.badMessages(),
                 QStringList {
                     u"line 2: billed: \"100000000.00\" is more than the largest amount accepted ($99,999,999.99)"_s});
    }

    void datesAreReadInTheFirstFormatThatFits_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date"); // invalid: not a date
        const QStringList formats {u"MM/dd/yyyy"_s, u"M/d/yyyy"_s, u"yyyyMMdd"_s};
        QTest::newRow("MM/dd/yyyy") << u"03/15/2026"_s << QDate(2026, 3, 15);
        QTest::newRow("M/d/yyyy") << u"3/5/2026"_s << QDate(2026, 3, 5);
        QTest::newRow("yyyyMMdd") << u"20261231"_s << QDate(2026, 12, 31);
        QTest::newRow("a leap day") << u"02/29/2028"_s << QDate(2028, 2, 29);
        QTest::newRow("no such day") << u"02/29/2026"_s << QDate();
        QTest::newRow("day and month swapped") << u"15/03/2026"_s << QDate();
        QTest::newRow("a two-digit year") << u"03/15/26"_s << QDate();
        QTest::newRow("ISO, not listed") << u"2026-03-15"_s << QDate();
    }
    void datesAreReadInTheFirstFormatThatFits()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        QCOMPARE(dateFromText(text, {u"MM/dd/yyyy"_s, u"M/d/yyyy"_s, u"yyyyMMdd"_s}), date);
    }

    void mappingErrorsAreFoundBeforeAnyRowIsRead_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not JSON") << "{\"format\": 1,"_ba << u"not valid JSON"_s;
        QTest::newRow("not an object") << "[1]"_ba << u"expected a JSON object"_s;
        QTest::newRow("no format") << json("{'fields': {'externalId': 'id'}}") << u"format: expected 1"_s;
        QTest::newRow("a newer format") << json("{'format': 2, 'fields': {'externalId': 'id'}}")
                                        << u"format: expected 1"_s;
        QTest::newRow("an unknown top-level key")
            << json("{'format': 1, 'feilds': {}}") << u"the mapping: unknown key \"feilds\""_s;
        QTest::newRow("no fields") << json("{'format': 1}") << u"fields: expected an object"_s;
        QTest::newRow("no externalId") << json("{'format': 1, 'fields': {'claimNumber': 'Claim'}}")
                                       << u"fields: externalId must be mapped"_s;
        QTest::newRow("an unknown field, with the known ones listed")
            << json("{'format': 1, 'fields': {'externalId': 'id', 'claimNo': 'Claim'}}")
            << u"fields: \"claimNo\" is not a work-item field (known: externalId, queue, status, closeReason, "
               "priority, claimNumber, accountNumber, patientDisplayName, payerId, payerName, facilityId, serviceFrom, "
               "serviceTo, billed, balance, atRisk, groupCode, carc, rarcs, denialCategory, timelyFilingDeadline, "
               "appealDeadline, dueDate)"_s;
        QTest::newRow("an encoding nobody knows")
            << json("{'format': 1, 'encoding': 'klingon-8', 'fields': {'externalId': 'id'}}")
            << u"encoding: \"klingon-8\" is not a text encoding this system knows"_s;
        QTest::newRow("a two-character delimiter")
            << json("{'format': 1, 'delimiter': ',,', 'fields': {'externalId': 'id'}}")
            << u"delimiter: expected one character"_s;
        QTest::newRow("a misspelt option") << json("{'format': 1, 'fields': {'externalId': {'colum': 'id'}}}")
                                           << u"fields.externalId: unknown key \"colum\""_s;
        QTest::newRow("both column and value")
            << json("{'format': 1, 'fields': {'externalId': 'id', 'queue': {'column': 'Q', 'value': 'denial'}}}")
            << u"fields.queue: give either \"column\""_s;
        QTest::newRow("split on a text field")
            << json("{'format': 1, 'fields': {'externalId': {'column': 'id', 'split': ';'}}}")
            << u"fields.externalId.split: expected a non-empty separator, on a list field"_s;
        QTest::newRow("dateFormats on an amount")
            << json("{'format': 1, 'fields': {'externalId': 'id', 'billed': {'column': 'B', 'dateFormats': ['yyyy']}}}")
            << u"fields.billed.dateFormats: applies only to a date field"_s;
        QTest::newRow("a two-digit year")
            << json("{'format': 1, 'dateFormats': ['MM/dd/yy'], 'fields': {'externalId': 'id'}}")
            << u"dateFormats: \"MM/dd/yy\" has a two-digit year"_s;
        QTest::newRow("a pattern that does not compile")
            << json("{'format': 1, 'fields': {'externalId': 'id', 'carc': {'column': 'C', 'pattern': '(['}}}")
            << u"fields.carc.pattern: not a valid regular expression"_s;
        QTest::newRow("a default without a table")
            << json("{'format': 1, 'fields': {'externalId': 'id', 'priority': {'column': 'P', 'default': 'normal'}}}")
            << u"fields.priority.default: expected a string, beside a \"values\" table"_s;
        QTest::newRow("a constant amount that is not one")
            << json("{'format': 1, 'fields': {'externalId': 'id', 'billed': {'value': 'lots'}}}")
            << u"fields.billed.value: \"lots\" is not an amount"_s;
    }
    void mappingErrorsAreFoundBeforeAnyRowIsRead()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const QString actual = mappingError(json);
        QVERIFY2(actual.startsWith(error), qPrintable(actual));
    }

    void aWindows1252ExtractKeepsItsAccents()
    {
        const QByteArray mapping = json("{'format': 1, 'encoding': 'windows-1252', 'fields': {"
                                        " 'externalId': 'Denial ID', 'patientDisplayName': 'Patient',"
                                        " 'payerName': 'Payer'}}");
        // "\xF1" is "ñ", "\xE9" "é" and "\xC9" "É" in windows-1252; "\xC9" "D" is split so that the
        // compiler does not read "\xC9D" as one escape.
        const QByteArray csv = "Denial ID,Patient,Payer\r\n"
                               "DNL-1,\"TESTPATIENT, Se\xF1or Caf\xE9\",CAJA M\xC9"
                               "DICA\r\n"_ba;
        const Outcome outcome = readExtract(csv, mapping);
        QCOMPARE(outcome.badMessages(), QStringList());
        QCOMPARE(outcome.rows.size(), 1);
        QCOMPARE(outcome.rows.front().item.value(u"patientDisplayName"_s).toString(), u"TESTPATIENT, Señor Café"_s);
        QCOMPARE(outcome.rows.front().item.value(u"payerName"_s).toString(), u"CAJA MÉDICA"_s);

        // The same bytes under the default UTF-8 are refused rather than imported garbled.
        QByteArray utf8Mapping = mapping;
        utf8Mapping.replace("windows-1252", "UTF-8");
        const Outcome garbled = readExtract(csv, utf8Mapping);
        QVERIFY(garbled.rows.isEmpty());
        QCOMPARE(garbled.badMessages(),
                 QStringList {u"line 2: the line holds bytes that are not UTF-8 text (is the encoding right?)"_s});
    }

    void aTabDelimitedExtractIsRead()
    {
        const QByteArray mapping
            = json("{'format': 1, 'delimiter': '\\t', 'fields': {'externalId': 'id', 'payerName': 'payer'}}");
        const Outcome outcome = readExtract("id\tpayer\nA\tEXAMPLE MUTUAL, INC.\n"_ba, mapping);
        QCOMPARE(outcome.rows.size(), 1);
        QCOMPARE(outcome.rows.front().item.value(u"payerName"_s).toString(), u"EXAMPLE MUTUAL, INC."_s);
    }

    void theSampleWorklistReadsWithTheSampleMapping()
    {
        QFile mappingFile(QStringLiteral(RCM_EXTRACTS_DIR "/denial-worklist.mapping.json"));
        QVERIFY2(mappingFile.open(QIODevice::ReadOnly), qPrintable(mappingFile.fileName()));
        QString error;
        const std::optional<ExtractMapping> mapping = ExtractMapping::fromJson(mappingFile.readAll(), &error);
        QVERIFY2(mapping, qPrintable(error));
        QFile csv(QStringLiteral(RCM_EXTRACTS_DIR "/denial-worklist-sample.csv"));
        QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(csv.fileName()));
        const Outcome outcome = readExtract(csv, *mapping);
        QCOMPARE(outcome.headerError, QString());
        QCOMPARE(outcome.badMessages(), QStringList());
        QCOMPARE(outcome.rows.size(), 20);

        const QJsonObject second {
            {u"externalId"_s, u"DNL-2026-000102"_s},
            {u"queue"_s, u"denial"_s},
            {u"status"_s, u"open"_s},
            {u"priority"_s, u"urgent"_s},
            {u"accountNumber"_s, u"A100000102"_s},
            {u"claimNumber"_s, u"RGH2000000102"_s},
            {u"patientDisplayName"_s, u"TESTPATIENT, BRAVO"_s},
            {u"payerId"_s, u"99902"_s},
            {u"payerName"_s, u"EXAMPLE MUTUAL, INC."_s},
            {u"facilityId"_s, u"RGH"_s},
            {u"serviceFrom"_s, u"2026-09-03"_s},
            {u"serviceTo"_s, u"2026-09-05"_s},
            {u"billed"_s, u"18420.75"_s},
            {u"balance"_s, u"18420.75"_s},
            {u"atRisk"_s, u"18420.75"_s},
            {u"groupCode"_s, u"CO"_s},
            {u"carc"_s, u"50"_s},
            {u"rarcs"_s, QJsonArray {u"M127"_s, u"N290"_s}},
            {u"appealDeadline"_s, u"2026-12-02"_s},
        };
        QCOMPARE(outcome.rows.at(1).item, second);
        QCOMPARE(outcome.rows.at(1).line, 3);

        const QJsonObject third = outcome.rows.at(2).item; // dates written M/d/yyyy
        QCOMPARE(third.value(u"serviceFrom"_s).toString(), u"2026-09-04"_s);
        const QJsonObject fourth = outcome.rows.at(3).item; // patient responsibility, no remark codes
        QCOMPARE(fourth.value(u"groupCode"_s).toString(), u"PR"_s);
        QVERIFY(!fourth.contains(u"rarcs"_s));
        const QJsonObject sixth = outcome.rows.at(5).item; // no priority given
        QVERIFY(!sixth.contains(u"priority"_s));
        const QJsonObject seventh = outcome.rows.at(6).item;
        QCOMPARE(seventh.value(u"status"_s).toString(), u"closed"_s);
        QCOMPARE(seventh.value(u"balance"_s).toString(), u"0.00"_s);
        const QJsonObject credit = outcome.rows.at(16).item;
        QCOMPARE(credit.value(u"balance"_s).toString(), u"-15.00"_s);
        int closed = 0;
        for (const ExtractReader::Row &row : outcome.rows)
            closed += row.item.value(u"status"_s).toString() == u"closed"_s ? 1 : 0;
        QCOMPARE(closed, 1);
    }

    void aGeneratedTenThousandRowExtractIsReadCompletely()
    {
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        QFile file(directory.filePath(u"worklist.csv"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Denial ID,Claim Number,Total Charges,DOS From,Work Status,Remark Codes,Notes\r\n");
        for (int index = 1; index <= 10'000; ++index) {
            // Every hundredth row has a two-line note, which the mapping ignores.
            const QByteArray note = index % 100 == 0 ? "\"called payer,\r\nno answer\""_ba : "\"\""_ba;
            file.write("DNL-" + QByteArray::number(index) + ",C-" + QByteArray::number(index) + ",\"$1,"
                       + QByteArray::number(100 + index % 900) + ".25\",01/" + QByteArray::number(10 + index % 19)
                       + "/2026," + (index % 2 ? "OPEN" : "PENDING") + ",N54 M127," + note + "\r\n");
        }
        file.close();

        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        QByteArray json = denialMapping;
        const std::optional<ExtractMapping> mapping = ExtractMapping::fromJson(json, &error);
        QVERIFY2(mapping, qPrintable(error));
        ExtractReader reader(file, *mapping);
        QVERIFY2(reader.readHeader(&error), qPrintable(error));
        ExtractReader::Row row;
        ExtractReader::BadRow bad;
        QList<ExtractReader::Row> kept;
        int rows = 0;
        ExtractReader::Next next;
        while ((next = reader.next(&row, &bad)) == ExtractReader::Next::Row) {
            ++rows;
            if (rows == 1 || rows == 100 || rows == 101 || rows == 5'000 || rows == 10'000)
                kept.append(row);
        }
        QCOMPARE(next, ExtractReader::Next::End);
        QCOMPARE(rows, 10'000);
        QCOMPARE(reader.bytesRead(), file.size());

        QCOMPARE(kept.at(0).line, 2);
        QCOMPARE(kept.at(0).item.value(u"externalId"_s).toString(), u"DNL-1"_s);
        QCOMPARE(kept.at(0).item.value(u"billed"_s).toString(), u"1101.25"_s);
        QCOMPARE(kept.at(0).item.value(u"serviceFrom"_s).toString(), u"2026-01-11"_s);
        QCOMPARE(kept.at(1).line, 101);
        QCOMPARE(kept.at(2).line, 103); // row 100's note took two lines
        QCOMPARE(kept.at(3).item.value(u"externalId"_s).toString(), u"DNL-5000"_s);
        QCOMPARE(kept.at(3).line, 5'050);
        QCOMPARE(kept.at(3).item.value(u"billed"_s).toString(), u"1600.25"_s);
        QCOMPARE(kept.at(3).item.value(u"status"_s).toString(), u"open"_s);
        QCOMPARE(kept.at(4).item.value(u"externalId"_s).toString(), u"DNL-10000"_s);
        QCOMPARE(kept.at(4).item.value(u"claimNumber"_s).toString(), u"C-10000"_s);
        QCOMPARE(kept.at(4).line, 10'100);
    }
};

QTEST_GUILESS_MAIN(TestExtractReader)
#include "test_extractreader.moc"
