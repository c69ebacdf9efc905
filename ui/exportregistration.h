// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/exportrecord.h"

#include <QObject>
#include <QString>

#include <functional>

namespace rcm::api {
class Session;
}

namespace rcm::ui {

/// What became of an export's registration, in a line for the person who exported it.
struct ExportRegistrationNews
{
    QString line;
    bool registered = false; ///< the gateway has it now
};

/// Registers an export the cache at cachePath already keeps (kept) or could not keep:
/// sent now when the session is signed in, else (or when the gateway does not answer)
/// left for the next sync. Every export, the finance reports and the queue's CSV alike,
/// goes this way. news runs in context's thread, once.
void registerExportWithGateway(api::Session &session, const QString &cachePath, const models::ExportRecord &record,
                               bool kept, const QObject *context,
                               const std::function<void(const ExportRegistrationNews &)> &news);

} // namespace rcm::ui
