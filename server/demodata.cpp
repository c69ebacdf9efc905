// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/demodata.h"

#include "server/auditkey.h"
#include "server/contractregister.h"
#include "server/democlaims.h"
#include "server/gatewayschema.h"
#include "server/gatewaystore.h"
#include "services/synthetic/syntheticclaims.h"
#include "services/synthetic/syntheticgenerator.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

using namespace rcm::models;

namespace {

struct DemoUser
{
    const char16_t *username;
    const char16_t *displayName;
    Role role;
    Queue queue; ///< where their own work comes from
    std::optional<DenialCategory> category;
    int ownItems;
};

constexpr DemoUser demoUsers[] = {
    {u"biller", u"Demo Biller", Role::Biller, Queue::Denial, std::nullopt, 60},
    {u"coder", u"Demo Coder", Role::Coder, Queue::Denial, DenialCategory::Coding, 40},
    {u"authspec", u"Demo Authorization Specialist", Role::AuthorizationSpecialist, Queue::Authorization, std::nullopt,
     40},
    {u"poster", u"Demo Cash Poster", Role::CashPoster, Queue::Remittance, std::nullopt, 40},
    {u"supervisor", u"Demo Supervisor", Role::Supervisor, Queue::Denial, std::nullopt, 0},
    {u"finance", u"Demo Finance Analyst", Role::Finance, Queue::Denial, std::nullopt, 0},
};

} // namespace

QList<DemoLogin> demoLogins()
{
    QList<DemoLogin> logins;
    for (const DemoUser &user : demoUsers)
        logins.append({QString::fromUtf16(user.username), QString(wireName(user.role))});
    return logins;
}

store::StoreError seedDemoData(GatewayStore &store, qint64 itemCount, quint64 seed, int passwordIterations,
                               DemoClaims claims)
{
    const synthetic::SyntheticGenerator generator({seed, QDate::currentDate()});
    if (store::StoreError error = store.seed(generator, itemCount, {},
                                             claims == DemoClaims::Direct ? GatewayStore::SeedClaims::WithItems
                                                                          : GatewayStore::SeedClaims::Separately))
        return error;
    // The payers' contracts, through the same parser and register as a loaded file.
    if (store::StoreError error = loadContractFile(store.database(), synthetic::syntheticContracts(generator.payers())))
        return error;
    for (const DemoUser &demo : demoUsers) {
        User user;
        user.id = u"DEMO-"_s + QString::fromUtf16(demo.username).toUpper();
        user.username = QString::fromUtf16(demo.username);
        user.displayName = QString::fromUtf16(demo.displayName);
        user.role = demo.role;
        if (store::StoreError error = store.addUser(user, u"demo"_s, passwordIterations))
            return error;
        // A known password: only a gateway started with --demo lets these accounts in.
        QSqlQuery mark(store.database().connection());
        mark.prepare(u"UPDATE users SET demo = 1 WHERE id = ?"_s);
        mark.addBindValue(user.id);
        if (!mark.exec())
            return store::StoreError(store::StoreError::Code::Query, mark.lastError().text());
        if (demo.ownItems > 0) {
            if (store::StoreError error = store.assignOpenItems(user.id, demo.queue, demo.category, demo.ownItems))
                return error;
        }
        if (claims == DemoClaims::ThroughX12 && demo.role == Role::Supervisor) {
            if (store::StoreError error = loadDemoClaims(store, generator, itemCount, user))
                return error;
        }
    }
    return {};
}

store::StoreError createDemoDatabase(const QString &path, qint64 itemCount, int passwordIterations,
                                     const QString &auditKeyPath)
{
    constexpr quint64 demoSeed = 7;
    const QString seeding = path + u".seeding"_s;
    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s})
        QFile::remove(seeding + suffix);
    {
        store::Database fresh;
        store::StoreError error = fresh.open(seeding, gatewaySchema());
        if (!error) {
            GatewayStore seedStore(fresh);
            QString keyError;
            if (!seedStore.loadAuditKey(auditKeyPath.isEmpty() ? AuditKey::defaultPath(path) : auditKeyPath, &keyError))
                return store::StoreError(store::StoreError::Code::CannotOpen, keyError);
            error = seedDemoData(seedStore, itemCount, demoSeed, passwordIterations, DemoClaims::ThroughX12);
        }
        // Everything into the main file: the -wal file is not moved with it.
        if (!error)
            error = fresh.checkpoint();
        if (error)
            return error;
    }
    if (!QFile::rename(seeding, path)) {
        return store::StoreError(store::StoreError::Code::CannotOpen,
                                 u"Cannot move the demo database into place at %1"_s.arg(path));
    }
    return {};
}

} // namespace rcm::server
