// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/auditkey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

namespace {

constexpr qsizetype secretBytes = 32;

bool isPrivate(const QFile &file)
{
#ifdef Q_OS_UNIX
    constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
    return (file.permissions() & others) == QFileDevice::Permissions();
#else
    Q_UNUSED(file)
    return true; // NTFS access lists are the installer's to set
#endif
}

} // namespace

AuditKey AuditKey::generate()
{
    QByteArray secret(secretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    return AuditKey(secret);
}

std::optional<AuditKey> AuditKey::load(const QString &path, Creation creation, QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QFile file(path);
    if (!file.exists()) {
        if (creation == Creation::MustExist)
            return fail(u"there is no audit key at %1"_s.arg(path));
        const AuditKey key = generate();
        // Created owner-only from the first byte; NewOnly never overwrites a key that
        // appeared meanwhile.
        if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return fail(u"cannot create the audit key %1: %2"_s.arg(path, file.errorString()));
        if (file.write(key.m_secret.toHex() + '\n') != secretBytes * 2 + 1 || !file.flush())
            return fail(u"cannot write the audit key %1: %2"_s.arg(path, file.errorString()));
        return key;
    }
    if (!isPrivate(file)) {
        return fail(u"the audit key %1 may be read by other users; make it readable by the gateway's account only "
                    "(chmod 600) and start again"_s.arg(path));
    }
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read the audit key %1: %2"_s.arg(path, file.errorString()));
    const QByteArray text = file.read(secretBytes * 4).trimmed();
    const QByteArray secret = QByteArray::fromHex(text);
    if (text.size() != secretBytes * 2 || secret.size() != secretBytes || secret.toHex() != text.toLower())
        return fail(u"the audit key %1 is damaged: it must hold 64 hexadecimal digits"_s.arg(path));
    return AuditKey(secret);
}

QByteArray AuditKey::sign(QByteArrayView message) const
{
    return QMessageAuthenticationCode::hash(message.toByteArray(), m_secret, QCryptographicHash::Sha256).toHex();
}

QString AuditKey::defaultPath(const QString &databasePath)
{
    return QFileInfo(databasePath).dir().filePath(u"audit.key"_s);
}

} // namespace rcm::server
