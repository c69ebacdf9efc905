// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/ingest/csvreader.h"
#include "services/ingest/extractmapping.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace rcm::ingest {

/// Reads a flat-file extract (a denial worklist, a clearinghouse export) row by row into
/// work items in their wire form, as an ExtractMapping says. Streams the file, so memory
/// stays flat however many rows it holds. A row that cannot be read is reported with its
/// line and the reason, and reading goes on with the next one; rows whose cells are all
/// empty are skipped.
class ExtractReader final
{
public:
    struct Row
    {
        qint64 line = 0; ///< the physical line the row starts on; the header is line 1
        QJsonObject item; ///< the work item's wire fields; an empty cell leaves its field out
    };
    struct BadRow
    {
        qint64 line = 0;
        QString reason; ///< e.g. "billed: \"12,34x\" is not an amount"
        QString externalId; ///< the row's id when its cell could still be read; else empty
        /// "line 12: billed: \"12,34x\" is not an amount"
        QString message() const;
    };
    enum class Next { Row, BadRow, End };

    ExtractReader(QIODevice &file, const ExtractMapping &mapping, qsizetype chunkSize = CsvReader::defaultChunkSize);
    Q_DISABLE_COPY_MOVE(ExtractReader)

    /// Reads the header line and finds each mapped column in it (trimmed, ignoring case);
    /// columns the mapping does not name are ignored. False with error when the file has no
    /// header or lacks a mapped column: call it before next().
    bool readHeader(QString *error);
    /// The header's columns as the file writes them (trimmed); empty before readHeader().
    const QStringList &header() const { return m_header; }

    /// Reads the next row into row (Next::Row) or, when it cannot be read, into bad.
    Next next(Row *row, BadRow *bad);

    /// The bytes read from the file so far, for a progress bar.
    qint64 bytesRead() const { return m_csv.bytesRead(); }
    /// Whether reading stopped before the end of the file (see CsvReader::stoppedEarly()).
    bool stoppedEarly() const { return m_csv.stoppedEarly(); }

private:
    bool isBlank() const;
    QStringList fillItem(QJsonObject *item);
    QString readableExternalId() const;

    /// QDate::fromString() parses its format on every call, and an extract repeats the same
    /// dates on many rows: each date field remembers the cells it has read (up to a bound).
    static constexpr qsizetype rememberedDatesPerField = 4096;

    CsvReader m_csv;
    QList<FieldMapping> m_fields;
    QList<qsizetype> m_columnOfField; ///< the cell index each of m_fields reads; -1 for a constant
    QList<QHash<QString, QJsonValue>> m_rememberedDates; ///< per field: cell -> wire value
    QStringList m_header;
    CsvRecord m_record;
    bool m_headerRead = false;
    qint64 m_rows = 0;
    qint64 m_badRows = 0;
};

} // namespace rcm::ingest
