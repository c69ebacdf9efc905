// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace rcm::ui {

/// The workstation's settings: the server, where the cache lives, the idle time before
/// the workbench locks itself, and the language. Kept in QSettings.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    /// Writes the settings; says which take effect only after a restart.
    void save();
    int autoLockMinutes() const;
    QString language() const;

    /// The cache file used when none is set: in the user's data folder.
    static QString defaultCachePath();

private:
    void chooseCacheFile();

    QLineEdit *m_server = nullptr;
    QLineEdit *m_cachePath = nullptr;
    QSpinBox *m_autoLock = nullptr;
    QComboBox *m_language = nullptr;
};

} // namespace rcm::ui
