// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/queuenavigation.h"

#include "services/rules/actionpolicy.h"
#include "services/store/workqueuequery.h"

#include "ui/itemmodels/displaynames.h"
#include "ui/itemmodels/workqueuemodel.h"
#include "ui/singlelinedelegate.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

using itemmodels::WorkQueueModel;
using models::Queue;

namespace {

const QString teamHeading = u"team"_s;
const QString ownerPrefix = u"owner:"_s;

bool isSupervisor(const std::optional<models::User> &user)
{
    return user && user->role == models::Role::Supervisor;
}

/// Supervisors and finance steer everyone's work: the dashboard comes first for them.
bool steersWork(const std::optional<models::User> &user)
{
    return user && (user->role == models::Role::Supervisor || user->role == models::Role::Finance);
}

} // namespace

QueueNavigation::QueueNavigation(store::Database &cache, WorkQueueModel &model, QWidget *parent)
    : QListWidget(parent)
    , m_items(cache)
    , m_model(model)
{
    setObjectName(u"navigation"_s);
    setMinimumWidth(220);
    setSpacing(2);
    setItemDelegate(new SingleLineDelegate(this));
    connect(this, &QListWidget::currentRowChanged, this, &QueueNavigation::showEntry);
}

void QueueNavigation::rebuild(const std::optional<models::User> &user, const std::optional<NavigationCounts> &counts)
{
    m_user = user;
    const QString selected = currentItem() ? currentKey() : QString(models::wireName(Queue::Denial));
    {
        const QSignalBlocker blocker(this);
        clear();
        auto addEntry = [this](const QString &key) {
            (new QListWidgetItem(this))->setData(keyRole, key);
        };
        // The dashboard: first for those who steer the work, after their own work for the rest.
        if (steersWork(m_user))
            addEntry(dashboardKey);
        if (m_user)
            addEntry(u"mine"_s);
        if (m_user && !steersWork(m_user))
            addEntry(dashboardKey);
        addEntry(QString());
        // Only the queues the role may see (the gateway syncs no others to it).
        for (Queue queue : models::allValues<Queue>()) {
            if (m_user && rules::ActionPolicy::canView(m_user->role, queue))
                addEntry(QString(models::wireName(queue)));
        }
        if (isSupervisor(m_user)) {
            addEntry(u"unassigned"_s);
            auto *heading = new QListWidgetItem(tr("Team"), this);
            heading->setData(keyRole, teamHeading);
            heading->setFlags(Qt::ItemIsEnabled); // a heading: not selectable
            QFont bold = heading->font();
            bold.setBold(true);
            heading->setFont(bold);
            for (const models::User &member : m_items.users()) {
                if (member.active && member.role != models::Role::Supervisor && member.role != models::Role::Finance)
                    addEntry(ownerPrefix + member.id);
            }
        }
        if (counts)
            showCounts(*counts);
        else
            refreshCounts();
        selectKey(selected);
        if (!currentItem())
            setCurrentRow(0);
    }
    showEntry(currentRow());
}

NavigationCounts NavigationCounts::count(store::Database &cache, const std::optional<models::User> &user)
{
    NavigationCounts counts;
    store::WorkQueueQuery query(cache);
    counts.byQueue = query.openCountsByQueue();
    store::WorkQueueCriteria criteria;
    if (user) {
        criteria.ownerScope = store::WorkQueueCriteria::OwnerScope::Owner;
        criteria.ownerId = user->id;
        counts.mine = std::max<qint64>(query.countOpen(criteria), 0);
    }
    if (isSupervisor(user)) {
        criteria.ownerScope = store::WorkQueueCriteria::OwnerScope::Nobody;
        criteria.ownerId.clear();
        counts.unassigned = std::max<qint64>(query.countOpen(criteria), 0);
        store::WorkItemStore items(cache);
        counts.byOwner = items.openItemsByOwner();
        for (const models::User &member : items.users())
            counts.teamNames.insert(member.id, member.displayName);
    }
    return counts;
}

void QueueNavigation::refreshCounts()
{
    NavigationCounts counts;
    counts.byQueue = m_model.countsByQueue();
    if (m_user)
        counts.mine = m_model.countOpen(WorkQueueModel::OwnerScope::Owner, m_user->id);
    if (isSupervisor(m_user)) {
        counts.unassigned = m_model.countOpen(WorkQueueModel::OwnerScope::Nobody);
        counts.byOwner = m_items.openItemsByOwner();
        for (const models::User &member : m_items.users())
            counts.teamNames.insert(member.id, member.displayName);
    }
    showCounts(counts);
}

void QueueNavigation::showCounts(const NavigationCounts &counts)
{
    qint64 total = 0;
    for (qint64 open : counts.byQueue)
        total += open;
    for (int row = 0; row < count(); ++row) {
        QListWidgetItem *entry = item(row);
        const QString key = entry->data(keyRole).toString();
        if (key == teamHeading)
            continue;
        if (key == dashboardKey) {
            entry->setText(tr("Dashboard"));
            continue;
        }
        const auto queue = models::fromWireName<Queue>(key);
        QString name;
        qint64 open = 0;
        if (key == u"mine"_s) {
            name = tr("My work");
            open = counts.mine;
        } else if (key.startsWith(ownerPrefix)) {
            const QString ownerId = key.mid(ownerPrefix.size());
            name = u"   "_s + counts.teamNames.value(ownerId, ownerId);
            open = counts.byOwner.value(ownerId);
        } else if (key == u"unassigned"_s) {
            name = tr("Unassigned");
            open = counts.unassigned;
        } else {
            name = queue ? itemmodels::displayName(*queue) : tr("All open work");
            open = queue ? counts.byQueue.value(*queue) : total;
        }
        entry->setText(u"%1  (%2)"_s.arg(name, QLocale().toString(open)));
    }
}

QString QueueNavigation::currentKey() const
{
    return currentItem() ? currentItem()->data(keyRole).toString() : QString();
}

bool QueueNavigation::selectKey(const QString &key)
{
    for (int row = 0; row < count(); ++row) {
        if (item(row)->data(keyRole).toString() == key) {
            setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void QueueNavigation::showEntry(int row)
{
    if (row < 0)
        return;
    const QString key = item(row)->data(keyRole).toString();
    if (key == teamHeading)
        return;
    if (key == dashboardKey) {
        Q_EMIT dashboardChosen();
        return;
    }
    Q_EMIT queueChosen();
    m_model.setQueue(models::fromWireName<Queue>(key));
    if (key == u"mine"_s)
        m_model.setOwnerScope(WorkQueueModel::OwnerScope::Owner, m_user ? m_user->id : QString());
    else if (key.startsWith(ownerPrefix))
        m_model.setOwnerScope(WorkQueueModel::OwnerScope::Owner, key.mid(ownerPrefix.size()));
    else if (key == u"unassigned"_s)
        m_model.setOwnerScope(WorkQueueModel::OwnerScope::Nobody);
    else
        m_model.setOwnerScope(WorkQueueModel::OwnerScope::Anyone);
}

} // namespace rcm::ui
