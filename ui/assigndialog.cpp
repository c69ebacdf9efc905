// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/assigndialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

namespace {

constexpr int userIdRole = Qt::UserRole + 1;

/// Sorts the workload column by number, not by its text.
class WorkloadItem final : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (column == 2)
            return data(2, Qt::UserRole).toLongLong() < other.data(2, Qt::UserRole).toLongLong();
        return QTreeWidgetItem::operator<(other);
    }
};

} // namespace

AssignDialog::AssignDialog(const QList<models::User> &eligible, const QHash<QString, qint64> &openItems, int itemCount,
                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Assign"));
    m_users = new QTreeWidget;
    m_users->setObjectName(u"assignees"_s);
    m_users->setHeaderLabels({tr("User"), tr("Role"), tr("Open items")});
    m_users->setRootIsDecorated(false);
    m_users->setAlternatingRowColors(true);
    for (const models::User &user : eligible) {
        auto *entry = new WorkloadItem(m_users);
        const qint64 open = openItems.value(user.id);
        entry->setText(0, user.displayName);
        entry->setData(0, userIdRole, user.id);
        entry->setText(1, QString(models::wireName(user.role)));
        entry->setText(2, QLocale().toString(open));
        entry->setData(2, Qt::UserRole, open);
        entry->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_users->setSortingEnabled(true);
    m_users->sortByColumn(2, Qt::AscendingOrder);
    m_users->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    if (m_users->topLevelItemCount() > 0)
        m_users->setCurrentItem(m_users->topLevelItem(0));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Assign %n item(s)", nullptr, itemCount));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_users, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Assign to (fewest open items first):"));
    heading->setWordWrap(true);
    if (eligible.isEmpty()) {
        heading->setText(tr("Nobody can work every selected item: they lie in queues that no one role sees. "
                            "Select items of one queue."));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
    layout->addWidget(heading);
    layout->addWidget(m_users);
    layout->addWidget(buttons);
    resize(460, 420);
}

QString AssignDialog::assigneeId() const
{
    const QTreeWidgetItem *current = m_users->currentItem();
    return current ? current->data(0, userIdRole).toString() : QString();
}

} // namespace rcm::ui
