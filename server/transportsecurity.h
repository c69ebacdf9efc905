// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHostAddress>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcm::server {

/// The server side of TLS from a PEM certificate file (the server's certificate first,
/// then any intermediates) and a PEM private key file (RSA or EC, not encrypted); TLS 1.2
/// or later. On failure, error says which file and why.
std::optional<QSslConfiguration> loadTlsConfiguration(const QString &certificatePath, const QString &keyPath,
                                                      QString *error);

/// How rcm-gateway is reached: directly over TLS, through a TLS proxy in front of it, or
/// in plain HTTP (loopback only).
struct TransportChoice
{
    QHostAddress listen;
    bool tls = false;
    bool behindTlsProxy = false;
    QList<QHostAddress> trustedProxies;
};

/// Why the choice is refused, or empty when it is sound: plain HTTP is only for a loopback
/// address, unless a TLS proxy in front is declared together with the proxies to trust.
QString transportRefusal(const TransportChoice &choice);

/// The addresses of --trusted-proxy values (each repeatable, or a comma list); on a value
/// that is not an IP address, nothing, and error names it.
std::optional<QList<QHostAddress>> parseTrustedProxies(const QStringList &values, QString *error);

} // namespace rcm::server
