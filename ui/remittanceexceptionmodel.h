// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

namespace rcm::ui {

/// The exceptions a remittance raises, from the gateway's import report: what kind, on
/// which claim, how much and why. A file may raise thousands, so they sit in a model a
/// view pages through rather than in a widget per cell.
class RemittanceExceptionModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Kind, Claim, Amount, Explanation, ColumnCount };

    explicit RemittanceExceptionModel(QObject *parent = nullptr);

    struct Row
    {
        QString kind;
        QString claimNumber;
        QString amount;
        QString explanation;
    };
    /// The exceptions of every transaction in report (the API's import report); safe on
    /// any thread, so that thousands are read off the window's.
    static QList<Row> rowsOf(const QJsonObject &report);
    /// Shows rows, as rowsOf() read them.
    void setRows(QList<Row> rows);
    /// Shows the exceptions of every transaction in report.
    void setReport(const QJsonObject &report) { setRows(rowsOf(report)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};

} // namespace rcm::ui
