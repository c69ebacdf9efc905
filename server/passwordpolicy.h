// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace rcm::server {

/// What a gateway password must be (NIST SP 800-63B's rules for memorized secrets): long
/// enough, not a commonly used one, not the user name, not one character repeated.
namespace PasswordPolicy {

constexpr qsizetype minimumLength = 12;

/// Why password may not be username's, in a sentence for the person choosing it, or an
/// empty string when it may.
QString refusal(const QString &password, const QString &username);

/// Whether password, in any case, is on the list of common passwords shipped with the
/// gateway (resources/common-passwords.txt).
bool isCommon(const QString &password);

} // namespace PasswordPolicy

} // namespace rcm::server
