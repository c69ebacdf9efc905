// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/security/passwordhasher.h"

#include <QPasswordDigestor>
#include <QRandomGenerator>

#include <atomic>

namespace rcm::security::PasswordHasher {

namespace {
constexpr int keyLength = 32;

std::atomic<qint64> verifiedIterations {0}; // verify() runs on a pool's threads

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, password.toUtf8(), salt, iterations,
                                              keyLength);
}
} // namespace

Hashed hash(const QString &password, int iterations)
{
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    return {salt, derive(password, salt, iterations), iterations};
}

bool verify(const QString &password, const Hashed &stored)
{
    if (stored.hash.size() != keyLength || stored.iterations <= 0)
        return false;
    const QByteArray candidate = derive(password, stored.salt, stored.iterations);
    verifiedIterations += stored.iterations;
    unsigned char difference = 0;
    for (qsizetype index = 0; index < keyLength; ++index)
        difference |= static_cast<unsigned char>(candidate[index] ^ stored.hash[index]);
    return difference == 0;
}

Hashed decoy(int iterations)
{
    QByteArray salt(16, Qt::Uninitialized);
    QByteArray hashed(keyLength, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    QRandomGenerator::system()->generate(hashed.begin(), hashed.end());
    return {salt, hashed, iterations};
}

qint64 iterationsVerified()
{
    return verifiedIterations.load();
}

} // namespace rcm::security::PasswordHasher
