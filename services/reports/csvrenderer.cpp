// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/csvrenderer.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reports {

namespace {

QByteArray csvLine(const QList<QByteArray> &fields)
{
    QByteArray line;
    for (qsizetype index = 0; index < fields.size(); ++index)
        line += (index > 0 ? "," : "") + fields.at(index);
    return line + "\r\n";
}

// Only text can smuggle a formula in. A typed cell is written as plainText() made it, so a
// negative amount stays the number -12.50 instead of becoming the text '-12.50.
QList<QByteArray> rowFields(const ReportResult &result, const QVariantList &row)
{
    QList<QByteArray> fields;
    for (qsizetype index = 0; index < result.columns.size(); ++index) {
        const ColumnType type = result.columns.at(index).type;
        const QString text = plainText(row.value(index), type);
        fields.append(type == ColumnType::Text ? csvField(text) : text.toUtf8());
    }
    return fields;
}

} // namespace

QByteArray csvField(QString text)
{
    if (!text.isEmpty() && QStringView(u"=+-@\t\r").contains(text.front()))
        text.prepend(u'\'');
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r'))
        text = u'"' + QString(text).replace(u'"', u"\"\""_s) + u'"';
    return text.toUtf8();
}

RenderedReport renderCsv(const ReportResult &result)
{
    QList<QByteArray> titles;
    for (const ReportColumn &column : result.columns)
        titles.append(csvField(column.title));
    QByteArray csv = csvLine(titles);
    for (const QVariantList &row : result.rows)
        csv += csvLine(rowFields(result, row));
    if (result.hasTotals()) {
        QList<QByteArray> totals = rowFields(result, result.totals);
        const bool labelled = !result.columns.isEmpty() && result.columns.first().type == ColumnType::Text
            && result.columns.first().total == TotalKind::None;
        if (labelled)
            totals.first() = csvField(QCoreApplication::translate("rcm::reports::ReportResult", "Total"));
        csv += csvLine(totals);
    }
    return {csv, {}};
}

} // namespace rcm::reports
