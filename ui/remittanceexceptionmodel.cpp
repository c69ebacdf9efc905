// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/remittanceexceptionmodel.h"

#include "ui/itemmodels/displaynames.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

RemittanceExceptionModel::RemittanceExceptionModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QList<RemittanceExceptionModel::Row> RemittanceExceptionModel::rowsOf(const QJsonObject &report)
{
    QList<Row> rows;
    for (const QJsonValue &transaction : report.value(u"transactions"_s).toArray()) {
        for (const QJsonValue &value : transaction.toObject().value(u"exceptions"_s).toArray()) {
            const QJsonObject exception = value.toObject();
            rows.append({exception.value(u"kind"_s).toString(), exception.value(u"claimNumber"_s).toString(),
                         exception.value(u"amount"_s).toString(), exception.value(u"explanation"_s).toString()});
        }
    }
    return rows;
}

void RemittanceExceptionModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RemittanceExceptionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RemittanceExceptionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RemittanceExceptionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        return row.explanation;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Kind:
        return itemmodels::exceptionKindName(row.kind);
    case Claim:
        return row.claimNumber;
    case Amount:
        return row.amount;
    case Explanation:
        return row.explanation;
    default:
        return {};
    }
}

QVariant RemittanceExceptionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Kind:
        return tr("Exception");
    case Claim:
        return tr("Claim");
    case Amount:
        return tr("Amount");
    case Explanation:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace rcm::ui
