// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTextEdit>
#include <QWidget>

namespace rcm::testing {

/// Every piece of text the window holds in any widget, shown or not: labels, buttons,
/// fields, browsers, combo boxes, list entries, every cell and header of every item view,
/// tool tips, window titles, actions and the status bar. What a patient's name or claim
/// number must not be found in before sign-in or while locked.
inline QStringList everyText(QWidget &window)
{
    QStringList texts {window.windowTitle()};
    QList<QWidget *> widgets = window.findChildren<QWidget *>();
    widgets.prepend(&window);
    for (QWidget *widget : std::as_const(widgets)) {
        texts << widget->toolTip() << widget->windowTitle();
        if (auto *label = qobject_cast<QLabel *>(widget))
            texts << label->text();
        else if (auto *button = qobject_cast<QAbstractButton *>(widget))
            texts << button->text();
        else if (auto *field = qobject_cast<QLineEdit *>(widget))
            texts << field->text();
        else if (auto *browser = qobject_cast<QTextEdit *>(widget))
            texts << browser->toPlainText();
        else if (auto *plain = qobject_cast<QPlainTextEdit *>(widget))
            texts << plain->toPlainText();
        else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            for (int index = 0; index < combo->count(); ++index)
                texts << combo->itemText(index);
        } else if (auto *bar = qobject_cast<QStatusBar *>(widget))
            texts << bar->currentMessage();
        if (auto *view = qobject_cast<QAbstractItemView *>(widget); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int column = 0; column < model->columnCount(); ++column)
                texts << model->headerData(column, Qt::Horizontal).toString();
            // Every row a view could show (a fetch-more model shows its fetched rows).
            for (int row = 0; row < std::min(model->rowCount(), 20'000); ++row) {
                for (int column = 0; column < model->columnCount(); ++column) {
                    const QModelIndex index = model->index(row, column);
                    texts << index.data(Qt::DisplayRole).toString() << index.data(Qt::ToolTipRole).toString();
                }
            }
        }
        for (const QAction *action : widget->actions())
            texts << action->text() << action->toolTip();
    }
    texts.removeAll(QString());
    return texts;
}

/// The first of needles found in any of the window's texts, or an empty string.
inline QString firstFound(QWidget &window, const QStringList &needles)
{
    const QString all = everyText(window).join(u'\n');
    for (const QString &needle : needles) {
        if (!needle.isEmpty() && all.contains(needle))
            return needle;
    }
    return {};
}

} // namespace rcm::testing
