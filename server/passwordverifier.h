// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/passwordhasher.h"

#include <QObject>
#include <QThreadPool>

#include <functional>

namespace rcm::server {

/// Runs password checks (hundreds of thousands of PBKDF2 rounds each) on a few worker
/// threads, so that sign-ins never hold up the event loop every other request is served
/// on, and refuses more than a bounded number waiting, so that a flood of guesses cannot
/// queue up unbounded work. Only the pure hash runs on the workers; the answer comes back
/// on the thread the verifier lives in.
class PasswordVerifier final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int threads = 2;
        int maximumWaiting = 16; ///< checks queued behind the running ones; more are refused
        /// Called on the worker thread before each check: lets a test hold a check under way.
        std::function<void()> beforeEachCheck;
    };

    explicit PasswordVerifier(Options options, QObject *parent = nullptr);
    ~PasswordVerifier() override; ///< waits for the checks under way
    Q_DISABLE_COPY_MOVE(PasswordVerifier)

    /// Checks password against stored on a worker and calls done(matches) on this
    /// object's thread. Returns false, and never calls done, when too many are waiting.
    bool submit(const QString &password, const PasswordHasher::Hashed &stored, std::function<void(bool matches)> done);
    int underWay() const { return m_underWay; }

private:
    Options m_options;
    QThreadPool m_pool;
    int m_underWay = 0; ///< submitted and not yet answered; only touched on this object's thread
};

} // namespace rcm::server
