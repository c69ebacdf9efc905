// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/conflictsdialog.h"

#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "ui/actionpanel.h"
#include "ui/itemmodels/displaynames.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

using sync::OutboxEntry;

namespace {

constexpr int entryIdRole = Qt::UserRole + 1;

QString stateText(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Conflict:
        return ConflictsDialog::tr("Conflict");
    case OutboxEntry::State::Failed:
        return ConflictsDialog::tr("Not accepted");
    case OutboxEntry::State::Review:
        return ConflictsDialog::tr("To review");
    case OutboxEntry::State::Pending:
        return ConflictsDialog::tr("Pending");
    }
    return {};
}

QString tableRow(const QString &label, const QString &value)
{
    return u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

/// The server's version of the item: from the conflict reply, else the cache's copy.
QString serverItemHtml(const OutboxEntry &entry, const std::optional<models::WorkItem> &cached)
{
    QString html
        = u"<h3>%1</h3><table cellspacing=4>"_s.arg(ConflictsDialog::tr("The item on the server").toHtmlEscaped());
    if (!entry.conflictItem.isEmpty()) {
        const QJsonObject &item = entry.conflictItem;
        const auto status = models::fromWireName<models::WorkItemStatus>(item.value(u"status"_s).toString());
        html += tableRow(ConflictsDialog::tr("Version"), QString::number(item.value(u"version"_s).toInteger()));
        html += tableRow(ConflictsDialog::tr("Status"),
                         status ? itemmodels::displayName(*status) : item.value(u"status"_s).toString());
        html += tableRow(ConflictsDialog::tr("Owner"), item.value(u"ownerId"_s).toString());
        html += tableRow(ConflictsDialog::tr("Balance"), item.value(u"balance"_s).toString());
        html += tableRow(ConflictsDialog::tr("Changed"), item.value(u"updatedAt"_s).toString());
    } else if (cached) {
        html += tableRow(ConflictsDialog::tr("Version"), QString::number(cached->version));
        html += tableRow(ConflictsDialog::tr("Status"), itemmodels::displayName(cached->status));
        html += tableRow(ConflictsDialog::tr("Owner"), cached->ownerId);
        html += tableRow(ConflictsDialog::tr("Balance"), cached->balance.toString());
    } else {
        html += tableRow(ConflictsDialog::tr("Item"), ConflictsDialog::tr("No longer in the cache"));
    }
    return html + u"</table>"_s;
}

} // namespace

ConflictsDialog::ConflictsDialog(store::Database &cache, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
{
    setWindowTitle(tr("Actions that need you"));
    m_entries = new QListWidget;
    m_entries->setObjectName(u"conflictEntries"_s);
    m_entries->setMinimumWidth(260);
    m_local = new QTextBrowser;
    m_local->setObjectName(u"localAction"_s);
    m_server = new QTextBrowser;
    m_server->setObjectName(u"serverItem"_s);
    m_summary = new QLabel;
    m_summary->setWordWrap(true);
    m_retry = new QPushButton(tr("Retry on the server's version"));
    m_retry->setObjectName(u"retryConflict"_s);
    m_discard = new QPushButton(tr("Discard my action"));
    m_discard->setObjectName(u"discardConflict"_s);
    connect(m_retry, &QPushButton::clicked, this, &ConflictsDialog::retry);
    connect(m_discard, &QPushButton::clicked, this, &ConflictsDialog::discard);
    connect(m_entries, &QListWidget::currentRowChanged, this, &ConflictsDialog::showEntry);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QGridLayout(this);
    layout->addWidget(m_summary, 0, 0, 1, 3);
    layout->addWidget(m_entries, 1, 0, 2, 1);
    layout->addWidget(m_local, 1, 1);
    layout->addWidget(m_server, 1, 2);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_discard);
    buttons->addStretch();
    buttons->addWidget(close);
    layout->addLayout(buttons, 2, 1, 1, 2);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(2, 1);
    resize(980, 480);
    reload();
}

void ConflictsDialog::setAuthor(const models::OutboxAuthor &author)
{
    m_author = author;
    reload();
}

int ConflictsDialog::reload()
{
    const int previous = m_entries->currentRow();
    m_entries->clear();
    store::StoreError error;
    const QList<OutboxEntry> entries = sync::Outbox(m_cache).entries(m_author, &error);
    store::WorkItemStore store(m_cache);
    for (const OutboxEntry &entry : entries) {
        if (entry.state == OutboxEntry::State::Pending)
            continue;
        const auto item = store.item(entry.workItemId);
        auto *line = new QListWidgetItem(
            u"%1: %2 — %3"_s.arg(stateText(entry.state), entry.typeName(), item ? item->claimNumber : entry.workItemId),
            m_entries);
        line->setData(entryIdRole, entry.id);
    }
    const int count = m_entries->count();
    m_summary->setText(error ? tr("Cannot read the outbox: %1").arg(error.message())
                           : count == 0
                           ? tr("Nothing needs you: every action was accepted or is waiting to be sent.")
                           : tr("%n action(s) were not taken as they were. Compare your action with the item on "
                                "the server, then retry it on the server's version or discard it.",
                                nullptr, count));
    if (count > 0)
        m_entries->setCurrentRow(std::clamp(previous, 0, count - 1));
    else
        showEntry(-1);
    return count;
}

void ConflictsDialog::showEntry(int row)
{
    const bool valid = row >= 0 && row < m_entries->count();
    m_retry->setEnabled(valid);
    m_discard->setEnabled(valid);
    m_local->clear();
    m_server->clear();
    if (!valid)
        return;
    const qint64 id = m_entries->item(row)->data(entryIdRole).toLongLong();
    for (const OutboxEntry &entry : sync::Outbox(m_cache).entries(m_author)) {
        if (entry.id != id)
            continue;
        const auto type = models::fromWireName<models::ActionType>(entry.typeName());
        QString html = u"<h3>%1</h3><table cellspacing=4>"_s.arg(tr("Your action").toHtmlEscaped());
        html += tableRow(tr("Action"), type ? actionLabel(*type).remove(u'…') : entry.typeName());
        html += tableRow(tr("State"), stateText(entry.state));
        html += tableRow(tr("Based on version"), QString::number(entry.baseVersion));
        html += tableRow(tr("Made"), QLocale().toString(entry.createdAt.toLocalTime(), QLocale::ShortFormat));
        for (auto it = entry.action.begin(); it != entry.action.end(); ++it) {
            if (it.key() != u"type"_s)
                html += tableRow(it.key(), it.value().toVariant().toString());
        }
        if (!entry.lastError.isEmpty())
            html += tableRow(tr("Server said"), entry.lastError);
        m_local->setHtml(html + u"</table>"_s);
        m_server->setHtml(serverItemHtml(entry, store::WorkItemStore(m_cache).item(entry.workItemId)));
        return;
    }
}

void ConflictsDialog::retry()
{
    const QListWidgetItem *current = m_entries->currentItem();
    if (!current)
        return;
    if (const store::StoreError error = sync::Outbox(m_cache).retry(current->data(entryIdRole).toLongLong(), m_author))
        QMessageBox::warning(this, tr("Retry"), error.message());
    reload();
    Q_EMIT outboxChanged();
}

void ConflictsDialog::discard()
{
    const QListWidgetItem *current = m_entries->currentItem();
    if (!current)
        return;
    if (QMessageBox::question(this, tr("Discard"), tr("Discard this action? It will not be sent.")) != QMessageBox::Yes)
        return;
    if (const store::StoreError error = sync::Outbox(m_cache).discard(current->data(entryIdRole).toLongLong()))
        QMessageBox::warning(this, tr("Discard"), error.message());
    reload();
    Q_EMIT outboxChanged();
}

} // namespace rcm::ui
