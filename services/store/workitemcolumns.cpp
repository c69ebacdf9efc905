// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/store/workitemcolumns.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace rcm::store {

QList<ColumnDefinition> workItemColumns()
{
    return {
        {u"row_id"_s, u"INTEGER PRIMARY KEY"_s},
        {u"id"_s, u"TEXT NOT NULL UNIQUE"_s},
        {u"queue"_s, u"TEXT NOT NULL"_s},
        {u"status"_s, u"TEXT NOT NULL"_s},
        {u"priority"_s, u"INTEGER NOT NULL"_s},
        {u"owner_id"_s, u"TEXT"_s},
        {u"due_date"_s, u"TEXT"_s},
        {u"claim_number"_s, u"TEXT NOT NULL"_s},
        {u"account_number"_s, u"TEXT NOT NULL"_s},
        {u"patient_display_name"_s, u"TEXT NOT NULL"_s},
        {u"payer_id"_s, u"TEXT NOT NULL"_s},
        {u"payer_name"_s, u"TEXT NOT NULL"_s},
        {u"facility_id"_s, u"TEXT NOT NULL"_s},
        {u"service_from"_s, u"TEXT"_s},
        {u"service_to"_s, u"TEXT"_s},
        {u"billed_cents"_s, u"INTEGER NOT NULL"_s},
        {u"balance_cents"_s, u"INTEGER NOT NULL"_s},
        {u"at_risk_cents"_s, u"INTEGER NOT NULL"_s},
        {u"group_code"_s, u"TEXT"_s},
        {u"carc"_s, u"TEXT"_s},
        {u"rarcs"_s, u"TEXT"_s},
        {u"denial_category"_s, u"TEXT NOT NULL"_s},
        {u"timely_filing_deadline"_s, u"TEXT"_s},
        {u"appeal_deadline"_s, u"TEXT"_s},
        {u"version"_s, u"INTEGER NOT NULL"_s},
        {u"created_at"_s, u"TEXT NOT NULL"_s},
        {u"updated_at"_s, u"TEXT NOT NULL"_s},
    };
}

QString createStrictTable(const QString &table, const QList<ColumnDefinition> &columns)
{
    // The indentation is the released migrations': new files get the same sqlite_master text.
    QStringList lines;
    lines.reserve(columns.size());
    for (const ColumnDefinition &column : columns)
        lines.append(column.name + u' ' + column.declaration);
    return u"CREATE TABLE "_s + table + u" (\n            "_s + lines.join(u",\n            "_s) + u") STRICT"_s;
}

} // namespace rcm::store
