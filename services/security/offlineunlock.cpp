// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/security/offlineunlock.h"

#include "services/security/securitylogging.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/store/transactionguard.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <qt6keychain/keychain.h>

#include <memory>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace rcm::security {

namespace {

const QString keyringService = u"rcm-workbench"_s;
constexpr int keyringTimeoutMilliseconds = 2000;

QString keyringKey(const QString &username, const QString &server)
{
    return u"offline:"_s + username + u'@' + server;
}

QByteArray serialize(const OfflineVerifier &verifier)
{
    return QJsonDocument(QJsonObject {
                             {u"algorithm"_s, u"pbkdf2-sha256"_s},
                             {u"iterations"_s, verifier.iterations},
                             {u"salt"_s, QString::fromLatin1(verifier.salt.toBase64())},
                             {u"hash"_s, QString::fromLatin1(verifier.hash.toBase64())},
                         })
        .toJson(QJsonDocument::Compact);
}

std::optional<OfflineVerifier> parse(const QByteArray &kept)
{
    const QJsonObject object = QJsonDocument::fromJson(kept).object();
    if (object.value(u"algorithm"_s).toString() != u"pbkdf2-sha256"_s)
        return std::nullopt;
    OfflineVerifier verifier {QByteArray::fromBase64(object.value(u"salt"_s).toString().toLatin1()),
                              QByteArray::fromBase64(object.value(u"hash"_s).toString().toLatin1()),
                              object.value(u"iterations"_s).toInt()};
    if (verifier.salt.isEmpty() || verifier.hash.isEmpty() || verifier.iterations <= 0)
        return std::nullopt;
    return verifier;
}

QPointer<QObject> watch(const QObject *context)
{
    return QPointer<QObject>(const_cast<QObject *>(context));
}

OfflineUnlockOutcome outcome(OfflineUnlockResult result, const store::CacheOwner *owner = nullptr)
{
    switch (result) {
    case OfflineUnlockResult::Unlocked:
        return {
            result, *owner,
            u"Unlocked offline: the gateway cannot be reached, so your changes wait on this computer until it can."_s};
    case OfflineUnlockResult::NoVerifier:
        return {result, std::nullopt,
                u"This workbench cannot be unlocked offline for you: sign in once while the gateway can be reached."_s};
    case OfflineUnlockResult::WrongPassword:
        return {result, std::nullopt, u"The password is not the one you last signed in with on this computer."_s};
    case OfflineUnlockResult::Expired:
        return {result, std::nullopt, u"Offline unlock has expired: sign in again when the gateway can be reached."_s};
    case OfflineUnlockResult::NotOwner:
        return {result, std::nullopt,
                u"This workbench's data belongs to someone else: only they can unlock it offline."_s};
    case OfflineUnlockResult::TooManyAttempts:
        return {result, std::nullopt,
                u"Too many wrong passwords in a row: offline unlock is refused for %1 minutes."_s.arg(
                    offlineRefusalMinutes)};
    case OfflineUnlockResult::CacheError:
        break;
    }
    return {OfflineUnlockResult::CacheError, std::nullopt, u"The workbench's local data cannot be read."_s};
}

/// Refuses after the cost of one full check, so the answer's timing does not tell a
/// missing verifier, another person or a refusal from a wrong password.
OfflineUnlockOutcome refuse(OfflineUnlockResult result, const QString &password)
{
    std::ignore = matchesOfflineVerifier(password, PasswordHasher::decoy(offlineVerifierIterations));
    return outcome(result);
}

OfflineUnlockOutcome cacheError(const store::StoreError &error)
{
    OfflineUnlockOutcome failed = outcome(OfflineUnlockResult::CacheError);
    failed.message = u"The workbench's local data cannot be read: %1"_s.arg(error.message());
    return failed;
}

struct Attempt
{
    QString cachePath;
    QString server;
    QString username;
    QString password;
    QDateTime now;
    OfflineUnlock::Keyring keyring;
};

/// How an attempt stands: decided, or waiting for the verifier the keyring holds.
struct Assessment
{
    OfflineUnlockOutcome outcome;
    QString keyringKey; ///< set when the keyring must be asked first
};

/// Runs on the worker. fromKeyring: what the keyring answered, once it was asked.
Assessment assess(const Attempt &attempt, const std::optional<QByteArray> &fromKeyring)
{
    const QString &password = attempt.password;
    if (!QFileInfo::exists(attempt.cachePath))
        return {refuse(OfflineUnlockResult::NoVerifier, password), {}};
    store::Database cache;
    if (store::StoreError error = cache.open(attempt.cachePath, store::workbenchCacheSchema()))
        return {cacheError(error), {}};
    store::StoreError error;
    const std::optional<store::CacheOwner> owner = store::readCacheOwner(cache, &error);
    if (error)
        return {cacheError(error), {}};
    if (!owner)
        return {refuse(OfflineUnlockResult::NoVerifier, password), {}};
    if (!store::isOwner(*owner, attempt.server, attempt.username))
        return {refuse(OfflineUnlockResult::NotOwner, password), {}};
    store::OfflineUnlockState state = store::readOfflineUnlockState(cache, &error);
    if (error)
        return {cacheError(error), {}};
    if (state.lockedUntil.isValid() && attempt.now < state.lockedUntil)
        return {refuse(OfflineUnlockResult::TooManyAttempts, password), {}};

    QByteArray kept = state.verifier;
    if (kept.isEmpty() && state.verifierInKeyring && attempt.keyring == OfflineUnlock::Keyring::System) {
        if (!fromKeyring)
            return {{}, keyringKey(owner->username, owner->server)};
        if (fromKeyring->isEmpty()) {
            OfflineUnlockOutcome refused = refuse(OfflineUnlockResult::NoVerifier, password);
            refused.message = u"The system keyring that keeps your offline password did not answer, or no longer holds "
                              u"it: sign in when "
                              "the gateway can be reached."_s;
            return {refused, {}};
        }
        kept = *fromKeyring;
    }
    const std::optional<OfflineVerifier> verifier = parse(kept);
    if (!verifier)
        return {refuse(OfflineUnlockResult::NoVerifier, password), {}};

    const bool matches = matchesOfflineVerifier(password, *verifier);
    const QDateTime deadline = owner->lastOnlineSignIn.addSecs(qint64(owner->offlineUnlockHours) * 3600);
    if (!owner->lastOnlineSignIn.isValid() || attempt.now > deadline) {
        OfflineUnlockOutcome expired = outcome(OfflineUnlockResult::Expired);
        const QString hours
            = owner->offlineUnlockHours == 1 ? u"1 hour"_s : u"%1 hours"_s.arg(owner->offlineUnlockHours);
        expired.message = u"Offline unlock lasts %1 after your last online sign-in, and that is over: sign in again "
                          "when the gateway can be reached."_s.arg(hours);
        return {expired, {}};
    }

    OfflineUnlockResult result = OfflineUnlockResult::Unlocked;
    if (matches) {
        state.failedAttempts = 0;
        state.lockedUntil = {};
    } else if (++state.failedAttempts >= offlineAttemptsBeforeRefusal) {
        state.failedAttempts = 0;
        state.lockedUntil = attempt.now.addSecs(offlineRefusalMinutes * 60);
        result = OfflineUnlockResult::TooManyAttempts;
    } else {
        result = OfflineUnlockResult::WrongPassword;
    }
    if (store::StoreError written = store::writeOfflineUnlockState(cache, state)) {
        // Not counting a wrong password would lift the limit on guesses: refuse instead.
        if (!matches)
            return {cacheError(written), {}};
        qCWarning(lcSecurity) << "Offline unlock: the count of wrong passwords could not be reset";
    }
    return {outcome(result, &*owner), {}};
}

struct Remembered
{
    QString error;
    QByteArray verifier; ///< as kept in the cache
};

/// Runs on the worker: the owner, and the verifier in the cache until the keyring has it.
Remembered rememberInCache(const QString &cachePath, store::CacheOwner owner, const QString &password)
{
    if (owner.server.isEmpty() || owner.username.isEmpty())
        return {u"Offline unlock needs the gateway's address and the user name."_s, {}};
    if (password.isEmpty())
        return {u"Offline unlock needs the password that signed in."_s, {}};
    const QByteArray verifier = serialize(makeOfflineVerifier(password));
    store::Database cache;
    if (store::StoreError error = cache.open(cachePath, store::workbenchCacheSchema()))
        return {error.message(), {}};
    owner.lastOnlineSignIn = QDateTime::currentDateTimeUtc();
    store::TransactionGuard transaction(cache.connection());
    if (transaction.beginError())
        return {transaction.beginError().message(), {}};
    if (store::StoreError error = store::writeCacheOwner(cache, owner))
        return {error.message(), {}};
    if (store::StoreError error = store::writeOfflineUnlockState(cache, {verifier, false, 0, {}}))
        return {error.message(), {}};
    if (store::StoreError error = transaction.commit())
        return {error.message(), {}};
    return {{}, verifier};
}

/// Runs on the worker once the keyring holds verifier: the cache's copy goes, so that
/// there is one source (unless a later sign-in has replaced it meanwhile).
QString leaveToKeyring(const QString &cachePath, const QByteArray &verifier)
{
    store::Database cache;
    if (store::StoreError error = cache.open(cachePath, store::workbenchCacheSchema()))
        return error.message();
    store::TransactionGuard transaction(cache.connection());
    if (transaction.beginError())
        return transaction.beginError().message();
    store::StoreError error;
    store::OfflineUnlockState state = store::readOfflineUnlockState(cache, &error);
    if (error)
        return error.message();
    if (state.verifier != verifier)
        return {};
    state.verifier.clear();
    state.verifierInKeyring = true;
    if (store::StoreError written = store::writeOfflineUnlockState(cache, state))
        return written.message();
    return transaction.commit().message();
}

/// Runs on the worker: clears the cache's offline state if (server, username) owns it;
/// answers the keyring key to delete.
QString forgetInCache(const QString &cachePath, const QString &server, const QString &username)
{
    if (!QFileInfo::exists(cachePath))
        return keyringKey(username, server);
    store::Database cache;
    if (store::StoreError error = cache.open(cachePath, store::workbenchCacheSchema())) {
        qCWarning(lcSecurity) << "Offline unlock: the cache could not be opened to forget a verifier";
        return keyringKey(username, server);
    }
    const std::optional<store::CacheOwner> owner = store::readCacheOwner(cache);
    if (!owner || !store::isOwner(*owner, server, username))
        return keyringKey(username, server);
    if (store::writeOfflineUnlockState(cache, {}))
        qCWarning(lcSecurity) << "Offline unlock: the cache's verifier could not be removed";
    return keyringKey(owner->username, owner->server);
}

} // namespace

OfflineVerifier makeOfflineVerifier(const QString &password)
{
    return PasswordHasher::hash(password, offlineVerifierIterations);
}

bool matchesOfflineVerifier(const QString &password, const OfflineVerifier &verifier)
{
    return PasswordHasher::verify(password, verifier);
}

OfflineUnlock::OfflineUnlock(Keyring keyring, QObject *parent)
    : QObject(parent)
    , m_keyring(qEnvironmentVariable("RCM_KEYRING").compare(u"none"_s, Qt::CaseInsensitive) == 0 ? Keyring::None
                                                                                                 : keyring)
{
    // One worker: the steps asked of it run in the order asked (a forget before the next
    // attempt), and the application's shared pool stays free.
    m_worker.setMaxThreadCount(1);
}

OfflineUnlock::~OfflineUnlock()
{
    // Callbacks of work still running are dropped with the watchers (children of this);
    // the work itself (at most one hash) finishes before the pool goes.
    m_worker.waitForDone();
}

template<typename Result>
void OfflineUnlock::inWorker(std::function<Result()> work, const QObject *receiver,
                             std::function<void(const Result &)> then)
{
    auto result = std::make_shared<Result>();
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, receiver, [result, then]() { then(*result); });
    connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(QtConcurrent::run(&m_worker, [result, work]() { *result = work(); }));
}

void OfflineUnlock::runKeyringJob(QKeychain::Job *job, std::function<void(QKeychain::Job *finished)> settled)
{
    // A keyring that does not answer (no daemon, a locked wallet waiting for a prompt)
    // must not hold up unlocking: after the timeout the job's answer no longer counts.
    auto pending = std::make_shared<bool>(true);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [pending, settled, clock](QKeychain::Job *finished) {
        if (!std::exchange(*pending, false))
            return;
        qCDebug(lcSecurity) << "Keyring answered in" << clock->elapsed() << "ms, error" << finished->error();
        settled(finished);
    });
    QTimer::singleShot(keyringTimeoutMilliseconds, this, [pending, settled]() {
        if (!std::exchange(*pending, false))
            return;
        qCInfo(lcSecurity) << "Keyring did not answer in" << keyringTimeoutMilliseconds << "ms";
        settled(nullptr);
    });
    job->start();
}

void OfflineUnlock::writeToKeyring(const QString &cachePath, const QString &key, const QByteArray &verifier,
                                   std::function<void()> done)
{
    auto *job = new QKeychain::WritePasswordJob(keyringService, this);
    job->setKey(key);
    job->setBinaryData(verifier);
    runKeyringJob(job, [this, cachePath, verifier, done](QKeychain::Job *finished) {
        if (!finished || finished->error() != QKeychain::NoError) {
            qCInfo(lcSecurity) << "Offline unlock: the keyring refused the verifier; the cache keeps it";
            done();
            return;
        }
        inWorker<QString>([cachePath, verifier]() { return leaveToKeyring(cachePath, verifier); }, this,
                          [done](const QString &error) {
                              if (!error.isEmpty())
                                  qCWarning(lcSecurity) << "Offline unlock: the cache's copy could not be removed";
                              done();
                          });
    });
}

void OfflineUnlock::readFromKeyring(const QString &key, std::function<void(const QByteArray &verifier)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(keyringService, this);
    job->setKey(key);
    runKeyringJob(job, [done](QKeychain::Job *finished) {
        if (!finished || finished->error() != QKeychain::NoError) {
            done({});
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData());
    });
}

void OfflineUnlock::remember(const QString &cachePath, const store::CacheOwner &owner, const QString &password,
                             const QObject *context, std::function<void(const QString &error)> done)
{
    const QPointer<QObject> caller = watch(context);
    auto answer = [this, caller, done](const QString &error) {
        // Through the worker, so that the answer reaches context's thread (or nobody).
        if (caller)
            inWorker<QString>([error]() { return error; }, caller.data(), done);
    };
    inWorker<Remembered>([cachePath, owner, password]() { return rememberInCache(cachePath, owner, password); }, this,
                         [this, cachePath, owner, answer](const Remembered &remembered) {
                             if (!remembered.error.isEmpty() || m_keyring == Keyring::None) {
                                 answer(remembered.error);
                                 return;
                             }
                             writeToKeyring(cachePath, keyringKey(owner.username, owner.server), remembered.verifier,
                                            [answer]() { answer({}); });
                         });
}

void OfflineUnlock::tryUnlock(const QString &cachePath, const QString &server, const QString &username,
                              const QString &password, const QDateTime &now, const QObject *context,
                              std::function<void(const OfflineUnlockOutcome &)> done)
{
    const QPointer<QObject> caller = watch(context);
    const Attempt attempt {cachePath, server, username, password, now.toUTC(), m_keyring};
    auto answer = [this, caller, done](const Assessment &assessment) {
        qCInfo(lcSecurity) << "Offline unlock:" << int(assessment.outcome.result);
        if (caller)
            inWorker<OfflineUnlockOutcome>([assessment]() { return assessment.outcome; }, caller.data(), done);
    };
    inWorker<Assessment>([attempt]() { return assess(attempt, std::nullopt); }, this,
                         [this, attempt, answer](const Assessment &first) {
                             if (first.keyringKey.isEmpty()) {
                                 answer(first);
                                 return;
                             }
                             readFromKeyring(first.keyringKey, [this, attempt, answer](const QByteArray &verifier) {
                                 inWorker<Assessment>([attempt, verifier]() { return assess(attempt, verifier); }, this,
                                                      answer);
                             });
                         });
}

void OfflineUnlock::forget(const QString &cachePath, const QString &server, const QString &username)
{
    inWorker<QString>([cachePath, server, username]() { return forgetInCache(cachePath, server, username); }, this,
                      [this](const QString &key) {
                          if (m_keyring == Keyring::None)
                              return;
                          auto *job = new QKeychain::DeletePasswordJob(keyringService, this);
                          job->setKey(key);
                          runKeyringJob(job, [](QKeychain::Job *) {});
                      });
}

} // namespace rcm::security
