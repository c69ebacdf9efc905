// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

// Tests drive the asynchronous client, outbox and sync engine to completion; only tests
// (and rcmctl) wait like this, never the product.

#include "services/api/apiclient.h"
#include "services/sync/outbox.h"
#include "services/sync/syncengine.h"

#include <QEventLoop>

#include <memory>

namespace rcm::testing {

/// Sends request (which lives on the caller's stack) and waits for its answer.
inline api::ApiError execute(api::ApiClient &client, api::ApiRequestKind &request)
{
    api::ApiError result;
    QEventLoop loop;
    client.send(std::shared_ptr<api::ApiRequestKind>(&request, [](api::ApiRequestKind *) {}), &loop,
                [&](const api::ApiError &error) {
                    result = error;
                    loop.quit();
                });
    loop.exec();
    return result;
}

/// Runs the engine once and waits for how it ended.
inline sync::SyncEngine::Result run(sync::SyncEngine &engine,
                                    sync::SyncEngine::RemovalPolicy policy
                                    = sync::SyncEngine::RemovalPolicy::AskAboveThreshold)
{
    sync::SyncEngine::Result result;
    QEventLoop loop;
    const auto connection
        = QObject::connect(&engine, &sync::SyncEngine::finished, &loop, [&](const sync::SyncEngine::Result &finished) {
              result = finished;
              loop.quit();
          });
    engine.start(policy);
    if (engine.isRunning())
        loop.exec();
    QObject::disconnect(connection);
    return result;
}

/// Sends sender's outbox actions once and waits for the tally.
inline sync::Outbox::SendResult send(sync::Outbox &outbox, api::ApiClient &client, const sync::OutboxAuthor &sender,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc())
{
    sync::Outbox::SendResult result;
    QEventLoop loop;
    bool done = false;
    outbox.send(
        client, sender, &loop,
        [&](const sync::Outbox::SendResult &sent) {
            result = sent;
            done = true;
            loop.quit();
        },
        now);
    if (!done)
        loop.exec();
    return result;
}

} // namespace rcm::testing
