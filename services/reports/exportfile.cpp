// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/exportfile.h"

#include <QCryptographicHash>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reports {

models::ExportRecord exportRecord(const ReportResult &result, models::ExportFormat format, const QString &sha256)
{
    models::ExportRecord record;
    record.sha256 = sha256;
    record.report = result.name;
    record.format = format;
    record.parameters = result.parameters.toJson();
    record.exportedAt = result.generatedAt;
    return record;
}

QString sha256OfFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // addData(QIODevice *) reads the device to its end in fixed-size chunks.
    if (!hash.addData(&file) || file.error() != QFileDevice::NoError) {
        if (error)
            *error = u"cannot read %1: %2"_s.arg(path, file.errorString());
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace rcm::reports
