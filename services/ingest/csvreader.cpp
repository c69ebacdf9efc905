// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/ingest/csvreader.h"

#include <QIODevice>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ingest {

namespace {

constexpr char16_t byteOrderMark = 0xFEFF;
constexpr char16_t replacementCharacter = 0xFFFD;

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r';
}

} // namespace

bool CsvDialect::isKnownEncoding(const QString &name)
{
    return !name.isEmpty() && QStringDecoder(name.toLatin1().constData()).isValid();
}

CsvReader::CsvReader(QIODevice &device, const CsvDialect &dialect, qsizetype chunkSize)
    : m_device(device)
    , m_encoding(dialect.encoding)
    , m_decoder(dialect.encoding.toLatin1().constData())
    , m_delimiter(dialect.delimiter)
    , m_chunkSize(chunkSize > 0 ? chunkSize : defaultChunkSize)
{ }

bool CsvReader::next(CsvRecord *record)
{
    record->cells.clear();
    record->error.clear();
    record->line = m_line;
    if (m_stopped)
        return false;
    if (!m_decoder.isValid()) {
        m_stopped = true;
        record->error = u"\"%1\" is not a text encoding this system knows"_s.arg(m_encoding);
        return true;
    }
    while (available() && isLineBreak(m_text.at(m_position)))
        skipLineBreak(); // blank lines
    record->line = m_line;
    m_recordLength = 0;
    if (!available()) {
        if (m_readError.isEmpty())
            return false;
        record->error = u"the file could not be read further: %1"_s.arg(m_readError);
        m_stopped = true;
        return true;
    }

    QString cell;
    for (;;) {
        cell.clear();
        if (m_text.at(m_position) == u'"')
            readQuotedCell(cell, record);
        else
            readPlainCell(cell);
        record->cells.append(cell);
        if (m_stopped || !withinLimit(cell.size(), record))
            break;
        m_recordLength += cell.size();
        if (!available())
            break;
        if (m_text.at(m_position) != m_delimiter) {
            skipLineBreak();
            break;
        }
        ++m_position;
        if (!available()) {
            record->cells.append(QString()); // "a,b," at the very end of the file
            break;
        }
    }
    if (!m_readError.isEmpty() && !m_stopped) {
        record->error = u"the file could not be read further: %1"_s.arg(m_readError);
        m_stopped = true;
    }
    checkDecoding(record);
    return true;
}

bool CsvReader::fill()
{
    if (m_atEnd)
        return false;
    m_text.remove(0, m_position);
    m_position = 0;
    m_bytes.resize(m_chunkSize);
    for (;;) {
        const qint64 count = m_device.read(m_bytes.data(), m_chunkSize);
        if (count < 0) {
            m_readError = m_device.errorString();
            m_atEnd = true;
            return false;
        }
        if (count == 0) {
            if (m_device.atEnd() || !m_device.waitForReadyRead(-1)) {
                m_atEnd = true;
                return false;
            }
            continue;
        }
        m_bytesRead += count;
        const QByteArrayView bytes(m_bytes.constData(), count);
        const qsizetype kept = m_text.size();
        m_text.resize(kept + m_decoder.requiredSpace(bytes.size()));
        const QChar *end = m_decoder.appendToBuffer(m_text.data() + kept, bytes);
        m_text.truncate(end - m_text.constData());
        if (!m_startChecked && !m_text.isEmpty()) {
            // Qt's UTF-8 and UTF-16 decoders drop the mark themselves; others may keep it.
            if (m_text.front() == QChar(byteOrderMark))
                m_text.remove(0, 1);
            m_startChecked = true;
        }
        if (m_position < m_text.size())
            return true; // else the chunk ended inside a character: read on
    }
}

bool CsvReader::skipLineBreak()
{
    const QChar first = m_text.at(m_position++);
    ++m_line;
    if (first == u'\r' && available() && m_text.at(m_position) == u'\n') {
        ++m_position;
        return true;
    }
    return false;
}

void CsvReader::readPlainCell(QString &cell)
{
    for (;;) {
        const QChar *data = m_text.constData();
        const qsizetype size = m_text.size();
        qsizetype end = m_position;
        while (end < size && data[end] != m_delimiter && !isLineBreak(data[end]))
            ++end;
        cell.append(QStringView(data + m_position, end - m_position));
        m_position = end;
        if (end < size || cell.size() > maximumRecordLength || !fill())
            return;
    }
}

void CsvReader::readQuotedCell(QString &cell, CsvRecord *record)
{
    ++m_position; // the opening quote
    for (;;) {
        if (!available()) {
            record->error = u"a quoted cell is not closed before the end of the file"_s;
            m_stopped = true;
            return;
        }
        const QChar *data = m_text.constData();
        const qsizetype size = m_text.size();
        qsizetype end = m_position;
        while (end < size && data[end] != u'"' && !isLineBreak(data[end]))
            ++end;
        cell.append(QStringView(data + m_position, end - m_position));
        m_position = end;
        if (!withinLimit(cell.size(), record))
            return;
        if (end == size)
            continue;
        if (isLineBreak(data[end])) {
            // Kept as written; skipLineBreak() may refill the buffer, so data is read first.
            cell.append(data[end]);
            if (skipLineBreak())
                cell.append(u'\n');
            continue;
        }
        ++m_position; // a quote: doubled, or the closing one
        if (available() && m_text.at(m_position) == u'"') {
            cell.append(u'"');
            ++m_position;
            continue;
        }
        break;
    }
    // Only the delimiter or a line break may follow the closing quote; spaces are let pass.
    while (available() && m_text.at(m_position) != m_delimiter && !isLineBreak(m_text.at(m_position))) {
        if (!m_text.at(m_position).isSpace() && record->error.isEmpty())
            record->error = u"a quoted cell has text after its closing quote"_s;
        ++m_position;
    }
}

bool CsvReader::withinLimit(qsizetype cellLength, CsvRecord *record)
{
    if (m_recordLength + cellLength <= maximumRecordLength)
        return true;
    record->error
        = u"the record is longer than %1 characters (a quote that is never closed?)"_s.arg(maximumRecordLength);
    m_stopped = true;
    return false;
}

void CsvReader::checkDecoding(CsvRecord *record) const
{
    if (!m_decoder.hasError() || !record->error.isEmpty())
        return;
    for (const QString &cell : std::as_const(record->cells)) {
        if (cell.contains(QChar(replacementCharacter))) {
            record->error = u"the line holds bytes that are not %1 text (is the encoding right?)"_s.arg(m_encoding);
            return;
        }
    }
}

} // namespace rcm::ingest
