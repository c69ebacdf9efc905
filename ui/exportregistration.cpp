// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ui/exportregistration.h"

#include "services/api/requests.h"
#include "services/api/session.h"
#include "services/store/cacheschema.h"
#include "services/store/database.h"
#include "services/sync/exportregistrations.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace rcm::ui {

void registerExportWithGateway(api::Session &session, const QString &cachePath, const models::ExportRecord &record,
                               bool kept, const QObject *context,
                               const std::function<void(const ExportRegistrationNews &)> &news)
{
    if (!session.isSignedIn()) {
        news({kept ? QCoreApplication::translate("rcm::ui::ExportRegistration",
                                                 "Offline: the gateway registers this file at the next sync.")
                   : QCoreApplication::translate(
                       "rcm::ui::ExportRegistration",
                       "Not registered with the gateway: 'rcmctl report verify' will not know this file."),
              false});
        return;
    }
    auto request = std::make_shared<api::RegisterExportRequest>(record);
    session.client().send(
        request, context, [kept, news, cachePath, sha256 = record.sha256](const api::ApiError &error) {
            if (error && error.kind != api::ApiError::Kind::Refused) {
                news({kept ? QCoreApplication::translate(
                                 "rcm::ui::ExportRegistration",
                                 "The gateway did not answer (%1): it registers this file at the next sync.")
                                 .arg(error.message())
                           : QCoreApplication::translate("rcm::ui::ExportRegistration",
                                                         "Not registered with the gateway: %1")
                                 .arg(error.message()),
                      false});
                return;
            }
            if (error) {
                // The next sync records the refusal beside the kept registration.
                news({QCoreApplication::translate("rcm::ui::ExportRegistration",
                                                  "The gateway refused to register this file: %1")
                          .arg(error.message()),
                      false});
                return;
            }
            // It need not wait for the next sync any more (a row left behind would only be
            // sent again and answered as a replay).
            std::ignore = QtConcurrent::run([cachePath, sha256]() {
                store::Database cache;
                if (!cache.open(cachePath, store::workbenchCacheSchema()))
                    sync::ExportRegistrations(cache).forget(sha256);
            });
            news({QCoreApplication::translate("rcm::ui::ExportRegistration", "Registered with the gateway."), true});
        });
}

} // namespace rcm::ui
