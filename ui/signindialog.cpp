// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/signindialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace rcm::ui {

SignInDialog::SignInDialog(const QString &server, const QString &username, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Sign in to RCM Workbench"));
    m_server = new QLineEdit(server);
    m_server->setObjectName(u"server"_s);
    m_username = new QLineEdit(username);
    m_username->setObjectName(u"username"_s);
    m_password = new QLineEdit;
    m_password->setObjectName(u"password"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_caFile = new QLineEdit;
    m_caFile->setObjectName(u"caFile"_s);
    m_caFile->setPlaceholderText(tr("Only for your organisation's own CA"));
    m_caFile->setToolTip(tr("A PEM file of the certificate authority that issued the gateway's certificate, "
                            "trusted beside the system's"));
    m_error = new QLabel;
    m_error->setObjectName(u"error"_s);
    m_error->setStyleSheet(u"color: #a40e26"_s);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    auto *browse = new QPushButton(tr("Browse…"));
    browse->setObjectName(u"browseCaFile"_s);
    connect(browse, &QPushButton::clicked, this, [this] {
        // Opened, not exec'd: the window keeps running while the person looks for the file.
        auto *chooser = new QFileDialog(this, tr("CA certificate file"), m_caFile->text(),
                                        tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        connect(chooser, &QFileDialog::fileSelected, m_caFile, &QLineEdit::setText);
        chooser->open();
    });
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    auto *caLabel = new QLabel(tr("&CA certificate file:"));
    caLabel->setBuddy(m_caFile);
    form->addRow(caLabel, caRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    (username.isEmpty() ? m_username : m_password)->setFocus();
    setMinimumWidth(480);
}

QString SignInDialog::server() const
{
    return m_server->text().trimmed();
}

QString SignInDialog::username() const
{
    return m_username->text().trimmed();
}

QString SignInDialog::password() const
{
    return m_password->text();
}

QString SignInDialog::caFile() const
{
    return m_caFile->text().trimmed();
}

void SignInDialog::setCaFile(const QString &path)
{
    m_caFile->setText(path);
}

void SignInDialog::setError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_password->clear();
    m_password->setFocus();
}

} // namespace rcm::ui
