// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/api/apiclient.h"

#include <QEventLoop>

#include <functional>
#include <memory>

namespace rcm::cli {

/// rcmctl is a command-line program with nothing else to do while a request is under
/// way, so it waits for its own jobs; the libraries never do.
template<typename Start>
void waitUntilDone(Start start)
{
    QEventLoop loop;
    bool done = false;
    start([&]() {
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
}

/// Sends a request through the client and waits for its answer.
inline api::ApiError execute(api::ApiClient &client, std::shared_ptr<api::ApiRequestKind> request,
                             const api::ApiClientOptions &options)
{
    api::ApiError result;
    QObject context;
    waitUntilDone([&](const std::function<void()> &finished) {
        client.send(std::move(request), options, &context, [&result, finished](const api::ApiError &error) {
            result = error;
            finished();
        });
    });
    return result;
}

inline api::ApiError execute(api::ApiClient &client, std::shared_ptr<api::ApiRequestKind> request)
{
    return execute(client, std::move(request), client.options());
}

} // namespace rcm::cli
