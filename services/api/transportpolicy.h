// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

#include <optional>

namespace rcm::api {

/// Why a password or token must not be sent to url, or empty when it may: plain http://
/// only ever goes to this computer (127.0.0.0/8, ::1, "localhost"); anything else is https://.
QString insecureServerReason(const QUrl &url);

/// The CA certificates (PEM, one or more) that vouch for a gateway's own certificate, added
/// to the system's. On failure, nothing, and error says why.
std::optional<QList<QSslCertificate>> readCaFile(const QString &path, QString *error);

} // namespace rcm::api
