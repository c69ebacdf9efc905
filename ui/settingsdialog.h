// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rcm::ui {

/// The workstation's settings: the server, the folder of the people's caches, the idle time before
/// the workbench locks itself, and the language. Kept in QSettings.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    /// Writes the settings; says which take effect only after a restart.
    void save();
    int autoLockMinutes() const;
    /// The organisation's longest idle time (from the gateway): the person may only choose shorter.
    void setAutoLockCeiling(int minutes);
    QString language() const;

    /// Where each person's cache lives when no folder is set: in the user's data folder.
    static QString defaultCacheFolder();

private:
    void chooseCacheFolder();

    QLineEdit *m_server = nullptr;
    QLineEdit *m_cachePath = nullptr;
    QSpinBox *m_autoLock = nullptr;
    QLabel *m_autoLockCeiling = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace rcm::ui
