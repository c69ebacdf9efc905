// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "app/rcmctl/auditcommand.h"

#include "app/rcmctl/exitcode.h"
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
    parser.setApplicationDescription(u"Verify the gateway's hash-chained audit log: every entry present, in order, "
                                     "unaltered."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"verify"_s, u"The check to run."_s);
    const QCommandLineOption database(u"database"_s, u"The gateway database file."_s, u"FILE"_s);
    const QCommandLineOption data(u"data"_s, u"The gateway's data folder (as given to rcm-gateway --data)."_s,
                                  u"DIR"_s);
    parser.addOptions({database, data});
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
    const server::GatewayStore::AuditVerification result = gateway.verifyAudit();
    if (!result.intact) {
        out << "BROKEN: " << result.detail << " (" << result.entries << " entries read)\n";
        return Failure;
    }
    out << "OK: " << result.entries << " audit entries, chain intact\n";
    return Success;
}

} // namespace rcm::cli
