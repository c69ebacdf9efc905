// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace rcm::server {

class AuditKey;

/// A signed note of how far the audit chain reached: its newest entry's sequence and
/// hash at a time, and where its keyed part starts. Kept outside the database, it shows
/// entries deleted from the end of the log, which the chain alone cannot.
struct AuditCheckpoint
{
    qint64 sequence = 0;
    QByteArray hash; ///< hex, as in audit_log.hash
    QDateTime time; ///< UTC
    qint64 keyedFrom = 0; ///< the first entry chained with the key
    int line = 0; ///< its line in the file, from 1
};

/// The checkpoint file: one line per checkpoint, appended (O_APPEND) and synced to disk,
/// readable by the gateway's account only.
class AuditCheckpointFile final
{
public:
    explicit AuditCheckpointFile(QString path);

    struct Reading
    {
        bool exists = false;
        QList<AuditCheckpoint> valid; ///< in file order
        QList<int> tamperedLines; ///< lines whose signature does not match them
        QString error; ///< the file exists but cannot be read
        std::optional<AuditCheckpoint> newest() const
        {
            return valid.isEmpty() ? std::nullopt : std::optional(valid.constLast());
        }
    };
    Reading read(const AuditKey &key) const;

    /// Appends a signed line; returns an error message, empty on success.
    QString append(const AuditCheckpoint &checkpoint, const AuditKey &key) const;

    const QString &path() const { return m_path; }
    /// "audit.checkpoints" beside a gateway database.
    static QString defaultPath(const QString &databasePath);

private:
    QString m_path;
};

} // namespace rcm::server
