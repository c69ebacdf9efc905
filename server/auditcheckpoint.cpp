// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "server/auditcheckpoint.h"

#include "server/auditkey.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace rcm::server {

namespace {

constexpr QByteArrayView lineTag = "rcm-audit-checkpoint-1";

/// The bytes a line's signature covers: every field, tagged so that no entry hash can
/// stand in for a checkpoint signature.
QByteArray signedPart(const AuditCheckpoint &checkpoint)
{
    return lineTag.toByteArray() + ' ' + QByteArray::number(checkpoint.sequence) + ' ' + checkpoint.hash + ' '
        + checkpoint.time.toUTC().toString(Qt::ISODateWithMs).toLatin1() + ' '
        + QByteArray::number(checkpoint.keyedFrom);
}

std::optional<AuditCheckpoint> parse(const QByteArray &line)
{
    const QList<QByteArray> fields = line.split(' ');
    if (fields.size() != 6 || fields.at(0) != lineTag.toByteArray())
        return std::nullopt;
    AuditCheckpoint checkpoint;
    bool sequenceOk = false;
    bool keyedOk = false;
    checkpoint.sequence = fields.at(1).toLongLong(&sequenceOk);
    checkpoint.hash = fields.at(2);
    checkpoint.time = QDateTime::fromString(QString::fromLatin1(fields.at(3)), Qt::ISODateWithMs);
    checkpoint.keyedFrom = fields.at(4).toLongLong(&keyedOk);
    if (!sequenceOk || !keyedOk || !checkpoint.time.isValid())
        return std::nullopt;
    return checkpoint;
}

} // namespace

AuditCheckpointFile::AuditCheckpointFile(QString path)
    : m_path(std::move(path))
{ }

QString AuditCheckpointFile::defaultPath(const QString &databasePath)
{
    return QFileInfo(databasePath).dir().filePath(u"audit.checkpoints"_s);
}

AuditCheckpointFile::Reading AuditCheckpointFile::read(const AuditKey &key) const
{
    Reading reading;
    QFile file(m_path);
    if (!file.exists())
        return reading;
    reading.exists = true;
    if (!file.open(QIODevice::ReadOnly)) {
        reading.error = file.errorString();
        return reading;
    }
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++number;
        if (line.isEmpty())
            continue;
        std::optional<AuditCheckpoint> checkpoint = parse(line);
        if (!checkpoint || key.sign(signedPart(*checkpoint)) != line.split(' ').constLast()) {
            reading.tamperedLines.append(number);
            continue;
        }
        checkpoint->line = number;
        reading.valid.append(*checkpoint);
    }
    return reading;
}

QString AuditCheckpointFile::append(const AuditCheckpoint &checkpoint, const AuditKey &key) const
{
    QFile file(m_path);
    // Append mode is O_APPEND: each line lands after whatever is there, never over it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return file.errorString();
    const QByteArray body = signedPart(checkpoint);
    const QByteArray line = body + ' ' + key.sign(body) + '\n';
    if (file.write(line) != line.size() || !file.flush())
        return file.errorString();
#ifdef Q_OS_UNIX
    if (::fsync(file.handle()) != 0)
        return u"cannot sync %1 to disk"_s.arg(m_path);
#endif
    return {};
}

} // namespace rcm::server
