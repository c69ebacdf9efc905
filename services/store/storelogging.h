#pragma once

#include <QLoggingCategory>

namespace rcm::store {
Q_DECLARE_LOGGING_CATEGORY(lcStore)
}
