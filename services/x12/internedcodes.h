// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QString>

namespace rcm::x12 {

/// The short codes of X12 files ("CO", "45", "99213", "HC"), each kept once for the life
/// of the process. The QString returned points at that one copy and has no reference
/// count, so copying and dropping it costs no atomic operation, and the millions of codes
/// of a large file share the few hundred distinct ones. Thread-safe. Only for codes of 1
/// to 7 ASCII bytes: anything else, or any code once the table is full (so that a file of
/// garbage cannot fill memory), gives a null QString, and the caller makes its own.
QString internedCode(QByteArrayView code);

} // namespace rcm::x12
