// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "models/auditevent.h"

#include <QCryptographicHash>

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
    bytes += occurredAt.toUTC().toString(Qt::ISODateWithMs).toUtf8() + separator;
    bytes += detailsJson + separator;
    bytes += previousHash;
    return bytes;
}

QByteArray AuditEvent::computeHash() const
{
    return QCryptographicHash::hash(canonicalBytes(), QCryptographicHash::Sha256).toHex();
}

} // namespace rcm::models
