// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/actionpanel.h"

#include "services/rules/actionpolicy.h"
#include "services/store/database.h"
#include "services/store/workitemstore.h"
#include "services/sync/outbox.h"
#include "ui/assigndialog.h"

#include <QGridLayout>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

using models::ActionType;

namespace {

/// A request of the given type with placeholder details, to ask the rules whether the
/// action is possible at all before asking the user for the details.
rules::ActionRequest probe(ActionType type, const models::WorkItem &item)
{
    rules::ActionRequest request;
    request.type = type;
    request.text = u"-"_s;
    request.resolutionCode = rules::ActionPolicy::resolutionCodes().constFirst();
    request.amount = std::min(item.balance, models::Money::fromCents(1));
    return request;
}

} // namespace

QString actionLabel(ActionType type)
{
    switch (type) {
    case ActionType::Take:
        return ActionPanel::tr("Take");
    case ActionType::Assign:
        return ActionPanel::tr("Assign…");
    case ActionType::Note:
        return ActionPanel::tr("Note…");
    case ActionType::Appeal:
        return ActionPanel::tr("Appeal…");
    case ActionType::Resubmit:
        return ActionPanel::tr("Resubmit");
    case ActionType::RequestWriteOff:
        return ActionPanel::tr("Request write-off…");
    case ActionType::ApproveWriteOff:
        return ActionPanel::tr("Approve write-off");
    case ActionType::RejectWriteOff:
        return ActionPanel::tr("Reject write-off");
    case ActionType::Hold:
        return ActionPanel::tr("Hold");
    case ActionType::Release:
        return ActionPanel::tr("Release");
    case ActionType::Escalate:
        return ActionPanel::tr("Escalate…");
    case ActionType::Resolve:
        return ActionPanel::tr("Resolve…");
    case ActionType::Reopen:
        return ActionPanel::tr("Reopen");
    case ActionType::SignIn:
    case ActionType::SignInFailed:
    case ActionType::SignOut:
    case ActionType::RemittancePosted:
    case ActionType::ClaimsImported:
    case ActionType::AcknowledgmentsImported:
    case ActionType::ContractsLoaded:
    case ActionType::SourceCreated:
    case ActionType::SourceUpdated:
    case ActionType::SourceClosed:
    case ActionType::SourceReopened:
    case ActionType::SourceBatchReceived:
    case ActionType::ReadSummary:
    case ActionType::UserAdded:
    case ActionType::PasswordChanged:
    case ActionType::UserDeactivated:
    case ActionType::EmergencyAccessGranted:
    case ActionType::EmergencyAccessEnded:
    case ActionType::BreakGlassEnabled:
    case ActionType::BreakGlassDisabled:
        break; // not offered: only the gateway records them
    }
    return QString(models::wireName(type));
}

ActionPanel::ActionPanel(store::Database &cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
{
    m_grid = new QGridLayout;
    for (ActionType type : models::allValues<ActionType>()) {
        if (!models::isWorkItemAction(type))
            continue;
        auto *button = new QPushButton(actionLabel(type), this);
        button->setObjectName(u"action-"_s + QString(models::wireName(type)));
        connect(button, &QPushButton::clicked, this, [this, type]() { take(type); });
        m_buttons.insert(type, button);
    }
    m_outboxState = new QLabel;
    m_outboxState->setObjectName(u"outboxState"_s);
    m_outboxState->setWordWrap(true);
    m_retry = new QPushButton(tr("Retry on the server's version"));
    m_discard = new QPushButton(tr("Discard my action"));
    connect(m_retry, &QPushButton::clicked, this, [this]() {
        if (const store::StoreError error = sync::Outbox(m_cache).retry(m_problemEntry, author()))
            QMessageBox::warning(this, tr("Retry"), error.message());
        refresh();
        Q_EMIT outboxChanged();
    });
    connect(m_discard, &QPushButton::clicked, this, [this]() {
        if (QMessageBox::question(this, tr("Discard"), tr("Discard this action? It will not be sent."))
            != QMessageBox::Yes)
            return;
        if (const store::StoreError error = sync::Outbox(m_cache).discard(m_problemEntry))
            QMessageBox::warning(this, tr("Discard"), error.message());
        refresh();
        Q_EMIT outboxChanged();
    });
    auto *problemButtons = new QHBoxLayout;
    problemButtons->addWidget(m_retry);
    problemButtons->addWidget(m_discard);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_outboxState);
    layout->addLayout(problemButtons);
    layout->addLayout(m_grid);
    refresh();
}

void ActionPanel::setUser(const std::optional<models::User> &user)
{
    m_user = user;
    refresh();
}

void ActionPanel::setServer(const QString &server)
{
    m_server = server;
    refresh();
}

models::OutboxAuthor ActionPanel::author() const
{
    return {m_user ? m_user->id : QString(), m_server};
}

void ActionPanel::setItem(const std::optional<models::WorkItem> &item)
{
    setItems(item ? QList<models::WorkItem> {*item} : QList<models::WorkItem> {});
}

void ActionPanel::setItems(const QList<models::WorkItem> &items)
{
    m_items = items;
    refresh();
}

bool ActionPanel::allowedOnAll(ActionType type) const
{
    if (!m_user || m_items.isEmpty())
        return false;
    // An amount belongs to one item's balance: write-offs are asked for one at a time.
    if (m_items.size() > 1 && type == ActionType::RequestWriteOff)
        return false;
    rules::ActionContext context;
    context.assignee = m_user; // a stand-in: who exactly is asked when assigning
    return std::all_of(m_items.cbegin(), m_items.cend(), [&](const models::WorkItem &item) {
        return !rules::ActionPolicy::check(*m_user, item, probe(type, item), context);
    });
}

void ActionPanel::refresh()
{
    // Only the allowed actions, packed three to a row in the order of the workflow.
    int position = 0;
    for (ActionType type : models::allValues<ActionType>()) {
        if (!models::isWorkItemAction(type))
            continue;
        QPushButton *button = m_buttons.value(type);
        m_grid->removeWidget(button);
        const bool allowed = allowedOnAll(type);
        button->setVisible(allowed);
        if (allowed) {
            m_grid->addWidget(button, position / 3, position % 3);
            ++position;
        }
    }
    m_retry->hide();
    m_discard->hide();
    m_outboxState->clear();
    if (m_items.size() > 1) {
        m_outboxState->setText(
            tr("<b>%n items selected.</b> Actions apply to each of them.", nullptr, static_cast<int>(m_items.size())));
        return;
    }
    if (m_items.isEmpty())
        return;
    int pending = 0;
    // Only the person's own (and unattributed ones to review): never someone else's.
    for (const sync::OutboxEntry &entry : sync::Outbox(m_cache).entries(author())) {
        if (entry.workItemId != m_items.constFirst().id)
            continue;
        if (entry.state == sync::OutboxEntry::State::Pending) {
            ++pending;
            continue;
        }
        // The first action that needs the user: say why, offer retry and discard.
        if (m_retry->isVisible())
            continue;
        m_problemEntry = entry.id;
        QString text;
        if (entry.state == sync::OutboxEntry::State::Conflict) {
            text = tr("<b>Conflict:</b> your %1 was based on version %2, but the item changed on the server "
                      "(now version %3, %4). Retry it on the server's version, or discard it.")
                       .arg(entry.typeName())
                       .arg(entry.baseVersion)
                       .arg(entry.conflictItem.value(u"version"_s).toInteger())
                       .arg(entry.conflictItem.value(u"status"_s).toString());
        } else {
            text = tr("<b>Not accepted:</b> your %1: %2").arg(entry.typeName(), entry.lastError.toHtmlEscaped());
        }
        m_outboxState->setText(text);
        m_retry->show();
        m_discard->show();
    }
    if (pending > 0) {
        const QString waiting = tr("%n action(s) waiting to be sent", nullptr, pending);
        m_outboxState->setText(m_outboxState->text().isEmpty() ? waiting : m_outboxState->text() + u"<br>"_s + waiting);
    }
}

std::optional<QJsonObject> ActionPanel::askForDetails(ActionType type, const QList<models::WorkItem> &items)
{
    QJsonObject action {{u"type"_s, QString(models::wireName(type))}};
    bool ok = false;
    switch (type) {
    case ActionType::Note:
    case ActionType::Appeal:
    case ActionType::Escalate: {
        const QString text = QInputDialog::getMultiLineText(this, actionLabel(type), tr("Text:"), QString(), &ok);
        if (!ok || (type != ActionType::Escalate && text.trimmed().isEmpty()))
            return std::nullopt;
        if (!text.trimmed().isEmpty())
            action.insert(u"text"_s, text.trimmed());
        break;
    }
    case ActionType::Resolve: {
        const QString code = QInputDialog::getItem(this, actionLabel(type), tr("Resolution:"),
                                                   rules::ActionPolicy::resolutionCodes(), 0, false, &ok);
        if (!ok)
            return std::nullopt;
        action.insert(u"resolution"_s, code);
        break;
    }
    case ActionType::RequestWriteOff: {
        const QString amount = QInputDialog::getText(
            this, actionLabel(type), tr("Amount to write off (balance %1):").arg(items.constFirst().balance.toString()),
            QLineEdit::Normal, items.constFirst().balance.toString(), &ok);
        if (!ok)
            return std::nullopt;
        const QString reason = QInputDialog::getMultiLineText(this, actionLabel(type), tr("Reason:"), QString(), &ok);
        if (!ok || reason.trimmed().isEmpty())
            return std::nullopt;
        action.insert(u"amount"_s, amount.trimmed());
        action.insert(u"text"_s, reason.trimmed());
        break;
    }
    case ActionType::Assign: {
        store::WorkItemStore store(m_cache);
        QList<models::User> eligible;
        for (const models::User &user : store.users()) {
            const bool seesAll = std::all_of(items.cbegin(), items.cend(), [&](const models::WorkItem &item) {
                return rules::ActionPolicy::canView(user.role, item.queue);
            });
            // Supervisors hand work out; they take it themselves with Take.
            if (user.active && user.role != models::Role::Finance && user.role != models::Role::Supervisor && seesAll)
                eligible.append(user);
        }
        AssignDialog dialog(eligible, store.openItemsByOwner(), static_cast<int>(items.size()), this);
        if (dialog.exec() != QDialog::Accepted || dialog.assigneeId().isEmpty())
            return std::nullopt;
        action.insert(u"assignee"_s, dialog.assigneeId());
        break;
    }
    default:
        break;
    }
    return action;
}

void ActionPanel::take(ActionType type)
{
    // The items as they were when the user pressed the button: a sync finishing while a
    // dialog is open may change the selection, but not what this action is about.
    const QList<models::WorkItem> items = m_items;
    if (items.isEmpty())
        return;
    const std::optional<QJsonObject> action = askForDetails(type, items);
    if (!action)
        return;
    rules::Problem problem;
    if (!rules::ActionPolicy::parseAction(*action, &problem)) {
        QMessageBox::warning(this, actionLabel(type), problem.detail);
        return;
    }
    if (!author().isComplete()) {
        QMessageBox::warning(this, actionLabel(type),
                             tr("Not queued: the workbench does not know who is signed in, or to which gateway. Sign "
                                "in again, then take the action."));
        return;
    }
    // One outbox entry per item, each with its own key: the server takes or refuses each.
    sync::Outbox outbox(m_cache);
    int queued = 0;
    for (const models::WorkItem &item : items) {
        store::StoreError error;
        if (!outbox.enqueue(item.id, *action, author(), &error)) {
            QMessageBox::warning(
                this, actionLabel(type),
                tr("%1 of %2 actions were queued; then: %3").arg(queued).arg(items.size()).arg(error.message()));
            break;
        }
        ++queued;
    }
    refresh();
    if (queued > 0)
        Q_EMIT outboxChanged();
}

} // namespace rcm::ui
