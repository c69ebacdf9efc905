// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace rcm::reports {

/// A report rendered to the bytes of one file (CSV, XLSX or PDF), or why it could not be.
/// Every renderer returns one, and writeReport() puts it on disk; the bytes are what an
/// export's SHA-256 is taken over, so the hash registered is the hash of the file written.
struct RenderedReport
{
    QByteArray bytes;
    QString error; ///< empty when rendered (and, after writeReport(), written)

    bool ok() const { return error.isEmpty(); }
};

/// Writes a rendered report to path whole or not at all (an earlier file there stays until the
/// new one is complete), readable and writable by its owner only: exports hold patients'
/// claims. Returns the report unchanged, or with the reason nothing was written.
RenderedReport writeReport(RenderedReport rendered, const QString &path);

/// A time as a report states it (as-of, generated at): local time with its zone,
/// "2026-03-02 14:05 EST"; "unknown" when there is none.
QString timestampText(const QDateTime &time);

} // namespace rcm::reports
