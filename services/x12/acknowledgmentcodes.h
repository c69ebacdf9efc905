// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/x12/acknowledgment.h"

#include <QString>

namespace rcm::x12 {

/// The meanings of the codes a TA1 and a 999 answer with, in plain words. A code not
/// listed is said to be unknown with the code shown, never dropped.
namespace acknowledgmentcode {

/// TA105: what was wrong with an interchange ("000" no error).
QString interchangeNote(const QString &code);
/// IK304 (999) / AK304 (997): what is wrong with a segment.
QString segmentError(const QString &code);
/// IK403 (999) / AK403 (997): what is wrong with an element.
QString elementError(const QString &code);
/// IK502..IK506 (999) / AK502.. (997): why a transaction set was rejected or noted.
QString transactionError(const QString &code);
/// AK905..AK909: why a functional group was rejected or noted.
QString groupError(const QString &code);
/// TA104, IK501 and AK901: A accepted, E accepted with errors, R rejected, ...
QString acknowledgmentMeaning(const QString &code);
/// A 277CA status in one sentence a biller understands (reference::claimstatus::explain).
QString explainStatus(const StatusCode &code);

} // namespace acknowledgmentcode

} // namespace rcm::x12
