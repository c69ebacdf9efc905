// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

#include <cmath>
#include <span>

namespace rcm::synthetic {

/// xoshiro256** seeded through SplitMix64, with distributions written out here rather
/// than taken from <random>, whose distributions differ between standard libraries.
/// The same seed gives the same integers everywhere; the log-normal and normal draws use
/// std::log, std::cos and std::exp, so their last bits (and, rarely, a cent or a date
/// at a rounding edge) may differ between C libraries: data is reproducible per platform.
class DeterministicRandom final
{
public:
    explicit DeterministicRandom(quint64 seed)
    {
        for (quint64 &word : m_state)
            word = splitMix64(seed);
    }

    /// A generator for one stream of a seed (one work item, one table), so that any item
    /// can be produced on its own without producing those before it.
    static DeterministicRandom forStream(quint64 seed, quint64 stream)
    {
        quint64 mixed = seed ^ (stream * 0x9E3779B97F4A7C15ULL);
        return DeterministicRandom(splitMix64(mixed));
    }

    quint64 next()
    {
        const quint64 result = rotateLeft(m_state[1] * 5, 7) * 9;
        const quint64 shifted = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= shifted;
        m_state[3] = rotateLeft(m_state[3], 45);
        return result;
    }

    /// Uniform in [0, 1), 53 bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

    /// Uniform integer in [0, bound).
    int below(int bound) { return static_cast<int>(uniform() * bound); }

    /// Uniform integer in [low, high].
    int between(int low, int high) { return low + below(high - low + 1); }

    bool chance(double probability) { return uniform() < probability; }

    /// Standard normal, by Box-Muller.
    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
    }

    /// Log-normal with the given median and shape.
    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

    /// An index into weights, chosen in proportion to them.
    int weighted(std::span<const int> weights)
    {
        int total = 0;
        for (int weight : weights)
            total += weight;
        int pick = below(total);
        for (int index = 0; index < static_cast<int>(weights.size()); ++index) {
            pick -= weights[static_cast<std::size_t>(index)];
            if (pick < 0)
                return index;
        }
        return static_cast<int>(weights.size()) - 1;
    }

    template<typename T>
    const T &pick(std::span<const T> values)
    {
        return values[static_cast<std::size_t>(below(static_cast<int>(values.size())))];
    }

private:
    static quint64 splitMix64(quint64 &state)
    {
        quint64 z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    static quint64 rotateLeft(quint64 value, int bits) { return (value << bits) | (value >> (64 - bits)); }

    quint64 m_state[4];
};

} // namespace rcm::synthetic
