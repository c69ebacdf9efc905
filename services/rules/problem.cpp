// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/rules/problem.h"

using namespace Qt::Literals::StringLiterals;

namespace rcm::rules {

QJsonObject Problem::toJson(const QString &correlationId) const
{
    QJsonObject object = extra;
    object.insert(u"type"_s, QString(u"https://rcm-workbench.example/problems/"_s + type));
    object.insert(u"title"_s, title);
    object.insert(u"status"_s, status);
    if (!detail.isEmpty())
        object.insert(u"detail"_s, detail);
    object.insert(u"correlationId"_s, correlationId);
    return object;
}

} // namespace rcm::rules
