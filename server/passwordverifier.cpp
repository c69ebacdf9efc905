// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/passwordverifier.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

PasswordVerifier::PasswordVerifier(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_pool.setObjectName(u"password-checks"_s);
    m_pool.setMaxThreadCount(std::max(1, m_options.threads));
}

PasswordVerifier::~PasswordVerifier()
{
    // The workers post their answers to this object: they must be done before it goes
    // (answers still queued are dropped with it). Checks not started yet are dropped too:
    // a stopping gateway does not hash passwords nobody will be answered about.
    m_pool.clear();
    m_pool.waitForDone();
}

bool PasswordVerifier::submit(const QString &password, const PasswordHasher::Hashed &stored,
                              std::function<void(bool matches)> done)
{
    if (m_underWay >= m_pool.maxThreadCount() + std::max(0, m_options.maximumWaiting))
        return false;
    ++m_underWay;
    m_pool.start([this, password, stored, done = std::move(done)]() mutable {
        if (m_options.beforeEachCheck)
            m_options.beforeEachCheck();
        const bool matches = PasswordHasher::verify(password, stored);
        QMetaObject::invokeMethod(
            this,
            [this, matches, done = std::move(done)]() {
                --m_underWay;
                done(matches);
            },
            Qt::QueuedConnection);
    });
    return true;
}

} // namespace rcm::server
