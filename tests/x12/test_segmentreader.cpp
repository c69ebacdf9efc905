// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The X12 tokenizer read ahead on its own thread (a random-access device larger than a
// chunk) against the same bytes read inline (a sequential device): the same segments,
// numbers, delimiters, defects and byte counts, across chunk and batch boundaries,
// delimiter changes, over-long segments and a file cut short; and a reader dropped
// halfway through a large file stops its thread.
#include "services/x12/segmentreader.h"

#include <QBuffer>
#include <QTest>

#include <algorithm>
#include <cstring>

using namespace Qt::Literals::StringLiterals;
using namespace rcm::x12;

namespace {

constexpr qsizetype chunk = 4096;

/// Bytes behind a sequential device (as a socket or a pipe is), which the reader reads inline.
class SequentialBytes final : public QIODevice
{
public:
    explicit SequentialBytes(QByteArray bytes)
        : m_bytes(std::move(bytes))
    { }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 count = std::min<qint64>(maxSize, m_bytes.size() - m_offset);
        std::memcpy(data, m_bytes.constData() + m_offset, std::size_t(count));
        m_offset += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_bytes;
    qint64 m_offset = 0;
};

QByteArray isa(char element, char component, char terminator)
{
    QByteArray header = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260102*1200*^*00501"
                        "*000000905*0*T*"
        + QByteArray(1, component) + QByteArray(1, terminator);
    header.replace('*', element);
    return header;
}

/// Interchanges with changing delimiters and line breaks, segments of every length
/// (runs of empty ones, one with more elements than are kept), about size bytes.
QByteArray mixedFile(qsizetype size)
{
    const char elements[] = {'*', '|', '^'};
    const char terminators[] = {'~', '\n', '!'};
    QByteArray file;
    for (int interchange = 0; file.size() < size; ++interchange) {
        const char element = elements[interchange % 3];
        const char terminator = terminators[interchange % 3];
        const QByteArray end = terminator == '\n' ? QByteArray("\r\n") : QByteArray(1, terminator) + "\r\n";
        file += isa(element, ':', terminator) + "\r\n";
        for (int segment = 0; segment < 400; ++segment) {
            QByteArray line = "S" + QByteArray::number(segment % 7);
            for (int index = 0; index < segment % 9; ++index)
                line += QByteArray(1, element) + QByteArray(std::size_t(index * segment % 23), 'A');
            file += line + end;
        }
        file += "WIDE" + QByteArray(70, element) + end; // more elements than a segment keeps
        file += QByteArray(200, terminator == '\n' ? '\r' : terminator); // empty segments
        file += "\r\nIEA" + QByteArray(1, element) + "1" + end;
    }
    return file;
}

struct Reading
{
    QList<QByteArray> segments; ///< number, delimiters and elements, one string each
    QList<Defect> defects;
    qint64 count = 0;
    qint64 consumed = 0;
};

Reading readAll(QIODevice *device)
{
    Reading reading;
    SegmentReader reader(device, chunk);
    Segment segment;
    while (reader.next(segment) == SegmentReader::Result::Segment) {
        const Delimiters delimiters = reader.delimiters();
        QByteArray text = QByteArray::number(segment.number()) + ' ' + delimiters.element + delimiters.segment + ' '
            + QByteArray::number(segment.tag());
        for (int index = 0; index < segment.elementCount(); ++index)
            text += '[' + segment.element(index).toByteArray() + ']';
        reading.segments.append(text);
    }
    reading.defects = reader.takeDefects();
    reading.count = reader.segmentCount();
    reading.consumed = reader.bytesConsumed();
    return reading;
}

Reading readAhead(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readAll(&buffer);
}

Reading readInline(const QByteArray &bytes)
{
    SequentialBytes device(bytes);
    device.open(QIODevice::ReadOnly);
    return readAll(&device);
}

} // namespace

class TestSegmentReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readingAheadReadsWhatReadingInlineReads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        const QByteArray mixed = mixedFile(300 * chunk);
        QTest::newRow("interchanges of three delimiter sets") << mixed;
        QTest::newRow("cut short in a segment") << mixed.left(mixed.size() - 7);
        QTest::newRow("a segment longer than a chunk")
            << mixed.left(100 * chunk) + "LONG*" + QByteArray(chunk + 10, 'X') + "~" + mixed.mid(100 * chunk);
        // Thousands of one-byte segments fill a batch's records before its bytes.
        QTest::newRow("empty segments") << isa('*', ':', '~') + QByteArray(20 * chunk, '~');
        // Every other byte a separator fills a batch's bounds before its bytes.
        QByteArray separators = isa('*', ':', '~');
        for (int segment = 0; segment < 3000; ++segment)
            separators += "SEP" + QByteArray(40, '*') + "~";
        QTest::newRow("separators") << separators;
        QTest::newRow("no ISA") << QByteArray(10 * chunk, 'x');
    }

    void readingAheadReadsWhatReadingInlineReads()
    {
        QFETCH(QByteArray, bytes);
        const Reading inlineRead = readInline(bytes);
        const Reading ahead = readAhead(bytes);
        QVERIFY(!inlineRead.segments.isEmpty() || !inlineRead.defects.isEmpty());
        QCOMPARE(ahead.segments.size(), inlineRead.segments.size());
        QCOMPARE(ahead.segments, inlineRead.segments);
        QCOMPARE(ahead.defects, inlineRead.defects);
        QCOMPARE(ahead.count, inlineRead.count);
        QCOMPARE(ahead.count, qint64(inlineRead.segments.size()));
        QCOMPARE(ahead.consumed, inlineRead.consumed);
    }

    void theSegmentsAreTheFilesOwn()
    {
        // Spot checks against the bytes themselves, so that both modes being wrong alike fails.
        const QByteArray bytes = mixedFile(50 * chunk);
        const Reading ahead = readAhead(bytes);
        QVERIFY(ahead.segments.size() > 5000);
        QCOMPARE(ahead.segments.at(0).left(12), QByteArray("1 *~ 4805441")); // ISA, '*', '~'
        QVERIFY(ahead.segments.at(0).endsWith("[0][T][:]"));
        QCOMPARE(ahead.segments.at(3), QByteArray("4 *~ 21298[S2][][AA]")); // ISA, S0, S1, S2
        QCOMPARE(ahead.consumed, bytes.size());
        const QList<Defect> tooMany = ahead.defects;
        QVERIFY(!tooMany.isEmpty());
        QCOMPARE(tooMany.constFirst().code, defectcode::SegmentTooManyElements);
        QCOMPARE(tooMany.constFirst().segmentNumber, qint64(402)); // ISA (1), 400 segments (2 to 401), WIDE
        // The '|' interchange's segments carry its delimiters.
        const auto second = std::find_if(ahead.segments.cbegin(), ahead.segments.cend(),
                                         [](const QByteArray &segment) { return segment.contains(" |\n "); });
        QVERIFY(second != ahead.segments.cend());
        QVERIFY(second - ahead.segments.cbegin() > 400);
        QVERIFY(second->contains("[ISA]"));
    }

    void aReaderDroppedHalfwayStopsItsThread()
    {
        QBuffer buffer;
        buffer.setData(mixedFile(400 * chunk));
        buffer.open(QIODevice::ReadOnly);
        for (int stopAfter : {0, 1, 5000}) {
            buffer.seek(0);
            SegmentReader reader(&buffer, chunk);
            Segment segment;
            for (int read = 0; read < stopAfter; ++read)
                QCOMPARE(reader.next(segment), SegmentReader::Result::Segment);
            // The reader's destructor must return although its thread waits for a free batch.
        }
    }
};

QTEST_GUILESS_MAIN(TestSegmentReader)
#include "test_segmentreader.moc"
