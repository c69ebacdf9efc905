// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace rcm::ui {

/// Asks for the server, the user name and the password, and, for a gateway whose
/// certificate comes from the organisation's own certificate authority, that CA's file.
/// The window signs in with them and shows the dialog again, with the reason, if that fails.
class SignInDialog final : public QDialog
{
    Q_OBJECT

public:
    SignInDialog(const QString &server, const QString &username, QWidget *parent = nullptr);

    QString server() const;
    QString username() const;
    QString password() const;
    QString caFile() const;
    void setCaFile(const QString &path);
    void setError(const QString &message);

private:
    QLineEdit *m_server = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace rcm::ui
