// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The CSV layer of the extract reader on crafted bytes: RFC 4180 quoting, line endings,
// line numbers, encodings, and chunk boundaries placed everywhere a small chunk size can.
#include "services/ingest/csvreader.h"

#include <QBuffer>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::ingest;

namespace {

QList<CsvRecord> readAll(const QByteArray &bytes, const CsvDialect &dialect = {},
                         qsizetype chunkSize = CsvReader::defaultChunkSize)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(buffer, dialect, chunkSize);
    QList<CsvRecord> records;
    CsvRecord record;
    while (reader.next(&record))
        records.append(record);
    return records;
}

QList<QStringList> cellsOf(const QList<CsvRecord> &records)
{
    QList<QStringList> cells;
    for (const CsvRecord &record : records)
        cells.append(record.cells);
    return cells;
}

QList<qint64> linesOf(const QList<CsvRecord> &records)
{
    QList<qint64> lines;
    for (const CsvRecord &record : records)
        lines.append(record.line);
    return lines;
}

QStringList errorsOf(const QList<CsvRecord> &records)
{
    QStringList errors;
    for (const CsvRecord &record : records)
        errors.append(record.error);
    return errors;
}

/// A pipe-like device that hands out at most three bytes per read, whatever is asked for.
class TricklingDevice final : public QIODevice
{
public:
    explicit TricklingDevice(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_bytes.size() - m_position + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min({maxSize, qint64(3), qint64(m_bytes.size() - m_position)});
        std::memcpy(data, m_bytes.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_position = 0;
};

/// A device whose reads fail once it has handed out the bytes it was given, as a file on
/// a network share can.
class FailingDevice final : public QIODevice
{
public:
    explicit FailingDevice(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        if (m_position == m_bytes.size()) {
            setErrorString(u"Input/output error"_s);
            return -1;
        }
        const qint64 count = std::min(maxSize, qint64(m_bytes.size() - m_position));
        std::memcpy(data, m_bytes.constData() + m_position, size_t(count));
        m_position += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_position = 0;
};

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cellsAreReadAsRfc4180Writes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QList<QStringList>>("cells");
        QTest::newRow("plain") << "a,b,c\n1,2,3\n"_ba
                               << QList<QStringList> {{u"a"_s, u"b"_s, u"c"_s}, {u"1"_s, u"2"_s, u"3"_s}};
        QTest::newRow("a delimiter inside quotes")
            << "\"TESTPATIENT, ALPHA\",2\n"_ba << QList<QStringList> {{u"TESTPATIENT, ALPHA"_s, u"2"_s}};
        QTest::newRow("doubled quotes") << "\"say \"\"hi\"\"\",x\n"_ba
                                        << QList<QStringList> {{u"say \"hi\""_s, u"x"_s}};
        QTest::newRow("a line break inside quotes")
            << "\"one\ntwo\",x\n"_ba << QList<QStringList> {{u"one\ntwo"_s, u"x"_s}};
        QTest::newRow("CRLF") << "a,b\r\n1,2\r\n"_ba << QList<QStringList> {{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
        QTest::newRow("CRLF inside quotes is kept")
            << "\"one\r\ntwo\",x\r\n"_ba << QList<QStringList> {{u"one\r\ntwo"_s, u"x"_s}};
        QTest::newRow("a lone CR ends a line")
            << "a,b\r1,2\r"_ba << QList<QStringList> {{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
        QTest::newRow("no line break after the last line")
            << "a,b\n1,2"_ba << QList<QStringList> {{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
        QTest::newRow("a quoted last cell at the end of the file")
            << "a,\"b\""_ba << QList<QStringList> {{u"a"_s, u"b"_s}};
        QTest::newRow("blank lines are skipped")
            << "\n\na,b\n\n\r\n1,2\n\n"_ba << QList<QStringList> {{u"a"_s, u"b"_s}, {u"1"_s, u"2"_s}};
        QTest::newRow("empty cells") << ",,\n"_ba << QList<QStringList> {{QString(), QString(), QString()}};
        QTest::newRow("a delimiter at the very end") << "a,b,"_ba << QList<QStringList> {{u"a"_s, u"b"_s, QString()}};
        QTest::newRow("an empty quoted cell") << "\"\",x\n"_ba << QList<QStringList> {{QString(), u"x"_s}};
        QTest::newRow("a quote inside a plain cell is text")
            << "5\" tall,x\n"_ba << QList<QStringList> {{u"5\" tall"_s, u"x"_s}};
        QTest::newRow("spaces are kept; trimming is the mapping's business")
            << " a , b \n"_ba << QList<QStringList> {{u" a "_s, u" b "_s}};
        QTest::newRow("spaces after a closing quote are let pass")
            << "\"a\"  ,b\n"_ba << QList<QStringList> {{u"a"_s, u"b"_s}};
        QTest::newRow("an empty file") << QByteArray() << QList<QStringList> {};
    }
    void cellsAreReadAsRfc4180Writes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QList<QStringList>, cells);
        const QList<CsvRecord> records = readAll(bytes);
        QCOMPARE(cellsOf(records), cells);
        for (const CsvRecord &record : records)
            QCOMPARE(record.error, QString());
    }

    void eachRecordKnowsThePhysicalLineItStartsOn()
    {
        const QByteArray bytes = "Denial ID,Notes\n"
                                 "D-1,\"first line\nsecond line\nthird line\"\n"
                                 "\n"
                                 "D-2,x\r\n"
                                 "D-3,\"a\r\nb\"\r\n"
                                 "D-4,y"_ba;
        const QList<CsvRecord> records = readAll(bytes);
        QCOMPARE(linesOf(records), (QList<qint64> {1, 2, 6, 7, 9}));
        QCOMPARE(records.at(1).cells.at(1), u"first line\nsecond line\nthird line"_s);
    }

    void aByteOrderMarkIsSkipped()
    {
        const QList<CsvRecord> records = readAll("\xEF\xBB\xBF"
                                                 "Denial ID,Claim #\nD-1,C-1\n"_ba);
        QCOMPARE(cellsOf(records), (QList<QStringList> {{u"Denial ID"_s, u"Claim #"_s}, {u"D-1"_s, u"C-1"_s}}));
    }

    void windows1252TextIsDecoded()
    {
        QVERIFY2(CsvDialect::isKnownEncoding(u"windows-1252"_s), "this Qt cannot decode windows-1252 (no ICU?)");
        const QList<CsvRecord> records = readAll("Caf\xE9,Se\xF1or\n"_ba, CsvDialect {u"windows-1252"_s, u','});
        QCOMPARE(cellsOf(records), (QList<QStringList> {{u"Café"_s, u"Señor"_s}}));
        QCOMPARE(records.front().error, QString());
    }

    void bytesThatAreNotTheEncodingMarkOnlyTheirOwnRecord()
    {
        // "é" written by a windows-1252 system, read as UTF-8.
        const QList<CsvRecord> records = readAll("a,b\nCaf\xE9,x\nc,d\n"_ba);
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).error, QString());
        QVERIFY2(records.at(1).error.contains(u"not UTF-8 text"_s), qPrintable(records.at(1).error));
        QCOMPARE(records.at(2).error, QString());
        QCOMPARE(records.at(2).cells, (QStringList {u"c"_s, u"d"_s}));
    }

    void aCharacterSplitAcrossChunksSurvives_data()
    {
        QTest::addColumn<qsizetype>("chunkSize");
        for (qsizetype size : {1, 2, 3, 4, 5, 7, 11})
            QTest::addRow("%lld-byte chunks", qlonglong(size)) << size;
    }
    void aCharacterSplitAcrossChunksSurvives()
    {
        QFETCH(qsizetype, chunkSize);
        // Two-, three- and four-byte UTF-8 characters, and a byte order mark cut too.
        const QString text = u"Ñandú,€ 12,𝄞 clef\nmañana,Zoë,日本\n"_s;
        const QList<CsvRecord> records = readAll("\xEF\xBB\xBF"_ba + text.toUtf8(), {}, chunkSize);
        QCOMPARE(cellsOf(records),
                 (QList<QStringList> {{u"Ñandú"_s, u"€ 12"_s, u"𝄞 clef"_s}, {u"mañana"_s, u"Zoë"_s, u"日本"_s}}));
        QCOMPARE(errorsOf(records), (QStringList {QString(), QString()}));
    }

    void aQuotedCellSplitAcrossChunksSurvives_data()
    {
        QTest::addColumn<qsizetype>("chunkSize");
        for (qsizetype size = 1; size <= 13; ++size)
            QTest::addRow("%lld-byte chunks", qlonglong(size)) << size;
    }
    void aQuotedCellSplitAcrossChunksSurvives()
    {
        QFETCH(qsizetype, chunkSize);
        const QByteArray bytes = "id,note\r\n"
                                 "1,\"a, \"\"quoted\"\"\r\nnote\"\r\n"
                                 "2,\"\"\"\"\r\n"
                                 "3,\"x\ny\"\n"_ba;
        const QList<CsvRecord> records = readAll(bytes, {}, chunkSize);
        QCOMPARE(
            cellsOf(records),
            (QList<QStringList> {
                {u"id"_s, u"note"_s}, {u"1"_s, u"a, \"quoted\"\r\nnote"_s}, {u"2"_s, u"\""_s}, {u"3"_s, u"x\ny"_s}}));
        QCOMPARE(linesOf(records), (QList<qint64> {1, 2, 4, 5}));
        QCOMPARE(errorsOf(records), (QStringList {QString(), QString(), QString(), QString()}));
    }

    void aDeviceThatHandsOutFewBytesAtATimeReadsTheSame()
    {
        TricklingDevice device("id,name\r\n1,\"TESTPATIENT, ALPHA\"\r\n2,\"Zoë\"\r\n"_ba);
        CsvReader reader(device);
        QList<CsvRecord> records;
        CsvRecord record;
        while (reader.next(&record))
            records.append(record);
        QCOMPARE(cellsOf(records),
                 (QList<QStringList> {{u"id"_s, u"name"_s}, {u"1"_s, u"TESTPATIENT, ALPHA"_s}, {u"2"_s, u"Zoë"_s}}));
    }

    void aReadThatFailsIsAnErrorForTheRowItCutShort()
    {
        FailingDevice device("id,name\n1,one\n2,tw"_ba);
        CsvReader reader(device, {}, 4);
        QList<CsvRecord> records;
        CsvRecord record;
        while (reader.next(&record))
            records.append(record);
        QCOMPARE(cellsOf(records).mid(0, 2), (QList<QStringList> {{u"id"_s, u"name"_s}, {u"1"_s, u"one"_s}}));
        QCOMPARE(errorsOf(records),
                 (QStringList {QString(), QString(), u"the file could not be read further: Input/output error"_s}));
        QCOMPARE(records.at(2).line, 3);
    }

    void anUnclosedQuoteIsAnErrorForItsRecordAndEndsTheFile()
    {
        const QList<CsvRecord> records = readAll("a,b\n1,\"never closed\n2,3\n"_ba);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).error, QString());
        QCOMPARE(records.at(1).line, 2);
        QCOMPARE(records.at(1).error, u"a quoted cell is not closed before the end of the file"_s);
    }

    void textAfterAClosingQuoteIsAnErrorAndReadingGoesOn()
    {
        const QList<CsvRecord> records = readAll("\"TESTPATIENT\" ALPHA,x\nb,c\n"_ba);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).error, u"a quoted cell has text after its closing quote"_s);
        QCOMPARE(records.at(1).cells, (QStringList {u"b"_s, u"c"_s}));
        QCOMPARE(records.at(1).error, QString());
    }

    void aRecordLongerThanTheLimitIsAnErrorRatherThanAllTheMemory()
    {
        const QByteArray bytes = "a,b\n1,\""_ba + QByteArray(CsvReader::maximumRecordLength + 10, 'x') + "\n2,3\n"_ba;
        const QList<CsvRecord> records = readAll(bytes);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(1).line, 2);
        QVERIFY2(records.at(1).error.contains(u"longer than"_s), qPrintable(records.at(1).error));
    }

    void otherDelimitersWork_data()
    {
        QTest::addColumn<QChar>("delimiter");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("tab") << QChar(u'\t') << "a\t\"b\tc\"\t,d\n"_ba;
        QTest::newRow("semicolon") << QChar(u';') << "a;\"b;c\";,d\n"_ba;
        QTest::newRow("pipe") << QChar(u'|') << "a|\"b|c\"|,d\n"_ba;
    }
    void otherDelimitersWork()
    {
        QFETCH(QChar, delimiter);
        QFETCH(QByteArray, bytes);
        const QString quoted = u"b"_s + delimiter + u"c"_s;
        QCOMPARE(cellsOf(readAll(bytes, CsvDialect {u"UTF-8"_s, delimiter})),
                 (QList<QStringList> {{u"a"_s, quoted, u",d"_s}}));
    }

    void bytesReadRunsUpToTheFileSize()
    {
        const QByteArray bytes = "id,name\n1,one\n2,two\n3,three\n"_ba;
        QBuffer buffer;
        buffer.setData(bytes);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(buffer, {}, 8);
        QCOMPARE(reader.bytesRead(), 0);
        CsvRecord record;
        QVERIFY(reader.next(&record));
        QVERIFY(reader.bytesRead() > 0);
        QVERIFY(reader.bytesRead() < bytes.size());
        while (reader.next(&record)) { }
        QCOMPARE(reader.bytesRead(), bytes.size());
    }

    void anUnknownEncodingIsOneErrorNotGarbledRows()
    {
        QVERIFY(!CsvDialect::isKnownEncoding(u"klingon-8"_s));
        QVERIFY(!CsvDialect::isKnownEncoding(QString()));
        const QList<CsvRecord> records = readAll("a,b\n1,2\n"_ba, CsvDialect {u"klingon-8"_s, u','});
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.front().error, u"\"klingon-8\" is not a text encoding this system knows"_s);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "test_csvreader.moc"
