// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringConverter>
#include <QStringList>

class QIODevice;

namespace rcm::ingest {

/// One record of a delimited file as read: its cells untrimmed, and where it starts.
struct CsvRecord
{
    qint64 line = 0; ///< the physical line the record starts on; the file's first line is 1
    QStringList cells;
    QString error; ///< why the record cannot be trusted (an unclosed quote, bad bytes); empty when well formed
};

/// The text encoding and the delimiter of a delimited file.
struct CsvDialect
{
    QString encoding = QStringLiteral("UTF-8"); ///< any name QStringDecoder knows (with ICU: "windows-1252", ...)
    QChar delimiter = u',';

    static bool isKnownEncoding(const QString &name);
};

/// An RFC 4180 reader that streams a device in chunks, so that memory stays flat however
/// many rows the file holds: quoted cells with delimiters, doubled quotes and line breaks,
/// CRLF or LF, a final line with or without its line break, blank lines skipped, a UTF-8
/// byte order mark skipped. Text is decoded incrementally, so a character split across two
/// chunks survives. A record with an error is still returned (with its line) and reading
/// goes on, except after an unclosed quote or a failed read, where no later record
/// boundary can be trusted.
class CsvReader final
{
public:
    static constexpr qsizetype defaultChunkSize = 64 * 1024;
    /// A record longer than this (in characters) is an error: most likely a quote that is
    /// never closed, or a file that is not delimited text at all.
    static constexpr qsizetype maximumRecordLength = 1024 * 1024;

    /// chunkSize: the bytes read from the device at a time; small values exercise the
    /// chunk boundaries in tests.
    explicit CsvReader(QIODevice &device, const CsvDialect &dialect = {}, qsizetype chunkSize = defaultChunkSize);
    Q_DISABLE_COPY_MOVE(CsvReader)

    /// Reads the next record into record; false at the end of the file.
    bool next(CsvRecord *record);

    /// The bytes read from the device so far (for a progress bar; runs up to a chunk ahead).
    qint64 bytesRead() const { return m_bytesRead; }
    /// Whether reading stopped before the end of the file (an unclosed quote, a record
    /// over the limit, a failed read, an unknown encoding): what follows was not read.
    bool stoppedEarly() const { return m_stopped; }

private:
    bool available() { return m_position < m_text.size() || fill(); }
    bool fill();
    bool skipLineBreak(); ///< true when it was CRLF
    void readPlainCell(QString &cell);
    void readQuotedCell(QString &cell, CsvRecord *record);
    bool withinLimit(qsizetype cellLength, CsvRecord *record);
    void checkDecoding(CsvRecord *record) const;

    QIODevice &m_device;
    QString m_encoding;
    QStringDecoder m_decoder;
    QChar m_delimiter;
    qsizetype m_chunkSize;
    QByteArray m_bytes; ///< the chunk being decoded
    QString m_text; ///< decoded text not yet consumed, from m_position on
    qsizetype m_position = 0;
    qint64 m_line = 1;
    qint64 m_bytesRead = 0;
    qsizetype m_recordLength = 0;
    bool m_atEnd = false;
    bool m_stopped = false;
    bool m_startChecked = false;
    QString m_readError;
};

} // namespace rcm::ingest
