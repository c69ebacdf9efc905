// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/action.h"
#include "services/store/database.h"
#include "services/store/storeerror.h"
#include "services/x12/defect.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

class QIODevice;

namespace rcm::models {
struct User;
}
namespace rcm::store {
class TransactionGuard;
}

namespace rcm::server {

class GatewayStore;

/// What the gateway's X12 intakes (837 claims, acknowledgments) share: the file's digest,
/// the register of files received (a file sent again is known by its SHA-256), control
/// numbers compared as numbers, and defects as the JSON answer lists them.
namespace x12intake {

/// What an intake did with a file, and its report (the answer's body).
struct Result
{
    enum class Outcome { Imported, Previewed, Duplicate, Unreadable, Failed };
    Outcome outcome = Outcome::Failed;
    QJsonObject report;
    QString error; ///< Unreadable: the first reason; Failed: why the database refused
};

/// A file being taken in: its digest and its row in x12_files, inside the caller's
/// transaction.
struct OpenFile
{
    QByteArray digest;
    qint64 id = 0;
};

/// Opens the intake of file inside transaction (already begun): refused, in result, when
/// it was received before (same SHA-256) or the store fails.
std::optional<OpenFile> openFile(store::Database &database, store::TransactionGuard &transaction, QIODevice *file,
                                 const QString &kind, const models::User &by, const QDateTime &now, Result &result);

/// Closes a file taken in: its summary recorded, one audit entry ("<subject>:<digest>",
/// the details in counts), and the transaction committed; false with result.error when
/// the store fails.
bool commitFile(GatewayStore &store, store::TransactionGuard &transaction, const OpenFile &file, const QString &subject,
                models::ActionType type, const QJsonObject &details, const models::User &by, const QDateTime &now,
                Result &result);

/// The SHA-256 (hex) of the device's bytes; the device is left at its start.
QByteArray digestOf(QIODevice *file);

/// The id of a file received before with this digest, if any.
std::optional<qint64> findFile(store::Database &database, const QByteArray &digest, store::StoreError *error);

/// Records a file received (inside the caller's transaction); its id.
std::optional<qint64> recordFile(store::Database &database, const QByteArray &digest, const QString &kind, qint64 bytes,
                                 const QString &by, const QDateTime &now, const QJsonObject &summary,
                                 store::StoreError *error);

/// Records what the file held, once it is known.
store::StoreError setFileSummary(store::Database &database, qint64 fileId, const QJsonObject &summary);

/// A control number as compared: "000000907" and "907" are one number; text otherwise.
QString controlNumber(const QString &text);

/// The defects of one severity, as the answers list them (segment, segmentId, code, message):
/// the first thousand, then one entry (code list.truncated) counting the rest.
QJsonArray defectsJson(const QList<x12::Defect> &defects, x12::Severity severity);

/// The first error's message, or an empty string.
QString firstError(const QList<x12::Defect> &defects);

} // namespace x12intake

} // namespace rcm::server
