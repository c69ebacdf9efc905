// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/store/storeerror.h"

#include <QString>

namespace rcm::server {

class GatewayStore;

/// The demo database behind ./scripts/demo: synthetic work items, the synthetic team,
/// and one sign-in per role (biller, coder, authspec, poster, supervisor, finance; the
/// password is "demo"), each with some work of their own. Only `rcm-gateway --demo`
/// calls this, and the sign-ins are marked as demo accounts: a gateway started without
/// --demo refuses them.
struct DemoLogin
{
    QString username;
    QString role;
};

/// How the seeded claims reach the claim register: written with the items (quick, for
/// tests and benchmarks), or through the 837 and 277CA intakes as a deployment's come
/// (what `rcm-gateway --demo` does).
enum class DemoClaims { Direct, ThroughX12 };
store::StoreError seedDemoData(GatewayStore &store, qint64 itemCount, quint64 seed, int passwordIterations,
                               DemoClaims claims = DemoClaims::Direct);
QList<DemoLogin> demoLogins();

/// Creates the demo database at path (which does not exist yet) with itemCount synthetic
/// items. It is seeded beside path and moved into place when complete: a failed or killed
/// seeding never leaves a half-built database that the next start would serve.
/// Its claims come in through the 837 and 277CA intakes, whose audit entries are keyed
/// with the key at auditKeyPath (created when new; empty: audit.key beside path).
store::StoreError createDemoDatabase(const QString &path, qint64 itemCount, int passwordIterations,
                                     const QString &auditKeyPath = {});

} // namespace rcm::server
