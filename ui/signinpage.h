// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace rcm::ui {

/// The page the workbench opens on, and shows again when it locks: the server, the user
/// name and the password, and, for a gateway whose certificate comes from the
/// organisation's own certificate authority, that CA's file. Nothing of any patient is
/// on it. Locked, the server and the user are fixed to the person who was working; they
/// may sign in again, or let someone else sign in (who then gets their own cache).
class SignInPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SignInPage(QWidget *parent = nullptr);

    /// Nobody is signed in: every field is open.
    void showSignIn(const QString &server, const QString &username, const QString &caFile);
    /// The workbench is locked for username (shown as displayName) on server.
    void showLocked(const QString &server, const QString &username, const QString &displayName);

    QString server() const;
    QString username() const;
    QString password() const;
    QString caFile() const;
    void setCaFile(const QString &path);
    /// Says why the last attempt failed (or why the page is shown), and asks for the
    /// password again.
    void setMessage(const QString &message, bool isError = true);
    /// While a sign-in is under way: the button waits and says so.
    void setBusy(bool busy);
    bool isLockedMode() const { return m_lockedMode; }

Q_SIGNALS:
    void signInRequested(const QString &server, const QString &username, const QString &password);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void submit();
    /// The first field left to fill: the user name, or the password.
    void focusFirstEmpty();
    void setFieldsFixed(bool fixed);

    QLabel *m_heading = nullptr;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browse = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_someoneElse = nullptr;
    bool m_lockedMode = false;
};

} // namespace rcm::ui
