// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

namespace rcm::server {

/// Salted PBKDF2-HMAC-SHA256. Passwords are never stored, only (salt, iterations, hash).
namespace PasswordHasher {

constexpr int defaultIterations = 210'000; // OWASP's 2023 figure for PBKDF2-HMAC-SHA256

struct Hashed
{
    QByteArray salt;
    QByteArray hash;
    int iterations = 0;
};

Hashed hash(const QString &password, int iterations = defaultIterations);
/// Compares in constant time.
bool verify(const QString &password, const Hashed &stored);

} // namespace PasswordHasher

} // namespace rcm::server
