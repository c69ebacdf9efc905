// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/passwordpolicy.h"

#include <QFile>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server::PasswordPolicy {

namespace {

const QSet<QString> &commonPasswords()
{
    static const QSet<QString> passwords = [] {
        QSet<QString> loaded;
        QFile file(u":/security/common-passwords.txt"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("The list of common passwords is not compiled in");
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty() && !line.startsWith(u'#'))
                loaded.insert(line);
        }
        return loaded;
    }();
    return passwords;
}

/// The password without the digits and symbols people add at its end to pass a rule
/// ("Summer2026!" is "summer").
QString withoutTrailingDigitsAndSymbols(const QString &lowered)
{
    qsizetype end = lowered.size();
    while (end > 0 && !lowered.at(end - 1).isLetter())
        --end;
    return lowered.first(end);
}

} // namespace

bool isCommon(const QString &password)
{
    const QString lowered = password.toLower();
    if (commonPasswords().contains(lowered))
        return true;
    const QString stem = withoutTrailingDigitsAndSymbols(lowered);
    return stem.size() >= 3 && commonPasswords().contains(stem);
}

QString refusal(const QString &password, const QString &username)
{
    if (password.size() < minimumLength)
        return u"The password is too short: use at least %1 characters (a few unrelated words make a good one)"_s.arg(
            minimumLength);
    if (password.count(password.at(0)) == password.size())
        return u"The password is one character repeated"_s;
    const QString lowered = password.toLower();
    const QString name = username.toLower();
    if (!name.isEmpty() && (lowered == name || (name.size() >= 4 && lowered.contains(name))))
        return u"The password contains the user name"_s;
    if (isCommon(password))
        return u"The password is a commonly used one (or one with digits or symbols added at its end); attackers try "
               "those first"_s;
    return {};
}

} // namespace rcm::server::PasswordPolicy
