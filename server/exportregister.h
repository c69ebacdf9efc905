// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/exportrecord.h"
#include "models/user.h"
#include "server/gatewaystore.h"

#include <QJsonObject>

#include <optional>

namespace rcm::server {

/// The register of exported report files (POST /v1/exports, GET /v1/exports/{sha256}):
/// each file's SHA-256 with who exported which report, with which parameters, in which
/// format and when, each registration chained onto the audit log in the same
/// transaction. A hash is registered once: again by the same user it answers the first
/// record, by anyone else it is refused.
class ExportRegister final
{
public:
    explicit ExportRegister(GatewayStore &store);
    Q_DISABLE_COPY_MOVE(ExportRegister)

    /// An answer for the API: a status with the record's JSON, or a problem.
    struct Answer
    {
        int status = 200;
        QJsonObject body;
        std::optional<Problem> problem;
        bool replayed = false; ///< the same user registered the same file before
    };

    /// Validates a POST /v1/exports body and registers it for user.
    Answer registerExport(const QJsonObject &body, const models::User &user, const QDateTime &now);
    /// GET /v1/exports/{sha256}: the record, or 404 "never issued".
    Answer lookUp(const QString &sha256);

    /// The record for a hash, with the exporter's names; nullopt when unknown (or on a store
    /// error, then set in error).
    std::optional<models::ExportRecord> find(const QString &sha256, store::StoreError *error = nullptr);

    /// The subject id an export's audit entries are filed under.
    static QString auditSubject(const QString &sha256);

private:
    std::optional<models::ExportRecord> parse(const QJsonObject &body, Problem *problem) const;

    GatewayStore &m_store;
};

} // namespace rcm::server
