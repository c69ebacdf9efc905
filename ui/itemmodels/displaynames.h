// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "models/workitem.h"

#include <QString>

namespace rcm::itemmodels {

/// What users read for each value, translated; wire names stay for files and the API.
QString displayName(models::Queue queue);
QString displayName(models::WorkItemStatus status);
QString displayName(models::Priority priority);
QString displayName(models::DenialCategory category);
/// A remittance exception's kind ("underpaid", ...) as users read it; the kind itself when
/// it is not one this build knows.
QString exceptionKindName(const QString &kind);

} // namespace rcm::itemmodels
