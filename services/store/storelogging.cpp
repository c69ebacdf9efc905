#include "services/store/storelogging.h"

namespace rcm::store {
Q_LOGGING_CATEGORY(lcStore, "rcm.store", QtWarningMsg)
}
