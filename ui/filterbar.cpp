// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/filterbar.h"

#include "ui/itemmodels/displaynames.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

using itemmodels::AgeBucket;
using itemmodels::DeadlineWindow;
using itemmodels::QueueFilter;

namespace {

QComboBox *makeCombo(const QString &objectName, const QString &anyText)
{
    auto *combo = new QComboBox;
    combo->setObjectName(objectName);
    combo->addItem(anyText);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return combo;
}

/// Selects the entry whose data is value, or the "any" entry.
void selectData(QComboBox *combo, const QVariant &value)
{
    const int index = value.isValid() ? combo->findData(value) : 0;
    combo->setCurrentIndex(std::max(0, index));
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    m_payer = makeCombo(u"payerFilter"_s, tr("All payers"));
    m_facility = makeCombo(u"facilityFilter"_s, tr("All facilities"));
    m_category = makeCombo(u"categoryFilter"_s, tr("All reasons"));
    for (auto category : models::allValues<models::DenialCategory>())
        m_category->addItem(itemmodels::displayName(category), QString(models::wireName(category)));
    m_status = makeCombo(u"statusFilter"_s, tr("All open statuses"));
    for (auto status : models::allValues<models::WorkItemStatus>()) {
        if (status != models::WorkItemStatus::Resolved)
            m_status->addItem(itemmodels::displayName(status), QString(models::wireName(status)));
    }
    m_owner = makeCombo(u"ownerFilter"_s, tr("Any owner"));
    m_age = new QComboBox;
    m_age->setObjectName(u"ageFilter"_s);
    for (int bucket = 0; bucket <= int(AgeBucket::Over120); ++bucket)
        m_age->addItem(itemmodels::displayName(AgeBucket(bucket)), bucket);
    m_deadline = new QComboBox;
    m_deadline->setObjectName(u"deadlineFilter"_s);
    for (int window = 0; window <= int(DeadlineWindow::DueIn15To30); ++window)
        m_deadline->addItem(itemmodels::displayName(DeadlineWindow(window)), window);

    // Amounts as a biller types them: digits with up to two decimals.
    auto *amount = new QRegularExpressionValidator(QRegularExpression(u"\\d{0,9}([.,]\\d{0,2})?"_s), this);
    m_minimum = new QLineEdit;
    m_minimum->setObjectName(u"minimumBalance"_s);
    m_maximum = new QLineEdit;
    m_maximum->setObjectName(u"maximumBalance"_s);
    for (QLineEdit *edit : {m_minimum, m_maximum}) {
        edit->setValidator(amount);
        edit->setClearButtonEnabled(true);
        edit->setMaximumWidth(110);
        connect(edit, &QLineEdit::editingFinished, this, &FilterBar::emitChange);
    }
    m_minimum->setPlaceholderText(tr("Balance from"));
    m_maximum->setPlaceholderText(tr("to"));
    for (QComboBox *combo : {m_payer, m_facility, m_category, m_status, m_owner, m_age, m_deadline})
        connect(combo, &QComboBox::currentIndexChanged, this, &FilterBar::emitChange);

    auto *clearButton = new QPushButton(tr("Clear filters"));
    clearButton->setObjectName(u"clearFilters"_s);
    connect(clearButton, &QPushButton::clicked, this, &FilterBar::clear);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(new QLabel(tr("Filter:")));
    for (QWidget *widget : std::initializer_list<QWidget *> {m_payer, m_facility, m_category, m_status, m_owner, m_age,
                                                             m_deadline, m_minimum, m_maximum, clearButton})
        layout->addWidget(widget);
    layout->addStretch();
}

void FilterBar::setChoices(const QList<models::Payer> &payers, const QList<models::Facility> &facilities,
                           const QList<models::User> &users)
{
    const QueueFilter current = filter();
    m_updating = true;
    while (m_payer->count() > 1)
        m_payer->removeItem(1);
    for (const models::Payer &payer : payers)
        m_payer->addItem(payer.name, payer.id);
    while (m_facility->count() > 1)
        m_facility->removeItem(1);
    for (const models::Facility &facility : facilities)
        m_facility->addItem(facility.name.isEmpty() ? facility.id : facility.name, facility.id);
    while (m_owner->count() > 1)
        m_owner->removeItem(1);
    for (const models::User &user : users) {
        if (user.active)
            m_owner->addItem(user.displayName, user.id);
    }
    m_updating = false;
    setFilter(current);
}

QueueFilter FilterBar::filter() const
{
    QueueFilter filter;
    filter.payerId = m_payer->currentData().toString();
    filter.category = models::fromWireName<models::DenialCategory>(m_category->currentData().toString());
    filter.status = models::fromWireName<models::WorkItemStatus>(m_status->currentData().toString());
    filter.ownerId = m_owner->currentData().toString();
    filter.age = AgeBucket(m_age->currentData().toInt());
    filter.facilityId = m_facility->currentData().toString();
    filter.deadline = DeadlineWindow(m_deadline->currentData().toInt());
    const auto amount = [](const QLineEdit *edit) -> std::optional<models::Money> {
        QString text = edit->text().trimmed().replace(u',', u'.');
        if (text.endsWith(u'.')) // "100." as typed so far means 100
            text.chop(1);
        return text.isEmpty() ? std::nullopt : models::Money::fromString(text);
    };
    filter.minimumBalance = amount(m_minimum);
    filter.maximumBalance = amount(m_maximum);
    return filter;
}

void FilterBar::setFilter(const QueueFilter &filter)
{
    const bool wasUpdating = std::exchange(m_updating, true);
    selectData(m_payer, filter.payerId.isEmpty() ? QVariant() : QVariant(filter.payerId));
    selectData(m_category, filter.category ? QVariant(QString(models::wireName(*filter.category))) : QVariant());
    selectData(m_status, filter.status ? QVariant(QString(models::wireName(*filter.status))) : QVariant());
    selectData(m_owner, filter.ownerId.isEmpty() ? QVariant() : QVariant(filter.ownerId));
    m_age->setCurrentIndex(int(filter.age));
    selectData(m_facility, filter.facilityId.isEmpty() ? QVariant() : QVariant(filter.facilityId));
    m_deadline->setCurrentIndex(int(filter.deadline));
    m_minimum->setText(filter.minimumBalance ? filter.minimumBalance->toString() : QString());
    m_maximum->setText(filter.maximumBalance ? filter.maximumBalance->toString() : QString());
    m_updating = wasUpdating;
    emitChange();
}

void FilterBar::clear()
{
    setFilter({});
}

void FilterBar::emitChange()
{
    if (!m_updating)
        Q_EMIT filterChanged(filter());
}

} // namespace rcm::ui
