// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/reports/reportfile.h"

#include <QCoreApplication>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace rcm::reports {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("rcm::reports::ReportFile", text);
}

} // namespace

RenderedReport writeReport(RenderedReport rendered, const QString &path)
{
    if (!rendered.ok())
        return rendered;
    const auto fail = [&rendered, &path](const QString &reason) {
        rendered.error = tr("Cannot write %1: %2").arg(path, reason);
        return rendered;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // Before commit(), so the file never appears with a replaced file's wider permissions.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        return fail(file.errorString());
    }
    if (file.write(rendered.bytes) != rendered.bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return rendered;
}

QString timestampText(const QDateTime &time)
{
    if (!time.isValid())
        return tr("unknown");
    return time.toLocalTime().toString(u"yyyy-MM-dd HH:mm t"_s);
}

} // namespace rcm::reports
