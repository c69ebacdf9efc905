// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/transportsecurity.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

std::optional<QSslConfiguration> loadTlsConfiguration(const QString &certificatePath, const QString &keyPath,
                                                      QString *error)
{
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS certificate %1: %2"_s.arg(certificatePath, certificateFile.errorString());
        return std::nullopt;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (chain.isEmpty() || chain.constFirst().isNull()) {
        *error = u"%1 holds no PEM certificate"_s.arg(certificatePath);
        return std::nullopt;
    }
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the TLS key %1: %2"_s.arg(keyPath, keyFile.errorString());
        return std::nullopt;
    }
    const QByteArray keyBytes = keyFile.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        key = QSslKey(keyBytes, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *error = u"%1 holds no unencrypted PEM private key (RSA or EC)"_s.arg(keyPath);
        return std::nullopt;
    }
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients prove who they are by signing in
    return configuration;
}

QString transportRefusal(const TransportChoice &choice)
{
    if (choice.tls || choice.listen.isLoopback())
        return {};
    if (!choice.behindTlsProxy) {
        return u"plain HTTP is only served on a loopback address: give --tls-cert and --tls-key, or, behind a TLS "
               "proxy, --behind-tls-proxy with --trusted-proxy ADDRESS"_s;
    }
    if (choice.trustedProxies.isEmpty())
        return u"--behind-tls-proxy needs --trusted-proxy ADDRESS: the proxy whose X-Forwarded-For is believed"_s;
    return {};
}

std::optional<QList<QHostAddress>> parseTrustedProxies(const QStringList &values, QString *error)
{
    QList<QHostAddress> addresses;
    for (const QString &value : values) {
        for (const QString &item : value.split(u',', Qt::SkipEmptyParts)) {
            const QHostAddress address(item.trimmed());
            if (address.isNull()) {
                *error = u"--trusted-proxy: \"%1\" is not an IP address"_s.arg(item.trimmed());
                return std::nullopt;
            }
            addresses.append(address);
        }
    }
    return addresses;
}

} // namespace rcm::server
