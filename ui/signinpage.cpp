// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/signinpage.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

SignInPage::SignInPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"signInPage"_s);
    m_heading = new QLabel;
    m_heading->setObjectName(u"signInHeading"_s);
    m_heading->setWordWrap(true);
    m_heading->setAlignment(Qt::AlignCenter);
    m_server = new QLineEdit;
    m_server->setObjectName(u"server"_s);
    m_username = new QLineEdit;
    m_username->setObjectName(u"username"_s);
    m_password = new QLineEdit;
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_caFile = new QLineEdit;
    m_caFile->setObjectName(u"caFile"_s);
    m_caFile->setPlaceholderText(tr("Only for your organisation's own CA"));
    m_caFile->setToolTip(tr("A PEM file of the certificate authority that issued the gateway's certificate, "
                            "trusted beside the system's"));
    m_message = new QLabel;
    m_message->setObjectName(u"error"_s);
    m_message->setWordWrap(true);
    m_message->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    m_browse = new QPushButton(tr("Browse…"));
    m_browse->setObjectName(u"browseCaFile"_s);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        // Opened, not exec'd: the window keeps running while the person looks for the file.
        auto *chooser = new QFileDialog(this, tr("CA certificate file"), m_caFile->text(),
                                        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        chooser->setWindowModality(Qt::WindowModal);
        connect(chooser, &QFileDialog::fileSelected, m_caFile, &QLineEdit::setText);
        chooser->open();
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    auto *caLabel = new QLabel(tr("&CA certificate file:"));
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);

    m_signIn = new QPushButton(tr("Sign in"));
    m_signIn->setObjectName(u"signInButton"_s);
    m_signIn->setDefault(true);
    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::submit);
    for (QLineEdit *field : {m_server, m_username, m_password, m_caFile})
        connect(field, &QLineEdit::returnPressed, this, &SignInPage::submit);
    m_someoneElse = new QPushButton(tr("Sign in as someone else"));
    m_someoneElse->setObjectName(u"someoneElse"_s);
    m_someoneElse->setFlat(true);
    connect(m_someoneElse, &QPushButton::clicked, this, [this]() {
        // Their own cache opens for them; the locked person's work stays in theirs.
        m_lockedMode = false;
        setFieldsFixed(false);
        m_someoneElse->hide();
        m_username->clear();
        m_password->clear();
        m_message->hide();
        m_heading->setText(tr("<h2>Sign in</h2><p>Your own work opens for you; the work of the person "
                              "before you stays theirs.</p>"));
        m_username->setFocus();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_someoneElse);
    buttons->addStretch();
    buttons->addWidget(m_signIn);

    // A card in the middle of the window.
    auto *card = new QFrame;
    card->setObjectName(u"signInCard"_s);
    card->setFrameShape(QFrame::StyledPanel);
    card->setMaximumWidth(560);
    auto *cardLayout = new QVBoxLayout(card);
    auto *logo = new QLabel;
    logo->setPixmap(QIcon(u":/icons/rcm-workbench.svg"_s).pixmap(64, 64));
    logo->setAlignment(Qt::AlignCenter);
    cardLayout->addWidget(logo);
    cardLayout->addWidget(m_heading);
    cardLayout->addLayout(form);
    cardLayout->addWidget(m_message);
    cardLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(card, 1);
    row->addStretch();
    layout->addLayout(row);
    layout->addStretch(2);
}

void SignInPage::showSignIn(const QString &server, const QString &username, const QString &caFile)
{
    m_lockedMode = false;
    m_heading->setText(tr("<h2>Sign in to RCM Workbench</h2><p>Your work queues open once you have signed in.</p>"));
    m_server->setText(server);
    m_username->setText(username);
    m_caFile->setText(caFile);
    m_password->clear();
    m_message->hide();
    setFieldsFixed(false);
    m_someoneElse->hide();
    setBusy(false);
    focusFirstEmpty();
}

void SignInPage::showLocked(const QString &server, const QString &username, const QString &displayName)
{
    m_lockedMode = true;
    m_heading->setText(tr("<h2>Locked</h2><p>The workbench is locked and hides all patient data. %1, enter your "
                          "password to continue where you left off.</p>")
                           .arg(displayName.toHtmlEscaped()));
    m_server->setText(server);
    m_username->setText(username);
    m_password->clear();
    m_message->hide();
    setFieldsFixed(true);
    m_someoneElse->show();
    setBusy(false);
    m_password->setFocus();
}

void SignInPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    focusFirstEmpty(); // the window's first focus would otherwise go to the server
}

void SignInPage::focusFirstEmpty()
{
    (m_username->text().isEmpty() ? m_username : m_password)->setFocus();
}

void SignInPage::setFieldsFixed(bool fixed)
{
    m_server->setReadOnly(fixed);
    m_username->setReadOnly(fixed);
    m_caFile->setReadOnly(fixed);
    m_browse->setEnabled(!fixed);
}

QString SignInPage::server() const
{
    return m_server->text().trimmed();
}

QString SignInPage::username() const
{
    return m_username->text().trimmed();
}

QString SignInPage::password() const
{
    return m_password->text();
}

QString SignInPage::caFile() const
{
    return m_caFile->text().trimmed();
}

void SignInPage::setCaFile(const QString &path)
{
    m_caFile->setText(path);
}

void SignInPage::setMessage(const QString &message, bool isError)
{
    m_message->setStyleSheet(isError ? u"color: #a40e26"_s : QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    setBusy(false);
    m_password->clear();
    m_password->setFocus();
}

void SignInPage::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("Sign in"));
}

void SignInPage::submit()
{
    if (!m_signIn->isEnabled())
        return;
    if (username().isEmpty()) {
        m_message->setStyleSheet(u"color: #a40e26"_s);
        m_message->setText(tr("Enter your user name."));
        m_message->show();
        m_username->setFocus();
        return;
    }
    setBusy(true);
    Q_EMIT signInRequested(server(), username(), password());
}

} // namespace rcm::ui
