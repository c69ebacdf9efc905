// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLatin1StringView>
#include <QStringView>

#include <array>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

namespace rcm::models {

/// A fixed table between an enum and the stable lower-case names used on the wire, in
/// the store and on the command line. Display names are the UI's business, not this.
template<typename Enum, std::size_t Size>
class WireNames final
{
public:
    using Entry = std::pair<Enum, QLatin1StringView>;

    constexpr explicit WireNames(std::array<Entry, Size> entries)
        : m_entries(entries)
    { }

    constexpr QLatin1StringView nameOf(Enum value) const
    {
        for (const auto &[entryValue, name] : m_entries) {
            if (entryValue == value)
                return name;
        }
        return {};
    }

    constexpr std::optional<Enum> valueOf(QStringView name) const
    {
        for (const auto &[entryValue, entryName] : m_entries) {
            if (entryName == name)
                return entryValue;
        }
        return std::nullopt;
    }

    constexpr const std::array<Entry, Size> &entries() const { return m_entries; }

private:
    std::array<Entry, Size> m_entries;
};

} // namespace rcm::models

namespace rcm::models {

/// Specialise with `static constexpr auto table = WireNames<Enum, N>(...)` for each enum.
template<typename Enum>
struct WireNamesOf;

template<typename Enum>
constexpr QLatin1StringView wireName(Enum value)
{
    return WireNamesOf<Enum>::table.nameOf(value);
}

template<typename Enum>
constexpr std::optional<Enum> fromWireName(QStringView name)
{
    return WireNamesOf<Enum>::table.valueOf(name);
}

template<typename Enum>
constexpr auto allValues()
{
    std::array<Enum, std::tuple_size_v<std::remove_cvref_t<decltype(WireNamesOf<Enum>::table.entries())>>> values {};
    for (std::size_t index = 0; index < values.size(); ++index)
        values[index] = WireNamesOf<Enum>::table.entries()[index].first;
    return values;
}

} // namespace rcm::models
