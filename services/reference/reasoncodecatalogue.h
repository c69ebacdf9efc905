// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace rcm::reference {

/// One CARC or RARC with what it means in plain words, the denial family it belongs to
/// and the code list's dates for it.
struct ReasonCode
{
    enum class Kind { Carc, Rarc };
    Kind kind = Kind::Carc;
    QString code;
    QString family;
    QString description;
    QDate start; ///< invalid when not recorded
    QDate modified; ///< when the list last changed its meaning; invalid when never or not recorded
    QDate stop; ///< the last day it may be used; invalid while in force

    bool isActiveOn(const QDate &date) const
    {
        return (!start.isValid() || start <= date) && (!stop.isValid() || date <= stop);
    }
};

/// The reason-code catalogue (resources/reason-codes.json). Lookups of codes it does not
/// know return nothing, so callers flag them rather than drop them.
class ReasonCodeCatalogue final
{
public:
    /// Parses a catalogue; on failure error says what is wrong and the result is empty.
    static ReasonCodeCatalogue fromJson(const QByteArray &json, QString *error);
    /// The catalogue built into the program.
    static const ReasonCodeCatalogue &builtIn();

    std::optional<ReasonCode> find(ReasonCode::Kind kind, const QString &code) const;
    const QList<ReasonCode> &codes() const { return m_codes; }

private:
    QList<ReasonCode> m_codes;
    QHash<QString, qsizetype> m_index; ///< "carc:197" -> position
};

} // namespace rcm::reference
