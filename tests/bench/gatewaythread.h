// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "server/gatewayschema.h"
#include "server/gatewayserver.h"
#include "server/gatewaystore.h"

#include <QSemaphore>
#include <QThread>

namespace rcm::bench {

/// The gateway in a thread of its own, as in production it is a process of its own.
class GatewayThread final : public QThread
{
public:
    explicit GatewayThread(QString path)
        : m_path(std::move(path))
    { }
    quint16 port() const { return m_port; }
    QSemaphore ready;

protected:
    void run() override
    {
        store::Database database;
        if (database.open(m_path, server::gatewaySchema()))
            qFatal("cannot open the gateway database");
        server::GatewayStore store(database);
        store.setAuditKey(server::AuditKey::generate()); // entries are signed; nothing here verifies them
        store.setDemoAccounts(server::GatewayStore::DemoAccounts::Allowed); // the demo sign-ins
        server::GatewayServer gateway(store, {});
        m_port = gateway.listenOn(QHostAddress::LocalHost, 0);
        ready.release();
        exec();
    }

private:
    QString m_path;
    quint16 m_port = 0;
};

} // namespace rcm::bench
