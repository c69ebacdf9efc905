// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/security/passwordhasher.h"
#include "services/store/cacheowner.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

namespace rcm::security {

/// A slow salted hash of the password of the cache owner's last online sign-in.
using OfflineVerifier = PasswordHasher::Hashed;

constexpr int offlineVerifierIterations = 210'000;
/// Wrong offline passwords in a row before offline unlock is refused for a while, and how long.
constexpr int offlineAttemptsBeforeRefusal = 5;
constexpr int offlineRefusalMinutes = 5;

OfflineVerifier makeOfflineVerifier(const QString &password); ///< slow: PBKDF2-HMAC-SHA256, 210,000 iterations
bool matchesOfflineVerifier(const QString &password, const OfflineVerifier &verifier); ///< slow, constant-time compare

enum class OfflineUnlockResult {
    Unlocked,
    NoVerifier, ///< nobody has signed in online to this cache, or nothing was kept
    WrongPassword,
    Expired, ///< the last online sign-in is older than the gateway's offlineUnlockHours
    NotOwner, ///< the cache belongs to someone else
    TooManyAttempts, ///< refused for a while after too many wrong passwords in a row
    CacheError,
};

struct OfflineUnlockOutcome
{
    OfflineUnlockResult result = OfflineUnlockResult::CacheError;
    std::optional<store::CacheOwner> owner; ///< only when Unlocked
    QString message; ///< a sentence a user reads
};

/// Keeps and checks offline verifiers: after each online sign-in the workbench remembers
/// its owner's password as a slow salted hash (in the system keyring when there is one,
/// else in the owner-only cache file), so that the same person, and nobody else, can
/// unlock it while the gateway cannot be reached, for as long as the gateway's policy allows.
/// Slow hashing and the cache run on a worker thread of its own (one at a time, in the
/// order asked), never the caller's; callbacks run in context's thread (not at all if
/// context is gone, or if this object is). No nested event loops. Destroying it waits for
/// the step in progress, at most one hash: keep one for the life of the window.
class OfflineUnlock final : public QObject
{
    Q_OBJECT

public:
    enum class Keyring {
        System, ///< the system keyring, falling back to the cache when it fails or is slow
        None, ///< the cache file only (tests; RCM_KEYRING=none also forces it)
    };

    explicit OfflineUnlock(Keyring keyring = Keyring::System, QObject *parent = nullptr);
    ~OfflineUnlock() override;
    Q_DISABLE_COPY_MOVE(OfflineUnlock)

    Keyring keyring() const { return m_keyring; }

    /// After a successful online sign-in: records owner (writes CacheOwner with lastOnlineSignIn = now) into the cache
    /// at cachePath and a verifier of password (keyring under service "rcm-workbench", key "offline:" + username + "@"
    /// + server; on any keyring error or timeout (2 s), in the cache). done(error message or empty).
    void remember(const QString &cachePath, const store::CacheOwner &owner, const QString &password,
                  const QObject *context, std::function<void(const QString &error)> done);
    /// The gateway cannot be reached: may (server, username) unlock the cache at cachePath with password at now?
    /// NotOwner when the cache has another owner; NoVerifier when none was kept; TooManyAttempts while refused after
    /// wrong passwords; Expired when now is later than lastOnlineSignIn + offlineUnlockHours; WrongPassword otherwise
    /// if it does not match. Every answer but CacheError costs one full hash, so timing does not tell them apart.
    void tryUnlock(const QString &cachePath, const QString &server, const QString &username, const QString &password,
                   const QDateTime &now, const QObject *context,
                   std::function<void(const OfflineUnlockOutcome &)> done);
    /// Forgets the verifier (keyring and cache), e.g. when the gateway says the password changed.
    void forget(const QString &cachePath, const QString &server, const QString &username);

private:
    template<typename Result>
    void inWorker(std::function<Result()> work, const QObject *receiver, std::function<void(const Result &)> then);
    void runKeyringJob(QKeychain::Job *job, std::function<void(QKeychain::Job *finished)> settled);
    void writeToKeyring(const QString &cachePath, const QString &key, const QByteArray &verifier,
                        std::function<void()> done);
    void readFromKeyring(const QString &key, std::function<void(const QByteArray &verifier)> done);

    Keyring m_keyring;
    QThreadPool m_worker;
};

} // namespace rcm::security
