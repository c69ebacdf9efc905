// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/settingsdialog.h"

#include "ui/idlelock.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Settings"));
    const QSettings settings;

    m_server = new QLineEdit(settings.value(u"server"_s, u"http://127.0.0.1:8080"_s).toString());
    m_server->setObjectName(u"serverSetting"_s);
    m_cachePath = new QLineEdit(settings.value(u"cacheFolder"_s, defaultCacheFolder()).toString());
    m_cachePath->setToolTip(tr("Each person's cache is a file of its own in this folder, readable by them only"));
    m_cachePath->setObjectName(u"cacheSetting"_s);
    auto *browse = new QPushButton(tr("Choose…"));
    connect(browse, &QPushButton::clicked, this, &SettingsDialog::chooseCacheFolder);
    auto *cacheRow = new QHBoxLayout;
    cacheRow->addWidget(m_cachePath, 1);
    cacheRow->addWidget(browse);

    m_autoLock = new QSpinBox;
    m_autoLock->setObjectName(u"autoLockSetting"_s);
    m_autoLock->setRange(1, 240);
    m_autoLock->setSuffix(tr(" minutes"));
    m_autoLock->setValue(settings.value(u"autoLockMinutes"_s, IdleLock::defaultMinutes).toInt());
    m_autoLockCeiling = new QLabel;
    m_autoLockCeiling->setObjectName(u"autoLockCeiling"_s);
    m_autoLockCeiling->hide();
    auto *autoLockRow = new QHBoxLayout;
    autoLockRow->addWidget(m_autoLock);
    autoLockRow->addWidget(m_autoLockCeiling, 1);

    m_language = new QComboBox;
    m_language->setObjectName(u"languageSetting"_s);
    m_language->addItem(tr("As the system"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Español"_s, u"es"_s);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.value(u"language"_s).toString())));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *note = new QLabel(tr("A new cache location and language take effect when the workbench starts again."));
    note->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Cache folder:"), cacheRow);
    form->addRow(tr("Lock after idle:"), autoLockRow);
    form->addRow(tr("Language:"), m_language);
    form->addRow(note);
    form->addRow(buttons);
    resize(560, sizeHint().height());
}

void SettingsDialog::save()
{
    QSettings settings;
    settings.setValue(u"server"_s, m_server->text().trimmed());
    const QString cacheFolder = m_cachePath->text().trimmed();
    if (cacheFolder.isEmpty() || cacheFolder == defaultCacheFolder())
        settings.remove(u"cacheFolder"_s);
    else
        settings.setValue(u"cacheFolder"_s, cacheFolder);
    settings.setValue(u"autoLockMinutes"_s, m_autoLock->value());
    settings.setValue(u"language"_s, language());
}

int SettingsDialog::autoLockMinutes() const
{
    return m_autoLock->value();
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setAutoLockCeiling(int minutes)
{
    if (minutes <= 0)
        return;
    m_autoLock->setMaximum(minutes);
    m_autoLockCeiling->setText(tr("Your organisation allows at most %n minute(s).", nullptr, minutes));
    m_autoLockCeiling->show();
}

QString SettingsDialog::defaultCacheFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(u"caches"_s);
}

void SettingsDialog::chooseCacheFolder()
{
    // Opened, not exec'd: the window keeps running while the person looks.
    auto *chooser = new QFileDialog(this, tr("Cache folder"), m_cachePath->text());
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setFileMode(QFileDialog::Directory);
    chooser->setOption(QFileDialog::ShowDirsOnly);
    connect(chooser, &QFileDialog::fileSelected, m_cachePath, &QLineEdit::setText);
    chooser->open();
}

} // namespace rcm::ui
