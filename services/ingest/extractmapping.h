// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/ingest/csvreader.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcm::ingest {

/// What a work-item field holds on the wire, which decides how a cell is read.
enum class FieldType {
    Text,
    Date, ///< written yyyy-MM-dd
    Amount, ///< written as a decimal with two places, "1234.50"
    List, ///< a JSON array of strings
};

/// How one work-item field is filled from a row of an extract: from a column (through an
/// optional pattern, split and translation table) or from a constant.
struct FieldMapping
{
    QString field; ///< the wire name, e.g. "claimNumber"
    FieldType type = FieldType::Text;
    QString column; ///< the header's column; empty when the field is a constant
    QJsonValue constant; ///< the wire value of a constant field
    QRegularExpression pattern; ///< keeps the first capture group (the whole match without one); empty when unused
    QHash<QString, QString> values; ///< the translation table, keyed by the case-folded cell; empty when unused
    QStringList valueNames; ///< the table's keys as the mapping writes them, for messages
    std::optional<QString> defaultValue; ///< for a cell the table does not list
    QString split; ///< the separator between a list's items; empty for one item
    QStringList dateFormats; ///< tried in order

    bool isConstant() const { return column.isEmpty(); }

    /// The wire value for a trimmed cell: undefined when the cell leaves the field out (an
    /// empty cell). When the cell cannot be read, sets error (it must be empty on entry) to
    /// a reason that quotes the cell, e.g. "\"12,34x\" is not an amount".
    QJsonValue valueFor(const QString &cell, QString *error) const;
};

/// Which columns of a flat-file extract fill which work-item fields, read from the JSON
/// mapping file that docs/extracts/README.md describes. Everything about the mapping alone
/// is checked when it is read; its columns are checked against a file's header by
/// ExtractReader::readHeader().
class ExtractMapping final
{
public:
    static constexpr int formatVersion = 1;

    /// The mapping, or nothing with error saying what is wrong with it.
    static std::optional<ExtractMapping> fromJson(const QByteArray &json, QString *error);

    /// The work-item fields a mapping may fill, in wire order.
    static QStringList knownFields();

    const CsvDialect &dialect() const { return m_dialect; }
    const QList<FieldMapping> &fields() const { return m_fields; }

private:
    ExtractMapping() = default;

    CsvDialect m_dialect;
    QList<FieldMapping> m_fields;
};

} // namespace rcm::ingest
