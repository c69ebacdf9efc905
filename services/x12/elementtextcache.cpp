// SPDX-FileCopyrightText: 2026 RCM Workbench contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "services/x12/elementtextcache.h"

#include <QtEndian>

#include <cstring>

namespace rcm::x12 {

void ElementTextCache::clear(QString &text)
{
    if (text.isEmpty())
        return;
    if (text.isDetached())
        text.truncate(0);
    else
        text = QString();
}

void ElementTextCache::assignText(QString &target, QByteArrayView value)
{
    const qsizetype size = value.size();
    if (size == 0) {
        clear(target);
        return;
    }
    const char *bytes = value.data();
    bool ascii = true;
    for (qsizetype index = 0; index < size; ++index)
        ascii &= uchar(bytes[index]) < 0x80;
    if (!ascii) {
        target = QString::fromUtf8(value);
        return;
    }
    // ASCII is its own UTF-16: written into target's storage when it is ours and large enough.
    if (!target.isDetached() || target.capacity() < size) {
        QString fresh;
        fresh.reserve(std::max<qsizetype>(size, 24));
        target = std::move(fresh);
    }
    target.resize(size);
    char16_t *out = reinterpret_cast<char16_t *>(target.data());
    for (qsizetype index = 0; index < size; ++index)
        out[index] = char16_t(uchar(bytes[index]));
}

const QString &ElementTextCache::cachedCode(QByteArrayView value)
{
    // The bytes (1 to 7) packed little-endian with the size on top, read as two overlapping
    // words (or three single bytes) rather than one by one.
    const qsizetype size = value.size();
    const auto *bytes = reinterpret_cast<const uchar *>(value.data());
    quint64 key;
    if (size >= 4) {
        quint32 low;
        quint32 high;
        std::memcpy(&low, bytes, 4);
        std::memcpy(&high, bytes + size - 4, 4);
        key = qFromLittleEndian(low) | (quint64(qFromLittleEndian(high)) << (8 * (size - 4)));
    } else {
        key = quint64(bytes[0]) | (quint64(bytes[size / 2]) << (8 * (size / 2)))
            | (quint64(bytes[size - 1]) << (8 * (size - 1)));
    }
    key |= quint64(size) << 56;
    CachedCode &slot = m_codes[std::size_t((key * 0x9E3779B97F4A7C15ULL) >> (64 - codeCacheBits))];
    if (slot.key != key || slot.text.isNull()) {
        slot.key = key;
        slot.text = QString::fromUtf8(value);
    }
    return slot.text;
}

void ElementTextCache::assignRecurring(QString &target, QByteArrayView value)
{
    const qsizetype size = value.size();
    if (size <= 7 || size > qsizetype(sizeof(CachedText::bytes))) {
        assignCode(target, value);
        return;
    }
    // Eight bytes at a time (the last word overlapping), mixed by multiplication.
    const char *bytes = value.data();
    quint64 hash = quint64(size);
    qsizetype offset = 0;
    for (; offset + 8 <= size; offset += 8) {
        quint64 word;
        std::memcpy(&word, bytes + offset, 8);
        hash = (hash ^ word) * 0x9E3779B97F4A7C15ULL;
        hash ^= hash >> 29;
    }
    if (offset < size) {
        quint64 word;
        std::memcpy(&word, bytes + size - 8, 8); // size > 7 here
        hash = (hash ^ word) * 0x9E3779B97F4A7C15ULL;
        hash ^= hash >> 29;
    }
    CachedText &slot = m_texts[std::size_t((hash * 0x9E3779B97F4A7C15ULL) >> (64 - textCacheBits))];
    if (slot.size != size || std::memcmp(slot.bytes.data(), value.data(), std::size_t(size)) != 0) {
        slot.size = size;
        std::memcpy(slot.bytes.data(), value.data(), std::size_t(size));
        slot.text = QString::fromUtf8(value);
    }
    if (!target.isSharedWith(slot.text))
        target = slot.text;
}

QString ElementTextCache::code(QByteArrayView value)
{
    if (value.isEmpty())
        return {};
    if (value.size() > 7)
        return QString::fromUtf8(value);
    return cachedCode(value);
}

void ElementTextCache::assignCode(QString &target, QByteArrayView value)
{
    if (value.isEmpty()) {
        clear(target);
        return;
    }
    if (value.size() > 7) {
        assignText(target, value);
        return;
    }
    const QString &cached = cachedCode(value);
    if (!target.isSharedWith(cached))
        target = cached;
}

} // namespace rcm::x12
