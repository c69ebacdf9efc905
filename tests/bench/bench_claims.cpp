// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// claims.import_837_100k: a generated 837 of 100,000 claims taken into the gateway's claim
// register through the claim intake (ClaimImporter: read, look each claim up, write it,
// record its submission, one transaction), in claims per second, beside the floor of
// writing the same claims straight into the register (ClaimRegister::addClaims, no
// reading and no lookups) in one transaction on the same machine.
#include "server/auditkey.h"
#include "server/claimimporter.h"
#include "server/claimregister.h"
#include "server/gatewayschema.h"
#include "server/gatewaystore.h"
#include "services/store/transactionguard.h"
#include "services/synthetic/syntheticclaimfile.h"
#include "tests/bench/benchmark.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

constexpr qint64 claimCount = 100'000;

struct Gateway
{
    explicit Gateway(const QString &path)
    {
        if (database.open(path, server::gatewaySchema()))
            qFatal("cannot create the gateway database %s", qPrintable(path));
        store = std::make_unique<server::GatewayStore>(database);
        store->setAuditKey(server::AuditKey::generate());
        user.id = u"BENCH-INTEGRATION"_s;
        user.username = u"integration"_s;
        user.displayName = u"Bench integration"_s;
        user.role = models::Role::Integration;
        if (store->addUser(user, QString(), 0))
            qFatal("cannot add the bench user");
    }
    store::Database database;
    std::unique_ptr<server::GatewayStore> store;
    models::User user;
};

QList<bench::BenchmarkResult> importClaims()
{
    QTextStream err(stderr);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"generated.837"_s);
    const synthetic::SyntheticGenerator generator({7, QDate(2026, 11, 27)});
    {
        QFile file(path);
        synthetic::SyntheticClaimFileOptions options;
        options.count = claimCount;
        if (!file.open(QIODevice::WriteOnly) || !synthetic::writeSyntheticClaimFile(&file, generator, options))
            qFatal("cannot write %s", qPrintable(path));
    }
    err << "  generated " << QFileInfo(path).size() / (1024 * 1024) << " MB (" << claimCount << " claims)\n";

    // The intake: the file as an upload would hand it over.
    Gateway intake(dir.filePath(u"intake.db"_s));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QElapsedTimer timer;
    timer.start();
    const server::ClaimImporter::Result result
        = server::ClaimImporter(*intake.store, {posting::TestInterchanges::Refuse})
              .import(&file, intake.user, server::ClaimImporter::Mode::Import);
    const double intakeSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (result.outcome != server::ClaimImporter::Result::Outcome::Imported)
        qFatal("the generated 837 was not taken: %s", qPrintable(result.error));
    QSqlQuery count(intake.database.connection());
    count.exec(u"SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM claim_lines)"_s);
    count.next();
    const qint64 lines = count.value(1).toLongLong();
    err << "  intake: " << count.value(0).toLongLong() << " claims, " << lines << " lines in " << intakeSeconds
        << " s\n";
    count.finish();

    // The floor: the same claims written straight into the register.
    Gateway direct(dir.filePath(u"direct.db"_s));
    QList<models::Claim> claims;
    claims.reserve(claimCount);
    constexpr qint64 batch = 5000;
    for (qint64 first = 0; first < claimCount; first += batch) {
        for (const models::WorkItem &item : generator.items(first, std::min(batch, claimCount - first)))
            claims.append(synthetic::billedClaimFor(item));
    }
    timer.restart();
    {
        store::TransactionGuard transaction(direct.database.connection());
        if (server::ClaimRegister(direct.database).addClaims(claims) || transaction.commit())
            qFatal("cannot write the claims straight into the register");
    }
    const double floorSeconds = double(timer.nsecsElapsed()) / 1e9;
    err << "  floor: " << claims.size() << " claims written straight into the register in " << floorSeconds << " s\n";
    return {{u"claims.import_837_100k"_s, double(claimCount) / intakeSeconds, u"claims/s"_s,
             double(claimCount) / floorSeconds, true}};
}

const bench::BenchmarkRegistration
    registration(u"claims.import_837_100k"_s,
                 u"take a generated 837 of 100,000 claims into the claim register vs. writing them straight in"_s,
                 importClaims);

} // namespace
