// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMetaType>
#include <QString>
#include <QStringView>

#include <compare>
#include <limits>
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

    /// The business cap: no single amount the product accepts is larger than $99,999,999.99
    /// (either sign). One beyond it is a defect in what was sent, never a real charge.
    static constexpr qint64 capCents = 9'999'999'999;
    constexpr bool isWithinCap() const { return m_cents >= -capCents && m_cents <= capCents; }
    /// a + b, or nothing when the sum would not fit in 64 bits: sums are checked, not wrapped.
    static constexpr std::optional<Money> checkedSum(Money a, Money b)
    {
        qint64 sum = 0;
#if defined(__GNUC__) || defined(__clang__)
        if (__builtin_add_overflow(a.m_cents, b.m_cents, &sum))
            return std::nullopt;
#else
        if ((b.m_cents > 0 && a.m_cents > std::numeric_limits<qint64>::max() - b.m_cents)
            || (b.m_cents < 0 && a.m_cents < std::numeric_limits<qint64>::min() - b.m_cents))
            return std::nullopt;
        sum = a.m_cents + b.m_cents;
#endif
        return Money(sum);
    }

    constexpr qint64 cents() const
    {
        return m_cents;
    }
    constexpr bool isZero() const
    {
        return m_cents == 0;
    }
    constexpr bool isNegative() const
    {
        return m_cents < 0;
    }

    /// "1234.50", "-0.07": the canonical decimal form used on the wire and in exports.
    QString toString() const;

    constexpr Money operator+(Money other) const
    {
        return Money(m_cents + other.m_cents);
    }
    constexpr Money operator-(Money other) const
    {
        return Money(m_cents - other.m_cents);
    }
    constexpr Money operator-() const
    {
        return Money(-m_cents);
    }
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
