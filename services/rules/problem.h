// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QJsonObject>
#include <QString>

namespace rcm::rules {

/// An RFC 9457 problem: what went wrong, for the client and for its user.
struct Problem
{
    int status = 500;
    QString type; ///< a short slug; the JSON "type" is "https://rcm-workbench.example/problems/<type>"
    QString title;
    QString detail;
    QJsonObject extra; ///< merged into the problem object (e.g. the current item on 412)

    QJsonObject toJson(const QString &correlationId) const;
};

inline Problem problem(int status, QString type, QString title, QString detail = {})
{
    return Problem {status, std::move(type), std::move(title), std::move(detail), {}};
}

} // namespace rcm::rules
