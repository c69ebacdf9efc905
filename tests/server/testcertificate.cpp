// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "tests/server/testcertificate.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

using namespace Qt::Literals::StringLiterals;

namespace rcm::testing {

std::optional<TestCertificate> TestCertificate::make(const QString &directory)
{
    const QDir folder(directory);
    TestCertificate result {folder.filePath(u"cert.pem"_s), folder.filePath(u"key.pem"_s)};
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    openssl.start(u"openssl"_s,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s, u"-subj"_s,
                   u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s, u"-keyout"_s, result.keyPath,
                   u"-out"_s, result.certificatePath});
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0
        || !QFileInfo::exists(result.certificatePath) || !QFileInfo::exists(result.keyPath)) {
        qWarning("openssl could not make a test certificate: is the openssl package installed?");
        return std::nullopt;
    }
    return result;
}

} // namespace rcm::testing
