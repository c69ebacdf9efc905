// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/tokenstore.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli::TokenStore {

namespace {

const QString service = u"rcm-workbench"_s;

QString keyFor(const QString &server, const QString &user)
{
    return user + u'@' + server;
}

/// Runs a keychain job to completion, giving up after a few seconds: a missing keyring
/// daemon must not hang a script.
bool run(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    return job.error() == QKeychain::NoError;
}

} // namespace

QString save(const QString &server, const QString &user, const QString &token)
{
    QKeychain::WritePasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(keyFor(server, user));
    job.setTextData(token);
    if (run(job))
        return {};
    return job.errorString().isEmpty() ? u"the keyring did not answer"_s : job.errorString();
}

QString load(const QString &server, const QString &user)
{
    QKeychain::ReadPasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(keyFor(server, user));
    return run(job) ? job.textData() : QString();
}

void remove(const QString &server, const QString &user)
{
    QKeychain::DeletePasswordJob job(service);
    job.setAutoDelete(false);
    job.setKey(keyFor(server, user));
    run(job);
}

} // namespace rcm::cli::TokenStore
