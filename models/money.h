// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

namespace rcm::models {

/// An exact amount of US dollars, held as integer cents. Never a binary float.
class Money final
{
public:
    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    /// Parses "1234.5", "-0.07", "12", ".5" (at most two decimals, optional sign). Rejects
    /// anything else, including exponents, thousands separators and blanks.
    static std::optional<Money> fromString(QStringView text);

    constexpr qint64 cents() const { return m_cents; }
    constexpr bool isZero() const { return m_cents == 0; }
    constexpr bool isNegative() const { return m_cents < 0; }

    /// "1234.50", "-0.07": the canonical decimal form used on the wire and in exports.
    QString toString() const;

    constexpr Money operator+(Money other) const { return Money(m_cents + other.m_cents); }
    constexpr Money operator-(Money other) const { return Money(m_cents - other.m_cents); }
    constexpr Money operator-() const { return Money(-m_cents); }
    constexpr Money &operator+=(Money other)
    {
        m_cents += other.m_cents;
        return *this;
    }
    constexpr Money &operator-=(Money other)
    {
        m_cents -= other.m_cents;
        return *this;
    }
    constexpr auto operator<=>(const Money &) const = default;

private:
    constexpr explicit Money(qint64 cents)
        : m_cents(cents)
    { }

    qint64 m_cents = 0;
};

} // namespace rcm::models

Q_DECLARE_METATYPE(rcm::models::Money)
