// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace rcm::reports {

/// The SHA-256 of a file as 64 lower-case hex digits: what the gateway registers for each
/// export and what `rcmctl report verify` looks up. Read in chunks, so a large PDF is never
/// held in memory whole. Returns an empty string and sets error when the file cannot be read.
QString sha256OfFile(const QString &path, QString *error = nullptr);

} // namespace rcm::reports
