// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "services/reference/reasoncodecatalogue.h"
#include "services/x12/remittance.h"

namespace rcm::x12 {

/// Flags every CARC (CAS) and RARC (LQ*HE, MOA, MIA) of a remittance that the catalogue
/// does not know, or that was not in force on the payment date, as a warning: the code is
/// kept on the adjustment, never dropped, and a person decides what it means. Each
/// distinct code is reported once per transaction, at its first segment.
QList<Defect> checkReasonCodes(const Remittance &remittance, const reference::ReasonCodeCatalogue &catalogue);

} // namespace rcm::x12
