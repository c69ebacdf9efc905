#pragma once

#include <QStringList>

namespace rcm::cli {

/// Dispatches "rcmctl COMMAND ..." to the command; returns the process exit code.
int run(const QStringList &arguments);

} // namespace rcm::cli
