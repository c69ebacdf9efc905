// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/schema.h"

namespace rcm::store {

Schema Schema::upTo(int version) const
{
    Schema older = *this;
    older.migrations.clear();
    for (const Migration &migration : migrations) {
        if (migration.version <= version)
            older.migrations.append(migration);
    }
    return older;
}

} // namespace rcm::store
