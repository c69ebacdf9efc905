// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/auditevent.h"

#include <QCryptographicHash>

#include <cstdio>

namespace rcm::models {

QByteArray AuditEvent::canonicalBytes() const
{
    // Fields joined by a unit separator, which none of them may contain.
    const char separator = '\x1f';
    QByteArray bytes;
    bytes += QByteArray::number(sequence) + separator;
    bytes += workItemId.toUtf8() + separator;
    bytes += actorId.toUtf8() + separator;
    bytes += QByteArray(wireName(actionType).data(), wireName(actionType).size()) + separator;
    bytes += QByteArray::number(resultingVersion) + separator;
    // As Qt::ISODateWithMs writes a UTC time ("2026-11-27T09:30:00.000Z"), without its cost:
    // thousands of entries are signed at a time.
    const QDateTime utc = occurredAt.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    char time[32];
    const int length
        = std::snprintf(time, sizeof time, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", date.year(), date.month(), date.day(),
                        clock.hour(), clock.minute(), clock.second(), clock.msec());
    bytes += QByteArrayView(time, length);
    bytes += separator;
    bytes += detailsJson + separator;
    bytes += previousHash;
    return bytes;
}

QByteArray AuditEvent::computeHash() const
{
    return QCryptographicHash::hash(canonicalBytes(), QCryptographicHash::Sha256).toHex();
}

} // namespace rcm::models
