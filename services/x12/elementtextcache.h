// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QString>

#include <array>
#include <vector>

namespace rcm::x12 {

/// Turns element values into QStrings without allocating for each: short codes ("HC",
/// "99213", "UN") and recurring names and ids (providers, payers, taxonomies) are shared
/// from small direct-mapped caches, and other text is written into the target's own
/// storage when it has room. A file of millions of lines then allocates little.
class ElementTextCache final
{
public:
    ElementTextCache() = default;
    Q_DISABLE_COPY_MOVE(ElementTextCache)

    /// target = value as text, reusing target's storage when it is not shared.
    static void assignText(QString &target, QByteArrayView value);
    /// A short code, shared from the cache (up to 7 bytes; longer ones are made anew).
    QString code(QByteArrayView value);
    /// target = code(value), without touching target when it already holds that code.
    void assignCode(QString &target, QByteArrayView value);
    /// target = value for names and ids that recur through a file, shared from a cache of
    /// recent ones (up to 40 bytes; longer ones are assigned as text).
    void assignRecurring(QString &target, QByteArrayView value);
    /// Empties text, keeping its storage for the next value when no one else shares it.
    static void clear(QString &text);

private:
    const QString &cachedCode(QByteArrayView value); ///< value of 1 to 7 bytes

    struct CachedCode
    {
        quint64 key = 0;
        QString text;
    };
    static constexpr int codeCacheBits = 10;
    std::array<CachedCode, 1 << codeCacheBits> m_codes;
    struct CachedText
    {
        qsizetype size = -1;
        std::array<char, 40> bytes {};
        QString text;
    };
    static constexpr int textCacheBits = 9;
    std::vector<CachedText> m_texts = std::vector<CachedText>(std::size_t(1) << textCacheBits);
};

} // namespace rcm::x12
