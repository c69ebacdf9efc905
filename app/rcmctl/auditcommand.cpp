// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/auditcommand.h"

#include "app/rcmctl/exitcode.h"
#include "server/auditcheckpoint.h"
#include "server/auditkey.h"
#include "server/gatewayschema.h"
#include "server/gatewaystore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

using namespace Qt::Literals::StringLiterals;

namespace rcm::cli {

int runAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Verify the gateway's audit log: every entry present, in order, unaltered "
                                     "(checked with the gateway's audit key), and nothing deleted from its end since "
                                     "the newest signed checkpoint."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"verify"_s, u"The check to run."_s);
    const QCommandLineOption database(u"database"_s, u"The gateway database file."_s, u"FILE"_s);
    const QCommandLineOption data(u"data"_s, u"The gateway's data folder (as given to rcm-gateway --data)."_s,
                                  u"DIR"_s);
    const QCommandLineOption key(u"audit-key"_s, u"The gateway's audit key (default: audit.key beside the database)."_s,
                                 u"FILE"_s);
    const QCommandLineOption checkpoints(
        u"checkpoints"_s, u"The gateway's audit checkpoints (default: audit.checkpoints beside the key)."_s, u"FILE"_s);
    parser.addOptions({database, data, key, checkpoints});
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << "\n";
        return UsageError;
    }
    if (parser.isSet(u"help"_s)) {
        out << parser.helpText();
        return Success;
    }
    if (parser.positionalArguments() != QStringList {u"verify"_s}) {
        err << "rcmctl audit: the only subcommand is 'verify'\n";
        return UsageError;
    }
    QString path = parser.value(database);
    if (path.isEmpty()) {
        const QString folder = parser.isSet(data)
            ? parser.value(data)
            : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/RCM Workbench/rcm-gateway"_s;
        path = QDir(folder).filePath(u"gateway.db"_s);
    }
    if (!QFileInfo::exists(path)) {
        err << "rcmctl audit: no gateway database at " << path << "\n";
        return UsageError;
    }
    store::Database db;
    if (const store::StoreError error = db.open(path, server::gatewaySchema())) {
        err << "rcmctl audit: " << error.message() << "\n";
        return Failure;
    }
    server::GatewayStore gateway(db);
    const QString keyPath = parser.isSet(key) ? parser.value(key) : server::AuditKey::defaultPath(path);
    QString keyError;
    const std::optional<server::AuditKey> auditKey
        = server::AuditKey::load(keyPath, server::AuditKey::Creation::MustExist, &keyError);
    if (!auditKey) {
        out << "BROKEN: cannot verify without the key: " << keyError << "\n";
        return Failure;
    }
    const server::AuditCheckpointFile checkpointFile(parser.isSet(checkpoints)
                                                         ? parser.value(checkpoints)
                                                         : QFileInfo(keyPath).dir().filePath(u"audit.checkpoints"_s));
    const server::AuditCheckpointFile::Reading reading = checkpointFile.read(*auditKey);
    if (!reading.error.isEmpty()) {
        err << "rcmctl audit: cannot read " << checkpointFile.path() << ": " << reading.error << "\n";
        return Failure;
    }
    const server::GatewayStore::AuditVerification result = gateway.verifyAudit(&*auditKey, &reading);
    if (!result.intact) {
        out << "BROKEN: " << result.detail << " (" << result.entries << " entries read)\n";
        return Failure;
    }
    if (!result.checkpoint) {
        out << "WARNING: no signed checkpoint in " << checkpointFile.path()
            << ": entries deleted from the end of the log would not show\n";
    }
    out << "OK: " << result.entries << " audit entries, chain intact";
    if (result.checkpoint) {
        out << "; the checkpoint of " << result.checkpoint->time.toUTC().toString(Qt::ISODate) << " (entry "
            << result.checkpoint->sequence << ") matches";
    }
    out << "\n";
    return Success;
}

} // namespace rcm::cli
