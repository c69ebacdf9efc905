#pragma once

#include <QLoggingCategory>

namespace rcm::x12 {

/// rcm.x12: reading and writing X12 files. Logs segment numbers and codes, never content.
Q_DECLARE_LOGGING_CATEGORY(lcX12)

} // namespace rcm::x12
