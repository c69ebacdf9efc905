// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/gateway/stopsignals.h"
#include "app/gateway/userscommand.h"
#include "server/auditkey.h"
#include "server/demodata.h"
#include "server/gatewayschema.h"
#include "server/gatewayserver.h"
#include "server/gatewaystore.h"
#include "server/gatewayupkeep.h"
#include "server/passwordhasher.h"
#include "server/transportsecurity.h"
#include "server/useradministration.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>

#include <array>

using namespace Qt::Literals::StringLiterals;
using namespace rcm;

namespace {

/// Sessions and the workstation policy GET /v1/policy hands the workbench.
struct SessionOptions
{
    QCommandLineOption autoLockMaximum {u"auto-lock-max-minutes"_s,
                                        u"The longest the workbench may stay unlocked while idle, in minutes "
                                        "(default 15)."_s,
                                        u"MINUTES"_s, u"15"_s};
    QCommandLineOption offlineUnlock {u"offline-unlock-hours"_s,
                                      u"How long the workbench may be unlocked without reaching the gateway, in hours "
                                      "(default 12)."_s,
                                      u"HOURS"_s, u"12"_s};
    QCommandLineOption sessionIdle {u"session-idle-minutes"_s,
                                    u"A session unused this long ends (default 30); every session also ends 8 hours "
                                    "after sign-in."_s,
                                    u"MINUTES"_s, u"30"_s};

    QList<QCommandLineOption> all() const { return {autoLockMaximum, offlineUnlock, sessionIdle}; }

    /// Reads them into options; false (after saying why) when one is not a whole number
    /// in its range.
    bool read(const QCommandLineParser &parser, server::WorkQueueApi::Options &options, QTextStream &err) const
    {
        struct Reading
        {
            const QCommandLineOption &option;
            int maximum;
            int value = 0;
        };
        std::array readings {Reading {autoLockMaximum, 24 * 60}, Reading {offlineUnlock, 24 * 30},
                             Reading {sessionIdle, 24 * 60}};
        for (Reading &reading : readings) {
            bool ok = false;
            reading.value = parser.value(reading.option).toInt(&ok);
            if (!ok || reading.value < 1 || reading.value > reading.maximum) {
                err << "rcm-gateway: --" << reading.option.names().constFirst() << " must be a whole number from 1 to "
                    << reading.maximum << "\n";
                return false;
            }
        }
        options.autoLockMinutesMax = readings[0].value;
        options.offlineUnlockHours = readings[1].value;
        options.sessionIdle = std::chrono::minutes(readings[2].value);
        return true;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(u"RCM Workbench"_s);
    QCoreApplication::setApplicationName(u"rcm-gateway"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RCM_VERSION));
    QLoggingCategory::setFilterRules(u"rcm.gateway.info=true"_s);
    if (const QStringList arguments = QCoreApplication::arguments();
        arguments.size() > 1 && arguments.at(1) == u"users"_s)
        return gateway::runUsersCommand(arguments.mid(2));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"The RCM Work Queue API server.\n\n"
                                     "rcm-gateway users ... manages the users: run rcm-gateway users --help."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(u"demo"_s,
                                  u"Create a demo database with synthetic data and demo logins if "
                                  "none exists, and let the demo logins sign in (loopback addresses only)."_s);
    const QCommandLineOption port(u"port"_s, u"TCP port (default 8080; 0 picks a free one)."_s, u"P"_s, u"8080"_s);
    const QCommandLineOption listen(u"listen"_s, u"Address to listen on (default 127.0.0.1)."_s, u"ADDRESS"_s,
                                    u"127.0.0.1"_s);
    const QCommandLineOption data(u"data"_s, u"Folder of the gateway database (default: the app-data folder)."_s,
                                  u"DIR"_s);
    const QCommandLineOption items(u"items"_s, u"Work items in a new demo database (default 50000)."_s, u"N"_s,
                                   u"50000"_s);
    const QCommandLineOption acceptTests(
        u"accept-test-interchanges"_s,
        u"Post 835 interchanges marked as tests (ISA15 = T) as if they were real money: "
        "for a test gateway only."_s);
    const QCommandLineOption maximumRemittance(
        u"max-remittance-bytes"_s,
        u"Largest 835 file POST /v1/remittances takes, in bytes (default 2147483648, 2 GiB). Uploads are spooled to "
        "a temporary file beside the database, so this is disk, not memory."_s,
        u"BYTES"_s, u"2147483648"_s);
    const QCommandLineOption auditKey(
        u"audit-key"_s,
        u"The key the audit chain is signed with (default: audit.key beside the database; "
        "created on first start, readable by this account only). Back it up apart from "
        "the database."_s,
        u"FILE"_s);
    const QCommandLineOption auditCheckpoints(
        u"audit-checkpoints"_s,
        u"The file each upkeep appends a signed checkpoint of the audit chain to (default: audit.checkpoints beside "
        "the key)."_s,
        u"FILE"_s);
    parser.addOptions({demo, port, listen, data, items, maximumRemittance, acceptTests, auditKey, auditCheckpoints});
    const SessionOptions sessionOptions;
    parser.addOptions(sessionOptions.all());
    // Transport security: HTTPS directly, or plain HTTP behind a TLS proxy; plain HTTP
    // alone only on loopback.
    const QCommandLineOption tlsCertificate(
        u"tls-cert"_s, u"Serve HTTPS with this PEM certificate (chain: the server's first)."_s, u"FILE"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"The PEM private key of --tls-cert (unencrypted; owner-only)."_s,
                                    u"FILE"_s);
    const QCommandLineOption behindTlsProxy(
        u"behind-tls-proxy"_s,
        u"Serve plain HTTP on a non-loopback --listen address because a TLS proxy (nginx) is in front; needs "
        "--trusted-proxy."_s);
    const QCommandLineOption trustedProxy(
        u"trusted-proxy"_s,
        u"A proxy whose X-Forwarded-For names the client (repeatable, or a comma list); exempt from the "
        "per-address connection limit."_s,
        u"ADDRESS"_s);
    parser.addOptions({tlsCertificate, tlsKey, behindTlsProxy, trustedProxy});
    parser.process(application);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool numbersOk = false;
    const int portNumber = parser.value(port).toInt(&numbersOk);
    bool itemsOk = false;
    const qint64 itemCount = parser.value(items).toLongLong(&itemsOk);
    bool maximumOk = false;
    const qint64 maximumRemittanceBytes = parser.value(maximumRemittance).toLongLong(&maximumOk);
    const QHostAddress address(parser.value(listen));
    if (!numbersOk || portNumber < 0 || portNumber > 65535 || !itemsOk || itemCount < 0 || address.isNull()
        || !maximumOk || maximumRemittanceBytes < 1) {
        err << "rcm-gateway: --port must be 0-65535, --items and --max-remittance-bytes whole numbers and --listen "
               "an IP address\n";
        return 2;
    }
    // Demo sign-ins have a published password: never on an address another machine reaches.
    if (parser.isSet(demo) && !address.isLoopback()) {
        err << "rcm-gateway: --demo serves demo accounts whose password is public; it listens only on a loopback "
               "address (127.0.0.1 or ::1), not "
            << address.toString() << "\n";
        return 2;
    }
    server::WorkQueueApi::Options apiOptions;
    if (!sessionOptions.read(parser, apiOptions, err))
        return 2;
    server::GatewayServer::Options options;
    {
        QString error;
        const std::optional<QList<QHostAddress>> proxies
            = server::parseTrustedProxies(parser.values(trustedProxy), &error);
        if (!proxies) {
            err << "rcm-gateway: " << error << "\n";
            return 2;
        }
        if (parser.isSet(tlsCertificate) != parser.isSet(tlsKey)) {
            err << "rcm-gateway: --tls-cert and --tls-key go together\n";
            return 2;
        }
        if (parser.isSet(tlsCertificate)) {
            options.tls = server::loadTlsConfiguration(parser.value(tlsCertificate), parser.value(tlsKey), &error);
            if (!options.tls) {
                err << "rcm-gateway: " << error << "\n";
                return 1;
            }
            if (QFile::permissions(parser.value(tlsKey)) & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
                err << "rcm-gateway: warning: " << parser.value(tlsKey)
                    << " is readable by others than its owner; chmod 600 it" << Qt::endl;
        }
        const QString refusal
            = server::transportRefusal({address, options.tls.has_value(), parser.isSet(behindTlsProxy), *proxies});
        if (!refusal.isEmpty()) {
            err << "rcm-gateway: " << refusal << "\n";
            return 2;
        }
        options.connections.trustedProxies = *proxies;
    }
    const QString folder
        = parser.isSet(data) ? parser.value(data) : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const QString path = QDir(folder).filePath(u"gateway.db"_s);
    const bool isNew = !QFileInfo::exists(path);

    // The audit key lives outside the database: whoever can rewrite gateway.db but not
    // read this file cannot forge entries that verify.
    const QString keyPath = parser.isSet(auditKey) ? parser.value(auditKey) : server::AuditKey::defaultPath(path);
    if (isNew && parser.isSet(demo)) {
        out << "Creating a demo database with " << itemCount << " synthetic work items in " << path << " ...\n";
        out.flush();
        if (const store::StoreError error
            = server::createDemoDatabase(path, itemCount, server::PasswordHasher::defaultIterations, keyPath)) {
            err << "rcm-gateway: cannot create the demo database: " << error.message() << "\n";
            return 1;
        }
    }
    store::Database database;
    if (const store::StoreError error = database.open(path, server::gatewaySchema())) {
        err << "rcm-gateway: " << error.message() << "\n";
        return 1;
    }
    server::GatewayStore store(database);
    const QString checkpointPath = parser.isSet(auditCheckpoints)
        ? parser.value(auditCheckpoints)
        : QFileInfo(keyPath).dir().filePath(u"audit.checkpoints"_s);
    if (QString keyError; !store.loadAuditKey(keyPath, &keyError)) {
        err << "rcm-gateway: " << keyError << "\n";
        return 1;
    }
    if (isNew && !parser.isSet(demo))
        out << "Created an empty gateway database in " << path
            << "; no user can sign in yet (add one: rcm-gateway users add NAME --role ROLE).\n";
    store.setDemoAccounts(parser.isSet(demo) ? server::GatewayStore::DemoAccounts::Allowed
                                             : server::GatewayStore::DemoAccounts::Refused);
    if (!parser.isSet(demo)) {
        if (const qint64 demoAccounts = server::UserAdministration(store, QString()).demoAccountCount())
            out << demoAccounts << " demo accounts exist and are disabled (start with --demo to use them).\n";
    }

    options.api = apiOptions;
    options.api.acceptTestInterchanges = parser.isSet(acceptTests);
    options.api.maximumRemittanceBytes = maximumRemittanceBytes;
    server::GatewayServer gateway(store, options);
    const quint16 boundPort = gateway.listenOn(address, static_cast<quint16>(portNumber));
    if (boundPort == 0) {
        err << "rcm-gateway: cannot listen on " << address.toString() << ":" << portNumber
            << " (in use? try another --port)\n";
        return 1;
    }
    server::GatewayUpkeep::Windows windows;
    windows.sessionIdle = options.api.sessionIdle;
    windows.signInFailures = options.api.signInLimits.failureMemory;
    server::GatewayUpkeep upkeep(store, windows);
    upkeep.setAuditCheckpoints(checkpointPath);
    upkeep.start();
    QObject::connect(&application, &QCoreApplication::aboutToQuit, &upkeep,
                     [&upkeep]() { upkeep.recordAudit(QDateTime::currentDateTimeUtc()); });
    const QString host
        = address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]"_s.arg(address.toString()) : address.toString();
    out << "rcm-gateway " << QCoreApplication::applicationVersion() << " serving the Work Queue API at "
        << (options.tls ? "https://" : "http://") << host << ":" << boundPort << "/v1/\n";
    out << "Database: " << path << "\n";
    out << "Audit key: " << keyPath << " (checkpoints: " << checkpointPath
        << "); back both up apart from the database\n";
    if (parser.isSet(demo)) {
        out << "Demo sign-ins (password \"demo\"):";
        for (const server::DemoLogin &login : server::demoLogins())
            out << " " << login.username;
        out << "\n";
    }
    out.flush();
    rcm::gateway::quitOnStopSignals(); // systemctl stop ends with the audit chain's last checkpoint
    return QCoreApplication::exec();
}
