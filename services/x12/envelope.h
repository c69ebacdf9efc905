// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace rcm::x12 {

/// Where a transaction came from: its interchange and group.
struct Envelope
{
    QString senderId; ///< ISA06, trimmed
    QString receiverId; ///< ISA08, trimmed
    QString interchangeControlNumber; ///< ISA13
    QString interchangeDate; ///< ISA09 (YYMMDD)
    QString interchangeTime; ///< ISA10 (HHMM)
    QString groupControlNumber; ///< GS06
    QString groupSenderId; ///< GS02, trimmed
    QString groupReceiverId; ///< GS03, trimmed
    QString version; ///< GS08: 005010X221A1, 005010X222A1, ...
    QString usageIndicator; ///< ISA15: P production, T test
    QString functionalId; ///< GS01: HP for health care claim payment/advice (835), HC for claims (837)

    bool operator==(const Envelope &) const = default;
};

} // namespace rcm::x12
