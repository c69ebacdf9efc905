// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace rcm::server {

/// The gateway's secret for the audit chain and its checkpoints: 32 random bytes kept in a
/// file outside the database (owner read/write only), so that someone who can rewrite the
/// database but not read this file cannot forge entries that verify.
class AuditKey final
{
public:
    enum class Creation { CreateIfMissing, MustExist };

    /// Reads the key file (64 hex digits), or creates it with a new random key when allowed.
    /// Refuses a file that its group or others may read or write, and a damaged one.
    static std::optional<AuditKey> load(const QString &path, Creation creation, QString *error);
    /// A fresh random key held in memory only (benchmarks, tests that never verify).
    static AuditKey generate();
    static AuditKey fromBytes(const QByteArray &secret) { return AuditKey(secret); }

    /// Hex HMAC-SHA256 of message under this key.
    QByteArray sign(QByteArrayView message) const;

    /// The key file beside a gateway database: "audit.key" in its folder.
    static QString defaultPath(const QString &databasePath);

private:
    explicit AuditKey(QByteArray secret)
        : m_secret(std::move(secret))
    { }

    QByteArray m_secret;
};

} // namespace rcm::server
