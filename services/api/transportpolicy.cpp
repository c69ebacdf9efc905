// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/api/transportpolicy.h"

#include <QFile>
#include <QHostAddress>

using namespace Qt::Literals::StringLiterals;

namespace rcm::api {

QString insecureServerReason(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s)
        return {};
    if (scheme != u"http"_s)
        return u"The server address must start with https:// (or http:// for this computer only)"_s;
    const QString host = url.host().toLower();
    // "localhost" may resolve elsewhere only through a tampered hosts file; an address is
    // judged as written.
    if (host == u"localhost"_s || QHostAddress(host).isLoopback())
        return {};
    return u"Refusing to send a password over plain http:// to %1: use https:// (plain HTTP is for this computer "
           "only)"_s.arg(host);
}

std::optional<QList<QSslCertificate>> readCaFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"Cannot read the CA file %1: %2"_s.arg(path, file.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty() || certificates.constFirst().isNull()) {
        *error = u"%1 holds no PEM certificate"_s.arg(path);
        return std::nullopt;
    }
    return certificates;
}

} // namespace rcm::api
