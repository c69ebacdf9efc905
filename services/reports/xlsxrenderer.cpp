// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/xlsxrenderer.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rcm::reports::XlsxRenderer", text);
}

constexpr qsizetype maximumRows = 1'048'576; // Excel's limit, header and totals included
constexpr double minimumWidth = 8;
constexpr double maximumWidth = 50;

lxw_row_t rowAt(qsizetype row)
{
    return static_cast<lxw_row_t>(row);
}

lxw_col_t columnAt(qsizetype column)
{
    return static_cast<lxw_col_t>(column);
}

// Excel's sheet names: at most 31 characters, none of []:*?/\ (nor, here, an apostrophe), and
// not the second sheet's.
QByteArray sheetName(const QString &title)
{
    QString name = title;
    name.remove(QRegularExpression(u"[\\[\\]:*?/\\\\']"_s));
    name = name.simplified();
    if (name.size() > 31) {
        name.truncate(32);
        const qsizetype space = name.lastIndexOf(u' '); // a whole word or none
        name.truncate(space > 0 ? space : 31);
    }
    if (name.isEmpty() || name.compare(u"Definitions"_s, Qt::CaseInsensitive) == 0)
        name = u"Report"_s;
    return name.toUtf8();
}

/// Builds one workbook, remembering the first error libxlsxwriter reports.
class WorkbookBuilder final
{
public:
    WorkbookBuilder(const ReportResult &result, lxw_workbook *workbook)
        : m_result(result)
        , m_workbook(workbook)
    {
        m_header = workbook_add_format(workbook);
        format_set_bold(m_header);
        format_set_bottom(m_header, LXW_BORDER_THIN);
        m_totalLabel = workbook_add_format(workbook);
        format_set_bold(m_totalLabel);
        format_set_top(m_totalLabel, LXW_BORDER_THIN);
        m_wrapped = workbook_add_format(workbook);
        format_set_text_wrap(m_wrapped);
        format_set_align(m_wrapped, LXW_ALIGN_VERTICAL_TOP);
        m_label = workbook_add_format(workbook);
        format_set_bold(m_label);
        format_set_align(m_label, LXW_ALIGN_VERTICAL_TOP);
        m_title = workbook_add_format(workbook);
        format_set_bold(m_title);
        format_set_font_size(m_title, 14);
        for (const ColumnType type :
             {ColumnType::Integer, ColumnType::Money, ColumnType::Date, ColumnType::Percent, ColumnType::Number}) {
            m_cell[int(type)] = numberFormat(type, Weight::Plain);
            m_total[int(type)] = numberFormat(type, Weight::Total);
        }
        m_total[int(ColumnType::Text)] = m_totalLabel;
    }

    void writeTable();
    void writeDefinitions();
    lxw_error error() const { return m_error; }

private:
    enum class Weight { Plain, Total };

    lxw_format *numberFormat(ColumnType type, Weight weight);
    void check(lxw_error error);
    void writeCell(lxw_worksheet *sheet, qsizetype row, qsizetype column, const QVariant &value, lxw_format *format);
    void writeText(lxw_worksheet *sheet, qsizetype row, qsizetype column, const QString &text, lxw_format *format);
    void writeTotals(lxw_worksheet *sheet, qsizetype row);
    void setColumnWidths(lxw_worksheet *sheet);

    const ReportResult &m_result;
    lxw_workbook *m_workbook;
    lxw_format *m_header = nullptr;
    lxw_format *m_totalLabel = nullptr;
    lxw_format *m_wrapped = nullptr;
    lxw_format *m_label = nullptr;
    lxw_format *m_title = nullptr;
    std::array<lxw_format *, 6> m_cell {};
    std::array<lxw_format *, 6> m_total {};
    lxw_error m_error = LXW_NO_ERROR;
};

lxw_format *WorkbookBuilder::numberFormat(ColumnType type, Weight weight)
{
    lxw_format *format = workbook_add_format(m_workbook);
    switch (type) {
    case ColumnType::Text:
        break;
    case ColumnType::Integer:
        format_set_num_format(format, "#,##0");
        break;
    case ColumnType::Money:
        format_set_num_format(format, "$#,##0.00");
        break;
    case ColumnType::Date:
        format_set_num_format(format, "yyyy-mm-dd");
        break;
    case ColumnType::Percent:
        format_set_num_format(format, "0.0%");
        break;
    case ColumnType::Number:
        format_set_num_format(format, "#,##0.0");
        break;
    }
    if (weight == Weight::Total) {
        format_set_bold(format);
        format_set_top(format, LXW_BORDER_THIN);
    }
    return format;
}

void WorkbookBuilder::check(lxw_error error)
{
    if (m_error == LXW_NO_ERROR)
        m_error = error;
}

void WorkbookBuilder::writeText(lxw_worksheet *sheet, qsizetype row, qsizetype column, const QString &text,
                                lxw_format *format)
{
    check(worksheet_write_string(sheet, rowAt(row), columnAt(column), text.toUtf8().constData(), format));
}

// A cell as what it is: a number, an amount in dollars, a date; an empty value stays blank.
void WorkbookBuilder::writeCell(lxw_worksheet *sheet, qsizetype row, qsizetype column, const QVariant &value,
                                lxw_format *format)
{
    if (!value.isValid() || value.isNull())
        return;
    const lxw_row_t at = rowAt(row);
    const lxw_col_t col = columnAt(column);
    switch (m_result.columns.at(column).type) {
    case ColumnType::Text:
        writeText(sheet, row, column, value.toString(), format);
        break;
    case ColumnType::Integer:
        check(worksheet_write_number(sheet, at, col, double(value.toLongLong()), format));
        break;
    case ColumnType::Money:
        check(worksheet_write_number(sheet, at, col, double(value.toLongLong()) / 100.0, format));
        break;
    case ColumnType::Date: {
        const QDate date = value.toDate();
        lxw_datetime datetime {date.year(), date.month(), date.day(), 0, 0, 0.0};
        check(worksheet_write_datetime(sheet, at, col, &datetime, format));
        break;
    }
    case ColumnType::Percent:
    case ColumnType::Number:
        check(worksheet_write_number(sheet, at, col, value.toDouble(), format));
        break;
    }
}

void WorkbookBuilder::writeTable()
{
    lxw_worksheet *sheet = workbook_add_worksheet(m_workbook, sheetName(m_result.title).constData());
    if (!sheet) {
        check(LXW_ERROR_PARAMETER_VALIDATION);
        return;
    }
    for (qsizetype column = 0; column < m_result.columns.size(); ++column)
        writeText(sheet, 0, column, m_result.columns.at(column).title, m_header);
    for (qsizetype row = 0; row < m_result.rows.size(); ++row) {
        const QVariantList &cells = m_result.rows.at(row);
        for (qsizetype column = 0; column < m_result.columns.size(); ++column)
            writeCell(sheet, row + 1, column, cells.value(column), m_cell[int(m_result.columns.at(column).type)]);
    }
    if (m_result.hasTotals())
        writeTotals(sheet, m_result.rows.size() + 1);
    if (!m_result.columns.isEmpty()) {
        worksheet_freeze_panes(sheet, 1, 0);
        // Over the header and the rows only: sorting must not move the totals into the table.
        check(worksheet_autofilter(sheet, 0, 0, rowAt(m_result.rows.size()), columnAt(m_result.columns.size() - 1)));
    }
    setColumnWidths(sheet);
}

// A sum is a formula over the rows above, SUBTOTAL(109, ...) so that it follows the filter,
// written with the report's own figure as its cached value; a computed total (a rate over the
// whole) is that figure.
void WorkbookBuilder::writeTotals(lxw_worksheet *sheet, qsizetype row)
{
    const QVariantList &totals = m_result.totals;
    for (qsizetype column = 0; column < m_result.columns.size(); ++column) {
        const ReportColumn &definition = m_result.columns.at(column);
        lxw_format *format = m_total[int(definition.type)];
        if (definition.total == TotalKind::Sum && !m_result.rows.isEmpty()) {
            std::array<char, 32> range {};
            lxw_rowcol_to_range(range.data(), 1, columnAt(column), rowAt(m_result.rows.size()), columnAt(column));
            const QByteArray formula = "=SUBTOTAL(109," + QByteArray(range.data()) + ')';
            double value = totals.value(column).toDouble();
            if (definition.type == ColumnType::Money)
                value = double(totals.value(column).toLongLong()) / 100.0;
            check(worksheet_write_formula_num(sheet, rowAt(row), columnAt(column), formula.constData(), format, value));
        } else if (definition.total != TotalKind::None) {
            writeCell(sheet, row, column, totals.value(column), format);
        } else if (column == 0 && definition.type == ColumnType::Text) {
            writeText(sheet, row, column, tr("Total"), format);
        } else {
            check(worksheet_write_blank(sheet, rowAt(row), columnAt(column), format));
        }
    }
}

// Wide enough for the longest value as a person reads it, within reason.
void WorkbookBuilder::setColumnWidths(lxw_worksheet *sheet)
{
    for (qsizetype column = 0; column < m_result.columns.size(); ++column) {
        const ReportColumn &definition = m_result.columns.at(column);
        qsizetype widest = definition.title.size();
        for (const QVariantList &row : m_result.rows)
            widest = std::max(widest, displayText(row.value(column), definition.type).size());
        if (m_result.hasTotals())
            widest = std::max(widest, displayText(m_result.totals.value(column), definition.type).size());
        const double width = std::clamp(double(widest) + 2, minimumWidth, maximumWidth);
        check(worksheet_set_column(sheet, columnAt(column), columnAt(column), width, nullptr));
    }
}

void WorkbookBuilder::writeDefinitions()
{
    lxw_worksheet *sheet = workbook_add_worksheet(m_workbook, "Definitions");
    if (!sheet) {
        check(LXW_ERROR_PARAMETER_VALIDATION);
        return;
    }
    check(worksheet_set_column(sheet, 0, 0, 24, nullptr));
    check(worksheet_set_column(sheet, 1, 1, 80, m_wrapped));
    check(worksheet_set_column(sheet, 2, 2, 40, m_wrapped));
    qsizetype row = 0;
    writeText(sheet, row++, 0, m_result.title, m_title);
    ++row;
    const auto writePair = [&](const QString &label, const QString &value) {
        writeText(sheet, row, 0, label, m_label);
        writeText(sheet, row++, 1, value, m_wrapped);
    };
    for (const auto &[label, value] : m_result.parameters.described())
        writePair(label, value);
    writePair(tr("Data as of"), timestampText(m_result.asOf));
    writePair(tr("Generated at"), timestampText(m_result.generatedAt));
    if (!m_result.generatedBy.isEmpty())
        writePair(tr("Generated by"), m_result.generatedBy);
    if (!m_result.dateBasis.isEmpty())
        writePair(tr("Date basis"), m_result.dateBasis);
    if (m_result.definitions.isEmpty())
        return;
    ++row;
    writeText(sheet, row, 0, tr("Measure"), m_header);
    writeText(sheet, row, 1, tr("Definition"), m_header);
    writeText(sheet, row++, 2, tr("Standard"), m_header);
    for (const ReportDefinition &definition : m_result.definitions) {
        writeText(sheet, row, 0, definition.measure, m_label);
        writeText(sheet, row, 1, definition.definition, m_wrapped);
        if (!definition.standard.isEmpty())
            writeText(sheet, row, 2, definition.standard, m_wrapped);
        ++row;
    }
}

} // namespace

RenderedReport renderXlsx(const ReportResult &result)
{
    if (result.rows.size() + 2 > maximumRows)
        return {{}, tr("%1 rows do not fit in a spreadsheet").arg(result.rows.size())};
    // libxlsxwriter 1.1 writes only to a named file: a private directory of our own holds it
    // and libxlsxwriter's own temporary files, and goes when the bytes are read.
    QTemporaryDir directory;
    if (!directory.isValid())
        return {{}, tr("Cannot make a temporary directory: %1").arg(directory.errorString())};
    const QString path = directory.filePath(u"report.xlsx"_s);
    QByteArray temporary = QFile::encodeName(directory.path());
    lxw_workbook_options options {LXW_FALSE, temporary.data(), LXW_FALSE};
    lxw_workbook *workbook = workbook_new_opt(QFile::encodeName(path).constData(), &options);
    if (!workbook)
        return {{}, tr("Cannot start a workbook")};

    QByteArray title = result.title.toUtf8();
    QByteArray author = result.generatedBy.toUtf8();
    lxw_doc_properties properties {};
    properties.title = title.data();
    properties.author = author.data();
    // The file's own creation time is the report's, so one result renders to the same bytes.
    properties.created = result.generatedAt.isValid() ? time_t(result.generatedAt.toSecsSinceEpoch()) : 0;
    workbook_set_properties(workbook, &properties);

    WorkbookBuilder builder(result, workbook);
    builder.writeTable();
    builder.writeDefinitions();
    const lxw_error closed = workbook_close(workbook); // frees the workbook whatever happens
    if (builder.error() != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        const lxw_error error = builder.error() != LXW_NO_ERROR ? builder.error() : closed;
        return {{}, tr("Cannot write the workbook: %1").arg(QString::fromUtf8(lxw_strerror(error)))};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, tr("Cannot read the workbook back: %1").arg(file.errorString())};
    return {file.readAll(), {}};
}

} // namespace rcm::reports
