// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

namespace rcm::security {

/// Salted PBKDF2-HMAC-SHA256. Passwords are never stored, only (salt, iterations, hash): the
/// gateway's accounts and the workbench's offline unlock keep the same kind of hash.
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
/// A stored hash no password matches (a random salt and hash), for a user name that
/// cannot sign in: verifying against it costs what a real user's check costs, so the
/// answer's timing does not tell whether the name exists.
Hashed decoy(int iterations = defaultIterations);

/// PBKDF2 iterations run by verify() in this process so far: lets a test see that a
/// sign-in did the full work without timing it.
qint64 iterationsVerified();

} // namespace PasswordHasher

} // namespace rcm::security
