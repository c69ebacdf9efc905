// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/ingest/extractreader.h"

#include "services/ingest/ingestlogging.h"

#include <QHash>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ingest {

namespace {

QString quotedList(const QStringList &names)
{
    QStringList quoted;
    quoted.reserve(names.size());
    for (const QString &name : names)
        quoted.append(u'"' + name + u'"');
    return quoted.join(u", "_s);
}

} // namespace

QString ExtractReader::BadRow::message() const
{
    return u"line %1: %2"_s.arg(line).arg(reason);
}

ExtractReader::ExtractReader(QIODevice &file, const ExtractMapping &mapping, qsizetype chunkSize)
    : m_csv(file, mapping.dialect(), chunkSize)
    , m_fields(mapping.fields())
{ }

bool ExtractReader::readHeader(QString *error)
{
    Q_ASSERT(!m_headerRead);
    if (!m_csv.next(&m_record)) {
        *error = u"the file is empty: it has no header line"_s;
        return false;
    }
    if (!m_record.error.isEmpty()) {
        *error = u"line %1 (the header): %2"_s.arg(m_record.line).arg(m_record.error);
        return false;
    }
    QHash<QString, qsizetype> columnIndex;
    QSet<QString> repeated;
    for (const QString &cell : std::as_const(m_record.cells)) {
        m_header.append(cell.trimmed());
        const QString key = m_header.back().toCaseFolded();
        if (columnIndex.contains(key))
            repeated.insert(key);
        else
            columnIndex.insert(key, m_header.size() - 1);
    }

    QStringList missing;
    m_columnOfField.clear();
    m_rememberedDates.resize(m_fields.size());
    for (const FieldMapping &field : std::as_const(m_fields)) {
        const QString key = field.column.toCaseFolded();
        if (!field.isConstant() && repeated.contains(key)) {
            *error = u"the column \"%1\" (for %2) appears more than once in the file's header"_s.arg(field.column,
                                                                                                     field.field);
            return false;
        }
        if (!field.isConstant() && !columnIndex.contains(key))
            missing.append(u"\"%1\" (for %2)"_s.arg(field.column, field.field));
        m_columnOfField.append(field.isConstant() ? -1 : columnIndex.value(key, -1));
    }
    if (!missing.isEmpty()) {
        *error = (missing.size() == 1 ? u"the mapped column %1 is not in the file's header"_s
                                      : u"the mapped columns %1 are not in the file's header"_s)
                     .arg(missing.join(u", "_s))
            + u"; its columns are: "_s + quotedList(m_header);
        return false;
    }
    qCDebug(lcIngest) << "header of" << m_header.size() << "columns," << m_fields.size() << "fields mapped";
    m_headerRead = true;
    return true;
}

ExtractReader::Next ExtractReader::next(Row *row, BadRow *bad)
{
    Q_ASSERT(m_headerRead);
    if (!m_headerRead)
        return Next::End;
    for (;;) {
        if (!m_csv.next(&m_record)) {
            qCDebug(lcIngest) << "read" << m_rows << "rows," << m_badRows << "of them bad";
            return Next::End;
        }
        ++m_rows;
        bad->line = m_record.line;
        if (!m_record.error.isEmpty()) {
            bad->reason = m_record.error;
        } else if (isBlank()) {
            --m_rows;
            continue;
        } else if (m_record.cells.size() != m_header.size()) {
            bad->reason = u"%1 %2; the header has %3"_s.arg(m_record.cells.size())
                              .arg(m_record.cells.size() == 1 ? u"cell"_s : u"cells"_s)
                              .arg(m_header.size());
        } else {
            QJsonObject item;
            const QStringList problems = fillItem(&item);
            if (problems.isEmpty()) {
                row->line = m_record.line;
                row->item = std::move(item);
                return Next::Row;
            }
            bad->reason = problems.join(u"; "_s);
        }
        bad->externalId = readableExternalId();
        ++m_badRows;
        return Next::BadRow;
    }
}

QString ExtractReader::readableExternalId() const
{
    for (qsizetype index = 0; index < m_fields.size(); ++index) {
        const qsizetype column = m_columnOfField.at(index);
        if (m_fields.at(index).field != u"externalId"_s || column < 0 || column >= m_record.cells.size())
            continue;
        QString error;
        const QJsonValue id = m_fields.at(index).valueFor(m_record.cells.at(column).trimmed(), &error);
        return error.isEmpty() && id.isString() ? id.toString() : QString();
    }
    return {};
}

bool ExtractReader::isBlank() const
{
    for (const QString &cell : m_record.cells) {
        if (!cell.trimmed().isEmpty())
            return false;
    }
    return true;
}

QStringList ExtractReader::fillItem(QJsonObject *item)
{
    QStringList problems;
    for (qsizetype index = 0; index < m_fields.size(); ++index) {
        const FieldMapping &field = m_fields.at(index);
        if (field.isConstant()) {
            item->insert(field.field, field.constant);
            continue;
        }
        const QString cell = m_record.cells.at(m_columnOfField.at(index)).trimmed();
        QHash<QString, QJsonValue> &remembered = m_rememberedDates[index];
        if (field.type == FieldType::Date) {
            if (const auto found = remembered.constFind(cell); found != remembered.cend()) {
                if (!found->isUndefined())
                    item->insert(field.field, *found);
                continue;
            }
        }
        QString problem;
        const QJsonValue value = field.valueFor(cell, &problem);
        if (!problem.isEmpty()) {
            problems.append(field.field + u": "_s + problem);
            continue;
        }
        if (field.type == FieldType::Date) {
            if (remembered.size() >= rememberedDatesPerField)
                remembered.clear();
            remembered.insert(cell, value);
        }
        if (!value.isUndefined())
            item->insert(field.field, value);
    }
    if (problems.isEmpty() && !item->contains(u"externalId"_s))
        problems.append(u"externalId: the cell is empty, and each row needs its id"_s);
    return problems;
}

} // namespace rcm::ingest
